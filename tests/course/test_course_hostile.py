"""Hostile notebooks graded beside honest ones: the sandbox contains every attack.

The attackers know the course's absolute path. They search the disk for gradebooks and submissions
and delete them, read other learners' answers, open network connections, fork without end and write
outside their copy. Every other learner keeps the submission and grade they would have had.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from bad_submissions import TINY_NAME, hostile
from conftest import GOOD, HOSTILE, SECRET, digests

from autograder.notebook import sandbox

NB = f"{TINY_NAME}.ipynb"
pytestmark = pytest.mark.skipif(not sandbox.bubblewrap_works(),
                                reason="cần bubblewrap (apt-get install bubblewrap); .ci/run cài sẵn")


def _outputs(course: Path, learner: str, printed_only: bool = False) -> str:
    """Everything the learner's code put in the graded notebook (or only what it printed)."""
    graded = course / "autograded" / learner / TINY_NAME / NB
    nb = nbformat.read(graded, as_version=4)
    return "".join(o.get("text", "") if printed_only else str(o) for c in nb.cells for o in c.get("outputs", []))


def test_every_submission_was_isolated_by_bubblewrap(graded_class):
    executed = [row for row in graded_class["status"].values() if row["isolation"]]
    assert executed and {row["isolation"] for row in executed} == {"bubblewrap"}


@pytest.mark.parametrize("learner", GOOD)
def test_honest_learners_keep_full_marks_beside_attackers(graded_class, learner):
    row = graded_class["status"][learner]
    assert (row["status"], row["score"]) == ("graded", "8"), row


def test_gradebook_and_every_submission_survive_the_attacks(graded_class):
    course = graded_class["course"]
    assert (course / "gradebook.db").stat().st_size > 0
    assert digests(course / "submitted") == graded_class["submitted_before"]
    assert (course / "source" / TINY_NAME / NB).exists()


def test_no_attacker_reads_another_learners_answer_or_finds_the_gradebook(graded_class):
    course = graded_class["course"]
    for learner in HOSTILE:
        if (course / "autograded" / learner / TINY_NAME / NB).exists():
            assert SECRET not in _outputs(course, learner), learner
            assert "đã xóa" not in _outputs(course, learner, printed_only=True), learner


def test_network_is_unreachable_from_learner_code(graded_class):
    assert graded_class["network_reached"] is False
    printed = _outputs(graded_class["course"], "hv_mang", printed_only=True)
    assert "không kết nối được" in printed and "\nkết nối được" not in "\n" + printed


def test_nothing_is_written_outside_the_private_copy(graded_class):
    course = graded_class["course"]
    assert not (course / "bi_hack.txt").exists() and not (course / "source" / "bi_hack.txt").exists()
    assert not any(Path(marker).exists() for marker in hostile.OUTSIDE_MARKERS)
    assert not (Path.home() / "ailab_bi_hack.txt").exists()


def test_each_attacker_gets_a_row_and_a_failure_says_why(graded_class):
    for learner in HOSTILE:
        row = graded_class["status"][learner]
        assert row["status"] in ("graded", "failed") and row["isolation"] == "bubblewrap", row
        assert row["status"] == "graded" or row["reason"], row


def test_fork_bomb_is_stopped_by_the_process_limit(graded_class):
    row = graded_class["status"]["hv_bom_tien_trinh"]
    printed = _outputs(graded_class["course"], "hv_bom_tien_trinh", printed_only=True)
    assert "dừng ở" in printed or row["status"] == "failed", row

"""Exercise 01 graded the way nbgrader grades it: the real grade cells (visible + hidden) run on answers.

Each answer set replaces the solution cells; every grade cell then runs in order. A failing assert scores 0, a
number as the cell's last expression is partial credit, anything else full points — nbgrader's rules.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbgrader_cells import grade_cells

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "exercises" / "01_lam_quen"
NOTEBOOK = nbformat.read(FOLDER / "01_lam_quen.ipynb", as_version=4)
SKIP = {"m01-tu-kiem-tra", "m01-thu-cong-cu"}


def grade(answers: dict[str, str]) -> dict[str, float]:
    """Points per grade cell when the solution cells hold ``answers`` (cell id -> code)."""
    return grade_cells(NOTEBOOK, FOLDER, answers, SKIP)


def _solution(cell_id: str) -> str:
    source = next(c.source for c in NOTEBOOK.cells if c.id == cell_id)
    return source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]


SOLUTION = {cid: _solution(cid) for cid in ("m01-cau-1-tra-loi", "m01-cau-2-tra-loi", "m01-cau-3-tra-loi",
                                           "m01-cau-4-tra-loi")}
PART_OF = {"m01-cau-1-tra-loi": "m01-cau-1", "m01-cau-2-tra-loi": "m01-cau-2", "m01-cau-3-tra-loi": "m01-cau-3",
           "m01-cau-4-tra-loi": "m01-cau-4"}
MAX = {"m01-cau-1": 2, "m01-cau-2": 3, "m01-cau-3": 1.5, "m01-cau-4": 1.5}

GAMING = {
    "constant_part": {"m01-cau-1-tra-loi": 'phan_chua_hop = dict.fromkeys("ABCDE", "bối cảnh")'},
    "keyword_padding": {"m01-cau-2-tra-loi": 'cau_lenh = "vai trò bối cảnh nhiệm vụ định dạng giới hạn " * 5 + '
                                             '"tiêm phòng dại chó mèo thông báo người dân gạch đầu dòng"'},
    "part_labels_only": {"m01-cau-2-tra-loi": 'cau_lenh = "Vai trò: ...\\nBối cảnh: ...\\nNhiệm vụ: ...\\n'
                                              'Định dạng: ...\\nGiới hạn: ... về tiêm phòng dại cho chó mèo, '
                                              'thông báo cho người dân."'},
    "every_sentence": {"m01-cau-3-tra-loi": "cau_bia_A = list(range(1, 9))",
                       "m01-cau-4-tra-loi": "cau_bia_B = list(range(1, 9))"},
}


def test_solution_earns_every_automatic_point():
    assert grade(SOLUTION) == MAX


def test_blank_copy_earns_nothing():
    assert sum(grade({}).values()) == 0


@pytest.mark.parametrize("name", sorted(GAMING))
def test_gaming_answers_earn_at_most_30_percent_of_the_parts_they_touch(name):
    answers = {**SOLUTION, **GAMING[name]}
    scores = grade(answers)
    touched = [PART_OF[cid] for cid in GAMING[name]]
    assert sum(scores[p] for p in touched) <= 0.3 * sum(MAX[p] for p in touched), scores
    assert all(scores[p] == MAX[p] for p in MAX if p not in touched)

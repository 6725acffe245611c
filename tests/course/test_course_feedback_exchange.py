"""Feedback returned through nbgrader's exchange, in a tmp folder, no hub.

Release → learners submit with ``ailab nop`` → ``course collect --exchange`` → ``grade`` →
``feedback --exchange`` → each learner runs ``ailab phan-hoi``. Through the exchange HV01 hands in a solved
copy, HV03 the blank copy, HV05 a broken file; HV02 hands in nothing; HV04 sends a .zip from a laptop. One OS
user plays them all: each learner has their own home (so their own nbgrader cache) and an nbgrader config
naming them, as their OS user would on the server.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import stat
from pathlib import Path

import pytest
from bad_submissions import TINY_NAME, make_tiny_exercise, solved_release

from ailab import nop, phan_hoi
from ailab.cli import main as ailab
from autograder.course.errors import CourseError
from autograder.course.feedback_exchange import locate_exchange, release_through_exchange
from autograder.course.roster import Learner, write_roster
from autograder.course.settings import ROSTER_FILE, CourseSettings
from autograder.course.workspace import init_course, release_modules
from autograder.workshop.exchange import release_to_exchange
from autograder.workshop.state import WorkshopState

NB = f"{TINY_NAME}.ipynb"
NAMES = {"HV01": "Nguyễn Văn An", "HV02": "Trần Thị Bình", "HV03": "Lê Văn Cường", "HV04": "Phạm Thị Dung",
         "HV05": "Hoàng Văn Em"}


@contextlib.contextmanager
def as_learner(base: Path, exchange: Path, os_name: str):
    """This process's environment as ``os_name``'s lab on the workshop server sees it."""
    home = base / "nha" / os_name
    config = home / ".jupyter"
    config.mkdir(parents=True, exist_ok=True)
    (config / "nbgrader_config.py").write_text(
        f"c = get_config()  # noqa: F821\nc.Exchange.root = {str(exchange)!r}\n"
        f"c.CourseDirectory.course_id = 'ailab'\nc.CourseDirectory.student_id = {os_name!r}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(home))
        patch.setenv("JUPYTER_CONFIG_DIR", str(config))
        patch.setenv("JUPYTER_DATA_DIR", str(home / ".local" / "share" / "jupyter"))
        patch.setenv("AILAB_EXCHANGE", str(exchange))
        patch.setenv("AILAB_COURSE_ID", "ailab")
        yield home / "phong_thuc_hanh_ai"


def _hand_in(course: Path, workspace: Path, notebook: dict) -> None:
    folder = workspace / "bai_tap" / TINY_NAME
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(course / "release" / TINY_NAME / "du_lieu.txt", folder)
    (folder / NB).write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")
    receipt = nop.submit(folder / NB)
    assert receipt.ok and "ailab phan-hoi" in receipt.message, receipt.message


def _text(page: Path) -> str:
    return re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    base = tmp_path_factory.mktemp("tra_phan_hoi")
    make_tiny_exercise(base / "exercises")
    course = base / "lop"
    course.mkdir()
    CourseSettings(cell_timeout=5, notebook_timeout=40, memory_limit_mb=1024, max_output_chars=20_000).save(course)
    roster = base / "danh_sach.csv"
    write_roster([Learner(i, name, "UBND xã Hòa Bình") for i, name in NAMES.items()], roster)
    init_course(course, base / "exercises", roster)
    release_modules(course, [TINY_NAME])
    state = WorkshopState(course_dir=str(course), shared_root=str(base / "chung"),
                          learners={i.lower(): i for i in NAMES})
    state.save()
    release_to_exchange(course, state.exchange)
    solved = solved_release(course / "release" / TINY_NAME / NB, course / "source" / TINY_NAME / NB)
    blank = json.loads((course / "release" / TINY_NAME / NB).read_text(encoding="utf-8"))
    for os_name, notebook in (("hv01", solved), ("hv03", blank), ("hv05", {"cells": "hỏng"})):
        with as_learner(base, state.exchange, os_name) as workspace:
            _hand_in(course, workspace, notebook)
    laptop = base / "may_rieng" / TINY_NAME
    laptop.mkdir(parents=True)
    (laptop / NB).write_text(json.dumps(solved), encoding="utf-8")
    assert ailab(["course", "collect", str(course), "--exchange"]) == 0
    assert ailab(["course", "collect", str(course), str(nop.submit(laptop / NB, "HV04").file)]) == 0
    assert ailab(["course", "grade", str(course), "--workers", "1", "--sandbox", "none"]) == 0
    return base, course, state.exchange


def test_trainer_releases_only_graded_work_and_says_who_was_skipped(returned, capsys):
    base, course, exchange = returned
    assert ailab(["course", "feedback", str(course), "--exchange"]) == 0
    out = capsys.readouterr().out
    assert "Đã tạo 4 trang phản hồi" in out
    assert "Đã gửi 2 phản hồi (2 học viên) lên máy chủ lớp học" in out
    assert "Không gửi 3 phản hồi:\n" in out
    assert f"- HV05 (bài {TINY_NAME}): chưa chấm được — không phải notebook" in out
    assert f"- HV04 (bài {TINY_NAME}): bài không nộp qua máy chủ lớp học; hãy gửi tệp trong feedback_html\n" in out
    assert f"- HV02 (bài {TINY_NAME}): chưa nộp bài\n" in out
    assert all((course / "feedback_html" / who / f"{TINY_NAME}.html").is_file() for who in ("HV01", "HV04"))
    released = sorted((exchange / "ailab" / "feedback").iterdir())
    assert len(released) == 2 and all(re.fullmatch(r"[0-9a-f]{32}\.html", p.name) for p in released)
    assert stat.S_IMODE((exchange / "ailab" / "feedback").stat().st_mode) & 0o044 == 0  # nobody else can list it


def test_learner_fetches_their_own_page_with_their_score(returned, capsys):
    base, course, exchange = returned
    ailab(["course", "feedback", str(course), "--exchange"])
    with as_learner(base, exchange, "hv01") as workspace:
        assert ailab(["phan-hoi"]) == 0
    out = capsys.readouterr().out
    page = workspace / "phan_hoi" / TINY_NAME / f"{TINY_NAME}.html"
    assert f"phan_hoi/{TINY_NAME}/{TINY_NAME}.html" in out
    text = _text(page)
    assert "Nguyễn Văn An (HV01)" in text and "Điểm hiện có: 8 / 10" in text
    assert "Lê Văn Cường" not in text and "BEGIN HIDDEN TESTS" not in text
    with as_learner(base, exchange, "hv03") as other:
        assert ailab(["phan-hoi", "01"]) == 0
    assert "Lê Văn Cường (HV03)" in _text(other / "phan_hoi" / TINY_NAME / f"{TINY_NAME}.html")
    assert "Điểm hiện có: 0 / 10" in _text(other / "phan_hoi" / TINY_NAME / f"{TINY_NAME}.html")


def test_learner_without_a_submission_gets_nothing_and_is_told_why(returned, capsys):
    base, course, exchange = returned
    ailab(["course", "feedback", str(course), "--exchange"])
    capsys.readouterr()
    with as_learner(base, exchange, "hv02") as workspace:
        assert ailab(["phan-hoi"]) == 1
    assert "Bạn chưa nộp bài nào qua máy chủ lớp học" in capsys.readouterr().out
    assert not (workspace / "phan_hoi").exists()


def test_a_learner_cannot_fetch_another_learners_feedback(returned):
    """HV01 copies HV03's submission (same notebook, same folder name and time) into their own cache.

    Without HV03's random submission secret, which only HV03's private cache and the inbound folder hold,
    nbgrader cannot name HV03's page, so HV01 gets nothing of HV03's — even though HV03 handed in the blank
    copy, whose bytes everyone has (nbgrader's legacy names hashed only the notebook and the submission).
    """
    base, course, exchange = returned
    ailab(["course", "feedback", str(course), "--exchange"])
    theirs = next((base / "nha" / "hv03" / ".local/share/jupyter/nbgrader_cache/ailab").iterdir())
    with as_learner(base, exchange, "hv01") as workspace:
        cache = phan_hoi.cache_folder("ailab")
        for item in list(cache.iterdir()):
            shutil.rmtree(item)
        forged = cache / theirs.name
        shutil.copytree(theirs, forged)
        (forged / "submission_secret.txt").write_text("0" * 128, encoding="utf-8")
        shutil.rmtree(workspace / "phan_hoi", ignore_errors=True)
        guessed = phan_hoi.fetch(None, workspace)
        (forged / "submission_secret.txt").unlink()  # nbgrader then tries its legacy hashes of the notebook
        legacy = phan_hoi.fetch(None, workspace)
    assert guessed.pages == [] and guessed.waiting == [TINY_NAME]
    assert legacy.pages == [] and not (workspace / "phan_hoi").exists()


def test_resubmitting_after_grading_keeps_the_graded_feedback(returned):
    base, course, exchange = returned
    ailab(["course", "feedback", str(course), "--exchange"])
    blank = json.loads((course / "release" / TINY_NAME / NB).read_text(encoding="utf-8"))
    with as_learner(base, exchange, "hv03") as workspace:
        _hand_in(course, workspace, blank | {"metadata": {**blank["metadata"], "sua_lai": 1}})
        outcome = phan_hoi.fetch(TINY_NAME, workspace)
    assert [p.name for p in outcome.pages] == [NB.replace(".ipynb", ".html")]
    assert "Lê Văn Cường (HV03)" in _text(outcome.pages[0])


def test_exchange_folder_is_found_from_the_workshop_or_given(returned, tmp_path):
    base, course, exchange = returned
    assert locate_exchange(course, None) == (exchange, {i.lower(): i for i in NAMES})
    bare = tmp_path / "lop_khac"
    bare.mkdir()
    write_roster([Learner("HV07", "Phạm Thị Dung"), Learner("7x", "Tên không dùng được")], bare / ROSTER_FILE)
    with pytest.raises(CourseError, match="chưa mở máy chủ lớp học"):
        locate_exchange(bare, None)
    assert locate_exchange(bare, exchange) == (exchange, {"hv07": "HV07"})
    with pytest.raises(CourseError, match="Không thấy thư mục trao đổi"):
        locate_exchange(bare, tmp_path / "khong_co")
    with pytest.raises(CourseError, match="chưa chấm bài nào"):
        release_through_exchange(bare, exchange, {"hv07": "HV07"})

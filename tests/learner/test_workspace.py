"""The learner workspace: what it holds, what it never holds, and how later runs treat the learner's work."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from ailab import learner_release
from ailab.curriculum import REGISTRY, built_modules
from ailab.progress import read_progress, record_result
from ailab.workspace import NEW_VERSION_SUFFIX, START_PAGE, build_workspace

from .secrets_of_exercises import answer_key_names, leaks, secret_lines

REPO = REGISTRY.parent


def _text_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        return "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
    return path.read_text(encoding="utf-8", errors="replace")


def test_workspace_holds_start_page_lessons_and_exercises(workspace):
    for module in [m for m in built_modules() if m.audience != "trainer"]:
        assert (workspace / "bai_giang" / f"{module.slug}.ipynb").is_file()
        assert (workspace / "bai_tap" / module.slug / f"{module.slug}.ipynb").is_file()
    assert (workspace / "bai_giang" / "data" / "03_bao_cao_mau.txt").is_file()
    assert (workspace / "bai_tap" / "01_lam_quen" / "nguon_A.txt").is_file()
    start = (workspace / START_PAGE).read_text(encoding="utf-8")
    assert "Bắt đầu ở đây" in start and "Shift + Enter" in start and "▶" in start
    assert start.count("\n| ") >= 19 and "bắt buộc" in start and "tự chọn" in start and "đang xây dựng" in start
    assert "(bai_giang/01_lam_quen.ipynb)" in start and "ailab nop" in start


def test_workspace_has_no_code_answer_key_or_trainer_file(workspace):
    names = {p.name for p in workspace.rglob("*") if p.is_file()}
    assert not names & answer_key_names()
    assert not [n for n in names if n.endswith(".py") or n.startswith("dap_an") or "huong_dan_cham" in n]
    top = {p.name for p in workspace.iterdir() if not p.name.startswith(".")}
    assert top == {START_PAGE, "bai_giang", "bai_tap"}


def test_no_solution_hidden_test_or_marking_guide_reaches_the_workspace(workspace):
    assert len(secret_lines()) > 20  # the comparison has something to find
    for path in workspace.rglob("*"):
        if path.is_file() and ".ailab" not in path.parts:
            # A lesson may teach the method an exercise applies (its code lines); never a test or a guide.
            kinds = ("HIDDEN TESTS", "NOTE") if path.parent.name == "bai_giang" else ("SOLUTION", "HIDDEN TESTS", "NOTE")
            assert not leaks(_text_of(path), kinds), path


def test_learner_copy_keeps_visible_tests_and_puts_the_self_check_on_top(workspace):
    notebook = nbformat.read(workspace / "bai_tap" / "01_lam_quen" / "01_lam_quen.ipynb", as_version=4)
    sources = [cell.source for cell in notebook.cells]
    assert "self_check_button" in sources[2] and "không** kiểm tra được các bài kiểm tra ẩn" in sources[1]
    assert any("autograder.modules.m01_lam_quen import" in s and "check_" in s for s in sources)
    assert all("BEGIN HIDDEN TESTS" not in s and "BEGIN SOLUTION" not in s for s in sources)
    assert not any(s.lstrip("*").startswith("Hướng dẫn chấm") for s in sources)
    assert any("raise NotImplementedError()" in s for s in sources)


def test_shipped_notebooks_are_as_the_lab_saves_them(workspace):
    lesson = workspace / "bai_giang" / "01_lam_quen.ipynb"
    notebook = nbformat.read(lesson, as_version=4)
    assert notebook.nbformat_minor >= 5 and all(cell.get("id") for cell in notebook.cells)
    assert notebook.metadata.language_info.get("codemirror_mode")
    assert lesson.read_text(encoding="utf-8") == nbformat.writes(notebook) + "\n"


def _source_copy(tmp_path: Path) -> Path:
    root = tmp_path / "kho"
    for name in ("notebooks", "exercises"):
        shutil.copytree(REPO / name, root / name)
    return root


def test_a_later_run_updates_untouched_files_and_keeps_the_learners(tmp_path, release_cache):
    source, folder = _source_copy(tmp_path), tmp_path / "hoc_vien"
    build_workspace(folder, modules=["01", "03"], source_root=source, cache_dir=release_cache)
    mine = folder / "bai_giang" / "01_lam_quen.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace("Mục tiêu", "Mục tiêu (ghi chú của tôi)"), encoding="utf-8")
    for slug in ("01_lam_quen", "03_tom_tat_bao_cao"):
        lesson = source / "notebooks" / f"{slug}.ipynb"
        notebook = nbformat.read(lesson, as_version=4)
        notebook.cells.append(nbformat.v4.new_markdown_cell("Phần mới của bài học."))
        nbformat.write(notebook, lesson)
    report = build_workspace(folder, modules=["01", "03"], source_root=source, cache_dir=release_cache)
    assert "ghi chú của tôi" in mine.read_text(encoding="utf-8")
    beside = folder / "bai_giang" / f"01_lam_quen{NEW_VERSION_SUFFIX}.ipynb"
    assert "Phần mới của bài học." in beside.read_text(encoding="utf-8")
    assert "Phần mới của bài học." in (folder / "bai_giang" / "03_tom_tat_bao_cao.ipynb").read_text(encoding="utf-8")
    assert [p for p in report.updated if p != START_PAGE] == ["bai_giang/03_tom_tat_bao_cao.ipynb"]
    assert any("01_lam_quen.ipynb" in line and "giữ nguyên" in line for line in report.notes())
    assert "01_lam_quen (ban_moi).ipynb" in (folder / START_PAGE).read_text(encoding="utf-8")


def test_a_new_module_is_added_on_a_later_run(tmp_path, release_cache):
    folder = tmp_path / "hoc_vien"
    build_workspace(folder, modules=["01"], cache_dir=release_cache)
    assert not (folder / "bai_tap" / "03_tom_tat_bao_cao").exists()
    report = build_workspace(folder, modules=["01", "03"], cache_dir=release_cache)
    assert "bai_tap/03_tom_tat_bao_cao/03_tom_tat_bao_cao.ipynb" in report.added
    assert report.updated == [START_PAGE] and not report.beside


def test_second_start_reuses_the_cached_learner_copies(workspace, release_cache, monkeypatch, tmp_path):
    def must_not_run(_exercise):
        raise AssertionError("learner copy made again although it is cached")

    monkeypatch.setattr(learner_release, "generate_learner_copy", must_not_run)
    report = build_workspace(tmp_path / "lan_hai", cache_dir=release_cache)
    assert report.added


def test_self_check_result_is_recorded_and_shown_on_the_start_page(tmp_path, release_cache):
    folder = tmp_path / "hoc_vien"
    build_workspace(folder, modules=["01"], cache_dir=release_cache)
    parts = [{"passed": True}, {"passed": False}, {"passed": True}]
    record = record_result(folder / "bai_tap" / "01_lam_quen" / "01_lam_quen.ipynb", parts)
    assert record == folder / ".ailab" / "tien_do.json"
    progress = read_progress(folder)["01"]
    assert (progress.passed, progress.total) == (2, 3)
    assert "đạt 2/3 phần" in (folder / START_PAGE).read_text(encoding="utf-8")


def test_progress_outside_a_workspace_goes_to_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("AILAB_HOME", str(tmp_path / "nha"))
    record = record_result(tmp_path / "02_soan_thao_van_ban.ipynb", [{"passed": True}])
    assert json.loads(record.read_text(encoding="utf-8"))["02"]["passed"] == 1


@pytest.mark.parametrize("name", ["dap_an.json", "dap_an_tin_nhan.csv", "generate.py", "README.md"])
def test_release_leaves_answer_keys_and_code_out(tmp_path, name, release_cache):
    exercise = tmp_path / "01_lam_quen"
    shutil.copytree(REPO / "exercises" / "01_lam_quen", exercise)
    (exercise / name).write_text("bí mật của giảng viên", encoding="utf-8")
    released = learner_release.released_copy(exercise, release_cache)
    assert not (released / name).exists() and (released / "nguon_A.txt").exists()


def test_trainer_modules_stay_out_of_the_learner_workspace(workspace):
    from ailab import curriculum

    trainer = [m for m in curriculum.built_modules() if m.audience == "trainer"]
    assert trainer, "module 19 is the trainer's"
    for module in trainer:
        assert not (workspace / "bai_giang" / f"{module.slug}.ipynb").exists()
        assert not list((workspace / "bai_giang" / "data").glob(f"{module.code}_*"))
        assert not (workspace / "bai_tap" / module.slug).exists()
    assert "ailab lab --giang-vien" in (workspace / "00_bat_dau_o_day.md").read_text(encoding="utf-8")

"""Collecting submissions: layouts, unknown learners, newer-wins, nothing written outside the course."""

from __future__ import annotations

import os
import zipfile

from bad_submissions import write_zip_slip

from autograder.course.collect import collect, place, read_timestamp

LEARNERS = {"hv01", "hv_02"}
NOTEBOOKS = {"01_lam_quen.ipynb": "01_lam_quen", "02_soan_thao.ipynb": "02_soan_thao"}


def test_nested_flat_and_two_level_layouts_are_placed():
    assert place(("hv01", "01_lam_quen", "01_lam_quen.ipynb"), LEARNERS, NOTEBOOKS).learner == "hv01"
    assert place(("lop", "hv_02", "02_soan_thao.ipynb"), LEARNERS, NOTEBOOKS).module == "02_soan_thao"
    flat = place(("hv_02_01_lam_quen.ipynb",), LEARNERS, NOTEBOOKS)
    assert (flat.learner, flat.module, flat.notebook) == ("hv_02", "01_lam_quen", "01_lam_quen.ipynb")


def test_unknown_learner_and_wrong_name_are_explained_in_vietnamese():
    assert "không có trong danh sách" in place(("hv99_01_lam_quen.ipynb",), LEARNERS, NOTEBOOKS).message
    assert "tên tệp 'bai_lam.ipynb' không đúng" in place(("hv01", "bai_lam.ipynb"), LEARNERS, NOTEBOOKS).message


def _write(path, text, mtime):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))


def test_older_submission_never_replaces_a_newer_one(tmp_path):
    course = tmp_path / "course"
    _write(tmp_path / "dot1" / "hv01_01_lam_quen.ipynb", "moi", 2_000_000_000)
    _write(tmp_path / "dot2" / "hv01" / "01_lam_quen.ipynb", "cu", 1_900_000_000)
    collect(course, tmp_path / "dot1", LEARNERS, NOTEBOOKS)
    notes = collect(course, tmp_path / "dot2", LEARNERS, NOTEBOOKS)
    target = course / "submitted" / "hv01" / "01_lam_quen" / "01_lam_quen.ipynb"
    assert target.read_text(encoding="utf-8") == "moi"
    assert [n.result for n in notes] == ["giữ bài cũ"]
    assert read_timestamp(target.parent) == 2_000_000_000
    log = (course / "reports" / "collect_log.csv").read_text(encoding="utf-8-sig")
    assert "giữ bài cũ" in log and "nhận" in log


def test_newer_zip_entry_replaces_older_submission(tmp_path):
    course = tmp_path / "course"
    _write(tmp_path / "dot1" / "hv01_01_lam_quen.ipynb", "cu", 1_600_000_000)
    collect(course, tmp_path / "dot1", LEARNERS, NOTEBOOKS)
    archive = tmp_path / "moi.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(zipfile.ZipInfo("hv01/01_lam_quen/01_lam_quen.ipynb", (2030, 1, 2, 3, 4, 6)), "moi")
        zf.writestr(zipfile.ZipInfo("hv01_01_lam_quen.ipynb", (2029, 1, 1, 0, 0, 0)), "giua")
    notes = collect(course, archive, LEARNERS, NOTEBOOKS)
    assert (course / "submitted" / "hv01" / "01_lam_quen" / "01_lam_quen.ipynb").read_text() == "moi"
    assert sorted(n.result for n in notes) == ["bỏ qua", "nhận"]


def test_zip_slip_and_absolute_paths_are_refused(tmp_path):
    course = tmp_path / "lop" / "course"
    notes = collect(course, write_zip_slip(tmp_path / "x.zip", "hv01", "01_lam_quen.ipynb", b"{}"), LEARNERS,
                    NOTEBOOKS)
    assert sum("không an toàn" in n.message for n in notes) == 3
    assert not (course / "submitted").exists()
    assert not list(tmp_path.rglob("*.ipynb"))


def test_symlinked_files_are_not_followed(tmp_path):
    secret = tmp_path / "bi_mat.ipynb"
    secret.write_text("bí mật", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "hv01_01_lam_quen.ipynb").symlink_to(secret)
    notes = collect(tmp_path / "course", inbox, LEARNERS, NOTEBOOKS)
    assert "symlink" in notes[0].message
    assert not (tmp_path / "course" / "submitted").exists()


def test_collected_notebooks_are_read_only_and_a_newer_version_still_replaces_them(tmp_path):
    import stat

    course = tmp_path / "lop"
    inbox = tmp_path / "nop"
    (inbox / "hv1").mkdir(parents=True)
    source = inbox / "hv1" / "01_bai.ipynb"
    source.write_text("{}", encoding="utf-8")
    os.utime(source, (1_700_000_000, 1_700_000_000))
    collect(course, inbox, {"hv1"}, {"01_bai.ipynb": "01_bai"})
    target = course / "submitted" / "hv1" / "01_bai" / "01_bai.ipynb"
    assert not target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    source.write_text('{"moi": 1}', encoding="utf-8")
    os.utime(source, (1_800_000_000, 1_800_000_000))
    collect(course, inbox, {"hv1"}, {"01_bai.ipynb": "01_bai"})
    assert target.read_text(encoding="utf-8") == '{"moi": 1}'

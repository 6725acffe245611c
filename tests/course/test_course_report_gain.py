"""``ailab course report --truoc FILE --sau FILE``: the report workbook gets a "Tiến bộ" sheet."""

from __future__ import annotations

import argparse

import pytest
from openpyxl import Workbook, load_workbook

from autograder.course.cli import register
from autograder.course.errors import CourseError
from autograder.course.gain import SHEET, add_gain_sheet
from autograder.kit.pretest import load_forms


def _key(form: str) -> str:
    return "".join(q.answer for q in load_forms()[form])


def _wrong(letters: str, count: int) -> str:
    """``letters`` with the first ``count`` answers made wrong."""
    return "".join(("b" if c == "a" else "a") if i < count else c for i, c in enumerate(letters))


def test_gain_sheet_shows_each_learner_and_each_competency(tmp_path):
    book_path = tmp_path / "grades.xlsx"
    book = Workbook()
    book.active.title = "Bảng điểm"
    book.save(book_path)
    (tmp_path / "truoc.txt").write_text(f"HV01 A {_wrong(_key('A'), 6)}\nHV02 A {_wrong(_key('A'), 10)}\n"
                                        f"HV03 A {_key('A')}\n", encoding="utf-8")
    (tmp_path / "sau.txt").write_text(f"HV01 B {_wrong(_key('B'), 1)}\nHV02 B {_wrong(_key('B'), 3)}\n",
                                      encoding="utf-8")
    add_gain_sheet(book_path, tmp_path / "truoc.txt", tmp_path / "sau.txt")
    book = load_workbook(book_path)
    assert book.sheetnames == ["Bảng điểm", SHEET]
    rows = [list(r) for r in book[SHEET].iter_rows(values_only=True)]
    assert rows[1] == ["HV01", 4, 9, 5] and rows[2] == ["HV02", 0, 7, 7]
    competencies = rows[rows.index([None, None, None, None]) + 2:][:10]
    first = competencies[0]
    assert first[1:] == [0.0, 0.0, 0.0]  # both learners wrong on the first question before and after
    assert competencies[9][1:] == [0.5, 1.0, 50.0]
    assert "HV03" in rows[-1][0]


def test_a_bad_answer_file_is_a_vietnamese_course_error(tmp_path):
    book_path = tmp_path / "grades.xlsx"
    Workbook().save(book_path)
    (tmp_path / "truoc.txt").write_text("HV01 C abc\n", encoding="utf-8")
    with pytest.raises(CourseError, match="tiến bộ"):
        add_gain_sheet(book_path, tmp_path / "truoc.txt", tmp_path / "khong_co.txt")


def test_report_command_takes_both_answer_files(tmp_path):
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["course", "report", str(tmp_path), "--truoc", "a.txt", "--sau", "b.txt"])
    assert (str(args.truoc), str(args.sau)) == ("a.txt", "b.txt")
    (tmp_path / "nbgrader_config.py").write_text("", encoding="utf-8")
    only_one = parser.parse_args(["course", "report", str(tmp_path), "--truoc", "a.txt"])
    assert only_one.handler(only_one) == 2

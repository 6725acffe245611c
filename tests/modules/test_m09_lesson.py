"""Lesson 09 says what its checks output: the test runs the same checks and compares."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from autograder.checks.tasks import parse_deadline
from autograder.modules.m09_bien_ban_cuoc_hop import (
    grade_bien_ban_components,
    people_from_transcript,
    review_task_table,
)

ROOT = Path(__file__).resolve().parents[2]
LESSON = ROOT / "notebooks" / "09_bien_ban_cuoc_hop.ipynb"
DATA = ROOT / "notebooks" / "data"
MEETING = dt.date(2026, 4, 8)
TRANSCRIPT = (DATA / "09_ghi_chep_hop_mau.txt").read_text("utf-8")
AI_TABLE = (DATA / "09_bang_nhiem_vu_ai_mau.md").read_text("utf-8")
CELLS = ["".join(c["source"]) for c in json.loads(LESSON.read_text("utf-8"))["cells"]]
LESSON_MINUTES = re.search(r'noi_dung = """(.*?)"""', "\n".join(CELLS), re.S).group(1)
FACTS = {"ngay": MEETING, "bat_dau": (14, 0), "ket_thuc": (16, 0), "dia_diem": ("phòng họp", "Hòa Sơn"),
         "chu_tri": "Phan Văn Bình", "thu_ky": "Hứa Thị Ngọc"}


def test_meeting_day_is_the_wednesday_the_lesson_says():
    assert MEETING.weekday() == 2 and "thứ Tư, ngày 08/4/2026" in TRANSCRIPT


def test_next_weeks_friday_is_the_17th_not_the_10th_as_section_5_says():
    assert parse_deadline("trước thứ Sáu tuần sau", MEETING) == dt.date(2026, 4, 17)
    assert "17/4/2026" in "\n".join(CELLS) and "10/4" in "\n".join(CELLS)


def test_review_of_the_prepared_table_says_what_section_6_reads_out():
    notes = review_task_table(AI_TABLE, TRANSCRIPT, MEETING)
    assert len(notes) == 5
    assert "17/04/2026" in notes[0] and "10/04/2026" in notes[0]
    assert "không có nguyên văn" in notes[1] and "không có nguyên văn" in notes[4]
    assert "khớp" in notes[2]  # the reassigned task passes the tool: only reading finds it (lesson says so)
    assert "chuyển cho chị Thu" in TRANSCRIPT


def _write(tmp_path, text):
    from ailab.vanban import VanBan, write_docx

    van_ban = VanBan(loai="Biên bản", co_quan_ban_hanh="Ủy ban nhân dân xã Hòa Sơn", dia_danh="Hòa Sơn",
                     ngay=MEETING, trich_yeu="Họp bàn chuẩn bị phòng, chống thiên tai năm 2026", noi_dung=text,
                     nguoi_ky="Phan Văn Bình", thu_ky="Hứa Thị Ngọc", noi_nhan=["Các thành viên dự họp"])
    return write_docx(van_ban, tmp_path / "bien_ban.docx")


def test_the_lessons_minutes_score_eight_of_eight_as_section_8_says(tmp_path):
    result = grade_bien_ban_components(_write(tmp_path, LESSON_MINUTES), FACTS, people_from_transcript(TRANSCRIPT), 8)
    assert result.score == 8 and "Đạt 8/8" in "\n".join(CELLS)


def test_a_wrong_start_time_is_reported_as_section_8_says(tmp_path):
    text = LESSON_MINUTES.replace("14 giờ 00", "15 giờ 00")
    result = grade_bien_ban_components(_write(tmp_path, text), FACTS, people_from_transcript(TRANSCRIPT), 8)
    assert result.score == 7 and any("Thời gian bắt đầu" in m for m in result.messages)


def test_no_lesson_line_sends_learners_to_the_trainers_exercise_folder():
    assert not any("exercises/" in cell for cell in CELLS)

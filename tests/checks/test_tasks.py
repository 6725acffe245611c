"""Task tables (autograder/checks/tasks.py): Vietnamese dates, relative deadlines, pasted tables, matching."""

from __future__ import annotations

import datetime as dt

import pytest

from autograder.checks.tasks import (
    KeyTask,
    TaskRow,
    find_dates,
    match_tasks,
    owner_is,
    parse_date,
    parse_deadline,
    read_task_table,
)

MONDAY = dt.date(2026, 4, 6)
WEDNESDAY = dt.date(2026, 4, 8)


@pytest.mark.parametrize(("text", "day"), [
    ("15/4/2026", dt.date(2026, 4, 15)), ("ngày 15/04/2026", dt.date(2026, 4, 15)),
    ("15-4-2026", dt.date(2026, 4, 15)), ("2026-04-15", dt.date(2026, 4, 15)),
    ("ngày 15 tháng 4 năm 2026", dt.date(2026, 4, 15)), ("15/4", dt.date(2026, 4, 15)),
    ("trước ngày 5 tháng 5", dt.date(2026, 5, 5)),
])
def test_parse_date_reads_vietnamese_forms(text, day):
    assert parse_date(text, 2026) == day


@pytest.mark.parametrize("text", ["31/4/2026", "thứ Sáu tuần sau", "", "80%", "7 giờ 30"])
def test_parse_date_gives_none_without_a_real_explicit_date(text):
    assert parse_date(text, 2026) is None


def test_find_dates_keeps_order_and_both_ends_of_a_range():
    assert find_dates("từ ngày 13/4 đến 17/4/2026", 2026) == [dt.date(2026, 4, 13), dt.date(2026, 4, 17)]


@pytest.mark.parametrize(("phrase", "meeting", "day"), [
    ("trước thứ Sáu tuần sau", MONDAY, dt.date(2026, 4, 17)),
    ("trước thứ Sáu tuần sau", WEDNESDAY, dt.date(2026, 4, 17)),
    ("chậm nhất thứ Tư tuần này", MONDAY, dt.date(2026, 4, 8)),
    ("thứ 6 tuần tới", MONDAY, dt.date(2026, 4, 17)),
    ("thứ Sáu", MONDAY, dt.date(2026, 4, 10)),
    ("thứ Hai", MONDAY, dt.date(2026, 4, 13)),
    ("chủ nhật tuần này", MONDAY, dt.date(2026, 4, 12)),
    ("ngày mai gửi các đồng chí", MONDAY, dt.date(2026, 4, 7)),
    ("trong ngày hôm nay", MONDAY, MONDAY),
    ("trong tháng này", MONDAY, dt.date(2026, 4, 30)),
    ("cuối tháng sau", MONDAY, dt.date(2026, 5, 31)),
    ("hết tháng 2", dt.date(2026, 12, 7), dt.date(2027, 2, 28)),
    ("trong 5 ngày", MONDAY, dt.date(2026, 4, 11)),
    ("trước ngày 20/4/2026", MONDAY, dt.date(2026, 4, 20)),
])
def test_parse_deadline_counts_from_the_meeting_date(phrase, meeting, day):
    assert parse_deadline(phrase, meeting) == day


def test_parse_deadline_does_not_take_a_name_for_tomorrow():
    assert parse_deadline("chị Mai làm", MONDAY) is None


MARKDOWN = """| STT | Nhiệm vụ | Người thực hiện | Thời hạn | Câu gốc (trích nguyên văn) |
|---|---|---|---|---|
| 1 | **Kiểm tra bãi sông** | Anh Hùng | 17/4/2026 | "Anh Hùng bên địa chính lo việc này" |
"""


def test_read_task_table_reads_a_chat_markdown_table_by_its_headers():
    rows, problems = read_task_table(MARKDOWN)
    assert problems == []
    assert rows == [TaskRow("Kiểm tra bãi sông", "Anh Hùng", "17/4/2026", '"Anh Hùng bên địa chính lo việc này"')]


def test_read_task_table_reads_tabs_from_word_or_excel_in_any_column_order():
    text = "Câu gốc\tThời hạn\tNgười phụ trách\tCông việc\nAnh Hùng lo việc này\t17/4/2026\tHùng\tKiểm tra"
    rows, _ = read_task_table(text)
    assert rows[0].nguoi == "Hùng" and rows[0].viec == "Kiểm tra" and rows[0].cau_goc == "Anh Hùng lo việc này"


@pytest.mark.parametrize(("text", "words"), [("", "trống"), ("a | b\n1 | 2", "tiêu đề"),
                                             ("| Nhiệm vụ | Người | Thời hạn | Câu gốc |", "chưa có nhiệm vụ")])
def test_read_task_table_explains_what_is_wrong(text, words):
    rows, problems = read_task_table(text)
    assert rows == [] and words in problems[0]


SOURCE = ("01. Chủ tịch: Anh Long chuẩn bị nội dung hội nghị, xong trước ngày 20/4/2026.\n"
          "02. Anh Long: Tuần sau tôi đi tập huấn ở tỉnh.\n"
          "03. Chủ tịch: Vậy việc chuẩn bị nội dung hội nghị chuyển sang chị Hà, thời hạn vẫn là ngày 20/4/2026.\n"
          "04. Chủ tịch: Việc sân vận động để sau bàn, hôm nay chưa giao ai.\n")
KEY = [KeyTask("T1", ("Hà", "Phạm Thu Hà"), dt.date(2026, 4, 20),
               ("Anh Long chuẩn bị nội dung hội nghị", "chuyển sang chị Hà"))]
PEOPLE = [("Long", "Vũ Đức Long"), ("Hà", "Phạm Thu Hà")]


def row(quote, owner="Chị Hà"):
    return TaskRow("Chuẩn bị hội nghị", owner, "20/4/2026", quote)


def test_match_tasks_joins_rows_by_their_source_sentence_either_one_of_a_reassigned_task():
    for quote in ("Anh Long chuẩn bị nội dung hội nghị, xong trước ngày 20/4/2026.",
                  "Vậy việc chuẩn bị nội dung hội nghị chuyển sang chị Hà, thời hạn vẫn là ngày 20/4/2026."):
        matching = match_tasks([row(quote)], KEY, SOURCE)
        assert list(matching.matched) == ["T1"] and matching.extras == []


def test_match_tasks_sets_aside_discussion_paraphrase_short_quotes_and_duplicates():
    rows = [row("Việc sân vận động để sau bàn, hôm nay chưa giao ai."),
            row("Chị Hà chuẩn bị nội dung hội nghị trước ngày 20/4/2026."),
            row("chị Hà"),
            row("Anh Long chuẩn bị nội dung hội nghị, xong trước ngày 20/4/2026."),
            row("Vậy việc chuẩn bị nội dung hội nghị chuyển sang chị Hà")]
    matching = match_tasks(rows, KEY, SOURCE)
    reasons = [reason for _, reason in matching.extras]
    assert list(matching.matched) == ["T1"] and len(reasons) == 4
    assert "thảo luận" in reasons[0] and "nguyên văn" in reasons[1] and "đủ dài" in reasons[2]
    assert "trùng" in reasons[3]


@pytest.mark.parametrize(("owner", "right"), [("Chị Phạm Thu Hà", True), ("Hà (Văn phòng)", True),
                                              ("Anh Long", False), ("Anh Long, chị Hà", False), ("", False)])
def test_owner_is_the_final_owner_and_nobody_else(owner, right):
    assert owner_is(owner, KEY[0], PEOPLE) is right

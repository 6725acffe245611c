"""Task tables taken from a meeting: who does what, by when, on the strength of which sentence.

Public API
----------
- ``parse_date(text, default_year) -> date | None``: an explicit Vietnamese date ("15/4/2026", "ngày 15 tháng 4",
  "2026-04-15", "15.4"); None when the text holds none or an impossible one.
- ``find_dates(text, default_year) -> list[date]``: every explicit date of a text, in order.
- ``parse_deadline(text, meeting) -> date | None``: a deadline as said in a meeting, relative to the meeting
  date: explicit dates, "hôm nay", "ngày mai", "thứ Sáu tuần sau", "thứ Tư tuần này", "cuối tháng này",
  "trong tháng 4", "trong 5 ngày".
- ``read_task_table(text) -> (rows, problems)``: a pasted table (markdown pipes from a chat, tabs from Word or
  Excel, or semicolons) as ``TaskRow``s; Vietnamese problems when it cannot be read.
- ``KeyTask`` and ``match_tasks(rows, key, source)``: each row joined to the key task whose source sentence its
  quote comes from; rows whose quote is not verbatim, or comes from no task's sentence, are extras.
- ``owner_is(owner_text, key_task, people)``: the owner cell names the task's person and nobody else.
Pure functions; the key is always an argument (a grader builds it in a hidden test), never stored here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ailab.text import nfc
from autograder.checks.quotes import fold, quote_words, sentences_of_quote

__all__ = [
    "WEEKDAYS",
    "KeyTask",
    "Matching",
    "TaskRow",
    "find_dates",
    "match_tasks",
    "owner_is",
    "parse_date",
    "parse_deadline",
    "read_task_table",
]

# Monday = 0, as datetime.weekday(); "thứ Năm" and "thứ 5" both mean Thursday.
WEEKDAYS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "bốn": 2, "4": 2, "năm": 3, "5": 3, "sáu": 4, "6": 4,
            "bảy": 5, "7": 5}
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/]|\.\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?")
_WEEKDAY = re.compile(r"(?:thứ\s+(hai|ba|tư|bốn|năm|sáu|bảy|[2-7])|(chủ\s+nhật))(?:\s+(tuần\s+(?:này|sau|tới)))?")


def _lower(text) -> str:
    return fold(text).casefold()


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text, default_year: int) -> list[dt.date]:
    """Every explicit date in ``text``, in the order written; a date without a year takes ``default_year``."""
    text = _lower(text)
    found: list[tuple[int, dt.date]] = []
    for match in _ISO.finditer(text):
        day = _date(int(match[1]), int(match[2]), int(match[3]))
        if day:
            found.append((match.start(), day))
    taken = [m.span() for m in _ISO.finditer(text)]
    for pattern, order in ((_WORDS, (1, 2, 3)), (_NUMERIC, (1, 2, 3))):
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            d, m, y = (match.group(i) for i in order)
            day = _date(int(y) if y else default_year, int(m), int(d))
            if day:
                found.append((match.start(), day))
                taken.append(match.span())
    return [day for _, day in sorted(found, key=lambda item: item[0])]


def parse_date(text, default_year: int) -> dt.date | None:
    """The one explicit date of ``text`` (the first if several), or None."""
    dates = find_dates(text, default_year)
    return dates[0] if dates else None


def _weekday_deadline(match: re.Match, meeting: dt.date) -> dt.date:
    target = 6 if match[2] else WEEKDAYS[match[1]]
    monday = meeting - dt.timedelta(days=meeting.weekday())
    week = match[3] or ""
    if week.endswith("này"):
        return monday + dt.timedelta(days=target)
    if week:  # "tuần sau", "tuần tới": that weekday of the next calendar week
        return monday + dt.timedelta(days=7 + target)
    ahead = (target - meeting.weekday()) % 7
    return meeting + dt.timedelta(days=ahead or 7)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _relative_deadline(text: str, meeting: dt.date) -> dt.date | None:
    if re.search(r"hôm nay|trong ngày|chiều nay|sáng nay|tối nay", text):
        return meeting
    if re.search(r"ngày mai|sáng mai|chiều mai|tối mai", text):
        return meeting + dt.timedelta(days=1)
    match = _WEEKDAY.search(text)
    if match:
        return _weekday_deadline(match, meeting)
    match = re.search(r"(?:cuối|hết|trong)\s+tháng\s+(này|sau|tới|\d{1,2})", text)
    if match:
        word = match[1]
        if word == "này":
            return _month_end(meeting.year, meeting.month)
        if word in ("sau", "tới"):
            year, month = (meeting.year + 1, 1) if meeting.month == 12 else (meeting.year, meeting.month + 1)
            return _month_end(year, month)
        if 1 <= int(word) <= 12:
            year = meeting.year + (int(word) < meeting.month)
            return _month_end(year, int(word))
    match = re.search(r"(?:trong|sau)\s+(\d{1,2})\s+ngày(?!\s+làm)|(\d{1,2})\s+ngày\s+(?:tới|nữa)", text)
    if match:
        return meeting + dt.timedelta(days=int(match[1] or match[2]))
    return None


def parse_deadline(text, meeting: dt.date) -> dt.date | None:
    """A deadline as said in a meeting, as a real date: explicit dates first, then phrases relative to ``meeting``."""
    lowered = _lower(text)
    explicit = parse_date(lowered, meeting.year)
    return explicit if explicit else _relative_deadline(lowered, meeting)


@dataclass(frozen=True)
class TaskRow:
    """One row of a learner's task table, cells as written (NFC, whitespace folded)."""

    viec: str
    nguoi: str
    han: str
    cau_goc: str


_HEADERS = {
    "viec": ("nhiệm vụ", "công việc", "việc", "nội dung"),
    "nguoi": ("người", "phụ trách", "thực hiện", "chủ trì", "đơn vị"),
    "han": ("thời hạn", "hạn", "ngày", "deadline"),
    "cau_goc": ("câu gốc", "trích", "nguyên văn", "nguồn", "câu"),
}


def _cells(line: str) -> list[str]:
    line = line.strip()
    if "|" in line:
        return [fold(cell) for cell in line.strip("|").split("|")]
    separator = "\t" if "\t" in line else ";"
    return [fold(cell) for cell in line.split(separator)]


def _header_map(cells: Sequence[str]) -> dict[str, int] | None:
    """Which column holds which field, from header words; None when the line is not a header."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        lowered = cell.casefold().strip("* ")
        for name, words in _HEADERS.items():
            if name not in found and any(word in lowered for word in words):
                found[name] = index
                break
    return found if len(found) == 4 else None


def read_task_table(text) -> tuple[list[TaskRow], list[str]]:
    """Rows of a pasted table with columns for task, owner, deadline and source sentence (any order, by header)."""
    lines = [line for line in nfc(str(text or "")).splitlines() if line.strip()]
    lines = [line for line in lines if not re.fullmatch(r"[\s|:\-–+]+", line)]
    if not lines:
        return [], ["Bảng nhiệm vụ đang trống: dán bảng (có dòng tiêu đề) vào giữa hai dấu ba ngoặc kép."]
    columns = _header_map(_cells(lines[0]))
    if columns is None:
        return [], ["Không đọc được dòng tiêu đề của bảng: cần bốn cột «Nhiệm vụ», «Người thực hiện», «Thời hạn», "
                    "«Câu gốc» (dòng đầu tiên của bảng)."]
    rows, problems = [], []
    for number, line in enumerate(lines[1:], start=1):
        cells = _cells(line)
        if len(cells) <= max(columns.values()):
            problems.append(f"Dòng {number} của bảng thiếu ô (cần đủ bốn cột, ô trống vẫn phải có dấu |).")
            continue
        rows.append(TaskRow(**{name: cells[index].strip("*").strip() for name, index in columns.items()}))
    if not rows and not problems:
        problems.append("Bảng mới có dòng tiêu đề, chưa có nhiệm vụ nào.")
    return rows, problems


@dataclass(frozen=True)
class KeyTask:
    """A task the meeting really assigned: its final owner (name forms), its deadline and its source sentence(s).

    ``anchors`` are short verbatim pieces of the source sentences (an assignment later changed lists both).
    """

    code: str
    owner_names: tuple[str, ...]
    deadline: dt.date | None
    anchors: tuple[str, ...]


@dataclass
class Matching:
    """Rows joined to key tasks, and the rows that match no task (with a Vietnamese reason each)."""

    matched: dict[str, TaskRow] = field(default_factory=dict)
    extras: list[tuple[TaskRow, str]] = field(default_factory=list)


def _anchor_sentences(key: Iterable[KeyTask], source) -> dict[int, str]:
    owner: dict[int, str] = {}
    for task in key:
        for anchor in task.anchors:
            for index in sentences_of_quote(anchor, source):
                owner[index] = task.code
    return owner


def match_tasks(rows: Iterable[TaskRow], key: Sequence[KeyTask], source, min_words: int = 5) -> Matching:
    """Join each row to the key task its verbatim quote comes from; the first row per task counts."""
    by_sentence = _anchor_sentences(key, source)
    result = Matching()
    for row in rows:
        if quote_words(row.cau_goc) < min_words:
            result.extras.append((row, "không có câu gốc đủ dài để đối chiếu"))
            continue
        sentences = sentences_of_quote(row.cau_goc, source)
        if not sentences:
            result.extras.append((row, "câu gốc không có nguyên văn trong bản ghi chép"))
            continue
        codes = [by_sentence[i] for i in sentences if i in by_sentence]
        if not codes:
            result.extras.append((row, "câu gốc không giao việc cho ai (chỉ là ý kiến, thảo luận hoặc báo cáo)"))
        elif codes[0] in result.matched:
            result.extras.append((row, "nhiệm vụ này đã có ở một dòng trên (ghi trùng)"))
        else:
            result.matched[codes[0]] = row
    return result


def _mentions(text: str, name: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(fold(name)) + r"(?!\w)", text) is not None


def owner_is(owner_text, task: KeyTask, people: Iterable[Sequence[str]]) -> bool:
    """The owner cell names the task's person (any name form, any case) and no other person of the meeting.

    Other people count only when capitalised, as names are: "Chỉ huy trưởng" does not name Huy.
    """
    text = fold(owner_text)
    if not any(_mentions(text.casefold(), name.casefold()) for name in task.owner_names):
        return False
    others = [names for names in people if not set(names) & set(task.owner_names)]
    return not any(_mentions(text, name) for names in others for name in names)

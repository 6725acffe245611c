"""Grader of exercise 10 (xây dựng kế hoạch từ văn bản chỉ đạo): a commune's task table and its kế hoạch.

- ``read_table``: the rows of a task table pasted from ChatGPT/Gemini (markdown ``| … |``), Excel (tabs) or typed.
- ``table_form_problems`` / ``written_problems``: form only, for visible tests (they know no answer).
- ``grade_coverage``: each of the directive's commune tasks matched by meaning (every concept group of the task
  in ONE row); a row that matches several tasks (a word salad) counts for none, and a province-only task copied
  into the commune's table costs two tasks' worth.
- ``grade_deadlines``: each commune task's deadline a real date, after the directive was issued and at or before
  the directive's deadline; one date copied onto every task earns little.
- ``grade_units``: each commune task led by exactly one unit that exists in the commune and is right for the
  task; any district-level body (gone since 01/07/2025) costs a task's worth.
- ``grade_targets``: every figure of the plan beside its own indicator (``autograder.checks.indicators``).
- ``grade_structure``: the kế hoạch written by ``ailab.vanban``: a commune issuer, ký hiệu KH, trích yếu,
  căn cứ naming the directive, the three parts of a plan, no outdated legal basis.

The tasks, their units and deadlines come from the hidden test cells as ``Task`` lines; nothing here returns
an expected answer, only a ``CheckResult``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from autograder.checks.facts import normalise
from autograder.checks.indicators import Indicator, grade_indicators, read_figures
from autograder.checks.legal_basis import find_superseded
from autograder.checks.result import CheckResult

__all__ = ["COMMUNE_UNITS", "Row", "Task", "grade_coverage", "grade_deadlines", "grade_structure", "grade_targets",
           "grade_units", "parse_deadline", "read_table", "table_form_problems", "tasks", "written_problems"]

# Units of a commune under the two-level government (datasets/10_xay_dung_ke_hoach/README.md, sources there).
COMMUNE_UNITS = {
    "Văn phòng HĐND và UBND": ("văn phòng hđnd và ubnd", "văn phòng hội đồng nhân dân và ủy ban nhân dân",
                               "văn phòng hđnd-ubnd"),
    "Phòng Kinh tế": ("phòng kinh tế",),
    "Phòng Văn hóa - Xã hội": ("phòng văn hóa-xã hội", "phòng văn hóa và xã hội", "phòng vh-xh", "phòng văn hoá-xã hội",
                               "phòng vhxh"),
    "Trung tâm Phục vụ hành chính công": ("trung tâm phục vụ hành chính công", "trung tâm pvhcc"),
    "Công an xã": ("công an xã", "công an phường"),
    "Ban Chỉ huy quân sự": ("ban chỉ huy quân sự", "ban chqs"),
    "thôn, tổ dân phố": ("trưởng thôn", "các thôn", "thôn", "tổ dân phố"),
}
MIN_WORDS = 6  # a task says what to do ("Số hóa sổ hộ tịch đang lưu trữ"), not bare key words ("toàn trình")
_DISTRICT = re.compile(r"(?<!\w)(huyện|quận|thị xã)(?!\w)")
_TASK_HEAD = ("nhiệm vụ", "nội dung", "công việc", "việc")
_UNIT_HEAD = ("chủ trì", "đơn vị thực hiện", "thực hiện", "đơn vị")
_DATE_HEAD = ("thời hạn", "thời gian", "hoàn thành", "tiến độ", "hạn")
_MONTHS_END = {1: 3, 2: 6, 3: 9, 4: 12}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class Task:
    """A task of the directive: concept groups (each needs one phrase in the row), right units, deadline."""

    code: str
    groups: tuple[tuple[str, ...], ...]
    units: tuple[str, ...] = ()
    deadline: dt.date | None = None

    @classmethod
    def parse(cls, line: str) -> Task:
        """``"T1 | a / b ; c | unit ; unit | 2026-11-30"``: code, groups (``;``) of phrases (``/``), units, date."""
        parts = [part.strip() for part in line.split("|")] + ["", "", ""]
        groups = tuple(tuple(normalise(p) for p in group.split("/") if p.strip())
                       for group in parts[1].split(";") if group.strip())
        units = tuple(unit.strip() for unit in parts[2].split(";") if unit.strip())
        deadline = dt.date.fromisoformat(parts[3]) if parts[3] else None
        return cls(parts[0], groups, units, deadline)

    def matches(self, text: str) -> bool:
        """True when every concept group has a phrase in ``text`` (whole words)."""
        plain = normalise(text)
        return all(any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", plain) for p in group)
                   for group in self.groups)


def tasks(lines: Iterable[str]) -> list[Task]:
    """``Task.parse`` for each non-blank line."""
    return [Task.parse(line) for line in lines if line.strip()]


@dataclass(frozen=True)
class Row:
    """One row of the learner's table: what to do, who leads, by when (as written), and all cells."""

    task: str
    unit: str
    deadline: str
    cells: tuple[str, ...]


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return [cell.strip() for cell in line.split("\t")]
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _short(text: str, limit: int = 8) -> str:
    """The first words of a task, for messages ("Số hóa sổ hộ tịch …")."""
    words = str(text).split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def _column(header: Sequence[str], names: Sequence[str], taken: set[int]) -> int | None:
    for name in names:
        for index, cell in enumerate(header):
            if index not in taken and name in normalise(cell):
                return index
    return None


def read_table(text: str) -> list[Row]:
    """Rows of a pasted table whose header names the task, the leading unit and the deadline ([] otherwise)."""
    lines = [line for line in str(text or "").splitlines() if ("|" in line or "\t" in line) and line.strip()]
    lines = [line for line in lines if not re.fullmatch(r"[\s|:\-–]+", line)]
    if not lines:
        return []
    header = _cells(lines[0])
    taken: set[int] = set()
    columns = []
    for names in (_UNIT_HEAD, _DATE_HEAD, _TASK_HEAD):
        index = _column(header, names, taken)
        if index is None:
            return []
        taken.add(index)
        columns.append(index)
    unit, deadline, task = columns
    rows = []
    for line in lines[1:]:
        cells = _cells(line) + [""] * len(header)
        rows.append(Row(cells[task], cells[unit], cells[deadline], tuple(cells[:len(header)])))
    return [row for row in rows if row.task.strip()]


def table_form_problems(text: str) -> list[str]:
    """Why a pasted table cannot be read (for visible tests: says nothing about the answer)."""
    if not str(text or "").strip():
        return ["Chưa dán bảng nhiệm vụ."]
    rows = read_table(text)
    if not rows:
        return ["Không đọc được bảng: dòng đầu phải là tiêu đề có các cột «Nhiệm vụ», «Chủ trì», «Thời hạn», "
                "mỗi dòng sau là một nhiệm vụ, các ô ngăn bởi dấu «|»."]
    problems = []
    if len(rows) < 3:
        problems.append(f"Bảng mới có {len(rows)} nhiệm vụ: đọc lại văn bản chỉ đạo, tìm đủ việc giao cho cấp xã.")
    if any(len(row.task.split()) < MIN_WORDS for row in rows):
        problems.append(f"Có dòng chỉ vài từ: mỗi nhiệm vụ viết thành một câu rõ việc (ít nhất {MIN_WORDS} chữ).")
    if any(not row.unit.strip() for row in rows):
        problems.append("Có nhiệm vụ chưa ghi đơn vị chủ trì.")
    if any(parse_deadline(row.deadline) is None for row in rows):
        problems.append("Có thời hạn chưa phải một ngày cụ thể (ví dụ «trước ngày 30/6/2026»).")
    return problems


def parse_deadline(text: str) -> dt.date | None:
    """The last day a deadline allows: "30/6/2026", "ngày 30 tháng 6 năm 2026", "tháng 6/2026", "quý II/2026"."""
    plain = normalise(text)
    found = re.search(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", plain) or \
        re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", plain)
    try:
        if found:
            return dt.date(int(found[3]), int(found[2]), int(found[1]))
        month = re.search(r"tháng (\d{1,2})\s*(?:/|năm)\s*(\d{4})", plain)
        if month:
            return _month_end(int(month[2]), int(month[1]))
        quarter = re.search(r"quý (iv|iii|ii|i|[1-4])\s*(?:/|năm)\s*(\d{4})", plain)
        if quarter:
            number = _ROMAN.get(quarter[1]) or int(quarter[1])
            return _month_end(int(quarter[2]), _MONTHS_END[number])
    except ValueError:
        return None
    return None


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _assign(rows: Sequence[Row], commune: Sequence[Task], province: Sequence[Task]):
    """(task code → row) for the commune tasks, province rows copied, salad rows (matching several tasks)."""
    found: dict[str, Row] = {}
    copied, salad = [], []
    for row in rows:
        hits = [task for task in [*commune, *province] if task.matches(row.task)]
        if hits and len(row.task.split()) < MIN_WORDS:
            salad.append(row)
        elif len(hits) > 1:
            salad.append(row)
        elif hits and hits[0] in province:
            copied.append(row)
        elif hits and hits[0].code not in found:
            found[hits[0].code] = row
    return found, copied, salad


def grade_coverage(text: str, commune: Sequence[Task], province: Sequence[Task], max_score: float) -> CheckResult:
    """Points for the commune tasks in the table; province tasks copied cost two each, salad rows one each."""
    rows = read_table(text)
    if not rows:
        return CheckResult(0.0, max_score, table_form_problems(text))
    found, copied, salad = _assign(rows, commune, province)
    messages = []
    if len(found) < len(commune):
        messages.append(f"Bảng có {len(found)}/{len(commune)} nhiệm vụ văn bản chỉ đạo giao cho cấp xã: đọc lại, "
                        "tìm các việc giao cho «UBND cấp xã».")
    messages += [f"«{_short(row.task)}» là việc của cơ quan cấp tỉnh, xã không chép vào kế hoạch của mình."
                 for row in copied]
    messages += [f"«{_short(row.task)}» gộp nhiều việc khác nhau trong một dòng, hoặc chỉ có vài từ khóa: "
                 "mỗi dòng viết rõ một việc phải làm." for row in salad]
    earned = max(0, len(found) - 2 * len(copied) - len(salad))
    return CheckResult.partial(earned, len(commune), max_score, messages)


def grade_deadlines(text: str, commune: Sequence[Task], issued: dt.date, max_score: float,
                    province: Sequence[Task] = ()) -> CheckResult:
    """Points for each commune task whose deadline is a real date in [issued, directive's deadline]; a province
    task copied into the table (a deadline the commune cannot set) costs two, as in ``grade_coverage``."""
    rows = read_table(text)
    found, copied, _ = _assign(rows, commune, province)
    messages, earned, dates = [], 0, []
    for task in commune:
        row = found.get(task.code)
        if row is None:
            continue
        date = parse_deadline(row.deadline)
        dates.append(date)
        if date is None:
            messages.append(f"«{_short(row.task)}»: thời hạn «{row.deadline}» chưa phải một ngày cụ thể.")
        elif task.deadline and date > task.deadline:
            messages.append(f"«{_short(row.task)}»: thời hạn muộn hơn hạn tỉnh giao — hạn của xã phải bằng hoặc sớm hơn.")
        elif date < issued:
            messages.append(f"«{_short(row.task)}»: thời hạn ở trước ngày tỉnh ban hành văn bản chỉ đạo.")
        else:
            earned += 1
    if len(found) < len(commune):
        messages.append(f"Mới xét được {len(found)}/{len(commune)} nhiệm vụ của xã (các việc còn thiếu chưa có hạn).")
    if copied:
        messages.append("Bảng đặt hạn cho cả việc của cơ quan cấp tỉnh: xã không đặt hạn cho việc không phải của mình.")
    earned = max(0, earned - 2 * len(copied))
    result = CheckResult.partial(earned, len(commune), max_score, messages)
    if len(dates) >= 3 and len(set(dates)) == 1:
        result = CheckResult(round(min(result.score, 0.25 * max_score), 2), max_score, result.messages + [
            "Mọi nhiệm vụ cùng một thời hạn: đặt hạn theo từng việc, căn cứ hạn của tỉnh cho việc đó."])
    return result


def units_named(text: str) -> list[str]:
    """The commune units a cell names (each once), longest spelling first so "Công an xã" is not "thôn"."""
    plain = normalise(text)
    named = []
    for unit, spellings in COMMUNE_UNITS.items():
        for spelling in spellings:
            pattern = r"(?<!\w)" + re.escape(spelling) + r"(?!\w)"
            if re.search(pattern, plain):
                named.append(unit)
                plain = re.sub(pattern, " ", plain)
                break
    return named


def _district(text: str, on: dt.date) -> bool:
    return bool(_DISTRICT.search(normalise(text))) or any(f.rule == "legal_basis.cap_huyen"
                                                          for f in find_superseded(text, on))


def grade_units(text: str, commune: Sequence[Task], on: dt.date, max_score: float) -> CheckResult:
    """Points for each commune task led by one existing commune unit right for it; district bodies cost one."""
    rows = read_table(text)
    found, _, _ = _assign(rows, commune, ())
    messages, earned = [], 0
    for task in commune:
        row = found.get(task.code)
        if row is None:
            continue
        named = units_named(row.unit)
        if _district(row.unit, on):
            messages.append(f"«{row.unit}»: từ ngày 01/7/2025 không còn cấp huyện; giao cho đơn vị của xã.")
        elif len(named) != 1:
            messages.append(f"«{_short(row.task)}»: ghi đúng một đơn vị chủ trì của xã (đơn vị khác ghi ở cột phối hợp).")
        elif named[0] in task.units:
            earned += 1
        else:
            messages.append(f"«{_short(row.task)}»: {named[0]} chưa phải đơn vị tham mưu đúng lĩnh vực của việc này.")
    district_cells = [cell for row in rows for cell in row.cells if _district(cell, on)]
    if district_cells:
        messages.append("Bảng còn nhắc tới đơn vị cấp huyện: «" + "», «".join(sorted(set(district_cells))[:3]) + "».")
    earned = max(0, earned - len(district_cells))
    if len(found) < len(commune):
        messages.append(f"Mới xét được {len(found)}/{len(commune)} nhiệm vụ của xã.")
    return CheckResult.partial(earned, len(commune), max_score, messages)


def grade_targets(text: str, indicators: Sequence[Indicator], directive: str, max_score: float,
                  province: Sequence[Indicator] = ()) -> CheckResult:
    """Every target of the plan beside its own indicator, none invented (``grade_indicators``); a target the
    directive sets for the province's departments (``province``), taken into the commune's plan, costs one."""
    result = grade_indicators(text, indicators, source=directive, max_score=max_score)
    taken = read_figures(text, province, source=directive).right if province and str(text or "").strip() else set()
    if not taken:
        return result
    labels = [i.label for i in province if i.key in taken]
    penalty = max_score * len(taken) / max(1, len(indicators))
    return CheckResult(round(max(0.0, result.score - penalty), 2), max_score, result.messages + [
        "Kế hoạch của xã nhận cả chỉ tiêu tỉnh giao cho các sở, ngành: «" + "», «".join(labels) + "»."])


def _paragraphs(path: str | Path) -> list[str]:
    from autograder.modules.m02_soan_thao_van_ban import paragraphs_of

    return paragraphs_of(path)


def written_problems(path: str | Path) -> list[str]:
    """Whether the answer cell wrote a kế hoạch (for visible tests)."""
    if not Path(path).is_file():
        return [f"Chưa có tệp «{Path(path).name}»: điền ô trả lời ở trên rồi chạy lại ô đó."]
    if "KẾ HOẠCH" not in _paragraphs(path):
        return ["Chưa phải kế hoạch: không thấy tên loại «KẾ HOẠCH» (ghi loai là «Kế hoạch»)."]
    return []


def _structure_checks(paragraphs: Sequence[str], directive_number: str, about: Sequence[str], on: dt.date):
    text = "\n".join(paragraphs)
    title = paragraphs.index("KẾ HOẠCH") if "KẾ HOẠCH" in paragraphs else -1
    trich_yeu = normalise(paragraphs[title + 1]) if 0 <= title < len(paragraphs) - 1 else ""
    headings = [normalise(p) for p in paragraphs if re.match(r"^[IVX]+\.\s", p)]
    return {
        "Cơ quan ban hành là Ủy ban nhân dân xã": any(re.fullmatch(r"ỦY BAN NHÂN DÂN\s+(XÃ|PHƯỜNG) .+", p)
                                                    for p in paragraphs),
        "Số, ký hiệu «…/KH-UBND»": any(re.fullmatch(r"Số: [\d ]*/KH-UBND", p) for p in paragraphs),
        "Trích yếu nói kế hoạch về việc gì": bool(trich_yeu) and len(trich_yeu.split()) <= 25
        and all(normalise(word) in trich_yeu for word in about),
        "Căn cứ nêu văn bản chỉ đạo của tỉnh": any(directive_number in p and "tỉnh" in normalise(p)
                                                  for p in paragraphs),
        "Đủ các phần: mục đích, yêu cầu; nhiệm vụ; tổ chức thực hiện": all(
            any(any(word in heading for word in words) for heading in headings)
            for words in (("mục đích", "mục tiêu"), ("nhiệm vụ", "nội dung"), ("tổ chức thực hiện",))),
        "Không còn đơn vị cấp huyện hay căn cứ hết hiệu lực": not find_superseded(text, on)
        and not _DISTRICT.search(normalise(text)),
    }


def grade_structure(path: str | Path, directive_number: str, about: Sequence[str], on: dt.date,
                    max_score: float) -> CheckResult:
    """A share of the points per ND30 element of a commune kế hoạch present in the written .docx."""
    problems = written_problems(path)
    if problems:
        return CheckResult(0.0, max_score, problems)
    checks = _structure_checks(_paragraphs(path), directive_number, about, on)
    messages = [f"Chưa đạt: {label}." for label, ok in checks.items() if not ok]
    return CheckResult.partial(sum(checks.values()), len(checks), max_score, messages)

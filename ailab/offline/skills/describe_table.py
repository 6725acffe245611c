"""Describe a table: for each numeric column its largest, smallest, total row (only when the table has one)
and trend, with the table's own figures written the Vietnamese way."""

from __future__ import annotations

from ailab.offline.prompt import Prompt, has
from ailab.offline.skills import Skill
from ailab.offline.tables import parse_table, to_number
from ailab.offline.vietnamese import column_name, decimal_comma
from ailab.text import fold

_TOTAL_ROW = ("tong", "cong", "toan xa", "toan phuong", "ca nam")
_UNIT_LABELS = ("tháng", "năm", "quý", "ngày", "tuần", "thôn", "tổ", "đợt", "lần")
_PERCENT_COLUMNS = ("ty le", "phan tram", "%")
NO_TABLE = (
    "Tôi không đọc được bảng trong câu lệnh. Hãy dán bảng dạng CSV (phân cách bằng dấu phẩy) hoặc bảng có dấu |."
)


def _row_name(cell: str, label_header: str) -> str:
    """A row label as it reads in a sentence: ``9`` under «thang» → ``tháng 9``."""
    unit = column_name(label_header)
    if to_number(cell) is not None and unit in _UNIT_LABELS:
        return f"{unit} {cell.strip()}"
    return cell.strip()


def _value(cell: str, percent: bool) -> str:
    text = decimal_comma(cell.strip())
    return text + "%" if percent and not text.endswith("%") else text


def _trend(numeric: list[tuple[str, str, float]]) -> str:
    first, last = numeric[0], numeric[-1]
    ups = sum(1 for a, b in zip(numeric, numeric[1:], strict=False) if b[2] > a[2])
    downs = sum(1 for a, b in zip(numeric, numeric[1:], strict=False) if b[2] < a[2])
    if ups and not downs:
        return f"; tăng đều từ {first[1]} ({first[0]}) lên {last[1]} ({last[0]})"
    if downs and not ups:
        return f"; giảm đều từ {first[1]} ({first[0]}) xuống {last[1]} ({last[0]})"
    if last[2] > first[2]:
        return f"; có lúc tăng lúc giảm, nhìn chung tăng từ {first[1]} ({first[0]}) lên {last[1]} ({last[0]})"
    if last[2] < first[2]:
        return f"; có lúc tăng lúc giảm, nhìn chung giảm từ {first[1]} ({first[0]}) xuống {last[1]} ({last[0]})"
    return ""


def describe_table(instruction: str, source: str) -> str:
    """Largest, smallest, total (only when the table has one) and trend for each numeric column."""
    table = parse_table(source)
    if table is None:
        return NO_TABLE
    label_header = table.header[0]
    total_rows = [r for r in table.rows if has(fold(r[0]), _TOTAL_ROW)]
    rows = [r for r in table.rows if r not in total_rows]
    unit = column_name(label_header)
    lines = [f"Bảng có {_count_phrase(len(rows))} dòng số liệu, mỗi dòng là một {unit}."]
    for col in range(1, len(table.header)):
        name = column_name(table.header[col])
        percent = has(fold(table.header[col]).replace("_", " "), _PERCENT_COLUMNS)
        values = [(_row_name(r[0], label_header), _value(r[col], percent), to_number(r[col])) for r in rows]
        numeric = [v for v in values if v[2] is not None]
        if len(numeric) < 2 or len(numeric) < len(values) / 2:
            continue
        high = max(numeric, key=lambda v: v[2])
        low = min(numeric, key=lambda v: v[2])
        text = f"- {name[:1].upper() + name[1:]}: cao nhất là {high[0]} ({high[1]}), thấp nhất là {low[0]} ({low[1]})"
        if total_rows:
            text += f"; dòng «{total_rows[0][0]}» ghi {_value(total_rows[0][col], percent)}"
        lines.append(text + _trend(numeric) + ".")
    if len(lines) == 1:
        lines.append("Bảng không có cột số để nhận xét.")
    if not total_rows:
        lines.append("(Bảng không có dòng tổng cộng; trợ lý ngoại tuyến không tự tính số mới.)")
    return "\n".join(lines)


def _count_phrase(n: int) -> str:
    """Row counts are new numbers; say them in words so no figure outside the prompt is printed."""
    names = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một",
             "mười hai"]
    return names[n] if n < len(names) else "nhiều"


def _wants_first(prompt: Prompt) -> bool:
    """A table asked about by name or verb, unless the request is a summary of something that is not a table."""
    if prompt.asks("summary") and "bảng" not in prompt.instruction.lower():
        return False
    if prompt.table is not None:
        return prompt.asks_table or prompt.asks("table_verb")
    return bool(prompt.asks_table and prompt.source and prompt.asks("table_verb"))


def _answer(prompt: Prompt) -> str:
    return describe_table(prompt.instruction, prompt.source)


SKILLS = (
    Skill("table", 10, _wants_first, _answer),
    # A table with no other task named: describe it (after every other skill has declined).
    Skill("table", 90, lambda p: p.table is not None, _answer),
)

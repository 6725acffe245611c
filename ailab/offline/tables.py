"""Tables pasted into a prompt (markdown, CSV, tab-separated) and Vietnamese-written numbers."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass

from ailab.text import nfc


@dataclass
class Table:
    """A table read from the prompt, cells kept as the text the prompt wrote them."""

    header: list[str]
    rows: list[list[str]]


def _cells(line: str, sep: str) -> list[str]:
    line = line.strip()
    if sep == "|":
        line = line.strip("|")
    return [c.strip() for c in line.split(sep)]


def _csv_rows(lines: list[str]) -> list[list[str]] | None:
    block = [ln for ln in lines if "," in ln]
    parsed = list(csv.reader(io.StringIO("\n".join(block))))
    width, count = Counter(len(r) for r in parsed).most_common(1)[0]
    if width < 2 or count < 3:
        return None
    return [[c.strip() for c in r] for r in parsed if len(r) == width]


def parse_table(text: str) -> Table | None:
    """Find a markdown, CSV (comma, semicolon) or tab-separated table in ``text``."""
    lines = [ln for ln in nfc(text).split("\n") if ln.strip()]
    for sep in ("|", "\t", ";", ","):
        block = [ln for ln in lines if ln.count(sep) >= (2 if sep == "|" else 1)]
        if len(block) < 3:
            continue
        if sep == ",":
            rows = _csv_rows(lines)
            if rows is None:
                continue
        else:
            rows = [_cells(ln, sep) for ln in block if not re.fullmatch(r"[\s|:\-+]+", ln)]
            width = Counter(len(r) for r in rows).most_common(1)[0][0]
            rows = [r for r in rows if len(r) == width]
            if width < 2 or len(rows) < 3:
                continue
        if any(len(cell) > 60 for row in rows for cell in row):
            continue  # prose with commas, not a table
        return Table(header=rows[0], rows=rows[1:])
    return None


def to_number(cell: str) -> float | None:
    """Read a Vietnamese-written number (``1.234``, ``12,5``, ``85,10%``, ``1,234.5``); None if not a number."""
    text = cell.strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if not re.fullmatch(r"-?\d+(?:[.,]\d+)*", text):
        return None
    if "," in text and "." in text:  # the later mark is the decimal one
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") == 1:  # Vietnamese decimal comma: 12,5
        text = text.replace(",", ".")
    elif "," in text:
        text = text.replace(",", "")
    elif text.count(".") > 1 or (text.count(".") == 1 and len(text.split(".")[-1]) == 3):
        text = text.replace(".", "")  # Vietnamese thousands dot: 1.234
    try:
        return float(text)
    except ValueError:
        return None

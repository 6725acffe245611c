"""Find the numbers in a Vietnamese text and check that each one comes from a source.

Public API
----------
- ``extract_numbers(text) -> list[Number]``: every number, percentage, date, time and code in ``text``.
- ``parse_number(text) -> Decimal | None``: the value of one written number ("1.234,5" -> 1234.5).
- ``number_supported(number, candidates, rounding=False) -> bool``: is one number backed by the candidates?
- ``unsupported_numbers(text, source, rounding=False) -> list[str]``: the numbers of ``text`` (as written)
  that the source does not contain.
- ``format_vi(value, decimals=1) -> str``: write a value the Vietnamese way (1234.5 -> "1.234,5").

How numbers are read (Vietnamese conventions first):
- "." groups thousands when every group after it has exactly 3 digits and the first group does not start
  with 0: "1.234" = 1234, "2.846.000" = 2846000. Otherwise "." is a decimal point ("85.10", "0.125",
  as written by Python and CSV files).
- "," is the decimal comma: "12,5" = 12.5, "1.234,5" = 1234.5. Two or more comma groups of 3 digits are read
  as English thousands ("1,234,567"); one group is always decimal ("1,234" = 1.234).
- A source may also hold CSV rows ("120,85.1"): for the *source* only, digits joined by a comma are also
  read as separate numbers, so a CSV table supports both "120" and "85,1"; and a source's "85.097" offers
  both readings, 85097 and 85.097 (Python writes decimals with a dot).
- "%" after a number makes it a percentage; its value is unchanged (85,10% -> 85.10).
- "nghìn/ngàn", "triệu", "tỷ/tỉ" after a number scale it: "4,3 triệu" matches "4.300.000" and "4,3".
- Dates "29/10/2025", "2025-10-29", "1/7", "6/2025", pairs such as "12/19" (tiêu chí) and times "15:00", "7h30" compare by their parts, leading zeros
  ignored ("01/07/2025" = "1/7/2025"); a day/month or month/year is backed by a full date containing it.
- Codes (document numbers like "30/2020/NĐ-CP", "218/BC-UBND", digits glued to letters like "A05",
  digit strings with a leading zero like "0912345678") compare as text.
- Signs are ignored ("giảm 2,5%" and "-2,5%" both give 2.5). Numbers written in words are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ailab.text import nfc

__all__ = [
    "Number",
    "extract_numbers",
    "format_vi",
    "number_supported",
    "parse_number",
    "unsupported_numbers",
]

NUMBER = "number"
PERCENT = "percent"
DATE = "date"
TIME = "time"
CODE = "code"

_LETTER = r"[^\W\d_]"
_SCALES = {"nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}

# Order matters: the first alternative that matches at a position wins.
_TOKEN = re.compile(
    rf"""
    (?<!\w)(?<!{_LETTER}-)
    (?:
        (?P<time>\d{{1,2}}(?::|h)\d{{2}})(?!\w)
      | (?P<code>\d+(?:/\d+)*/{_LETTER}[\w-]*
               |\d*{_LETTER}+\d[\w]*
               |0\d{{3,}})
      | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?![\d-])
      | (?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}/\d{{4}}|\d{{1,4}}/\d{{1,4}})(?![\d/])
      | (?P<num>
            \d{{1,3}}(?:,\d{{3}}){{1,}}\.\d+           # 1,234.5   (English)
          | \d{{1,3}}(?:,\d{{3}}){{2,}}(?!,?\d)       # 1,234,567 (English)
          | [1-9]\d{{0,2}}(?:\.\d{{3}})+(?:,\d+)?(?!\.?\d)  # 1.234 / 1.234,5
          | \d+,\d+                                    # 12,5
          | \d+\.\d+                                   # 85.10
          | \d+
        )
        (?:(?P<percent>\s?%)|\s+(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)(?!\s+lệ))?
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    """One number found in a text.

    ``text`` is the number as written (with its % or scale word); ``value`` its value without the scale
    word; ``scale`` the multiplier of "nghìn/triệu/tỷ" (1 when absent); ``decimals`` the digits written
    after the decimal mark; ``parts`` the integer parts of a date or time; ``kind`` one of "number",
    "percent", "date", "time", "code"; ``start``/``end`` the position in the text.
    """

    text: str
    value: Decimal | None
    kind: str
    decimals: int = 0
    scale: int = 1
    parts: tuple[int, ...] = ()
    start: int = 0
    end: int = 0

    @property
    def scaled_value(self) -> Decimal | None:
        """The value times its scale word: "4,3 triệu" -> 4300000."""
        return None if self.value is None else self.value * self.scale


def _nfc(text: str) -> str:
    return nfc(text)


def _read_digits(raw: str) -> tuple[Decimal, int]:
    """Value and written decimals of a digit token matched by the ``num`` group."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}", raw):
        plain = raw.replace(",", "")
    elif re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?", raw):
        plain = raw.replace(".", "").replace(",", ".")
    else:
        plain = raw.replace(",", ".")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return Decimal(plain), decimals


def parse_number(text: str) -> Decimal | None:
    """Return the value of one written number ("1.234,5" -> Decimal("1234.5"), "85,10%" -> 85.10).

    Scale words multiply ("4,3 triệu" -> 4300000). Returns None when ``text`` is not exactly one number.
    """
    found = extract_numbers(str(text).strip())
    if len(found) != 1 or found[0].value is None or found[0].text != _nfc(str(text).strip()):
        return None
    return found[0].scaled_value


def _make(match: re.Match) -> Number:
    text, start, end = match.group(0), match.start(), match.end()
    if match.group("code"):
        return Number(text, None, CODE, start=start, end=end)
    if match.group("iso"):
        year, month, day = (int(p) for p in text.split("-"))
        return Number(text, None, DATE, parts=(day, month, year), start=start, end=end)
    if match.group("date"):
        parts = tuple(int(p) for p in text.split("/"))
        return Number(text, None, DATE, parts=parts, start=start, end=end)
    if match.group("time"):
        parts = tuple(int(p) for p in re.split(r"[:hH]", text))
        return Number(text, None, TIME, parts=parts, start=start, end=end)
    value, decimals = _read_digits(match.group("num"))
    scale_word = (match.group("scale") or "").lower()
    kind = PERCENT if match.group("percent") else NUMBER
    return Number(text, value, kind, decimals, _SCALES.get(scale_word, 1), start=start, end=end)


def extract_numbers(text: str) -> list[Number]:
    """Return every number, percentage, date, time and code in ``text``, in order of appearance."""
    return [_make(m) for m in _TOKEN.finditer(_nfc(str(text)))]


def _source_numbers(source) -> list[Number]:
    """Numbers a source offers: from a text, a pandas object, or an iterable of values/texts/Numbers."""
    if isinstance(source, str):
        found = extract_numbers(source)
        # CSV rows: "120,85.1" also offers 120 and 85.1 as separate cells.
        for cell in re.split(r"[,;\t\n]", _nfc(source)):
            found.extend(n for n in extract_numbers(cell) if n.kind in (NUMBER, PERCENT))
        # "85.097" written by Python is a decimal, not 85 thousand: a source offers both readings.
        for match in re.finditer(r"(?<![\d.])\d{1,3}\.\d{3}(?!\.?\d)", _nfc(source)):
            found.append(Number(match.group(0), Decimal(match.group(0)), NUMBER, 3))
        return found
    if hasattr(source, "to_numpy"):  # pandas DataFrame / Series, without importing pandas here
        cells = list(source.to_numpy().ravel())
        for attr in ("index", "columns"):
            labels = getattr(source, attr, None)
            if labels is not None:
                cells.extend(labels)
        return _source_numbers(cells)
    found: list[Number] = []
    for item in source:
        if isinstance(item, Number):
            found.append(item)
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, (int, float, Decimal)) or type(item).__module__ == "numpy":
            try:
                value = Decimal(str(item))
            except InvalidOperation:
                continue
            if value.is_finite():
                found.append(Number(str(item), abs(value), NUMBER, max(0, -value.as_tuple().exponent)))
        else:
            found.extend(_source_numbers(str(item)))
    return found


def _values_match(written: Number, other: Number, rounding: bool) -> bool:
    half_unit = Decimal(5) / Decimal(10) ** (written.decimals + 1)
    pairs = [(written.scaled_value, other.scaled_value, half_unit * written.scale)]
    if written.scale == 1 or other.scale == 1:  # "4,3 triệu" vs a bare 4,3 (a table in millions)
        pairs.append((written.value, other.value, half_unit))
    for mine, theirs, tolerance in pairs:
        if mine == theirs or (rounding and abs(mine - theirs) <= tolerance):
            return True
    return False


def _parts_match(mine: tuple[int, ...], theirs: tuple[int, ...]) -> bool:
    if mine == theirs:
        return True
    # A day/month or month/year is backed by a full date that contains it.
    return len(mine) == 2 and len(theirs) == 3 and mine in (theirs[:2], theirs[1:])


def number_supported(number: Number, candidates: Iterable[Number], rounding: bool = False) -> bool:
    """True when ``number`` equals one of ``candidates``.

    Numbers compare by value (85,1 = 85.10), also through scale words ("4,3 triệu" = 4.300.000).
    With ``rounding=True`` a written number also matches any candidate it rounds, within half a unit
    of its last written digit: "85,1" matches 85.097, "85" matches 85.4, "85,1" does not match 85.2.
    Dates and times compare by parts, codes by text (case-insensitive).
    """
    for other in candidates:
        if number.kind == CODE or other.kind == CODE:
            if number.kind == other.kind and number.text.casefold() == other.text.casefold():
                return True
        elif number.kind in (DATE, TIME) or other.kind in (DATE, TIME):
            if number.kind == other.kind and _parts_match(number.parts, other.parts):
                return True
        elif _values_match(number, other, rounding):
            return True
    return False


def unsupported_numbers(text: str, source, rounding: bool = False) -> list[str]:
    """Return the numbers of ``text`` (as written, in order, without repeats) that ``source`` lacks.

    ``source`` is a text (a report, a prompt, a CSV table), a pandas DataFrame/Series, or an iterable of
    numbers or texts. An empty list means every number of ``text`` comes from the source.
    ``rounding=True`` accepts rounded values (a narrative writing "85,1%" for a table cell 85.097).
    """
    candidates = _source_numbers(source)
    missing: list[str] = []
    for number in extract_numbers(text):
        if number.text not in missing and not number_supported(number, candidates, rounding):
            missing.append(number.text)
    return missing


def format_vi(value, decimals: int = 1) -> str:
    """Write ``value`` with Vietnamese marks: format_vi(1234.5) -> "1.234,5", format_vi(85, 0) -> "85"."""
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")

"""Checks on person records (danh sách người dân): names, dates, số định danh cá nhân, phone numbers, addresses.

Small pure functions, reused by the graders of modules that clean or match records (08, later 11 and 14):
a diacritics-insensitive name key, dates in any of the formats officers meet read to ISO, the plausibility of a
12-digit personal ID number, a mobile number in one canonical form, an address that still names a district.
Facts and their sources: datasets/08_lam_sach_du_lieu/README.md.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from ailab.text import nfc

__all__ = [
    "EXCEL_EPOCH",
    "PROVINCE_CODES",
    "clean_id",
    "has_diacritics",
    "id_problems",
    "iso_date",
    "name_key",
    "names_district",
    "normalize_phone",
    "parse_date",
    "strip_diacritics",
    "tidy_name",
]

# Codes of the 63 provinces where a birth was registered: the first 3 digits of the số định danh cá nhân
# (Thông tư 07/2016/TT-BCA, Phụ lục I; still valid after the 2025 merger of provinces).
PROVINCE_CODES = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa – Vũng Tàu", "079": "TP. Hồ Chí Minh",
    "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
    "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel and LibreOffice serial dates (1900 date system)
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_MOBILE = re.compile(r"0[35789]\d{8}")
_DISTRICT = re.compile(r"\b(huyện|quận|thị xã)\s", re.IGNORECASE)
_DISTRICT_PLAIN = re.compile(r"\b(huyen|thi xa)\s")


def strip_diacritics(text: str) -> str:
    """``text`` without Vietnamese tone and vowel marks: "Nguyễn Đức" -> "Nguyen Duc"."""
    decomposed = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def has_diacritics(text: str) -> bool:
    """True when ``text`` carries at least one Vietnamese mark (so it is not a copy typed without them)."""
    return strip_diacritics(text) != nfc(str(text))


def tidy_name(name: str) -> str:
    """A name as it should be stored: NFC, single spaces, each word capitalised ("NGUYỄN  thị lan" -> "Nguyễn Thị Lan")."""
    words = nfc(str(name)).split()
    return " ".join(word[:1].upper() + word[1:].lower() for word in words)


def name_key(name: str) -> str:
    """A key equal for every spelling of one name: case, spacing, NFD/NFC and missing diacritics ignored."""
    return " ".join(strip_diacritics(nfc(str(name))).casefold().split())


def parse_date(value, reference_year: int | None = None) -> date | None:
    """A date from any format met in commune records, or None when it cannot be read.

    Reads dates and Timestamps, ISO ``yyyy-mm-dd``, day first ``dd/mm/yyyy``, ``d-m-yyyy``, ``d.m.yyyy``,
    two-digit years ``d-m-yy`` (a year after ``reference_year`` is taken 100 years earlier) and Excel or
    LibreOffice serial numbers (days since 30/12/1899); a bare year gives None.
    """
    try:
        if value is None or value != value:  # None, NaN, NaT
            return None
    except (TypeError, ValueError):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = nfc(str(value)).strip()
    reference_year = reference_year or date.today().year
    try:
        if match := _YMD.fullmatch(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DMY.fullmatch(text):
            day, month, year = int(match[1]), int(match[2]), int(match[3])
            if len(match[3]) == 2:
                year += 1900 if year > reference_year % 100 else 2000
            return date(year, month, day)
        if re.fullmatch(r"\d{4,5}(?:\.0+)?", text) and not re.fullmatch(r"(19|20)\d\d", text):
            return EXCEL_EPOCH + timedelta(days=int(float(text)))  # a bare year (1990) is not a serial
    except ValueError:
        return None
    return None


def iso_date(value, reference_year: int | None = None) -> str:
    """The date as ``yyyy-mm-dd`` text, or "" when it cannot be read."""
    parsed = parse_date(value, reference_year)
    return parsed.isoformat() if parsed else ""


def clean_id(number) -> str:
    """The số định danh with spaces, dots and dashes removed (nothing else changed)."""
    return re.sub(r"[\s.\-]", "", nfc(str(number or "")))


def id_problems(number, female: bool | None = None, birth: date | None = None) -> list[str]:
    """Why a số định danh cá nhân is not plausible; an empty list means it is plausible.

    Rules (Thông tư 59/2021/TT-BCA Điều 4; Luật Căn cước 2023 keeps 12 digits): 12 digits; digits 1–3 a province
    code; digit 4 the century and sex (1900s: male 0, female 1; 2000s: male 2, female 3); digits 5–6 the last two
    digits of the birth year. There is no check digit: passing means plausible, not true.
    """
    digits = clean_id(number)
    if not digits:
        return ["Thiếu số định danh cá nhân."]
    if not digits.isdigit():
        return ["Số định danh chỉ gồm chữ số."]
    if len(digits) != 12:
        return [f"Số định danh có {len(digits)} chữ số, phải đủ 12."]
    problems = []
    if digits[:3] not in PROVINCE_CODES:
        problems.append(f"Ba số đầu «{digits[:3]}» không phải mã tỉnh nơi đăng ký khai sinh.")
    if digits[3] not in "0123":
        problems.append("Số thứ tư (thế kỷ và giới tính) phải là 0, 1, 2 hoặc 3.")
    elif birth is not None or female is not None:
        century, sex = divmod(int(digits[3]), 2)
        if birth is not None and birth.year // 100 != 19 + century:
            problems.append("Số thứ tư không khớp thế kỷ của năm sinh.")
        if female is not None and bool(sex) != female:
            problems.append("Số thứ tư không khớp giới tính.")
    if birth is not None and digits[4:6] != f"{birth.year % 100:02d}":
        problems.append("Số thứ năm và thứ sáu không khớp hai số cuối của năm sinh.")
    return problems


def normalize_phone(value) -> str:
    """A mobile number as ``0`` + 9 digits ("+84 912.345.678" -> "0912345678"), or "" when it is not one.

    Accepts +84, 84, 0084 and a leading zero lost in a spreadsheet; a valid number has 10 digits and starts with
    03, 05, 07, 08 or 09 (the 11-digit 01x numbers were converted in 2018).
    """
    digits = re.sub(r"\D", "", str(value or ""))
    if digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    elif len(digits) == 9:
        digits = "0" + digits
    return digits if _MOBILE.fullmatch(digits) else ""


def names_district(address) -> bool:
    """True when an address still names a district-level unit (huyện, quận, thị xã), gone since 01/07/2025."""
    text = nfc(str(address or "")) + " "
    return bool(_DISTRICT.search(text) or _DISTRICT_PLAIN.search(text.casefold()))

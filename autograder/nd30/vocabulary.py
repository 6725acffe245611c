"""The decree's words and the patterns that recognise each part of a document (Phụ lục I, ô 1–9)."""

from __future__ import annotations

import re

from autograder.nd30.matching import collapse, fold_tones, folded_key, letters_key

# Tên loại (Điều 7) → type code (Phụ lục III); None = no code. Legal-normative names are recognised
# too so that such documents (the decree itself) are parsed sensibly.
TYPE_CODES: dict[str, str | None] = {
    "NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC", "THÔNG BÁO": "TB", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr", "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA", "DỰ ÁN": "DA", "BÁO CÁO": "BC", "BIÊN BẢN": "BB", "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ", "CÔNG VĂN": None, "CÔNG ĐIỆN": "CĐ", "BẢN GHI NHỚ": "BGN", "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ", "GIẤY MỜI": "GM", "GIẤY GIỚI THIỆU": "GGT", "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG", "PHIẾU CHUYỂN": "PC", "PHIẾU BÁO": "PB", "THƯ CÔNG": None,
    "NGHỊ ĐỊNH": "NĐ", "THÔNG TƯ": "TT", "THÔNG TƯ LIÊN TỊCH": "TTLT",
}
CONG_VAN = "CÔNG VĂN"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
QH_KEY = folded_key(QUOC_HIEU)
TN_KEY = letters_key(TIEU_NGU)

QUYEN_HAN_RE = re.compile(r"^\s*(TM|Q|KT|TL|TUQ)\s*\.\s*\S", re.IGNORECASE)
SO_RE = re.compile(r"^\s*số\s*(?:[:.]|\d|/|\s+\d|\s*$|\s+/)", re.IGNORECASE)
DATE_RE = re.compile(r"ngày.*tháng.*năm", re.IGNORECASE)
VV_RE = re.compile(r"^\s*(v\s*/\s*v|về\s+việc)\b", re.IGNORECASE)
KINH_GUI_RE = re.compile(r"^\s*kính\s+gửi", re.IGNORECASE)
NOI_NHAN_RE = re.compile(r"^\s*nơi\s+nhận", re.IGNORECASE)
PREAMBLE_RE = re.compile(r"^\s*(căn\s+cứ|theo\s+đề\s+nghị|xét\s+đề\s+nghị|theo|xét)\b", re.IGNORECASE)
ANNOTATION_RE = re.compile(r"^\s*[\[(]|đã ký|ký tên|ký, ghi|chữ ký|ký và ghi|đóng dấu", re.IGNORECASE)
HEADER_WINDOW = 40
LIST_MARKS = "-–+•"


def type_of(text: str) -> str | None:
    """Canonical tên loại if the whole text is a document type name."""
    key = fold_tones(collapse(text).rstrip(":").strip().casefold())
    for name in TYPE_CODES:
        if key == name.casefold():
            return name
    return None

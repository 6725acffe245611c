"""Document model for administrative documents under Nghị định 30/2020/NĐ-CP.

Plain dataclasses and pure functions: no python-docx here. The writer (``writer.py``) lays a ``VanBan``
out on the page; the checker (``autograder.nd30``) reads the result back.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from enum import Enum

from ailab.text import nfc as _nfc


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC with surrounding whitespace removed."""
    return _nfc(str(text)).strip()


class LoaiVanBan(str, Enum):
    """Document types the writer lays out (Điều 7; Phụ lục III Mẫu 1.1–1.5, 1.7, 1.9)."""

    CONG_VAN = "Công văn"
    THONG_BAO = "Thông báo"
    GIAY_MOI = "Giấy mời"
    KE_HOACH = "Kế hoạch"
    BAO_CAO = "Báo cáo"
    TO_TRINH = "Tờ trình"
    QUYET_DINH = "Quyết định"
    BIEN_BAN = "Biên bản"
    NGHI_QUYET = "Nghị quyết"
    CHI_THI = "Chỉ thị"
    QUY_CHE = "Quy chế"
    QUY_DINH = "Quy định"
    THONG_CAO = "Thông cáo"
    HUONG_DAN = "Hướng dẫn"
    CHUONG_TRINH = "Chương trình"
    PHUONG_AN = "Phương án"
    DE_AN = "Đề án"
    DU_AN = "Dự án"
    GIAY_UY_QUYEN = "Giấy ủy quyền"
    PHIEU_GUI = "Phiếu gửi"
    PHIEU_CHUYEN = "Phiếu chuyển"
    PHIEU_BAO = "Phiếu báo"

    @property
    def ma(self) -> str:
        """Type code used in the ký hiệu (empty for công văn)."""
        return MA_LOAI[self.value]

    @property
    def ten_loai(self) -> str:
        """The printed heading (tên loại) in capitals; empty for công văn, which has none."""
        return "" if self is LoaiVanBan.CONG_VAN else self.value.upper()

    @classmethod
    def from_text(cls, text: str | LoaiVanBan) -> LoaiVanBan:
        """Find a type by its Vietnamese name or its code, ignoring case ("kế hoạch", "KH")."""
        if isinstance(text, cls):
            return text
        wanted = nfc(text).casefold().replace("uỷ", "ủy")
        if not wanted:
            raise ValueError("Chưa chọn loại văn bản.")
        for loai in cls:
            if wanted in (loai.value.casefold(), loai.ma.casefold() or None, loai.name.casefold()):
                return loai
        names = ", ".join(loai.value for loai in cls)
        raise ValueError(f"Không có loại văn bản «{nfc(text)}». Chọn một trong: {names}.")


# Phụ lục III, Mục I of the decree (all 29 types; công văn and thư công have no code).
MA_LOAI: dict[str, str] = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
    "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Kế hoạch": "KH",
    "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
    "Hợp đồng": "HĐ", "Công văn": "", "Công điện": "CĐ", "Bản ghi nhớ": "BGN", "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ", "Giấy mời": "GM", "Giấy giới thiệu": "GGT", "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG", "Phiếu chuyển": "PC", "Phiếu báo": "PB", "Thư công": "",
}

# Types whose recipient list starts with "Như trên" when there is a Kính gửi (Phụ lục I, II.9.b).
LOAI_NHU_TREN = (LoaiVanBan.CONG_VAN, LoaiVanBan.TO_TRINH, LoaiVanBan.BAO_CAO)
# Types that state the issuing authority, then the căn cứ, then a "QUYẾT ĐỊNH:" line (Mẫu 1.1–1.3).
LOAI_QUYET = {LoaiVanBan.QUYET_DINH: "QUYẾT ĐỊNH:", LoaiVanBan.NGHI_QUYET: "QUYẾT NGHỊ:"}
QUYEN_HAN_PREFIXES = ("TM.", "Q.", "KT.", "TL.", "TUQ.")
HOC_HAM_PREFIXES = ("GS.", "PGS.", "TS.", "ThS.", "KS.", "BS.", "CN.")

# Agency names and their usual abbreviation in a ký hiệu, longest first.
VIET_TAT_CO_QUAN = (
    ("ủy ban mặt trận tổ quốc việt nam", "MTTQ"),
    ("trung tâm phục vụ hành chính công", "TTPVHCC"),
    ("văn phòng hđnd và ubnd", "VP"),
    ("ủy ban nhân dân", "UBND"),
    ("hội đồng nhân dân", "HĐND"),
    ("ban chỉ huy quân sự", "BCHQS"),
    ("công an", "CA"),
)
_PLACE_WORDS = ("xã ", "phường ", "đặc khu ", "tỉnh ", "thành phố ", "thôn ", "tổ dân phố ")
_ROMAN_HEADING = re.compile(r"^[IVXLC]+\.\s+\S")
_DIEU = re.compile(r"^Điều\s+\d+\.")


def _place_cut(name: str) -> int:
    """Index of the space before the place part of an agency name ("… xã Tân Phú"), or -1."""
    lowered = name.casefold()
    found = [lowered.find(" " + word) for word in _PLACE_WORDS]
    found = [index for index in found if index > 0]
    return min(found) if found else -1


def agency_lines(name: str) -> str:
    """Agency name in capitals, broken before the place ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ") unless it has a line break."""
    name = nfc(name)
    if "\n" not in name:
        cut = _place_cut(name)
        if cut > 0:
            name = name[:cut] + "\n" + name[cut + 1 :]
    return name.upper()


def viet_tat_co_quan(ten_co_quan: str) -> str:
    """Abbreviate an agency name for the ký hiệu: "Ủy ban nhân dân xã Tân Phú" -> "UBND"."""
    name = nfc(ten_co_quan).replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    lowered = name.casefold()
    for prefix, short in VIET_TAT_CO_QUAN:
        if lowered.startswith(prefix):
            return short
    cut = _place_cut(name)
    if cut > 0:
        name = name[:cut]
    return "".join(word[0].upper() for word in name.split() if word[0].isalpha())


def build_ky_hieu(loai: LoaiVanBan | str, co_quan: str, don_vi: str = "") -> str:
    """Build the ký hiệu: type code + agency ("KH-UBND"); for a công văn agency + drafting unit ("UBND-VP")."""
    loai = LoaiVanBan.from_text(loai)
    co_quan = re.sub(r"\s+", "", nfc(co_quan))
    don_vi = re.sub(r"\s+", "", nfc(don_vi))
    if not co_quan:
        raise ValueError("Thiếu chữ viết tắt tên cơ quan để ghi ký hiệu (ví dụ: UBND).")
    if loai is LoaiVanBan.CONG_VAN:
        return f"{co_quan}-{don_vi}" if don_vi else co_quan
    return f"{loai.ma}-{co_quan}"


def format_so(so: int | str | None) -> str:
    """Format the registration number: 5 -> "05", 12 -> "12", blank -> spaces left for a draft."""
    text = nfc("" if so is None else str(so))
    if not text:
        return "     "
    if not text.isdigit() or int(text) == 0:
        raise ValueError(f"Số văn bản «{text}» không hợp lệ: chỉ ghi chữ số (ví dụ 05), hoặc để trống khi là dự thảo.")
    return f"{int(text):02d}"


def format_ngay_thang(dia_danh: str, ngay: dt.date) -> str:
    """Date line of Phụ lục I, II.4: day < 10 and months 1–2 get a leading zero, months 3–12 do not.

    >>> format_ngay_thang("Tân Phú", dt.date(2026, 3, 5))
    'Tân Phú, ngày 05 tháng 3 năm 2026'
    """
    place = nfc(dia_danh).rstrip(",").strip()
    if not place:
        raise ValueError("Thiếu địa danh (tên xã, phường nơi cơ quan đóng trụ sở).")
    if not isinstance(ngay, dt.date):
        raise ValueError("Ngày ban hành phải là một ngày (ví dụ 05/3/2026).")
    place = place[0].upper() + place[1:]
    month = f"{ngay.month:02d}" if ngay.month <= 2 else str(ngay.month)
    return f"{place}, ngày {ngay.day:02d} tháng {month} năm {ngay.year}"


def is_heading(paragraph: str) -> bool:
    """A section heading of the body: Roman numeral, dot, text in capitals ("I. MỤC ĐÍCH, YÊU CẦU")."""
    text = nfc(paragraph)
    if not _ROMAN_HEADING.match(text):
        return False
    letters = [ch for ch in text.split(".", 1)[1] if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def dieu_label(paragraph: str) -> str:
    """The "Điều 1." label at the start of a paragraph (printed bold), or ""."""
    match = _DIEU.match(nfc(paragraph))
    return match.group(0) if match else ""


def split_paragraphs(text: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Split pasted text (e.g. an AI draft) into paragraphs, dropping blank lines and markdown marks."""
    if text is None:
        return []
    lines = text.splitlines() if isinstance(text, str) else [line for item in text for line in str(item).splitlines()]
    result = []
    for line in lines:
        line = nfc(line)
        line = re.sub(r"^#{1,6}\s*", "", line)
        line = line.replace("**", "").replace("__", "")
        line = re.sub(r"^[*•]\s+", "- ", line)
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            result.append(line)
    return result


def _list_items(items: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Recipients typed one per line; leading dashes and trailing ; . removed."""
    cleaned = []
    for line in split_paragraphs(items):
        line = line.lstrip("-–+ ").rstrip(";.,").strip()
        if line:
            cleaned.append(line)
    return cleaned


@dataclass
class VanBan:
    """One administrative document. Text fields are NFC-normalised on entry.

    ``noi_dung`` is a list of paragraphs: a heading such as "I. MỤC ĐÍCH, YÊU CẦU" is printed bold,
    a paragraph starting "Điều 1." gets a bold label, any other paragraph is body text.
    ``kinh_gui``, ``can_cu`` and ``noi_nhan`` are lists (a string is split one item per line).
    ``noi_nhan`` holds only the real recipients: the writer adds "- Như trên;" and "- Lưu: VT, <đơn vị>.".
    """

    loai: LoaiVanBan | str
    co_quan_ban_hanh: str
    dia_danh: str
    ngay: dt.date
    trich_yeu: str
    noi_dung: list[str] = field(default_factory=list)
    chuc_vu: str = ""
    nguoi_ky: str = ""
    co_quan_chu_quan: str = ""
    so: int | str | None = ""
    viet_tat: str = ""
    don_vi_soan_thao: str = "VP"
    kinh_gui: list[str] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)
    quyen_han: str = ""
    noi_nhan: list[str] = field(default_factory=list)
    tham_quyen: str = ""
    thu_ky: str = ""

    def __post_init__(self) -> None:
        self.loai = LoaiVanBan.from_text(self.loai)
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, str) and item.name != "loai":
                setattr(self, item.name, nfc(value))
        self.noi_dung = split_paragraphs(self.noi_dung)
        self.can_cu = [line.rstrip(";.,").strip() for line in split_paragraphs(self.can_cu)]
        self.kinh_gui = _list_items(self.kinh_gui)
        self.noi_nhan = _list_items(self.noi_nhan)
        self.trich_yeu = re.sub(r"^V/v\s*", "", self.trich_yeu, flags=re.IGNORECASE).rstrip(".").strip()
        self.don_vi_soan_thao = self.don_vi_soan_thao.rstrip(".").strip()
        self.quyen_han = self.quyen_han.upper()
        if self.so is None:
            self.so = ""
        if self.loai is LoaiVanBan.BIEN_BAN and not self.chuc_vu:
            self.chuc_vu = "Chủ tọa"

    @property
    def ky_hieu(self) -> str:
        """Ký hiệu built from the type code and the agency abbreviation ("KH-UBND", "UBND-VP")."""
        short = self.viet_tat or viet_tat_co_quan(self.co_quan_ban_hanh)
        return build_ky_hieu(self.loai, short, self.don_vi_soan_thao)

    @property
    def so_ky_hieu(self) -> str:
        """The full number line, e.g. "Số: 05/KH-UBND"."""
        return f"Số: {format_so(self.so)}/{self.ky_hieu}"

    @property
    def ngay_thang(self) -> str:
        """The place-and-date line, e.g. "Tân Phú, ngày 05 tháng 3 năm 2026"."""
        return format_ngay_thang(self.dia_danh, self.ngay)

    @property
    def quyen_han_line(self) -> str:
        """The quyền hạn line; "TM." alone becomes "TM. <collective name>" (name without the place)."""
        quyen_han = nfc(self.quyen_han).upper()
        if quyen_han != "TM.":
            return quyen_han
        name = self.co_quan_ban_hanh.replace("\n", " ")
        cut = _place_cut(name)
        return f"TM. {(name[:cut] if cut > 0 else name).upper()}"

    @property
    def tham_quyen_line(self) -> str:
        """Issuing authority printed above the căn cứ of a quyết định ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …")."""
        if self.tham_quyen:
            return self.tham_quyen.upper()
        if self.loai is LoaiVanBan.NGHI_QUYET:
            return self.co_quan_ban_hanh.upper()
        return f"{self.chuc_vu} {self.co_quan_ban_hanh}".upper().strip()


def noi_nhan_lines(van_ban: VanBan) -> list[str]:
    """Recipient lines as printed: "- …;" each, "- Như trên;" first where due, "- Lưu: VT, <unit>." last."""
    items = [item for item in van_ban.noi_nhan if not item.casefold().startswith(("lưu", "như trên"))]
    if van_ban.kinh_gui and van_ban.loai in LOAI_NHU_TREN:
        items.insert(0, "Như trên")
    unit = van_ban.don_vi_soan_thao
    return [f"- {item};" for item in items] + [f"- Lưu: VT, {unit}." if unit else "- Lưu: VT."]


def kinh_gui_lines(van_ban: VanBan) -> list[str]:
    """Recipient lines of "Kính gửi": one → ["Kính gửi: X."]; several → ["Kính gửi:", "- A;", "- B."]."""
    names = van_ban.kinh_gui
    if not names:
        return []
    if len(names) == 1:
        return [f"Kính gửi: {names[0]}."]
    return ["Kính gửi:"] + [f"- {name};" for name in names[:-1]] + [f"- {names[-1]}."]


def can_cu_lines(van_ban: VanBan) -> list[str]:
    """Căn cứ lines, each ending ";" and the last ".", as Phụ lục I, II.6.a asks."""
    lines = van_ban.can_cu
    return [line + (";" if index < len(lines) - 1 else ".") for index, line in enumerate(lines)]


def body_paragraphs(van_ban: VanBan) -> list[str]:
    """Body paragraphs with the closing mark "./." after the last one (as in the Phụ lục III specimens)."""
    paragraphs = list(van_ban.noi_dung)
    if paragraphs and not paragraphs[-1].endswith("/."):
        last = paragraphs[-1].rstrip()
        paragraphs[-1] = (last if last.endswith(".") else last + ".") + "/."
    return paragraphs


def validate(van_ban: VanBan) -> list[str]:
    """Problems that stop a document from being written, as Vietnamese messages (empty list: all good)."""
    problems = []
    required = {
        "co_quan_ban_hanh": "Thiếu tên cơ quan ban hành (ví dụ: Ủy ban nhân dân xã Tân Phú).",
        "dia_danh": "Thiếu địa danh (tên xã, phường nơi ban hành).",
        "trich_yeu": "Thiếu trích yếu (văn bản nói về việc gì).",
        "chuc_vu": "Thiếu chức vụ người ký (ví dụ: Chủ tịch).",
        "nguoi_ky": "Thiếu họ và tên người ký.",
    }
    for name, message in required.items():
        if not getattr(van_ban, name):
            problems.append(message)
    if not van_ban.don_vi_soan_thao:
        problems.append("Thiếu chữ viết tắt đơn vị soạn thảo (ví dụ VP), cần cho dòng «- Lưu: VT, VP.» ở nơi nhận.")
    if not van_ban.noi_dung:
        problems.append("Chưa có nội dung văn bản: dán hoặc gõ ít nhất một đoạn.")
    if not isinstance(van_ban.ngay, dt.date):
        problems.append("Ngày ban hành phải là một ngày (ví dụ 05/3/2026).")
    for check in (lambda: format_so(van_ban.so), lambda: van_ban.ky_hieu):
        try:
            check()
        except ValueError as error:
            problems.append(str(error))
    if van_ban.quyen_han and not van_ban.quyen_han.startswith(QUYEN_HAN_PREFIXES):
        problems.append(
            f"Quyền hạn ký «{van_ban.quyen_han}» phải bắt đầu bằng TM., Q., KT., TL. hoặc TUQ. (hoặc để trống)."
        )
    elif van_ban.quyen_han in QUYEN_HAN_PREFIXES[1:]:
        problems.append(
            f"Quyền hạn ký «{van_ban.quyen_han}» chưa đủ: ghi cả chức vụ người đứng đầu, ví dụ «KT. CHỦ TỊCH»."
        )
    for name in (van_ban.nguoi_ky, van_ban.thu_ky):
        if name.startswith(HOC_HAM_PREFIXES):
            problems.append(f"Không ghi học hàm, học vị trước họ tên người ký: «{name}».")
    if van_ban.loai is LoaiVanBan.BIEN_BAN and not van_ban.thu_ky:
        problems.append("Biên bản cần họ tên thư ký (người ghi biên bản).")
    return problems

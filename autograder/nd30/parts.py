"""Find the parts of an administrative document (ô 1–9 of Phụ lục I) in the paragraph list.

Layout assumptions, chosen to match what Word, LibreOffice, Google Docs and python-docx users produce:

* The header (agency, số, quốc hiệu, tiêu ngữ, date) is either a table — usually a borderless 1×2 table —
  or plain paragraphs; a line may also be split by tabs or line breaks, so header search works on lines.
* Tên loại is the first paragraph after the header whose whole text is a document type name
  (case-insensitive, so a tên loại typed in lower case is still found and then reported as not all caps).
  No tên loại and a ``V/v`` line → công văn.
* The signature block is a table after the content that holds ``Nơi nhận``, a ``TM./Q./KT./TL./TUQ.`` line,
  or bold capitals; otherwise the run of non-justified paragraphs just before ``Nơi nhận`` (or the end).
* Body = paragraphs outside tables between the header/trích yếu (and Kính gửi) and the signature block,
  excluding empty ones, centred headings, the căn cứ preamble (italic allowed there) and line-only paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from autograder.nd30.reader import Model, Para, Piece
from autograder.nd30.wording import collapse, is_upper, letters_key, split_lines, text_of

_OLD_STYLE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
              "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_STYLE_RE = re.compile("(?:" + "|".join(_OLD_STYLE) + r")(?!\w)")

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
QUYEN_HAN_RE = re.compile(r"^\s*(TM|Q|KT|TL|TUQ)\s*\.\s*\S", re.IGNORECASE)
SO_RE = re.compile(r"^\s*số\s*(?:[:.]|\d|/|\s+\d|\s*$|\s+/)", re.IGNORECASE)
DATE_RE = re.compile(r"ngày.*tháng.*năm", re.IGNORECASE)
VV_RE = re.compile(r"^\s*(v\s*/\s*v|về\s+việc)\b", re.IGNORECASE)
KINH_GUI_RE = re.compile(r"^\s*kính\s+gửi", re.IGNORECASE)
NOI_NHAN_RE = re.compile(r"^\s*nơi\s+nhận", re.IGNORECASE)
PREAMBLE_RE = re.compile(r"^\s*(căn\s+cứ|theo\s+đề\s+nghị|xét\s+đề\s+nghị|theo|xét)\b", re.IGNORECASE)
ANNOTATION_RE = re.compile(r"^\s*[\[(]|đã ký|ký tên|ký, ghi|chữ ký|ký và ghi|đóng dấu", re.IGNORECASE)
LINE_ONLY_RE = re.compile(r"^[\s_\-–—=.·…]*$")
HEADER_WINDOW = 40


def fold_tones(text: str) -> str:
    """Old-style tone placement at a syllable end (hoà, uỷ) to the new style (hòa, ủy); expects lower case."""
    return _OLD_STYLE_RE.sub(lambda m: _OLD_STYLE[m.group(0)], text)


def folded_key(text: str) -> str:
    """Letters-only, lower-case, new-style-tone key of a text (for loose matching)."""
    return letters_key(fold_tones(text.casefold()))


QH_KEY = folded_key("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
TN_KEY = letters_key("Độc lập - Tự do - Hạnh phúc")


def type_of(text: str) -> str | None:
    """Canonical tên loại if the whole text is a document type name."""
    key = fold_tones(collapse(text).rstrip(":").strip().casefold())
    for name in TYPE_CODES:
        if key == name.casefold():
            return name
    return None


def is_line_only(para: Para) -> bool:
    """An empty paragraph, a line of underscores, or one holding only a drawn line."""
    return LINE_ONLY_RE.match(para.text) is not None


def has_words(text: str) -> bool:
    """True when the text has a letter or digit."""
    return any(ch.isalnum() for ch in text)


@dataclass(slots=True)
class Line:
    """One line of a paragraph (split at line breaks, and at tabs in the header)."""

    para: Para
    pieces: list[Piece]

    @property
    def text(self) -> str:
        """Text of the line, trimmed."""
        return text_of(self.pieces).strip()


def lines_of(para: Para, tabs: bool = False) -> list[Line]:
    """Non-empty lines of a paragraph."""
    return [Line(para, pieces) for pieces in split_lines(para.pieces, "\n\t" if tabs else "\n")
            if text_of(pieces).strip()]


@dataclass(slots=True)
class Parts:
    """Where each part of the document is (None / empty when missing)."""

    quoc_hieu: Line | None = None
    tieu_ngu: Line | None = None
    co_quan: list[Line] = field(default_factory=list)
    so: Line | None = None
    ngay: Line | None = None
    ten_loai: Para | None = None
    doc_type: str | None = None
    trich_yeu: list[Para] = field(default_factory=list)
    vv: Line | None = None
    kinh_gui: Para | None = None
    kinh_gui_items: list[Line] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    signatures: list[list[Line]] = field(default_factory=list)
    noi_nhan: Para | None = None
    noi_nhan_items: list[list[Line]] = field(default_factory=list)
    header_paras: list[Para] = field(default_factory=list)

    @property
    def is_cong_van(self) -> bool:
        """Công văn: a V/v trích yếu and no other tên loại (a CÔNG VĂN heading still counts as công văn)."""
        return self.doc_type in (None, CONG_VAN) and self.vv is not None


def find_parts(model: Model) -> Parts:
    """Locate every part; missing parts stay empty."""
    paras = model.paras
    parts = Parts()
    window = paras[:HEADER_WINDOW] if len(paras) > HEADER_WINDOW else paras
    qh_para = next((p for p in window if QH_KEY in folded_key(p.text)), None)
    tn_para = next((p for p in window if TN_KEY in letters_key(p.text)), None)
    anchor = qh_para or tn_para
    header_table = anchor.table if anchor is not None else None
    if header_table is None and paras and paras[0].table is not None:
        header_table = paras[0].table

    # Tên loại: first type-name paragraph outside the header table.
    start = 0
    if header_table is not None:
        start = max(p.index for p in paras if p.table == header_table) + 1
    for para in paras[start:start + HEADER_WINDOW]:
        if para.table is None and type_of(para.text):
            parts.ten_loai = para
            parts.doc_type = type_of(para.text)
            break

    if header_table is not None:
        header = [p for p in paras if p.table == header_table]
    elif anchor is not None:
        end = parts.ten_loai.index if parts.ten_loai is not None else min(len(paras), 15)
        header = [p for p in paras[:end] if p.table is None]
    else:
        header = []
    header_lines = [line for p in header for line in lines_of(p, tabs=True)]

    for line in header_lines:
        key = folded_key(line.text)
        if parts.quoc_hieu is None and QH_KEY in key:
            parts.quoc_hieu = line
        elif parts.tieu_ngu is None and TN_KEY in letters_key(line.text):
            parts.tieu_ngu = line
        elif parts.so is None and SO_RE.match(line.text):
            parts.so = line
        elif parts.ngay is None and DATE_RE.search(line.text) and not PREAMBLE_RE.match(line.text):
            parts.ngay = line
    if parts.quoc_hieu is None and qh_para is not None:
        parts.quoc_hieu = next((ln for ln in lines_of(qh_para, tabs=True)
                                if QH_KEY in folded_key(ln.text)), None)
    if parts.tieu_ngu is None and tn_para is not None:
        parts.tieu_ngu = next((ln for ln in lines_of(tn_para, tabs=True) if TN_KEY in letters_key(ln.text)), None)
    if header_table is None and header:
        found = [x.para.index for x in (parts.quoc_hieu, parts.tieu_ngu, parts.so, parts.ngay) if x is not None]
        last = max(found) if found else -1
        while last + 1 < len(paras) and last + 1 < header[-1].index + 1 and is_line_only(paras[last + 1]):
            last += 1
        header = [p for p in header if p.index <= last]
        header_lines = [line for line in header_lines if line.para.index <= last]
    parts.header_paras = header

    parts.co_quan = _agency_lines(parts, header_lines, header_table)
    _find_vv(parts, paras, header)
    _find_trich_yeu(parts, paras)
    content_start = _content_start(parts, header)
    _find_kinh_gui(parts, paras, content_start)
    _find_signature(parts, paras, content_start)
    return parts


def _agency_lines(parts: Parts, header_lines: list[Line], header_table: int | None) -> list[Line]:
    taken = {id(x) for x in (parts.quoc_hieu, parts.tieu_ngu, parts.so, parts.ngay) if x is not None}
    column = None
    if header_table is not None:
        column = parts.so.para.col if parts.so is not None else 0
        if parts.quoc_hieu is not None and parts.quoc_hieu.para.col == column and parts.so is None:
            column = None
    position = {id(line): number for number, line in enumerate(header_lines)}
    heads = [x for x in (parts.quoc_hieu, parts.tieu_ngu) if x is not None]
    result = []
    stop = None
    if parts.so is not None:
        stop = parts.so.para.index
    elif header_table is None:
        marks = [x.para.index for x in (parts.quoc_hieu, parts.tieu_ngu) if x is not None]
        stop = min(marks) - 1 if marks else -1
    for line in header_lines:
        if stop is not None and line.para.index > stop:
            break
        if line is parts.so:
            break
        if id(line) in taken or not has_words(line.text) or VV_RE.match(line.text):
            continue
        if column is not None and line.para.col != column:
            continue
        if any(line.para is mark.para and position.get(id(line), 0) > position.get(id(mark), -1)
               for mark in heads):
            continue  # text after the quốc hiệu or tiêu ngữ in its paragraph (a line to the left of it stays)
        if DATE_RE.search(line.text):
            continue
        result.append(line)
    return result


def _find_vv(parts: Parts, paras: list[Para], header: list[Para]) -> None:
    after = header[-1].index + 1 if header else 0
    candidates = list(header) + [p for p in paras[after:after + 6]]
    if parts.ten_loai is not None:
        candidates = [p for p in candidates if p.index < parts.ten_loai.index]
    for para in candidates:
        for line in lines_of(para, tabs=True):
            if VV_RE.match(line.text):
                parts.vv = line
                return


def _find_trich_yeu(parts: Parts, paras: list[Para]) -> None:
    if parts.ten_loai is None:
        return
    for para in paras[parts.ten_loai.index + 1:parts.ten_loai.index + 6]:
        text = para.stripped
        if not text:
            if parts.trich_yeu:
                break
            continue
        if is_line_only(para) or PREAMBLE_RE.match(text) or KINH_GUI_RE.match(text) or type_of(text):
            break
        if not parts.trich_yeu:
            if para.props.align == "center" or any(p.props.bold for p in para.pieces) or \
                    text.casefold().startswith("về"):
                parts.trich_yeu.append(para)
                continue
            break
        if para.props.align == "center" and not text.endswith(":") and para.table is None:
            parts.trich_yeu.append(para)
        else:
            break


def _content_start(parts: Parts, header: list[Para]) -> int:
    marks = [p.index for p in header]
    marks += [p.index for p in parts.trich_yeu]
    if parts.ten_loai is not None:
        marks.append(parts.ten_loai.index)
    if parts.vv is not None:
        marks.append(parts.vv.para.index)
    return max(marks) + 1 if marks else 0


def _find_kinh_gui(parts: Parts, paras: list[Para], start: int) -> None:
    for para in paras[max(0, start - 3):start + 10]:
        if KINH_GUI_RE.match(para.text):
            parts.kinh_gui = para
            break
    if parts.kinh_gui is None:
        return
    lines = lines_of(parts.kinh_gui)
    first = lines[0].text if lines else ""
    parts.kinh_gui_items = lines[1:]
    if first.partition(":")[2].strip() or parts.kinh_gui_items:
        return
    for para in paras[parts.kinh_gui.index + 1:parts.kinh_gui.index + 30]:
        text = para.stripped
        if not text:
            if parts.kinh_gui_items:
                break
            continue
        if text[0] in "-–+•":
            parts.kinh_gui_items.extend(lines_of(para))
        else:
            break


def _signature_lines(block: list[Para]) -> list[Line]:
    lines = [line for p in block for line in lines_of(p)]
    return [ln for ln in lines if has_words(ln.text) and not ANNOTATION_RE.search(ln.text)]


def _find_signature(parts: Parts, paras: list[Para], start: int) -> None:
    kinh_gui_end = max([ln.para.index for ln in parts.kinh_gui_items]
                       + ([parts.kinh_gui.index] if parts.kinh_gui else []) + [start - 1])
    start = max(start, kinh_gui_end + 1)
    after = paras[start:]
    label = next((p for p in after if NOI_NHAN_RE.match(p.text)), None)
    parts.noi_nhan = label
    end = len(paras)

    tables: dict[int, list[Para]] = {}
    for para in after:
        if para.table is not None:
            tables.setdefault(para.table, []).append(para)
    sig_table = None
    for number, cells in tables.items():
        if any(p is label or QUYEN_HAN_RE.match(p.text) for p in cells):
            sig_table = number
            break
    if sig_table is None and tables:
        number = max(tables)
        cells = tables[number]
        firsts: dict[tuple, Para] = {}
        for p in cells:
            if p.stripped:
                firsts.setdefault((p.row, p.col), p)
        if max(p.row for p in cells) <= 2 and any(
                is_upper(p.pieces) and all(x.props.bold for x in p.pieces if x.text.strip()) and has_words(p.text)
                for p in firsts.values()):
            sig_table = number
    if sig_table is not None:
        cells_paras = tables[sig_table]
        end = cells_paras[0].index
        by_cell: dict[tuple, list[Para]] = {}
        for p in cells_paras:
            by_cell.setdefault((p.row, p.col), []).append(p)
        for block in by_cell.values():
            if label is not None and label in block:
                continue
            lines = _signature_lines(block)
            if not lines:
                continue
            if any(QUYEN_HAN_RE.match(ln.text) for ln in lines) or (
                    len(lines) > 1 and (is_upper(lines[0].pieces) or label is not None)):
                parts.signatures.append(lines)
    else:
        block = _paragraph_signature(paras, start, label)
        if block:
            end = block[0].index
            parts.signatures.append(_signature_lines(block))
    if label is not None:
        end = min(end, label.index)
        parts.noi_nhan_items = _noi_nhan_items(paras, label)
    _find_body(parts, paras, start, end)


def _paragraph_signature(paras: list[Para], start: int, label: Para | None) -> list[Para]:
    top = [p for p in paras[start:] if p.table is None]
    first = next((p for p in top if QUYEN_HAN_RE.match(p.text)), None)
    if first is not None:
        block = []
        for p in top[top.index(first):]:
            if label is not None and p is label:
                break
            block.append(p)
        return block
    stop = label.index if label is not None and label.table is None else len(paras)
    block: list[Para] = []
    for p in reversed([p for p in top if p.index < stop]):
        if not p.stripped:
            continue
        if p.props.align in ("both", "distribute") or p.index < start:
            break
        block.insert(0, p)
    return block


def _noi_nhan_items(paras: list[Para], label: Para) -> list[list[Line]]:
    lines = lines_of(label)[1:]
    if label.table is not None:
        following = [p for p in paras[label.index + 1:]
                     if p.table == label.table and p.row == label.row and p.col == label.col]
        for p in following:
            lines.extend(lines_of(p))
    else:
        seen_item = bool(lines)
        for p in paras[label.index + 1:]:
            if p.table is not None:
                break
            if not p.stripped:
                if seen_item:
                    break
                continue
            text = p.text
            if text.strip()[0] not in "-–+•" and not text[0].isspace() and seen_item and \
                    QUYEN_HAN_RE.match(text) is not None:
                break
            if text.strip()[0] not in "-–+•" and seen_item and is_upper(p.pieces):
                break
            lines.extend(lines_of(p))
            seen_item = True
    items: list[list[Line]] = []
    for line in lines:
        text = line.text
        starts_new = text[:1] in "-–+•"
        raw = text_of(line.pieces)
        continues = items and (not starts_new) and (
            raw[:1].isspace() or raw[:1] == "\xa0" or text[:1].islower()
            or not items[-1][-1].text.rstrip().endswith((";", ".")))
        if continues:
            items[-1].append(line)
        else:
            items.append([line])
    return items


def _find_body(parts: Parts, paras: list[Para], start: int, end: int) -> None:
    kinh_gui = {id(parts.kinh_gui)} | {id(ln.para) for ln in parts.kinh_gui_items}
    in_preamble = True
    for para in paras[start:end]:
        if para.table is not None or id(para) in kinh_gui:
            continue
        text = para.stripped
        if not text or not has_words(text) or is_line_only(para):
            continue
        if para.props.align == "center":
            continue
        if in_preamble and (PREAMBLE_RE.match(text) or all(
                p.props.italic for p in para.pieces if p.text.strip())):
            continue
        in_preamble = False
        parts.body.append(para)


def line_text(lines: list[Line]) -> str:
    """Text of several lines joined by spaces."""
    return " ".join(ln.text for ln in lines)

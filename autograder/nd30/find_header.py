"""Find the header parts (ô 1–5): quốc hiệu, tiêu ngữ, cơ quan, số, ngày, tên loại, trích yếu, V/v.

The header is either a table — usually a borderless 1×2 table — or plain paragraphs; a line may also be
split by tabs or line breaks, so header search works on lines. Tên loại is the first paragraph after the
header whose whole text is a document type name (case-insensitive, so a tên loại typed in lower case is
still found and then reported as not all caps).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from autograder.nd30.lines import Line, has_words, is_line_only, lines_of
from autograder.nd30.matching import folded_key, letters_key
from autograder.nd30.model import Para
from autograder.nd30.vocabulary import (
    DATE_RE,
    HEADER_WINDOW,
    KINH_GUI_RE,
    PREAMBLE_RE,
    QH_KEY,
    SO_RE,
    TN_KEY,
    VV_RE,
    type_of,
)

if TYPE_CHECKING:
    from autograder.nd30.parts import Parts


def find_header(parts: Parts, paras: list[Para]) -> tuple[list[Para], list[Line], int | None]:
    """Fill quốc hiệu, tiêu ngữ, số, ngày and tên loại; return the header's paragraphs, lines and table."""
    window = paras[:HEADER_WINDOW] if len(paras) > HEADER_WINDOW else paras
    qh_para = next((p for p in window if QH_KEY in folded_key(p.text)), None)
    tn_para = next((p for p in window if TN_KEY in letters_key(p.text)), None)
    anchor = qh_para or tn_para
    header_table = anchor.table if anchor is not None else None
    if header_table is None and paras and paras[0].table is not None:
        header_table = paras[0].table
    _find_ten_loai(parts, paras, header_table)

    if header_table is not None:
        header = [p for p in paras if p.table == header_table]
    elif anchor is not None:
        end = parts.ten_loai.index if parts.ten_loai is not None else min(len(paras), 15)
        header = [p for p in paras[:end] if p.table is None]
    else:
        header = []
    header_lines = [line for p in header for line in lines_of(p, tabs=True)]
    _mark_lines(parts, header_lines)
    if parts.quoc_hieu is None and qh_para is not None:
        parts.quoc_hieu = next((ln for ln in lines_of(qh_para, tabs=True) if QH_KEY in folded_key(ln.text)), None)
    if parts.tieu_ngu is None and tn_para is not None:
        parts.tieu_ngu = next((ln for ln in lines_of(tn_para, tabs=True) if TN_KEY in letters_key(ln.text)), None)
    if header_table is None and header:
        header, header_lines = _trim_plain_header(parts, paras, header, header_lines)
    parts.header_paras = header
    return header, header_lines, header_table


def _find_ten_loai(parts: Parts, paras: list[Para], header_table: int | None) -> None:
    """Tên loại: the first type-name paragraph outside the header table."""
    start = 0
    if header_table is not None:
        start = max(p.index for p in paras if p.table == header_table) + 1
    for para in paras[start:start + HEADER_WINDOW]:
        if para.table is None and type_of(para.text):
            parts.ten_loai = para
            parts.doc_type = type_of(para.text)
            return


def _mark_lines(parts: Parts, header_lines: list[Line]) -> None:
    """The first header line of each kind: quốc hiệu, tiêu ngữ, số, địa danh-ngày."""
    for line in header_lines:
        if parts.quoc_hieu is None and QH_KEY in folded_key(line.text):
            parts.quoc_hieu = line
        elif parts.tieu_ngu is None and TN_KEY in letters_key(line.text):
            parts.tieu_ngu = line
        elif parts.so is None and SO_RE.match(line.text):
            parts.so = line
        elif parts.ngay is None and DATE_RE.search(line.text) and not PREAMBLE_RE.match(line.text):
            parts.ngay = line


def _trim_plain_header(parts: Parts, paras: list[Para], header: list[Para],
                       header_lines: list[Line]) -> tuple[list[Para], list[Line]]:
    """A header of plain paragraphs ends after its last marked line (and the drawn lines under it)."""
    found = [x.para.index for x in (parts.quoc_hieu, parts.tieu_ngu, parts.so, parts.ngay) if x is not None]
    last = max(found) if found else -1
    while last + 1 < len(paras) and last + 1 < header[-1].index + 1 and is_line_only(paras[last + 1]):
        last += 1
    return ([p for p in header if p.index <= last],
            [line for line in header_lines if line.para.index <= last])


def agency_lines(parts: Parts, header_lines: list[Line], header_table: int | None) -> list[Line]:
    """Lines of the issuing agency (ô 2): the header's left column above the số."""
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
        if (stop is not None and line.para.index > stop) or line is parts.so:
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


def find_vv(parts: Parts, paras: list[Para], header: list[Para]) -> None:
    """The ``V/v`` trích yếu of a công văn: in the header or just under it, before any tên loại."""
    after = header[-1].index + 1 if header else 0
    candidates = list(header) + [p for p in paras[after:after + 6]]
    if parts.ten_loai is not None:
        candidates = [p for p in candidates if p.index < parts.ten_loai.index]
    for para in candidates:
        for line in lines_of(para, tabs=True):
            if VV_RE.match(line.text):
                parts.vv = line
                return


def find_trich_yeu(parts: Parts, paras: list[Para]) -> None:
    """Trích yếu: the centred or bold paragraphs right under the tên loại."""
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


def content_start(parts: Parts, header: list[Para]) -> int:
    """Index of the first paragraph after the header, tên loại, trích yếu and V/v."""
    marks = [p.index for p in header]
    marks += [p.index for p in parts.trich_yeu]
    if parts.ten_loai is not None:
        marks.append(parts.ten_loai.index)
    if parts.vv is not None:
        marks.append(parts.vv.para.index)
    return max(marks) + 1 if marks else 0

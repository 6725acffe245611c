"""Find the parts after the header: kính gửi, body (ô 6), signature block (ô 7) and nơi nhận (ô 9).

The signature block is a table after the content that holds ``Nơi nhận``, a ``TM./Q./KT./TL./TUQ.`` line,
or bold capitals; otherwise the run of non-justified paragraphs just before ``Nơi nhận`` (or the end).
Body = paragraphs outside tables between the header/trích yếu (and Kính gửi) and the signature block,
excluding empty ones, centred headings, the căn cứ preamble (italic allowed there) and line-only paragraphs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from autograder.nd30.lines import Line, has_words, is_line_only, lines_of
from autograder.nd30.model import Para
from autograder.nd30.pieces import is_upper, text_of
from autograder.nd30.vocabulary import (
    ANNOTATION_RE,
    KINH_GUI_RE,
    LIST_MARKS,
    NOI_NHAN_RE,
    PREAMBLE_RE,
    QUYEN_HAN_RE,
)

if TYPE_CHECKING:
    from autograder.nd30.parts import Parts


def find_kinh_gui(parts: Parts, paras: list[Para], start: int) -> None:
    """``Kính gửi:`` and its addressees (on the same line, following lines, or a list of dashes)."""
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
        if text[0] in LIST_MARKS:
            parts.kinh_gui_items.extend(lines_of(para))
        else:
            break


def find_signature(parts: Parts, paras: list[Para], start: int) -> None:
    """Signature blocks, nơi nhận and, between the content start and them, the body."""
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
    sig_table = _signature_table(tables, label)
    if sig_table is not None:
        end = tables[sig_table][0].index
        parts.signatures.extend(_table_signatures(tables[sig_table], label))
    else:
        block = _paragraph_signature(paras, start, label)
        if block:
            end = block[0].index
            parts.signatures.append(_signature_lines(block))
    if label is not None:
        end = min(end, label.index)
        parts.noi_nhan_items = _noi_nhan_items(paras, label)
    _find_body(parts, paras, start, end)


def _signature_table(tables: dict[int, list[Para]], label: Para | None) -> int | None:
    """The table holding the signature: one with nơi nhận or a TM./KT. line, else a short last table in bold caps."""
    for number, cells in tables.items():
        if any(p is label or QUYEN_HAN_RE.match(p.text) for p in cells):
            return number
    if not tables:
        return None
    number = max(tables)
    cells = tables[number]
    firsts: dict[tuple, Para] = {}
    for p in cells:
        if p.stripped:
            firsts.setdefault((p.row, p.col), p)
    if max(p.row for p in cells) <= 2 and any(
            is_upper(p.pieces) and all(x.props.bold for x in p.pieces if x.text.strip()) and has_words(p.text)
            for p in firsts.values()):
        return number
    return None


def _table_signatures(cells_paras: list[Para], label: Para | None) -> list[list[Line]]:
    """Signature blocks in the cells of the signature table (the nơi nhận cell left out)."""
    by_cell: dict[tuple, list[Para]] = {}
    for p in cells_paras:
        by_cell.setdefault((p.row, p.col), []).append(p)
    signatures = []
    for block in by_cell.values():
        if label is not None and label in block:
            continue
        lines = _signature_lines(block)
        if not lines:
            continue
        if any(QUYEN_HAN_RE.match(ln.text) for ln in lines) or (
                len(lines) > 1 and (is_upper(lines[0].pieces) or label is not None)):
            signatures.append(lines)
    return signatures


def _signature_lines(block: list[Para]) -> list[Line]:
    lines = [line for p in block for line in lines_of(p)]
    return [ln for ln in lines if has_words(ln.text) and not ANNOTATION_RE.search(ln.text)]


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


def _noi_nhan_lines(paras: list[Para], label: Para) -> list[Line]:
    """Lines under ``Nơi nhận:``: the rest of its cell, or the paragraphs up to a blank or a signature."""
    lines = lines_of(label)[1:]
    if label.table is not None:
        for p in paras[label.index + 1:]:
            if p.table == label.table and p.row == label.row and p.col == label.col:
                lines.extend(lines_of(p))
        return lines
    seen_item = bool(lines)
    for p in paras[label.index + 1:]:
        if p.table is not None:
            break
        if not p.stripped:
            if seen_item:
                break
            continue
        text = p.text
        if text.strip()[0] not in LIST_MARKS and not text[0].isspace() and seen_item and \
                QUYEN_HAN_RE.match(text) is not None:
            break
        if text.strip()[0] not in LIST_MARKS and seen_item and is_upper(p.pieces):
            break
        lines.extend(lines_of(p))
        seen_item = True
    return lines


def _noi_nhan_items(paras: list[Para], label: Para) -> list[list[Line]]:
    """Items of nơi nhận: a line starting with a dash opens an item, a continuation line joins the last."""
    items: list[list[Line]] = []
    for line in _noi_nhan_lines(paras, label):
        text = line.text
        starts_new = text[:1] in LIST_MARKS
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

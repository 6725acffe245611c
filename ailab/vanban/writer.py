"""Write a ``VanBan`` as a .docx laid out by Nghị định 30/2020/NĐ-CP, Phụ lục I (sizes as in its Mục V).

The layout follows the Phụ lục III specimens: a borderless 1×2 table for the header (agency | quốc hiệu),
the tên loại and trích yếu centred, the body justified, and a borderless 1×2 table for nơi nhận | chữ ký.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Mm, Pt

from ailab.vanban import ooxml
from ailab.vanban.model import (
    LOAI_QUYET,
    LoaiVanBan,
    VanBan,
    agency_lines,
    body_paragraphs,
    can_cu_lines,
    dieu_label,
    format_so,
    is_heading,
    kinh_gui_lines,
    noi_nhan_lines,
    validate,
)

FONT = "Times New Roman"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_WIDTH = Mm(210 - 30 - 15)
HEADER_COLUMNS = (Mm(65), Mm(100))
SIGNATURE_COLUMNS = (Mm(65), Mm(100))
CELL_PADDING = Mm(1.9)  # Word's default left/right cell margin (108 twips) on each side

# Sizes (pt): one consistent choice inside the ranges, as in Phụ lục I, Mục V.
SIZE_QUOC_HIEU, SIZE_TIEU_NGU, SIZE_CO_QUAN, SIZE_SO, SIZE_NGAY = 12, 13, 12, 13, 13
SIZE_TEN_LOAI, SIZE_TRICH_YEU, SIZE_VV, SIZE_BODY, SIZE_CHU_KY = 14, 14, 12, 14, 14
SIZE_NOI_NHAN_LABEL, SIZE_NOI_NHAN_ITEM, SIZE_PAGE_NUMBER = 12, 11, 14

# The motto at 13 pt bold measures 56.1 mm (Times New Roman metrics); its rule spans about the same length.
TIEU_NGU_RULE = Mm(58)
CO_QUAN_RULE = Mm(25)
TRICH_YEU_RULE = Mm(35)
BODY_INDENT = Cm(1)
BODY_GAP = Pt(6)
NO_GAP = Pt(0)
SIGNATURE_BLANK_LINES = 4


class VanBanError(ValueError):
    """The document cannot be written; ``problems`` holds one Vietnamese message per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _style_run(run, size: int, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    ooxml.set_rfonts(run._r.get_or_add_rPr(), FONT)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic


def _paragraph(
    container,
    text: str = "",
    size: int = SIZE_BODY,
    bold: bool = False,
    italic: bool = False,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    before: Length = NO_GAP,
    after: Length = NO_GAP,
):
    """Add a paragraph with one run, spacing and single line spacing set explicitly."""
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = before, after, 1.0
    fmt.first_line_indent = None
    if text:
        parts = text.split("\n")
        for index, part in enumerate(parts):
            run = paragraph.add_run(part)
            _style_run(run, size, bold, italic)
            if index < len(parts) - 1:
                run.add_break()
    else:
        # An empty paragraph still carries a mark size, so a rule line takes little height.
        _style_run(paragraph.add_run(), size, bold, italic)
    return paragraph


def _first_paragraph(cell, *args, **kwargs):
    """Fill a new table cell's built-in empty paragraph instead of adding a second one."""
    paragraph = _paragraph(cell, *args, **kwargs)
    first = cell.paragraphs[0]
    if first._p is not paragraph._p and not first.text:
        first._p.getparent().remove(first._p)
    return paragraph


def _rule(container, length: Length, available: Length, before: Length = NO_GAP):
    """A short solid line: an empty 1-pt paragraph whose bottom border spans ``length``, centred in ``available``."""
    paragraph = _paragraph(container, size=1, before=before)
    side = Length(max(0, (available - length) // 2))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    ooxml.add_bottom_border(paragraph)
    return paragraph


def _two_column_table(document, widths: tuple[Length, Length], rows: int = 1):
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    ooxml.remove_table_borders(table)
    ooxml.set_table_width(table, Length(sum(widths)))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def _setup_page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def _setup_styles(document) -> None:
    ooxml.set_document_default_font(document.styles.element, FONT, SIZE_BODY * 2, "vi-VN")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_BODY)
    ooxml.set_rfonts(normal.element.get_or_add_rPr(), FONT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0


def _page_numbers(document) -> None:
    """Centred PAGE field in the header from page 2 on; page 1 gets an empty first-page header."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in ooxml.add_page_field(paragraph):
        _style_run(run, SIZE_PAGE_NUMBER)


def _header_block(document, van_ban: VanBan) -> None:
    table = _two_column_table(document, HEADER_COLUMNS)
    left, right = table.rows[0].cells
    left_width, right_width = HEADER_COLUMNS
    if van_ban.co_quan_chu_quan:
        _first_paragraph(left, agency_lines(van_ban.co_quan_chu_quan), SIZE_CO_QUAN)
        _paragraph(left, agency_lines(van_ban.co_quan_ban_hanh), SIZE_CO_QUAN, bold=True)
    else:
        _first_paragraph(left, agency_lines(van_ban.co_quan_ban_hanh), SIZE_CO_QUAN, bold=True)
    _rule(left, CO_QUAN_RULE, left_width - 2 * CELL_PADDING, before=Pt(1))
    _paragraph(left, van_ban.so_ky_hieu, SIZE_SO, before=Pt(6))
    if van_ban.loai is LoaiVanBan.CONG_VAN:
        _paragraph(left, f"V/v {van_ban.trich_yeu}", SIZE_VV, before=Pt(6))

    _first_paragraph(right, QUOC_HIEU, SIZE_QUOC_HIEU, bold=True)
    motto = _paragraph(right, TIEU_NGU, SIZE_TIEU_NGU, bold=True)
    side = Length(max(0, (right_width - 2 * CELL_PADDING - TIEU_NGU_RULE) // 2))
    motto.paragraph_format.left_indent = side
    motto.paragraph_format.right_indent = side
    ooxml.add_bottom_border(motto)
    # Mẫu 1.9 (biên bản) shows no date here, but Điều 8.2 makes place and date a main component of every
    # document, so a biên bản is dated too (its meeting time stays in the body).
    _paragraph(right, van_ban.ngay_thang, SIZE_NGAY, italic=True, before=Pt(12))


def _title_block(document, van_ban: VanBan) -> None:
    if van_ban.loai is LoaiVanBan.CONG_VAN:
        return
    _paragraph(document, van_ban.loai.ten_loai, SIZE_TEN_LOAI, bold=True, before=Pt(18))
    _paragraph(document, van_ban.trich_yeu, SIZE_TRICH_YEU, bold=True)
    _rule(document, TRICH_YEU_RULE, TEXT_WIDTH, before=Pt(2))


def _kinh_gui_block(document, van_ban: VanBan) -> None:
    lines = kinh_gui_lines(van_ban)
    if len(lines) == 1:
        _paragraph(document, lines[0], SIZE_BODY, before=Pt(12))
        return
    for index, line in enumerate(lines):
        paragraph = _paragraph(
            document, line, SIZE_BODY, align=WD_ALIGN_PARAGRAPH.LEFT, before=Pt(12) if index == 0 else Pt(0)
        )
        paragraph.paragraph_format.left_indent = Cm(3) if index == 0 else Cm(5)


def _body_paragraph(document, text: str, italic: bool = False, bold: bool = False):
    paragraph = _paragraph(document, size=SIZE_BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=BODY_GAP)
    paragraph.paragraph_format.first_line_indent = BODY_INDENT
    paragraph._p.remove(paragraph.runs[0]._r)
    label = dieu_label(text)
    if label:
        _style_run(paragraph.add_run(label), SIZE_BODY, bold=True, italic=italic)
        text = text[len(label):]
    _style_run(paragraph.add_run(text), SIZE_BODY, bold=bold, italic=italic)
    return paragraph


def _content_block(document, van_ban: VanBan) -> None:
    quyet = LOAI_QUYET.get(van_ban.loai)
    if quyet:
        _paragraph(document, van_ban.tham_quyen_line, SIZE_BODY, bold=True, before=Pt(12))
    for line in can_cu_lines(van_ban):
        _body_paragraph(document, line, italic=True)
    if quyet:
        _paragraph(document, quyet, SIZE_BODY, bold=True, before=Pt(12))
    for text in body_paragraphs(van_ban):
        _body_paragraph(document, text, bold=is_heading(text))


def _noi_nhan_cell(cell, van_ban: VanBan, first: bool = True) -> None:
    add = _first_paragraph if first else _paragraph
    add(cell, "Nơi nhận:", SIZE_NOI_NHAN_LABEL, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in noi_nhan_lines(van_ban):
        _paragraph(cell, line, SIZE_NOI_NHAN_ITEM, align=WD_ALIGN_PARAGRAPH.LEFT)


def _signer_cell(cell, titles: list[str], name: str) -> None:
    _first_paragraph(cell, titles[0], SIZE_CHU_KY, bold=True)
    for title in titles[1:]:
        _paragraph(cell, title, SIZE_CHU_KY, bold=True)
    for _ in range(SIGNATURE_BLANK_LINES):
        _paragraph(cell, size=SIZE_CHU_KY)
    _paragraph(cell, name, SIZE_CHU_KY, bold=True)


def _signature_block(document, van_ban: VanBan) -> None:
    _paragraph(document, size=SIZE_BODY)  # keeps the table apart from the body's last paragraph
    titles = [line for line in (van_ban.quyen_han_line, van_ban.chuc_vu.upper()) if line]
    if van_ban.loai is LoaiVanBan.BIEN_BAN:
        # Mẫu 1.9: secretary on the left, chair on the right, recipients below the secretary.
        table = _two_column_table(document, SIGNATURE_COLUMNS, rows=2)
        secretary, chair = table.rows[0].cells
        _signer_cell(secretary, ["THƯ KÝ"], van_ban.thu_ky)
        _signer_cell(chair, titles, van_ban.nguoi_ky)
        recipients, empty = table.rows[1].cells
        _paragraph(recipients, size=SIZE_NOI_NHAN_ITEM)
        _noi_nhan_cell(recipients, van_ban, first=False)
        return
    table = _two_column_table(document, SIGNATURE_COLUMNS)
    recipients, signer = table.rows[0].cells
    _noi_nhan_cell(recipients, van_ban)
    _signer_cell(signer, titles, van_ban.nguoi_ky)


def build_document(van_ban: VanBan) -> docx.document.Document:
    """Lay ``van_ban`` out as a python-docx ``Document``; raise ``VanBanError`` (Vietnamese) if it is incomplete."""
    problems = validate(van_ban)
    if problems:
        raise VanBanError(problems)
    document = docx.Document()
    _setup_page(document)
    _setup_styles(document)
    _page_numbers(document)
    # The template's body starts with no paragraph; the header table must be the first block.
    _header_block(document, van_ban)
    _title_block(document, van_ban)
    _kinh_gui_block(document, van_ban)
    _content_block(document, van_ban)
    _signature_block(document, van_ban)
    document.core_properties.title = van_ban.trich_yeu
    document.core_properties.language = "vi-VN"
    return document


def default_filename(van_ban: VanBan) -> str:
    """A safe ASCII file name: "ke_hoach_KH-UBND_2026-03-05.docx"."""

    def ascii_slug(text: str) -> str:
        text = text.replace("Đ", "D").replace("đ", "d")
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^A-Za-z0-9-]+", "_", text).strip("_")

    number = format_so(van_ban.so).strip()
    parts = [ascii_slug(van_ban.loai.value).lower(), number, ascii_slug(van_ban.ky_hieu), van_ban.ngay.isoformat()]
    return "_".join(part for part in parts if part) + ".docx"


def write_docx(van_ban: VanBan, path: str | Path) -> Path:
    """Write ``van_ban`` to ``path`` (a .docx file, or a folder to get ``default_filename``); return the file."""
    target = Path(path)
    if target.is_dir():
        target = target / default_filename(van_ban)
    document = build_document(van_ban)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target

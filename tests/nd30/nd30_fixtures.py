"""Compliant Nghị định 30 documents built with python-docx, for the checker's tests.

Built here (not with ``ailab.vanban``) so the checker's tests stand alone. ``build_ke_hoach`` makes a
KẾ HOẠCH, ``build_cong_van`` a công văn with Kính gửi; ``styled=True`` puts every format in paragraph
styles and leaves the runs bare. Helpers find a paragraph by its opening text so a test can break one rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT

BODY = [
    "Thực hiện chương trình phát triển văn hóa đọc trong cộng đồng, Ủy ban nhân dân xã An Bình ban hành "
    "kế hoạch tổ chức ngày hội đọc sách năm 2024 như sau.",
    "Mục đích của ngày hội là khuyến khích người dân, nhất là học sinh, hình thành thói quen đọc sách và "
    "sử dụng thư viện xã thường xuyên.",
    "Văn phòng Ủy ban nhân dân xã chủ trì, phối hợp với các thôn và nhà trường tổ chức ngày hội trong "
    "tháng 4 năm 2024./.",
]


class _Writer:
    """Adds formatted paragraphs either with direct run formatting or through named paragraph styles."""

    def __init__(self, document: DocumentType, styled: bool) -> None:
        self.document = document
        self.styled = styled

    def style(self, name: str, size: float, bold: bool, italic: bool, align, first_line=None):
        styles = self.document.styles
        if name in [s.name for s in styles]:
            return styles[name]
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.paragraph_format.alignment = align
        if first_line is not None:
            style.paragraph_format.first_line_indent = first_line
        return style

    def add(self, container, text: str, size: float, *, bold=False, italic=False, align=CENTER,
            first_line=None, first: bool = False, key: str | None = None) -> Paragraph:
        paragraph = container.paragraphs[0] if first else container.add_paragraph()
        if self.styled:
            paragraph.style = self.style(f"ND30 {key or text[:12]}", size, bold, italic, align, first_line)
            if text:
                paragraph.add_run(text)
            return paragraph
        paragraph.alignment = align
        if first_line is not None:
            paragraph.paragraph_format.first_line_indent = first_line
        if text:
            run = paragraph.add_run(text)
            run.font.size = Pt(size)
            run.bold = bold
            run.italic = italic
        return paragraph


def _base(styled: bool) -> tuple[DocumentType, _Writer]:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    add_page_number(document)
    return document, _Writer(document, styled)


def add_page_number(document: DocumentType) -> Paragraph:
    """A centred 14 pt PAGE field in the header, hidden on page 1 (different first page)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(14)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = "2"
    return paragraph


def bottom_border(paragraph: Paragraph) -> None:
    """A single bottom border on a paragraph (the line under the tiêu ngữ)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    ppr.append(borders)


def _header(document: DocumentType, writer: _Writer, so: str, vv: str | None) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(65), Mm(100)
    writer.add(left, "ỦY BAN NHÂN DÂN", 13, bold=True, first=True, key="CoQuan")
    writer.add(left, "XÃ AN BÌNH", 13, bold=True, key="CoQuan")
    writer.add(left, so, 13, key="So")
    if vv:
        writer.add(left, vv, 12, key="VV")
    writer.add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, first=True, key="QuocHieu")
    motto = writer.add(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, key="TieuNgu")
    bottom_border(motto)
    writer.add(right, "An Bình, ngày 05 tháng 3 năm 2024", 14, italic=True, key="Ngay")


def _body(writer: _Writer, document: DocumentType) -> None:
    for text in BODY:
        writer.add(document, text, 14, align=JUSTIFY, first_line=Cm(1.27), key="Body")


def _signature(document: DocumentType, writer: _Writer, recipients: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    writer.add(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT, first=True, key="NoiNhan")
    for item in recipients:
        writer.add(left, item, 11, align=LEFT, key="NoiNhanItem")
    writer.add(right, "TM. ỦY BAN NHÂN DÂN", 14, bold=True, first=True, key="ChucVu")
    writer.add(right, "CHỦ TỊCH", 14, bold=True, key="ChucVu")
    for _ in range(3):
        writer.add(right, "", 14, key="ChucVu")
    writer.add(right, "Nguyễn Văn An", 14, bold=True, key="HoTen")


def build_ke_hoach(styled: bool = False) -> DocumentType:
    """A compliant KẾ HOẠCH of a commune People's Committee."""
    document, writer = _base(styled)
    _header(document, writer, "Số: 05/KH-UBND", None)
    writer.add(document, "", 14, key="Empty")
    writer.add(document, "KẾ HOẠCH", 14, bold=True, key="TenLoai")
    writer.add(document, "Tổ chức ngày hội đọc sách năm 2024", 14, bold=True, key="TrichYeu")
    writer.add(document, "", 14, key="Empty")
    _body(writer, document)
    _signature(document, writer, ["- Ủy ban nhân dân huyện An Phú;", "- Các thôn;", "- Lưu: VT, VP."])
    return document


def build_cong_van(styled: bool = False) -> DocumentType:
    """A compliant công văn with several recipients under Kính gửi."""
    document, writer = _base(styled)
    _header(document, writer, "Số: 12/UBND-VP", "V/v tổ chức ngày hội đọc sách")
    writer.add(document, "", 14, key="Empty")
    writer.add(document, "Kính gửi:", 14, align=LEFT, key="KinhGui")
    writer.add(document, "- Trường Tiểu học An Bình;", 14, align=LEFT, key="KinhGui")
    writer.add(document, "- Trường Trung học cơ sở An Bình.", 14, align=LEFT, key="KinhGui")
    _body(writer, document)
    _signature(document, writer, ["- Như trên;", "- Lưu: VT, VP."])
    return document


def all_paragraphs(document: DocumentType) -> Iterator[Paragraph]:
    """Paragraphs outside and inside tables, in order."""
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def find(document: DocumentType, start: str) -> Paragraph:
    """The first paragraph whose text starts with ``start``."""
    for paragraph in all_paragraphs(document):
        if paragraph.text.startswith(start):
            return paragraph
    raise LookupError(start)


def set_text(paragraph: Paragraph, text: str) -> None:
    """Replace the paragraph's text, keeping the first run's formatting."""
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def body_paragraphs(document: DocumentType) -> list[Paragraph]:
    """The body paragraphs of a fixture."""
    return [p for p in document.paragraphs if p.text in BODY]

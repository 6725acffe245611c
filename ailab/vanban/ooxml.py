"""The few WordprocessingML pieces python-docx has no API for: fonts for all scripts, borders, fields."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length

FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_rfonts(rpr, font_name: str) -> None:
    """Name ``font_name`` for every script in a ``w:rPr`` and drop theme fonts that would override it."""
    rfonts = rpr.get_or_add_rFonts()
    for attribute in THEME_ATTRIBUTES:
        rfonts.attrib.pop(qn(attribute), None)
    for attribute in FONT_ATTRIBUTES:
        rfonts.set(qn(attribute), font_name)


def set_document_default_font(styles_element, font_name: str, size_half_points: int, lang: str) -> None:
    """Replace the theme fonts of ``w:docDefaults`` with ``font_name`` and set the default size and language."""
    rpr = styles_element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_rfonts(rpr, font_name)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(size_half_points))
    lang_element = rpr.find(qn("w:lang"))
    if lang_element is not None:
        lang_element.set(qn("w:val"), lang)


def _border(tag: str, value: str = "single", size_eighths: int = 6) -> OxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    if value not in ("nil", "none"):
        element.set(qn("w:sz"), str(size_eighths))
        element.set(qn("w:space"), "1")
        element.set(qn("w:color"), "auto")
    return element


def add_bottom_border(paragraph, size_eighths: int = 6) -> None:
    """Draw a solid line under ``paragraph`` across its (indented) width."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    borders.append(_border("w:bottom", "single", size_eighths))
    # w:pBdr must come before w:spacing, w:ind, w:jc … in the schema sequence.
    successor = next((child for child in ppr if child.tag in _PPR_AFTER_PBDR), None)
    if successor is None:
        ppr.append(borders)
    else:
        successor.addprevious(borders)


_PPR_AFTER_PBDR = {
    qn(tag)
    for tag in (
        "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
        "w:rPr", "w:sectPr", "w:pPrChange",
    )
}


def remove_table_borders(table) -> None:
    """Make ``table`` borderless: every outer and inner border set to nil."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border(f"w:{side}", "nil"))
    # Schema order: … w:tblW, w:jc, w:tblCellSpacing, w:tblInd, w:tblBorders, w:shd, w:tblLayout …
    successor = next(
        (child for child in tbl_pr if child.tag in {qn(t) for t in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")}),
        None,
    )
    if successor is None:
        tbl_pr.append(borders)
    else:
        successor.addprevious(borders)


def set_table_width(table, width: Length) -> None:
    """Fix the table's total width (``w:tblW`` in twips) so Word and LibreOffice keep the column widths."""
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(width.twips))
    tbl_w.set(qn("w:type"), "dxa")


def add_page_field(paragraph):
    """Append a PAGE field (begin / instruction / separate / placeholder / end) and return its runs."""
    runs = []
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
        runs.append(run)
    return runs

"""Documents made the way Word, LibreOffice and Google Docs users make them (not the way our writer does).

Each case was a false positive or false negative found by running a held-out-like corpus through the
checker: a header laid out with tab stops, a drawn motto line that Word anchored outside the motto's
cell, recipients typed as Word's automatic "-" bullet list, and the same documents after a LibreOffice
round trip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).parent))

import nd30_fixtures as fx  # noqa: E402

from autograder.nd30 import check_document, check_docx  # noqa: E402

NEEDS_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                                   reason="LibreOffice (soffice) is not installed")
WPS_LINE = (
    '<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
    'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
    'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{x}'
    '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
    '</wp:positionV><wp:extent cx="{cx}" cy="0"/><wp:wrapNone/><wp:docPr id="{id}" name="Line {id}"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
    '<a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData>'
    '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:line from="0,0" to="100pt,0"/>'
    '</w:pict></mc:Fallback></mc:AlternateContent></w:r>')
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"')


def _errors(document) -> set[str]:
    return set(check_document(document).rules("error"))


def _drawn_line(paragraph, left_mm: float, width_mm: float, shape_id: int) -> None:
    """A straight line shape anchored in ``paragraph``, ``left_mm`` from the column edge (Word's Insert → Shapes)."""
    xml = WPS_LINE.format(ns=NAMESPACES, x=int(left_mm * 36000), cx=int(width_mm * 36000), id=shape_id)
    paragraph._p.append(parse_xml(xml))


def _without_motto_border(document):
    motto = fx.find(document, "Độc lập")
    motto._p.pPr.remove(motto._p.pPr.find(qn("w:pBdr")))
    return document


def _tab_header(document):
    """Replace the header table by three paragraphs laid out with centred tab stops (no table)."""
    table = document.tables[0]._tbl
    rows = [("ỦY BAN NHÂN DÂN", 13, True, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, False),
            ("XÃ AN BÌNH", 13, True, "Độc lập - Tự do - Hạnh phúc", 13, True, False),
            ("Số: 05/KH-UBND", 13, False, "An Bình, ngày 05 tháng 3 năm 2024", 14, False, True)]
    for left, left_size, left_bold, right, right_size, right_bold, italic in rows:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(30), WD_TAB_ALIGNMENT.CENTER)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(115), WD_TAB_ALIGNMENT.CENTER)
        run = paragraph.add_run("\t" + left)
        run.font.size, run.bold = Pt(left_size), left_bold
        run = paragraph.add_run("\t" + right)
        run.font.size, run.bold, run.italic = Pt(right_size), right_bold, italic
        if right.startswith("Độc lập"):
            _drawn_line(paragraph, 95, 40, 7)
        table.addprevious(paragraph._p)
    table.getparent().remove(table)
    return document


def _dash_list(document) -> str:
    """A bullet list whose bullet is "-", as Word's AutoFormat makes when a line is typed starting "- "."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="-"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>'
        '</w:lvl></w:abstractNum>')
    first = numbering.find(qn("w:num"))
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _as_bullets(document, num_id: str, starts: tuple[str, ...]) -> None:
    """Drop the typed "- " of the paragraphs starting with ``starts`` and put them in the bullet list."""
    for paragraph in fx.all_paragraphs(document):
        if paragraph.text.startswith(starts):
            paragraph.runs[0].text = paragraph.runs[0].text[2:]
            paragraph._p.get_or_add_pPr().insert(0, parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _auto_bullet_cong_van():
    document = fx.build_cong_van()
    _as_bullets(document, _dash_list(document), ("- ",))
    return document


# ---------------------------------------------------------------- header laid out with tab stops

def test_agency_left_of_the_quoc_hieu_on_a_tab_separated_line_is_found():
    document = _tab_header(fx.build_ke_hoach())
    assert _errors(document) == set()


def test_agency_not_bold_on_a_tab_separated_line_is_reported():
    document = _tab_header(fx.build_ke_hoach())
    for run in fx.find(document, "\tXÃ AN BÌNH").runs[:1]:
        run.bold = False
    assert _errors(document) == {"co_quan.format"}


# ---------------------------------------------------------------- motto line anchored elsewhere

def test_motto_line_anchored_after_the_header_table_counts():
    document = _without_motto_border(fx.build_ke_hoach())
    after_table = fx.find(document, "")  # the empty paragraph right after the header table
    _drawn_line(after_table, 8, 25, 1)    # under the agency name
    _drawn_line(after_table, 100, 55, 2)  # under the motto, but anchored here by Word
    assert _errors(document) == set()


def test_two_lines_anchored_in_the_agency_cell_count():
    document = _without_motto_border(fx.build_ke_hoach())
    agency = fx.find(document, "XÃ AN BÌNH")
    _drawn_line(agency, 8, 25, 1)
    _drawn_line(agency, 8, 25, 2)  # no position to go by: the second line must be the motto's
    assert _errors(document) == set()


def test_only_the_agency_line_is_not_a_motto_line():
    document = _without_motto_border(fx.build_ke_hoach())
    _drawn_line(fx.find(document, ""), 8, 25, 1)
    _drawn_line(fx.find(document, "XÃ AN BÌNH"), 8, 25, 2)
    assert _errors(document) == {"tieu_ngu.line"}


def test_drawing_and_its_vml_fallback_count_as_one_line():
    document = _without_motto_border(fx.build_ke_hoach())
    _drawn_line(fx.find(document, "XÃ AN BÌNH"), 8, 25, 1)  # one shape, stored twice (DrawingML + VML)
    assert "tieu_ngu.line" in _errors(document)


# ---------------------------------------------------------------- Word's automatic "-" bullets

def test_recipients_in_an_automatic_dash_bullet_list_are_accepted():
    assert _errors(_auto_bullet_cong_van()) == set()


def test_automatic_round_bullets_in_noi_nhan_are_reported():
    document = _auto_bullet_cong_van()
    numbering = document.part.numbering_part.element
    numbering.find(f".//{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='90']//{qn('w:lvlText')}").set(
        qn("w:val"), "•")
    assert {"noi_nhan.items", "kinh_gui.format"} <= _errors(document)


def test_missing_luu_line_in_an_automatic_bullet_list_is_reported():
    document = _auto_bullet_cong_van()
    luu = fx.find(document, "Lưu:")
    luu._p.getparent().remove(luu._p)
    fx.set_text(fx.find(document, "Như trên"), "Như trên.")
    assert _errors(document) == {"noi_nhan.items"}


def test_automatic_bullets_are_read_from_the_file(tmp_path):
    path = tmp_path / "cong_van.docx"
    _auto_bullet_cong_van().save(path)
    assert check_docx(path).rules("error") == set()


# ---------------------------------------------------------------- agency block in a text box

TEXT_BOX = (
    '<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
    'distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="0" '
    'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>0'
    '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
    '</wp:positionV><wp:extent cx="2160000" cy="620000"/><wp:wrapSquare wrapText="bothSides"/>'
    '<wp:docPr id="9" name="Frame1"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
    '<wps:spPr><a:prstGeom prst="rect"/></wps:spPr><wps:txbx><w:txbxContent/></wps:txbx><wps:bodyPr/></wps:wsp>'
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect>'
    '<v:textbox><w:txbxContent/></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def _agency_in_a_text_box(document):
    """The agency and số moved into a text box anchored in the quốc hiệu paragraph (LibreOffice turns a
    Word frame into one); the right column becomes plain centred paragraphs."""
    table = document.tables[0]._tbl
    left, right = document.tables[0].rows[0].cells
    for paragraph in right.paragraphs:
        table.addprevious(paragraph._p)
    anchor = parse_xml(TEXT_BOX.format(ns=NAMESPACES))
    boxes = anchor.findall(f".//{qn('w:txbxContent')}")
    for paragraph in left.paragraphs:
        boxes[0].append(paragraph._p)
        boxes[1].append(parse_xml(paragraph._p.xml))  # the VML fallback holds the same text again
    fx.find(document, "CỘNG HÒA")._p.append(anchor)
    table.getparent().remove(table)
    return document


def test_agency_and_so_in_a_text_box_are_read_once():
    document = _agency_in_a_text_box(fx.build_ke_hoach())
    report = check_document(document)
    assert report.rules("error") == set()
    assert report.rules() == set()


def test_agency_in_a_text_box_not_bold_is_reported():
    document = _agency_in_a_text_box(fx.build_ke_hoach())
    for box in document.element.body.iter(qn("w:txbxContent")):
        for bold in box.iter(qn("w:b")):
            bold.set(qn("w:val"), "0")
    assert _errors(document) == {"co_quan.format"}


# ---------------------------------------------------------------- LibreOffice round trip

def _libreoffice(path: Path, target: str, out: Path) -> Path:
    out.mkdir(exist_ok=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{out.parent}/lo_profile",
                    "--convert-to", target, "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    return out / (path.stem + "." + target.split(":")[0])


@NEEDS_SOFFICE
@pytest.mark.parametrize("build", [lambda: _tab_header(fx.build_ke_hoach()), _auto_bullet_cong_van,
                                   lambda: fx.build_ke_hoach(styled=True)], ids=["tabs", "bullets", "styled"])
def test_libreoffice_round_trip_stays_compliant(tmp_path, build):
    source = tmp_path / "van_ban.docx"
    build().save(source)
    docx = _libreoffice(source, 'docx:MS Word 2007 XML', tmp_path / "docx")
    odt = _libreoffice(source, "odt", tmp_path / "odt")
    back = _libreoffice(odt, 'docx:MS Word 2007 XML', tmp_path / "back")
    assert check_docx(docx).rules("error") == set()
    assert check_docx(back).rules("error") == set()


@NEEDS_SOFFICE
def test_libreoffice_round_trip_keeps_a_broken_rule(tmp_path):
    document = _auto_bullet_cong_van()
    fx.find(document, "Nơi nhận").runs[0].italic = False
    source = tmp_path / "van_ban.docx"
    document.save(source)
    docx = _libreoffice(source, 'docx:MS Word 2007 XML', tmp_path / "docx")
    assert check_docx(docx).rules("error") == {"noi_nhan.label"}


def test_centred_tab_header_alignment_is_not_a_tieu_ngu_format_error():
    document = _tab_header(fx.build_ke_hoach())
    assert fx.find(document, "\tXÃ AN BÌNH").alignment in (None, WD_ALIGN_PARAGRAPH.LEFT)
    assert "tieu_ngu.format" not in _errors(document)

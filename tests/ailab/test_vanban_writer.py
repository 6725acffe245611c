"""The .docx writer: page, fonts, header table, lines, page numbers, signature block, and the ND30 checker."""

import unicodedata

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

from ailab.vanban import SAMPLE_TYPES, LoaiVanBan, VanBanError, build_document, sample, write_docx


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """Every sample type written once to disk and read back."""
    folder = tmp_path_factory.mktemp("vanban")
    return {loai: write_docx(sample(loai), folder) for loai in SAMPLE_TYPES}


def _open(written, loai):
    return docx.Document(str(written[loai]))


def _cell_texts(cell):
    return [p.text for p in cell.paragraphs if p.text]


def _find(paragraphs, text):
    return next(p for p in paragraphs if p.text == text)


@pytest.mark.parametrize("loai", SAMPLE_TYPES, ids=lambda loai: loai.name.lower())
def test_each_type_passes_the_nd30_checker_without_errors(written, loai):
    from autograder.nd30 import check_docx

    report = check_docx(written[loai])
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors == [], "\n".join(f"{f.rule}: {f.message} ({f.where})" for f in errors)
    assert report.ok


def test_page_is_a4_portrait_with_margins_inside_the_ranges(written):
    section = _open(written, LoaiVanBan.KE_HOACH).sections[0]
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5
    assert 20 - 0.1 <= section.top_margin.mm <= 25 + 0.1
    assert 20 - 0.1 <= section.bottom_margin.mm <= 25 + 0.1
    assert 30 - 0.1 <= section.left_margin.mm <= 35 + 0.1
    assert 15 - 0.1 <= section.right_margin.mm <= 20 + 0.1


def test_times_new_roman_for_every_script_in_styles_and_defaults(written):
    document = _open(written, LoaiVanBan.CONG_VAN)
    normal = document.styles["Normal"].element.rPr.rFonts
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).rFonts
    for rfonts in (normal, defaults):
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert rfonts.get(qn(attribute)) == "Times New Roman"
        assert rfonts.get(qn("w:asciiTheme")) is None and rfonts.get(qn("w:hAnsiTheme")) is None


def test_every_run_with_text_is_times_new_roman_and_not_coloured(written):
    document = _open(written, LoaiVanBan.BAO_CAO)
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for cell in table._cells:
            paragraphs += cell.paragraphs
    runs = [run for p in paragraphs for run in p.runs if run.text.strip()]
    assert runs
    for run in runs:
        assert run.font.name in (None, "Times New Roman")
        assert run.font.color.rgb is None


def test_header_is_a_borderless_two_column_table_first_in_the_body(written):
    document = _open(written, LoaiVanBan.KE_HOACH)
    first_block = document.element.body[0]
    assert first_block.tag == qn("w:tbl")
    table = document.tables[0]
    assert len(table.columns) == 2 and len(table.rows) == 1
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = table.rows[0].cells
    assert _cell_texts(left) == ["ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ", "Số: 15/KH-UBND"]
    assert _cell_texts(right) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tân Phú, ngày 05 tháng 3 năm 2026",
    ]


def test_header_formats_quoc_hieu_tieu_ngu_agency_and_date(written):
    right, left = (_open(written, LoaiVanBan.KE_HOACH).tables[0].rows[0].cells[i] for i in (1, 0))
    quoc_hieu = _find(right.paragraphs, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").runs[0]
    assert quoc_hieu.bold and 12 <= quoc_hieu.font.size.pt <= 13
    motto = _find(right.paragraphs, "Độc lập - Tự do - Hạnh phúc")
    assert motto.runs[0].bold and 13 <= motto.runs[0].font.size.pt <= 14
    assert motto.alignment == WD_ALIGN_PARAGRAPH.CENTER
    date = _find(right.paragraphs, "Tân Phú, ngày 05 tháng 3 năm 2026").runs[0]
    assert date.italic and 13 <= date.font.size.pt <= 14
    agency = _find(left.paragraphs, "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ").runs[0]
    assert agency.bold and 12 <= agency.font.size.pt <= 13
    number = _find(left.paragraphs, "Số: 15/KH-UBND").runs[0]
    assert number.font.size.pt == 13 and not number.bold and not number.italic


def test_tieu_ngu_has_a_solid_bottom_border_about_as_long_as_the_motto(written):
    right = _open(written, LoaiVanBan.KE_HOACH).tables[0].rows[0].cells[1]
    motto = _find(right.paragraphs, "Độc lập - Tự do - Hạnh phúc")
    bottom = motto._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:val")) == "single"
    column = right.width.mm
    line = column - 2 * 1.9 - motto.paragraph_format.left_indent.mm - motto.paragraph_format.right_indent.mm
    assert 56 <= line <= 62  # the motto is 56.1 mm wide at 13 pt bold


def test_agency_has_a_short_line_under_it(written):
    left = _open(written, LoaiVanBan.KE_HOACH).tables[0].rows[0].cells[0]
    paragraphs = left.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text.startswith("ỦY BAN"))
    rule = paragraphs[index + 1]
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")) is not None


def test_cong_van_has_vv_under_number_and_no_ten_loai_heading(written):
    document = _open(written, LoaiVanBan.CONG_VAN)
    left = document.tables[0].rows[0].cells[0]
    texts = _cell_texts(left)
    vv = _find(left.paragraphs, texts[-1])
    assert texts[-2] == "Số: 12/UBND-VP" and texts[-1].startswith("V/v đôn đốc")
    assert not vv.runs[0].bold and 12 <= vv.runs[0].font.size.pt <= 13
    assert "CÔNG VĂN" not in [p.text for p in document.paragraphs]
    assert document.paragraphs[0].text == "Kính gửi: Trưởng các thôn trên địa bàn xã."


def test_ten_loai_and_trich_yeu_are_bold_centred_with_a_line_under(written):
    paragraphs = _open(written, LoaiVanBan.KE_HOACH).paragraphs
    texts = [p.text for p in paragraphs]
    title = paragraphs[texts.index("KẾ HOẠCH")]
    summary = paragraphs[texts.index("KẾ HOẠCH") + 1]
    rule = paragraphs[texts.index("KẾ HOẠCH") + 2]
    for paragraph in (title, summary):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert paragraph.runs[0].bold and 13 <= paragraph.runs[0].font.size.pt <= 14
    assert summary.text == "Bầu trưởng thôn nhiệm kỳ 2026–2029"
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None


def test_body_is_justified_indented_spaced_and_headings_are_bold(written):
    paragraphs = _open(written, LoaiVanBan.KE_HOACH).paragraphs
    body = [p for p in paragraphs if p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY]
    assert len(body) == 8
    for paragraph in body:
        fmt = paragraph.paragraph_format
        assert abs(fmt.first_line_indent - Cm(1)) < Cm(0.05)
        assert fmt.space_before.pt >= 6
        assert fmt.line_spacing == 1.0
        assert all(13 <= run.font.size.pt <= 14 for run in paragraph.runs)
    heading = _find(body, "I. MỤC ĐÍCH, YÊU CẦU")
    assert heading.runs[-1].bold
    assert not _find(body, "2. Các thôn hoàn thành việc bầu trưởng thôn trong tháng 4 năm 2026.").runs[-1].bold
    assert body[-1].text.endswith("./.")


def test_quyet_dinh_has_authority_italic_can_cu_and_bold_dieu_labels(written):
    paragraphs = _open(written, LoaiVanBan.QUYET_DINH).paragraphs
    texts = [p.text for p in paragraphs]
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN PHÚ" in texts and "QUYẾT ĐỊNH:" in texts
    can_cu = [p for p in paragraphs if p.text.startswith(("Căn cứ", "Theo đề nghị"))]
    assert len(can_cu) == 3 and all(p.runs[0].italic for p in can_cu)
    assert can_cu[-1].text.endswith(".") and can_cu[0].text.endswith(";")
    dieu = next(p for p in paragraphs if p.text.startswith("Điều 1."))
    assert dieu.runs[0].text == "Điều 1." and dieu.runs[0].bold and not dieu.runs[1].bold


def test_signature_block_sits_beside_recipients_in_a_borderless_table(written):
    table = _open(written, LoaiVanBan.CONG_VAN).tables[-1]
    assert len(table.columns) == 2
    assert {b.get(qn("w:val")) for b in table._tbl.tblPr.find(qn("w:tblBorders"))} == {"nil"}
    recipients, signer = table.rows[0].cells
    label = recipients.paragraphs[0]
    assert label.text == "Nơi nhận:" and label.runs[0].bold and label.runs[0].italic
    assert label.runs[0].font.size.pt == 12
    items = [p for p in recipients.paragraphs[1:] if p.text]
    assert [p.text for p in items] == ["- Như trên;", "- Chủ tịch UBND xã (để b/c);", "- Lưu: VT, VP."]
    assert all(p.runs[0].font.size.pt == 11 for p in items)
    lines = _cell_texts(signer)
    assert lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Bình"]
    for paragraph in signer.paragraphs:
        for run in paragraph.runs:
            if run.text:
                assert run.bold and 13 <= run.font.size.pt <= 14


def test_bien_ban_signed_by_secretary_and_chair_with_recipients_below(written):
    table = _open(written, LoaiVanBan.BIEN_BAN).tables[-1]
    secretary, chair = table.rows[0].cells
    assert _cell_texts(secretary) == ["THƯ KÝ", "Lê Thị Cúc"]
    assert _cell_texts(chair) == ["CHỦ TỌA", "Nguyễn Văn An"]
    assert _cell_texts(table.rows[1].cells[0])[0] == "Nơi nhận:"


def test_page_number_field_in_default_header_and_none_on_first_page(written):
    section = _open(written, LoaiVanBan.KE_HOACH).sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in "".join(section.header._element.itertext()) or " PAGE " in header_xml
    instr = section.header._element.findall(".//" + qn("w:instrText"))
    assert [i.text.strip() for i in instr] == ["PAGE"]
    paragraph = section.header.paragraphs[0]
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(13 <= run.font.size.pt <= 14 for run in paragraph.runs)
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert first._element.findall(".//" + qn("w:instrText")) == []
    assert first._element.findall(".//" + qn("w:fldSimple")) == []
    assert "".join(p.text for p in first.paragraphs) == ""


def test_decomposed_input_is_written_as_nfc(tmp_path):
    van_ban = sample("Thông báo")
    van_ban.trich_yeu = unicodedata.normalize("NFD", "Lịch tiếp công dân năm 2026")
    van_ban.__post_init__()
    document = docx.Document(str(write_docx(van_ban, tmp_path / "tb.docx")))
    texts = [p.text for p in document.paragraphs]
    assert "Lịch tiếp công dân năm 2026" in texts
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


def test_draft_without_number_leaves_the_number_blank(tmp_path):
    van_ban = sample("Giấy mời")
    van_ban.so = ""
    document = docx.Document(str(write_docx(van_ban, tmp_path / "gm.docx")))
    texts = _cell_texts(document.tables[0].rows[0].cells[0])
    assert texts[-1].startswith("Số: ") and texts[-1].endswith("/GM-UBND") and texts[-1][4:-8].strip() == ""


def test_incomplete_document_raises_vietnamese_problems():
    van_ban = sample("Giấy mời")
    van_ban.nguoi_ky = ""
    van_ban.noi_dung = []
    with pytest.raises(VanBanError) as caught:
        build_document(van_ban)
    assert "Thiếu họ và tên người ký." in caught.value.problems
    assert any("nội dung" in problem for problem in caught.value.problems)


def test_writing_to_a_folder_uses_an_ascii_file_name(tmp_path):
    path = write_docx(sample("Quyết định"), tmp_path)
    assert path.parent == tmp_path and path.name == "quyet_dinh_17_QD-UBND_2026-03-05.docx"
    assert path.exists()


def test_paragraph_texts_reads_body_and_table_cells_once_each(tmp_path):
    import docx as python_docx

    from ailab.vanban.repair import all_paragraphs, paragraph_texts

    document = python_docx.Document()
    document.add_paragraph(unicodedata.normalize("NFD", "Kính gửi: các thôn"))
    table = document.add_table(rows=1, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.paragraphs[0].text = "ỦY BAN NHÂN DÂN"
    path = tmp_path / "thu.docx"
    document.save(str(path))
    texts = paragraph_texts(path)
    assert texts.count("ỦY BAN NHÂN DÂN") == 1 and "Kính gửi: các thôn" in texts
    assert len(all_paragraphs(python_docx.Document(str(path)))) == len(texts)

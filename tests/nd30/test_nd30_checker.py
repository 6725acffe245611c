"""Mutation tests of the Nghị định 30 checker: a compliant document, one rule broken, that rule reported."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))

import nd30_fixtures as fx  # noqa: E402

from autograder.nd30 import ERROR, RULES, WARNING, check_document, check_docx  # noqa: E402

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "nd30" / "RULES.md"


def _runs(document, start):
    return fx.find(document, start).runs


def _set_all(document, start, **props):
    for run in _runs(document, start):
        for name, value in props.items():
            if name == "size":
                run.font.size = value
            elif name == "color":
                run.font.color.rgb = value
            elif name == "font":
                run.font.name = value
            else:
                setattr(run, name, value)


def _body(document, **paragraph_format):
    for paragraph in fx.body_paragraphs(document):
        for name, value in paragraph_format.items():
            if name == "alignment":
                paragraph.alignment = value
            else:
                setattr(paragraph.paragraph_format, name, value)


def _first_body_runs(document, **props):
    _set_all(document, fx.BODY[0][:20], **props)


def _remove_border(document):
    ppr = fx.find(document, "Độc lập")._p.pPr
    ppr.remove(ppr.find(qn("w:pBdr")))


def _nfd(document):
    paragraph = fx.find(document, fx.BODY[1][:20])
    fx.set_text(paragraph, unicodedata.normalize("NFD", paragraph.text))


def _section(**values):
    def mutate(document):
        for name, value in values.items():
            setattr(document.sections[0], name, value)
    return mutate


# rule id -> (base document, mutation breaking only that rule)
MUTATIONS = {
    "page.a4": ("ke_hoach", _section(page_width=Mm(215.9), page_height=Mm(279.4))),
    "page.margin.top": ("ke_hoach", _section(top_margin=Mm(30))),
    "page.margin.bottom": ("ke_hoach", _section(bottom_margin=Mm(15))),
    "page.margin.left": ("ke_hoach", _section(left_margin=Mm(25))),
    "page.margin.right": ("ke_hoach", _section(right_margin=Mm(25))),
    "page.number": ("ke_hoach", _section(different_first_page_header_footer=False)),
    "font.family": ("ke_hoach", lambda d: _first_body_runs(d, font="Arial")),
    "font.color": ("ke_hoach", lambda d: _first_body_runs(d, color=RGBColor(0xFF, 0, 0))),
    "text.nfc": ("ke_hoach", _nfd),
    "quoc_hieu.text": ("ke_hoach", lambda d: fx.set_text(fx.find(d, "CỘNG HÒA"), "CỘNG HÒA XHCN VIỆT NAM")),
    "quoc_hieu.format": ("ke_hoach", lambda d: _set_all(d, "CỘNG HÒA", bold=False)),
    "tieu_ngu.text": ("ke_hoach", lambda d: fx.set_text(fx.find(d, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")),
    "tieu_ngu.format": ("ke_hoach", lambda d: _set_all(d, "Độc lập", italic=True)),
    "tieu_ngu.line": ("ke_hoach", _remove_border),
    "co_quan.format": ("ke_hoach", lambda d: _set_all(d, "XÃ AN BÌNH", bold=False)),
    "so_ky_hieu.text": ("ke_hoach", lambda d: fx.set_text(fx.find(d, "Số:"), "Số: 5/KH-UBND")),
    "so_ky_hieu.format": ("ke_hoach", lambda d: _set_all(d, "Số:", size=Pt(14))),
    "ky_hieu.loai": ("ke_hoach", lambda d: fx.set_text(fx.find(d, "Số:"), "Số: 05/TB-UBND")),
    "ngay_thang.text": ("ke_hoach", lambda d: fx.set_text(fx.find(d, "An Bình, ngày"),
                                                          "An Bình, ngày 05 tháng 08 năm 2024")),
    "ngay_thang.format": ("ke_hoach", lambda d: _set_all(d, "An Bình, ngày", italic=False)),
    "ten_loai.format": ("ke_hoach", lambda d: _set_all(d, "KẾ HOẠCH", bold=False)),
    "trich_yeu.format": ("ke_hoach", lambda d: _set_all(d, "Tổ chức ngày hội", size=Pt(12))),
    "cong_van.vv": ("cong_van", lambda d: _set_all(d, "V/v", bold=True)),
    "body.size": ("ke_hoach", lambda d: _first_body_runs(d, size=Pt(12))),
    "body.align": ("ke_hoach", lambda d: _body(d, alignment=fx.LEFT)),
    "body.indent": ("ke_hoach", lambda d: _body(d, first_line_indent=Cm(0))),
    "body.spacing": ("ke_hoach", lambda d: _body(d, space_after=Pt(0))),
    "body.line_spacing": ("ke_hoach", lambda d: _body(d, line_spacing=2.0)),
    "chu_ky.format": ("ke_hoach", lambda d: _set_all(d, "CHỦ TỊCH", bold=False)),
    "chu_ky.ho_ten": ("ke_hoach", lambda d: fx.set_text(fx.find(d, "Nguyễn Văn An"), "TS. Nguyễn Văn An")),
    "kinh_gui.format": ("cong_van", lambda d: _set_all(d, "Kính gửi", italic=True)),
    "noi_nhan.label": ("ke_hoach", lambda d: _set_all(d, "Nơi nhận", italic=False)),
    "noi_nhan.items": ("ke_hoach", lambda d: fx.set_text(fx.find(d, "- Lưu"), "- Các đoàn thể.")),
}

BUILDERS = {"ke_hoach": fx.build_ke_hoach, "cong_van": fx.build_cong_van}


def rule_ids_in_rules_md() -> set[str]:
    """Backticked ids in the first column of the RULES.md tables."""
    text = RULES_MD.read_text(encoding="utf-8")
    return set(re.findall(r"^\|\s*`([a-z0-9_.]+)`\s*\|", text, flags=re.MULTILINE))


def test_mutations_cover_every_rule_in_rules_md():
    assert rule_ids_in_rules_md() == set(MUTATIONS)


def test_package_rule_table_matches_rules_md():
    assert set(RULES) == rule_ids_in_rules_md()


@pytest.mark.parametrize("builder", sorted(BUILDERS))
@pytest.mark.parametrize("styled", [False, True], ids=["direct", "styles"])
def test_compliant_document_has_no_finding(builder, styled):
    report = check_document(BUILDERS[builder](styled=styled))
    assert report.findings == []
    assert report.ok


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_one_broken_rule_is_reported_alone(rule):
    base, mutate = MUTATIONS[rule]
    document = BUILDERS[base]()
    mutate(document)
    report = check_document(document)
    if RULES[rule][0] == ERROR:
        assert report.rules(ERROR) == {rule}, [(f.rule, f.message) for f in report.findings]
        assert all(f.message and f.where for f in report.findings if f.rule == rule)
    else:
        assert rule in report.rules(WARNING)
        assert report.ok


@pytest.mark.parametrize("rule", ["page.margin.left", "ngay_thang.text", "tieu_ngu.line", "chu_ky.format"])
def test_mutation_is_caught_in_a_styles_only_document(rule):
    base, mutate = MUTATIONS[rule]
    document = BUILDERS[base](styled=True)
    mutate(document)
    assert check_document(document).rules(ERROR) == {rule}


def test_message_says_what_was_found_and_what_the_decree_asks():
    document = fx.build_ke_hoach()
    document.sections[0].left_margin = Mm(25)
    (item,) = check_document(document).findings
    assert item.message == "Lề trái 25 mm; Nghị định 30 quy định 30–35 mm"


def test_date_month_with_leading_zero_is_quoted_in_where():
    document = fx.build_ke_hoach()
    MUTATIONS["ngay_thang.text"][1](document)
    (item,) = check_document(document).findings
    assert "tháng 08" in item.where and "tháng 08" in item.message


def test_capitals_from_the_caps_property_count_as_all_caps():
    document = fx.build_ke_hoach()
    paragraph = fx.find(document, "CỘNG HÒA")
    fx.set_text(paragraph, "Cộng hòa xã hội chủ nghĩa Việt Nam")
    paragraph.runs[0].font.all_caps = True
    assert check_document(document).findings == []


def test_lower_case_quoc_hieu_without_caps_property_is_reported():
    document = fx.build_ke_hoach()
    fx.set_text(fx.find(document, "CỘNG HÒA"), "Cộng hòa xã hội chủ nghĩa Việt Nam")
    assert check_document(document).rules() == {"quoc_hieu.format"}


def test_nfd_text_is_only_a_warning():
    document = fx.build_ke_hoach()
    _nfd(document)
    report = check_document(document)
    assert [(f.rule, f.severity) for f in report.findings] == [("text.nfc", WARNING)]


def test_bold_character_style_on_bold_paragraph_style_toggles_bold_off():
    document = fx.build_ke_hoach(styled=True)
    from docx.enum.style import WD_STYLE_TYPE

    strong = document.styles.add_style("Đậm thêm", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    fx.find(document, "KẾ HOẠCH").runs[0].style = strong
    assert check_document(document).rules() == {"ten_loai.format"}


def test_theme_font_is_resolved_through_the_theme():
    document = fx.build_ke_hoach()
    rpr = document.styles["Normal"].element.rPr
    rpr.remove(rpr.rFonts)  # Normal now inherits docDefaults: asciiTheme="minorHAnsi" (Cambria in its theme)
    families = [f for f in check_document(document).findings if f.rule == "font.family"]
    assert families and "Cambria" in families[0].message


def test_old_style_hoa_and_draft_number_are_accepted():
    document = fx.build_ke_hoach()
    fx.set_text(fx.find(document, "CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    fx.set_text(fx.find(document, "Số:"), "Số:      /KH-UBND")
    assert check_document(document).findings == []


@pytest.mark.parametrize("text", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM MUÔN NĂM",
                                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (dự thảo)",
                                  "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
def test_quoc_hieu_with_extra_words_is_reported(text):
    document = fx.build_ke_hoach()
    fx.set_text(fx.find(document, "CỘNG HÒA"), text)
    (item,) = [f for f in check_document(document).findings if f.rule == "quoc_hieu.text"]
    assert item.severity == ERROR and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in item.message


def test_quoc_hieu_with_doubled_spaces_and_decomposed_marks_is_accepted():
    document = fx.build_ke_hoach()
    text = unicodedata.normalize("NFD", "CỘNG  HÒA XÃ HỘI   CHỦ NGHĨA VIỆT NAM")
    fx.set_text(fx.find(document, "CỘNG HÒA"), text)
    assert "quoc_hieu.text" not in check_document(document).rules()


def test_leading_tab_and_one_centimetre_indent_are_accepted():
    document = fx.build_ke_hoach()
    first, second, _ = fx.body_paragraphs(document)
    first.paragraph_format.first_line_indent = Cm(1)
    second.paragraph_format.first_line_indent = None
    fx.set_text(second, "\t" + second.text)
    assert check_document(document).findings == []


def test_one_and_a_half_line_spacing_is_accepted_but_exact_points_warn():
    document = fx.build_ke_hoach()
    _body(document, line_spacing=1.5)
    assert check_document(document).findings == []
    _body(document, line_spacing=Pt(18))
    report = check_document(document)
    assert report.ok and report.rules(WARNING) == {"body.line_spacing"}


def test_contextual_spacing_between_same_style_paragraphs_removes_the_gap():
    document = fx.build_ke_hoach()
    for paragraph in fx.body_paragraphs(document):
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:contextualSpacing"))
    assert check_document(document).rules() == {"body.spacing"}


def test_underscores_under_the_motto_count_as_the_line():
    document = fx.build_ke_hoach()
    _remove_border(document)
    motto = fx.find(document, "Độc lập")
    line = motto.insert_paragraph_before("")
    motto._p.addnext(line._p)  # move the new paragraph below the motto
    line.add_run("____________________").font.size = Pt(13)
    assert check_document(document).findings == []


def test_drawn_vml_line_counts_as_the_line():
    document = fx.build_ke_hoach()
    _remove_border(document)
    run = fx.find(document, "Độc lập").add_run()
    pict = OxmlElement("w:pict")
    etree.SubElement(pict, "{urn:schemas-microsoft-com:vml}line", {"from": "0,0", "to": "150pt,0"})
    run._r.append(pict)
    assert check_document(document).findings == []


def test_font_underline_instead_of_a_line_is_a_warning():
    document = fx.build_ke_hoach()
    _remove_border(document)
    _set_all(document, "Độc lập", underline=True)
    report = check_document(document)
    assert report.ok and report.rules(WARNING) == {"tieu_ngu.line"}


def test_page_field_in_the_first_page_header_is_reported():
    document = fx.build_ke_hoach()
    first = document.sections[0].first_page_header.paragraphs[0]
    first.alignment = fx.CENTER
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), "PAGE")
    first._p.append(simple)
    assert check_document(document).rules() == {"page.number"}


def test_page_number_in_the_footer_is_reported():
    document = fx.build_ke_hoach()
    header = document.sections[0].header.paragraphs[0]
    footer = document.sections[0].footer.paragraphs[0]
    footer._p.addnext(header._p)
    assert check_document(document).rules() == {"page.number"}


def test_cong_van_with_type_code_in_ky_hieu_is_reported():
    document = fx.build_cong_van()
    fx.set_text(fx.find(document, "Số:"), "Số: 12/CV-UBND")
    assert check_document(document).rules() == {"ky_hieu.loai"}


def test_kinh_gui_last_recipient_must_end_with_a_full_stop():
    document = fx.build_cong_van()
    fx.set_text(fx.find(document, "- Trường Trung học"), "- Trường Trung học cơ sở An Bình;")
    assert check_document(document).rules() == {"kinh_gui.format"}


def test_cong_van_recipients_start_with_nhu_tren():
    document = fx.build_cong_van()
    fx.set_text(fx.find(document, "- Như trên"), "- Phòng Văn hóa huyện;")
    assert check_document(document).rules() == {"noi_nhan.items"}


def test_landscape_section_for_a_wide_table_is_a_warning():
    from docx.enum.section import WD_ORIENT, WD_SECTION

    document = fx.build_ke_hoach()
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    report = check_document(document)
    assert report.ok and report.rules(WARNING) == {"page.a4"}


def test_document_missing_every_part_gets_findings_not_a_crash():
    from docx import Document

    document = Document()
    document.add_paragraph("Chỉ có một dòng chữ.")
    report = check_document(document)
    assert {"quoc_hieu.text", "tieu_ngu.text", "so_ky_hieu.text", "ngay_thang.text", "noi_nhan.label",
            "chu_ky.format", "page.a4"} <= report.rules(ERROR)


def test_report_to_dict_and_html(tmp_path):
    document = fx.build_ke_hoach()
    fx.set_text(fx.find(document, "Nguyễn Văn An"), "TS. <Nguyễn> & Văn An")
    path = tmp_path / "ke_hoach.docx"
    document.save(path)
    report = check_docx(path)
    data = report.to_dict()
    assert data["file"] == str(path) and data["ok"] is False
    assert set(data["findings"][0]) == {"rule", "severity", "message", "where"}
    page = report._repr_html_()
    assert "&lt;Nguyễn&gt; &amp;" in page and "<Nguyễn>" not in page
    assert "Chưa đạt" in page and "chu_ky.ho_ten" in page
    assert report.errors and not report.warnings

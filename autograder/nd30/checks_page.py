"""Page checks: paper size, margins, page numbers (Phụ lục I, Phần I, Mục I)."""

from __future__ import annotations

import re

from lxml import etree

from autograder.nd30.lengths import between, mm
from autograder.nd30.model import Model, Section
from autograder.nd30.parts import Parts
from autograder.nd30.report import WARNING, Finding, finding
from autograder.nd30.styles import parse_ppr, w
from autograder.nd30.wording import number, pt

A4_MM = (210.0, 297.0)
MARGINS = {  # rule id -> (attribute, Vietnamese name, low mm, high mm)
    "page.margin.top": ("top", "Lề trên", 20, 25),
    "page.margin.bottom": ("bottom", "Lề dưới", 20, 25),
    "page.margin.left": ("left", "Lề trái", 30, 35),
    "page.margin.right": ("right", "Lề phải", 15, 20),
}
PAGE_FIELD_RE = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")
ROMAN_RE = re.compile(r"\\\*\s*(roman|alphabetic)", re.IGNORECASE)
LINES_PER_PAGE = 34
CHARS_PER_LINE = 80


def _where(number_: int, count: int) -> str:
    return "Thiết lập trang" if count == 1 else f"Thiết lập trang, phần (section) {number_}"


def check_paper(model: Model, parts: Parts) -> list[Finding]:
    """``page.a4``: A4 portrait; a later landscape section (wide table) is only a warning."""
    findings = []
    count = len(model.sections)
    for number_, section in enumerate(model.sections, 1):
        if section.width is None or section.height is None:
            continue
        short, long_ = sorted((mm(section.width), mm(section.height)))
        if abs(short - A4_MM[0]) > 1 or abs(long_ - A4_MM[1]) > 1:
            findings.append(finding(
                "page.a4", f"Khổ giấy {number(mm(section.width))} × {number(mm(section.height))} mm; "
                "Nghị định 30 quy định khổ A4 (210 × 297 mm)", _where(number_, count)))
        elif section.width > section.height:
            if number_ == 1:
                findings.append(finding("page.a4", "Trang nằm ngang; Nghị định 30 quy định trình bày theo chiều "
                                        "dài khổ A4 (hướng dọc)", _where(number_, count)))
            else:
                findings.append(finding("page.a4", "Có phần trang nằm ngang; chỉ dùng khi có bảng, biểu rộng",
                                        _where(number_, count), severity=WARNING))
    return findings


def check_margins(model: Model, parts: Parts) -> list[Finding]:
    """``page.margin.*``: margins of every portrait section."""
    findings = []
    count = len(model.sections)
    reported: set[str] = set()
    for number_, section in enumerate(model.sections, 1):
        if section.width is not None and section.height is not None and section.width > section.height:
            continue
        for rule, (attribute, name, low, high) in MARGINS.items():
            value = getattr(section, attribute)
            if value is None or rule in reported:
                continue
            value = abs(value)
            if not between(value, low, high):
                reported.add(rule)
                findings.append(finding(
                    rule, f"{name} {number(mm(value))} mm; Nghị định 30 quy định {low}–{high} mm",
                    _where(number_, count)))
    return findings


def _page_paragraphs(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Paragraphs holding a PAGE field, with the field instruction."""
    found = []
    for p in root.iter(w("p")):
        instr = [el.get(w("instr"), "") for el in p.iter(w("fldSimple"))]
        instr += ["".join(el.text or "" for el in p.iter(w("instrText")))]
        for text in instr:
            if PAGE_FIELD_RE.search(text):
                found.append((p, text))
                break
    return found


def _effective(section_list: list[Section], kind: str, index: int, slot: str) -> str | None:
    """Relationship id of the header/footer in force for a section (inherited from earlier sections)."""
    for section in reversed(section_list[: index + 1]):
        refs = section.headers if kind == "header" else section.footers
        if slot in refs:
            return refs[slot]
    return None


def _field_runs_props(model: Model, p: etree._Element):
    """Effective props of the runs making the page number (field result, else the field's first run)."""
    resolver = model.resolver
    ppr = p.find(w("pPr"))
    style = ppr.find(w("pStyle")) if ppr is not None else None
    style_id = resolver.paragraph_style(style.get(w("val")) if style is not None else None)
    runs = [r for r in p.iter(w("r")) if r.find(w("t")) is not None] or list(p.iter(w("r")))
    props = []
    for run in runs:
        rpr = run.find(w("rPr"))
        rstyle = rpr.find(w("rStyle")) if rpr is not None else None
        props.append(resolver.run_props(None, style_id, rstyle.get(w("val")) if rstyle is not None else None, rpr))
    para = resolver.paragraph_props(None, style_id, parse_ppr(ppr))
    return props, para


def _estimated_pages(model: Model) -> int:
    if model.pages_hint:
        return model.pages_hint
    if any(p.has_page_break for p in model.paras):
        return 2
    lines = 0
    for para in model.paras:
        if para.table is None or para.col == 0:
            lines += max(1, -(-len(para.text) // CHARS_PER_LINE))
    return 1 + lines // LINES_PER_PAGE


def _page_fields(model: Model) -> tuple[list[tuple[etree._Element, str]], bool]:
    """PAGE fields in the headers (paragraph, instruction) and whether a footer holds one."""
    in_headers: list[tuple[etree._Element, str]] = []
    in_footers = False
    seen: set[str] = set()
    for section in model.sections:
        for kind, refs in (("header", section.headers), ("footer", section.footers)):
            for rid in refs.values():
                if rid in seen or rid not in model.parts:
                    continue
                seen.add(rid)
                found = _page_paragraphs(model.parts[rid])
                if kind == "header":
                    in_headers.extend(found)
                elif found:
                    in_footers = True
    return in_headers, in_footers


def _first_page_findings(model: Model) -> list[Finding]:
    """A number shown on page 1, and numbering that is not Arabic."""
    sections = model.sections
    if not sections:
        return []
    findings = []
    first = sections[0]
    slot = "first" if first.title_page else "default"
    shown = [kind for kind in ("header", "footer")
             if (rid := _effective(sections, kind, 0, slot)) in model.parts and _page_paragraphs(model.parts[rid])]
    if shown:
        how = ("chưa chọn “Trang đầu khác” (Different First Page)" if not first.title_page
               else "đầu trang của trang đầu vẫn có trường số trang")
        findings.append(finding("page.number", f"Số trang hiện ở trang 1 ({how}); Nghị định 30 quy định "
                                "không hiển thị số trang ở trang thứ nhất", "Đầu trang (header) trang 1"))
    if any(s.page_format and s.page_format not in ("decimal",) for s in sections):
        findings.append(finding("page.number", "Số trang không dùng chữ số Ả Rập; Nghị định 30 quy định "
                                "số trang bằng chữ số Ả Rập", "Định dạng số trang"))
    return findings


def _field_findings(model: Model, p: etree._Element, instr: str) -> list[Finding]:
    """Digits, size and alignment of the page number in the header."""
    findings = []
    if ROMAN_RE.search(instr):
        findings.append(finding("page.number", "Số trang dùng chữ số La Mã hoặc chữ cái; Nghị định 30 quy định "
                                "chữ số Ả Rập", "Đầu trang (header)"))
    props, para = _field_runs_props(model, p)
    bad = sorted({r.size for r in props if not 26 <= r.size <= 28})
    if bad:
        findings.append(finding("page.number", f"Số trang cỡ {', '.join(pt(s) for s in bad)} pt; "
                                "Nghị định 30 quy định cỡ 13–14 pt", "Đầu trang (header)"))
    tab_centred = para.center_tab and any(r.find(w("tab")) is not None for r in p.iter(w("r")))
    if para.align != "center" and not tab_centred:
        findings.append(finding("page.number", "Số trang không canh giữa; Nghị định 30 quy định canh giữa "
                                "theo chiều ngang ở đầu trang", "Đầu trang (header)"))
    return findings


def check_page_number(model: Model, parts: Parts) -> list[Finding]:
    """``page.number``: Arabic, 13–14 pt, centred in the header, hidden on page 1."""
    in_headers, in_footers = _page_fields(model)
    if not in_headers and not in_footers:
        if _estimated_pages(model) > 1:
            return [finding("page.number", "Văn bản dài hơn một trang nhưng không đánh số trang; "
                            "Nghị định 30: số trang đặt giữa, phía trên (đầu trang), từ trang 2",
                            "Đầu trang (header)", severity=WARNING)]
        return []
    findings: list[Finding] = []
    if in_footers:
        findings.append(finding("page.number", "Số trang đặt ở chân trang; Nghị định 30 quy định đặt canh giữa "
                                "theo chiều ngang trong phần lề trên (đầu trang)", "Chân trang (footer)"))
    findings.extend(_first_page_findings(model))
    for p, instr in in_headers[:1]:
        findings.extend(_field_findings(model, p, instr))
    return findings

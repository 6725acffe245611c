"""Body checks (ô 6): size, alignment, first-line indent, paragraph and line spacing.

Leniencies: headings made wholly of bold text (``Điều 1. …``, ``I. KẾT QUẢ``) are not checked for alignment
or indent; auto-numbered paragraphs (indent comes from the list) are not checked for indent; a leading tab
counts as the first-line indent; spacing between two paragraphs is space-after plus space-before, with
Word's ``contextualSpacing`` (no space between paragraphs of the same style) taken into account.
"""

from __future__ import annotations

from autograder.nd30.model import Model, Para
from autograder.nd30.parts import Parts
from autograder.nd30.pieces import sizes, visible
from autograder.nd30.report import WARNING, Finding, finding
from autograder.nd30.wording import align_name, number, pt, sizes_text

INDENTS_TWIPS = (567, 720)  # 1 cm and 1.27 cm
INDENT_TOLERANCE = 29  # 0.05 cm in twips (28.3), rounded up to whole twips
MIN_GAP = 120  # 6 pt in twips
JUSTIFIED = ("both", "distribute")


def _heading(para: Para) -> bool:
    shown = visible(para.pieces)
    return bool(shown) and all(p.props.bold for p in shown)


def _summary(rule: str, bad: list[Para], what: str, wanted: str) -> list[Finding]:
    if not bad:
        return []
    more = f" (và {len(bad) - 1} đoạn khác)" if len(bad) > 1 else ""
    return [finding(rule, f"{what}{more}; Nghị định 30 quy định {wanted}", bad[0].where())]


def check_size(model: Model, parts: Parts) -> list[Finding]:
    """``body.size``: 13–14 pt."""
    bad = [p for p in parts.body if any(not 26 <= s <= 28 for s in sizes(p.pieces))]
    if not bad:
        return []
    return _summary("body.size", bad, f"Nội dung cỡ chữ {sizes_text(sizes(bad[0].pieces))}", "cỡ chữ 13–14 pt")


def check_align(model: Model, parts: Parts) -> list[Finding]:
    """``body.align``: justified."""
    bad = [p for p in parts.body if p.props.align not in JUSTIFIED and not _heading(p)]
    if not bad:
        return []
    return _summary("body.align", bad, f"Đoạn nội dung {align_name(bad[0].props.align)}", "căn đều hai bên")


def _first_line(para: Para) -> int:
    props = para.props
    if props.first_line_chars:
        size = max(sizes(para.pieces) or {28})
        return props.first_line_chars * size // 20
    return props.first_line


def _indent_ok(para: Para) -> bool:
    if para.text.startswith("\t") and abs(_first_line(para)) < INDENT_TOLERANCE:
        return True
    return any(abs(_first_line(para) - target) <= INDENT_TOLERANCE for target in INDENTS_TWIPS)


def check_indent(model: Model, parts: Parts) -> list[Finding]:
    """``body.indent``: first line indented 1 cm or 1.27 cm (± 0.05 cm), or a leading tab."""
    bad = [p for p in parts.body if not p.props.numbered and not _heading(p) and not _indent_ok(p)]
    if not bad:
        return []
    value = _first_line(bad[0])
    found = "không thụt đầu dòng" if value == 0 else f"thụt đầu dòng {number(value * 2.54 / 1440)} cm"
    return _summary("body.indent", bad, f"Đoạn nội dung {found}", "thụt đầu dòng 1 cm hoặc 1,27 cm")


def check_spacing(model: Model, parts: Parts) -> list[Finding]:
    """``body.spacing``: at least 6 pt between consecutive body paragraphs."""
    bad = []
    gaps = []
    for first, second in zip(parts.body, parts.body[1:], strict=False):
        if second.index != first.index + 1:
            continue
        same_style = first.style_id == second.style_id
        after = 0 if first.props.contextual and same_style else first.props.after
        before = 0 if second.props.contextual and same_style else second.props.before
        if after + before < MIN_GAP:
            bad.append(second)
            gaps.append(after + before)
    if not bad:
        return []
    return _summary("body.spacing", bad, f"Khoảng cách giữa hai đoạn {number(gaps[0] / 20)} pt",
                    "khoảng cách giữa các đoạn tối thiểu 6 pt")


def check_line_spacing(model: Model, parts: Parts) -> list[Finding]:
    """``body.line_spacing``: single to 1.5 lines; exact/at-least point spacing is a warning."""
    bad, fixed = [], []
    for para in parts.body:
        props = para.props
        if props.line is None:
            continue
        if props.line_rule == "auto":
            if not 239 <= props.line <= 361:
                bad.append(para)
        else:
            fixed.append(para)
    findings = []
    if bad:
        findings += _summary("body.line_spacing", bad, f"Giãn dòng {number(bad[0].props.line / 240)} dòng",
                             "giãn dòng từ đơn (1,0) đến 1,5 dòng")
    if fixed:
        kind = "chính xác" if fixed[0].props.line_rule == "exact" else "tối thiểu"
        findings.append(finding("body.line_spacing", f"Giãn dòng đặt cố định {kind} {pt(fixed[0].props.line // 10)} pt "
                                "thay vì theo số dòng; Nghị định 30 quy định từ đơn đến 1,5 dòng",
                                fixed[0].where(), severity=WARNING))
    return findings

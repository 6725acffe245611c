"""The checking pipeline: read once, find the parts, run each small check, collect findings.

Each check is a pure function ``(model, parts) -> list[Finding]`` doing one job; the list below is the
whole pipeline, in the order a reader meets the parts of a document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from autograder.nd30 import checks_body, checks_header, checks_page, checks_signature, checks_text
from autograder.nd30.model import Model
from autograder.nd30.parts import Parts, find_parts
from autograder.nd30.reader import from_document, read_docx
from autograder.nd30.report import Finding, Report

Check = Callable[[Model, Parts], list[Finding]]

CHECKS: tuple[Check, ...] = (
    checks_page.check_paper,
    checks_page.check_margins,
    checks_page.check_page_number,
    checks_text.check_font_family,
    checks_text.check_font_color,
    checks_text.check_nfc,
    checks_header.check_quoc_hieu_text,
    checks_header.check_quoc_hieu_format,
    checks_header.check_tieu_ngu_text,
    checks_header.check_tieu_ngu_format,
    checks_header.check_tieu_ngu_line,
    checks_header.check_co_quan,
    checks_header.check_so_text,
    checks_header.check_so_format,
    checks_header.check_ky_hieu_loai,
    checks_header.check_ngay_text,
    checks_header.check_ngay_format,
    checks_header.check_ten_loai,
    checks_header.check_trich_yeu,
    checks_header.check_cong_van,
    checks_signature.check_kinh_gui,
    checks_body.check_size,
    checks_body.check_align,
    checks_body.check_indent,
    checks_body.check_spacing,
    checks_body.check_line_spacing,
    checks_signature.check_chu_ky_format,
    checks_signature.check_ho_ten,
    checks_signature.check_noi_nhan_label,
    checks_signature.check_noi_nhan_items,
)


def check_model(model: Model, path: str = "") -> Report:
    """Run every check on a model already read."""
    parts = find_parts(model)
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(model, parts))
    return Report(path=path, findings=findings)


def check_docx(path: str | Path) -> Report:
    """Check a .docx file against Nghị định 30/2020/NĐ-CP.

    Raises ``DocumentReadError`` (Vietnamese message) when the file cannot be read as a .docx.
    """
    return check_model(read_docx(path), str(path))


def check_document(document, path: str = "") -> Report:
    """Check a python-docx ``Document`` already in memory."""
    return check_model(from_document(document), path)

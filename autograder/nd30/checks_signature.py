"""Signature and recipients checks (ô 7–9): chức vụ, họ tên, Kính gửi, Nơi nhận.

Leniencies: annotation lines in the signature block (``(Đã ký)``, ``(Ký, ghi rõ họ tên)``) are ignored;
a Nơi nhận item continued on the next line (no leading ``-``) is joined to the item above; a single
recipient written on the ``Kính gửi:`` line is not checked for its final punctuation.
"""

from __future__ import annotations

import re

from autograder.nd30.checks_header import format_problems
from autograder.nd30.lines import Line, line_text
from autograder.nd30.model import Model
from autograder.nd30.parts import Parts
from autograder.nd30.report import Finding, finding
from autograder.nd30.wording import quote, size_problem

TITLE_RE = re.compile(
    r"^\s*(PGS|GS|TS|ThS|Ths|THS|KS|BS|CN|NCS|TSKH)\s*\.|^\s*(Tiến sĩ|Thạc sĩ|Giáo sư|Phó giáo sư|Kỹ sư|Bác sĩ)\s",
    re.IGNORECASE)
LUU_RE = re.compile(r"^[-–]\s*Lưu\s*:\s*VT\s*,\s*\S.*\.$")
DASHES = ("- ", "– ")
NHU_TREN_TYPES = {None, "CÔNG VĂN", "TỜ TRÌNH", "BÁO CÁO"}


def check_chu_ky_format(model: Model, parts: Parts) -> list[Finding]:
    """``chu_ky.format``: quyền hạn and chức vụ caps, 13–14 pt, bold; signer's name 13–14 pt, bold."""
    if not parts.signatures:
        return [finding("chu_ky.format", "Không tìm thấy phần chức vụ, họ tên người ký; Nghị định 30 quy định "
                        "quyền hạn, chức vụ (in hoa, đậm) và họ tên người ký (đậm) ở cuối văn bản, bên phải",
                        "Cuối văn bản")]
    findings = []
    for lines in parts.signatures:
        titles, name = (lines[:-1], lines[-1]) if len(lines) > 1 else (lines, None)
        for line in titles:
            problems = format_problems(line.pieces, 13, 14, bold=True, caps=True, italic=None)
            if problems:
                findings.append(finding("chu_ky.format", f"Quyền hạn, chức vụ người ký “{quote(line.text)}”: "
                                        f"{', '.join(problems)}; Nghị định 30 quy định in hoa, cỡ 13–14 pt, đậm",
                                        line.para.where()))
        if name is None:
            findings.append(finding("chu_ky.format", "Không thấy họ tên người ký dưới chức vụ; Nghị định 30 quy "
                                    "định ghi họ tên người ký, cỡ 13–14 pt, đậm", lines[-1].para.where()))
            continue
        problems = format_problems(name.pieces, 13, 14, bold=True, italic=None)
        if problems:
            findings.append(finding("chu_ky.format", f"Họ tên người ký “{quote(name.text)}”: {', '.join(problems)}; "
                                    "Nghị định 30 quy định cỡ 13–14 pt, đậm", name.para.where()))
    return findings


def check_ho_ten(model: Model, parts: Parts) -> list[Finding]:
    """``chu_ky.ho_ten``: no academic title before the signer's name."""
    findings = []
    for lines in parts.signatures:
        if len(lines) > 1 and TITLE_RE.match(lines[-1].text):
            name = lines[-1]
            findings.append(finding("chu_ky.ho_ten", f"Họ tên người ký “{quote(name.text)}” có học hàm, học vị ở "
                                    "trước; Nghị định 30 quy định không ghi học hàm, học vị (TS., ThS., PGS., GS., "
                                    "KS., BS.) trước họ tên", name.para.where()))
    return findings


def check_kinh_gui(model: Model, parts: Parts) -> list[Finding]:
    """``kinh_gui.format``: ``Kính gửi:`` 13–14 pt, upright; several recipients as ``- …;`` ending ``.``."""
    para = parts.kinh_gui
    if para is None:
        return []
    findings = []
    lines = [Line(para, para.pieces)] + parts.kinh_gui_items
    pieces = [piece for line in lines for piece in line.pieces]
    problems = format_problems(pieces, 13, 14)
    if problems:
        findings.append(finding("kinh_gui.format", f"Kính gửi: {', '.join(problems)}; Nghị định 30 quy định cỡ "
                                "13–14 pt, chữ đứng", para.where()))
    if not re.match(r"^\s*Kính gửi\s*:", para.text):
        findings.append(finding("kinh_gui.format", f"Viết “{quote(para.text, 30)}”; Nghị định 30 quy định "
                                "“Kính gửi:” (có dấu hai chấm)", para.where()))
    items = parts.kinh_gui_items
    for number, line in enumerate(items):
        last = number == len(items) - 1
        text = line.text
        ending = "." if last else ";"
        if not text.startswith(DASHES) or not text.endswith(ending):
            findings.append(finding("kinh_gui.format", f"Nơi được gửi “{quote(text)}”; Nghị định 30 quy định khi "
                                    "gửi nhiều nơi, mỗi nơi một dòng dạng “- …;”, dòng cuối kết thúc bằng dấu chấm",
                                    line.para.where()))
            break
    return findings


def check_noi_nhan_label(model: Model, parts: Parts) -> list[Finding]:
    """``noi_nhan.label``: ``Nơi nhận:`` on its own line, 12 pt, bold, italic."""
    para = parts.noi_nhan
    if para is None:
        return [finding("noi_nhan.label", "Không tìm thấy “Nơi nhận:”; Nghị định 30 quy định phần nơi nhận ở góc "
                        "dưới bên trái: “Nơi nhận:” (12 pt, đậm, nghiêng) và danh sách nơi nhận", "Cuối văn bản")]
    first = para.text.split("\n", 1)[0].strip()
    findings = []
    if first != "Nơi nhận:":
        findings.append(finding("noi_nhan.label", f"Dòng nơi nhận viết là “{quote(first)}”; Nghị định 30 quy định "
                                "“Nơi nhận:” đứng riêng một dòng", para.where()))
    label_pieces = []
    for piece in para.pieces:
        head, sep, _ = piece.text.partition("\n")
        if head:
            label_pieces.append(type(piece)(head, piece.props))
        if sep:
            break
    problems = format_problems(label_pieces, 12, 12, bold=True, italic=True)
    if problems:
        findings.append(finding("noi_nhan.label", f"“Nơi nhận:”: {', '.join(problems)}; Nghị định 30 quy định "
                                "cỡ 12 pt, đậm, nghiêng", para.where()))
    return findings


def check_noi_nhan_items(model: Model, parts: Parts) -> list[Finding]:
    """``noi_nhan.items``: 11 pt, each ``- …;``, the last ``- Lưu: VT, <đơn vị>.``."""
    if parts.noi_nhan is None:
        return []
    items = parts.noi_nhan_items
    where = parts.noi_nhan.where()
    if not items:
        return [finding("noi_nhan.items", "Dưới “Nơi nhận:” không có danh sách nơi nhận; Nghị định 30 quy định "
                        "mỗi nơi một dòng “- …;”, dòng cuối “- Lưu: VT, <đơn vị soạn thảo>.”", where)]
    findings = []
    pieces = [piece for item in items for line in item for piece in line.pieces]
    size = size_problem(pieces, 11, 11)
    if size:
        findings.append(finding("noi_nhan.items", f"Danh sách nơi nhận {size}; Nghị định 30 quy định cỡ 11 pt",
                                items[0][0].para.where()))
    for item in items[:-1]:
        text = line_text(item)
        if not text.startswith(DASHES) or not text.endswith(";"):
            findings.append(finding("noi_nhan.items", f"Nơi nhận “{quote(text)}”; Nghị định 30 quy định mỗi dòng "
                                    "dạng “- …;” (gạch đầu dòng, kết thúc bằng dấu chấm phẩy)", item[0].para.where()))
            break
    last = line_text(items[-1])
    if not LUU_RE.match(last):
        findings.append(finding("noi_nhan.items", f"Dòng cuối nơi nhận là “{quote(last)}”; Nghị định 30 quy định "
                                "dòng cuối “- Lưu: VT, <viết tắt đơn vị soạn thảo>.”", items[-1][0].para.where()))
    if parts.kinh_gui is not None and parts.doc_type in NHU_TREN_TYPES and len(items) > 1:
        first = line_text(items[0])
        if "như trên" not in first.casefold():
            findings.append(finding("noi_nhan.items", f"Dòng đầu nơi nhận là “{quote(first)}”; văn bản có “Kính "
                                    "gửi” thì Nghị định 30 quy định dòng đầu là “- Như trên;”", items[0][0].para.where()))
    return findings

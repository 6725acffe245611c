"""Header checks (ô 1–5): quốc hiệu, tiêu ngữ, cơ quan, số ký hiệu, địa danh-ngày, tên loại, trích yếu, V/v.

Leniencies (a trainer would not fail these): old-style ``HOÀ`` in the quốc hiệu; a blank number in a
draft (``Số:    /QĐ-UBND``); a blank day/month in a draft date (``ngày    tháng    năm 2024``); runs of
spaces in the date collapsed before matching; type codes compared without regard to case.
"""

from __future__ import annotations

import datetime as dt
import re

from autograder.nd30.lengths import mm
from autograder.nd30.lines import Line, is_line_only
from autograder.nd30.matching import collapse, folded_key, folded_words
from autograder.nd30.model import Model, Para, Piece
from autograder.nd30.parts import Parts
from autograder.nd30.pieces import all_bold, all_italic, any_bold, any_italic, is_upper, visible
from autograder.nd30.report import WARNING, Finding, finding
from autograder.nd30.vocabulary import CONG_VAN, QH_KEY, QUOC_HIEU, TIEU_NGU, TYPE_CODES
from autograder.nd30.wording import align_name, quote, size_problem, size_range

QUOC_HIEU_WORDS = folded_words(QUOC_HIEU)
SO_RE = re.compile(r"^Số: ?(0[1-9]|[1-9][0-9]+|\s*)/[A-ZĐ][A-Za-zĐđ0-9&]*(-[A-ZĐ0-9][A-Za-zĐđ0-9&]*)+$")
DATE_RE = re.compile(
    r"^(?P<place>[^,]+), ngày (?:(?P<d>\d+|[.…]+) )?tháng (?:(?P<m>\d+|[.…]+) )?năm (?P<y>\d{4}|[.…]+)$")
DAY_RE = re.compile(r"^(0[1-9]|[12][0-9]|3[01])$")
MONTH_RE = re.compile(r"^(0[12]|[3-9]|1[0-2])$")
AGENCY_COLUMN_MM = 60  # a drawn line centred further right than this is under the motto, not the agency
UNDERSCORES_RE = re.compile(r"^\s*_{3,}\s*$")
ALL_CODES = {code.casefold() for code in TYPE_CODES.values() if code} | {"cv"}


def format_problems(pieces: list[Piece], low: float, high: float, *, bold: bool | None = None,
                    italic: bool | None = False, caps: bool = False, align: str | None = None,
                    para: Para | None = None) -> list[str]:
    """Vietnamese list of what differs from the expected format."""
    problems = []
    size = size_problem(pieces, low, high)
    if size:
        problems.append(size)
    if caps and not is_upper(pieces):
        problems.append("không in hoa toàn bộ")
    if bold is True and not all_bold(pieces):
        problems.append("không in đậm")
    if bold is False and any_bold(pieces):
        problems.append("in đậm")
    if italic is False and any_italic(pieces):
        problems.append("in nghiêng")
    if italic is True and not all_italic(pieces):
        problems.append("không in nghiêng")
    if align and para is not None and para.props.align != align and "\t" not in para.text:
        problems.append(align_name(para.props.align))
    return problems


def expected(low: float, high: float, *words: str) -> str:
    """Wording of the decree's requirement, e.g. ``cỡ 12–13 pt, in hoa, đậm``."""
    return ", ".join([f"cỡ {size_range(low, high)}", *words])


def format_finding(rule: str, name: str, line_or_para, pieces: list[Piece], low: float, high: float,
                   words: tuple[str, ...], **kwargs) -> list[Finding]:
    """A finding when the pieces break the expected format, else nothing."""
    para = line_or_para.para if isinstance(line_or_para, Line) else line_or_para
    problems = format_problems(pieces, low, high, para=para, **kwargs)
    if not problems:
        return []
    return [finding(rule, f"{name}: {', '.join(problems)}; Nghị định 30 quy định {expected(low, high, *words)}",
                    para.where())]


def check_quoc_hieu_text(model: Model, parts: Parts) -> list[Finding]:
    """``quoc_hieu.text``: the line is exactly the national name (case, spacing and old-style ``HOÀ`` aside)."""
    line = parts.quoc_hieu
    if line is None:
        return [finding("quoc_hieu.text", "Không tìm thấy Quốc hiệu; Nghị định 30 quy định dòng "
                        "“CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” ở đầu văn bản, bên phải", "Phần đầu văn bản")]
    if folded_words(line.text) != QUOC_HIEU_WORDS:
        return [finding("quoc_hieu.text", f"Quốc hiệu viết là “{quote(line.text)}”; Nghị định 30 quy định "
                        "“CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”", line.para.where())]
    return []


def check_quoc_hieu_format(model: Model, parts: Parts) -> list[Finding]:
    """``quoc_hieu.format``: 12–13 pt, bold, upright, all caps."""
    line = parts.quoc_hieu
    if line is None:
        return []
    pieces = _span(line.pieces, QH_KEY)
    return format_finding("quoc_hieu.format", "Quốc hiệu", line, pieces, 12, 13, ("in hoa", "đậm", "đứng"),
                          bold=True, caps=True)


def _span(pieces: list[Piece], key: str) -> list[Piece]:
    """Pieces covering the letters of ``key`` (drop leading/trailing pieces outside it)."""
    keyed = [p for p in pieces if folded_key(p.text)]
    inside = [p for p in keyed if folded_key(p.text) in key]
    return inside or pieces


def check_tieu_ngu_text(model: Model, parts: Parts) -> list[Finding]:
    """``tieu_ngu.text``: exactly ``Độc lập - Tự do - Hạnh phúc``."""
    line = parts.tieu_ngu
    if line is None:
        return [finding("tieu_ngu.text", f"Không tìm thấy Tiêu ngữ; Nghị định 30 quy định dòng “{TIEU_NGU}” "
                        "ngay dưới Quốc hiệu", "Phần đầu văn bản")]
    if line.text.replace("\xa0", " ") != TIEU_NGU:
        return [finding("tieu_ngu.text", f"Tiêu ngữ viết là “{line.text}”; Nghị định 30 quy định đúng "
                        f"“{TIEU_NGU}” (viết hoa chữ đầu mỗi cụm, gạch nối “-” có một dấu cách hai bên)",
                        line.para.where())]
    return []


def check_tieu_ngu_format(model: Model, parts: Parts) -> list[Finding]:
    """``tieu_ngu.format``: 13–14 pt, bold, upright, centred."""
    line = parts.tieu_ngu
    if line is None:
        return []
    return format_finding("tieu_ngu.format", "Tiêu ngữ", line, line.pieces, 13, 14, ("đậm", "đứng", "căn giữa"),
                          bold=True, align="center")


def _same_container(a: Para, b: Para) -> bool:
    return a.table == b.table and (a.table is None or (a.row, a.col) == (b.row, b.col))


def _line_elsewhere(model: Model, parts: Parts) -> bool:
    """A drawn line anchored away from the motto (Word anchors a shape where the user clicked): one in the
    header region, right of the agency column, or a second one in the agency's cell."""
    header = parts.header_paras
    if not header:
        return False
    paras = model.paras
    region = list(header)
    for other in paras[header[-1].index + 1:header[-1].index + 4]:
        if other.table is not None or not is_line_only(other):
            break
        region.append(other)
    motto = parts.tieu_ngu.para
    agency = {(x.para.table, x.para.row, x.para.col) for x in parts.co_quan if x.para.table is not None}
    left_margin = model.sections[0].left if model.sections and model.sections[0].left else 0
    in_agency = 0
    for para in region:
        if _same_container(para, motto):
            continue
        for frame, centre in para.lines:
            if (para.table, para.row, para.col) in agency:
                in_agency += 1
                if centre is not None and centre >= AGENCY_COLUMN_MM:
                    return True
                continue
            if centre is not None and frame == "page":
                centre -= mm(left_margin)
            if centre is None or centre >= AGENCY_COLUMN_MM:
                return True
    return in_agency >= 2


def check_tieu_ngu_line(model: Model, parts: Parts) -> list[Finding]:
    """``tieu_ngu.line``: a solid line under the motto (shape, bottom border or underscores)."""
    line = parts.tieu_ngu
    if line is None:
        return []
    para = line.para
    if para.props.border_bottom or para.has_line_shape:
        return []
    after_motto = para.text.split(line.text, 1)[-1]
    if any(UNDERSCORES_RE.match(part) for part in after_motto.split("\n") if part.strip()):
        return []
    paras = model.paras
    start = parts.quoc_hieu.para.index if parts.quoc_hieu is not None else para.index
    for other in paras[start:para.index + 4]:
        if not _same_container(other, para):
            continue
        if other.has_line_shape:
            return []
        if other.index > para.index and (other.props.border_top or UNDERSCORES_RE.match(other.text)):
            return []
    if _line_elsewhere(model, parts):
        return []
    if any(p.props.underline for p in visible(line.pieces)):
        return [finding("tieu_ngu.line", "Tiêu ngữ được gạch chân bằng định dạng chữ (underline); Nghị định 30 "
                        "mô tả một đường kẻ ngang nét liền dưới Tiêu ngữ (hình vẽ đường thẳng, viền dưới đoạn "
                        "hoặc dòng gạch dưới)", para.where(), severity=WARNING)]
    return [finding("tieu_ngu.line", "Không có đường kẻ ngang dưới Tiêu ngữ; Nghị định 30 quy định phía dưới có "
                    "đường kẻ ngang nét liền, dài bằng dòng chữ", para.where())]


def check_co_quan(model: Model, parts: Parts) -> list[Finding]:
    """``co_quan.format``: issuing agency caps, 12–13 pt, bold, upright; parent agency caps, not bold."""
    lines = parts.co_quan
    if not lines:
        return [finding("co_quan.format", "Không tìm thấy tên cơ quan ban hành; Nghị định 30 quy định tên cơ quan "
                        "ở góc trên bên trái, in hoa, cỡ 12–13 pt, đậm", "Phần đầu văn bản")]
    findings: list[Finding] = []
    issuing_from = len(lines)
    while issuing_from > 0 and all_bold(lines[issuing_from - 1].pieces):
        issuing_from -= 1
    if issuing_from == len(lines):
        last = lines[-1]
        findings.append(finding("co_quan.format", f"Tên cơ quan ban hành “{quote(last.text)}” không in đậm; "
                                "Nghị định 30 quy định in hoa, cỡ 12–13 pt, đậm, đứng", last.para.where()))
    for number, line in enumerate(lines):
        name = "Tên cơ quan ban hành" if number >= issuing_from or number == len(lines) - 1 else "Tên cơ quan chủ quản"
        problems = format_problems(line.pieces, 12, 13, caps=True)
        if problems:
            findings.append(finding("co_quan.format", f"{name} “{quote(line.text)}”: {', '.join(problems)}; "
                                    "Nghị định 30 quy định in hoa, cỡ 12–13 pt, đứng", line.para.where()))
    return findings


def check_so_text(model: Model, parts: Parts) -> list[Finding]:
    """``so_ky_hieu.text``: ``Số: 05/UBND-VP`` shape."""
    line = parts.so
    if line is None:
        return [finding("so_ky_hieu.text", "Không tìm thấy dòng số, ký hiệu; Nghị định 30 quy định dạng "
                        "“Số: 05/UBND-VP” dưới tên cơ quan", "Phần đầu văn bản")]
    text = line.text.replace("\xa0", " ")
    if SO_RE.match(text):
        return []
    hint = "viết “Số:” rồi số (thêm số 0 trước số nhỏ hơn 10), dấu “/”, ký hiệu nối bằng “-”, không có dấu cách"
    if re.match(r"^Số:\s*[1-9]/", text):
        hint = "số nhỏ hơn 10 phải thêm số 0 ở trước (ví dụ 05)"
    elif re.search(r"/\S*\s+\S", text.split(":", 1)[-1].strip()):
        hint = "ký hiệu không được có dấu cách"
    return [finding("so_ky_hieu.text", f"Số, ký hiệu viết là “{quote(text)}”; Nghị định 30 quy định dạng "
                    f"“Số: 05/UBND-VP”: {hint}", line.para.where())]


def check_so_format(model: Model, parts: Parts) -> list[Finding]:
    """``so_ky_hieu.format``: 13 pt, upright."""
    line = parts.so
    if line is None:
        return []
    return format_finding("so_ky_hieu.format", "Số, ký hiệu", line, line.pieces, 13, 13, ("chữ đứng",))


def ky_hieu_groups(text: str) -> list[str]:
    """Groups of the ký hiệu after the last ``/`` (``05/KH-UBND`` → ``['KH', 'UBND']``)."""
    if "/" not in text:
        return []
    return [group.strip() for group in text.rsplit("/", 1)[1].split("-") if group.strip()]


def check_ky_hieu_loai(model: Model, parts: Parts) -> list[Finding]:
    """``ky_hieu.loai``: type code in the ký hiệu matches the tên loại; công văn has none."""
    line = parts.so
    if line is None:
        return []
    groups = ky_hieu_groups(line.text)
    if not groups:
        return []
    code = groups[0]
    if parts.is_cong_van or parts.doc_type == CONG_VAN:
        if code.casefold() in ALL_CODES:
            return [finding("ky_hieu.loai", f"Công văn có ký hiệu “{quote(line.text)}” mở đầu bằng chữ viết tắt "
                            f"tên loại “{code}”; Nghị định 30: ký hiệu công văn gồm chữ viết tắt tên cơ quan và "
                            "đơn vị soạn thảo (ví dụ “Số: 05/UBND-VP”), không có chữ viết tắt tên loại",
                            line.para.where())]
        return []
    wanted = TYPE_CODES.get(parts.doc_type or "")
    if not wanted or code.casefold() == wanted.casefold():
        return []
    return [finding("ky_hieu.loai", f"Tên loại là {parts.doc_type} nhưng ký hiệu “{quote(line.text)}” mở đầu bằng "
                    f"“{code}”; Nghị định 30 quy định chữ viết tắt tên loại {parts.doc_type} là “{wanted}” "
                    f"(ví dụ “Số: 05/{wanted}-UBND”)", line.para.where())]


def check_ngay_text(model: Model, parts: Parts) -> list[Finding]:
    """``ngay_thang.text``: ``<Địa danh>, ngày DD tháng M năm YYYY``."""
    line = parts.ngay
    example = "“Hà Nội, ngày 05 tháng 3 năm 2024” (ngày dưới 10 và tháng 1, 2 thêm số 0; tháng 3–12 không thêm)"
    if line is None:
        return [finding("ngay_thang.text", f"Không tìm thấy địa danh và ngày tháng năm ban hành; Nghị định 30 "
                        f"quy định dạng {example}", "Phần đầu văn bản")]
    text = collapse(line.text)
    match = DATE_RE.match(text)
    problem = None
    if match is None:
        problem = "không đúng dạng"
    else:
        day, month, year = match.group("d"), match.group("m"), match.group("y")
        if not match.group("place")[0].isupper():
            problem = "địa danh chưa viết hoa chữ cái đầu"
        elif day and day.isdigit() and not DAY_RE.match(day):
            problem = f"ngày “{day}” (ngày dưới 10 phải thêm số 0 ở trước)"
        elif month and month.isdigit() and not MONTH_RE.match(month):
            problem = f"tháng “{month}” (tháng 1, 2 viết 01, 02; tháng 3–12 không thêm số 0)"
        elif day and month and year and day.isdigit() and month.isdigit() and year.isdigit():
            try:
                dt.date(int(year), int(month), int(day))
            except ValueError:
                problem = "ngày không có thật"
    if problem is None:
        return []
    return [finding("ngay_thang.text", f"Địa danh, ngày tháng viết là “{quote(text, 60)}”: {problem}; "
                    f"Nghị định 30 quy định dạng {example}", line.para.where())]


def check_ngay_format(model: Model, parts: Parts) -> list[Finding]:
    """``ngay_thang.format``: italic, 13–14 pt."""
    line = parts.ngay
    if line is None:
        return []
    return format_finding("ngay_thang.format", "Địa danh, ngày tháng", line, line.pieces, 13, 14,
                          ("in nghiêng",), italic=True)


def check_ten_loai(model: Model, parts: Parts) -> list[Finding]:
    """``ten_loai.format``: all caps, 13–14 pt, bold, centred (not for công văn)."""
    para = parts.ten_loai
    if para is None:
        if parts.vv is not None or parts.kinh_gui is not None:
            return []
        return [finding("ten_loai.format", "Không tìm thấy tên loại văn bản (QUYẾT ĐỊNH, KẾ HOẠCH, THÔNG BÁO…); "
                        "nếu là công văn thì cần dòng trích yếu “V/v …” dưới số, ký hiệu", "Sau phần đầu văn bản")]
    if parts.doc_type == CONG_VAN:
        return []
    return format_finding("ten_loai.format", f"Tên loại “{quote(para.text)}”", para, para.pieces, 13, 14,
                          ("in hoa", "đậm", "căn giữa"), bold=True, caps=True, italic=None, align="center")


def check_trich_yeu(model: Model, parts: Parts) -> list[Finding]:
    """``trich_yeu.format``: 13–14 pt, bold, centred under the tên loại."""
    if parts.doc_type in (None, CONG_VAN):
        return []
    findings = []
    for para in parts.trich_yeu:
        findings += format_finding("trich_yeu.format", "Trích yếu", para, para.pieces, 13, 14, ("đậm", "căn giữa"),
                                   bold=True, italic=None, align="center")
    return findings[:1]


def check_cong_van(model: Model, parts: Parts) -> list[Finding]:
    """``cong_van.vv``: a công văn has ``V/v …`` (12–13 pt, upright, not bold) and no CÔNG VĂN heading."""
    findings = []
    if parts.doc_type == CONG_VAN and parts.ten_loai is not None:
        findings.append(finding("cong_van.vv", "Công văn có dòng tên loại “CÔNG VĂN”; Nghị định 30: công văn "
                                "không ghi tên loại, chỉ có trích yếu “V/v …” dưới số, ký hiệu",
                                parts.ten_loai.where()))
    if parts.doc_type not in (None, CONG_VAN):
        return findings
    line = parts.vv
    if line is None:
        if parts.kinh_gui is not None or parts.doc_type == CONG_VAN:
            findings.append(finding("cong_van.vv", "Công văn không có trích yếu “V/v …”; Nghị định 30 quy định "
                                    "trích yếu bắt đầu bằng “V/v ” đặt dưới số, ký hiệu", "Phần đầu văn bản"))
        return findings
    if not line.text.startswith("V/v "):
        findings.append(finding("cong_van.vv", f"Trích yếu công văn viết là “{quote(line.text)}”; Nghị định 30 "
                                "quy định bắt đầu bằng “V/v ” (V hoa, gạch chéo, v thường, một dấu cách)",
                                line.para.where()))
    problems = format_problems(line.pieces, 12, 13, bold=False)
    if problems:
        findings.append(finding("cong_van.vv", f"Trích yếu công văn: {', '.join(problems)}; Nghị định 30 quy định "
                                "cỡ 12–13 pt, chữ đứng, không đậm", line.para.where()))
    return findings

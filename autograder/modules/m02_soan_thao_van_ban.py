"""Grader of exercise 02 (soạn thảo văn bản): what the learner decided, what the body says, a repaired .docx,
outdated legal bases.

- ``grade_decisions``: the layout points the learner can earn or lose — number and ký hiệu, date, signing
  authority, Kính gửi, a trích yếu that says what the document is about — read from the written .docx.
  (The writer lays out the page itself, so page, font and spacing earn nothing here.)
- ``grade_body``: every fact of the task stated in a sentence beside its own subject
  (``autograder.checks.facts``), no copied task table, no invented figure.
- ``grade_repair_file``: the công văn repaired in Word/LibreOffice (or with python-docx) and uploaded: each
  planted error gone by the ND30 checker, AND the content intact (nothing deleted, nothing added).
- ``grade_superseded_answer``: which căn cứ of an AI draft are outdated, and what replaces each
  (``autograder.checks.legal_basis``).

The expected lines and the numbered căn cứ come from the hidden test cells; functions here return a
``CheckResult`` only, never an expected answer.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from autograder.checks.facts import Fact, check_facts, normalise, sentences
from autograder.checks.legal_basis import find_superseded, names_current
from autograder.checks.numbers import unsupported_numbers
from autograder.checks.result import CheckResult

# Format errors planted in the exercise's cong_van_loi.docx (see datasets/02_soan_thao_van_ban/README.md).
PLANTED_RULES = ("page.margin.left", "font.family", "ngay_thang.text", "body.align", "tieu_ngu.text")
REPAIRED_NAME = "cong_van_da_sua.docx"

# Row labels of the task tables: a body that repeats them as "Mục: dữ kiện" lines is a copied table, not prose.
# ("Chủ trì:", "Thời gian:", "Địa điểm:" are not here: Mẫu 1.7 of the decree writes a giấy mời that way.)
_TABLE_LABELS = ("mục", "dữ kiện", "số văn bản", "ngày ban hành", "trích yếu", "ký hiệu", "việc", "người ký", "ký",
                 "đề nghị", "hạn, nơi nộp", "nơi nhận chính", "việc đề nghị")

GIAY_MOI_FACTS = (
    Fact("thành phần mời (Trưởng các thôn)", ("Trưởng các thôn", "Trưởng thôn"), ("kính mời", "mời", "thành phần")),
    Fact("thành phần mời (công chức Văn phòng HĐND và UBND xã)",
         ("Văn phòng HĐND và UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
         ("kính mời", "mời", "thành phần", "công chức", "công chức thuộc", "công chức của")),
    Fact("việc họp (hội nghị triển khai kế hoạch chuyển đổi số)",
         ("hội nghị triển khai kế hoạch chuyển đổi số", "hội nghị triển khai kế hoạch về chuyển đổi số"),
         ("dự", "tham dự", "tới dự", "đến dự", "tổ chức", "về")),
    Fact("người chủ trì", ("Nguyễn Văn An",), ("chủ trì",)),
    Fact("giờ họp", ("14 giờ 00", "14 giờ", "14h00", "14h", "14:00"),
         ("thời gian", "lúc", "vào lúc", "bắt đầu", "từ", "vào", "hồi")),
    Fact("ngày họp", ("ngày 12 tháng 3 năm 2026", "ngày 12/3/2026", "ngày 12/03/2026", "12/3/2026", "12/03/2026"),
         ("thời gian", "lúc", "vào", "bắt đầu", "hồi")),
    Fact("địa điểm", ("Hội trường Ủy ban nhân dân xã Tân Phú", "Hội trường UBND xã Tân Phú",
                      "Hội trường Ủy ban nhân dân xã", "Hội trường UBND xã"), ("địa điểm", "tại")),
)
GIAY_MOI_SOURCE = ("14 giờ 00, thứ Năm, ngày 12 tháng 3 năm 2026; kế hoạch chuyển đổi số năm 2026; "
                   "Văn phòng HĐND và UBND xã")

CONG_VAN_FACTS = (
    Fact("việc đề nghị (lập danh sách hộ nghèo, hộ cận nghèo)",
         ("danh sách hộ nghèo, hộ cận nghèo", "danh sách hộ nghèo và hộ cận nghèo",
          "danh sách các hộ nghèo, hộ cận nghèo", "danh sách các hộ nghèo và hộ cận nghèo"),
         ("lập", "đề nghị", "yêu cầu", "rà soát", "thực hiện", "tổng hợp", "gửi", "nộp")),
    Fact("người được đề nghị (Trưởng các thôn)", ("Trưởng các thôn", "Trưởng thôn", "các đồng chí", "các thôn"),
         ("đề nghị", "yêu cầu", "giao", "lập", "rà soát", "thực hiện", "có trách nhiệm", "chỉ đạo", "tổ chức",
          "nộp", "gửi")),
    Fact("hạn nộp", ("ngày 25 tháng 3 năm 2026", "ngày 25/3/2026", "ngày 25/03/2026", "25/3/2026", "25/03/2026"),
         ("trước", "hạn", "chậm nhất", "thời hạn", "nộp", "gửi", "đến hết", "hết", "đến")),
    Fact("nơi nộp", ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa và Xã hội"),
         ("gửi về", "nộp về", "gửi", "nộp", "về", "tại", "tổng hợp", "tiếp nhận", "nhận")),
)
CONG_VAN_SOURCE = "rà soát hộ nghèo, hộ cận nghèo năm 2026; hạn nộp trước ngày 25 tháng 3 năm 2026"


def _blank(value) -> bool:
    return not str(value or "").strip() or "___" in str(value)


# ------------------------------------------------------------------------------------- the learner's decisions

def paragraphs_of(path: str | Path) -> list[str]:
    """Text of every paragraph of a .docx, table cells included (``ailab.vanban.repair.all_paragraphs``)."""
    import docx

    from ailab.text import nfc
    from ailab.vanban.repair import all_paragraphs

    return [nfc(p.text).strip() for p in all_paragraphs(docx.Document(str(path)))]


def _trich_yeu_line(paragraphs: Sequence[str], loai: str) -> str:
    """The trích yếu of a written document: the "V/v …" line, or the line under the type's title."""
    for index, text in enumerate(paragraphs):
        if normalise(loai) == "công văn" and text.startswith("V/v "):
            return text[4:]
        if text == loai.upper() and index + 1 < len(paragraphs):
            return paragraphs[index + 1]
    return ""


def written_problems(path: str | Path, loai: str) -> list[str]:
    """Whether the answer cell wrote a document of type ``loai``: for visible tests (says nothing of content)."""
    if not Path(path).is_file():
        return [f"Chưa có tệp «{Path(path).name}»: điền ô trả lời ở trên rồi chạy lại ô đó."]
    paragraphs = paragraphs_of(path)
    if normalise(loai) == "công văn":
        if not any(text.startswith("V/v ") for text in paragraphs):
            return ["Chưa phải công văn: thiếu dòng trích yếu «V/v …» dưới số, ký hiệu (ghi loai là «Công văn»)."]
    elif loai.upper() not in paragraphs:
        return [f"Chưa phải {loai.lower()}: không thấy tên loại «{loai.upper()}» (ghi loai là «{loai}»)."]
    return []


def content_fingerprint(paragraphs: Iterable[str]) -> str:
    """A short hash of a document's words, so a test can tell the original công văn was not edited."""
    import hashlib

    return hashlib.sha256(" ".join(_tokens(paragraphs)).encode("utf-8")).hexdigest()[:16]


def trich_yeu_problems(trich_yeu: str, about: Iterable[tuple[str, ...]], max_words: int = 20) -> list[str]:
    """Why a trích yếu does not say what the document is about: each group in ``about`` needs one of its words."""
    text = normalise(trich_yeu)
    if not text:
        return ["Chưa có trích yếu."]
    problems = []
    if len(text.split()) > max_words:
        problems.append(f"Trích yếu dài {len(text.split())} chữ: chỉ nêu ngắn gọn việc chính (không quá "
                        f"{max_words} chữ), không ghi giờ, địa điểm hay hạn nộp.")
    if not all(any(normalise(word) in text for word in group) for group in about):
        problems.append("Trích yếu chưa nói văn bản về việc gì: nêu đúng việc chính của đề bài.")
    if re.search(r"\d{1,2} giờ|hội trường|trước ngày", text):
        problems.append("Trích yếu không ghi giờ, địa điểm hay hạn nộp: những dữ kiện đó thuộc phần nội dung.")
    return problems


def grade_decisions(path: str | Path, loai: str, expected_lines: Mapping[str, str | tuple[str, ...]],
                    about: Iterable[tuple[str, ...]], max_score: float) -> CheckResult:
    """One share per decision: each expected line present (label → accepted lines), plus the trích yếu.

    Decisions are what the learner typed (type, number, unit, date, signing authority, Kính gửi); the page
    layout is the writer's, so it earns nothing.
    """
    if not Path(path).is_file():
        return CheckResult(0.0, max_score, [f"Chưa có tệp «{Path(path).name}»: chạy lại ô trả lời ở trên."])
    paragraphs = paragraphs_of(path)
    messages = []
    for label, lines in expected_lines.items():
        options = (lines,) if isinstance(lines, str) else tuple(lines)
        if not any(option in paragraphs for option in options):
            messages.append(f"Chưa đúng: {label}. Đọc lại bảng dữ kiện của đề bài.")
    ty_problems = trich_yeu_problems(_trich_yeu_line(paragraphs, loai), about)
    messages += ty_problems
    earned = len(expected_lines) - (len(messages) - len(ty_problems)) + (0 if ty_problems else 1)
    return CheckResult.partial(earned, len(expected_lines) + 1, max_score, messages)


# ------------------------------------------------------------------------------------------ the body

def body_form_problems(text: str, min_sentences: int = 2) -> list[str]:
    """What is wrong with the *form* of a body (blank, ___ left, a copied table, too short): for visible tests."""
    if _blank(text) and not str(text or "").replace("___", "").strip():
        return ["Phần nội dung đang để trống: dán bản nháp (đã sửa) hoặc tự viết vào giữa hai dấu \"\"\"."]
    problems = []
    if "___" in str(text):
        problems.append("Còn chỗ ___ chưa điền trong phần nội dung.")
    lines = [re.sub(r"^[-–•*+\s]+", "", s).replace("*", "") for s in sentences(text)]
    if any("|" in line or any(line.startswith(label + ":") for label in _TABLE_LABELS) for line in lines):
        problems.append("Nội dung đang là danh sách «Mục: dữ kiện» như bảng đề bài: hãy viết thành câu văn hành "
                        "chính (ai làm gì, khi nào, ở đâu).")
    if len(sentences(text)) < min_sentences:
        problems.append(f"Nội dung cần ít nhất {min_sentences} câu (mỗi câu một dòng hoặc kết thúc bằng dấu chấm).")
    return problems


def grade_body(text: str, facts: Sequence[Fact], source: str, max_score: float) -> CheckResult:
    """Facts stated in place (``check_facts``); zero for a blank body or a copied table; minus one fact's share
    for each figure that is not in the task's data."""
    problems = body_form_problems(text, min_sentences=1)
    if problems:
        return CheckResult(0.0, max_score, problems)
    result = check_facts(text, facts, max_score)
    accepted = "; ".join([source, *(spelling for fact in facts for spelling in fact.spellings)])
    invented = unsupported_numbers(str(text), accepted)
    if not invented:
        return result
    share = max_score / len(facts)
    score = max(0.0, round(result.score - share * len(invented), 2))
    return CheckResult(score, max_score, [*result.messages, "Có con số không có trong dữ kiện: "
                                          + ", ".join(invented) + ". Xóa hoặc sửa cho đúng đề bài."])


# ------------------------------------------------------------------------------------- the repaired công văn

def _tokens(paragraphs: Iterable[str]) -> list[str]:
    """Words of the document for comparing content: normalised, leading zeros and dash spacing ignored."""
    text = normalise(" ".join(paragraphs))
    text = re.sub(r"(?<!\d)0+(\d)", r"\1", text)
    return re.findall(r"[\w/]+(?:[.,-][\w/]+)*", text)


def content_changes(original: Sequence[str], repaired: Sequence[str]) -> tuple[list[str], list[str]]:
    """(pieces of the original missing from the repair, pieces added by it), as short quotes."""
    old, new = _tokens(original), _tokens(repaired)
    lost, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            lost.append(" ".join(old[i1:i2][:10]))
        if tag in ("insert", "replace"):
            added.append(" ".join(new[j1:j2][:10]))
    return lost, added


def grade_repair(findings: Iterable, original: Sequence[str], repaired: Sequence[str], max_score: float,
                 planted: Sequence[str] = PLANTED_RULES) -> CheckResult:
    """One share per planted error the checker no longer reports, minus one share per new error; zero when the
    content was not kept intact (a word deleted or added)."""
    lost, added = content_changes(original, repaired)
    if lost or added:
        messages = [f"Đã mất nội dung: «{piece}»." for piece in lost[:3]]
        messages += [f"Đã thêm nội dung không có trong công văn gốc: «{piece}»." for piece in added[:3]]
        return CheckResult(0.0, max_score, [*messages, "Chỉ sửa thể thức, giữ nguyên từng chữ của nội dung."])
    errors = [f for f in findings if f.severity == "error"]
    still = [f for f in errors if f.rule in planted]
    others = [f for f in errors if f.rule not in planted]
    fixed = len(set(planted) - {f.rule for f in still})
    messages = [f"Chưa sửa: {f.message}" + (f" (vị trí: {f.where})" if f.where else "") for f in still]
    messages += [f"Lỗi mới phát sinh khi sửa: {f.message}" for f in others]
    earned = max(0, fixed - (1 if others else 0))
    return CheckResult.partial(earned, len(planted), max_score, messages)


def grade_repair_file(path: str | Path, original: str | Path, max_score: float) -> CheckResult:
    """``grade_repair`` of the learner's file (uploaded or saved by python-docx) against the original."""
    path = Path(path)
    if not path.is_file():
        return CheckResult(0.0, max_score, [
            f"Chưa có tệp «{path.name}»: tải bản đã sửa lên bằng nút «Tải tệp lên» (hoặc chạy ô Python)."])
    from autograder.nd30 import check_docx

    try:
        repaired = paragraphs_of(path)
        report = check_docx(path)
    except Exception:  # a file that is not a Word document: say so, never a traceback
        return CheckResult(0.0, max_score, [f"Không đọc được «{path.name}»: hãy lưu bằng Word dạng .docx."])
    return grade_repair(report.findings, paragraphs_of(original), repaired, max_score)


# ------------------------------------------------------------------------------------- outdated legal bases

def superseded_answer_problems(answer, count: int) -> list[str]:
    """Form of the learner's answer {căn cứ number: what to cite instead}: for visible tests."""
    if not isinstance(answer, dict):
        return ["Câu trả lời phải là một bảng {số thứ tự căn cứ: căn cứ đúng hiện nay}, ví dụ {2: \"…\"}."]
    if not answer:
        return ["Chưa chọn căn cứ nào: ghi số thứ tự các căn cứ đã hết hiệu lực."]
    problems = []
    for key, value in answer.items():
        if not isinstance(key, int) or not 1 <= key <= count:
            problems.append(f"«{key}» không phải số thứ tự căn cứ (từ 1 đến {count}).")
        if _blank(value):
            problems.append(f"Căn cứ số {key}: chưa ghi căn cứ đúng hiện nay (hoặc «bỏ» nếu phải bỏ).")
    return problems


def grade_superseded_answer(answer, can_cu: Sequence[str], on: dt.date, max_score: float) -> CheckResult:
    """Each outdated căn cứ: half its share for finding it, half for naming what replaces it; each căn cứ
    marked outdated that is still current costs a whole share (so marking everything earns nothing)."""
    problems = superseded_answer_problems(answer, len(can_cu))
    if problems:
        return CheckResult(0.0, max_score, problems)
    outdated = {number: find_superseded(line, on)[0].basis
                for number, line in enumerate(can_cu, 1) if find_superseded(line, on)}
    if not outdated:
        return CheckResult(max_score, max_score)
    halves, messages = 0, []
    for number, replacement in sorted(answer.items()):
        if number not in outdated:
            halves -= 2
            messages.append(f"Căn cứ số {number} vẫn còn hiệu lực: không cần thay.")
            continue
        halves += 1
        if names_current(replacement, outdated[number]):
            halves += 1
        else:
            messages.append(f"Căn cứ số {number}: đã tìm đúng, nhưng căn cứ thay thế chưa đúng (ghi rõ số hiệu "
                            "văn bản đang có hiệu lực, hoặc «bỏ» nếu cơ quan ban hành không còn).")
    missed = len(set(outdated) - set(answer))
    if missed:
        messages.append(f"Còn {missed} căn cứ đã hết hiệu lực chưa tìm ra.")
    return CheckResult.partial(max(0, halves), 2 * len(outdated), max_score, messages)


# ------------------------------------------------------------------------------------- upload and download

def upload_widget(folder: str | Path = ".", name: str = REPAIRED_NAME):
    """A "Tải tệp lên" button that saves the chosen .docx as ``folder/name`` (ipywidgets 7 and 8)."""
    import ipywidgets as widgets

    button = widgets.FileUpload(accept=".docx", multiple=False, description="Tải tệp lên")
    message = widgets.HTML()

    def _save(change) -> None:
        value = change["new"]
        files = list(value.values()) if isinstance(value, dict) else list(value)
        if not files:
            return
        content = bytes(files[0]["content"])
        if not content.startswith(b"PK"):
            message.value = "<b style='color:#b00020'>Tệp này không phải tệp Word .docx: lưu lại dạng .docx.</b>"
            return
        target = Path(folder) / name
        target.write_bytes(content)
        message.value = f"<b>Đã lưu thành «{target.name}».</b> Chạy ô kiểm tra bên dưới."

    button.observe(_save, names="value")
    return widgets.VBox([button, message])

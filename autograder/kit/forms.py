"""Printable pre/post test forms (without answers), the trainer's answer key and the feedback form."""

from __future__ import annotations

from pathlib import Path

from docx.shared import Mm

from autograder.kit.feedback import FeedbackForm, load_form
from autograder.kit.handouts import a4_document, add_text
from autograder.kit.pretest import FORMS, LETTERS, Question, load_forms, tomllib
from autograder.kit.pretest import SOURCE as TEST_SOURCE


def form_document(form: str, questions: list[Question], title: str, instructions: str):
    """One form for learners: questions and choices, no answers."""
    document = a4_document(Mm(15))
    add_text(document, f"{title} — ĐỀ {form}", 14, bold=True, center=True, after=4)
    add_text(document, instructions, 11, italic=True, after=8)
    add_text(document, "Mã học viên: ……………    Mã đề: " + form + "    Trả lời: ……………………………", 12, after=8)
    for number, question in enumerate(questions, 1):
        add_text(document, f"Câu {number}. {question.question}", 12, bold=True, before=4, after=1)
        for letter, choice in zip(LETTERS, question.choices, strict=True):
            add_text(document, f"{letter}) {choice}", 12, after=0).paragraph_format.left_indent = Mm(6)
    return document


def answer_key_document(forms: dict[str, list[Question]]):
    """The trainer's key: for each form, the letters in order and the competency of each question."""
    document = a4_document(Mm(15))
    add_text(document, "ĐÁP ÁN KIỂM TRA ĐẦU VÀO / CUỐI KHÓA (CHỈ DÀNH CHO GIẢNG VIÊN)", 14, bold=True, center=True)
    for form in FORMS:
        letters = "".join(q.answer for q in forms[form])
        add_text(document, f"Đề {form}: {letters}", 13, bold=True, before=6)
        for number, question in enumerate(forms[form], 1):
            add_text(document, f"Câu {number} ({question.name}): {question.answer}", 12, after=0)
    return document


def feedback_document(form: FeedbackForm):
    """The printable feedback form."""
    document = a4_document(Mm(15))
    add_text(document, form.title, 14, bold=True, center=True, after=4)
    add_text(document, form.instructions, 12, italic=True, after=8)
    for number, statement in enumerate(form.ratings, 1):
        add_text(document, f"{number}. {statement}    1   2   3   4   5", 13, after=4)
    for question in form.questions:
        add_text(document, question, 13, bold=True, before=8, after=2)
        add_text(document, "……………………………………………………………………………………………", 13, after=2)
    return document


def write_forms(out_dir: Path) -> list[Path]:
    """Write both test forms, the answer key and the feedback form as .docx into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    data = tomllib.loads(TEST_SOURCE.read_text(encoding="utf-8"))
    forms = load_forms()
    paths = []
    for form in FORMS:
        path = out_dir / f"kiem_tra_de_{form}.docx"
        form_document(form, forms[form], data["title"], data["instructions"]).save(path)
        paths.append(path)
    key = out_dir / "kiem_tra_dap_an.docx"
    answer_key_document(forms).save(key)
    feedback = out_dir / "phieu_gop_y.docx"
    feedback_document(load_form()).save(feedback)
    return paths + [key, feedback]

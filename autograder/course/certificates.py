"""``course certificates``: "Giấy chứng nhận hoàn thành" (.docx, A4 landscape) for learners who complete.

A PDF copy is made when LibreOffice (``soffice``) is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from autograder.course.report import collect_results
from autograder.course.roster import Learner

FONT = "Times New Roman"


def _paragraph(document, text: str, size: int, bold: bool = False, italic: bool = False,
               align=WD_ALIGN_PARAGRAPH.CENTER, space_after: int = 6) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space_after)
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold, run.italic = FONT, Pt(size), bold, italic


def certificate_document(learner: Learner, modules: list[str], course_title: str, issuer: str, issued: date):
    """One certificate as a python-docx Document."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    _paragraph(document, "GIẤY CHỨNG NHẬN HOÀN THÀNH", 30, bold=True, space_after=12)
    _paragraph(document, f"Khóa tập huấn: {course_title}", 15, italic=True, space_after=18)
    _paragraph(document, "Chứng nhận", 15)
    _paragraph(document, learner.ho_ten, 26, bold=True)
    if learner.don_vi:
        _paragraph(document, f"Đơn vị: {learner.don_vi}", 15, space_after=12)
    _paragraph(document, f"đã hoàn thành {len(modules)} học phần:", 14)
    _paragraph(document, "; ".join(modules), 12, space_after=18)
    _paragraph(document, f"Ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}", 14, italic=True,
               align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=2)
    _paragraph(document, issuer, 14, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    return document


def to_pdf(docx_path: Path) -> Path | None:
    """Convert with LibreOffice when present; None otherwise or on failure."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    try:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(docx_path.parent),
                        str(docx_path)], check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError):
        return None
    pdf = docx_path.with_suffix(".pdf")
    return pdf if pdf.exists() else None


def write_certificates(course_dir: Path, issued: date | None = None) -> list[Path]:
    """certificates/<id>.docx (and .pdf) for every learner who meets the completion rule."""
    course_dir = Path(course_dir)
    report = collect_results(course_dir)
    folder = course_dir / "certificates"
    written = []
    for learner in report.learners:
        if not report.completed(learner.id):
            continue
        folder.mkdir(exist_ok=True)
        document = certificate_document(learner, report.passed_modules(learner.id), report.settings.course_title,
                                        report.settings.issuer, issued or date.today())
        path = folder / f"{learner.id}.docx"
        document.save(path)
        written.append(path)
        pdf = to_pdf(path)
        if pdf:
            written.append(pdf)
    return written

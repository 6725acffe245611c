"""``ailab kit build``: every handout, trainer document and form, as .docx and (with LibreOffice) PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from autograder.kit.forms import write_forms
from autograder.kit.handouts import write_handouts
from autograder.kit.markdown_docx import markdown_to_docx
from autograder.kit.pdf import PdfError, to_pdf

TRAINER_DOCS = Path(__file__).resolve().parents[2] / "docs" / "giang_vien"


@dataclass
class KitResult:
    """What was written, and why PDFs are missing if they are."""

    docx: list[Path] = field(default_factory=list)
    pdf: list[Path] = field(default_factory=list)
    problem: str | None = None


def write_trainer_docs(out_dir: Path, source: Path = TRAINER_DOCS) -> list[Path]:
    """Agendas, the day-before checklist and the facilitator notes as .docx."""
    return [markdown_to_docx(md, out_dir / f"{md.stem}.docx") for md in sorted(source.glob("*.md"))]


def build_kit(out_dir: Path, pdf: bool = True) -> KitResult:
    """Write the kit into ``out_dir``: ``phat_tay/`` handouts, ``giang_vien/`` documents, ``kiem_tra/`` forms."""
    result = KitResult()
    handouts = write_handouts(out_dir / "phat_tay")
    result.docx += handouts
    result.docx += write_trainer_docs(out_dir / "giang_vien")
    result.docx += write_forms(out_dir / "kiem_tra")
    if pdf:
        try:
            for folder in sorted({p.parent for p in result.docx}):
                result.pdf += to_pdf([p for p in result.docx if p.parent == folder], folder)
        except PdfError as error:
            result.problem = str(error)
    return result

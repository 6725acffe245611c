"""Small helpers for repairing an existing .docx with python-docx (used in exercise 02)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from ailab.text import nfc

ALIGNMENTS = {
    "đều hai bên": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "giữa": WD_ALIGN_PARAGRAPH.CENTER,
    "trái": WD_ALIGN_PARAGRAPH.LEFT,
    "phải": WD_ALIGN_PARAGRAPH.RIGHT,
}


def all_paragraphs(document) -> list:
    """Every paragraph of the body, table cells included (a merged cell once), in reading order."""
    paragraphs = list(document.paragraphs)
    seen = {id(p._p) for p in paragraphs}
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if id(paragraph._p) not in seen:
                        seen.add(id(paragraph._p))
                        paragraphs.append(paragraph)
    return paragraphs


def paragraph_texts(source) -> list[str]:
    """The NFC text of every paragraph (``all_paragraphs``) of a .docx given as a path or an open Document."""
    document = docx.Document(str(source)) if isinstance(source, (str, Path)) else source
    return [nfc(paragraph.text) for paragraph in all_paragraphs(document)]


def body_paragraphs_of(document) -> list:
    """Paragraphs of the body text: outside tables, with text, not centred titles, not "Kính gửi" lines."""
    found = []
    in_kinh_gui = False
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text or paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER:
            continue
        if text.startswith("Kính gửi") or (in_kinh_gui and text.startswith("- ")):
            in_kinh_gui = True
            continue
        in_kinh_gui = False
        found.append(paragraph)
    return found


def replace_text(document, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in every paragraph (tables included), keeping the first run's format.

    Returns how many paragraphs changed.
    """
    old, new = nfc(old), nfc(new)
    changed = 0
    for paragraph in all_paragraphs(document):
        if old not in paragraph.text:
            continue
        runs = [run for run in paragraph.runs if run.text]
        single = next((run for run in runs if old in run.text), None)
        if single is not None:
            single.text = single.text.replace(old, new)
        else:
            runs[0].text = paragraph.text.replace(old, new)
            for run in runs[1:]:
                run.text = ""
        changed += 1
    return changed

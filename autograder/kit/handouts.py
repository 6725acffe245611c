"""Printable handouts, each from one small TOML file in ``content/``: model, source text and .docx writer.

A handout is a title, a subtitle, sections of short items and the sources of its facts. The same model
gives the .docx (python-docx, A4, Times New Roman) and the text a test compares with the rendered PDF,
so the printed page cannot drift from the source.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt

from ailab.text import nfc

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONTENT = Path(__file__).parent / "content"
HANDOUTS = ("the_cau_lenh", "the_the_thuc_nd30", "the_du_lieu_ai", "the_kiem_tra_ket_qua", "ap_phich_lua_dao")
FONT = "Times New Roman"


@dataclass(frozen=True)
class Item:
    """One line of a handout; ``rules`` names the ND30 rule ids it covers, ``sign`` a scam-sign code."""

    text: str
    rules: tuple[str, ...] = ()
    sign: str | None = None


@dataclass(frozen=True)
class Section:
    """A heading and its items."""

    heading: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Handout:
    """A printable page: what it says and how many pages it may take."""

    slug: str
    title: str
    subtitle: str
    kind: str  # card, checklist or poster
    pages: int
    body_size: float
    sections: tuple[Section, ...]
    sources: tuple[str, ...] = field(default=())

    def paragraphs(self) -> list[str]:
        """Every line printed, in order (what the PDF's text must equal)."""
        lines = [self.title, self.subtitle]
        for section in self.sections:
            lines.append(section.heading)
            lines.extend(item.text for item in section.items)
        if self.sources:
            lines.append(SOURCES_HEADING)
            lines.extend(self.sources)
        return lines


SOURCES_HEADING = "Nguồn"


def _item(raw) -> Item:
    if isinstance(raw, str):
        return Item(nfc(raw))
    return Item(nfc(raw["text"]), tuple(raw.get("rules", ())), raw.get("sign"))


def load_handout(slug: str) -> Handout:
    """Read ``content/<slug>.toml`` into a :class:`Handout` (text in NFC)."""
    data = tomllib.loads((CONTENT / f"{slug}.toml").read_text(encoding="utf-8"))
    sections = tuple(Section(nfc(s["heading"]), tuple(_item(i) for i in s["items"])) for s in data["section"])
    return Handout(slug=slug, title=nfc(data["title"]), subtitle=nfc(data["subtitle"]), kind=data["kind"],
                   pages=int(data["pages"]), body_size=float(data["body_size"]), sections=sections,
                   sources=tuple(nfc(s["text"]) for s in data.get("source", ())))


def load_handouts() -> list[Handout]:
    """Every handout of the kit, in print order."""
    return [load_handout(slug) for slug in HANDOUTS]


def a4_document(margin: Length | None = None) -> Document:
    """An empty A4 portrait document (margins 15 mm unless given) whose every style uses Times New Roman."""
    margin = Mm(15) if margin is None else margin
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = margin
    for style in document.styles:
        if getattr(style, "font", None) is None:
            continue
        style.font.name = FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
    return document


def add_text(document, text: str, size: float, *, bold=False, italic=False, center=False, before=0.0, after=3.0):
    """One paragraph of one run with the given look."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
    return paragraph


def handout_document(handout: Handout) -> Document:
    """The .docx of a handout: large centred title, bold headings, items, sources in small italics."""
    body = handout.body_size
    poster = handout.kind == "poster"
    document = a4_document(Mm(12) if poster else Mm(15))
    add_text(document, handout.title, body * (1.8 if poster else 1.4), bold=True, center=True, after=4)
    add_text(document, handout.subtitle, body * (1.2 if poster else 1.0), italic=not poster, bold=poster,
             center=True, after=8)
    for section in handout.sections:
        add_text(document, section.heading, body * (1.15 if poster else 1.05), bold=True, before=6, after=3)
        for item in section.items:
            paragraph = add_text(document, item.text, body, after=4 if poster else 2)
            paragraph.paragraph_format.left_indent = Mm(4)
    if handout.sources:
        add_text(document, SOURCES_HEADING, 9, bold=True, before=8, after=1)
        for source in handout.sources:
            add_text(document, source, 9, italic=True, after=0)
    return document


def write_handouts(out_dir: Path, handouts: list[Handout] | None = None) -> list[Path]:
    """Write every handout as ``<slug>.docx`` into ``out_dir``; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for handout in handouts or load_handouts():
        path = out_dir / f"{handout.slug}.docx"
        handout_document(handout).save(path)
        paths.append(path)
    return paths

"""The document model the checks read: paragraphs with effective formatting, and page sections."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from autograder.nd30.styles import ParaProps, RunProps, StyleResolver


class DocumentReadError(Exception):
    """The input cannot be read as a .docx; ``str(error)`` is a one-line Vietnamese message."""


@dataclass(slots=True)
class Piece:
    """A stretch of text with one effective formatting."""

    text: str
    props: RunProps


@dataclass(slots=True)
class Para:
    """One paragraph of the main text (outside or inside a table), in document order."""

    index: int
    pieces: list[Piece]
    text: str
    raw_text: str
    props: ParaProps
    style_id: str | None
    element: etree._Element
    table: int | None = None  # number of the top-level table (0-based), None outside tables
    row: int = 0
    col: int = 0
    ordinal: int = 0  # 1-based number among paragraphs outside tables, or among paragraphs of its cell
    lines: list[tuple[str | None, float | None]] = field(default_factory=list)  # drawn lines
    has_page_break: bool = False

    @property
    def has_line_shape(self) -> bool:
        """The paragraph anchors a drawn straight line."""
        return bool(self.lines)

    @property
    def stripped(self) -> str:
        """Text without surrounding whitespace."""
        return self.text.strip()

    def where(self) -> str:
        """Where a learner finds this paragraph, with a short quote."""
        quote = " ".join(self.text.split())
        if len(quote) > 50:
            quote = quote[:47] + "…"
        place = (f"đoạn {self.ordinal}" if self.table is None
                 else f"bảng {self.table + 1}, hàng {self.row + 1}, cột {self.col + 1}")
        return f"{place}: “{quote}”" if quote else place


@dataclass(slots=True)
class Section:
    """Page setup of one section; lengths in twips (None when the file does not say)."""

    width: int | None
    height: int | None
    orient: str | None
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    title_page: bool
    page_format: str | None
    headers: dict[str, str] = field(default_factory=dict)  # type (default/first/even) -> relationship id
    footers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Model:
    """Everything the checks need, read once."""

    paras: list[Para]
    sections: list[Section]
    parts: dict[str, etree._Element]  # relationship id -> header/footer root element
    resolver: StyleResolver
    pages_hint: int | None = None

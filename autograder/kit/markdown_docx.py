"""Trainer documents written in Markdown (docs/giang_vien/) as printable .docx.

mistune parses the Markdown into a syntax tree; this module only maps its few block kinds (headings,
paragraphs, lists, tables, quotes, rules) to python-docx paragraphs and tables, with the kit's A4 page.
"""

from __future__ import annotations

from pathlib import Path

import mistune
from docx.shared import Length, Mm, Pt

from ailab.text import nfc
from autograder.kit.handouts import a4_document

_PARSE = mistune.create_markdown(renderer=None, plugins=["table"])
HEADING_SIZES = {1: 16, 2: 14, 3: 13}
NARROW_CHARS = 6
NARROW_WIDTH = Mm(15)
BODY_SIZE = 12


def _add_inline(paragraph, children, bold=False, italic=False) -> None:
    """Runs for inline nodes: text, strong, emphasis, code, links (their text), line breaks."""
    for node in children or ():
        kind = node["type"]
        if kind in ("text", "codespan", "inline_html"):
            run = paragraph.add_run(nfc(node.get("raw", "")))
            run.bold, run.italic = bold or None, italic or None
        elif kind == "strong":
            _add_inline(paragraph, node["children"], True, italic)
        elif kind == "emphasis":
            _add_inline(paragraph, node["children"], bold, True)
        elif kind == "link":
            _add_inline(paragraph, node["children"], bold, italic)
        elif kind in ("softbreak", "linebreak"):
            paragraph.add_run(" " if kind == "softbreak" else "\n")


def _paragraph(document, children, size=BODY_SIZE, bold=False, indent_mm=0.0, prefix=""):
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(3)
    if indent_mm:
        paragraph.paragraph_format.left_indent = Mm(indent_mm)
    if prefix:
        paragraph.add_run(prefix)
    _add_inline(paragraph, children, bold=bold)
    for run in paragraph.runs:
        run.font.size = Pt(size)
    return paragraph


def _list(document, node, depth=0) -> None:
    ordered = node["attrs"].get("ordered")
    start = node["attrs"].get("start", 1) or 1
    for number, item in enumerate(node["children"], start):
        prefix = f"{number}. " if ordered else "– "
        for child in item["children"]:
            if child["type"] in ("block_text", "paragraph"):
                _paragraph(document, child["children"], indent_mm=6 + 6 * depth, prefix=prefix)
                prefix = ""
            elif child["type"] == "list":
                _list(document, child, depth + 1)


def _table(document, node) -> None:
    head = next(c for c in node["children"] if c["type"] == "table_head")
    body = next((c for c in node["children"] if c["type"] == "table_body"), {"children": []})
    rows = [head["children"]] + [row["children"] for row in body["children"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.autofit = False
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            paragraph = table.cell(r, c).paragraphs[0]
            _add_inline(paragraph, cell["children"], bold=r == 0)
            for run in paragraph.runs:
                run.font.size = Pt(BODY_SIZE - 1)
    widths = _column_widths(table, document.sections[0])
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    document.add_paragraph()


def _column_widths(table, section) -> list[Length]:
    """Short columns (times, minutes) get a fixed narrow width; the others share the rest by text length."""
    available = section.page_width - section.left_margin - section.right_margin
    longest = [max(len(cell.text) for cell in column.cells) for column in table.columns]
    narrow = [length <= NARROW_CHARS for length in longest]
    rest = available - NARROW_WIDTH * sum(narrow)
    weights = [min(40, max(10, length)) for length, small in zip(longest, narrow, strict=True) if not small]
    shares = iter(Length(int(rest * weight / sum(weights))) for weight in weights)
    return [NARROW_WIDTH if small else next(shares) for small in narrow]


def markdown_document(text: str):
    """A python-docx Document holding the Markdown text."""
    document = a4_document(Mm(20))
    for node in _PARSE(nfc(text)):
        kind = node["type"]
        if kind == "heading":
            level = node["attrs"]["level"]
            paragraph = _paragraph(document, node["children"], HEADING_SIZES.get(level, BODY_SIZE), bold=True)
            paragraph.paragraph_format.space_before = Pt(10 if level <= 2 else 6)
        elif kind == "paragraph":
            _paragraph(document, node["children"])
        elif kind == "list":
            _list(document, node)
        elif kind == "table":
            _table(document, node)
        elif kind == "block_quote":
            for child in node["children"]:
                if child["type"] == "paragraph":
                    _paragraph(document, child["children"], indent_mm=8).runs[0].italic = True
        elif kind == "block_code":
            _paragraph(document, [{"type": "text", "raw": node.get("raw", "").rstrip()}], indent_mm=8)
    return document


def markdown_to_docx(source: Path, target: Path) -> Path:
    """Write ``source`` (Markdown) as ``target`` (.docx)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    markdown_document(source.read_text(encoding="utf-8")).save(target)
    return target

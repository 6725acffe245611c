"""Walk a document body once and build the model: paragraphs (body, table cells, text boxes) and sections."""

from __future__ import annotations

from lxml import etree

from ailab.text import nfc
from autograder.nd30.model import Model, Para, Piece, Section
from autograder.nd30.shapes import MC_FALLBACK, line_shapes
from autograder.nd30.styles import StyleResolver, on_off, parse_ppr, twips, w

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# Containers whose runs are part of the paragraph's visible text.
_RUN_CONTAINERS = {w(t) for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "bdo", "dir")}
_SDT = w("sdt")
_SDT_CONTENT = w("sdtContent")
_P = w("p")
_TBL = w("tbl")
_R = w("r")
_T = w("t")
_TAB = w("tab")
_BR = w("br")
_CR = w("cr")
_NBH = w("noBreakHyphen")
_LAST_PAGE_BREAK = w("lastRenderedPageBreak")
_TXBX = w("txbxContent")
_MC_CHOICE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"


def build_model(document: etree._Element, resolver: StyleResolver, parts, pages_hint) -> Model:
    """Walk the body once, collecting paragraphs (with table cells) and sections."""
    body = document.find(w("body"))
    builder = _Builder(resolver)
    sections: list[Section] = []
    if body is not None:
        builder.walk(body, table=None, table_style=None)
        for sect in body.iter(w("sectPr")):
            if sect.getparent() is not None and sect.getparent().tag in (w("pPr"), w("body")):
                sections.append(_section(sect))
    return Model(paras=builder.paras, sections=sections, parts=parts, resolver=resolver, pages_hint=pages_hint)


def _section(sect: etree._Element) -> Section:
    size = sect.find(w("pgSz"))
    margin = sect.find(w("pgMar"))
    title = sect.find(w("titlePg"))
    number_type = sect.find(w("pgNumType"))
    section = Section(
        width=twips(size, "w"), height=twips(size, "h"),
        orient=size.get(w("orient")) if size is not None else None,
        top=twips(margin, "top"), bottom=twips(margin, "bottom"),
        left=twips(margin, "left"), right=twips(margin, "right"),
        title_page=title is not None and on_off(title),
        page_format=number_type.get(w("fmt")) if number_type is not None else None,
    )
    for ref in sect.iterfind(w("headerReference")):
        section.headers[ref.get(w("type")) or "default"] = ref.get(R_ID)
    for ref in sect.iterfind(w("footerReference")):
        section.footers[ref.get(w("type")) or "default"] = ref.get(R_ID)
    return section


def run_text(run: etree._Element) -> tuple[str | None, bool]:
    """Text of a run (tabs and line breaks as characters; None when it holds none) and whether it breaks the page."""
    text_parts = []
    page_break = False
    for child in run:
        tag = child.tag
        if tag == _T:
            text_parts.append(child.text or "")
        elif tag == _TAB:
            text_parts.append("\t")
        elif tag == _BR:
            if child.get(w("type")) == "page":
                page_break = True
            else:
                text_parts.append("\n")
        elif tag == _CR:
            text_parts.append("\n")
        elif tag == _NBH:
            text_parts.append("-")
        elif tag == _LAST_PAGE_BREAK:
            page_break = True
    return ("".join(text_parts) if text_parts else None), page_break


class _Builder:
    def __init__(self, resolver: StyleResolver) -> None:
        self.resolver = resolver
        self.paras: list[Para] = []
        self.top_count = 0
        self.table_count = 0
        self.cell_counts: dict[tuple, int] = {}

    def walk(self, container, table, table_style, row=0, col=0):
        for child in container:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, table, table_style, row, col)
            elif tag == _TBL:
                self.table(child, table)
            elif tag in (_SDT, w("customXml")):
                content = child.find(_SDT_CONTENT) if tag == _SDT else child
                if content is not None:
                    self.walk(content, table, table_style, row, col)

    def table(self, tbl, outer):
        number = outer
        if outer is None:
            number = self.table_count
            self.table_count += 1
        style = tbl.find(f"{w('tblPr')}/{w('tblStyle')}")
        style_id = style.get(w("val")) if style is not None else self.resolver.defaults.get("table")
        for r, tr in enumerate(tbl.iterfind(w("tr"))):
            c = 0
            for tc in tr:
                if tc.tag == _SDT:
                    cells = tc.findall(f"{_SDT_CONTENT}/{w('tc')}")
                elif tc.tag == w("tc"):
                    cells = [tc]
                else:
                    continue
                for cell in cells:
                    self.walk(cell, number, style_id, r if outer is None else 0, c if outer is None else 0)
                    c += 1

    def paragraph(self, p, table, table_style, row, col):
        for box in _text_boxes(p):
            # A text box's paragraphs come before the paragraph anchoring it (Word anchors where the user clicked).
            self.walk(box, table, table_style, row, col)
        resolver = self.resolver
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        style_id = resolver.paragraph_style(style_el.get(w("val")) if style_el is not None else None)
        props = resolver.paragraph_props(table_style, style_id, parse_ppr(ppr))
        pieces, page_break = self.pieces(p, table_style, style_id)
        page_break = page_break or (ppr is not None and ppr.find(w("pageBreakBefore")) is not None)
        if props.bullet and pieces:
            # The list's bullet is part of what the reader sees ("- Như trên;" typed or made by Word's AutoFormat).
            pieces.insert(0, Piece(props.bullet + " ", pieces[0].props))
        raw = "".join(piece.text for piece in pieces)
        text = nfc(raw)
        if text != raw:
            for piece in pieces:
                piece.text = nfc(piece.text)
            text = "".join(piece.text for piece in pieces)
        self.paras.append(Para(
            index=len(self.paras), pieces=pieces, text=text, raw_text=raw, props=props, style_id=style_id,
            element=p, table=table, row=row, col=col, ordinal=self.ordinal(table, row, col),
            lines=line_shapes(p), has_page_break=page_break,
        ))

    def pieces(self, p, table_style, style_id) -> tuple[list[Piece], bool]:
        """Visible pieces of a paragraph with their effective formatting, and whether a run breaks the page."""
        pieces: list[Piece] = []
        page_break = False
        for run in _runs(p):
            text, breaks = run_text(run)
            page_break = page_break or breaks
            if text is None:
                continue
            rpr = run.find(w("rPr"))
            rstyle_el = rpr.find(w("rStyle")) if rpr is not None else None
            rstyle = rstyle_el.get(w("val")) if rstyle_el is not None else None
            run_props = self.resolver.run_props(table_style, style_id, rstyle, rpr)
            if not run_props.hidden:
                pieces.append(Piece(text, run_props))
        return pieces, page_break

    def ordinal(self, table, row, col) -> int:
        """1-based number among paragraphs outside tables, or among the paragraphs of one cell."""
        if table is None:
            self.top_count += 1
            return self.top_count
        key = (table, row, col)
        self.cell_counts[key] = self.cell_counts.get(key, 0) + 1
        return self.cell_counts[key]


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """Contents of the text boxes anchored in a paragraph, once each (the VML copy of a DrawingML box skipped)."""
    boxes = []
    for box in p.iter(_TXBX):
        ancestors = list(box.iterancestors())
        if any(a.tag == _TXBX for a in ancestors[:ancestors.index(p)]):
            continue
        fallback = next((a for a in ancestors if a.tag == MC_FALLBACK), None)
        if fallback is not None and any(choice.find(f".//{_TXBX}") is not None
                                        for choice in fallback.getparent().iterfind(_MC_CHOICE)):
            continue
        boxes.append(box)
    return boxes


def _runs(p: etree._Element):
    """Runs of a paragraph in order, including those inside hyperlinks, insertions, fields and content controls."""
    for child in p:
        tag = child.tag
        if tag == _R:
            yield child
        elif tag in _RUN_CONTAINERS:
            yield from _runs(child)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _runs(content)

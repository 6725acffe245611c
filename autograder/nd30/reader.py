"""Read a .docx once into a small model: paragraphs (body and table cells) with effective formatting.

Two entry points share one builder: :func:`read_docx` opens the zip itself (fast, and gives a
Vietnamese message for every kind of broken input) and :func:`from_document` reuses a python-docx
``Document`` already in memory.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from autograder.nd30.styles import ParaProps, RunProps, StyleResolver, W, on_off, parse_ppr, twips, w

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
WPS_WSP = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}wsp"
VML = "urn:schemas-microsoft-com:vml"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)

# Containers whose runs are part of the paragraph's visible text.
_RUN_CONTAINERS = {w(t) for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "bdo", "dir")}
_SDT = w("sdt")
_SDT_CONTENT = w("sdtContent")
_R = w("r")
_T = w("t")
_TAB = w("tab")
_BR = w("br")
_CR = w("cr")
_NBH = w("noBreakHyphen")


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


# ---------------------------------------------------------------- opening files

def read_docx(path: str | Path) -> Model:
    """Open a .docx file and build the model; raise DocumentReadError with a Vietnamese message."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise DocumentReadError(f"Không tìm thấy tệp “{path}”.")
    if path.is_dir():
        raise DocumentReadError(f"“{path}” là một thư mục, không phải tệp .docx.")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise DocumentReadError(f"Không mở được tệp “{name}”: {error.strerror or error}.") from None
    if not head:
        raise DocumentReadError(f"Tệp “{name}” rỗng (0 byte), không phải văn bản Word.")
    if head == OLE2_MAGIC:
        raise DocumentReadError(
            f"Tệp “{name}” là định dạng Word 97-2003 (.doc) cũ. Hãy mở tệp trong Word hoặc LibreOffice "
            "rồi chọn Lưu thành (Save As) → “Word Document (*.docx)” và kiểm tra lại tệp .docx đó.")
    if not head.startswith(b"PK"):
        raise DocumentReadError(
            f"Tệp “{name}” không phải văn bản Word .docx (có thể là tệp văn bản hoặc PDF bị đổi đuôi).")
    try:
        with zipfile.ZipFile(path) as archive:
            return _build_from_zip(archive, name)
    except DocumentReadError:
        raise
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError):
        raise DocumentReadError(f"Tệp “{name}” bị hỏng hoặc tải về chưa hết, không đọc được như tệp .docx.") from None
    except etree.XMLSyntaxError:
        raise DocumentReadError(f"Tệp “{name}” có nội dung XML hỏng, Word cũng không mở được.") from None


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationships of a part: id -> (type, target part name)."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    try:
        root = etree.fromstring(archive.read(rels_name), _PARSER)
    except KeyError:
        return {}
    result = {}
    for rel in root.iterfind(f"{{{REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        result[rel.get("Id")] = (rel.get("Type", ""), target)
    return result


def _build_from_zip(archive: zipfile.ZipFile, name: str) -> Model:
    main = None
    for _rid, (rel_type, target) in _rels(archive, "").items():
        if rel_type.endswith("/officeDocument"):
            main = target
    if main is None or main not in archive.namelist():
        raise DocumentReadError(
            f"Tệp “{name}” là tệp nén nhưng không phải văn bản Word .docx (không có phần word/document.xml).")
    document = etree.fromstring(archive.read(main), _PARSER)
    if document.tag != w("document"):
        raise DocumentReadError(f"Tệp “{name}” không phải văn bản Word .docx (định dạng khác hoặc Strict OOXML).")
    styles_xml = theme_xml = numbering_xml = b""
    parts: dict[str, etree._Element] = {}
    for rid, (rel_type, target) in _rels(archive, main).items():
        kind = rel_type.rsplit("/", 1)[-1]
        if kind not in ("styles", "theme", "numbering", "header", "footer"):
            continue
        try:
            data = archive.read(target)
        except KeyError:
            continue
        if kind == "styles":
            styles_xml = data
        elif kind == "theme":
            theme_xml = data
        elif kind == "numbering":
            numbering_xml = data
        else:
            parts[rid] = etree.fromstring(data, _PARSER)
    resolver = _resolver_for(styles_xml, theme_xml, numbering_xml)
    pages_hint = None
    try:
        app = etree.fromstring(archive.read("docProps/app.xml"), _PARSER)
        pages = app.find("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages")
        if pages is not None and (pages.text or "").strip().isdigit():
            pages_hint = int(pages.text.strip())
    except (KeyError, etree.XMLSyntaxError):
        pass
    return build_model(document, resolver, parts, pages_hint)


_RESOLVERS: dict[tuple[bytes, bytes, bytes], StyleResolver] = {}


def _resolver_for(styles_xml: bytes, theme_xml: bytes, numbering_xml: bytes = b"") -> StyleResolver:
    """One resolver per distinct styles/theme/numbering set: documents from one template share the work."""
    key = (styles_xml, theme_xml, numbering_xml)
    resolver = _RESOLVERS.get(key)
    if resolver is None:
        roots = [etree.fromstring(data, _PARSER) if data else None for data in key]
        resolver = StyleResolver(*roots)
        if len(_RESOLVERS) >= 16:
            _RESOLVERS.pop(next(iter(_RESOLVERS)))
        _RESOLVERS[key] = resolver
    return resolver


def from_document(document) -> Model:
    """Build the model from a python-docx ``Document`` without re-reading the file."""
    part = document.part
    styles_root = theme_root = numbering_root = None
    parts: dict[str, etree._Element] = {}
    for rid, rel in part.rels.items():
        if rel.is_external:
            continue
        kind = rel.reltype.rsplit("/", 1)[-1]
        target = rel.target_part
        element = getattr(target, "element", None)
        if element is None and kind in ("styles", "theme", "numbering", "header", "footer"):
            element = etree.fromstring(target.blob, _PARSER)
        if kind == "styles":
            styles_root = element
        elif kind == "theme":
            theme_root = element
        elif kind == "numbering":
            numbering_root = element
        elif kind in ("header", "footer"):
            parts[rid] = element
    return build_model(document.element, StyleResolver(styles_root, theme_root, numbering_root), parts, None)


# ---------------------------------------------------------------- building the model

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


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_EMU_PER_MM = 36000
_ALIGN_MM = {"left": 0.0, "inside": 0.0, "center": 80.0, "right": 160.0, "outside": 160.0}
_VML_X_RE = re.compile(r"^\s*(-?[\d.]+)(pt|in|mm|cm|px)?")
_VML_UNIT_MM = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "px": 25.4 / 96, None: 25.4 / 72}


def _vml_x(value: str | None) -> float | None:
    match = _VML_X_RE.match(value or "")
    return float(match.group(1)) * _VML_UNIT_MM[match.group(2)] if match else None


def _shape_position(shape: etree._Element) -> tuple[str | None, float | None]:
    """(frame, horizontal centre in mm from that frame) of a drawn line, None where the file does not say."""
    if shape.tag == WPS_WSP:
        anchor = next((a for a in shape.iterancestors(f"{{{WP}}}anchor", f"{{{WP}}}inline")), None)
        if anchor is None or anchor.tag == f"{{{WP}}}inline":
            return None, None
        position = anchor.find(f"{{{WP}}}positionH")
        extent = anchor.find(f"{{{WP}}}extent")
        if position is None:
            return None, None
        frame = position.get("relativeFrom")
        align = position.findtext(f"{{{WP}}}align")
        if align is not None:
            return frame, _ALIGN_MM.get(align.strip())
        try:
            width = int(extent.get("cx", "0")) if extent is not None else 0
            return frame, (int(position.findtext(f"{{{WP}}}posOffset") or "") + width / 2) / _EMU_PER_MM
        except ValueError:
            return frame, None
    start, end = _vml_x((shape.get("from") or "").split(",")[0]), _vml_x((shape.get("to") or "").split(",")[0])
    if start is not None and end is not None:
        return None, (start + end) / 2
    return None, None


def line_shapes(element: etree._Element) -> list[tuple[str | None, float | None]]:
    """Drawn straight lines (DrawingML or VML) in the element with their horizontal position.

    A shape stored twice (DrawingML choice and VML fallback) counts once; the fallback is used only when
    the choice holds no line.
    """
    found, fallbacks = [], {}
    for shape in element.iter(WPS_WSP, f"{{{VML}}}line", f"{{{VML}}}shape"):
        if shape.tag == WPS_WSP:
            is_line = any(geometry.get("prst") in ("line", "straightConnector1") for geometry in
                          shape.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}prstGeom"))
        else:
            is_line = shape.tag.endswith("}line") or shape.get("type") == "#_x0000_t32" or bool(
                shape.get("{urn:schemas-microsoft-com:office:office}connectortype"))
        if not is_line:
            continue
        fallback = next((parent for parent in shape.iterancestors(MC_FALLBACK)), None)
        if fallback is not None:
            fallbacks.setdefault(fallback, []).append(_shape_position(shape))
        else:
            found.append((shape, _shape_position(shape)))
    result = [position for _, position in found]
    for fallback, positions in fallbacks.items():
        content = fallback.getparent()
        if not any(content in shape.iterancestors() for shape, _ in found):
            result.extend(positions)
    return result


def is_line_shape(element: etree._Element) -> bool:
    """True when the element holds a drawn straight line (DrawingML or VML)."""
    return bool(line_shapes(element))


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
        direct = parse_ppr(ppr)
        props = resolver.paragraph_props(table_style, style_id, direct)
        pieces: list[Piece] = []
        page_break = ppr is not None and ppr.find(w("pageBreakBefore")) is not None
        for run in _runs(p):
            rpr = run.find(w("rPr"))
            rstyle_el = rpr.find(w("rStyle")) if rpr is not None else None
            rstyle = rstyle_el.get(w("val")) if rstyle_el is not None else None
            text_parts = []
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
                elif tag == w("lastRenderedPageBreak"):
                    page_break = True
            if not text_parts:
                continue
            run_props = resolver.run_props(table_style, style_id, rstyle, rpr)
            if run_props.hidden:
                continue
            pieces.append(Piece("".join(text_parts), run_props))
        if props.bullet and pieces:
            # The list's bullet is part of what the reader sees ("- Như trên;" typed or made by Word's AutoFormat).
            pieces.insert(0, Piece(props.bullet + " ", pieces[0].props))
        raw = "".join(piece.text for piece in pieces)
        text = unicodedata.normalize("NFC", raw)
        if text != raw:
            for piece in pieces:
                piece.text = unicodedata.normalize("NFC", piece.text)
            text = "".join(piece.text for piece in pieces)
        if table is None:
            self.top_count += 1
            ordinal = self.top_count
        else:
            key = (table, row, col)
            ordinal = self.cell_counts.get(key, 0) + 1
            self.cell_counts[key] = ordinal
        self.paras.append(Para(
            index=len(self.paras), pieces=pieces, text=text, raw_text=raw, props=props, style_id=style_id,
            element=p, table=table, row=row, col=col, ordinal=ordinal,
            lines=line_shapes(p), has_page_break=page_break,
        ))


_P = w("p")
_TBL = w("tbl")


_TXBX = w("txbxContent")
_MC_CHOICE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"


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


__all__ = ["W", "DocumentReadError", "Model", "Para", "Piece", "Section", "read_docx", "from_document"]

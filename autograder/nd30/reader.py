"""Open a .docx and build the model; every kind of broken input becomes a Vietnamese message.

Two entry points share one builder (:mod:`autograder.nd30.builder`): :func:`read_docx` opens the zip
itself (fast, and gives a Vietnamese message for every kind of broken input) and :func:`from_document`
reuses a python-docx ``Document`` already in memory.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from autograder.nd30.builder import build_model
from autograder.nd30.model import DocumentReadError, Model, Para, Piece, Section
from autograder.nd30.styles import StyleResolver, W, w

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
_PART_KINDS = ("styles", "theme", "numbering", "header", "footer")


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
    main = next((target for rel_type, target in _rels(archive, "").values()
                 if rel_type.endswith("/officeDocument")), None)
    if main is None or main not in archive.namelist():
        raise DocumentReadError(
            f"Tệp “{name}” là tệp nén nhưng không phải văn bản Word .docx (không có phần word/document.xml).")
    document = etree.fromstring(archive.read(main), _PARSER)
    if document.tag != w("document"):
        raise DocumentReadError(f"Tệp “{name}” không phải văn bản Word .docx (định dạng khác hoặc Strict OOXML).")
    blobs, parts = _related_parts(archive, main)
    resolver = _resolver_for(blobs.get("styles", b""), blobs.get("theme", b""), blobs.get("numbering", b""))
    return build_model(document, resolver, parts, _pages_hint(archive))


def _related_parts(archive: zipfile.ZipFile, main: str) -> tuple[dict[str, bytes], dict[str, etree._Element]]:
    """Bytes of the styles, theme and numbering parts (by kind) and the header/footer roots (by relationship id)."""
    blobs: dict[str, bytes] = {}
    parts: dict[str, etree._Element] = {}
    for rid, (rel_type, target) in _rels(archive, main).items():
        kind = rel_type.rsplit("/", 1)[-1]
        if kind not in _PART_KINDS:
            continue
        try:
            data = archive.read(target)
        except KeyError:
            continue
        if kind in ("header", "footer"):
            parts[rid] = etree.fromstring(data, _PARSER)
        else:
            blobs[kind] = data
    return blobs, parts


def _pages_hint(archive: zipfile.ZipFile) -> int | None:
    """Page count the saving application recorded in docProps/app.xml, if any."""
    try:
        app = etree.fromstring(archive.read("docProps/app.xml"), _PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return None
    pages = app.find(f"{{{APP_NS}}}Pages")
    if pages is not None and (pages.text or "").strip().isdigit():
        return int(pages.text.strip())
    return None


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
        if element is None and kind in _PART_KINDS:
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


__all__ = ["W", "DocumentReadError", "Model", "Para", "Piece", "Section", "read_docx", "from_document"]

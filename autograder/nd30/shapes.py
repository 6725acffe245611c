"""Drawn straight lines (DrawingML or VML) and where they sit: the rule under the agency and the motto."""

from __future__ import annotations

import re

from lxml import etree

WPS_WSP = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}wsp"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
VML = "urn:schemas-microsoft-com:vml"
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

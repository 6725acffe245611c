"""Whole-document text checks: font family, colour, Unicode normalisation (Phụ lục I, Mục I.4)."""

from __future__ import annotations

from ailab.text import nfc
from autograder.nd30.model import Model, Para
from autograder.nd30.parts import Parts
from autograder.nd30.report import Finding, finding

TIMES = "times new roman"
LEGACY_PREFIXES = (".vn", "vni-", "vni ", "vn-")
BLACK = {"auto", "000000"}
BLACK_THEME = {"text1", "dark1"}


def _font_of(text: str, ascii_font: str | None, hansi_font: str | None) -> list[str]:
    """Fonts Word uses for this text: ASCII characters use w:ascii, other Latin (Vietnamese) use w:hAnsi."""
    fonts = []
    if any(ord(ch) < 128 and not ch.isspace() for ch in text) and ascii_font:
        fonts.append(ascii_font)
    if any(ord(ch) >= 128 and not ch.isspace() for ch in text) and hansi_font:
        fonts.append(hansi_font)
    return fonts


def _bad_values(model: Model, bad_of_piece) -> list[tuple[str, Para, int]]:
    """(bad value, first paragraph with it, how many paragraphs) over every visible run of the document."""
    found: dict[str, list[Para]] = {}
    for para in model.paras:
        bad = set()
        for piece in para.pieces:
            if piece.text.strip():
                bad.update(bad_of_piece(piece))
        for value in sorted(bad):
            found.setdefault(value, []).append(para)
    return [(value, paras[0], len(paras)) for value, paras in found.items()]


def _fonts_not_times(piece) -> list[str]:
    fonts = _font_of(piece.text, piece.props.font_ascii, piece.props.font_hansi)
    return [f.strip() for f in fonts if not f.strip().casefold().startswith(TIMES)]


def _colour_not_black(piece) -> list[str]:
    props = piece.props
    if (props.theme_color and props.theme_color in BLACK_THEME) or props.color.casefold() in BLACK:
        return []
    return [props.color.upper()]


def check_font_family(model: Model, parts: Parts) -> list[Finding]:
    """``font.family``: every visible run is Times New Roman (legacy TCVN3/VNI fonts named as such)."""
    findings = []
    for font, para, count in _bad_values(model, _fonts_not_times):
        legacy = font.casefold().startswith(LEGACY_PREFIXES)
        extra = " (phông cũ TCVN3/VNI, không phải Unicode)" if legacy else ""
        findings.append(finding(
            "font.family", f"Phông chữ “{font}”{extra} ở {count} đoạn; Nghị định 30 quy định phông "
            "Times New Roman, bộ mã Unicode (TCVN 6909:2001)", para.where()))
    return findings


def check_font_color(model: Model, parts: Parts) -> list[Finding]:
    """``font.color``: text is black or automatic."""
    return [finding("font.color", f"Chữ màu #{colour} ở {count} đoạn; Nghị định 30 quy định chữ màu đen",
                    para.where()) for colour, para, count in _bad_values(model, _colour_not_black)]


def check_nfc(model: Model, parts: Parts) -> list[Finding]:
    """``text.nfc``: text is stored precomposed (NFC)."""
    bad = [p for p in model.paras if nfc(p.raw_text) != p.raw_text]
    if not bad:
        return []
    return [finding("text.nfc", f"{len(bad)} đoạn dùng chữ Việt tổ hợp (Unicode NFD), dễ lỗi khi tìm kiếm, "
                    "sắp xếp, sao chép; nên dùng Unicode dựng sẵn (NFC)", bad[0].where())]

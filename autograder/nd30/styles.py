"""Effective run and paragraph formatting, resolved the way Word does.

Order of layers (later wins): document defaults (``w:docDefaults``) → table style → paragraph style
(with its ``w:basedOn`` chain) → character style (with its chain) → direct formatting.
Bold, italic and caps are *toggle* properties: across the style layers (table, paragraph, character)
a ``true`` flips the value, so a bold character style on a bold paragraph style gives normal text,
as in Word. Direct formatting and document defaults are absolute. Theme fonts (``w:asciiTheme``) are
looked up in ``theme1.xml``. Results per style combination are cached, so each document is resolved once.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


W_VAL = w("val")
TOGGLES = ("b", "i", "caps")
DEFAULT_SIZE = 20  # half-points: Word's size when nothing sets one (10 pt)


def on_off(element: etree._Element) -> bool:
    """Value of an ST_OnOff element such as ``<w:b/>`` or ``<w:b w:val="0"/>``."""
    value = element.get(W_VAL)
    return value is None or value.lower() not in ("0", "false", "off")


def twips(element: etree._Element | None, attribute: str) -> int | None:
    """An integer twips attribute (None when absent or not a number)."""
    if element is None:
        return None
    value = element.get(w(attribute))
    if value is None:
        return None
    try:
        return int(round(float(value)))
    except ValueError:
        return None


def parse_rpr(rpr: etree._Element | None, theme: dict[str, str]) -> dict:
    """The properties one ``w:rPr`` element sets (only those it sets)."""
    props: dict = {}
    if rpr is None:
        return props
    for child in rpr:
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith("{" + W):
            continue
        name = tag[len(W) + 2:]
        if name == "rFonts":
            for slot in ("ascii", "hAnsi"):
                themed = child.get(w(slot + "Theme"))
                if themed is not None:
                    props[slot] = theme.get(themed)
                elif child.get(w(slot)) is not None:
                    props[slot] = child.get(w(slot))
        elif name == "sz":
            try:
                props["sz"] = int(round(float(child.get(W_VAL, "0"))))
            except ValueError:
                pass
        elif name in TOGGLES:
            props[name] = on_off(child)
        elif name == "color":
            props["color"] = (child.get(W_VAL) or "auto", child.get(w("themeColor")))
        elif name == "u":
            props["u"] = child.get(W_VAL) or "single"
        elif name == "vanish":
            props["vanish"] = on_off(child)
    return props


def parse_ppr(ppr: etree._Element | None) -> dict:
    """The paragraph properties one ``w:pPr`` element sets."""
    props: dict = {}
    if ppr is None:
        return props
    for child in ppr:
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith("{" + W):
            continue
        name = tag[len(W) + 2:]
        if name == "jc":
            props["jc"] = child.get(W_VAL)
        elif name == "ind":
            first, hanging = twips(child, "firstLine"), twips(child, "hanging")
            if hanging is not None:
                props["first"] = -hanging
            elif first is not None:
                props["first"] = first
            chars = twips(child, "firstLineChars")
            if chars is not None:
                props["first_chars"] = chars
            left = twips(child, "left")
            left = twips(child, "start") if left is None else left
            if left is not None:
                props["left"] = left
        elif name == "spacing":
            for key in ("before", "after", "line", "beforeLines", "afterLines"):
                value = twips(child, key)
                if value is not None:
                    props[key] = value
            if child.get(w("lineRule")) is not None:
                props["lineRule"] = child.get(w("lineRule"))
            for key in ("beforeAutospacing", "afterAutospacing"):
                if child.get(w(key)) is not None:
                    props[key] = child.get(w(key)) not in ("0", "false", "off")
        elif name == "contextualSpacing":
            props["contextual"] = on_off(child)
        elif name == "numPr":
            num_id, level = child.find(w("numId")), child.find(w("ilvl"))
            if num_id is not None:
                props["num_id"] = num_id.get(W_VAL)
            if level is not None:
                props["ilvl"] = level.get(W_VAL)
        elif name == "pBdr":
            bottom = child.find(w("bottom"))
            top = child.find(w("top"))
            props["border_bottom"] = bottom is not None and bottom.get(W_VAL) not in ("nil", "none")
            props["border_top"] = top is not None and top.get(W_VAL) not in ("nil", "none")
        elif name == "tabs":
            props["center_tab"] = any(tab.get(W_VAL) == "center" for tab in child)
    return props


@dataclass(slots=True, frozen=True)
class RunProps:
    """Effective formatting of one run; ``font`` is None when nothing names a font (Word: Times New Roman)."""

    font_ascii: str | None
    font_hansi: str | None
    size: int  # half-points
    bold: bool
    italic: bool
    caps: bool
    color: str
    theme_color: str | None
    underline: str | None
    hidden: bool


@dataclass(slots=True, frozen=True)
class ParaProps:
    """Effective paragraph formatting; lengths in twips (1/20 pt)."""

    align: str
    first_line: int
    first_line_chars: int | None
    left: int
    before: int
    after: int
    line: int | None
    line_rule: str
    contextual: bool
    numbered: bool
    bullet: str | None  # the list's bullet character when the paragraph is in a bulleted list
    border_bottom: bool
    border_top: bool
    center_tab: bool


def theme_fonts(theme_root: etree._Element | None) -> dict[str, str]:
    """Map theme font slots (``minorHAnsi``, ``majorAscii``…) to typefaces from ``theme1.xml``."""
    fonts: dict[str, str] = {}
    if theme_root is None:
        return fonts
    for kind in ("major", "minor"):
        latin = theme_root.find(f".//{{{A}}}{kind}Font/{{{A}}}latin")
        if latin is not None and latin.get("typeface"):
            for slot in ("Ascii", "HAnsi"):
                fonts[kind + slot] = latin.get("typeface")
    return fonts


# Bullet characters of symbol fonts (Symbol, Wingdings) as Word stores them, and their plain equivalents.
_SYMBOL_BULLETS = {"\uf02d": "-", "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓"}


def list_bullets(numbering_root: etree._Element | None) -> dict[tuple[str, str], str]:
    """(numId, level) -> bullet character, for the bulleted levels of ``numbering.xml``."""
    if numbering_root is None:
        return {}
    abstract: dict[str, dict[str, str]] = {}
    for definition in numbering_root.iterfind(w("abstractNum")):
        levels = {}
        for level in definition.iterfind(w("lvl")):
            kind, text = level.find(w("numFmt")), level.find(w("lvlText"))
            if kind is not None and kind.get(W_VAL) == "bullet" and text is not None:
                value = (text.get(W_VAL) or "").strip()
                levels[level.get(w("ilvl"), "0")] = _SYMBOL_BULLETS.get(value, value)
        abstract[definition.get(w("abstractNumId"), "")] = levels
    bullets = {}
    for number in numbering_root.iterfind(w("num")):
        ref = number.find(w("abstractNumId"))
        levels = abstract.get(ref.get(W_VAL, "") if ref is not None else "", {})
        for level, text in levels.items():
            if text:
                bullets[(number.get(w("numId"), ""), level)] = text
    return bullets


class StyleResolver:
    """Resolves effective run/paragraph properties for one document, with caching."""

    def __init__(self, styles_root: etree._Element | None, theme_root: etree._Element | None,
                 numbering_root: etree._Element | None = None) -> None:
        self.theme = theme_fonts(theme_root)
        self.bullets = list_bullets(numbering_root)
        self.styles: dict[str, etree._Element] = {}
        self.defaults: dict[str, str] = {}
        self.default_rpr: dict = {}
        self.default_ppr: dict = {}
        self._chain_cache: dict[tuple[str, str], tuple[dict, dict]] = {}
        self._base_cache: dict[tuple, tuple[dict, dict]] = {}
        self._run_cache: dict[tuple, RunProps] = {}
        if styles_root is None:
            return
        doc_defaults = styles_root.find(w("docDefaults"))
        if doc_defaults is not None:
            self.default_rpr = parse_rpr(doc_defaults.find(f"{w('rPrDefault')}/{w('rPr')}"), self.theme)
            self.default_ppr = parse_ppr(doc_defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
        for style in styles_root.iterfind(w("style")):
            style_id = style.get(w("styleId"))
            if style_id is None:
                continue
            self.styles[style_id] = style
            if on_off_attr(style.get(w("default"))):
                self.defaults.setdefault(style.get(w("type")) or "paragraph", style_id)

    def paragraph_style(self, style_id: str | None) -> str | None:
        """The paragraph style actually in force (unknown ids fall back to the default style)."""
        if style_id in self.styles:
            return style_id
        return self.defaults.get("paragraph")

    def style_name(self, style_id: str | None) -> str:
        """Human name of a style (its id when it has no name)."""
        style = self.styles.get(style_id or "")
        if style is None:
            return style_id or ""
        name = style.find(w("name"))
        return name.get(W_VAL) if name is not None else style_id or ""

    def _chain(self, style_id: str | None, kind: str) -> tuple[dict, dict]:
        """Merged (rPr, pPr) of a style and its basedOn ancestors (derived style wins)."""
        key = (style_id or "", kind)
        cached = self._chain_cache.get(key)
        if cached is not None:
            return cached
        chain: list[etree._Element] = []
        seen: set[str] = set()
        current = style_id if style_id is not None else self.defaults.get(kind)
        while current and current not in seen and current in self.styles:
            seen.add(current)
            style = self.styles[current]
            chain.append(style)
            based = style.find(w("basedOn"))
            current = based.get(W_VAL) if based is not None else None
        rpr: dict = {}
        ppr: dict = {}
        for style in reversed(chain):
            rpr.update(parse_rpr(style.find(w("rPr")), self.theme))
            ppr.update(parse_ppr(style.find(w("pPr"))))
        self._chain_cache[key] = (rpr, ppr)
        return rpr, ppr

    def _base(self, table_style: str | None, para_style: str | None) -> tuple[dict, dict]:
        """Run and paragraph properties before character style and direct formatting."""
        key = (table_style, para_style)
        cached = self._base_cache.get(key)
        if cached is not None:
            return cached
        rpr = dict(self.default_rpr)
        ppr = dict(self.default_ppr)
        toggles: dict[str, bool] = {}
        layers = []
        if table_style is not None:
            layers.append(self._chain(table_style, "table"))
        layers.append(self._chain(para_style, "paragraph"))
        for layer_rpr, layer_ppr in layers:
            apply_style_layer(rpr, toggles, layer_rpr)
            ppr.update(layer_ppr)
        rpr["_toggles"] = toggles
        self._base_cache[key] = (rpr, ppr)
        return rpr, ppr

    def paragraph_props(self, table_style: str | None, para_style: str | None, direct: dict) -> ParaProps:
        """Effective paragraph properties."""
        ppr = dict(self._base(table_style, para_style)[1])
        ppr.update(direct)
        before = ppr.get("before", 0)
        after = ppr.get("after", 0)
        if ppr.get("beforeLines") is not None:
            before = ppr["beforeLines"] * 240 // 100
        if ppr.get("afterLines") is not None:
            after = ppr["afterLines"] * 240 // 100
        if ppr.get("beforeAutospacing"):
            before = 280
        if ppr.get("afterAutospacing"):
            after = 280
        return ParaProps(
            align=ppr.get("jc") or "left",
            first_line=ppr.get("first", 0),
            first_line_chars=ppr.get("first_chars"),
            left=ppr.get("left", 0),
            before=before,
            after=after,
            line=ppr.get("line"),
            line_rule=ppr.get("lineRule") or "auto",
            contextual=bool(ppr.get("contextual")),
            numbered=ppr.get("num_id") not in (None, "0"),
            bullet=self.bullets.get((ppr.get("num_id"), ppr.get("ilvl") or "0")),
            border_bottom=bool(ppr.get("border_bottom")),
            border_top=bool(ppr.get("border_top")),
            center_tab=bool(ppr.get("center_tab")),
        )

    def run_props(self, table_style: str | None, para_style: str | None, char_style: str | None,
                  direct_rpr: etree._Element | None) -> RunProps:
        """Effective run properties (direct formatting parsed from ``direct_rpr``)."""
        direct_key = etree.tostring(direct_rpr) if direct_rpr is not None else b""
        key = (table_style, para_style, char_style, direct_key)
        cached = self._run_cache.get(key)
        if cached is not None:
            return cached
        base_rpr = self._base(table_style, para_style)[0]
        rpr = dict(base_rpr)
        toggles = dict(base_rpr["_toggles"])
        if char_style is not None and char_style in self.styles:
            apply_style_layer(rpr, toggles, self._chain(char_style, "character")[0])
        rpr.update(parse_rpr(direct_rpr, self.theme))
        color, theme_color = rpr.get("color", ("auto", None))
        props = RunProps(
            font_ascii=rpr.get("ascii"),
            font_hansi=rpr.get("hAnsi"),
            size=rpr.get("sz", DEFAULT_SIZE),
            bold=bool(rpr.get("b")),
            italic=bool(rpr.get("i")),
            caps=bool(rpr.get("caps")),
            color=color,
            theme_color=theme_color,
            underline=None if rpr.get("u") in (None, "none") else rpr.get("u"),
            hidden=bool(rpr.get("vanish")),
        )
        self._run_cache[key] = props
        return props


def apply_style_layer(rpr: dict, toggles: dict[str, bool], layer: dict) -> None:
    """Apply one style layer: ordinary properties override, toggle properties flip on ``true``."""
    for name, value in layer.items():
        if name in TOGGLES:
            if value:
                # Toggle: true flips what the style layers below produced (document default is the base).
                previous = toggles.get(name)
                toggles[name] = True if previous is None else not previous
                rpr[name] = toggles[name] if previous is not None else True
            else:
                toggles[name] = False
                rpr[name] = False
        else:
            rpr[name] = value


def on_off_attr(value: str | None) -> bool:
    """Value of an ST_OnOff attribute."""
    return value is not None and value.lower() in ("1", "true", "on")

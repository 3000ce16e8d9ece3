"""The theme's icon font cut down to the glyphs its style sheets name.

pydata-sphinx-theme draws a few icons (admonition titles, for instance) as CSS
``content: "\\f05a"`` characters in Font Awesome's solid font, a 157 KB download on every
page with a note or an exercise. At the end of the web build the font is subset (with
fontTools, which matplotlib already brings) to the private-use characters that the book's
style sheets name, and ``static/course.css`` points the same font family and weight at the
subset (the last ``@font-face`` rule for a face wins). Font Awesome's class rules, which
only ``<i class="fa-…">`` elements used (the book draws those as inline SVG), are dropped
from the theme's style sheet.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Where the theme's font is in the built book, and where the subset goes.
FONT = Path("_static/vendor/fontawesome/webfonts/fa-solid-900.ttf")
SUBSET = Path("_static/fa-solid-900-subset.woff")
#: The theme's style sheets in the built book.
STYLES = Path("_static/styles")
#: A CSS escape of a private-use character (where Font Awesome keeps its icons).
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{4,5})\b")
_PRIVATE = range(0xE000, 0xF900)
#: A rule of a style sheet (inside an at-rule too), and Font Awesome's own class rules
#: (``.fa-bars:before``), which only ``<i class="fa-…">`` elements use: those the web book
#: draws as inline SVG (:mod:`coursekit.icons`).
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_FA_CLASS = re.compile(r"^\s*\.fa-[a-z0-9-]+(?::{1,2}(?:before|after))?\s*$")


def icon_characters(static: Path) -> set[int]:
    """Private-use characters (escaped or not) that rules under ``static`` name, except in
    Font Awesome's own class rules."""
    found: set[int] = set()
    for sheet in static.rglob("*.css"):
        for rule in _RULE.finditer(sheet.read_text(encoding="utf-8", errors="replace")):
            selectors, body = rule.groups()
            if all(_FA_CLASS.match(s) for s in selectors.split(",")):
                continue
            codes = [int(m.group(1), 16) for m in _ESCAPE.finditer(body)]
            codes += [ord(c) for c in body]  # written as the characters themselves
            found.update(c for c in codes if c in _PRIVATE)
    return found


def drop_icon_class_rules(outdir: Path) -> list[Path]:
    """Remove Font Awesome's class rules (``.fa-bars:before{content:…}``, about 2,000 of
    them, a fifth of the theme's style sheet) from the theme's style sheets; return them."""
    changed = []
    for sheet in sorted((outdir / STYLES).glob("*.css")):
        text = sheet.read_text(encoding="utf-8")
        trimmed = _RULE.sub(_keep, text)
        if trimmed != text:
            sheet.write_text(trimmed, encoding="utf-8")
            changed.append(sheet)
    return changed


def _keep(rule: re.Match[str]) -> str:
    selectors, body = rule.groups()
    fa_only = all(_FA_CLASS.match(s) for s in selectors.split(","))
    return "" if fa_only and "content:" in body else rule.group(0)


def subset_icon_font(outdir: Path) -> Path:
    """Write the subset font (WOFF) into the built book; return its path."""
    from fontTools import subset

    source, target = outdir / FONT, outdir / SUBSET
    if not source.is_file():
        raise FileNotFoundError(f"{source}: the theme's icon font is missing")
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(icon_characters(outdir / "_static")))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)
    return target

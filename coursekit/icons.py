"""The theme's few icons as inline SVG, instead of Font Awesome's 1.5 MB script.

pydata-sphinx-theme marks its icons up as ``<i class="fa-solid fa-bars"></i>`` and loads
``_static/scripts/fontawesome.js``, which holds every Font Awesome icon and swaps each ``<i>``
for an ``<svg>`` once the page has run it. The web book does the swap at build time: the
icon shapes are read from that same installed script (the theme's own copy, so they match
its version) and each page carries only the handful it shows. ``static/course.css`` sizes
them as Font Awesome's own style sheet does.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markupsafe import escape

#: Font Awesome's style classes and the icon set each names.
STYLES = {
    "fa-solid": "fas",
    "fas": "fas",
    "fa": "fas",
    "fa-regular": "far",
    "far": "far",
    "fa-brands": "fab",
    "fab": "fab",
}
#: Classes that change an icon's size or spacing, kept on the ``<svg>``.
MODIFIERS = {"fa-lg", "fa-xl", "fa-2xl", "fa-sm", "fa-xs", "fa-fw", "fa-2x", "fa-spin"}

_PACK = re.compile(r'var p=\{(.*?)\};!function.*?d\("(fa[brs])",p\)', re.S)
_ICON = re.compile(
    r'(?:"([a-z0-9-]+)"|\b([a-z0-9]+)):\[(\d+),(\d+),\[([^\]]*)\],"[0-9a-f]+",("[^"]*")\]'
)
_ALIAS = re.compile(r'"([a-z0-9-]+)"')
#: An empty element whose classes name a Font Awesome icon.
_ELEMENT = re.compile(r'<(i|span)\s+class="([^"]*\bfa-[^"]*)"([^>]*)>\s*</\1>')


class IconsMissing(RuntimeError):
    """The theme's Font Awesome script is not where it should be, or an icon is unknown."""


def fontawesome_script() -> Path:
    """The Font Awesome script that the installed pydata-sphinx-theme ships."""
    import pydata_sphinx_theme

    path = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme/pydata_sphinx_theme/static/scripts/fontawesome.js"
    )
    if not path.is_file():
        raise IconsMissing(f"{path} is missing: is pydata-sphinx-theme installed?")
    return path


@cache
def icons(script: Path | None = None) -> dict[tuple[str, str], tuple[int, int, str]]:
    """``(set, name) -> (width, height, SVG path)`` for every icon (and alias) in the script."""
    text = (script or fontawesome_script()).read_text(encoding="utf-8")
    found: dict[tuple[str, str], tuple[int, int, str]] = {}
    for pack in _PACK.finditer(text):
        body, prefix = pack.groups()
        for icon in _ICON.finditer(body):
            quoted, bare, width, height, aliases, path = icon.groups()
            shape = (int(width), int(height), path[1:-1])
            for name in [quoted or bare, *_ALIAS.findall(aliases)]:
                found[(prefix, name)] = shape
    if not found:
        raise IconsMissing(f"no icons found in {script or fontawesome_script()}")
    return found


def svg(classes: str, attributes: str = "") -> str:
    """The inline ``<svg>`` for an element with these classes (``fa-solid fa-bars fa-lg``)."""
    names = classes.split()
    prefix = next((STYLES[n] for n in names if n in STYLES), "fas")
    table = icons()
    icon = next(
        (n[3:] for n in names if n.startswith("fa-") and (prefix, n[3:]) in table),
        None,
    )
    if icon is None:
        raise IconsMissing(f"no Font Awesome icon for class={classes!r}")
    width, height, path = table[(prefix, icon)]
    kept = [n for n in names if n not in STYLES and not n.startswith("fa-")]
    kept += [n for n in names if n in MODIFIERS]
    css = " ".join(["svg-inline--fa", f"fa-{icon}", *kept])
    return (
        f'<svg class="{escape(css)}"{attributes} aria-hidden="true" focusable="false" '
        f'role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
        f'<path fill="currentColor" d="{escape(path)}"></path></svg>'
    )


def inline_icons(html: str) -> str:
    """Every empty ``<i class="fa-…">`` (or ``<span>``) of the page as its inline SVG."""
    return _ELEMENT.sub(lambda m: svg(m.group(2), m.group(3)), html)

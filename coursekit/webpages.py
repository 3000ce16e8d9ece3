"""Light web pages for readers on phones: what each built page loads on first view.

Run over every HTML page at the end of the web build (``coursekit.sphinxext``):

- the theme's icons become inline SVG (:mod:`coursekit.icons`) and its 1.5 MB Font Awesome
  script is no longer loaded;
- Sphinx's search index and tools load only on the search page: pydata-sphinx-theme adds
  them to every page for its search-as-you-type option, which the book leaves off (its
  search box opens ``search.html``);
- ipywidgets' saved state (up to 300 KB a chapter) is left out: no widget manager reads it;
- each map frame's document moves out of the page into a file of its own under ``_maps/``
  (one folder down, as the chapters are, so its relative links still hold), which the frame
  loads with ``loading="lazy"``: Leaflet and the map data load only for the maps a reader
  scrolls to, without JavaScript, and the page itself stays small.
"""

from __future__ import annotations

import html as htmlcodec
import itertools
import re
from collections.abc import Callable
from pathlib import Path

from coursekit.icons import inline_icons

#: The theme's Font Awesome script (its icons are inlined instead).
_FONTAWESOME = re.compile(
    r'<script[^>]*\bsrc="[^"]*_static/scripts/fontawesome\.js[^"]*"[^>]*>\s*</script>\s*'
)
#: Sphinx's search scripts that pydata-sphinx-theme adds to every page.
_SEARCH = re.compile(
    r'<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"'
    r">\s*</script>\s*"
)
#: ipywidgets' saved state, which MyST-NB copies from the notebook into the page: the web
#: book loads no widget manager (``nb_ipywidgets_js`` is empty), so nothing reads it.
_WIDGET_STATE = re.compile(
    r'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>\s*', re.S
)
#: A map frame (coursekit.maps.web, ``templates/figure.html``) with its document inline.
_MAP_FRAME = re.compile(r'(<iframe title="Interactive map: [^"]*" )srcdoc="([^"]*)"')
#: Where the map documents go, one folder below the site's root (like ``chapters/``).
MAPS = "_maps"


def lighten(html: str, store: Callable[[str], str], search_page: bool = False) -> str:
    """The page as readers get it (see the module's docstring); ``store(document)`` keeps a
    map's document and returns the address the page's frame loads it from."""
    html = _FONTAWESOME.sub("", inline_icons(html))
    html = _WIDGET_STATE.sub("", html)
    if not search_page:
        html = _SEARCH.sub("", html)
    return _MAP_FRAME.sub(
        lambda m: f'{m.group(1)}loading="lazy" src="{store(htmlcodec.unescape(m.group(2)))}"',
        html,
    )


def lighten_site(outdir: Path) -> list[Path]:
    """:func:`lighten` every HTML page under ``outdir``, its maps written to ``_maps/``;
    return the pages changed."""
    changed = []
    for page in sorted(outdir.rglob("*.html")):
        name = page.relative_to(outdir).with_suffix("").as_posix()
        if name.startswith(MAPS + "/"):
            continue
        up = "../" * name.count("/")

        numbers = itertools.count(1)

        def store(document: str, name: str = name, up: str = up, numbers=numbers) -> str:
            file = f"{MAPS}/{name.replace('/', '-')}-{next(numbers)}.html"
            (outdir / MAPS).mkdir(exist_ok=True)
            (outdir / file).write_text(document, encoding="utf-8")
            return up + file

        text = page.read_text(encoding="utf-8")
        light = lighten(text, store, search_page=name == "search")
        if light != text:
            page.write_text(light, encoding="utf-8")
            changed.append(page)
    return changed

"""What the web page needs once for locate questions: Leaflet (never from a CDN) and styles.

Leaflet is linked under ``$COURSEKIT_ASSET_BASE`` when it is set, else inlined from
``node_modules``.
"""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import Markup

import coursekit
from coursekit.quiz.templates import asset, render

_LEAFLET = (("css", "leaflet/dist/leaflet.css"), ("js", "leaflet/dist/leaflet.js"))


def _leaflet() -> list[tuple[str, str]]:
    """TEMPORARY until the maps layout lands: ``(kind, url or text)`` of Leaflet's files."""
    base = os.environ.get("COURSEKIT_ASSET_BASE", "").rstrip("/")
    if base:
        return [(kind, f"{base}/{path}") for kind, path in _LEAFLET]
    root = Path(coursekit.__file__).resolve().parent.parent / "node_modules"
    return [(kind, (root / path).read_text(encoding="utf-8")) for kind, path in _LEAFLET]


def head() -> Markup:
    """Leaflet's style sheet and script, and ``locate.css``."""
    linked = bool(os.environ.get("COURSEKIT_ASSET_BASE"))
    files = [(kind, Markup(text) if not linked else text) for kind, text in _leaflet()]
    return Markup(
        render("locate_head.html.j2", linked=linked, files=files, css=asset("locate.css"))
    )

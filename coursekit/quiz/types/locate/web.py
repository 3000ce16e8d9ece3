"""What the web page needs once for locate questions: Leaflet (never from a CDN) and styles.

Leaflet comes as the chapter maps get it (:mod:`coursekit.leaflet`): linked under
``$COURSEKIT_ASSET_BASE`` when it is set (named in the page, loaded by ``script.js`` only when
a question's map comes near the screen or takes the focus), else inlined from ``node_modules``.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from coursekit import leaflet as assets
from coursekit.quiz.templates import inline, render


def head() -> Markup:
    """Leaflet's style sheet and script, and the type's ``style.css``."""
    linked = bool(assets.asset_base())
    files = assets.links() if linked else assets.inline()
    leaflet = [
        (kind, content if linked else Markup(content))
        for (kind, path), (_, content) in zip(assets.FILES, files, strict=True)
        if path.startswith("leaflet/")
    ]
    html = render(
        "locate/head.html.j2",
        linked=linked,
        files=leaflet,
        css=inline(Path(__file__).resolve().parent / "style.css"),
    )
    return Markup(html)

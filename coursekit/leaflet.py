"""Leaflet and its fullscreen control, for the chapter maps and the locate questions.

Linked or inlined, never from a CDN; this module imports neither folium nor matplotlib.

With ``$COURSEKIT_ASSET_BASE`` set (the web book's build sets ``../_static/vendor``), the map
pages link ``{base}/leaflet/dist/...`` and ``{base}/leaflet.fullscreen/...``. Without it
they carry the scripts and styles inline (icons as ``data:`` URIs), read from the npm
packages in ``node_modules``, found through the package (:mod:`coursekit.paths`).
"""

from __future__ import annotations

import base64
import json
import mimetypes
import os
import re
from functools import cache
from pathlib import Path

from coursekit import paths

#: Exact npm versions pinned in package.json.
LEAFLET_VERSION = "1.9.4"
FULLSCREEN_VERSION = "3.0.2"
_PACKAGES = {"leaflet": LEAFLET_VERSION, "leaflet.fullscreen": FULLSCREEN_VERSION}
#: (kind, path under node_modules), in the order the page loads them
FILES = (
    ("js", "leaflet/dist/leaflet.js"),
    ("css", "leaflet/dist/leaflet.css"),
    ("js", "leaflet.fullscreen/Control.FullScreen.js"),
    ("css", "leaflet.fullscreen/Control.FullScreen.css"),
)
_CLOSING = {"js": "</script", "css": "</style"}
_URL = re.compile(r"""url\(\s*(['"]?)([^'")#]+)\1\s*\)""")


class AssetsMissing(RuntimeError):
    """The npm packages the maps need are not installed."""


def asset_base() -> str:
    """``$COURSEKIT_ASSET_BASE`` without a trailing slash, or ``""`` when unset."""
    return os.environ.get("COURSEKIT_ASSET_BASE", "").rstrip("/")


def node_modules() -> Path:
    """Where the npm packages are (see :func:`coursekit.paths.node_modules`)."""
    return paths.node_modules()


def links() -> list[tuple[str, str]]:
    """``(kind, url)`` for each file under ``$COURSEKIT_ASSET_BASE``."""
    return [(kind, f"{asset_base()}/{path}") for kind, path in FILES]


def inline() -> list[tuple[str, str]]:
    """``(kind, text)`` for each file, read from ``node_modules``."""
    return list(_inline(node_modules().resolve()))


@cache
def _inline(root: Path) -> tuple[tuple[str, str], ...]:
    for package, version in _PACKAGES.items():
        manifest = root / package / "package.json"
        if not manifest.is_file():
            raise AssetsMissing(
                f"{package} {version} is not installed in {root}: run `make node` "
                "(or set COURSEKIT_NODE_MODULES, or COURSEKIT_ASSET_BASE to link the files)"
            )
        found = json.loads(manifest.read_text(encoding="utf-8")).get("version")
        if found != version:
            raise AssetsMissing(
                f"{manifest}: version {found}, the maps need {version}: run `make node`"
            )
    out = []
    for kind, path in FILES:
        file = root / path
        text = file.read_text(encoding="utf-8")
        if kind == "css":
            text = _URL.sub(lambda m, d=file.parent: f'url("{_data_uri(d / m.group(2))}")', text)
        if _CLOSING[kind] in text.lower():
            raise AssetsMissing(f"{file} contains {_CLOSING[kind]!r}: it cannot be inlined")
        out.append((kind, text))
    return tuple(out)


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"

"""The built web book names no outside host for anything a browser would fetch."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

#: A tag that makes the browser fetch its src/href (links to sources, <a>, are fine).
FETCHING = re.compile(
    r"<(?:script|link|img|iframe|source|audio|video|embed|object)\b[^>]*?"
    r"\b(?:src|href|data)\s*=\s*[\"']?(?:https?:)?//",
    re.IGNORECASE,
)
CSS_URL = re.compile(r"url\(\s*[\"']?(?:https?:)?//", re.IGNORECASE)
IMPORT = re.compile(r"@import\s+(?:url\()?[\"']?(?:https?:)?//", re.IGNORECASE)


def built_files(site: Path, *suffixes: str) -> list[Path]:
    return [p for p in site.rglob("*") if p.suffix in suffixes and ".jupyter_cache" not in p.parts]


def test_no_page_or_map_fetches_from_another_host(built_html: Path) -> None:
    found = []
    for path in built_files(built_html, ".html"):
        # Map pages sit escaped in srcdoc attributes: unescape once to read them too.
        text = path.read_text(encoding="utf-8")
        for body in (text, html.unescape(text)):
            found += [(path.name, m.group(0)[-120:]) for m in FETCHING.finditer(body)]
            found += [(path.name, m.group(0)) for m in CSS_URL.finditer(body)]
    assert found == []


def test_no_style_sheet_fetches_from_another_host(built_html: Path) -> None:
    found = []
    for path in built_files(built_html, ".css"):
        text = path.read_text(encoding="utf-8", errors="replace")
        matches = [*CSS_URL.finditer(text), *IMPORT.finditer(text)]
        found += [(path.name, m.group(0)) for m in matches]
    assert found == []


def test_no_cdn_or_thebe_named(built_html: Path) -> None:
    for path in built_files(built_html, ".html", ".js"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for host in ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com"):
            assert host not in text, f"{path.relative_to(built_html)} names {host}"


def test_the_map_libraries_are_in_the_book(built_html: Path) -> None:
    from coursekit.vendor import vendor_files

    for path in vendor_files():
        assert (built_html / "_static" / "vendor" / path).is_file(), path

"""The HTML book: built without warnings, one page per toc entry, nothing unrendered."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import ROOT, page_title, same_title, toc_files

from coursekit.course import CHAPTERS

pytestmark = pytest.mark.build

#: What a missing rich form prints instead of the object.
FALLBACK_REPRS = ("<folium.", "<IPython.core.display", "object at 0x", "Widget(")
LOG = ROOT / "_build" / "html-build.log"


def visible_text(page_html: str) -> str:
    """The page's text outside scripts, styles and code listings."""
    body = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page_html)
    body = re.sub(r'(?is)<div class="cell_input.*?</div>\s*</div>', " ", body)
    return html.unescape(re.sub(r"(?s)<[^>]+>", " ", body))


def test_build_log_has_no_warning(built_html: Path) -> None:
    assert LOG.exists(), "make book writes _build/html-build.log"
    log = LOG.read_text(encoding="utf-8", errors="replace")
    assert "build succeeded" in log
    warnings = [
        line for line in log.splitlines() if "WARNING:" in line and "IPKernelApp" not in line
    ]
    assert warnings == []


@pytest.mark.parametrize("page", toc_files())
def test_every_toc_entry_has_a_page_with_its_title(built_html: Path, page: str) -> None:
    path = built_html / f"{page}.html"
    assert path.exists(), f"no page for toc entry {page}"
    text = path.read_text(encoding="utf-8")
    h1 = re.search(r"(?s)<article\b.*?<h1[^>]*>(.*?)</h1>", text)
    assert h1, f"{page} has no <h1>"
    heading = html.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).replace("#", "").strip()
    assert same_title(heading, page_title(page))


def test_no_page_outside_the_toc(built_html: Path) -> None:
    pages = {
        p.relative_to(built_html).with_suffix("").as_posix()
        for p in built_html.rglob("*.html")
        if not p.relative_to(built_html).parts[0].startswith("_")
    }
    assert pages - {"genindex", "search"} == set(toc_files())


@pytest.mark.parametrize("page", toc_files())
def test_no_unrendered_object_on_the_page(built_html: Path, page: str) -> None:
    text = visible_text((built_html / f"{page}.html").read_text(encoding="utf-8"))
    for marker in FALLBACK_REPRS:
        assert marker not in text, f"{page} shows {marker!r}: an output lacks its web form"


def test_chapter_pages_are_at_most_one_megabyte(built_html: Path) -> None:
    sizes = {p.name: p.stat().st_size for p in (built_html / "chapters").glob("*.html")}
    assert len(sizes) == len(CHAPTERS)
    assert max(sizes.values()) <= 1_000_000, sizes

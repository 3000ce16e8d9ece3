"""The built site as a static host serves it: nginx with ``gzip_static on`` (and nothing
compressed on the fly), read by Chromium at a phone's size.

Every page and every file it asks for (the map frames' too, once scrolled into view) is
served, from this server only, and the text files come as their precompressed ``.gz``
twins. On first load (before any scrolling) the welcome page and each chapter transfer at
most :data:`BUDGET_KB` (issue 17).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import PHONE, close, open_page
from conftest import toc_files
from nginx import serve
from playwright.sync_api import Browser, Response

from coursekit.course import CHAPTERS
from coursekit.precompress import MIN_BYTES, SUFFIXES

pytestmark = [pytest.mark.build, pytest.mark.browser]

#: Kilobytes (1,000 bytes) a page may transfer on first load.
BUDGET_KB = 400
FIRST_LOAD = ["index", *(f"chapters/{c}" for c in CHAPTERS)]


@pytest.fixture(scope="module")
def nginx(built_html: Path) -> Iterator[str]:
    with serve(built_html, dynamic=False) as (url, _log):
        yield url


@dataclass
class Fetched:
    url: str
    status: int
    encoding: str | None
    bytes: int  # transferred: headers and (compressed) body


def fetched_of(responses: list[Response]) -> list[Fetched]:
    """What came over the network (http only: not data: or blob: URLs)."""
    fetched = []
    for response in responses:
        if urlsplit(response.url).scheme in ("http", "https"):
            sizes = response.request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            encoding = response.headers.get("content-encoding")
            fetched.append(Fetched(response.url, response.status, encoding, size))
    return fetched


def load(browser: Browser, url: str) -> tuple[list[Fetched], list[Fetched], list[str]]:
    """Open ``url`` at a phone's size, as a first visit (no cache); then bring every map
    frame into view. Return what was fetched over the network before any scrolling (the
    first load), what was fetched in all, and the errors seen."""
    page, watch = open_page(browser, viewport=PHONE, cache=False)
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    # Late requests (fonts, deferred scripts) count too: no request for 500 ms.
    page.wait_for_load_state("networkidle")
    first = len(responses)
    frames = page.locator("figure.coursekit-map iframe")
    for index in range(frames.count()):
        frames.nth(index).scroll_into_view_if_needed()
        page.wait_for_function(
            "f => f.contentDocument && f.contentDocument.querySelector('.leaflet-container')",
            arg=frames.nth(index).element_handle(),
            timeout=15_000,
        )
    for frame in page.frames:  # each map frame's own requests, until none for 500 ms
        frame.wait_for_load_state("networkidle")
    errors = watch.blocked + watch.page_errors + watch.console_errors
    fetched = fetched_of(responses)
    first_load = fetched_of(responses[:first])
    close(page)
    return first_load, fetched, errors


@pytest.mark.parametrize("name", [*toc_files(), "genindex", "search"])
def test_every_page_and_file_is_served_compressed_from_here(
    browser: Browser, nginx: str, built_html: Path, name: str
) -> None:
    """Every page and every file it asks for; the welcome page and each chapter also within
    the budget on first load (one load of the page: before, then after scrolling)."""
    first_load, fetched, errors = load(browser, f"{nginx}{name}.html")
    assert errors == []
    origin = urlsplit(nginx).netloc
    assert fetched, "nothing was fetched"
    assert [r.url for r in fetched if urlsplit(r.url).netloc != origin] == []
    assert [(r.url, r.status) for r in fetched if r.status not in (200, 304)] == []
    plain = []
    for response in fetched:
        path = built_html / urlsplit(response.url).path.lstrip("/")
        if path.suffix in SUFFIXES and path.stat().st_size >= MIN_BYTES:
            if response.encoding != "gzip":
                plain.append(response.url)
    assert plain == [], "sent uncompressed"
    if name in FIRST_LOAD:
        within_budget(first_load)


def within_budget(first_load: list[Fetched]) -> None:
    total = sum(f.bytes for f in first_load)
    biggest = sorted(((f.bytes, f.url) for f in first_load), reverse=True)[:5]
    assert total <= BUDGET_KB * 1000, f"first load: {total / 1000:.0f} KB; largest: {biggest}"
    assert total > 20_000  # the page, its style sheets and scripts were counted
    assert not any(f.url.endswith((".pdf", ".ipynb")) for f in first_load)


def test_every_first_load_page_is_served() -> None:
    """The pages with a first-load budget are among the pages served above."""
    assert set(FIRST_LOAD) <= set(toc_files())

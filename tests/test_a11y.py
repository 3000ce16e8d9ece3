"""axe-core over every page of the built web book and inside every map iframe, in the
theme's light and dark modes: no critical, serious or moderate violation of ours."""

from __future__ import annotations

import pytest
from axe import axe_page, counts
from browser import open_page
from conftest import toc_files
from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.build]

PAGES = [*toc_files(), "genindex", "search"]
#: Violations that sit in the theme and cannot be fixed from configuration or our own
#: CSS/JS, by rule id, with the reason. Keep this list short.
THEME_EXCEPTIONS: dict[str, str] = {}


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_nothing_serious(browser: Browser, book_url: str, name: str, mode: str) -> None:
    page, watch = open_page(browser, mode=mode)
    page.goto(f"{book_url}/{name}.html", wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    if page.locator("figure.coursekit-map iframe").count():
        from map_page import map_frame

        map_frame(page)
    page.wait_for_timeout(300)
    assert watch.console_errors == [] and watch.page_errors == [] and watch.blocked == []
    violations = [v for v in axe_page(page, name) if v.rule not in THEME_EXCEPTIONS]
    frames = len(page.frames) - 1
    page.context.close()
    serious = [str(v) for v in violations if v.impact in ("critical", "serious", "moderate")]
    assert serious == [], f"{counts(violations)} over the page and {frames} frame(s)"

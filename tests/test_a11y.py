"""Every page of the built web book in Chromium: it loads cleanly, offline (no error, no
request to another host), with its title and heading; and axe-core, over the page and
inside every map iframe, in the theme's light and dark modes, finds no critical, serious or
moderate violation of ours.

Each page is opened once for all of this: in dark mode (stored by an earlier visit, as the
theme keeps it), then switched to light with the theme's own button, as a reader does; axe
runs in each. The map frames have no colour modes (a test below makes sure): axe reads them
in the first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe import axe_page, counts
from browser import close, open_page
from conftest import page_title, same_title, toc_files
from playwright.sync_api import Browser, Page, Response

pytestmark = [pytest.mark.browser, pytest.mark.build]

TOC = toc_files()
PAGES = [*TOC, "genindex", "search"]
MODES = ("dark", "light")
#: Violations that sit in the theme and cannot be fixed from configuration or our own
#: CSS/JS, by rule id, with the reason. Keep this list short.
THEME_EXCEPTIONS: dict[str, str] = {}


def switch_to(page: Page, mode: str) -> None:
    """Press the theme's colour-mode button (it cycles through the modes) until ``mode``."""
    page.emulate_media(color_scheme=mode)
    for _ in range(3):
        if page.evaluate("document.documentElement.dataset.theme") == mode:
            return
        page.evaluate("document.querySelector('.theme-switch-button').click()")
    raise AssertionError(f"the theme's button never gave {mode} mode")


def loads_cleanly(page: Page, name: str, response: Response | None) -> None:
    """The page came, and (a page of the table of contents) shows its source's title in the
    window's title and as its visible heading."""
    assert response is not None and response.ok
    if name in TOC:
        title = page_title(name)
        assert same_title(page.title().split(" \u2014 ")[0], title)
        heading = page.locator("main article h1").first
        assert heading.is_visible()
        assert same_title(heading.inner_text(), title)


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly_and_axe_finds_nothing_serious(
    browser: Browser, book_url: str, name: str
) -> None:
    page, watch = open_page(browser, mode="dark")
    response = page.goto(f"{book_url}/{name}.html", wait_until="load")
    loads_cleanly(page, name, response)
    # The stored mode is applied when the page loads.
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    if page.locator("figure.coursekit-map iframe").count():
        from map_page import map_frame

        map_frame(page)
    page.wait_for_timeout(300)
    assert watch.console_errors == [] and watch.page_errors == [] and watch.blocked == []
    serious: dict[str, list[str]] = {}
    for mode in MODES:
        # axe's own reading of the style sheets may log a request it got wrong: the page's
        # errors are checked before each run, and switching modes must add none.
        seen = (list(watch.console_errors), list(watch.page_errors), list(watch.blocked))
        switch_to(page, mode)
        # The theme fades colours from one mode to the other: axe reads them once it is done.
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        assert (watch.console_errors, watch.page_errors, watch.blocked) == seen
        # The map frames look the same in both modes (test below): axe reads them once.
        found = axe_page(page, name, frames=mode == MODES[0])
        violations = [v for v in found if v.rule not in THEME_EXCEPTIONS]
        serious[mode] = [
            str(v) for v in violations if v.impact in ("critical", "serious", "moderate")
        ]
        if serious[mode]:
            serious[mode].insert(0, f"{counts(violations)} over the page and its frames")
    close(page)
    assert serious == {mode: [] for mode in MODES}


#: What would make a map document change with the colour mode.
MODE_HOOKS = re.compile(r"prefers-color-scheme|data-theme|matchMedia")


def test_map_frames_have_no_colour_modes(built_html: Path) -> None:
    """No map document, nor a file it loads, styles anything by colour mode (the theme's
    switch does not reach into a frame either), so axe reads each frame in one mode only."""
    documents = sorted((built_html / "_maps").glob("*.html"))
    assert documents
    for document in documents:
        text = document.read_text(encoding="utf-8")
        loaded = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', text)  # style and scripts
        files = [document, *((document.parent / link).resolve() for link in loaded)]
        assert all(file.is_file() for file in files), loaded
        hooks = {file.name: MODE_HOOKS.findall(file.read_text(encoding="utf-8")) for file in files}
        assert {name: found for name, found in hooks.items() if found} == {}, document.name

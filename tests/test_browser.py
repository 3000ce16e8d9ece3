"""The web book in Chromium: every page loads cleanly, offline, with its heading visible."""

from __future__ import annotations

import pytest
from browser import close, open_page
from conftest import page_title, same_title, toc_files
from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.mark.parametrize("page_name", toc_files())
def test_page_loads_without_errors(browser: Browser, book_url: str, page_name: str) -> None:
    page, watch = open_page(browser)
    response = page.goto(f"{book_url}/{page_name}.html", wait_until="load")
    assert response is not None and response.ok
    page.wait_for_timeout(300)
    title = page_title(page_name)
    assert same_title(page.title().split(" \u2014 ")[0], title)
    heading = page.locator("main article h1").first
    assert heading.is_visible()
    assert same_title(heading.inner_text(), title)
    assert watch.page_errors == []
    assert watch.console_errors == []
    assert watch.blocked == [], f"requests to other hosts: {watch.blocked}"
    close(page)

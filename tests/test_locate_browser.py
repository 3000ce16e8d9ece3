"""Locate questions on the built chapter pages, in Chromium, offline: Leaflet waits until
the question comes near, and one question is answered with the keyboard alone. Each
chapter's locate question is answered with the mouse (a wrong spot, then the right one) on
the chapter's load in ``tests/test_book_browser.py`` (``locate_page.wrong_then_right``)."""

from __future__ import annotations

import pytest
from browser import close, open_page
from locate_page import feedback, locate_question, pixel, python_says, question_box, recorded
from playwright.sync_api import Browser, Locator, Page

from coursekit.quiz.model import Question

pytestmark = [pytest.mark.browser, pytest.mark.build]


def open_question(browser: Browser, book_url: str, chapter: str, question: Question):
    page, watch = open_page(browser)
    page.goto(f"{book_url}/chapters/{chapter}.html", wait_until="load")
    page.locator(f'.ck-quiz[data-chapter="{chapter}"][data-ck-ready]').wait_for()
    return page, watch, question_box(page, question)


def test_leaflet_waits_for_the_question(browser: Browser, book_url: str) -> None:
    """Leaflet is not loaded with the page, only when the locate question comes near."""
    chapter = "01_visit"
    question = locate_question(chapter)
    page, watch = open_page(browser, fresh=True)  # a cold cache: every request is seen
    fetched: list[str] = []
    page.on(  # the page's own requests (a chapter map's frame loads its own Leaflet)
        "request", lambda r: fetched.append(r.url) if r.frame == page.main_frame else None
    )
    page.goto(f"{book_url}/chapters/{chapter}.html", wait_until="load")
    page.locator(f'.ck-quiz[data-chapter="{chapter}"][data-ck-ready]').wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.L") == "undefined"
    assert not [url for url in fetched if "leaflet" in url]
    question_box(page, question)
    assert [url for url in fetched if url.endswith("leaflet/dist/leaflet.js")]
    assert watch.page_errors == [] and watch.console_errors == [] and watch.blocked == []
    close(page)


def arrow_keys(page: Page, el: Locator, lat: float, lon: float) -> None:
    """Move the cross-hair to (lat, lon) with the arrow keys: 10 px steps, Shift for 2 px."""
    for _ in range(60):
        cross = el.evaluate(
            "e => { const m = e.querySelector('.ck-locate-map').ckMap;"
            " let c = null; m.eachLayer(l => { if (l.options.icon &&"
            " l.options.icon.options.className === 'ck-crosshair') c = l; });"
            " const p = m.latLngToContainerPoint(c.getLatLng()); return [p.x, p.y]; }"
        )
        goal = pixel(el, lat, lon)
        dx, dy = goal["x"] - cross[0], goal["y"] - cross[1]
        if abs(dx) < 2 and abs(dy) < 2:
            return
        key = (
            ("ArrowRight" if dx > 0 else "ArrowLeft")
            if abs(dx) >= abs(dy)
            else ("ArrowDown" if dy > 0 else "ArrowUp")
        )
        page.keyboard.press(f"Shift+{key}" if max(abs(dx), abs(dy)) < 10 else key)
    raise AssertionError("the cross-hair did not reach the spot")


def test_keyboard_alone(browser: Browser, book_url: str) -> None:
    chapter = "03_history"
    question = locate_question(chapter)
    page, watch, el = open_question(browser, book_url, chapter, question)
    # Tab from the Check button of the question before into the map.
    previous = el.locator("xpath=preceding-sibling::div[contains(@class,'ck-question')][1]")
    previous.locator("button.ck-check").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if el.locator(".ck-locate-map").evaluate("m => m === document.activeElement"):
            break
    else:
        raise AssertionError("Tab does not reach the map")
    assert el.locator(".ck-crosshair").is_visible()
    position = el.locator(".ck-locate-pos")
    before = position.inner_text()
    page.keyboard.press("ArrowLeft")
    assert position.inner_text() != before and "Cross-hair:" in position.inner_text()

    for _ in range(20):  # 200 px west of the middle: in Armenia, outside the area
        page.keyboard.press("ArrowLeft")
    page.keyboard.press("Enter")
    shown = feedback(el)
    assert shown[0] == "✗ Incorrect." and "km outside the area" in shown[-1], shown
    assert el.locator(".ck-feedback").get_attribute("aria-live") == "polite"
    # Try again, from the keyboard: the focus goes back to the map.
    el.locator("button.ck-retry").focus()
    page.keyboard.press("Enter")
    assert el.locator(".ck-locate-map").evaluate("m => m === document.activeElement")
    spot = question.answer.target.spot
    arrow_keys(page, el, spot.lat, spot.lon)
    page.keyboard.press("Enter")
    shown = feedback(el)
    assert shown[0] == "✓ Correct.", shown
    assert shown == python_says(question, recorded(el))
    assert (
        page.locator(f'.ck-quiz[data-chapter="{chapter}"] .ck-score')
        .inner_text()
        .startswith("Score: 1 /")
    )
    assert watch.page_errors == [] and watch.console_errors == []
    close(page)

"""Locate questions on the built chapter pages, in Chromium: mouse and keyboard, offline.

Each chapter's locate question is answered by clicking a wrong spot, then (after Try
again) the right one; the page's feedback must equal what the Python grader says about
the very point the page recorded. One question is answered with the keyboard alone.
"""

from __future__ import annotations

import pytest
from browser import close, open_page
from playwright.sync_api import Browser, Locator, Page

from coursekit import load, quiz
from coursekit.course import CHAPTERS
from coursekit.quiz.model import Question

pytestmark = [pytest.mark.browser, pytest.mark.build]


def locate_question(chapter: str) -> Question:
    bank = load(f"quizzes/{chapter}.yml")
    return next(q for q in bank.questions if q.type == "locate")


def open_question(browser: Browser, book_url: str, chapter: str, question: Question):
    page, watch = open_page(browser)
    page.goto(f"{book_url}/chapters/{chapter}.html", wait_until="load")
    page.locator(f'.ck-quiz[data-chapter="{chapter}"][data-ck-ready]').wait_for()
    el = page.locator(f'.ck-question[data-qid="{question.id}"]')
    el.scroll_into_view_if_needed()  # the map (and Leaflet) loads when it comes near
    el.locator(".ck-locate-map.leaflet-container").wait_for()
    return page, watch, el


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
    el = page.locator(f'.ck-question[data-qid="{question.id}"]')
    el.scroll_into_view_if_needed()
    el.locator(".ck-locate-map.leaflet-container").wait_for()
    assert [url for url in fetched if url.endswith("leaflet/dist/leaflet.js")]
    assert watch.page_errors == [] and watch.console_errors == [] and watch.blocked == []
    close(page)


def pixel(el: Locator, lat: float, lon: float) -> dict[str, float]:
    """Where (lat, lon) is drawn in the question's map, in the map's own pixels."""
    x, y = el.locator(".ck-locate-map").evaluate(
        "(m, p) => { const q = m.ckMap.latLngToContainerPoint(p); return [q.x, q.y]; }",
        [lat, lon],
    )
    return {"x": x, "y": y}


def recorded(el: Locator) -> dict[str, float]:
    """The point the page graded."""
    return el.evaluate("e => e.ckLocate.point")


def feedback(el: Locator) -> list[str]:
    return [p.strip() for p in el.locator(".ck-feedback p").all_inner_texts()]


def python_says(question: Question, point: dict[str, float]) -> list[str]:
    result = quiz.grade(question, point)
    return [result.message, result.explanation, *result.feedback]


def wrong_spot(question: Question) -> tuple[float, float]:
    spot = next(s for s in question.answer.letters if s.id != question.answer.target.id)
    return spot.lat, spot.lon


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_click_wrong_then_right(browser: Browser, book_url: str, chapter: str) -> None:
    question = locate_question(chapter)
    page, watch, el = open_question(browser, book_url, chapter, question)
    the_map = el.locator(".ck-locate-map")

    the_map.click(position=pixel(el, *wrong_spot(question)))
    shown = feedback(el)
    assert shown[0] == "✗ Incorrect." and " km " in shown[-1], shown
    assert shown == python_says(question, recorded(el))  # the same rule, the same words
    # The target is now drawn and named on the map.
    assert el.locator(".ck-locate-label", has_text="The answer:").count() == 1

    el.locator("button.ck-retry").click()
    assert feedback(el) == [] and el.locator(".ck-locate-label").count() == len(
        question.answer.landmarks
    )
    spot = question.answer.target.spot
    the_map.click(position=pixel(el, spot.lat, spot.lon))
    shown = feedback(el)
    assert shown[0] == "✓ Correct.", shown
    assert shown == python_says(question, recorded(el))
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

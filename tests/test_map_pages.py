"""The maps in the built web book, on a desktop and a phone: the map documents are
accessible, the first view shows every layer, labels stay apart, the title stays small,
the view never leaves the country outlines, markers work from the keyboard. Screenshots
for a reviewer go to ``_build/screenshots/``."""

from __future__ import annotations

import re

import pytest
from browser import DESKTOP, PHONE, close, open_page
from conftest import ROOT
from map_page import first_view, map_frame, overlapping
from playwright.sync_api import Browser, Frame, Page

from coursekit.course import CHAPTERS

pytestmark = [pytest.mark.browser, pytest.mark.build]

SCREENSHOTS = ROOT / "_build" / "screenshots"
SIZES = {"desktop": DESKTOP, "phone": PHONE}


def open_map(browser: Browser, book_url: str, chapter: str, size: str, mode: str = "light"):
    page, watch = open_page(browser, viewport=SIZES[size], mode=mode)
    page.goto(f"{book_url}/chapters/{chapter}.html", wait_until="load")
    return page, watch, map_frame(page)


def document_is_accessible(page: Page, frame: Frame) -> None:
    """The map document has a language, a title (in the figure's caption), a zoomable
    viewport, one main and one heading, and markers named as buttons."""
    assert frame.evaluate("document.documentElement.lang") == "en"
    caption = page.locator("figure.coursekit-map figcaption").first.inner_text()
    assert frame.title().strip() and frame.title() in caption
    viewport = frame.locator('meta[name="viewport"]').get_attribute("content")
    assert not re.search(r"user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b", viewport)
    assert frame.locator("main").count() == 1 and frame.locator("h1").count() == 1
    markers = frame.locator(".leaflet-marker-icon")
    assert markers.count() > 0
    for index in range(markers.count()):
        marker = markers.nth(index)
        assert marker.get_attribute("role") == "button"
        assert (marker.get_attribute("aria-label") or "").strip(), f"marker {index} unnamed"


def test_markers_from_the_keyboard(browser: Browser, book_url: str) -> None:
    """Tab from the map reaches a marker; Enter opens its popup with its text."""
    page, watch, frame = open_map(browser, book_url, "03_history", "desktop")
    frame.locator(".leaflet-container").focus()
    name = ""
    for _ in range(40):
        page.keyboard.press("Tab")
        name = frame.evaluate(
            "() => document.activeElement.classList.contains('leaflet-marker-icon')"
            " ? document.activeElement.getAttribute('aria-label') : ''"
        )
        if name:
            break
    assert name, "Tab never reached a marker"
    page.keyboard.press("Enter")
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    assert name in popup.inner_text()
    close(page)


def the_first_view(frame: Frame, size: str) -> None:
    """Every layer shows, labels stay apart and on the map, the title stays small."""
    view = first_view(frame)
    # Every layer switched on at first has something on screen, big enough to see.
    on = [layer for layer in view["layers"] if layer["checked"]]
    assert on and all(layer["shown"] for layer in on), view["layers"]
    # A layer off at first shows in the same view when the reader switches it on.
    frame.evaluate(
        "() => document.querySelectorAll('.leaflet-control-layers-overlays input')"
        ".forEach(i => { if (!i.checked) i.click(); })"
    )
    switched = first_view(frame)["layers"]
    assert all(layer["checked"] and layer["shown"] for layer in switched), switched
    frame.evaluate(
        "first => document.querySelectorAll('.leaflet-control-layers-overlays input')"
        ".forEach((i, n) => { if (i.checked !== first[n]) i.click(); })",
        [layer["checked"] for layer in view["layers"]],
    )
    # Permanent labels do not overlap, and stay on the map.
    boxes = [label["box"] for label in view["labels"]]
    assert len(boxes) >= 3
    assert overlapping(boxes) == [], [label["text"] for label in view["labels"]]
    width, height = view["size"]
    for left, top, right, bottom in boxes:
        assert left >= 0 and top >= 0 and right <= width and bottom <= height
    # The title is a box over the map, not a third of it; on a phone, one line.
    title_w, title_h = view["title"]
    assert title_w * title_h <= 0.08 * width * height
    if size == "phone":
        assert title_h <= 24


def inside(view: list[float], land: list[float], slack: float) -> bool:
    south, west, north, east = view
    return (
        south >= land[0] - slack
        and west >= land[1] - slack
        and north <= land[2] + slack
        and east <= land[3] + slack
    )


def furthest_views(frame: Frame) -> list[list[float]]:
    """The view zoomed out as far as allowed, then pushed to each corner."""
    return frame.evaluate(
        """() => {
            const map = Object.values(window).find(v => v instanceof L.Map);
            const views = [];
            map.setZoom(map.getMinZoom(), {animate: false});
            for (const [dx, dy] of [[-5000, -5000], [5000, -5000], [5000, 5000], [-5000, 5000]]) {
                map.panBy([dx, dy], {animate: false});
                const b = map.getBounds();
                views.push([b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]);
            }
            return views;
        }"""
    )


def no_cut_edge_of_the_outlines_shows(frame: Frame) -> None:
    """The outlines are clipped to a box: no view the map allows reaches past it (this
    zooms and pans the map: run it last)."""
    view = first_view(frame)
    assert view["land"] is not None
    pixel = (view["view"][3] - view["view"][1]) / view["size"][0]  # Leaflet rounds to pixels
    assert inside(view["view"], view["land"], pixel), view
    for corner in furthest_views(frame):
        two_pixels = 2 * (corner[3] - corner[1]) / view["size"][0]
        assert inside(corner, view["land"], two_pixels), (corner, view["land"])


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_map(browser: Browser, book_url: str, chapter: str, size: str) -> None:
    """One load of the chapter's map per screen size: its document is accessible (checked
    on the desktop), its first view, then the furthest views it allows."""
    page, watch, frame = open_map(browser, book_url, chapter, size)
    if size == "desktop":
        document_is_accessible(page, frame)
    the_first_view(frame, size)
    no_cut_edge_of_the_outlines_shows(frame)
    assert watch.console_errors == [] and watch.page_errors == [] and watch.blocked == []
    close(page)


def test_the_kursk_area_is_ringed_on_a_phone(browser: Browser, book_url: str) -> None:
    """Chapter 1's Kursk incursion area is a few pixels across at first on a phone: a ring
    shows where it is (and the first-view test counts it as shown)."""
    page, watch, frame = open_map(browser, book_url, "01_visit", "phone")
    rings = frame.locator("path.ck-ring")
    assert rings.count() >= 1
    assert any(
        float(rings.nth(i).get_attribute("stroke-opacity") or 0) == 1.0
        for i in range(rings.count())
    )
    close(page)


@pytest.mark.parametrize(
    ("size", "mode"), [("desktop", "light"), ("phone", "light"), ("desktop", "dark")]
)
def test_screenshots_for_a_reviewer(browser: Browser, book_url: str, size: str, mode: str) -> None:
    """Chapter 1's map and its quiz (one question checked), from one load, into
    _build/screenshots."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page, watch, frame = open_map(browser, book_url, "01_visit", size, mode)
    page.locator("figure.coursekit-map").first.screenshot(
        path=SCREENSHOTS / f"map-{size}-{mode}.png"
    )
    quiz = page.locator(".ck-quiz[data-ck-ready]").first
    question = quiz.locator(".ck-question:has(input[type=radio])").first
    question.locator("input[type=radio]").first.check()
    question.locator("button.ck-check").click()
    question.locator(".ck-feedback .ck-verdict").wait_for()
    # From the top of the page, so that the theme's sticky header stays out of the picture.
    page.evaluate("window.scrollTo(0, 0); document.activeElement.blur()")
    top, end = quiz.bounding_box(), question.bounding_box()
    page.screenshot(
        path=SCREENSHOTS / f"quiz-{size}-{mode}.png",
        full_page=True,
        clip={
            "x": top["x"],
            "y": top["y"],
            "width": top["width"],
            "height": end["y"] + end["height"] - top["y"] + 8,
        },
    )
    for name in (f"map-{size}-{mode}.png", f"quiz-{size}-{mode}.png"):
        assert (SCREENSHOTS / name).stat().st_size > 10_000
    assert watch.console_errors == [] and watch.page_errors == [] and watch.blocked == []
    close(page)

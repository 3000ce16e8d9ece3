"""A locate question on a built chapter page: where a point is drawn, what the page
recorded and said, and what the Python grader says about the same point."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from coursekit import quiz
from coursekit.quiz.model import Question


def locate_question(chapter: str) -> Question:
    return next(q for q in quiz.load_bank(chapter).questions if q.type == "locate")


def question_box(page: Page, question: Question) -> Locator:
    """The question on the page, scrolled to; its map (and Leaflet) loads when it comes
    near: returns once the map is there."""
    el = page.locator(f'.ck-question[data-qid="{question.id}"]')
    el.scroll_into_view_if_needed()
    el.locator(".ck-locate-map.leaflet-container").wait_for()
    return el


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


def wrong_then_right(page: Page, chapter: str) -> None:
    """The chapter's locate question (on a loaded page): its map loads when it comes near; a
    click on a wrong spot, Try again, a click on the right one; each time the page says
    what the Python grader says about the very point it recorded."""
    question = locate_question(chapter)
    el = question_box(page, question)
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

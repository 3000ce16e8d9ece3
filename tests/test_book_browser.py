"""The built web book in Chromium, served and opened from disk, with every request to
another host aborted: every chapter folds its code away (reader view), its map draws, and
its quiz grades, the locate question too."""

from __future__ import annotations

import functools
import re

import locate_page
import pytest
from browser import close, open_page
from conftest import ROOT, code_cells, squash
from map_page import map_frame
from playwright.sync_api import Browser, Page

from coursekit import load, maps
from coursekit.course import CHAPTERS
from coursekit.maps.chapters import CHAPTER_MAPS
from coursekit.quiz import Question
from coursekit.quiz.types import REGISTRY

pytestmark = [pytest.mark.browser, pytest.mark.build]


@functools.cache
def drawn(chapter: str) -> tuple[dict[str, int], str]:
    """What the chapter's map draws (its paths and markers) and its title, from Python:
    made once for the two ways the chapter is opened."""
    expected = getattr(maps, CHAPTER_MAPS[chapter])()
    return expected.counts(), expected.title


def map_draws(page: Page, book_base: str, chapter: str) -> None:
    """The chapter's map: every path and marker, its controls, a legend that opens from
    the keyboard, its title in the caption, Leaflet from the book itself."""
    counts, title = drawn(chapter)
    frame = map_frame(page)
    assert frame.locator("path.leaflet-interactive").count() == counts["paths"]
    assert frame.locator(".leaflet-marker-icon").count() == counts["markers"]
    assert frame.locator(".leaflet-control-layers").count() == 1
    assert frame.locator(".leaflet-control-scale").count() == 1
    # The legend opens from the keyboard and names every symbol in words.
    frame.locator(".ck-legend summary").focus()
    frame.locator(".ck-legend summary").press("Enter")
    legend = frame.locator(".ck-legend li")
    assert legend.first.is_visible() and legend.count() >= 3
    # The text alternative sits outside the iframe, for screen readers and without JavaScript.
    caption = page.locator("figure.coursekit-map figcaption").first.inner_text()
    assert title in caption
    # Leaflet comes from the book itself (copied from node_modules at build time).
    scripts = frame.evaluate("() => [...document.scripts].map(s => s.src).filter(Boolean)")
    assert any(s.startswith(f"{book_base}/_static/vendor/leaflet/") for s in scripts), scripts
    assert frame.evaluate("typeof L.Control.FullScreen") == "function"


def first_single_question(chapter: str) -> Question:
    return first_choice_question(chapter, ("single",))


CHOICE = ("single", "multiple")


def first_choice_question(chapter: str, types: tuple[str, ...] = CHOICE) -> Question:
    """The chapter's first question of one of ``types`` (every bank has a choice question)."""
    bank = load(f"quizzes/{chapter}.yml")
    for question in bank.questions:
        if question.type in types:
            return question
    raise AssertionError(f"{chapter} has no question of type {' or '.join(types)}")


def option_texts(question: Question) -> list[str]:
    return [option.text for option in question.options]


def open_quiz(browser: Browser, book_url: str, chapter: str):
    page, watch = open_page(browser)
    page.goto(f"{book_url}/chapters/{chapter}.html", wait_until="load")
    quiz = page.locator(f'.ck-quiz[data-chapter="{chapter}"][data-ck-ready]')
    quiz.wait_for()
    return page, watch, quiz


def quiz_grades(page: Page, chapter: str) -> None:
    """The first choice question: nothing of the answer readable before checking, then a
    wrong answer and the right one graded, with the score."""
    q = first_choice_question(chapter)
    right = REGISTRY[q.type].answer_texts(q)
    wrong = next(t for t in option_texts(q) if t not in right)
    quiz = page.locator(f'.ck-quiz[data-chapter="{chapter}"][data-ck-ready]')
    quiz.wait_for()
    # Nothing of the answer is readable before checking.
    assert q.explanation not in page.content()
    question = quiz.locator(f'.ck-question[data-qid="{q.id}"]')
    score = quiz.locator(".ck-score")
    before = score.inner_text()
    assert re.fullmatch(r"Score: 0 / \d+", before)
    question.get_by_label(wrong, exact=True).check()
    question.locator("button.ck-check").click()
    feedback = question.locator(".ck-feedback")
    assert "Incorrect" in feedback.inner_text()
    assert q.explanation.split("\n")[0][:40] in feedback.inner_text()
    assert score.inner_text() == before
    if q.type == "multiple":
        question.get_by_label(wrong, exact=True).uncheck()
    for text in right:
        question.get_by_label(text, exact=True).check()
    question.locator("button.ck-check").click()
    assert "✓ Correct." in feedback.inner_text()
    assert score.inner_text() == before.replace("Score: 0", "Score: 1")


def code_stays_folded(page: Page, chapter: str) -> None:
    """Reader view: no code shows (nor can be read) until the reader asks; the outputs
    show; one toggle unfolds that cell's code and no other."""
    sources = code_cells(ROOT / "chapters" / f"{chapter}.ipynb")
    inputs = page.locator("main .cell .cell_input")
    assert inputs.count() == len(sources)
    for index in range(inputs.count()):
        assert not inputs.nth(index).is_visible(), f"code cell {index + 1} shows its source"
    body = page.locator("main article").inner_text()
    for source in sources:
        for line in source.splitlines():
            if len(squash(line)) >= 10:
                assert line.strip() not in body, f"{line!r} is readable on the page"
    # The outputs show: the objectives, the map and the quiz.
    assert page.locator("figure.coursekit-map").first.is_visible()
    assert page.locator(f'.ck-quiz[data-chapter="{chapter}"]').is_visible()
    # The reader asks: one toggle shows that cell's code, and the others stay folded.
    toggle = page.locator("main details.hide.above-input > summary")
    assert toggle.count() == len(sources)
    map_cell = next(i for i, s in enumerate(sources) if s.startswith("maps."))
    toggle.nth(map_cell).click()
    assert inputs.nth(map_cell).is_visible()
    assert sources[map_cell] in inputs.nth(map_cell).inner_text()
    assert not inputs.nth((map_cell + 1) % len(sources)).is_visible()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_quiz_grades_and_map_draws_offline(
    browser: Browser, book_base: str, chapter: str
) -> None:
    """One load of each chapter, served and from disk: its code stays folded (reader view),
    its quiz grades, its map draws, its locate question grades clicks."""
    page, watch = open_page(browser)
    page.goto(f"{book_base}/chapters/{chapter}.html", wait_until="load")
    code_stays_folded(page, chapter)
    quiz_grades(page, chapter)
    map_draws(page, book_base, chapter)
    locate_page.wrong_then_right(page, chapter)
    assert watch.blocked == [], f"requests to other hosts: {watch.blocked}"
    assert watch.page_errors == [] and watch.console_errors == []
    close(page)


def test_chapter_quiz_with_the_keyboard_only(browser: Browser, book_url: str) -> None:
    chapter = "01_visit"
    q = first_single_question(chapter)
    options = option_texts(q)
    page, watch, quiz = open_quiz(browser, book_url, chapter)
    question = quiz.locator(f'.ck-question[data-qid="{q.id}"]')
    question.locator("input").first.focus()
    # Arrow keys move through a radio group and select; Tab reaches Check; Enter presses it.
    page.keyboard.press("Space")
    selected = 0
    while options[selected] == q.answer:
        page.keyboard.press("ArrowDown")
        selected += 1
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    feedback = question.locator(".ck-feedback")
    assert "✗ Incorrect." in feedback.inner_text()
    page.keyboard.press("Shift+Tab")
    target = options.index(q.answer)
    key = "ArrowDown" if target > selected else "ArrowUp"
    for _ in range(abs(target - selected)):
        page.keyboard.press(key)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert "✓ Correct." in feedback.inner_text()
    assert quiz.locator(".ck-score").inner_text().startswith("Score: 1 /")
    assert watch.page_errors == [] and watch.console_errors == []
    close(page)


def test_the_book_opens_from_disk(browser: Browser, built_html) -> None:
    """index.html from file://: the welcome page, then chapter 1 by its link, map drawn."""
    page, watch = open_page(browser)
    page.goto((built_html / "index.html").as_uri(), wait_until="load")
    assert page.locator("main article h1").first.is_visible()
    page.locator("nav.bd-docs-nav a[href='chapters/01_visit.html']").first.click()
    page.wait_for_url("**/chapters/01_visit.html")
    frame = map_frame(page)
    assert frame.locator(".leaflet-marker-icon").count() > 0
    assert watch.page_errors == [] and watch.console_errors == [] and watch.blocked == []
    close(page)

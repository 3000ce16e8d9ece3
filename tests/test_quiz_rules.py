"""One grading rule set: the same answers through the Python grader and through quiz.js.

Every answer of the table is given as a reader enters it in a form (an option's index, the
text typed, the position chosen for each item as shown); it is graded by
``coursekit.quiz.grade`` and, in Chromium, by ``assets/quiz.js`` after a click on Check.
Both must agree on validity, correctness, message, explanation and option feedback.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser import open_page, serve
from playwright.sync_api import Browser, Locator, Page
from quiz_page import FIXTURES, write_demo_page

from coursekit import data, quiz
from coursekit.quiz.rules import rule_set
from coursekit.quiz.types.locate.geometry import sphere

pytestmark = pytest.mark.browser

BANKS = {name: data.load(FIXTURES / f"{name}.yml", kind="quiz") for name in ("demo", "xss")}
#: ordering: the demo items as shown are "Wreath", "arrives", "previous visit"
RIGHT_ORDER = ["3", "2", "1"]
#: locate: Lachin (25 km tolerance); a point exactly 25 km east of it; the NKAO's first corner
_LACHIN = (39.6374, 46.5498)
_EAST_25 = sphere().fwd(_LACHIN[1], _LACHIN[0], 90, 25_000)
LACHIN_EDGE = {"lat": _EAST_25[1], "lon": _EAST_25[0]}
_CORNER = next(q for q in BANKS["demo"].questions if q.id == "demo-locate-area").answer
NKAO_CORNER = dict(zip(("lon", "lat"), _CORNER.target.geometry.exterior.coords[0], strict=True))

#: (chapter, question id, the answer as entered in the form)
TABLE: list[tuple[str, str, Any]] = [
    ("demo", "demo-single", 0),
    ("demo", "demo-single", 1),
    ("demo", "demo-single", 2),
    ("demo", "demo-single", None),
    ("demo", "demo-multiple", [0, 1]),
    ("demo", "demo-multiple", [1, 0]),
    ("demo", "demo-multiple", [0]),
    ("demo", "demo-multiple", [0, 1, 2]),
    ("demo", "demo-multiple", [2]),
    ("demo", "demo-multiple", []),
    ("demo", "demo-truefalse", True),
    ("demo", "demo-truefalse", False),
    ("demo", "demo-truefalse", None),
    ("demo", "demo-numeric", "4"),
    ("demo", "demo-numeric", " 4.0 "),
    ("demo", "demo-numeric", "+4"),
    ("demo", "demo-numeric", "4."),
    ("demo", "demo-numeric", ".4e1"),
    ("demo", "demo-numeric", "5"),
    ("demo", "demo-numeric", "4.0000000001"),
    ("demo", "demo-numeric", "-4"),
    ("demo", "demo-numeric", ""),
    ("demo", "demo-numeric", "   "),
    ("demo", "demo-numeric", "four"),
    ("demo", "demo-numeric", "4,0"),
    ("demo", "demo-numeric", "1e999"),
    ("demo", "demo-numeric", "NaN"),
    ("demo", "demo-numeric", "0x4"),
    ("demo", "demo-numeric", "4 billion"),
    ("xss", "xss-numeric", "4.5"),
    ("xss", "xss-numeric", "3.5"),
    ("xss", "xss-numeric", "4.51"),
    ("xss", "xss-numeric", "<b>4</b>"),
    ("demo", "demo-ordering", RIGHT_ORDER),
    ("demo", "demo-ordering", ["1", "2", "3"]),
    ("demo", "demo-ordering", ["2", "3", "1"]),
    ("demo", "demo-ordering", ["1", "1", "2"]),
    ("demo", "demo-ordering", ["3", "", "1"]),
    ("demo", "demo-ordering", ["", "", ""]),
    ("xss", "xss-prompt", 0),
    ("xss", "xss-prompt", 2),
    ("demo", "demo-locate", {"lat": 39.65, "lon": 46.56}),
    ("demo", "demo-locate", LACHIN_EDGE),
    ("demo", "demo-locate", {"lat": 40.6816, "lon": 46.3613}),
    ("demo", "demo-locate", {"lat": 39.9, "lon": 46.55}),
    ("demo", "demo-locate", None),
    ("demo", "demo-locate", {"lat": 95, "lon": 46.5}),
    ("demo", "demo-locate-area", {"lat": 39.8177, "lon": 46.7528}),
    ("demo", "demo-locate-area", NKAO_CORNER),
    ("demo", "demo-locate-area", {"lat": 40.6816, "lon": 46.3613}),
    ("demo", "demo-locate-area", {"lat": 39.2089, "lon": 45.4122}),
    ("demo", "demo-locate-area", None),
]


def find(chapter: str, qid: str) -> quiz.Question:
    return next(q for q in BANKS[chapter].questions if q.id == qid)


def python_answer(question: quiz.Question, entered: Any) -> Any:
    """The form's answer in the form ``quiz.grade`` takes (as the widget passes it)."""
    texts = [o.text for o in question.options]
    if question.type == "single":
        return None if entered is None else texts[entered]
    if question.type == "multiple":
        return [texts[i] for i in entered]
    if question.type == "ordering":
        pairs = zip(question.items, entered, strict=True)
        return {item: int(position) if position else None for item, position in pairs}
    return entered


def python_result(chapter: str, qid: str, entered: Any) -> dict[str, Any]:
    question = find(chapter, qid)
    result = quiz.grade(question, python_answer(question, entered))
    return {
        "valid": result.valid,
        "correct": result.correct,
        "message": result.message,
        "explanation": result.explanation,
        "feedback": list(result.feedback),
    }


@pytest.fixture(scope="module")
def page(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    root = tmp_path_factory.mktemp("rules")
    write_demo_page(root / "index.html")
    with serve(root) as url:
        page, watch = open_page(browser)
        page.goto(f"{url}/index.html")
        page.wait_for_selector(".ck-quiz[data-ck-ready]")
        yield page
        assert watch.console_errors == [] and watch.page_errors == [], watch
        page.context.close()


def enter(question: Locator, qtype: str, entered: Any) -> None:
    """Fill the form as a reader would."""
    if qtype in ("single", "multiple"):
        boxes = question.locator("input")
        chosen = [] if entered is None else [entered] if qtype == "single" else entered
        for index in range(boxes.count()):
            if index in chosen or qtype == "multiple":
                boxes.nth(index).set_checked(index in chosen)
    elif qtype == "truefalse" and entered is not None:
        question.get_by_label("True" if entered else "False", exact=True).check()
    elif qtype == "numeric":
        question.locator("input.ck-number").fill(entered)
    elif qtype == "ordering":
        for index, position in enumerate(entered):
            question.locator("select.ck-pos").nth(index).select_option(position)
    elif qtype == "locate" and entered is not None:
        # The point exactly (a click lands on whole pixels): put as a saved answer is put back.
        question.evaluate("(e, p) => window.ckQuizTypes.locate.write(e, p)", entered)


def browser_result(page: Page, chapter: str, qid: str, entered: Any) -> dict[str, Any]:
    question = page.locator(f'.ck-quiz[data-chapter="{chapter}"] .ck-question[data-qid="{qid}"]')
    enter(question, find(chapter, qid).type, entered)
    question.locator("button.ck-check").click()
    verdict = question.locator(".ck-verdict")
    classes = verdict.get_attribute("class") or ""
    explanation = question.locator(".ck-explanation")
    result = {
        "valid": "ck-invalid" not in classes,
        "correct": "ck-correct" in classes,
        "message": verdict.inner_text(),
        "explanation": explanation.inner_text() if explanation.count() else "",
        "feedback": question.locator(".ck-option-feedback").all_inner_texts(),
    }
    retry = question.locator("button.ck-retry")
    if retry.is_visible():
        retry.click()  # a clean form (and no saved progress) for the next answer
    return result


def test_the_table_covers_every_type_right_wrong_and_malformed() -> None:
    outcomes: dict[str, set[str]] = {}
    for chapter, qid, entered in TABLE:
        result = python_result(chapter, qid, entered)
        kind = "malformed" if not result["valid"] else "right" if result["correct"] else "wrong"
        outcomes.setdefault(find(chapter, qid).type, set()).add(kind)
    assert set(outcomes) == set(quiz.TYPES)
    assert all(kinds == {"right", "wrong", "malformed"} for kinds in outcomes.values()), outcomes


def test_python_and_javascript_grade_alike(page: Page) -> None:
    differences = []
    for chapter, qid, entered in TABLE:
        expected = python_result(chapter, qid, entered)
        shown = browser_result(page, chapter, qid, entered)
        if shown != expected:
            differences.append((qid, entered, expected, shown))
    assert differences == []


def test_the_page_carries_the_shared_rule_file(page: Page) -> None:
    embedded = page.evaluate(
        "JSON.parse(document.querySelector('.ck-quiz').getAttribute('data-ck-rules'))"
    )
    assert embedded == {"messages": rule_set()["messages"], "rules": rule_set()["rules"]}

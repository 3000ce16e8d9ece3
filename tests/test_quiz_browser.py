"""quiz.js in Debian's Chromium (Playwright): mouse, keyboard, escaping, two quizzes a page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import close, open_page, serve
from playwright.sync_api import Browser, Page
from quiz_page import FIXTURES, write_demo_page

from coursekit import data

pytestmark = pytest.mark.browser

DEMO = '.ck-quiz[data-chapter="demo"]'
TOTAL = len(data.load(FIXTURES / "demo.yml", kind="quiz").questions)
XSS = '.ck-quiz[data-chapter="xss"]'


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("quizpage")
    write_demo_page(root / "index.html")
    with serve(root) as url:
        yield f"{url}/index.html"


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page; afterwards, no console error, no dialog, no request off 127.0.0.1."""
    page, watch = open_page(browser)
    page.goto(base_url)
    page.wait_for_selector(f"{DEMO}[data-ck-ready]")
    yield page
    assert watch.console_errors == [] and watch.page_errors == [], watch
    assert watch.dialogs == [], f"a dialog opened: {watch.dialogs}"
    assert page.evaluate("typeof window.__xss") == "undefined"
    close(page)
    assert watch.blocked == [], "requests to other hosts"


def question(page, quiz: str, qid: str):
    return page.locator(f'{quiz} .ck-question[data-qid="{qid}"]')


def test_mouse_wrong_then_right(page) -> None:
    q = question(page, DEMO, "demo-single")
    score = page.locator(f"{DEMO} .ck-score")
    assert score.inner_text() == f"Score: 0 / {TOTAL}"
    q.get_by_label("In the Kremlin").check()
    q.locator("button.ck-check").click()
    feedback = q.locator(".ck-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    text = feedback.inner_text()
    assert "✗ Incorrect." in text
    assert "AFP reported informal talks and a dinner at the Zagulba residence" in text
    assert "not in Moscow" in text
    assert score.inner_text() == f"Score: 0 / {TOTAL}"
    q.get_by_label("At the Zagulba residence on the Caspian coast").check()
    q.locator("button.ck-check").click()
    assert "✓ Correct." in feedback.inner_text()
    assert score.inner_text() == f"Score: 1 / {TOTAL}"
    retry = q.locator("button.ck-retry")
    assert retry.is_visible()
    retry.click()
    assert feedback.inner_text().strip() == "" and score.inner_text() == f"Score: 0 / {TOTAL}"
    assert not q.get_by_label("At the Zagulba residence on the Caspian coast").is_checked()


def test_every_type_with_the_mouse(page) -> None:
    question(page, DEMO, "demo-multiple").get_by_label(
        "A higher status for Azerbaijan in the SCO"
    ).check()
    question(page, DEMO, "demo-multiple").get_by_label("The North–South transport corridor").check()
    question(page, DEMO, "demo-truefalse").get_by_label("True").check()
    question(page, DEMO, "demo-numeric").locator("input.ck-number").fill("4")
    ordering = question(page, DEMO, "demo-ordering")
    correct = [
        "Putin's previous visit to Azerbaijan",
        "Putin arrives in Baku",
        "Wreath at Heydar Aliyev's grave",
    ]
    for position, item in enumerate(reversed(correct), start=1):
        ordering.get_by_label(f"Position of: {item}").select_option(str(position))
    ordering.locator("button.ck-check").click()
    assert "✗ Incorrect." in ordering.locator(".ck-feedback").inner_text()
    for position, item in enumerate(correct, start=1):
        ordering.get_by_label(f"Position of: {item}").select_option(str(position))
    for qid in ("demo-multiple", "demo-truefalse", "demo-numeric", "demo-ordering"):
        question(page, DEMO, qid).locator("button.ck-check").click()
        assert "✓ Correct." in question(page, DEMO, qid).locator(".ck-feedback").inner_text()
    assert page.locator(f"{DEMO} .ck-score").inner_text() == f"Score: 4 / {TOTAL}"


def test_keyboard_only(page) -> None:
    demo = data.load(FIXTURES / "demo.yml", kind="quiz")
    single = next(q for q in demo.questions if q.id == "demo-single")
    shown = [o.text for o in single.options]  # the page's order (drawn from the id)
    labels = question(page, DEMO, "demo-single").locator("label").all_inner_texts()
    assert [label.strip() for label in labels] == shown
    assert shown.index(single.answer) == 1  # so: option c is wrong, option b right
    page.locator("h1").click()  # start from the top of the page, then only keys
    page.keyboard.press("Tab")  # the first radio of question 1
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("ArrowDown")  # moves to and selects option b
    page.keyboard.press("ArrowDown")  # then option c (wrong)
    page.keyboard.press("Tab")  # the Check button
    assert page.evaluate("document.activeElement.className") == "ck-check"
    page.keyboard.press("Enter")
    feedback = question(page, DEMO, "demo-single").locator(".ck-feedback")
    assert "✗ Incorrect." in feedback.inner_text()
    page.keyboard.press("Shift+Tab")  # back to the radio group
    page.keyboard.press("ArrowUp")  # option b (right)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert "✓ Correct." in feedback.inner_text()
    assert page.locator(f"{DEMO} .ck-score").inner_text() == f"Score: 1 / {TOTAL}"
    page.keyboard.press("Tab")  # Try again, now shown
    assert page.evaluate("document.activeElement.className") == "ck-retry"
    page.keyboard.press("Enter")
    assert feedback.inner_text().strip() == ""
    assert page.evaluate("document.activeElement.type") == "radio"  # focus back on the inputs
    assert page.locator(f"{DEMO} .ck-score").inner_text() == f"Score: 0 / {TOTAL}"

    numeric = question(page, DEMO, "demo-numeric")
    numeric.locator("input.ck-number").focus()
    page.keyboard.type("four")
    page.keyboard.press("Enter")
    assert "“four” is not a number" in numeric.locator(".ck-feedback").inner_text()
    page.keyboard.press("Control+A")
    page.keyboard.type("4")
    page.keyboard.press("Enter")
    assert "✓ Correct." in numeric.locator(".ck-feedback").inner_text()

    ordering = question(page, DEMO, "demo-ordering")
    items = ordering.locator("label").all_inner_texts()
    correct = [
        "Putin's previous visit to Azerbaijan",
        "Putin arrives in Baku",
        "Wreath at Heydar Aliyev's grave",
    ]
    ordering.locator("select").first.focus()
    for item in items:
        page.keyboard.type(str(correct.index(item) + 1))  # type-ahead picks the position
        page.keyboard.press("Tab")  # the next select, then the Check button
    assert page.evaluate("document.activeElement.className") == "ck-check"
    page.keyboard.press("Enter")
    assert "✓ Correct." in ordering.locator(".ck-feedback").inner_text()


def test_wrong_kind_of_input_gives_messages(page) -> None:
    q = question(page, DEMO, "demo-single")
    q.locator("button.ck-check").click()
    assert "No answer yet" in q.locator(".ck-feedback").inner_text()
    assert not q.locator("button.ck-retry").is_visible()
    ordering = question(page, DEMO, "demo-ordering")
    selects = ordering.locator("select")
    selects.nth(0).select_option("1")
    selects.nth(1).select_option("1")
    selects.nth(2).select_option("2")
    ordering.locator("button.ck-check").click()
    assert (
        "position 1 is given to more than one item" in ordering.locator(".ck-feedback").inner_text()
    )
    selects.nth(1).select_option("")
    ordering.locator("button.ck-check").click()
    assert "has none" in ordering.locator(".ck-feedback").inner_text()
    numeric = question(page, DEMO, "demo-numeric")
    numeric.locator("input.ck-number").fill("4,0")
    numeric.locator("button.ck-check").click()
    assert "is not a number" in numeric.locator(".ck-feedback").inner_text()
    assert page.locator(f"{DEMO} .ck-score").inner_text() == f"Score: 0 / {TOTAL}"


def test_hostile_text_stays_text(page) -> None:
    q = question(page, XSS, "xss-prompt")
    assert "<img src=x onerror=alert(1)>" in q.locator("legend").inner_text()
    assert page.locator(f"{XSS} img").count() == 0
    q.get_by_label("<img src=x onerror=window.__xss=1>").check()
    q.locator("button.ck-check").click()
    text = q.locator(".ck-feedback").inner_text()
    assert "✗ Incorrect." in text
    assert "</script><script>window.__xss=2</script><img src=x onerror=window.__xss=2>" in text
    assert "<img src=x onerror=window.__xss=3> is feedback text." in text
    assert page.locator(f"{XSS} img").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_two_quizzes_do_not_interfere(page) -> None:
    assert page.locator(".ck-quiz[data-ck-ready]").count() == 2
    ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
    assert len(ids) == len(set(ids))
    page.evaluate("window.ckQuiz.initAll()")  # a second init must not add handlers
    q = question(page, XSS, "xss-numeric")
    q.locator("input.ck-number").fill("4.4")
    q.locator("button.ck-check").click()
    assert q.locator(".ck-feedback").inner_text().count("Correct") == 1
    assert page.locator(f"{XSS} .ck-score").inner_text() == "Score: 1 / 2"
    assert page.locator(f"{DEMO} .ck-score").inner_text() == f"Score: 0 / {TOTAL}"
    assert question(page, DEMO, "demo-numeric").locator(".ck-feedback").inner_text() == ""
    d = question(page, DEMO, "demo-truefalse")
    d.get_by_label("False").check()
    assert q.locator("input.ck-number").input_value() == "4.4"
    d.locator("button.ck-check").click()
    assert "✗ Incorrect." in d.locator(".ck-feedback").inner_text()
    assert page.locator(f"{XSS} .ck-score").inner_text() == "Score: 1 / 2"

"""The question types, driven by the registry: every folder of ``coursekit/quiz/types``.

Each type supplies its examples (``examples.yaml``: a question and answers as the page's
script reads them, each right, wrong or malformed). They are graded by the Python grader
and by the page's scripts run under Node.js (``quiz_node.js``: ``assets/quiz.js`` and each
type's ``script.js``, no browser); both must agree on validity, correctness, message,
explanation and feedback. One Chromium test checks that a built page loads every type's
script and grades a right answer to every example (``test_every_type_works_on_a_page``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from quiz_page import FIXTURES, examples_bank, write_examples_page

from coursekit import data, quiz, schemas
from coursekit.quiz.printed import quiz_markdown
from coursekit.quiz.rules import rule_set
from coursekit.quiz.templates import environment
from coursekit.quiz.types import REGISTRY
from coursekit.quiz.web import solution

ROOT = Path(__file__).resolve().parent.parent
TYPES_DIR = ROOT / "coursekit" / "quiz" / "types"
ENGINE = ROOT / "coursekit" / "assets" / "quiz.js"

#: (type, question, entered, expected) for every example answer of every type
CASES = [
    (name, example["question"]["id"], answer["entered"], answer["expect"])
    for name, kind in sorted(REGISTRY.items())
    for example in kind.examples
    for answer in example["answers"]
]


#: the edges of locate: a point exactly the tolerance east of the place, and the first
#: corner of the area's outline (both count as right)
def _edges(bank: quiz.Bank) -> list[tuple[quiz.Question, Any]]:
    from coursekit.quiz.types.locate.geometry import sphere

    place, area = (q for q in bank.questions if q.type == "locate")
    spot = place.answer.target.spot
    lon, lat, _ = sphere().fwd(spot.lon, spot.lat, 90, place.answer.target.tolerance_km * 1000)
    corner = area.answer.target.geometry.exterior.coords[0]
    return [(place, {"lat": lat, "lon": lon}), (area, {"lat": corner[1], "lon": corner[0]})]


#: the hostile fixture's numeric question, with answers that would break an unescaped page
XSS_CASES = [("4.5", "right"), ("3.5", "right"), ("4.51", "wrong"), ("<b>4</b>", "malformed")]


@pytest.fixture(scope="module")
def bank() -> quiz.Bank:
    return examples_bank()


def find(bank: quiz.Bank, qid: str) -> quiz.Question:
    return next(q for q in bank.questions if q.id == qid)


def python_result(question: quiz.Question, entered: Any) -> dict[str, Any]:
    result = quiz.grade(question, REGISTRY[question.type].from_page(question, entered))
    return {
        "valid": result.valid,
        "correct": result.correct,
        "message": result.message,
        "explanation": result.explanation,
        "feedback": list(result.feedback),
    }


def outcome(result: dict[str, Any]) -> str:
    return "malformed" if not result["valid"] else "right" if result["correct"] else "wrong"


def node_results(cases: list[tuple[quiz.Question, Any]]) -> list[dict[str, Any]]:
    """Grade ``(question, entered)`` with the page's scripts under Node.js."""
    scripts = [str(ENGINE)] + [str(kind.file("script.js")) for kind in REGISTRY.values()]
    payload = {
        "scripts": scripts,
        "rules": rule_set(),
        "cases": [{"type": q.type, "answer": entered, "sol": solution(q)} for q, entered in cases],
    }
    done = subprocess.run(
        ["node", str(Path(__file__).with_name("quiz_node.js"))],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)


# ------------------------------------------------------------------------- the folders


def test_every_folder_is_a_registered_type() -> None:
    folders = {p.name for p in TYPES_DIR.iterdir() if (p / "__init__.py").is_file()}
    assert folders == set(REGISTRY) == set(quiz.TYPES)
    for name, kind in REGISTRY.items():
        assert kind.name == name and kind.folder == TYPES_DIR / name
        for file in ("script.js", "schema.json", "examples.yaml"):
            assert kind.file(file).is_file(), (name, file)
        environment().get_template(kind.template)  # its template is found


def test_the_examples_cover_every_type_right_wrong_and_malformed(bank: quiz.Bank) -> None:
    seen: dict[str, set[str]] = {}
    for name, qid, entered, expected in CASES:
        result = python_result(find(bank, qid), entered)
        assert outcome(result) == expected, (qid, entered, result)
        seen.setdefault(name, set()).add(expected)
    assert set(seen) == set(REGISTRY)
    assert all(kinds == {"right", "wrong", "malformed"} for kinds in seen.values()), seen


def test_python_and_the_page_scripts_grade_alike(bank: quiz.Bank) -> None:
    hostile = data.load(FIXTURES / "xss.yml", kind="quiz").questions
    xss = next(q for q in hostile if q.type == "numeric")
    cases = [(find(bank, qid), entered) for _, qid, entered, _ in CASES]
    cases += [(xss, entered) for entered, _ in XSS_CASES]
    cases += _edges(bank)
    expected = [python_result(q, entered) for q, entered in cases]
    assert [outcome(r) for r in expected[-len(XSS_CASES) - 2 :]] == [
        *(e for _, e in XSS_CASES),
        "right",
        "right",
    ]
    shown = node_results(cases)
    differences = [
        (q.id, entered, want, got)
        for (q, entered), want, got in zip(cases, expected, shown, strict=True)
        if want != got
    ]
    assert differences == []


def test_a_malformed_or_unknown_answer_never_throws_in_javascript(bank: quiz.Bank) -> None:
    cases = [(q, odd) for q in bank.questions for odd in (None, "x", 7, {"a": 1}, [None])]
    for result in node_results(cases):
        assert set(result) == {"valid", "correct", "message", "explanation", "feedback"}
        assert result["message"]


# ----------------------------------------------------------------- schema and messages


def test_the_bank_schema_is_put_together_from_the_types() -> None:
    complete = schemas.schema("quiz_bank")  # put together by code, before validation
    question = complete["$defs"]["question"]
    assert question["properties"]["type"]["enum"] == sorted(REGISTRY)
    for name, kind in REGISTRY.items():
        for field, definition in kind.schema.get("properties", {}).items():
            assert question["properties"][field] == definition, (name, field)
        assert {"if": {"required": ["type"], "properties": {"type": {"const": name}}},
                "then": kind.schema.get("then", {})} in question["allOf"]  # fmt: skip
    base = json.loads((ROOT / "coursekit/schemas/quiz_bank.schema.json").read_text("utf-8"))
    assert "allOf" not in base["$defs"]["question"]  # the file holds the common part only


def test_a_field_of_another_type_is_refused(tmp_path: Path) -> None:
    raw = {"chapter": "b", "title": "T", "objectives": [{"id": "O1", "text": "Do."}],
           "questions": [{"id": "q1", "type": "truefalse", "prompt": "P?", "answer": True,
                          "explanation": "E.", "objective": "O1", "difficulty": "easy",
                          "extent": [0, 0, 1, 1]}]}  # fmt: skip
    path = tmp_path / "b.yml"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(data.DataError) as info:
        data.load(path, kind="quiz")
    assert info.value.field == "extent"
    assert "truefalse questions take no extent (only locate questions do)" in info.value.problem


def test_the_rule_set_merges_every_types_messages() -> None:
    merged = rule_set()["messages"]
    for kind in REGISTRY.values():
        for name, text in kind.messages.get("messages", {}).items():
            assert merged[name] == text
    for name in ("correct", "incorrect", "broken"):
        assert name in merged


# ---------------------------------------------------------------- print and leak texts


def test_every_example_prints_and_has_an_answer_key_entry(bank: quiz.Bank) -> None:
    markdown = quiz_markdown(bank)
    for question in bank.questions:
        kind = REGISTRY[question.type]
        assert question.prompt.split()[0] in markdown
        assert kind.answer_text(question).strip()
        assert all(text for _, text in kind.shown_texts(question))


def test_every_example_in_print_and_in_the_answer_key(bank: quiz.Bank) -> None:
    """Each type's printed form: its hint and lines under the prompt, its answer in words."""
    markdown = quiz_markdown(bank)
    for number, question in enumerate(bank.questions, start=1):
        kind = REGISTRY[question.type]
        assert f"{number}. " in markdown and (kind.printed_hint or kind.hint) in markdown
        lines = kind.print_lines(question)
        assert lines and all(line in markdown for line in lines), question.id
        assert kind.answer_text(question).strip(), question.id
        assert "<" not in "".join(lines)  # Markdown, no HTML


def test_every_example_in_the_widget(bank: quiz.Bank) -> None:
    """The Jupyter form, driven as a reader would: each example answer entered through
    the widget's inputs and checked gives what it gives in Python."""
    from coursekit.quiz.widget import QuestionWidget

    for name, qid, entered, expected in CASES:
        question = find(bank, qid)
        widget = QuestionWidget(question, 1, lambda: None)
        answer = REGISTRY[name].from_page(question, entered)
        try:
            widget.select(answer)
        except quiz.AnswerError:  # an input that cannot take it (a point off the globe)
            assert expected == "malformed", (qid, entered)
            continue
        widget.check_button.click()
        assert (
            outcome({"valid": widget.result.valid, "correct": widget.result.correct}) == expected
        ), (qid, entered, widget.result)
        widget.retry_button.click()
        assert widget.result is None


# --------------------------------------------------------------------- import layers


def _imported_after(code: str) -> set[str]:
    """The top-level packages and coursekit modules imported by ``code`` in a fresh process."""
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.slow
def test_loading_every_bank_imports_no_map_or_widget_library() -> None:
    modules = _imported_after("from coursekit import quiz\nbanks = quiz.load_banks()\nassert banks")
    heavy = {"folium", "matplotlib", "ipywidgets", "ipyleaflet", "branca", "lxml", "nbformat"}
    assert {m.split(".")[0] for m in modules} & heavy == set()
    assert "coursekit.maps" not in modules
    # a type folder's lms.py and notebook.py: imported only by coursekit.lms / .nbgrader
    other = ("coursekit.lms", "coursekit.nbgrader")
    assert not {m for m in modules if m.startswith(other) or m.endswith((".lms", ".notebook"))}


@pytest.mark.slow
def test_importing_maps_imports_no_chapter_map() -> None:
    modules = _imported_after("from coursekit import maps\nassert 'visit_map' in dir(maps)")
    assert not {m for m in modules if m.startswith("coursekit.maps.")}
    assert {m.split(".")[0] for m in modules} & {"folium", "matplotlib"} == set()


@pytest.mark.slow
def test_a_data_file_is_checked_without_its_module_imported_first(tmp_path: Path) -> None:
    modules = _imported_after("import coursekit.data as d\nd.load('places.geojson')")
    assert "coursekit.geodata" in modules and "coursekit.quiz" not in modules
    broken = tmp_path / "places.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [{}]}', encoding="utf-8")
    probe = f"import coursekit.data as d\nd.load({str(broken)!r})"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode != 0 and "DataError: " in done.stderr and "places.geojson" in done.stderr


def test_data_names_none_of_its_clients() -> None:
    source = (ROOT / "coursekit" / "data.py").read_text(encoding="utf-8")
    for client in ("geodata", "timeline", "quiz", "maps"):
        assert f"coursekit.{client}" not in source, client


# ------------------------------------------------------------------------ the browser


@pytest.fixture(scope="module")
def demo_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from browser import serve

    root = tmp_path_factory.mktemp("types")
    write_examples_page(root / "index.html")
    with serve(root) as url:
        yield f"{url}/index.html"


@pytest.mark.browser
def test_every_type_works_on_a_page(browser, demo_page: str, bank: quiz.Bank) -> None:
    """The engine takes every type's script: a right answer to every example, put in
    through the type's own ``write`` as a saved answer is, is graded right by Check."""
    from browser import close, open_page

    page, watch = open_page(browser)
    page.goto(demo_page)
    quiz_el = '.ck-quiz[data-chapter="examples"]'
    page.wait_for_selector(f"{quiz_el}[data-ck-ready]")
    assert sorted(page.evaluate("Object.keys(window.ckQuiz.types)")) == sorted(REGISTRY)
    embedded = page.evaluate(f"JSON.parse(document.querySelector('{quiz_el}').dataset.ckRules)")
    assert embedded == rule_set()  # the one merged rule set, as Python reads it
    for name, qid, entered, expected in CASES:
        if expected != "right":
            continue
        element = page.locator(f'{quiz_el} .ck-question[data-qid="{qid}"]')
        element.evaluate(f"(e, a) => window.ckQuiz.types[{name!r}].write(e, a)", entered)
        element.locator("button.ck-check").click()
        verdict = element.locator(".ck-verdict")
        assert "ck-correct" in (verdict.get_attribute("class") or ""), (qid, entered)
        element.locator("button.ck-retry").click()
    assert watch.console_errors == [] and watch.page_errors == [], watch
    close(page)


@pytest.mark.browser
def test_every_types_form_is_labelled_and_axe_clean(browser, demo_page: str) -> None:
    """Every control of every type's form has a name, and axe finds nothing serious."""
    from axe import axe_page, counts
    from browser import close, open_page

    page, watch = open_page(browser)
    page.goto(demo_page)
    page.wait_for_selector(".ck-quiz[data-ck-ready]")
    page.wait_for_timeout(300)
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('.ck-question input, .ck-question select')]
             .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                          && !e.closest('label'))
             .map(e => e.id || e.name)"""
    )
    assert unnamed == []
    violations = axe_page(page, "examples")
    close(page)
    serious = [str(v) for v in violations if v.impact in ("critical", "serious", "moderate")]
    assert serious == [], counts(violations)
    assert watch.console_errors == [] and watch.page_errors == []


@pytest.mark.browser
@pytest.mark.build
def test_match_by_keyboard_in_the_built_chapter(browser, book_url: str) -> None:
    """Chapter 2's match question in the web book, answered with the keyboard alone: Tab to
    each drop-down list, type the option's letter, Enter on Check."""
    from browser import close, open_page

    bank = data.load("quizzes/02_significance.yml")
    question = next(q for q in bank.questions if q.type == "match")
    kind = REGISTRY["match"]
    page, watch = open_page(browser)
    page.goto(f"{book_url}/chapters/02_significance.html", wait_until="load")
    element = page.locator(f'.ck-quiz[data-ck-ready] .ck-question[data-qid="{question.id}"]')
    element.wait_for()
    selects = element.locator("select")
    assert selects.count() == len(question.answer.pairs)
    for index, (left, right) in enumerate(question.answer.pairs):
        assert element.get_by_label(left, exact=True).count() == 1  # each list has its label
        selects.nth(index).focus()
        page.keyboard.press(kind.letter(question.answer.options.index(right)))
    element.locator("button.ck-check").focus()
    page.keyboard.press("Enter")
    feedback = element.locator(".ck-feedback").inner_text()
    count = len(question.answer.pairs)
    assert "✓ Correct." in feedback and f"{count} of {count} pairs are right." in feedback
    assert watch.console_errors == [] and watch.page_errors == []
    close(page)

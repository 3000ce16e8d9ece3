"""The quiz engine: validation, grading, the web HTML, the print Markdown, the answer key."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from coursekit import data, quiz
from coursekit.course import CHAPTERS
from coursekit.data import DataError
from coursekit.quiz.types import REGISTRY

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quiz"


def load_fixture(name: str) -> quiz.Bank:
    return data.load(FIXTURES / f"{name}.yml", kind="quiz")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A temporary ``data/`` with chosen fixture banks in ``quizzes/`` (and the geodata that
    locate questions name)."""

    root = FIXTURES.parents[2]
    folder = tmp_path / "data"

    def make(*names: str) -> Path:
        (folder / "quizzes").mkdir(parents=True, exist_ok=True)
        shutil.copy(root / "references.bib", tmp_path)  # the geodata's sources
        for geodata in ("places", "areas", "countries"):
            shutil.copy(root / "data" / f"{geodata}.geojson", folder)
        for name in names:
            shutil.copy(FIXTURES / f"{name}.yml", folder / "quizzes" / f"{name}.yml")
        monkeypatch.setenv("COURSEKIT_DATA", str(folder))
        return folder

    return make


@pytest.fixture
def demo() -> quiz.Bank:
    return load_fixture("demo")


def question(bank: quiz.Bank, qtype: str) -> quiz.Question:
    return next(q for q in bank.questions if q.type == qtype)


def myst_html(markdown: str) -> str:
    """Render Markdown as the book does (MyST, with the book's extensions) to HTML."""
    config = MdParserConfig(
        enable_extensions={"colon_fence", "deflist", "dollarmath", "substitution"}
    )
    return create_md_parser(config, RendererHTML).render(markdown)


# --------------------------------------------------------------------------- validation


def test_demo_bank_loads(demo: quiz.Bank) -> None:
    """The demo fixture (a question of each of the first six types; every type's own
    examples are tested in test_quiz_types.py)."""
    assert demo.chapter == "demo"
    assert {q.type for q in demo.questions} <= set(quiz.TYPES)
    assert len({q.type for q in demo.questions}) == 6
    assert [o.id for o in demo.objectives] == ["O1", "O2"]


def test_validator_is_registered_for_quiz_files() -> None:
    pattern, check = data._VALIDATORS["quiz"]
    assert pattern == "quizzes/*.yml"
    assert check is quiz.validate


@pytest.mark.slow
def test_loading_banks_does_not_import_ipywidgets() -> None:
    """Data loading (the validator registry included) stays free of the widget library."""
    code = (
        "import sys; from coursekit import data, quiz; data.load('quizzes/01_visit.yml'); "
        "quiz.load_banks(); quiz.answer_key(); assert 'ipywidgets' not in sys.modules; "
        "quiz.Quiz; assert 'ipywidgets' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_type_is_registered_with_its_template() -> None:
    for name, kind in REGISTRY.items():
        assert kind.name == name
        assert (Path(quiz.__file__).parent / "types" / kind.template).is_file()


BROKEN = [
    ("unknown_type", "type", "unknown type 'essay'"),
    ("answer_not_option", "answer", "answer 'C' is not among the options"),
    ("multiple_answer_not_option", "answer", "answer 'C' is not among the options"),
    ("duplicate_id", "id", "duplicate question id"),
    ("missing_explanation", "explanation", "is missing"),
    ("unknown_objective", "objective", "objective 'O9' is not one of the file's objectives"),
    ("tolerance_not_numeric", "tolerance", "take no tolerance (only numeric questions do)"),
    ("chapter_mismatch", "chapter", "does not match the file name 'broken_chapter_mismatch'"),
    ("unknown_difficulty", "difficulty", "unknown difficulty 'trivial'"),
    ("options_on_truefalse", "options", "truefalse questions take no options"),
    ("options_on_ordering", "options", "ordering questions take no options"),
    ("ordering_too_short", "answer", "ordering needs at least 3 items, got 2"),
    ("numeric_answer_text", "answer", "answer must be a number, got 'four'"),
    ("negative_tolerance", "tolerance", "tolerance must be a number >= 0, got -1"),
    ("missing_tolerance", "tolerance", "is missing"),
    ("truefalse_answer_text", "answer", "a truefalse answer is true or false, got 'yes'"),
    ("unknown_field", "explaination", "unknown field(s) ['explaination']"),
    ("missing_prompt", "prompt", "is missing"),
    ("duplicate_option", "options", "option 'A' appears twice"),
    ("no_questions", "questions", "needs at least one question"),
]


@pytest.mark.parametrize(("name", "field", "problem"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_bank_is_reported(name: str, field: str, problem: str) -> None:
    with pytest.raises(DataError) as info:
        load_fixture(f"broken_{name}")
    error = info.value
    assert error.file.endswith(f"broken_{name}.yml")
    assert error.field == field
    assert problem in error.problem
    if field not in ("chapter", "questions"):
        assert error.item == "q1"
    assert f"broken_{name}.yml" in str(error) and repr(field) in str(error)


def test_every_broken_fixture_is_tested() -> None:
    on_disk = {p.stem.removeprefix("broken_") for p in FIXTURES.glob("broken_*.yml")}
    assert on_disk == {name for name, _, _ in BROKEN}


def _bank(**question: object) -> dict:
    base = {
        "id": "q1",
        "type": "single",
        "prompt": "Pick A.",
        "options": ["A", "B"],
        "answer": "A",
        "explanation": "A is right.",
        "objective": "O1",
        "difficulty": "easy",
    }
    base.update(question)
    return {"chapter": "b", "title": "T", "objectives": [{"id": "O1", "text": "Do."}],
            "questions": [{k: v for k, v in base.items() if v is not None}]}  # fmt: skip


SCHEMA_CASES = [
    ("option-shape", _bank(options=["A", {"txt": "B"}]), "q1", "options",
     "options[2] must be a text, or a mapping with 'text'"),
    ("prompt-number", _bank(prompt=5), "q1", "prompt", "must be text, got int 5"),
    ("prompt-blank", _bank(prompt="   "), "q1", "prompt", "is empty"),
    ("no-id", _bank(id=None), "questions[1]", "id", "is missing"),
    ("null-answer", {**_bank(), "questions": [{**_bank()["questions"][0], "answer": None}]},
     "q1", "answer", "is missing"),
    ("multiple-text", _bank(type="multiple", answer="A"), "q1", "answer",
     "a multiple question's answer is a non-empty list of option texts"),
    ("numeric-options", _bank(type="numeric", answer=4, tolerance=0), "q1", "options",
     "numeric questions take no options"),
    ("one-option", _bank(options=["A"]), "q1", "options", "needs at least 2 options"),
    ("single-list", _bank(answer=["A"]), "q1", "answer",
     "a single question's answer is one option's text, got ['A']"),
    ("top-extra", {**_bank(), "extra": 1}, None, "extra", "unknown field(s) ['extra']"),
    ("objective-text", {**_bank(), "objectives": [{"id": "O1", "text": ""}]}, "O1", "text",
     "is empty"),
    ("no-objectives", {**_bank(), "objectives": []}, None, "objectives",
     "needs at least one objective"),
    ("top-list", ["a", "b"], None, None, "expected a mapping at the top, got list"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "item", "field", "problem"),
    [c[1:] for c in SCHEMA_CASES],
    ids=[c[0] for c in SCHEMA_CASES],
)
def test_schema_errors_name_file_item_and_field(
    tmp_path: Path, raw: object, item: str | None, field: str | None, problem: str
) -> None:
    path = tmp_path / "b.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as info:
        data.load(path, kind="quiz")
    error = info.value
    assert (error.item, error.field) == (item, field)
    assert problem in error.problem and str(error).startswith(str(path))


def test_schema_is_valid_and_lists_every_type() -> None:
    from coursekit.quiz import schema

    names = schema.validator().schema["$defs"]["question"]["properties"]["type"]["enum"]
    assert sorted(names) == sorted(REGISTRY)


def test_duplicate_ids_across_banks(data_dir) -> None:
    data_dir("dup_a", "dup_b")
    assert quiz.load_bank("dup_a").questions[0].id == "q1"  # each is valid alone
    with pytest.raises(DataError) as info:
        quiz.load_banks()
    assert info.value.item == "q1" and info.value.field == "id"
    assert "also used in" in info.value.problem and "dup_a.yml" in info.value.problem
    assert info.value.file.endswith("dup_b.yml")


def test_load_through_data_pattern(data_dir) -> None:
    data_dir("demo")
    bank = data.load("quizzes/demo.yml")
    assert isinstance(bank, quiz.Bank) and bank.file.endswith("quizzes/demo.yml")


# --------------------------------------------------------------------------- grading


def test_grade_single(demo: quiz.Bank) -> None:
    q = question(demo, "single")
    right = quiz.grade(q, q.answer)
    assert right.correct and right.valid and right.message == "✓ Correct."
    assert right.explanation == q.explanation
    wrong = quiz.grade(q, "In the Kremlin")
    assert not wrong.correct and wrong.valid and wrong.message == "✗ Incorrect."
    assert wrong.feedback == ("The talks were in Azerbaijan, not in Moscow.",)
    assert "Incorrect" in wrong.text and q.explanation in wrong.text


@pytest.mark.parametrize(
    "hostile", ["# Heading", "- item", "1. first", "2) second", "> quote", "::: note", "% comment"]
)
def test_md_escape_block_starts(hostile: str) -> None:
    for prefix in ("1. ", "- "):
        rendered = myst_html(prefix + quiz.md_escape(hostile))
        assert hostile in html.unescape(rendered)
        assert rendered.count("<li>") == 1 and "<h1>" not in rendered
        assert "<blockquote>" not in rendered and "<ol" not in rendered.replace("<ol>", "", 1)


@pytest.mark.parametrize(
    ("answer", "message"),
    [(None, "No answer yet"), ("", "No answer yet"), ("In Paris", "is not one of the options")],
)
def test_grade_single_malformed(demo: quiz.Bank, answer: object, message: str) -> None:
    result = quiz.grade(question(demo, "single"), answer)
    assert not result.valid and not result.correct and message in result.message
    assert result.explanation == ""  # nothing is given away by a malformed answer


def test_grade_multiple(demo: quiz.Bank) -> None:
    q = question(demo, "multiple")
    assert quiz.grade(q, list(reversed(q.answer))).correct
    partial = quiz.grade(q, [q.answer[0]])
    assert partial.valid and not partial.correct
    extra = quiz.grade(q, [*q.answer, "Azerbaijan joining NATO"])
    assert not extra.correct
    assert extra.feedback == ("NATO membership was not part of the statement.",)


@pytest.mark.parametrize(
    ("answer", "message"),
    [([], "tick at least one"), (None, "tick at least one"), (["Mars"], "not one of the options")],
)
def test_grade_multiple_malformed(demo: quiz.Bank, answer: object, message: str) -> None:
    result = quiz.grade(question(demo, "multiple"), answer)
    assert not result.valid and message in result.message


def test_grade_truefalse(demo: quiz.Bank) -> None:
    q = question(demo, "truefalse")
    assert quiz.grade(q, True).correct
    assert quiz.grade(q, "true").correct
    assert not quiz.grade(q, False).correct and quiz.grade(q, False).valid
    assert "True or False" in quiz.grade(q, None).message
    assert not quiz.grade(q, 1).valid and "True or False" in quiz.grade(q, 1).message


def test_grade_numeric(demo: quiz.Bank) -> None:
    q = question(demo, "numeric")
    assert (
        quiz.grade(q, 4).correct and quiz.grade(q, "4").correct and quiz.grade(q, " 4.0 ").correct
    )
    assert not quiz.grade(q, 5).correct and quiz.grade(q, 5).valid


def test_grade_numeric_tolerance() -> None:
    q = load_fixture("xss").questions[1]
    assert q.tolerance == 0.5
    assert quiz.grade(q, 4.5).correct and quiz.grade(q, "3.5").correct
    assert not quiz.grade(q, 4.51).correct


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("four", "“four” is not a number"),
        ("4,0", "is not a number"),
        ("nan", "is not a number"),
        ("", "type a number"),
        (None, "type a number"),
        (True, "is not a number"),
        ([4], "is not a number"),
    ],
)
def test_grade_numeric_malformed(demo: quiz.Bank, answer: object, message: str) -> None:
    result = quiz.grade(question(demo, "numeric"), answer)
    assert not result.valid and not result.correct and message in result.message


def test_grade_ordering(demo: quiz.Bank) -> None:
    q = question(demo, "ordering")
    assert list(q.items) != list(q.answer) and sorted(q.items) == sorted(q.answer)
    assert quiz.grade(q, list(q.answer)).correct
    assert quiz.grade(q, {item: n for n, item in enumerate(q.answer, 1)}).correct
    wrong = quiz.grade(q, list(reversed(q.answer)))
    assert wrong.valid and not wrong.correct


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda a: a[:2], "has none"),
        (lambda a: [a[0], a[0], a[1]], "placed twice"),
        (lambda a: [*a[:2], "Moon landing"], "not one of the items"),
        (lambda a: {a[0]: 1, a[1]: 1, a[2]: 2}, "position 1 is given to more than one item"),
        (lambda a: {a[0]: 1, a[1]: 2}, "has none"),
        (lambda a: {a[0]: 1, a[1]: 2, a[2]: 7}, "Positions go from 1 to 3"),
        (lambda a: {a[0]: "x", a[1]: 2, a[2]: 3}, "not a whole number"),
        (lambda a: None, "has none"),
        (lambda a: "abc", "as a list"),
    ],
)
def test_grade_ordering_malformed(demo: quiz.Bank, make, message: str) -> None:
    q = question(demo, "ordering")
    result = quiz.grade(q, make(list(q.answer)))
    assert not result.valid and message in result.message


def test_shuffle_is_stable(demo: quiz.Bank) -> None:
    q = question(demo, "ordering")
    assert q.items == question(load_fixture("demo"), "ordering").items


# --------------------------------------------------------------------------- web HTML


def test_html_hides_answers_and_explanations(demo: quiz.Bank) -> None:
    page = quiz.Quiz(demo).to_html()
    for q in demo.questions:
        assert q.explanation not in page
        assert html.escape(q.explanation) not in page
    assert "The talks were in Azerbaijan" not in page  # per-option feedback is hidden too
    blob = re.search(r'data-ck-key="([^"]+)"', page).group(1)
    solutions = quiz.decode(blob)
    first = demo.questions[0]
    shown = [o.text for o in first.options]
    assert solutions[0] == {
        "e": first.explanation,
        "a": shown.index(first.answer),
        "f": [o.feedback for o in first.options],
    }
    assert "The talks were in Azerbaijan, not in Moscow." in solutions[0]["f"]
    ordering = question(demo, "ordering")
    assert solutions[4]["a"] == [ordering.answer.index(i) + 1 for i in ordering.items]


def test_html_hooks_and_controls(demo: quiz.Bank) -> None:
    page = quiz.Quiz(demo).to_html()
    assert page.count('class="ck-quiz"') == 1 and 'data-chapter="demo"' in page
    for q in demo.questions:
        assert f'data-qid="{q.id}"' in page
    n = len(demo.questions)
    assert page.count('class="ck-check"') == n and page.count('class="ck-retry" hidden') == n
    assert page.count('aria-live="polite"') == n and page.count("<fieldset>") == n
    assert page.count('type="radio" name=') == 3 + 2 and page.count('type="checkbox" name=') == 3
    assert 'inputmode="decimal"' in page and page.count('class="ck-pos"') == 3
    assert f"Score: 0 / {n}" in page
    assert "<script>" in page and "ckQuiz" in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)  # nothing from elsewhere
    assert "http" not in page.split("<script>")[-1]  # quiz.js (Leaflet, before it, names its site)


def test_html_escapes_everything() -> None:
    page = quiz.Quiz(load_fixture("xss")).to_html()
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;test&lt;/b&gt;" in page and "<u>" not in page
    body, script = page.split("<script>", 1)
    assert "</script>" not in body
    # progress.js, quiz.js, the scripts of numeric and single, and the call that starts them
    assert script.count("</script>") == 5 and script.endswith("</script>\n")
    assert "__xss=2" not in page  # the hostile explanation is only in the encoded blob


def test_two_quizzes_get_unique_ids(demo: quiz.Bank) -> None:
    first, second = quiz.Quiz(demo).to_html(), quiz.Quiz(demo).to_html()
    id1 = re.search(r'class="ck-quiz" id="([^"]+)"', first).group(1)
    id2 = re.search(r'class="ck-quiz" id="([^"]+)"', second).group(1)
    assert id1 != id2 and id1.startswith("ck-quiz-demo") and id2.startswith("ck-quiz-demo")
    ids = re.findall(r' id="([^"]+)"', first + second)
    assert len(ids) == len(set(ids))


def test_mimebundle(demo: quiz.Bank) -> None:
    bundle = quiz.Quiz(demo)._repr_mimebundle_()
    assert set(bundle) == {
        "application/vnd.jupyter.widget-view+json",
        "text/html",
        "text/markdown",
        "text/plain",
    }
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"]
    assert 'class="ck-quiz"' in bundle["text/html"]
    n = len(demo.questions)
    assert (
        bundle["text/plain"] == f"Quiz: Check your understanding: the visit (demo) ({n} questions)"
    )


def test_chapter_quiz_reads_data(data_dir) -> None:
    data_dir("demo")
    q = quiz.chapter_quiz("demo")
    assert isinstance(q, quiz.Quiz) and len(q.questions) == len(load_fixture("demo").questions)


def test_chapter_quiz_missing_bank(data_dir) -> None:
    data_dir()
    with pytest.raises(DataError, match="file not found"):
        quiz.chapter_quiz("09_nothing")


# --------------------------------------------------------------------------- print Markdown


def letter_of(question: quiz.Question, text: str) -> str:
    """The letter an option is shown with (options are shown in a shuffled order)."""
    return "abcdefghij"[[o.text for o in question.options].index(text)]


def test_options_are_shown_shuffled_the_same_way_everywhere(demo: quiz.Bank) -> None:
    """Where an author put the right option tells a reader nothing: single and multiple
    options are shown in an order drawn from the question's id, the same in every
    rendering and from one load to the next, and never in the bank's own order."""
    raw = yaml.safe_load((FIXTURES / "demo.yml").read_text(encoding="utf-8"))
    for entry in raw["questions"]:
        if entry["type"] not in ("single", "multiple"):
            continue
        loaded = next(q for q in demo.questions if q.id == entry["id"])
        authored = [(o if isinstance(o, str) else o["text"]).strip() for o in entry["options"]]
        shown = [o.text for o in loaded.options]
        assert sorted(shown) == sorted(authored) and shown != authored, entry["id"]
        again = next(q for q in load_fixture("demo").questions if q.id == entry["id"])
        assert again.options == loaded.options
        page = quiz.Quiz(demo).to_html()
        positions = [page.index(html.escape(text, quote=False)) for text in shown]
        assert positions == sorted(positions), entry["id"]


def test_markdown_numbered_lettered(demo: quiz.Bank) -> None:
    text = quiz.Quiz(demo).to_markdown()
    for number in range(1, len(demo.questions) + 1):
        assert re.search(rf"^{number}\. ", text, re.M)
    for option_text in ("At the Zagulba residence on the Caspian coast", "In Shusha"):
        assert f"   - {letter_of(demo.questions[0], option_text)}) {option_text}" in text
    assert "   - True\n   - False" in text
    assert "billion US\\$" in text
    ordering = question(demo, "ordering")
    for letter, item in zip("abc", ordering.items, strict=True):
        assert f"   - {letter}) {quiz.md_escape(item)}" in text
    assert "Answers: see the answer key at the end of the book." in text
    rendered = myst_html(text)
    assert rendered.count("<li>") == len(demo.questions) + 3 + 3 + 2 + 3
    assert rendered.startswith("<p><strong>")
    assert demo.questions[0].explanation not in text


def test_markdown_contains_no_html_and_escapes() -> None:
    text = quiz.Quiz(load_fixture("xss")).to_markdown()
    assert not re.search(r"(?<!\\)<", text)  # every < is escaped: no HTML
    rendered = myst_html(text)
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert "<img" not in rendered and "<u>" not in rendered and "<b>" not in rendered
    assert "<em>not emphasis</em>" not in rendered and "<a " not in rendered
    assert "*not emphasis*" in rendered and "{math}" in rendered
    assert "math" not in re.sub(r"\{math\}", "", rendered)  # no maths node
    assert "<code>" not in rendered and "`2`" in rendered


def test_md_escape_roundtrip() -> None:
    hostile = "$x$ {cite:p}`k` *a* _b_ [l](u) <i> & | ~ % # 1."
    rendered = myst_html(f"Text: {quiz.md_escape(hostile)}")
    assert html.unescape(re.sub(r"</?p>", "", rendered)).strip() == f"Text: {hostile}"


# --------------------------------------------------------------------------- key, objectives


def test_answer_key(data_dir) -> None:
    data_dir("xss", "demo")
    key = quiz.answer_key()
    bundle = key._repr_mimebundle_()
    assert set(bundle) == {"text/markdown", "text/html", "text/plain"}
    md = bundle["text/markdown"]
    assert md.index("demo") < md.index("xss")  # chapter (file-name) order
    zagulba = "At the Zagulba residence on the Caspian coast"
    letter = letter_of(load_fixture("demo").questions[0], zagulba)
    assert f"Answer: **{letter}) {zagulba}**." in md
    assert "Answer: **True**." in md
    assert "Answer: **4 billion US\\$**." in md
    assert "Answer: **4 \\<u\\>units\\</u\\> (accepted: 3.5 to 4.5 \\<u" in md
    ordering = question(load_fixture("demo"), "ordering")
    letters = [("abc")[ordering.items.index(i)] for i in ordering.answer]
    assert f"{letters[0]}) {quiz.md_escape(ordering.answer[0])}; {letters[1]}) " in md
    for q in load_fixture("demo").questions:
        assert quiz.md_escape(q.explanation) in md
        assert html.escape(q.explanation) in bundle["text/html"]
    assert not re.search(r"(?<!\\)<", md)
    assert "<img" not in bundle["text/html"]


def test_objectives(data_dir) -> None:
    data_dir("demo", "xss")
    bundle = quiz.objectives("demo")._repr_mimebundle_()
    assert (
        "- Describe the programme of the state visit of 18–19 August 2024."
        in bundle["text/markdown"]
    )
    assert bundle["text/markdown"].count("\n- ") == 2
    assert "Place the visit in time." in bundle["text/plain"]
    hostile = quiz.objectives("xss")._repr_mimebundle_()
    assert "<script>" not in hostile["text/html"] and "&lt;script&gt;" in hostile["text/html"]
    assert "<script>" not in myst_html(hostile["text/markdown"])


def test_answer_key_names_chapters_by_number() -> None:
    md = quiz.answer_key()._repr_mimebundle_()["text/markdown"]
    headings = re.findall(r"^\*\*(Chapter \d)\. ", md, flags=re.M)
    assert headings == [f"Chapter {n}" for n in range(1, len(CHAPTERS) + 1)]


def test_a_question_s_form_changes_with_what_the_reader_answers() -> None:
    """The digest saved with each answer on the web page (the progress panel counts a saved
    answer only while its question keeps the same form): the same for the same question,
    another when the prompt or the options change, never the same for two questions."""
    import dataclasses

    bank = quiz.load_bank(CHAPTERS[0])
    single = next(q for q in bank.questions if q.options)
    assert single.form == dataclasses.replace(single).form and len(single.form) == 12
    assert dataclasses.replace(single, prompt=single.prompt + "?").form != single.form
    assert dataclasses.replace(single, options=single.options[::-1]).form != single.form
    assert dataclasses.replace(single, explanation="other").form == single.form
    forms = [q.form for b in quiz.load_banks() for q in b.questions]
    assert len(set(forms)) == len(forms)
    html = quiz.chapter_quiz(CHAPTERS[0])._repr_mimebundle_()["text/html"]
    for question in bank.questions:
        element = f'data-qid="{question.id}" data-qtype="{question.type}"'
        assert f'{element} data-form="{question.form}"' in html


def test_progress_panel_counts_come_from_the_banks() -> None:
    from coursekit.quiz.progress import panel_html, panel_rows

    rows = panel_rows()
    assert [row["chapter"] for row in rows] == list(CHAPTERS)
    for row in rows:
        questions = quiz.load_bank(row["chapter"]).questions
        assert row["questions"] == [q.id for q in questions]
        assert row["forms"] == [q.form for q in questions]
        assert row["href"] == f"chapters/{row['chapter']}.html"
    page = panel_html(rows)
    for row in rows:
        assert f'data-questions="{" ".join(row["questions"])}"' in page
        assert f'data-forms="{" ".join(row["forms"])}"' in page
        assert f'<td class="ck-total">{len(row["questions"])}</td>' in page
    assert page.count("<script>") == 1 and "ckProgress" in page and "ckQuiz =" not in page

"""Graded notebooks (``make assignments``).

Fast: every question's right and wrong answers, written as a student writes them, grade
as the course grades them; unreadable answers say why; bad banks name file, item and field.
Slow (marker ``nbgrader``), through nbgrader's own command line in a temporary course
folder (no hub): ``nbgrader generate_assignment`` releases every chapter without hidden
tests, answers or explanations; three submissions of chapter 1 (all right, all wrong,
mixed) are autograded; every item's score and every total, in the gradebook and in
nbgrader's CSV export, equal the course's own grading of those answers; the feedback
carries verdicts and explanations.
"""

from __future__ import annotations

import csv
import html
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest
from graded import answers, course_grading, short_failures

from coursekit.data import DataError
from coursekit.nbgrader import COURSE_ID, build, check, letters, notebook, types
from coursekit.quiz import grade, load_bank, load_banks
from coursekit.quiz.model import AnswerError
from coursekit.quiz.types import TYPES

CHAPTER = "01_visit"
BIN = Path(sys.executable).parent


def nbgrader(course: Path, *args: str) -> None:
    """Run ``nbgrader`` in the course folder (its ``alembic`` must be on the PATH)."""
    env = os.environ | {"PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, env=env,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def bank():
    return load_bank(CHAPTER)


# -- fast: the notebook forms of every question, without nbgrader's command line ----------
@pytest.mark.parametrize("item", [q for b in load_banks() for q in b.questions], ids=lambda q: q.id)
def test_right_and_wrong_answers_grade_as_the_course_does(item):
    part = types.get(item.type)
    assert check.result(item, part.right(item)).correct
    assert grade(item, part.answer(item, part.right(item))).correct
    wrong = check.result(item, part.wrong(item))
    assert wrong.valid and not wrong.correct


@pytest.mark.parametrize(
    ("written", "expected"),
    [("b", ["B"]), (" B ", ["B"]), ("a, c", ["A", "C"]), ("ca", ["C", "A"]), ("c a", ["C", "A"])],
)
def test_letters_are_read_in_any_case_and_spacing(written, expected):
    assert letters.named(written, ["A", "B", "C"], "abc") == expected


@pytest.mark.parametrize("written", ["", "d", "true", 3, "ab c"])
def test_unreadable_letters_say_which_letters_count(written):
    with pytest.raises(AnswerError, match=r"letter|quotes|Write") as error:
        letters.named(written, ["A", "B", "C"], "abc")
    if written in ("", "d"):
        assert "from a to c" in str(error.value)


def test_unreadable_answer_fails_the_hidden_test_with_the_reason(bank, capsys):
    item = next(q for q in bank.questions if q.type == "single")
    with pytest.raises(AssertionError, match="not a letter from a to d"):
        check.check(CHAPTER, item.id, "z")
    printed = capsys.readouterr().out
    assert item.explanation in printed


def test_right_answer_passes_and_prints_the_explanation(bank, capsys):
    item = bank.questions[0]
    check.check(CHAPTER, item.id, types.get(item.type).right(item))
    out = capsys.readouterr().out
    assert out.startswith("✓ Correct.") and item.explanation in out


def test_every_type_has_a_notebook_form_in_its_folder():
    assert sorted(types.PARTS) == list(TYPES)
    for name, part in types.PARTS.items():
        assert part.__name__ == f"coursekit.quiz.types.{name}.notebook"
        assert isinstance(part.HOW, str) and part.HOW, name
        for function in ("shown", "answer", "right", "wrong"):
            assert callable(getattr(part, function)), (name, function)


def test_a_hidden_test_imports_no_plotting_or_widget_library():
    """What autograde runs per item, in a fresh process: grading needs no matplotlib (the
    printed map of a locate item is drawn only when the source notebook is written)."""
    probe = ("from coursekit.nbgrader.check import check\nimport json, sys\n"
             "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)  # fmt: skip
    imported = set(json.loads(done.stdout.splitlines()[-1]))
    assert imported & {"matplotlib", "folium", "ipywidgets", "ipyleaflet", "nbgrader"} == set()


def test_unknown_type_or_difficulty_names_file_item_and_field(bank):
    item = bank.questions[0]
    odd = replace(bank, questions=(replace(item, type="sketch"),))
    with pytest.raises(DataError, match=rf"{item.id}.*'type'.*no notebook form"):
        notebook.source(odd)
    odd = replace(bank, questions=(replace(item, difficulty="brutal"),))
    with pytest.raises(DataError, match=rf"{item.id}.*'difficulty'.*no points"):
        notebook.source(odd)


# -- slow: nbgrader's command line on a course folder ----------------------------------
@pytest.fixture(scope="module")
def course(tmp_path_factory, bank) -> Path:
    """A course folder with every chapter released (by one nbgrader process), and chapter 1
    submitted, autograded, exported and fed back."""
    root = tmp_path_factory.mktemp("course")
    build.build(root, load_banks())
    nbgrader(root, "generate_assignment", "*")
    released = nbformat.read(root / "release" / CHAPTER / f"{CHAPTER}.ipynb", as_version=4)
    for student, written in answers(bank).items():
        nb = nbformat.from_dict(json.loads(json.dumps(released)))
        cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
        for cell, text in zip(cells, written, strict=True):
            cell.source = cell.source.replace('""', json.dumps(text))
        target = root / "submitted" / student / CHAPTER / f"{CHAPTER}.ipynb"
        target.parent.mkdir(parents=True)
        nbformat.write(nb, target)
    nbgrader(root, "autograde", CHAPTER, "--create")
    nbgrader(root, "export", "--to", "grades.csv")
    nbgrader(root, "generate_feedback", CHAPTER)
    return root


def test_source_has_one_answer_and_one_hidden_test_per_item(bank, tmp_path):
    (path,) = build.build(tmp_path, [bank])[1:]
    nb = nbformat.read(path, as_version=4)
    grades = [c for c in nb.cells if c.metadata["nbgrader"]["grade"]]
    assert [c.metadata["nbgrader"]["points"] for c in grades] == [
        notebook.POINTS[q.difficulty] for q in bank.questions
    ]
    for cell, item in zip(grades, bank.questions, strict=True):
        assert cell.source.startswith("### BEGIN HIDDEN TESTS\n")
        assert cell.source.endswith("### END HIDDEN TESTS")
        assert json.dumps(item.id) in cell.source


@pytest.mark.slow
def test_two_builds_write_the_same_bytes(tmp_path):
    first = build.build(tmp_path / "a", load_banks())
    second = build.build(tmp_path / "b", load_banks())
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


@pytest.mark.nbgrader
@pytest.mark.xdist_group("nbgrader")  # one worker: the course fixture runs nbgrader once
def test_release_has_no_hidden_tests_answers_or_explanations(course, bank):
    text = (course / "release" / CHAPTER / f"{CHAPTER}.ipynb").read_text("utf-8")
    nb = nbformat.reads(text, as_version=4)
    assert "HIDDEN TESTS" not in text and "coursekit" not in text
    for item in bank.questions:
        assert json.dumps(item.explanation)[1:-1] not in text
    answer_cells = [c for c in nb.cells if c.metadata["nbgrader"]["solution"]]
    assert len(answer_cells) == len(bank.questions)
    for number, cell in enumerate(answer_cells, start=1):
        assert cell.source.endswith(f'answer_{number} = (\n    ""\n)')
    assert all(not c.source for c in nb.cells if c.metadata["nbgrader"]["grade"])


@pytest.mark.nbgrader
@pytest.mark.xdist_group("nbgrader")  # one worker: the course fixture runs nbgrader once
def test_scores_equal_the_course_grading(course, bank):
    # Imported here: nbgrader's API (SQLAlchemy, its server extensions) is the largest import
    # of this module, and only the worker that runs this test needs it.
    from nbgrader.api import Gradebook

    gb = Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id=COURSE_ID)
    try:
        for student, written in answers(bank).items():
            expected = 0
            for item, text in zip(bank.questions, written, strict=True):
                worth = notebook.points(bank, item) if course_grading(item, text) else 0
                score = gb.find_grade(f"{item.id}-check", CHAPTER, CHAPTER, student).score
                assert score == worth, (student, item.id, text)
                expected += worth
            assert gb.find_submission(CHAPTER, student).score == expected
    finally:
        gb.close()
    rows = {
        r["student_id"]: r
        for r in csv.DictReader((course / "grades.csv").open())
        if r["assignment"] == CHAPTER
    }
    full = sum(notebook.points(bank, q) for q in bank.questions)
    assert float(rows["right"]["raw_score"]) == float(rows["right"]["max_score"]) == full
    assert float(rows["wrong"]["raw_score"]) == 0
    assert 0 < float(rows["mixed"]["raw_score"]) < full


@pytest.mark.nbgrader
@pytest.mark.xdist_group("nbgrader")  # one worker: the course fixture runs nbgrader once
def test_feedback_shows_verdict_and_explanation(course, bank):
    right, wrong = "✓ Correct.", "✗ Incorrect."
    for student, said, unsaid in (("right", right, wrong), ("wrong", wrong, right)):
        page = (course / "feedback" / student / CHAPTER / f"{CHAPTER}.html").read_text("utf-8")
        assert page.count(said) >= len(bank.questions) and unsaid not in page
        for item in bank.questions:
            assert html.escape(item.explanation, quote=False) in page
    # a wrong answer's test fails with one short line per item, no Python traceback
    page = (course / "feedback" / "wrong" / CHAPTER / f"{CHAPTER}.html").read_text("utf-8")
    short_failures(page, len(bank.questions), wrong)


@pytest.mark.nbgrader
@pytest.mark.xdist_group("nbgrader")  # one worker: the course fixture runs nbgrader once
def test_every_chapter_releases_without_answers_or_explanations(course):
    for bank in load_banks():
        text = (course / "release" / bank.chapter / f"{bank.chapter}.ipynb").read_text("utf-8")
        assert "HIDDEN TESTS" not in text and "coursekit" not in text
        nb = nbformat.reads(text, as_version=4)
        answer_cells = [c for c in nb.cells if c.metadata["nbgrader"]["solution"]]
        assert len(answer_cells) == len(bank.questions)
        assert all(c.source.endswith('= (\n    ""\n)') for c in answer_cells)
        for item in bank.questions:
            assert json.dumps(item.explanation)[1:-1] not in text, (bank.chapter, item.id)

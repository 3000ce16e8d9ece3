"""What the graded-notebook tests' students write (all right, all wrong, mixed), and the
course's own verdict on it: shared by ``test_assignments.py`` (nbgrader's command line) and
``test_hub_grading.py`` (the trial hub)."""

from __future__ import annotations

import re

from coursekit.nbgrader import types
from coursekit.quiz import grade
from coursekit.quiz.model import AnswerError


def answers(bank) -> dict[str, list[str]]:
    """What each student writes, item by item: all right, all wrong, and a mix with a
    blank and an unreadable answer."""
    mixed = []
    for n, item in enumerate(bank.questions):
        part = types.get(item.type)
        mixed.append([part.right(item), part.wrong(item), "", "zz"][n % 4])
    return {
        "right": [types.get(q.type).right(q) for q in bank.questions],
        "wrong": [types.get(q.type).wrong(q) for q in bank.questions],
        "mixed": mixed,
    }


def course_grading(item, written: str) -> bool:
    """The course's own verdict (``coursekit.quiz.grade``) on what a student wrote."""
    try:
        value = types.get(item.type).answer(item, written)
    except AnswerError:
        return False
    return grade(item, value).correct


def without_styles(page: str) -> str:
    """A feedback page without its style sheets (Pygments' CSS names "Generic.Traceback")."""
    return re.sub(r"<style.*?</style>", "", page, flags=re.S)


def short_failures(page: str, count: int, verdict: str) -> None:
    """Each of the ``count`` failed items of a feedback page says so in one line in its
    error output, and no Python traceback shows."""
    text = without_styles(page)
    assert "Traceback" not in text and "check.py" not in text and "NotRight" not in text
    errors = re.findall(r'output_error">\s*<pre>\s*(.*?)</pre>', text, flags=re.S)
    assert errors == [f"Question {n}: no points. {verdict}" for n in range(1, count + 1)]

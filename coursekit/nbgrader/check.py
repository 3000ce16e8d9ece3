"""What an assignment's hidden tests call: grade what a student wrote by the course's rules.

The verdict, the option's feedback and the explanation are printed, so that they reach
the student in nbgrader's feedback, after the attempt; a wrong or unreadable answer fails
the test (no points) with :class:`NotRight`, which the feedback shows as one short line
(the question's number and the verdict), not as a Python traceback.
"""

from __future__ import annotations

from typing import Any

from coursekit.nbgrader import types
from coursekit.quiz.bank import load_bank
from coursekit.quiz.grading import grade
from coursekit.quiz.model import AnswerError, Question, Result


class NotRight(AssertionError):
    """A hidden test's failure, shown to the student as its one line: IPython prints what
    ``_render_traceback_`` returns instead of a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def numbered(chapter: str, qid: str) -> tuple[int, Question]:
    """Question ``qid`` of the chapter's bank, with its number in the assignment (1-based)."""
    for number, entry in enumerate(load_bank(chapter).questions, start=1):
        if entry.id == qid:
            return number, entry
    raise KeyError(f"data/quizzes/{chapter}.yml: no question {qid!r}")


def question(chapter: str, qid: str) -> Question:
    """Question ``qid`` of the chapter's bank."""
    return numbered(chapter, qid)[1]


def result(item: Question, written: Any) -> Result:
    """The course's grading of what a student wrote in the notebook (letters, a number)."""
    try:
        answer = types.get(item.type).answer(item, written)
    except AnswerError as error:
        return Result(False, str(error), valid=False)
    return grade(item, answer)


def check(chapter: str, qid: str, written: Any) -> None:
    """The hidden test of one item: print what the student is told; fail unless right, with
    one line that names the question and the verdict (the answer is in the explanation
    printed above it, which the student sees only in the feedback)."""
    number, item = numbered(chapter, qid)
    outcome = result(item, written)
    print("\n".join([outcome.message, *outcome.feedback, f"Explanation: {item.explanation}"]))
    if not outcome.correct:
        raise NotRight(f"Question {number}: no points. {outcome.message}")

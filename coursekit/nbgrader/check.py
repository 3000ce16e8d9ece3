"""What an assignment's hidden tests call: grade what a student wrote by the course's rules.

The verdict, the option's feedback and the explanation are printed, so that they reach
the student in nbgrader's feedback, after the attempt; a wrong or unreadable answer fails
the test (no points).
"""

from __future__ import annotations

from typing import Any

from coursekit.nbgrader import types
from coursekit.quiz.bank import load_bank
from coursekit.quiz.grading import grade
from coursekit.quiz.model import AnswerError, Question, Result


def question(chapter: str, qid: str) -> Question:
    """Question ``qid`` of the chapter's bank."""
    for entry in load_bank(chapter).questions:
        if entry.id == qid:
            return entry
    raise KeyError(f"data/quizzes/{chapter}.yml: no question {qid!r}")


def result(item: Question, written: Any) -> Result:
    """The course's grading of what a student wrote in the notebook (letters, a number)."""
    try:
        answer = types.get(item.type).answer(item, written)
    except AnswerError as error:
        return Result(False, str(error), valid=False)
    return grade(item, answer)


def check(chapter: str, qid: str, written: Any) -> None:
    """The hidden test of one item: print what the student is told; fail unless right."""
    item = question(chapter, qid)
    outcome = result(item, written)
    print("\n".join([outcome.message, *outcome.feedback, f"Explanation: {item.explanation}"]))
    if not outcome.correct:
        raise AssertionError(outcome.message)

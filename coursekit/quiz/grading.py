"""Grading: :func:`grade` turns an answer into a :class:`Result` (used by the widget).

Each type's own check is in ``coursekit.quiz.types``; the messages are in ``rules``.
"""

from __future__ import annotations

from typing import Any

from coursekit.quiz.model import AnswerError, Question, Result
from coursekit.quiz.rules import message
from coursekit.quiz.types import get_type


def grade(question: Question, answer: Any) -> Result:
    """Grade ``answer`` to ``question``; a malformed answer gives ``Result(valid=False)``.

    Answers: single, an option's text; multiple, a list of option texts; truefalse, a
    bool; numeric, a number or the text typed; ordering, the items in order or a mapping
    item -> position (1-based). Other types: see their module in ``coursekit.quiz.types``.
    """
    try:
        correct, feedback = get_type(question.type).check(question, answer)
    except AnswerError as exc:
        return Result(False, str(exc), valid=False)
    verdict = message("correct" if correct else "incorrect")
    return Result(correct, verdict, question.explanation, tuple(feedback))

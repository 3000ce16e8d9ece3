"""``ordering``: the items lettered in their shown order; the student writes the letters
in the right order."""

from __future__ import annotations

from typing import Any

from coursekit.nbgrader import letters
from coursekit.quiz.model import Question
from coursekit.quiz.types.choice import LETTERS

HOW = 'the letters in order, for example "c, a, b"'


def shown(question: Question) -> list[str]:
    return letters.lines(question.items, LETTERS)


def answer(question: Question, written: Any) -> Any:
    return letters.named(written, question.items, LETTERS)


def right(question: Question) -> str:
    return letters.of(question.items, question.answer, LETTERS)


def wrong(question: Question) -> str:
    return letters.of(question.items, question.items, LETTERS)  # never the solution

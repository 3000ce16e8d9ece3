"""``single``: the options lettered a, b, c...; the student writes one letter."""

from __future__ import annotations

from typing import Any

from coursekit.nbgrader import letters
from coursekit.quiz.model import AnswerError, Question
from coursekit.quiz.types.choice import LETTERS, texts

HOW = 'one letter, for example "b"'


def shown(question: Question) -> list[str]:
    return letters.lines(texts(question), LETTERS)


def answer(question: Question, written: Any) -> Any:
    chosen = letters.named(written, texts(question), LETTERS)
    if len(chosen) != 1:
        raise AnswerError("Write one letter only.")
    return chosen[0]


def right(question: Question) -> str:
    return letters.of(texts(question), [question.answer], LETTERS)


def wrong(question: Question) -> str:
    other = next(t for t in texts(question) if t != question.answer)
    return letters.of(texts(question), [other], LETTERS)

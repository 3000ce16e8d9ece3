"""``multiple``: the options lettered a, b, c...; the student writes every right letter."""

from __future__ import annotations

from typing import Any

from coursekit.nbgrader import letters
from coursekit.quiz.model import Question
from coursekit.quiz.types.choice import LETTERS, texts

HOW = 'every right letter, for example "a, c"'


def shown(question: Question) -> list[str]:
    return letters.lines(texts(question), LETTERS)


def answer(question: Question, written: Any) -> Any:
    return letters.named(written, texts(question), LETTERS)


def right(question: Question) -> str:
    return letters.of(texts(question), [t for t in texts(question) if t in question.answer],
                      LETTERS)  # fmt: skip


def wrong(question: Question) -> str:
    others = [t for t in texts(question) if t not in question.answer] or texts(question)[:1]
    return letters.of(texts(question), others, LETTERS)

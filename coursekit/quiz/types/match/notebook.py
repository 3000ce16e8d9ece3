"""``match``: the left items numbered, the right-hand options lettered (as in print); the
student writes one letter per numbered item, in the items' order."""

from __future__ import annotations

from typing import Any

from coursekit.nbgrader import letters
from coursekit.quiz.model import AnswerError, Question
from coursekit.quiz.types.choice import LETTERS
from coursekit.quiz.types.match import spec
from coursekit.text import md_escape

HOW = 'one letter for each numbered item, in order, for example "c, a, b"'


def shown(question: Question) -> list[str]:
    m = spec(question)
    items = [f"{n}. {md_escape(left)}" for n, left in enumerate(m.lefts, start=1)]
    return [*items, "", *letters.lines(m.options, LETTERS)]


def answer(question: Question, written: Any) -> Any:
    m = spec(question)
    chosen = letters.named(written, m.options, LETTERS)
    if len(chosen) != len(m.lefts):
        raise AnswerError(f"Write {len(m.lefts)} letters, one for each numbered item.")
    return dict(zip(m.lefts, chosen, strict=True))


def right(question: Question) -> str:
    m = spec(question)
    return letters.of(m.options, [r for _, r in m.pairs], LETTERS)


def wrong(question: Question) -> str:
    m = spec(question)
    rights = [r for _, r in m.pairs]
    return letters.of(m.options, rights[1:] + rights[:1], LETTERS)  # every pair shifted

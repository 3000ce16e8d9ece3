"""The quiz model: banks, questions and grading results, independent of any rendering."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Option:
    """A choice of a single or multiple question, with optional feedback."""

    text: str
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    """One validated question of a bank.

    ``options``, ``tolerance`` and ``unit`` serve the built-in types; a new type keeps its
    own fields in ``params`` (the raw values of the fields its schema allows).
    """

    id: str
    type: str
    prompt: str
    answer: Any
    explanation: str
    objective: str
    difficulty: str
    options: tuple[Option, ...] = ()
    tolerance: float | None = None
    unit: str = ""
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def form(self) -> str:
        """A digest of the question as the reader answers it (type, prompt, options, items):
        the web page saves it with each answer, and the progress panel counts a saved answer
        only while its question still has the same form."""
        shown = [self.type, self.prompt, [o.text for o in self.options], list(self.items)]
        return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()[:12]

    @property
    def items(self) -> tuple[str, ...]:
        """Ordering: the items in the shuffled order they are shown in (stable per id)."""
        if self.type != "ordering":
            return ()
        return shuffled(self.id, self.answer)


def shuffled(seed: str, values: Sequence[Any]) -> tuple[Any, ...]:
    """``values`` shuffled with a fixed seed (a question's id: the same order on the web
    page, in the widget and in print), never in their given order."""
    items = list(values)
    random.Random(hashlib.sha256(seed.encode()).hexdigest()).shuffle(items)
    if items == list(values):
        items = items[1:] + items[:1]
    return tuple(items)


@dataclass(frozen=True)
class Objective:
    """A learning objective of a chapter."""

    id: str
    text: str


@dataclass(frozen=True)
class Bank:
    """A validated quiz bank (one chapter)."""

    file: str
    chapter: str
    title: str
    objectives: tuple[Objective, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Result:
    """The outcome of :func:`coursekit.quiz.grade`.

    ``valid`` is False when the answer could not be graded (nothing chosen, text in a
    number box...); then ``message`` says what to do and ``correct`` is False.
    """

    correct: bool
    message: str
    explanation: str = ""
    feedback: tuple[str, ...] = ()
    valid: bool = True

    @property
    def text(self) -> str:
        """Everything the reader is told, as plain text."""
        return "\n".join(p for p in (self.message, self.explanation, *self.feedback) if p)


class AnswerError(ValueError):
    """An answer of the wrong kind (not a number, an option not offered...)."""


class RuleError(ValueError):
    """A question breaks a rule of its type; the bank loader adds the file and the item."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field, self.problem = field, problem

"""``truefalse``: the student writes true or false."""

from __future__ import annotations

from typing import Any

from coursekit.quiz.model import Question

HOW = '"true" or "false"'


def shown(question: Question) -> list[str]:
    return []


def answer(question: Question, written: Any) -> Any:
    return written


def right(question: Question) -> str:
    return "true" if question.answer else "false"


def wrong(question: Question) -> str:
    return "false" if question.answer else "true"

"""``numeric``: the student writes a number (the unit is named in the question)."""

from __future__ import annotations

from typing import Any

from coursekit.quiz.model import Question
from coursekit.text import md_escape

HOW = 'a number, for example "11.8"'


def shown(question: Question) -> list[str]:
    return [f"Give the number in {md_escape(question.unit)}."] if question.unit else []


def answer(question: Question, written: Any) -> Any:
    return written


def right(question: Question) -> str:
    return f"{question.answer:g}"


def wrong(question: Question) -> str:
    return f"{question.answer + (question.tolerance or 0) + 1:g}"

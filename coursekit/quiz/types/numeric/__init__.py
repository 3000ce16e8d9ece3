"""``numeric``: a number, right within ``tolerance``, with an optional ``unit``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from coursekit.quiz.model import Question
from coursekit.quiz.rules import close_enough, invalid, parse_number
from coursekit.quiz.types.base import QuestionType, register
from coursekit.text import md_escape


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


@register
class Numeric(QuestionType):
    name = "numeric"
    hint = "Give a number."

    def parse(self, question: Question) -> Question:
        return replace(question, tolerance=float(question.tolerance or 0))

    def check(self, question: Question, answer: Any) -> tuple[bool, Sequence[str]]:
        if answer is None:
            raise invalid("no_number")
        number = parse_number(answer)
        return close_enough(number, question.answer, question.tolerance or 0.0), []

    def answer_texts(self, question: Question) -> list[str]:
        """The number, and the number with its unit (``"44 days"``)."""
        value = float(question.answer)
        number = str(int(value)) if value == int(value) else f"{value:g}"
        return [number, f"{number} {question.unit}"] if question.unit else [number]

    def solution(self, question: Question) -> dict[str, Any]:
        return {"a": question.answer, "t": question.tolerance or 0.0}

    def answer_text(self, question: Question) -> str:
        unit = f" {question.unit}" if question.unit else ""
        text = f"{_number(question.answer)}{unit}"
        if question.tolerance:
            low, high = question.answer - question.tolerance, question.answer + question.tolerance
            text += f" (accepted: {_number(low)} to {_number(high)}{unit})"
        return text

    def print_lines(self, question: Question) -> list[str]:
        unit = f" {md_escape(question.unit)}" if question.unit else ""
        return [f"   Answer: \\_\\_\\_\\_\\_\\_\\_\\_{unit}"]

    def widget_inputs(self, question: Question, w: Any) -> list[Any]:
        label = f"Answer ({question.unit})" if question.unit else "Answer"
        text = w.Text(value="", description=label, placeholder="a number, e.g. 11.8")
        text.style.description_width = "initial"
        return [text]

    def widget_answer(self, question: Question, inputs: list[Any]) -> Any:
        return inputs[0].value

    def widget_select(self, question: Question, inputs: list[Any], value: Any) -> None:
        inputs[0].value = "" if value is None else str(value)

"""``truefalse``: a statement to judge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coursekit.quiz.model import Question
from coursekit.quiz.rules import invalid
from coursekit.quiz.types.base import QuestionType, register


@register
class TrueFalse(QuestionType):
    name = "truefalse"
    hint = "True or false?"

    def check(self, question: Question, answer: Any) -> tuple[bool, Sequence[str]]:
        if isinstance(answer, str) and answer.strip().lower() in ("true", "false"):
            answer = answer.strip().lower() == "true"
        if answer is None:
            raise invalid("no_truefalse")
        if not isinstance(answer, bool):
            raise invalid("not_truefalse", value=answer)
        return answer == question.answer, []

    def solution(self, question: Question) -> dict[str, Any]:
        return {"a": bool(question.answer)}

    def answer_text(self, question: Question) -> str:
        return "True" if question.answer else "False"

    def print_lines(self, question: Question) -> list[str]:
        return ["   - True", "   - False"]

    def widget_inputs(self, question: Question, w: Any) -> list[Any]:
        return [w.ToggleButtons(options=[("True", True), ("False", False)], value=None)]

    def widget_answer(self, question: Question, inputs: list[Any]) -> Any:
        return inputs[0].value

    def widget_select(self, question: Question, inputs: list[Any], value: Any) -> None:
        if value is not None and not isinstance(value, bool):
            raise invalid("not_truefalse", value=value)
        inputs[0].value = value

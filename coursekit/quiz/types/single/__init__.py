"""``single``: one option is right."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from coursekit.quiz.model import Question
from coursekit.quiz.rules import invalid
from coursekit.quiz.types.base import register
from coursekit.quiz.types.choice import (
    ChoiceType,
    answer_option,
    lettered,
    option_named,
    texts,
)


@register
class Single(ChoiceType):
    name = "single"
    hint = "Choose one."
    input_kind = "radio"

    def parse_answer(self, question: Question) -> Question:
        return replace(question, answer=answer_option(question, question.answer))

    def check(self, question: Question, answer: Any) -> tuple[bool, Sequence[str]]:
        if answer is None or answer == "":
            raise invalid("no_choice")
        option = option_named(question, answer)
        return answer == question.answer, [option.feedback] if option.feedback else []

    def answer_texts(self, question: Question) -> list[str]:
        return [question.answer]

    def solution(self, question: Question) -> dict[str, Any]:
        return {"a": texts(question).index(question.answer)}

    def answer_text(self, question: Question) -> str:
        return lettered(texts(question), [question.answer])

    def widget_inputs(self, question: Question, w: Any) -> list[Any]:
        radio = w.RadioButtons(options=texts(question), value=None, layout=w.Layout(width="auto"))
        return [radio]

    def widget_answer(self, question: Question, inputs: list[Any]) -> Any:
        return inputs[0].value

    def widget_select(self, question: Question, inputs: list[Any], value: Any) -> None:
        if value is not None:
            option_named(question, value)
        inputs[0].value = value

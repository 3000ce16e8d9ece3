"""``multiple``: every right option must be ticked, and no other."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from coursekit.quiz.model import Question, RuleError
from coursekit.quiz.rules import invalid
from coursekit.quiz.types.base import register
from coursekit.quiz.types.choice import (
    ChoiceType,
    answer_option,
    lettered,
    option_named,
    texts,
)


def _chosen(answer: Any) -> list[Any]:
    """The ticked option texts; a lone text counts as one."""
    if isinstance(answer, str) and answer:
        return [answer]
    if answer is None or isinstance(answer, str) or not isinstance(answer, Sequence | set):
        raise invalid("no_tick")
    if not answer:
        raise invalid("no_tick")
    return list(answer)


@register
class Multiple(ChoiceType):
    name = "multiple"
    hint = "Choose all that apply."
    input_kind = "checkbox"

    def parse_answer(self, question: Question) -> Question:
        chosen: list[str] = []
        for entry in question.answer:
            text = answer_option(question, entry)
            if text in chosen:
                raise RuleError("answer", f"answer {entry!r} is listed twice")
            chosen.append(text)
        return replace(question, answer=tuple(chosen))

    def check(self, question: Question, answer: Any) -> tuple[bool, Sequence[str]]:
        chosen = _chosen(answer)
        options = [option_named(question, entry) for entry in chosen]
        feedback = [o.feedback for o in question.options if o in options and o.feedback]
        return set(chosen) == set(question.answer), feedback

    def answer_texts(self, question: Question) -> list[str]:
        return list(question.answer)

    def solution(self, question: Question) -> dict[str, Any]:
        return {"a": [i for i, t in enumerate(texts(question)) if t in question.answer]}

    def answer_text(self, question: Question) -> str:
        return lettered(texts(question), [t for t in texts(question) if t in question.answer])

    def widget_inputs(self, question: Question, w: Any) -> list[Any]:
        return [w.Checkbox(value=False, description=t, indent=False) for t in texts(question)]

    def widget_answer(self, question: Question, inputs: list[Any]) -> Any:
        return [box.description for box in inputs if box.value]

    def widget_select(self, question: Question, inputs: list[Any], value: Any) -> None:
        chosen = [value] if isinstance(value, str) else list(value or [])
        for entry in chosen:
            option_named(question, entry)
        for box in inputs:
            box.value = box.description in chosen

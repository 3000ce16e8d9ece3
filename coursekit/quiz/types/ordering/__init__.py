"""``ordering``: put the items (shown shuffled) in order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from coursekit.quiz.model import Question, RuleError
from coursekit.quiz.rules import invalid
from coursekit.quiz.types.base import QuestionType, register
from coursekit.quiz.types.choice import LETTERS, dropdown_values, dropdowns, lettered
from coursekit.text import md_escape


def _position(value: Any, count: int) -> int:
    try:
        position = int(value)
    except (TypeError, ValueError):
        raise invalid("position_not_whole", value=value, count=count) from None
    if not 1 <= position <= count:
        raise invalid("position_out_of_range", position=position, count=count)
    return position


def _from_positions(question: Question, answer: Mapping) -> list[str]:
    """The items in order, from a mapping item -> position (1-based)."""
    count = len(question.answer)
    placed: dict[int, str] = {}
    for item in question.items:
        if answer.get(item) is None or answer.get(item) == "":
            raise invalid("no_position", item=item)
        position = _position(answer[item], count)
        if position in placed:
            raise invalid("position_twice", position=position)
        placed[position] = item
    unknown = sorted(map(str, set(answer) - set(question.answer)))
    if unknown:
        raise invalid("not_an_item", value=unknown[0])
    return [placed[p] for p in sorted(placed)]


def _from_list(question: Question, answer: Any) -> list[str]:
    """The items in order, from a list."""
    if isinstance(answer, str) or not isinstance(answer, Sequence):
        raise invalid("items_as_list")
    order = list(answer)
    for entry in order:
        if entry not in question.answer:
            raise invalid("not_an_item", value=entry)
        if order.count(entry) > 1:
            raise invalid("item_twice", value=entry)
    for item in question.items:
        if item not in order:
            raise invalid("no_position", item=item)
    return order


@register
class Ordering(QuestionType):
    name = "ordering"
    hint = "Give each item its position."
    printed_hint = "Write the letters in order."

    def parse(self, question: Question) -> Question:
        items = [item.strip() for item in question.answer]
        for item in items:
            if items.count(item) > 1:
                raise RuleError("answer", f"item {item!r} appears twice")
        return replace(question, answer=tuple(items))

    def check(self, question: Question, answer: Any) -> tuple[bool, Sequence[str]]:
        if answer is None:
            raise invalid("no_position", item=question.items[0])
        if isinstance(answer, Mapping):
            order = _from_positions(question, answer)
        else:
            order = _from_list(question, answer)
        return order == list(question.answer), []

    def shown_texts(self, question: Question) -> list[tuple[str, str]]:
        items = [(f"items[{n}]", item) for n, item in enumerate(question.items, start=1)]
        return [*super().shown_texts(question), *items]

    def from_page(self, question: Question, entered: Any) -> Any:
        """The page reads the position chosen for each item as shown ("" for none)."""
        pairs = zip(question.items, entered, strict=True)
        return {item: int(position) if position else None for item, position in pairs}

    def solution(self, question: Question) -> dict[str, Any]:
        """The correct position (1-based) of each shown item, and the items as shown."""
        return {
            "a": [question.answer.index(item) + 1 for item in question.items],
            "i": list(question.items),
        }

    def answer_text(self, question: Question) -> str:
        return lettered(question.items, question.answer)

    def print_lines(self, question: Question) -> list[str]:
        lines = [f"   - {LETTERS[i]}) {md_escape(item)}" for i, item in enumerate(question.items)]
        return [*lines, "", "   Order (letters): \\_\\_\\_\\_\\_\\_\\_\\_"]

    def widget_inputs(self, question: Question, w: Any) -> list[Any]:
        choices = [(str(p), p) for p in range(1, len(question.items) + 1)]
        return dropdowns(w, question.items, choices)

    def widget_answer(self, question: Question, inputs: list[Any]) -> Any:
        return dropdown_values(inputs)

    def widget_select(self, question: Question, inputs: list[Any], value: Any) -> None:
        if isinstance(value, Mapping):
            positions = dict(value)
        else:
            positions = {item: n for n, item in enumerate(value or [], start=1)}
        for box in inputs:
            position = positions.get(box.description)
            box.value = position if position in range(1, len(inputs) + 1) else None

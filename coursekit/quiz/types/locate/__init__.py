"""``locate``: find a place (within a tolerance in km) or an area on a map.

The folder holds the type (this module) and its parts: ``target`` (the model, checked
against ``data/``), ``geometry`` and ``grading`` (the rule, shared with ``script.js``),
``mapdata`` (what every map draws), ``web`` (Leaflet and ``style.css`` for the page, with
``head.html.j2``), ``printed`` (the lettered map) and ``widget`` (the ipyleaflet map in
Jupyter, imported only when a widget is made); ``template.html.j2``, ``schema.json``,
``messages.json`` and ``examples.yaml`` as every type.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from markupsafe import Markup

from coursekit.quiz.model import Question
from coursekit.quiz.types.base import QuestionType, register
from coursekit.quiz.types.locate import grading, mapdata, target
from coursekit.quiz.types.locate.target import Locate as Spec


def spec(question: Question) -> Spec:
    """The checked target, extent, landmarks and letters of a locate question."""
    return question.answer


@register
class Locate(QuestionType):
    name = "locate"
    hint = "Click on the map (or use the arrow keys and Enter)."
    printed_hint = "Write the letter."

    def parse(self, question: Question) -> Question:
        return replace(question, answer=target.parse(question.id, question.params))

    def check(self, question: Question, answer: Any) -> tuple[bool, Sequence[str]]:
        return grading.check(spec(question).target, answer)

    def solution(self, question: Question) -> dict[str, Any]:
        return mapdata.solution(spec(question))

    def page_data(self, question: Question) -> dict[str, Any]:
        """The map the page draws (no answer in it)."""
        return mapdata.page_data(spec(question))

    def page_head(self) -> Markup:
        """Leaflet and the locate styles, once per quiz, before the scripts."""
        from coursekit.quiz.types.locate.web import head

        return head()

    def answer_text(self, question: Question) -> str:
        from coursekit.quiz.types.locate import printed

        return printed.answer_text(spec(question))

    def print_lines(self, question: Question) -> list[str]:
        from coursekit.quiz.types.locate import printed

        return printed.markdown_lines(spec(question))

    def widget_inputs(self, question: Question, w: Any) -> list[Any]:
        from coursekit.quiz.types.locate.widget import LocateMap

        return [LocateMap(spec(question))]

    def widget_answer(self, question: Question, inputs: list[Any]) -> Any:
        return inputs[0].point

    def widget_select(self, question: Question, inputs: list[Any], value: Any) -> None:
        if value is not None:
            grading.parse_click(value)
        inputs[0].put(value)

    def widget_bind(self, question: Question, inputs: list[Any], check: Callable) -> None:
        inputs[0].on_answer(check)

"""What the choice types (single, multiple) share: options, letters, the lettered print."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, ClassVar

from coursekit.quiz.model import Option, Question, RuleError, shuffled
from coursekit.quiz.rules import invalid
from coursekit.quiz.types.base import QuestionType
from coursekit.text import md_escape

#: Letters of options and items, in print and in the answer key.
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def in_shown_order(question: Question) -> Question:
    """``question`` with its options in the order every rendering shows them (page, widget,
    print, answer key, exports): shuffled with the id as seed, so that where an author put
    the right option tells a reader nothing."""
    return replace(question, options=shuffled(question.id, question.options))


def texts(question: Question) -> list[str]:
    """The option texts, in the order shown."""
    return [o.text for o in question.options]


def answer_option(question: Question, entry: str) -> str:
    """A bank's answer ``entry`` (stripped), which must be an option's text (``RuleError``)."""
    text = entry.strip()
    if text not in texts(question):
        raise RuleError("answer", f"answer {entry!r} is not among the options")
    return text


def option_named(question: Question, value: Any) -> Option:
    """The option whose text is ``value``; an ``AnswerError`` if there is none."""
    for option in question.options:
        if option.text == value:
            return option
    raise invalid("not_offered", value=value)


def lettered(shown: Iterable[str], chosen: Iterable[str]) -> str:
    """``"a) text; c) text"``: the chosen texts with their letters in the shown order."""
    shown = list(shown)
    return "; ".join(f"{LETTERS[shown.index(text)]}) {text}" for text in chosen)


def dropdowns(w: Any, labels: Iterable[str], choices: list[tuple[str, Any]]) -> list[Any]:
    """One ipywidgets ``Dropdown`` per label (its ``description``), each offering
    ``choices`` after a blank ("–", None); for ordering and match."""
    boxes = [
        w.Dropdown(options=[("–", None), *choices], value=None, description=label)
        for label in labels
    ]
    for box in boxes:
        box.style.description_width = "initial"
    return boxes


def dropdown_values(inputs: list[Any]) -> dict[str, Any]:
    """``{label: value chosen}`` of :func:`dropdowns`."""
    return {box.description: box.value for box in inputs}


class ChoiceType(QuestionType):
    """Options to choose from, as radio buttons or check boxes."""

    template = "choice.html.j2"  # in this folder, shared by single and multiple
    #: the HTML input type of each option
    input_kind: ClassVar[str]

    def parse(self, question: Question) -> Question:
        """Options in the order shown (:func:`in_shown_order`), then the type's answer."""
        return self.parse_answer(in_shown_order(question))

    def parse_answer(self, question: Question) -> Question:
        """Check the bank's answer against the options; return it in its typed form."""
        raise NotImplementedError

    def shown_texts(self, question: Question) -> list[tuple[str, str]]:
        options = [(f"options[{n}]", o.text) for n, o in enumerate(question.options, start=1)]
        return [*super().shown_texts(question), *options]

    def from_page(self, question: Question, entered: Any) -> Any:
        """The page reads option indexes (a list of them for check boxes)."""
        if isinstance(entered, list):
            return [texts(question)[i] for i in entered]
        return None if entered is None else texts(question)[entered]

    def print_lines(self, question: Question) -> list[str]:
        return [f"   - {LETTERS[i]}) {md_escape(o.text)}" for i, o in enumerate(question.options)]

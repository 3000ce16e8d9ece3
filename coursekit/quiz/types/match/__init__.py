"""``match``: pair each item on the left with one option on the right.

The bank gives the correct ``pairs`` (3 to 6 ``{left, right}``; left texts unique, right
texts unique) and optional ``extra`` right-hand options that match no left item. The
right-hand options are shown shuffled with the question's id as seed (the same order on
the page, in the widget and in print). An answer is right when every pair is; the feedback
says how many of the pairs are right. An answer is a mapping ``left -> right text`` (the
widget's form); the page reads the option chosen for each left item, in order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from coursekit.quiz.model import Question, RuleError, shuffled
from coursekit.quiz.rules import invalid, message
from coursekit.quiz.types.base import QuestionType, register
from coursekit.quiz.types.choice import LETTERS, dropdown_values, dropdowns
from coursekit.text import md_escape

#: the letters of the right-hand options, in print and in the answer key
UPPER = LETTERS.upper()


@dataclass(frozen=True)
class Pairs:
    """The checked pairs, and the right-hand options in the order shown."""

    pairs: tuple[tuple[str, str], ...]
    options: tuple[str, ...]

    @property
    def lefts(self) -> list[str]:
        return [left for left, _ in self.pairs]


def spec(question: Question) -> Pairs:
    """The pairs and options of a match question."""
    return question.answer


def _unique(texts: list[str], field: str, what: str) -> None:
    for text in texts:
        if texts.count(text) > 1:
            raise RuleError(field, f"{what} {text!r} appears twice")


@register
class Match(QuestionType):
    name = "match"
    hint = "Choose the matching option for each item."
    printed_hint = "Write the letter beside each number."

    def parse(self, question: Question) -> Question:
        pairs = [(p["left"].strip(), p["right"].strip()) for p in question.params["pairs"]]
        extra = [text.strip() for text in question.params.get("extra", ())]
        _unique([left for left, _ in pairs], "pairs", "left text")
        _unique([right for _, right in pairs] + extra, "extra", "right-hand option")
        options = shuffled(question.id, [right for _, right in pairs] + extra)
        return replace(question, answer=Pairs(tuple(pairs), options))

    def shown_texts(self, question: Question) -> list[tuple[str, str]]:
        m = spec(question)
        lefts = [(f"pairs[{n}].left", left) for n, left in enumerate(m.lefts, start=1)]
        options = [(f"options[{n}]", text) for n, text in enumerate(m.options, start=1)]
        return [*super().shown_texts(question), *lefts, *options]

    def answer_texts(self, question: Question) -> list[str]:
        """None: every right-hand text is shown with the question itself (as ordering's
        items are); the answer is the pairing, which no single text gives away."""
        return []

    def check(self, question: Question, answer: Any) -> tuple[bool, Sequence[str]]:
        m = spec(question)
        if answer is None:
            raise invalid("match_no_choice", item=m.lefts[0])
        if not isinstance(answer, Mapping):
            raise invalid("match_as_mapping")
        unknown = sorted(map(str, set(answer) - set(m.lefts)))
        if unknown:
            raise invalid("match_not_an_item", value=unknown[0])
        used: set[str] = set()
        right = 0
        for left, correct in m.pairs:
            chosen = answer.get(left)
            if chosen is None or chosen == "":
                raise invalid("match_no_choice", item=left)
            if chosen not in m.options:
                raise invalid("not_offered", value=chosen)
            if chosen in used:
                raise invalid("match_twice", value=chosen)
            used.add(chosen)
            right += chosen == correct
        count = message("match_count", right=right, count=len(m.pairs))
        return right == len(m.pairs), [count]

    def from_page(self, question: Question, entered: Any) -> Any:
        """The page reads the index of the option chosen for each left item ("" for none)."""
        m = spec(question)
        pairs = zip(m.lefts, entered, strict=True)
        return {left: m.options[int(index)] if index != "" else None for left, index in pairs}

    def solution(self, question: Question) -> dict[str, Any]:
        """The index of the right option for each left item, the left items, the options."""
        m = spec(question)
        return {
            "a": [m.options.index(right) for _, right in m.pairs],
            "l": m.lefts,
            "o": list(m.options),
        }

    # -- what the template uses ----------------------------------------------------------
    def lefts(self, question: Question) -> list[str]:
        return spec(question).lefts

    def options(self, question: Question) -> tuple[str, ...]:
        return spec(question).options

    def letter(self, index: int) -> str:
        return UPPER[index]

    def answer_text(self, question: Question) -> str:
        m = spec(question)
        return ", ".join(
            f"{n}–{UPPER[m.options.index(right)]}" for n, (_, right) in enumerate(m.pairs, 1)
        )

    def print_lines(self, question: Question) -> list[str]:
        m = spec(question)
        lefts = [f"   - ({n}) {md_escape(left)}: \\_\\_\\_" for n, left in enumerate(m.lefts, 1)]
        options = [f"   - ({UPPER[i]}) {md_escape(text)}" for i, text in enumerate(m.options)]
        return [*lefts, "", *options]

    def widget_inputs(self, question: Question, w: Any) -> list[Any]:
        m = spec(question)
        return dropdowns(w, m.lefts, [(f"{UPPER[i]}) {t}", t) for i, t in enumerate(m.options)])

    def widget_answer(self, question: Question, inputs: list[Any]) -> Any:
        return dropdown_values(inputs)

    def widget_select(self, question: Question, inputs: list[Any], value: Any) -> None:
        chosen = dict(value or {})
        for text in chosen.values():
            if text is not None and text not in spec(question).options:
                raise invalid("not_offered", value=text)
        for box in inputs:
            box.value = chosen.get(box.description)

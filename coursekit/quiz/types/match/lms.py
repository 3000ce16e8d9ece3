"""``match`` exports: Moodle ``matching`` (format.php ``import_match``: a ``subquestion``
per pair, an empty one per extra right-hand text), Canvas matching, GIFT ``=left -> right``.

The bank gives ``pairs: [{left, right}]`` (3-6) and optional ``extra`` (right-hand texts
that match nothing); Canvas and GIFT get the right-hand texts in an order fixed by the id
(Moodle shuffles them itself).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from coursekit.lms import moodle as mx
from coursekit.lms import pairs as px
from coursekit.lms import qti as qx
from coursekit.lms import readback
from coursekit.lms.context import Context
from coursekit.lms.markup import plain, sub, to_html
from coursekit.quiz.model import Question

NAME, MOODLE, CANVAS = "match", "matching", px.CANVAS


def claims_moodle(element: etree._Element) -> bool:
    return True


def spec(question: Question) -> tuple[list[tuple[str, str]], list[str]]:
    """The (left, right) pairs and the extra right-hand texts, from the bank's fields."""
    pairs = [(p["left"], p["right"]) for p in question.params["pairs"]]
    return pairs, list(question.params.get("extra", []))


def _question(fields: dict[str, Any], pairs, extra) -> Question:
    params = {"pairs": [{"left": a, "right": b} for a, b in pairs], "extra": list(extra)}
    return readback.question(fields, NAME, None, params=params)


def moodle(question: Question, ctx: Context) -> etree._Element:
    element = mx.header(question, MOODLE)
    sub(element, "shuffleanswers", "true")
    mx.combined_feedback(element)
    pairs, extra = spec(question)
    for left, right in [*pairs, *(("", e) for e in extra)]:
        subquestion = sub(element, "subquestion", format="html")
        sub(subquestion, "text", to_html(left))
        sub(sub(subquestion, "answer"), "text", right)
    return element


def read_moodle(element: etree._Element) -> Question:
    pairs, extra = [], []
    for subquestion in element.findall("subquestion"):
        left, right = plain(subquestion.findtext("text") or ""), subquestion.findtext("answer/text")
        (pairs.append((left, right)) if left else extra.append(right))
    return _question(mx.read_header(element), pairs, extra)


def rights(question: Question) -> list[str]:
    """The right-hand texts as Canvas and GIFT show them (shuffled, fixed per id)."""
    pairs, extra = spec(question)
    return px.shuffled(question.id, [right for _, right in pairs] + extra)


def qti(question: Question, ctx: Context) -> etree._Element:
    return px.qti(question, spec(question)[0], rights(question))


def read_qti(element: etree._Element) -> Question:
    pairs, offered = px.read_qti(element)
    extra = [text for text in offered if text not in {right for _, right in pairs}]
    return _question(qx.read_header(element), pairs, extra)


def gift(question: Question) -> str:
    pairs, extra = spec(question)
    return px.gift(question, pairs, extra)

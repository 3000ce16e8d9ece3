"""What the choice exports (single, multiple; locate's lettered map on Canvas and in GIFT)
share.

Moodle: ``multichoice`` (format.php ``import_multichoice``); Canvas: a ``response_lid``;
GIFT: ``=right ~wrong``. Not a type itself: ``single`` and ``multiple`` use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from coursekit.lms import gift as gx
from coursekit.lms import moodle as mx
from coursekit.lms import qti as qx
from coursekit.lms.markup import sub
from coursekit.quiz.model import Option, Question

RESPONSE = "response1"


def fractions(options: Sequence[Option], right: Sequence[str]) -> list[str]:
    """Moodle grades: single, 100 for the right option; multiple, 100/k for each of the k
    right ones (from Moodle's list) and -100 for a wrong one (the total never drops
    below 0), so that only the exact set earns the full mark."""
    if len(right) == 1:
        return ["100" if o.text in right else "0" for o in options]
    return [mx.grade(100 / len(right)) if o.text in right else "-100" for o in options]


def moodle(question: Question, right: Sequence[str], *after: str) -> etree._Element:
    """A ``multichoice`` question (``single`` true when one option is right)."""
    element = mx.header(question, "multichoice", *after)
    sub(element, "single", "true" if question.type != "multiple" else "false")
    sub(element, "shuffleanswers", "true")
    sub(element, "answernumbering", "abc")
    sub(element, "showstandardinstruction", "1")
    mx.combined_feedback(element)
    for option, fraction in zip(question.options, fractions(question.options, right), strict=True):
        mx.answer(element, fraction, option.text, option.feedback)
    return element


def claims_single(element: etree._Element) -> bool:
    """Whether a ``multichoice`` element has one right option (``<single>true``)."""
    return element.findtext("single") == "true"


def read_moodle(element: etree._Element) -> dict[str, Any]:
    """Header, options and the right option texts of a ``multichoice``."""
    fields = mx.read_header(element)
    answers = mx.read_answers(element)
    fields["options"] = tuple(Option(text, feedback) for _, text, feedback in answers)
    fields["right"] = tuple(text for fraction, text, _ in answers if fraction > 0)
    return fields


def qti(question: Question, canvas_type: str, right: Sequence[str], **prompt) -> etree._Element:
    """A Canvas choice item: score 100 for exactly the right set; feedback per option."""
    element, presentation, processing = qx.item(question, canvas_type, **prompt)
    labels = [(f"o{i}", o.text) for i, o in enumerate(question.options, start=1)]
    qx.choice(presentation, RESPONSE, labels, multiple=canvas_type == "multiple_answers_question")
    for (label, _), option in zip(labels, question.options, strict=True):
        qx.response_feedback(processing, element, RESPONSE, label, option.feedback)

    def condition(var: etree._Element) -> None:
        if len(right) == 1 and canvas_type != "multiple_answers_question":
            qx.el(var, "varequal", next(lb for lb, t in labels if t in right), respident=RESPONSE)
            return
        both = qx.el(var, "and")
        for label, text in labels:
            parent = both if text in right else qx.el(both, "not")
            qx.el(parent, "varequal", label, respident=RESPONSE)

    qx.score(processing, condition, "100")
    return element


def read_qti(element: etree._Element) -> dict[str, Any]:
    """Header, options and right option texts of a choice item."""
    fields = qx.read_header(element)
    labels = qx.labels(qx.find(element, "q:presentation/q:response_lid")[0])
    fields["options"] = tuple(
        Option(text, qx.feedback_of(element, f"{label}_fb")) for label, text in labels.items()
    )
    rule = qx.find(element, "q:resprocessing/q:respcondition[q:setvar]/q:conditionvar")[0]
    chosen = rule.xpath("q:varequal/text() | q:and/q:varequal/text()", namespaces=qx.NSMAP)
    fields["right"] = tuple(labels[label] for label in chosen)
    return fields


def gift(question: Question, right: Sequence[str], **prompt) -> str:
    """``{=right#fb ~wrong#fb}``, or weighted ``~%50%`` marks for several right options."""
    marks = fractions(question.options, right)
    parts = []
    for option, fraction in zip(question.options, marks, strict=True):
        if len(right) == 1:
            mark = "=" if fraction == "100" else "~"
        else:
            mark = f"~%{fraction}%"
        parts.append(gx.option(mark, option.text, option.feedback))
    return gx.question(question, " ".join(parts), **prompt)

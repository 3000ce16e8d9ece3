"""``numeric`` exports: Moodle ``numerical`` with tolerance and unit (format.php
``import_numerical``), Canvas numerical (exact answer ± margin; the unit in the prompt, as
Canvas has no unit field), GIFT ``{#answer:tolerance}`` (the unit in the prompt)."""

from __future__ import annotations

import re

from lxml import etree

from coursekit.lms import gift as gx
from coursekit.lms import moodle as mx
from coursekit.lms import qti as qx
from coursekit.lms import readback
from coursekit.lms.context import Context
from coursekit.lms.markup import sub
from coursekit.quiz.model import Question

NAME, MOODLE, CANVAS = "numeric", "numerical", "numerical_question"
RESPONSE = "response1"
_UNIT = re.compile(r"^Give the answer in (.+)\.$")


def number(value: float) -> str:
    """A number as written in the exports (no exponent, no needless ``.0``)."""
    return f"{value:.15g}" if isinstance(value, float) else str(value)


def unit_note(question: Question) -> tuple[str, ...]:
    """The paragraph that names the unit where the platform has no unit field."""
    return (f"Give the answer in {question.unit}.",) if question.unit else ()


def read_unit(fields: dict) -> str:
    """The unit named by :func:`unit_note` in the paragraphs after a read prompt."""
    found = [m[1] for p in fields["prompt_rest"] if (m := _UNIT.match(p))]
    return found[0] if found else ""


def claims_moodle(element: etree._Element) -> bool:
    return True


def moodle(question: Question, ctx: Context) -> etree._Element:
    # Moodle does not show an optional unit: the question names it too
    element = mx.header(question, MOODLE, *unit_note(question))
    right = mx.answer(element, "100", number(question.answer), html=False)
    sub(right, "tolerance", number(question.tolerance or 0))
    if question.unit:
        unit = sub(sub(element, "units"), "unit")
        sub(unit, "multiplier", "1")
        sub(unit, "unit_name", question.unit)
    sub(element, "unitgradingtype", "0")  # the unit may be left out, never graded
    sub(element, "unitpenalty", "0")
    sub(element, "showunits", "0" if question.unit else "3")  # 0: typed in; 3: no unit
    sub(element, "unitsleft", "0")
    return element


def read_moodle(element: etree._Element) -> Question:
    fields = mx.read_header(element)
    right = element.find("answer[@fraction='100']")
    unit = element.findtext("units/unit/unit_name") or ""
    return readback.question(
        fields, NAME, float(right.findtext("text")),
        tolerance=float(right.findtext("tolerance")), unit=unit,
    )  # fmt: skip


def qti(question: Question, ctx: Context) -> etree._Element:
    element, presentation, processing = qx.item(question, CANVAS, *unit_note(question))
    response = qx.el(presentation, "response_str", ident=RESPONSE, rcardinality="Single")
    qx.el(qx.el(response, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
    low = question.answer - (question.tolerance or 0)
    high = question.answer + (question.tolerance or 0)

    def condition(var: etree._Element) -> None:
        either = qx.el(var, "or")
        qx.el(either, "varequal", number(question.answer), respident=RESPONSE)
        both = qx.el(either, "and")
        qx.el(both, "vargte", number(low), respident=RESPONSE)
        qx.el(both, "varlte", number(high), respident=RESPONSE)

    qx.score(processing, condition, "100")
    return element


def read_qti(element: etree._Element) -> Question:
    fields = qx.read_header(element)
    rule = qx.find(element, "q:resprocessing/q:respcondition[q:setvar]/q:conditionvar/q:or")[0]
    answer = float(rule.findtext(f"{{{qx.NS}}}varequal"))
    high = float(rule.findtext(f"{{{qx.NS}}}and/{{{qx.NS}}}varlte"))
    return readback.question(fields, NAME, answer, tolerance=high - answer, unit=read_unit(fields))


def gift(question: Question) -> str:
    answer = f"#{number(question.answer)}:{number(question.tolerance or 0)}"
    return gx.question(question, answer, *unit_note(question))

"""``truefalse`` exports: Moodle ``truefalse`` (format.php ``import_truefalse``: answer
texts ``true``/``false``), Canvas true/false, GIFT ``{TRUE}``."""

from __future__ import annotations

from lxml import etree

from coursekit.lms import gift as gx
from coursekit.lms import moodle as mx
from coursekit.lms import qti as qx
from coursekit.lms import readback
from coursekit.lms.context import Context
from coursekit.quiz.model import Question

NAME, MOODLE, CANVAS = "truefalse", "truefalse", "true_false_question"
RESPONSE = "response1"


def claims_moodle(element: etree._Element) -> bool:
    return True


def moodle(question: Question, ctx: Context) -> etree._Element:
    element = mx.header(question, MOODLE)
    for value in (True, False):
        fraction = "100" if value == question.answer else "0"
        mx.answer(element, fraction, str(value).lower(), html=False)
    return element


def read_moodle(element: etree._Element) -> Question:
    fields = mx.read_header(element)
    right = [a.findtext("text") for a in element.findall("answer") if a.get("fraction") == "100"]
    return readback.question(fields, NAME, right == ["true"])


def qti(question: Question, ctx: Context) -> etree._Element:
    element, presentation, processing = qx.item(question, CANVAS)
    qx.choice(presentation, RESPONSE, [("true", "True"), ("false", "False")])
    right = str(bool(question.answer)).lower()
    qx.score(processing, lambda var: qx.el(var, "varequal", right, respident=RESPONSE), "100")
    return element


def read_qti(element: etree._Element) -> Question:
    fields = qx.read_header(element)
    rule = qx.find(element, "q:resprocessing/q:respcondition[q:setvar]/q:conditionvar")[0]
    return readback.question(fields, NAME, rule.findtext(f"{{{qx.NS}}}varequal") == "true")


def gift(question: Question) -> str:
    return gx.question(question, "TRUE" if question.answer else "FALSE")

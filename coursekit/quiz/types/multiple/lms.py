"""``multiple`` exports: Moodle ``multichoice`` with grades from Moodle's list, Canvas
multiple answers, GIFT ``~%w%``."""

from __future__ import annotations

from lxml import etree

from coursekit.lms import choice, readback
from coursekit.lms.context import Context
from coursekit.quiz.model import Question

NAME, MOODLE, CANVAS = "multiple", "multichoice", "multiple_answers_question"


def claims_moodle(element: etree._Element) -> bool:
    return not choice.claims_single(element)


def moodle(question: Question, ctx: Context) -> etree._Element:
    return choice.moodle(question, question.answer)


def read_moodle(element: etree._Element) -> Question:
    fields = choice.read_moodle(element)
    return readback.question(fields, NAME, fields["right"], options=fields["options"])


def qti(question: Question, ctx: Context) -> etree._Element:
    return choice.qti(question, CANVAS, question.answer)


def read_qti(element: etree._Element) -> Question:
    fields = choice.read_qti(element)
    return readback.question(fields, NAME, fields["right"], options=fields["options"])


def gift(question: Question) -> str:
    return choice.gift(question, question.answer)

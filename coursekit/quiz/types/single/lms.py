"""``single`` exports: Moodle ``multichoice`` (single), Canvas multiple choice, GIFT ``=~``."""

from __future__ import annotations

from lxml import etree

from coursekit.lms import choice, readback
from coursekit.lms.context import Context
from coursekit.quiz.model import Question

NAME, MOODLE, CANVAS = "single", "multichoice", "multiple_choice_question"
claims_moodle = choice.claims_single


def moodle(question: Question, ctx: Context) -> etree._Element:
    return choice.moodle(question, [question.answer])


def read_moodle(element: etree._Element) -> Question:
    fields = choice.read_moodle(element)
    (answer,) = fields["right"]
    return readback.question(fields, NAME, answer, options=fields["options"])


def qti(question: Question, ctx: Context) -> etree._Element:
    return choice.qti(question, CANVAS, [question.answer])


def read_qti(element: etree._Element) -> Question:
    fields = choice.read_qti(element)
    (answer,) = fields["right"]
    return readback.question(fields, NAME, answer, options=fields["options"])


def gift(question: Question) -> str:
    return choice.gift(question, [question.answer])

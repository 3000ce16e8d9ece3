"""``ordering`` exports: Moodle ``ordering`` (``qtype_ordering``'s ``import_from_xml``:
every item shown, ``selecttype`` ALL, as its default shows a random six; graded all or
nothing, like the course); Canvas and GIFT have no ordering type: matching against the
positions, the items in a fixed shuffled order so the list does not give the order away."""

from __future__ import annotations

from lxml import etree

from coursekit.lms import moodle as mx
from coursekit.lms import pairs, readback
from coursekit.lms import qti as qx
from coursekit.lms.context import Context
from coursekit.lms.markup import plain, sub
from coursekit.quiz.model import Question

NAME, MOODLE, CANVAS = "ordering", "ordering", pairs.CANVAS
#: Moodle's grading type, by its name in ``qtype_ordering``
GRADING = "ALL_OR_NOTHING"
INSTRUCTION = "Match each item with its position in the order (1 is the first)."


def claims_moodle(element: etree._Element) -> bool:
    return True


def positions(question: Question) -> list[tuple[str, str]]:
    """(item, its position) in the order the items are shown."""
    return [(item, str(question.answer.index(item) + 1)) for item in question.items]


def moodle(question: Question, ctx: Context) -> etree._Element:
    element = mx.header(question, MOODLE)
    sub(element, "layouttype", "VERTICAL")
    sub(element, "selecttype", "ALL")
    sub(element, "selectcount", str(len(question.answer)))
    sub(element, "gradingtype", GRADING)
    sub(element, "showgrading", "SHOW")
    mx.combined_feedback(element)
    for position, item in enumerate(question.answer, start=1):
        mx.answer(element, str(position), item)  # the correct order; Moodle shuffles
    return element


def read_moodle(element: etree._Element) -> Question:
    fields = mx.read_header(element)
    items = tuple(plain(mx.read_text(a, ".")) for a in element.findall("answer"))
    return readback.question(fields, NAME, items, params={"gradingtype": GRADING})


def qti(question: Question, ctx: Context) -> etree._Element:
    numbers = [str(n) for n in range(1, len(question.answer) + 1)]
    return pairs.qti(question, positions(question), numbers, INSTRUCTION)


def read_qti(element: etree._Element) -> Question:
    found, _ = pairs.read_qti(element)
    order = tuple(item for item, _ in sorted(found, key=lambda pair: int(pair[1])))
    shown = tuple(item for item, _ in found)
    return readback.question(qx.read_header(element), NAME, order, params={"shown": shown})


def gift(question: Question) -> str:
    return pairs.gift(question, positions(question), [], INSTRUCTION)

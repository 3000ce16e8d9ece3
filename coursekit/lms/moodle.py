"""Moodle XML: the parts every question shares, the writer and the reader.

The specification is Moodle's importer, ``question/format/xml/format.php``
(``import_headers``, ``import_answer``, ``import_text_with_files``,
``import_combined_feedback``, ``import_category``); each type's ``lms.py`` in
``coursekit/quiz/types/<name>/`` writes and reads its own elements. Every bank becomes a
category (``$course$/top/<course>/<chapter>``) followed by its questions.

The explanation is the *general feedback*, never in the question text: Moodle shows it
when the quiz's review options allow (after the attempt), as the course's practice and
graded modes want.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

from coursekit.lms.context import Context
from coursekit.lms.markup import paragraphs, plain, serialise, sub, to_html
from coursekit.quiz.model import Bank, Question

#: the top category the banks go under
COURSE_CATEGORY = "Putin's visit to Azerbaijan (course quizzes)"
#: Moodle's fixed list of grades (``question_bank::fraction_options_full``), in percent
GRADES = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
          16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0)  # fmt: skip


def grade(percent: float) -> str:
    """``percent`` as the nearest grade of Moodle's list (the sign kept), as written."""
    nearest = min(GRADES, key=lambda g: abs(g - abs(percent)))
    return f"{-nearest if percent < 0 else nearest:.7g}"


def text_field(parent: etree._Element, tag: str, markup: str) -> etree._Element:
    """``<tag format="html"><text>markup</text></tag>`` (format.php: ``import_text_with_files``)."""
    element = sub(parent, tag, format="html")
    sub(element, "text", markup)
    return element


def header(question: Question, qtype: str, *prompt_after: str) -> etree._Element:
    """``<question type=...>`` with name, text, general feedback, grade and tags.

    ``prompt_after``: extra paragraphs after the prompt (an instruction, a unit).
    """
    element = etree.Element("question", type=qtype)
    sub(sub(element, "name"), "text", question.id)
    text_field(element, "questiontext", to_html(question.prompt, *prompt_after))
    text_field(element, "generalfeedback", to_html(question.explanation))
    sub(element, "defaultgrade", "1")
    sub(element, "penalty", "0.3333333")
    sub(element, "hidden", "0")
    sub(element, "idnumber", question.id)
    tags = sub(element, "tags")
    for tag in (f"objective:{question.objective}", f"difficulty:{question.difficulty}"):
        sub(sub(tags, "tag"), "text", tag)
    return element


def combined_feedback(element: etree._Element) -> None:
    """Empty right / partly right / wrong feedback, and the number of right parts shown
    (``import_combined_feedback``); the explanation is the general feedback."""
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        text_field(element, tag, "")
    sub(element, "shownumcorrect")


def answer(
    parent: etree._Element, fraction: str, text: str, feedback: str = "", html: bool = True
) -> etree._Element:
    """``<answer fraction=...>`` with its text and feedback (``import_answer``)."""
    element = sub(parent, "answer", fraction=fraction, **({"format": "html"} if html else {}))
    sub(element, "text", to_html(text) if html else text)
    text_field(element, "feedback", to_html(feedback))
    return element


# -- reading back ------------------------------------------------------------------------
def read_text(element: etree._Element, path: str) -> str:
    """The text at ``path/text`` (``""`` when absent)."""
    found = element.find(f"{path}/text")
    return found.text or "" if found is not None else ""


def read_header(element: etree._Element) -> dict[str, Any]:
    """The fields every question has, as :class:`Question` takes them; ``prompt_rest``:
    the paragraphs after the prompt."""
    tags = dict(t.split(":", 1) for t in element.xpath("tags/tag/text/text()"))
    prompt, *rest = paragraphs(read_text(element, "questiontext")) or [""]
    return {
        "id": read_text(element, "name"),
        "prompt": prompt,
        "explanation": plain(read_text(element, "generalfeedback")),
        "objective": tags.get("objective", ""),
        "difficulty": tags.get("difficulty", ""),
        "prompt_rest": rest,
    }


def read_answers(element: etree._Element) -> list[tuple[float, str, str]]:
    """``(fraction in percent, text, feedback)`` of each ``<answer>``."""
    return [
        (float(a.get("fraction", "0")), plain(read_text(a, ".")), plain(read_text(a, "feedback")))
        for a in element.findall("answer")
    ]


# -- the file ----------------------------------------------------------------------------
def category(bank: Bank) -> str:
    """The category path of a bank."""
    return f"$course$/top/{COURSE_CATEGORY}/{bank.chapter} {bank.title.replace('/', '-')}"


def document(banks: Iterable[Bank], ctx: Context | None = None) -> bytes:
    """The Moodle XML file of ``banks``: per bank a category, then its questions."""
    from coursekit.lms.types import export

    ctx = ctx or Context()
    quiz = etree.Element("quiz")
    for bank in banks:
        quiz.append(etree.Comment(f" bank {bank.chapter} "))
        head = sub(quiz, "question", type="category")
        sub(sub(head, "category"), "text", category(bank))
        text_field(head, "info", to_html(bank.title))
        for question in bank.questions:
            quiz.append(export(bank, question, "moodle", ctx))
    return serialise(quiz)


def read(data: bytes) -> list[tuple[str, Question]]:
    """Every question of a Moodle XML file, with its category, in the course's model."""
    from coursekit.lms.types import moodle_reader

    root = etree.fromstring(data)
    found, current = [], ""
    for element in root.findall("question"):
        if element.get("type") == "category":
            current = read_text(element, "category")
            continue
        found.append((current, moodle_reader(element)(element)))
    return found

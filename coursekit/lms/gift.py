"""GIFT, Moodle's text format: the parts every question shares and the writer.

Every data string goes through :func:`coursekit.text.gift_escape` (the one escaping
function); texts are HTML (``[html]``), so a picture can travel inside the question.
The explanation is the general feedback (``####``), shown after the attempt.
"""

from __future__ import annotations

from collections.abc import Iterable

from coursekit.lms.markup import html_text, to_html
from coursekit.lms.moodle import category
from coursekit.quiz.model import Bank, Question
from coursekit.text import gift_escape


def text(value: str) -> str:
    """A plain text as escaped GIFT HTML (no ``<p>``: options and feedback)."""
    return gift_escape(html_text(value))


def question(question: Question, answers: str, *prompt_after: str, prompt_html: str = "") -> str:
    """``::id::[html]prompt{answers####explanation}``."""
    prompt = gift_escape(to_html(question.prompt, *prompt_after) + prompt_html)
    general = f"####{text(question.explanation)}" if question.explanation else ""
    return f"::{gift_escape(question.id)}::[html]{prompt}{{{answers}{general}}}"


def option(mark: str, value: str, feedback: str = "") -> str:
    """One answer: ``=text#feedback`` or ``~%50%text#feedback``."""
    return f"{mark}{text(value)}" + (f"#{text(feedback)}" if feedback else "")


def document(banks: Iterable[Bank]) -> str:
    """The GIFT file of ``banks``: per bank a category, then its questions."""
    from coursekit.lms.types import export

    parts = []
    for bank in banks:
        parts.append(f"$CATEGORY: {category(bank)}")
        parts += [export(bank, q, "gift") for q in bank.questions]
    return "\n\n".join(parts) + "\n"

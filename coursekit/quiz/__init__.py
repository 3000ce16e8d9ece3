"""Quizzes: one bank per chapter, three renderings (Jupyter widget, web page, print).

In a notebook:

- ``quiz.chapter_quiz("02_significance")`` shows the chapter's quiz: an ipywidgets UI in
  Jupyter, self-contained HTML and JavaScript in the web book, numbered questions in the
  PDF (the ``text/markdown`` form);
- ``quiz.objectives("02_significance")`` shows the chapter's learning objectives;
- ``quiz.answer_key()`` prints every bank with its answers and explanations.

The package, one job per module:

- ``model``: the dataclasses (Bank, Question, Result...);
- ``bank``: loading ``data/quizzes/*.yml``, with ``schema`` (the JSON Schema check) and the
  cross-field rules;
- ``types``: the question types, one folder each (class, template, script, schema
  fragment, messages, examples), found by scanning the package;
- ``rules`` and ``grading``: the rule set shared with the page's scripts
  (``messages.json`` and each type's) and :func:`grade`;
- ``web`` (HTML from ``templates/``), ``widget`` (ipywidgets), ``printed`` (Markdown,
  answer key), ``progress`` (the "Your progress" panel of the web book).

Loading banks imports neither ipywidgets (the widget module is imported on first use) nor
folium or matplotlib.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursekit.quiz.bank import load_bank, load_banks, validate
from coursekit.quiz.grading import grade
from coursekit.quiz.model import AnswerError, Bank, Objective, Option, Question, Result
from coursekit.quiz.printed import AnswerKey, Objectives, answer_key, objectives
from coursekit.quiz.types import TYPES
from coursekit.quiz.web import decode
from coursekit.text import md_escape

if TYPE_CHECKING:
    from coursekit.quiz.widget import QuestionWidget, Quiz

__all__ = [
    "TYPES",
    "AnswerError",
    "AnswerKey",
    "Bank",
    "Objective",
    "Objectives",
    "Option",
    "Question",
    "QuestionWidget",
    "Quiz",
    "Result",
    "answer_key",
    "chapter_quiz",
    "decode",
    "grade",
    "load_bank",
    "load_banks",
    "md_escape",
    "objectives",
    "validate",
]


def chapter_quiz(chapter_id: str) -> Quiz:
    """The quiz of ``data/quizzes/<chapter_id>.yml``."""
    from coursekit.quiz.widget import Quiz

    return Quiz(load_bank(chapter_id))


def __getattr__(name: str) -> Any:
    """``quiz.Quiz`` and ``quiz.QuestionWidget`` import ipywidgets only when asked for."""
    if name in ("Quiz", "QuestionWidget"):
        from coursekit.quiz import widget

        return getattr(widget, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""What a question type is: :class:`QuestionType`, and the registry of types by name.

A type knows how to check its bank entry beyond the schema, how to grade an answer, what
the web page needs to grade it, how it prints, and which widgets enter it in Jupyter.
The renderings (``web``, ``printed``, ``widget``) ask the type and never branch on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from coursekit.quiz.model import Question

#: type name -> the type; filled by :func:`register`.
REGISTRY: dict[str, QuestionType] = {}


class QuestionType:
    """Base class of the question types; a subclass overrides what differs."""

    #: the value of ``type:`` in a bank
    name: ClassVar[str]
    #: template (in ``coursekit/quiz/templates``) with the inputs of the web form
    template: ClassVar[str]
    #: what to do, shown after the prompt on screen
    hint: ClassVar[str]
    #: what to do, in print (if it differs from ``hint``)
    printed_hint: ClassVar[str] = ""
    #: an extra script (in ``coursekit/assets``) that defines the type for ``quiz.js`` as
    #: ``window.ckQuizTypes[name]``; the built-in types are in ``quiz.js`` itself
    script: ClassVar[str] = ""

    # -- model -------------------------------------------------------------------------
    def parse(self, question: Question) -> Question:
        """Check what the schema cannot (answer among options...); raise ``RuleError``.

        ``question.answer`` is the raw value from the bank; return the question with
        the answer in its typed form.
        """
        return question

    # -- grading -----------------------------------------------------------------------
    def check(self, question: Question, answer: Any) -> tuple[bool, Sequence[str]]:
        """``(correct, feedback texts)``; raise ``AnswerError`` on a malformed answer."""
        raise NotImplementedError

    # -- web ---------------------------------------------------------------------------
    def solution(self, question: Question) -> dict[str, Any]:
        """What ``quiz.js`` needs to grade (shipped encoded): at least ``{"a": ...}``."""
        raise NotImplementedError

    def page_head(self) -> str:
        """Markup the page needs once before the type's ``script`` (a library, styles)."""
        return ""

    # -- print -------------------------------------------------------------------------
    def answer_text(self, question: Question) -> str:
        """The correct answer in words, for the answer key."""
        raise NotImplementedError

    def print_lines(self, question: Question) -> list[str]:
        """Markdown lines under the printed prompt (options, a blank to fill in)."""
        raise NotImplementedError

    # -- Jupyter widget (``w`` is the ipywidgets module) -----------------------------
    def widget_inputs(self, question: Question, w: Any) -> list[Any]:
        """The input widgets."""
        raise NotImplementedError

    def widget_answer(self, question: Question, inputs: list[Any]) -> Any:
        """The answer as entered, in the form :meth:`check` takes."""
        raise NotImplementedError

    def widget_select(self, question: Question, inputs: list[Any], value: Any) -> None:
        """Enter ``value`` (as :meth:`check` takes it; None clears); raise ``AnswerError``."""
        raise NotImplementedError

    def widget_bind(self, question: Question, inputs: list[Any], check: Callable) -> None:
        """Let the inputs call ``check()`` themselves (a map click answers at once)."""


def register(cls: type[QuestionType]) -> type[QuestionType]:
    """Class decorator: make ``cls`` the type named ``cls.name``."""
    REGISTRY[cls.name] = cls()
    return cls


def get_type(name: str) -> QuestionType:
    """The registered type ``name``."""
    return REGISTRY[name]

"""What a question type is: :class:`QuestionType`, and the registry of types by name.

A type is a folder of this package (``types/<name>/``) holding everything it is: the class
(``__init__.py``: how to check its bank entry beyond the schema, grade an answer, what the
web page needs to grade it, how it prints, which widgets enter it in Jupyter), its web
inputs (``template.html.j2``), its grader for the page (``script.js``), its fields
(``schema.json``), its messages (``messages.json``) and its examples (``examples.yaml``).
The renderings (``web``, ``printed``, ``widget``) ask the type and never branch on it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

import yaml

from coursekit.quiz.model import Question

#: type name -> the type; filled by :func:`register`.
REGISTRY: dict[str, QuestionType] = {}


class QuestionType:
    """Base class of the question types; a subclass overrides what differs."""

    #: the value of ``type:`` in a bank
    name: ClassVar[str]
    #: the web form's inputs, a template under ``coursekit/quiz/types/`` (default:
    #: ``<name>/template.html.j2``)
    template: ClassVar[str] = ""
    #: what to do, shown after the prompt on screen
    hint: ClassVar[str]
    #: what to do, in print (if it differs from ``hint``)
    printed_hint: ClassVar[str] = ""
    #: the type's folder (set by :func:`register`)
    folder: ClassVar[Path]

    # -- the folder's files -------------------------------------------------------------
    def file(self, name: str) -> Path:
        """A file of the type's folder."""
        return self.folder / name

    @cached_property
    def schema(self) -> dict[str, Any]:
        """``schema.json``: the type's own fields and the rules on them (see ``schema.py``)."""
        return json.loads(self.file("schema.json").read_text(encoding="utf-8"))

    @cached_property
    def messages(self) -> dict[str, Any]:
        """``messages.json`` (optional): ``{"messages": {...}, "rules": {...}}``."""
        path = self.file("messages.json")
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    @cached_property
    def examples(self) -> list[dict[str, Any]]:
        """``examples.yaml``: a list of ``{question, answers}``: a question of the type (as
        in a bank, objective ``O1``) and answers to it, each ``{entered: <as the page's
        script reads it>, expect: right | wrong | malformed}``."""
        return yaml.safe_load(self.file("examples.yaml").read_text(encoding="utf-8"))

    # -- model -------------------------------------------------------------------------
    def parse(self, question: Question) -> Question:
        """Check what the schema cannot (answer among options...); raise ``RuleError``.

        ``question.answer`` is the raw value from the bank; return the question with
        the answer in its typed form.
        """
        return question

    def shown_texts(self, question: Question) -> list[tuple[str, str]]:
        """``(field, text)`` of everything a reader sees before answering (the leak test)."""
        return [("prompt", question.prompt)]

    def answer_texts(self, question: Question) -> list[str]:
        """The right answer as texts another item could give away (the leak test)."""
        return []

    # -- grading -----------------------------------------------------------------------
    def check(self, question: Question, answer: Any) -> tuple[bool, Sequence[str]]:
        """``(correct, feedback texts)``; raise ``AnswerError`` on a malformed answer."""
        raise NotImplementedError

    def from_page(self, question: Question, entered: Any) -> Any:
        """The answer as the page's script reads it (``read``), in the form :meth:`check`
        takes (the two graders are compared on the same answers)."""
        return entered

    # -- web ---------------------------------------------------------------------------
    def solution(self, question: Question) -> dict[str, Any]:
        """What ``script.js`` needs to grade (shipped encoded): at least ``{"a": ...}``."""
        raise NotImplementedError

    def page_head(self) -> str:
        """Markup the page needs once before the type's script (a library, styles)."""
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
    """Class decorator: make ``cls`` the type named ``cls.name``, its folder the folder of
    the module that defines it."""
    cls.folder = Path(sys.modules[cls.__module__].__file__).resolve().parent
    if not cls.template:
        cls.template = f"{cls.name}/template.html.j2"
    REGISTRY[cls.name] = cls()
    return cls


def get_type(name: str) -> QuestionType:
    """The registered type ``name``."""
    return REGISTRY[name]

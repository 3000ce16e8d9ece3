"""The exports of each question type: the module ``lms.py`` of its folder
(``coursekit/quiz/types/<name>/lms.py``), found by :func:`coursekit.quiz.types.parts`.

A type's module has ``NAME`` (the bank's ``type``), ``MOODLE`` and ``CANVAS`` (the
platforms' type names) and the functions ``moodle(question, ctx)`` (an lxml element),
``read_moodle(element)``, ``qti(question, ctx)``, ``read_qti(element)`` and
``gift(question)``; the writers in ``coursekit/lms/`` dispatch through :data:`EXPORTS`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from lxml import etree

from coursekit.data import DataError
from coursekit.lms import qti
from coursekit.quiz.model import Bank, Question
from coursekit.quiz.types import parts

#: type name -> its exports
EXPORTS: dict[str, ModuleType] = parts("lms")


class ExportError(ValueError):
    """A question no exporter knows, or an element no reader knows."""


def get(name: str) -> ModuleType:
    """The exports of type ``name``."""
    if name not in EXPORTS:
        raise ExportError(f"no LMS export for question type {name!r}; known: {sorted(EXPORTS)}")
    return EXPORTS[name]


def export(bank: Bank, question: Question, fmt: str, *args: Any) -> Any:
    """``fmt`` (``moodle``, ``qti``, ``gift``) of a bank's question, through its type's
    module; a type without exports or a missing field raises a ``DataError`` naming the
    bank's file, the question and the field."""
    try:
        module = get(question.type)
    except ExportError as error:
        raise DataError(bank.file, str(error), item=question.id, field="type") from None
    try:
        return getattr(module, fmt)(question, *args)
    except KeyError as error:
        raise DataError(bank.file, f"missing for the {fmt} export", item=question.id,
                        field=str(error.args[0])) from None  # fmt: skip


def moodle_reader(element: etree._Element) -> Callable[[etree._Element], Question]:
    """The reader of a Moodle ``<question>`` (multichoice: single or multiple by ``<single>``)."""
    for module in EXPORTS.values():
        if module.MOODLE == element.get("type") and module.claims_moodle(element):
            return module.read_moodle
    raise ExportError(f"no reader for Moodle question type {element.get('type')!r}")


def qti_reader(element: etree._Element) -> Callable[[etree._Element], Question]:
    """The reader of a QTI ``<item>`` (by the type the course wrote in its metadata)."""
    return get(qti.metadata(element).get("coursekit_type", "")).read_qti

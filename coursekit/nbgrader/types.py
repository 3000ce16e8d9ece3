"""How each question type is answered in a graded notebook: the module ``notebook.py``
of its folder (``coursekit/quiz/types/<name>/notebook.py``), found by
:func:`coursekit.quiz.types.parts`.

A type's module has ``HOW`` (what to write, for the
answer cell's comment) and the functions ``shown(question)`` (Markdown lines under the
prompt: lettered options, the printed map), ``answer(question, written)`` (what the
student wrote, in the form :func:`coursekit.quiz.grade` takes; an ``AnswerError`` if it
cannot be read), ``right(question)`` and ``wrong(question)`` (what a student writes to be
right, or wrong: the source notebook's solution, and the tests' submissions).
"""

from __future__ import annotations

from types import ModuleType

from coursekit.quiz.types import parts

#: type name -> how it is answered in a notebook
PARTS: dict[str, ModuleType] = parts("notebook")


class AssignmentError(ValueError):
    """A question type with no notebook form."""


def get(name: str) -> ModuleType:
    """The notebook form of type ``name``."""
    if name not in PARTS:
        raise AssignmentError(f"no notebook form for question type {name!r}; known: "
                              f"{sorted(PARTS)}")  # fmt: skip
    return PARTS[name]

"""The question types, one module each, registered by name (see ``base.QuestionType``).

To add a type, write a module here and import it below; see "Adding a question type" in
CONTRIBUTING.md for the other files it touches.
"""

# Importing a type's module registers it.
from coursekit.quiz.types import (  # noqa: F401
    locate,
    multiple,
    numeric,
    ordering,
    single,
    truefalse,
)
from coursekit.quiz.types.base import REGISTRY, QuestionType, get_type, register

#: The type names, in the order the documentation lists them.
TYPES: tuple[str, ...] = tuple(REGISTRY)

__all__ = ["REGISTRY", "TYPES", "QuestionType", "get_type", "register"]

"""The question types: one folder each (``types/<name>/``), found by scanning this package.

Importing a type's folder registers it (``base.register``); no list of types is kept
anywhere else. What a folder holds: see ``base.QuestionType`` and "Adding a question type"
in CONTRIBUTING.md.
"""

from __future__ import annotations

import importlib
import pkgutil

from coursekit.quiz.types.base import REGISTRY, QuestionType, get_type, register

for _found in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _found.ispkg:
        importlib.import_module(f"{__name__}.{_found.name}")

#: The type names, in alphabetical order.
TYPES: tuple[str, ...] = tuple(sorted(REGISTRY))

__all__ = ["REGISTRY", "TYPES", "QuestionType", "get_type", "register"]

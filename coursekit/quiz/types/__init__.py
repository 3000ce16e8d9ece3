"""The question types: one folder each (``types/<name>/``), found by scanning this package.

Importing a type's folder registers it (``base.register``); no list of types is kept
anywhere else. What a folder holds: see ``base.QuestionType`` and "Adding a question type"
in CONTRIBUTING.md. A folder's parts for other packages (``lms.py``, ``notebook.py``) are
imported only when those packages ask for them, through :func:`parts`.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from types import ModuleType

from coursekit.quiz.types.base import REGISTRY, QuestionType, get_type, register

for _found in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _found.ispkg:
        importlib.import_module(f"{__name__}.{_found.name}")

#: The type names, in alphabetical order.
TYPES: tuple[str, ...] = tuple(sorted(REGISTRY))


def parts(part: str) -> dict[str, ModuleType]:
    """Type name -> the module ``<name>/<part>.py`` of each type folder that has one
    (``lms``: its exports, read by ``coursekit.lms``; ``notebook``: its graded-notebook
    form, read by ``coursekit.nbgrader``). Imported on this call, never on loading a bank."""
    found = {}
    for name in TYPES:
        module = f"{type(REGISTRY[name]).__module__}.{part}"
        if importlib.util.find_spec(module) is not None:
            found[name] = importlib.import_module(module)
    return found


__all__ = ["REGISTRY", "TYPES", "QuestionType", "get_type", "parts", "register"]

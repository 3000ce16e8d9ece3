"""Check a bank against its JSON Schema (with :func:`coursekit.schemas.check`).

The schema is put together here (:func:`assemble`): ``coursekit/schemas/quiz_bank.schema.json``
holds what every question has, each type's folder its own fields and rules
(``types/<name>/schema.json``). What is also particular to banks is where an error lies
(the question or objective, by its id, and the field) and the order errors are reported in.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from coursekit import schemas
from coursekit.data import DataError
from coursekit.quiz.types import REGISTRY
from coursekit.schemas import Where

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

#: The order in which errors are reported: the order of the fields in a bank.
_ORDER = ("chapter", "title", "objectives", "questions", "id", "type", "prompt", "options")


@schemas.builder("quiz_bank")
def assemble(base: dict[str, Any]) -> dict[str, Any]:
    """The bank schema: ``base`` with every registered type's fragment added.

    A fragment is ``{"description", "properties": {its own fields}, "then": {rules when
    type is this one}}``; each type's name joins the ``enum`` of ``type``, and a field
    that only some types declare is refused in the others' questions.
    """
    result = copy.deepcopy(base)
    question = result["$defs"]["question"]
    common = set(question["properties"])
    question["properties"]["type"]["enum"] = sorted(REGISTRY)
    rules: list[dict[str, Any]] = []
    owners: dict[str, list[str]] = {}
    for name, kind in sorted(REGISTRY.items()):
        fragment = kind.schema
        for field, definition in fragment.get("properties", {}).items():
            if field in common:
                raise ValueError(f"{kind.file('schema.json')}: {field!r} is a common field")
            if question["properties"].setdefault(field, definition) != definition:
                raise ValueError(f"{kind.file('schema.json')}: {field!r} differs between types")
            owners.setdefault(field, []).append(name)
        is_type = {"required": ["type"], "properties": {"type": {"const": name}}}
        rules.append({"if": is_type, "then": fragment.get("then", {})})
    for field, names in owners.items():
        only = " and ".join(names)
        rules.append(
            {
                "if": {"required": ["type"], "properties": {"type": {"not": {"enum": names}}}},
                "then": {
                    "properties": {
                        field: {
                            "not": {},
                            "x-message": f"{{type}} questions take no {field} "
                            f"(only {only} questions do)",
                        }
                    }
                },
            }
        )
    question["allOf"] = rules
    return result


def validator() -> Draft202012Validator:
    """The validator for quiz banks."""
    return schemas.validator("quiz_bank")


def check(raw: Any, file: str) -> None:
    """Raise :class:`DataError` for the first way ``raw`` breaks the schema, if any."""
    if not isinstance(raw, dict):
        raise DataError(file, f"expected a mapping at the top, got {type(raw).__name__}")
    schemas.check(raw, "quiz_bank", file, locate, order=_sort_key)


def _sort_key(path: Sequence[Any]) -> list[tuple[int, int, str]]:
    return [
        (0, p, "") if isinstance(p, int) else (1, _ORDER.index(p) if p in _ORDER else 99, p)
        for p in path
    ]


def locate(raw: dict, path: list[Any]) -> Where:
    """The question or objective (its id, else its position) and the field an error lies
    in; an element of a list field is named before the problem (``options[2] ...``)."""
    if len(path) < 2 or path[0] not in ("questions", "objectives"):
        return Where(None, path[0] if path else None, entry=raw)
    entry = raw[path[0]][path[1]]
    oid = entry.get("id") if isinstance(entry, dict) else None
    item = oid.strip() if isinstance(oid, str) and oid.strip() else f"{path[0]}[{path[1] + 1}]"
    field = path[2] if len(path) >= 3 else None
    prefix = f"{field}[{path[3] + 1}] " if len(path) >= 4 and isinstance(path[3], int) else ""
    return Where(item, field, prefix, entry)

"""Check a bank against ``coursekit/schemas/quiz_bank.schema.json`` with ``jsonschema``.

jsonschema's errors are turned into :class:`DataError`\\ s that name the file, the question
(by its id) and the field. A subschema may carry its own message as ``x-message``: a text,
or a mapping from the failing keyword to a text (``{value!r}``, ``{count}``, ``{type}``
are filled in).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from coursekit.data import DataError

_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}
#: The order in which errors are reported: the order of the fields in a bank.
_ORDER = ("chapter", "title", "objectives", "questions", "id", "type", "prompt", "options")


@cache
def validator() -> Draft202012Validator:
    """The validator for quiz banks (the schema is read once)."""
    text = resources.files("coursekit").joinpath("schemas", "quiz_bank.schema.json")
    schema = json.loads(text.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def check(raw: Any, file: str) -> None:
    """Raise :class:`DataError` for the first way ``raw`` breaks the schema, if any."""
    if not isinstance(raw, dict):
        raise DataError(file, f"expected a mapping at the top, got {type(raw).__name__}")
    errors = sorted(validator().iter_errors(raw), key=lambda e: _sort_key(e.absolute_path))
    if errors:
        raise _data_error(errors[0], raw, file)


def _sort_key(path: Sequence[Any]) -> list[tuple[int, int, str]]:
    return [
        (0, p, "") if isinstance(p, int) else (1, _ORDER.index(p) if p in _ORDER else 99, p)
        for p in path
    ]


def _data_error(error: ValidationError, raw: dict, file: str) -> DataError:
    path = list(error.absolute_path)
    item, field, prefix = None, path[0] if path else None, ""
    if len(path) >= 2 and path[0] in ("questions", "objectives"):
        entry = raw[path[0]][path[1]]
        oid = entry.get("id") if isinstance(entry, dict) else None
        item = oid.strip() if isinstance(oid, str) and oid.strip() else f"{path[0]}[{path[1] + 1}]"
        field = path[2] if len(path) >= 3 else None
        if len(path) >= 4 and isinstance(path[3], int):
            prefix = f"{field}[{path[3] + 1}] "
    field, problem = _problem(error, field, raw if item is None else entry)
    return DataError(file, prefix + problem, item=item, field=field)


def _problem(error: ValidationError, field: str | None, owner: Any) -> tuple[str | None, str]:
    """``(field, problem)`` in words for one jsonschema error."""
    value, kind = error.instance, error.validator
    if value is None and field is not None:
        return field, "is missing"
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    if isinstance(custom, dict):
        custom = custom.get(kind)
    if custom:
        count = len(value) if isinstance(value, Sequence | dict) else 0
        qtype = owner.get("type") if isinstance(owner, dict) else None
        return field, custom.format(value=value, count=count, type=qtype, field=field)
    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        return missing[0], "is missing"
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        allowed = sorted(error.schema.get("properties", {}))
        return extra[0], f"unknown field(s) {extra}; allowed: {allowed}"
    if kind == "enum":
        return field, f"unknown {field} {value!r}; use one of {', '.join(error.validator_value)}"
    if kind == "type":
        wanted = _WORDS.get(error.validator_value, error.validator_value)
        return field, f"must be {wanted}, got {type(value).__name__} {value!r}"
    return field, error.message

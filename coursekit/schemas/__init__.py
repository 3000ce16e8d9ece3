"""The data files' formats, one JSON Schema per kind (``<kind>.schema.json`` in this folder).

:func:`check` validates parsed data with ``jsonschema`` and turns the first error into a
:class:`~coursekit.data.DataError` naming the file, the item and the field; a *locate*
function of the caller says where in its kind of file an error lies. A subschema may carry
its own message as ``x-message``: a text, or a mapping from the failing keyword to a text
(``{value!r}``, ``{field}``, ``{count}`` (the value's length), ``{type}`` (the item's
``type``) and ``{allowed}`` (an ``enum``'s values) are filled in). Schemas refer to each
other by ``$id`` (``https://coursekit.invalid/schemas/<file>``). ``jsonschema`` is imported
on the first check, not with this module (it takes long to import).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # jsonschema is imported on first use: it is slow to import
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from coursekit.data import DataError

DIR = Path(__file__).resolve().parent
_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


class Where(NamedTuple):
    """Where in a file an error lies."""

    item: str | None
    field: str | None
    #: words put before the problem, e.g. ``"options[2] "``
    prefix: str = ""
    #: the item's data: its ``type`` fills ``{type}`` in an ``x-message``
    entry: Any = None


#: ``(parsed data, error path) -> (item, field)`` or a :class:`Where`
Locate = Callable[[Any, list[Any]], tuple[str | None, str | None] | Where]


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    return {
        path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(DIR.glob("*.schema.json"))
    }


#: kind -> a function completing the file's schema (a schema put together by code)
_BUILDERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def builder(kind: str) -> Callable:
    """Register ``func(schema) -> schema``, which completes the schema of ``kind`` from its
    file (the quiz bank's: with the question types' fragments)."""

    def register(func: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable:
        _BUILDERS[kind] = func
        validator.cache_clear()
        return func

    return register


def schema(kind: str) -> dict[str, Any]:
    """The schema of a kind of data file, e.g. ``schema("places")`` (completed by its
    :func:`builder`, if it has one)."""
    raw = _schemas()[kind]
    return _BUILDERS[kind](raw) if kind in _BUILDERS else raw


@cache
def validator(kind: str) -> Draft202012Validator:
    """A validator for ``kind``, resolving references to the other schemas here."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    resources = [(s["$id"], Resource.from_contents(s)) for s in _schemas().values()]
    complete = schema(kind)
    Draft202012Validator.check_schema(complete)
    registry = Registry().with_resources(resources)
    return Draft202012Validator(_inline(complete, complete), registry=registry)


#: Keywords whose values are data, not subschemas: never searched for references.
_DATA_KEYWORDS = {"const", "enum", "default", "examples", "required"}


def _inline(node: Any, doc: dict[str, Any], inlining: tuple[str, ...] = ()) -> Any:
    """``node`` (of the schema ``doc``) with each ``$ref`` replaced by the subschema it
    names, so that jsonschema follows no reference while it validates: a file is checked
    in less than half the time (countries.geojson: 0.47 s before, 0.20 s after, measured).
    The schemas mean the same: a ``$ref`` beside other keywords becomes an ``allOf``. A
    reference back into one being inlined (recursion) stays a ``$ref``."""
    if isinstance(node, list):
        return [_inline(item, doc, inlining) for item in node]
    if not isinstance(node, dict):
        return node
    out = {
        key: value
        if key in _DATA_KEYWORDS or key.startswith("x-")
        else _inline(value, doc, inlining)
        for key, value in node.items()
        if key != "$ref"
    }
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return out
    target_doc, target = _resolve(ref, doc)
    key = f"{target_doc['$id']}#{ref.partition('#')[2]}"
    if key in inlining:
        return {**out, "$ref": key}
    resolved = _inline(target, target_doc, (*inlining, key))
    if not out:
        return resolved
    out["allOf"] = [resolved, *out.get("allOf", [])]
    return out


def _resolve(ref: str, doc: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """The schema a reference points into (``doc`` itself, or another one here by file
    name) and the subschema at its fragment (a JSON pointer)."""
    name, _, pointer = ref.partition("#")
    if name:
        found = [s for s in _schemas().values() if s["$id"].rsplit("/", 1)[1] == name]
        if not found:
            raise ValueError(f"$ref {ref!r}: there is no schema {name} in {DIR}")
        target_doc = found[0]
    else:
        target_doc = doc
    node: Any = target_doc
    for part in filter(None, pointer.split("/")):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return target_doc, node


def _position(path: Sequence[Any]) -> int:
    """The index of the item an error lies in (-1: the file as a whole); ties keep the
    schema's order."""
    return next((p for p in path if isinstance(p, int)), -1)


def check(
    raw: Any,
    kind: str,
    file: str,
    locate: Locate,
    order: Callable[[Sequence[Any]], Any] = _position,
) -> None:
    """Raise :class:`DataError` for the first error in ``raw``: the first by ``order`` of
    the errors' paths (by default, the first item that breaks the schema)."""
    errors = sorted(validator(kind).iter_errors(raw), key=lambda e: order(e.absolute_path))
    if errors:
        error = errors[0]
        if error.context and not _custom(error):  # anyOf / oneOf: the closest branch
            from jsonschema.exceptions import best_match

            error = best_match(error.context)
        where = Where(*locate(raw, list(error.absolute_path)))
        field, problem = describe(error, where.field, where.entry)
        raise DataError(file, where.prefix + problem, item=where.item, field=field)


def _custom(error: ValidationError) -> str | None:
    """The subschema's ``x-message`` for the keyword that failed, if it has one."""
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    return custom.get(error.validator) if isinstance(custom, dict) else custom


def describe(
    error: ValidationError, field: str | None, entry: Any = None
) -> tuple[str | None, str]:
    """``(field, problem)`` in words for one jsonschema error (``entry``: the item's data)."""
    value, keyword = error.instance, error.validator
    if value is None and field is not None:
        return field, "is missing"
    custom = _custom(error)
    if custom:
        return field, custom.format(
            value=value,
            field=field,
            count=len(value) if isinstance(value, Sequence | dict) else 0,
            type=entry.get("type") if isinstance(entry, dict) else None,
            allowed=", ".join(map(str, error.validator_value)) if keyword == "enum" else "",
        )
    if keyword == "required":
        missing = next(name for name in error.validator_value if name not in value)
        return (f"{field}.{missing}" if field else missing), "is missing"
    if keyword == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(value) - set(allowed))
        where = f"{field}.{extra[0]}" if field else extra[0]
        return where, f"unknown field(s) {extra}; allowed: {', '.join(allowed)}"
    if keyword == "type":
        wanted = error.validator_value
        words = " or ".join(
            _WORDS.get(w, w) for w in ([wanted] if isinstance(wanted, str) else wanted)
        )
        return field, f"must be {words}, got {type(value).__name__} {value!r}"
    return field, error.message

"""Read the course's data files through one function, :func:`load`.

Every file in ``data/`` is read here. The parser is chosen by the file's suffix; the
checks by its *kind*. Each kind is declared by its JSON Schema in ``coursekit/schemas/``
(``x-data``: its files and the module that checks it); that module hands its check to the
loader with :func:`validator`, and :func:`load` imports it when a file of its kind is first
read. This module imports none of them. A malformed file raises :class:`DataError`, whose
message names the file, the item and the field.

Each file is parsed and checked once per process: :func:`load` keeps the result, keyed by
the file's resolved path and its modification time and size (:func:`clear_cache` forgets
it). The result is shared: treat it as read-only.
"""

from __future__ import annotations

import csv
import fnmatch
import functools
import importlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from coursekit.paths import bibliography, data_dir

#: Where the kinds are declared: each JSON Schema here names its files and its checker.
_SCHEMAS = Path(__file__).resolve().parent / "schemas"

#: kind -> (file-name pattern relative to ``data/``, check function)
_VALIDATORS: dict[str, tuple[str, Callable[[Any, str], Any]]] = {}
#: (resolved path, kind) -> ((mtime_ns, size), checked value)
_CACHE: dict[tuple[str, str | None], tuple[tuple[int, int], Any]] = {}
_BIB_KEY = re.compile(r"^\s*@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


class DataError(ValueError):
    """A data file is missing or malformed.

    The message names the file, then the item (a question id, a feature name, a row)
    and the field, so that an author can find and fix the problem.
    """

    def __init__(
        self, file: str | Path, problem: str, item: str | None = None, field: str | None = None
    ) -> None:
        self.file, self.item, self.field, self.problem = str(file), item, field, problem
        where = [self.file]
        if item is not None:
            where.append(f"item {item!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{': '.join(where)}: {problem}")


def validator(kind: str, pattern: str) -> Callable:
    """Register ``func(raw, file) -> value`` as the check for files of ``kind``.

    ``pattern`` is a glob on the path relative to ``data/`` (e.g. ``"quizzes/*.yml"``).
    """

    def register(func: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
        _VALIDATORS[kind] = (pattern, func)
        return func

    return register


@functools.cache
def declared() -> dict[str, tuple[str, str]]:
    """Every declared kind: ``{kind: (file pattern, module that checks it)}``.

    Read from the ``x-data`` entry of each schema in ``coursekit/schemas/`` (``{"kind",
    "files", "checked_by"}``): the format names its checker, so this module names none.
    """
    found = {}
    for path in sorted(_SCHEMAS.glob("*.schema.json")):
        entry = json.loads(path.read_text(encoding="utf-8")).get("x-data")
        if entry:
            found[entry["kind"]] = (entry["files"], entry["checked_by"])
    return found


def _ensure_validator(kind: str | None, relative: str) -> None:
    """Import the module that checks ``kind`` (or the declared kind whose files match
    ``relative``), unless its check is registered already; it registers on import."""
    for name, (pattern, module) in declared().items():
        if name in _VALIDATORS:
            continue
        if name == kind or (kind is None and fnmatch.fnmatch(relative, pattern)):
            importlib.import_module(module)


def clear_cache() -> None:
    """Forget every file read so far (for tests that change files in place)."""
    _CACHE.clear()
    _bib_keys.cache_clear()


def bib_keys(path: Path | None = None) -> set[str]:
    """The entry keys of ``references.bib`` (the course's own by default), read once."""
    path = (path or bibliography()).resolve()
    stat = path.stat()
    return set(_bib_keys(path, stat.st_mtime_ns, stat.st_size))


@functools.cache
def _bib_keys(path: Path, mtime: int, size: int) -> frozenset[str]:
    return frozenset(_BIB_KEY.findall(path.read_text(encoding="utf-8")))


#: PyYAML's safe loader, on libyaml where PyYAML was built with it (its wheels are): the same
#: data from every file of the course, about 18 times faster to read.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(path: Path, label: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(label, "file not found") from None
    except UnicodeDecodeError as exc:
        raise DataError(label, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    suffix = path.suffix.lower()
    try:
        if suffix in (".yml", ".yaml"):
            return yaml.load(text, Loader=SAFE_LOADER)
        if suffix in (".json", ".geojson"):
            return json.loads(text)
        if suffix == ".csv":
            rows = list(csv.DictReader(text.splitlines()))
            for number, row in enumerate(rows, start=2):
                if None in row or None in row.values():
                    raise DataError(label, "wrong number of columns", item=f"line {number}")
            return rows
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataError(label, f"not valid YAML{at}: {getattr(exc, 'problem', exc)}") from None
    except json.JSONDecodeError as exc:
        raise DataError(label, f"not valid JSON at line {exc.lineno}: {exc.msg}") from None
    if suffix in (".md", ".txt"):
        return text
    raise DataError(label, f"unknown file type {suffix!r}")


def load(name: str | Path, kind: str | None = None) -> Any:
    """Read and check a data file (once; later calls return the same value).

    ``name`` is a path relative to ``data/`` (``"quizzes/01_visit.yml"``) or any other
    path (a test fixture). The check is the one registered for ``kind``, or else for
    the first pattern that the relative name matches; files with no check are returned
    as parsed. Raises :class:`DataError` naming the file, the item and the field.
    """
    base = data_dir()
    path = Path(name)
    if not path.is_absolute() and not path.exists():
        path = base / path
    path = path.resolve()
    try:
        label = path.relative_to(base.resolve().parent).as_posix()
    except ValueError:
        label = str(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DataError(label, "file not found") from None
    key, stamp = (str(path), kind), (stat.st_mtime_ns, stat.st_size)
    if key in _CACHE and _CACHE[key][0] == stamp:
        return _CACHE[key][1]
    value = _check(path, label, kind, base)
    _CACHE[key] = (stamp, value)
    return value


def _check(path: Path, label: str, kind: str | None, base: Path) -> Any:
    try:
        relative = path.relative_to(base.resolve()).as_posix()
    except ValueError:
        relative = path.name
    _ensure_validator(kind, relative)
    raw = _parse(path, label)
    if kind is not None:
        if kind not in _VALIDATORS:
            raise DataError(label, f"unknown data kind {kind!r}; known: {sorted(_VALIDATORS)}")
        return _VALIDATORS[kind][1](raw, label)
    for pattern, check in _VALIDATORS.values():
        if fnmatch.fnmatch(relative, pattern):
            return check(raw, label)
    return raw


def require(
    mapping: Any, field: str, types: type | tuple[type, ...], file: str, item: str | None
) -> Any:
    """Return ``mapping[field]`` if present and of ``types``, else raise :class:`DataError`."""
    if not isinstance(mapping, dict):
        raise DataError(file, f"expected a mapping, got {type(mapping).__name__}", item=item)
    if field not in mapping or mapping[field] is None or mapping[field] == "":
        raise DataError(file, "is missing", item=item, field=field)
    value = mapping[field]
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
        wanted = " or ".join(t.__name__ for t in _tuple(types))
        raise DataError(
            file, f"must be {wanted}, got {type(value).__name__} {value!r}", item=item, field=field
        )
    return value


def _tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)

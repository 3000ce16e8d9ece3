"""A chart's sources as the web figure names them: outlet, title, kind and link.

The PDF cites the same ``references.bib`` keys with ``{cite:p}`` (numbered, listed on the
References page); a web figure is raw HTML, where roles are not parsed, so it names the
source and links it instead.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from pybtex.database import parse_file

from coursekit.paths import bibliography


@dataclass(frozen=True)
class Source:
    """One ``references.bib`` entry, for a link under a chart."""

    key: str
    name: str  #: the author or outlet, e.g. ``Trend News Agency``
    title: str  #: may be empty
    kind: str  #: one of :data:`coursekit.bibstyle.KINDS`
    url: str


def _plain(text: str) -> str:
    return " ".join(text.replace("{", "").replace("}", "").replace("--", "–").split())


@functools.cache
def _entries(path: Path, mtime: int) -> dict[str, Source]:
    entries = parse_file(str(path), bib_format="bibtex").entries
    found = {}
    for key, entry in entries.items():
        authors = entry.persons.get("author", [])
        name = "; ".join(_plain(str(person)) for person in authors)
        fields = entry.fields
        found[key] = Source(
            key,
            name or _plain(fields.get("publisher", key)),
            _plain(fields.get("title", "")),
            _plain(fields.get("kind", "")),
            fields.get("url", ""),
        )
    return found


def source(key: str) -> Source:
    """The entry ``key`` of the course's ``references.bib`` (a :class:`KeyError` if absent)."""
    path = bibliography().resolve()
    return _entries(path, path.stat().st_mtime_ns)[key]

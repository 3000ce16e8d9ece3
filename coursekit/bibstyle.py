"""The References list and the rules every ``references.bib`` entry follows.

Each entry carries ``url`` (a book may give ``isbn`` instead), ``urldate`` (the ISO date
the source was read) and ``kind`` (one of :data:`KINDS`), so that a student can follow
the source and weigh it. :func:`check_bibliography` lists what breaks these rules; the
tests and the book build (``coursekit.sphinxext``) both use it.

:class:`CourseStyle` is pybtex's ``plain`` style with the web references rewritten: the
kind of source, the link (its text is the address itself, so the PDF prints it) and the
access date. It is registered as the pybtex formatting style ``course``.

:func:`register` also puts pybtex's plain-text backend in pybtex's own runtime registry:
sphinxcontrib-bibtex asks for it at every citation, and pybtex otherwise reads every
installed package's entry points each time (884 times in a site build, more than half of
the HTML build's time).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pybtex.plugin
from pybtex.backends.plaintext import Backend as PlaintextBackend
from pybtex.database import parse_file
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import field, href, join, optional, sentence

#: The kinds of source, from COMMON.md; ``kind`` must be one of them.
KINDS = (
    "state news agency",
    "state media",
    "government",
    "intergovernmental organisation",
    "wire service",
    "independent outlet",
    "state-aligned outlet",
    "encyclopaedia",
    "think tank",
    "book",
    "academic",
    "company",
    "court",
)
STYLE_NAME = "course"


def check_bibliography(path: Path) -> list[str]:
    """One message per broken rule, naming the file, the entry and the field."""
    try:
        entries = parse_file(str(path), bib_format="bibtex").entries
    except Exception as error:  # pybtex raises several types for malformed files
        return [f"{path.name}: cannot be read: {error}"]
    problems = []
    for key, entry in entries.items():
        fields = {name.lower(): value.strip() for name, value in entry.fields.items()}
        where = f"{path.name}: entry {key!r}"
        if not fields.get("url") and not fields.get("isbn"):
            problems.append(f"{where}: field 'url' is missing (a book may give 'isbn')")
        urldate = fields.get("urldate", "")
        try:
            datetime.date.fromisoformat(urldate)
        except ValueError:
            problems.append(
                f"{where}: field 'urldate' must be an ISO date (YYYY-MM-DD), not {urldate!r}"
            )
        kind = fields.get("kind", "")
        if kind not in KINDS:
            problems.append(f"{where}: field 'kind' is {kind!r}, not one of: {', '.join(KINDS)}")
    return problems


class CourseStyle(PlainStyle):
    """pybtex ``plain``, ending each entry with its kind, link and access date."""

    def format_web_refs(self, e):  # noqa: ANN001, ANN201 - pybtex's own signature
        url = field("url", raw=True)
        return join(sep=" ")[
            optional[sentence[join["Kind of source: ", field("kind")]]],
            sentence[
                optional[join(sep=" ")["Online:", href(url)[url]]],
                optional[join["accessed ", field("urldate")]],
            ],
        ]


def register() -> None:
    """Make ``course`` available as a pybtex formatting style, and the plain-text backend
    found without a search of the entry points (idempotent)."""
    pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE_NAME, CourseStyle, force=True)
    pybtex.plugin.register_plugin("pybtex.backends", "plaintext", PlaintextBackend, force=True)

"""The course timeline: dated events from ``data/timeline.csv``, checked and displayed.

``data/timeline.csv`` is the one source of dated events (see CONTRIBUTING.md). This module
registers its check with :func:`coursekit.data.validator`, returns the rows as
:class:`Event` objects and displays them as a table that renders in Jupyter, the web
book and the PDF (a MyST Markdown table whose source column uses the ``{cite:p}`` role).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from coursekit import data, schemas
from coursekit.course import CHAPTERS
from coursekit.data import DataError
from coursekit.text import md_escape

#: The columns of ``timeline.csv``, in order.
COLUMNS = ("id", "date", "event", "place", "lat", "lon", "source", "chapter")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True)
class Event:
    """One row of the timeline."""

    id: str
    date: str  #: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as written in the file
    key: tuple[int, int, int]  #: sort key (year, month, day); 0 for a missing part
    event: str
    place: str
    lat: float | None
    lon: float | None
    source: str  #: a key of ``references.bib``
    chapter: str
    year: int

    @property
    def label(self) -> str:
        """The date in words, e.g. ``19 August 2024``, ``August 2024`` or ``1948``."""
        year, month, day = self.key
        if day:
            return f"{day} {_MONTHS[month - 1]} {year}"
        if month:
            return f"{_MONTHS[month - 1]} {year}"
        return str(year)


#: The entry keys of ``references.bib`` (read once per process).
bib_keys = data.bib_keys


def parse_date(text: str, file: str = "<date>", item: str | None = None) -> tuple[int, int, int]:
    """Turn ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into a sort key; reject unreal dates."""
    match = _DATE.match(text.strip())
    if not match:
        raise DataError(
            file, f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD", item=item, field="date"
        )
    year, month, day = (int(part) if part else 0 for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise DataError(
            file, f"{text!r} is not a real date ({exc})", item=item, field="date"
        ) from None
    return year, month, day


def _coordinate(row: dict, field: str, limit: float, file: str, item: str) -> float | None:
    text = row[field].strip()
    value = float(text) if text else None  # the schema allows only numbers or nothing
    if value is not None and not -limit <= value <= limit:
        raise DataError(file, f"{value} is outside -{limit}..{limit}", item=item, field=field)
    return value


def _row_item(row: Any, index: int) -> str:
    ident = row.get("id") if isinstance(row, dict) else None
    return ident.strip() if isinstance(ident, str) and ident.strip() else f"line {index + 2}"


def _locate(rows: Any, path: list[Any]) -> tuple[str | None, str | None]:
    if not path:
        return None, None
    return _row_item(rows[path[0]], path[0]), (str(path[1]) if len(path) > 1 else None)


def _event(row: dict, number: int, file: str, keys: set[str]) -> Event:
    """One row (already checked against the schema) as an :class:`Event`."""
    item = _row_item(row, number - 2)
    date = row["date"].strip()
    key = parse_date(date, file, item)
    lat = _coordinate(row, "lat", 90, file, item)
    lon = _coordinate(row, "lon", 180, file, item)
    if (lat is None) != (lon is None):
        missing = "lon" if lon is None else "lat"
        raise DataError(file, "give both lat and lon, or neither", item=item, field=missing)
    source = row["source"].strip()
    if source not in keys:
        raise DataError(file, f"{source!r} is not a key in references.bib", item, "source")
    chapter = row["chapter"].strip()
    if chapter not in CHAPTERS:
        raise DataError(file, f"{chapter!r} is not one of {', '.join(CHAPTERS)}", item, "chapter")
    event, place = row["event"].strip(), row["place"].strip()
    return Event(item, date, key, event, place, lat, lon, source, chapter, key[0])


@data.validator("timeline", "timeline.csv")
def validate(rows: list[dict], file: str) -> list[Event]:
    """Check the rows of a timeline CSV file and return them as :class:`Event` objects."""
    if isinstance(rows, list) and rows and tuple(rows[0]) != COLUMNS:
        found = ", ".join(rows[0])
        raise DataError(file, f"columns must be {', '.join(COLUMNS)}; found {found}")
    schemas.check(rows, "timeline", file, _locate)
    keys = bib_keys()
    events: list[Event] = []
    for number, row in enumerate(rows, start=2):
        event = _event(row, number, file, keys)
        if any(e.id == event.id for e in events):
            raise DataError(file, "duplicate id", item=event.id, field="id")
        if events and event.key < events[-1].key:
            raise DataError(
                file,
                f"rows must be sorted by date: {event.date} comes after {events[-1].date}",
                item=event.id,
                field="date",
            )
        events.append(event)
    return events


def _bound(value: int | str | None) -> tuple[int, ...] | None:
    if value is None:
        return None
    year, month, day = parse_date(str(value), "<bound>")
    return tuple(part for part in (year, month, day) if part)


def events(
    since: int | str | None = None, until: int | str | None = None, chapter: str | None = None
) -> list[Event]:
    """The timeline's events, oldest first, optionally filtered.

    ``since`` and ``until`` are years or dates (``2020``, ``"2023-09"``) and include the
    whole period they name; ``chapter`` is a chapter id such as ``"03_history"``.
    """
    if chapter is not None and chapter not in CHAPTERS:
        raise ValueError(f"unknown chapter {chapter!r}; known: {', '.join(CHAPTERS)}")
    low, high = _bound(since), _bound(until)
    chosen = []
    for item in data.load("timeline.csv"):
        if low and item.key[: len(low)] < low:
            continue
        if high and item.key[: len(high)] > high:
            continue
        if chapter and item.chapter != chapter:
            continue
        chosen.append(item)
    return chosen


class Table:
    """A timeline table that displays as MyST Markdown (web and PDF) or plain text."""

    def __init__(self, rows: list[Event]) -> None:
        self.rows = rows

    def markdown(self) -> str:
        """A MyST table: Date | Event | Place | Source, the source as a citation."""
        lines = ["| Date | Event | Place | Source |", "|---|---|---|---|"]
        for row in self.rows:
            cells = (
                md_escape(row.label),
                md_escape(row.event),
                md_escape(row.place) if row.place else "",
                f"{{cite:p}}`{row.source}`",
            )
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"

    def plain(self) -> str:
        """The table as plain text, one event a line."""
        width = max((len(row.label) for row in self.rows), default=0)
        lines = [
            f"{row.label:<{width}}  {row.event}"
            + (f" ({row.place})" if row.place else "")
            + f" [{row.source}]"
            for row in self.rows
        ]
        return "\n".join(lines) or "(no events)"

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        """Markdown for Jupyter Book (web and PDF) and plain text; no HTML, on purpose."""
        return {"text/markdown": self.markdown(), "text/plain": self.plain()}

    def __repr__(self) -> str:
        return self.plain()


def table(since: int | str | None = None, until: int | str | None = None) -> Table:
    """The timeline (or the part between ``since`` and ``until``) as a displayable table."""
    return Table(events(since=since, until=until))

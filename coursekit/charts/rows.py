"""A chart's data file (``data/charts/*.csv``): its check and its rows.

The format is the JSON Schema ``coursekit/schemas/chart.schema.json``; this module
registers the check with :func:`coursekit.data.validator` and adds what a schema cannot
state: every ``source`` is a key of ``references.bib``, the rows of a series share one
unit, and no two rows of a series have the same label and the same ``who``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coursekit import data, schemas
from coursekit.data import DataError

#: The columns of a chart file, in order.
COLUMNS = ("label", "series", "value", "unit", "qualifier", "who", "source")


@dataclass(frozen=True)
class Row:
    """One bar: a figure, its unit and who gives it, with the source the course read."""

    label: str
    series: str
    value: float
    unit: str
    qualifier: str  #: "", "about", "more than", "nearly" or "at least", as the source words it
    who: str
    source: str  #: a key of ``references.bib``
    decimals: int  #: digits after the point, as written in the file

    @property
    def number(self) -> str:
        """The value as written, with thousands separated: ``11.8``, ``100,417``."""
        return f"{self.value:,.{self.decimals}f}"

    @property
    def text(self) -> str:
        """The figure in words: ``more than 500,000 people``, ``49.82 %``."""
        unit = self.unit if self.unit == "%" else f" {self.unit}"
        return " ".join(part for part in (self.qualifier, self.number + unit) if part)


def _item(index: int) -> str:
    return f"line {index + 2}"


def _locate(rows: Any, path: list[Any]) -> tuple[str | None, str | None]:
    if not path:
        return None, None
    return _item(path[0]), (str(path[1]) if len(path) > 1 else None)


def _row(raw: dict[str, str], index: int, file: str, keys: set[str]) -> Row:
    text = {name: raw[name].strip() for name in COLUMNS}
    if text["source"] not in keys:
        raise DataError(
            file, f"{text['source']!r} is not a key in references.bib", _item(index), "source"
        )
    decimals = len(text["value"].partition(".")[2])
    return Row(
        text["label"],
        text["series"],
        float(text["value"]),
        text["unit"],
        text["qualifier"],
        text["who"],
        text["source"],
        decimals,
    )


@data.validator("chart", "charts/*.csv")
def validate(raw: Any, file: str) -> list[Row]:
    """Check a chart file's rows and return them as :class:`Row` objects, in file order."""
    if isinstance(raw, list) and raw and tuple(raw[0]) != COLUMNS:
        found = ", ".join(raw[0])
        raise DataError(file, f"columns must be {', '.join(COLUMNS)}; found {found}")
    schemas.check(raw, "chart", file, _locate)
    keys = data.bib_keys()
    rows: list[Row] = []
    units: dict[str, str] = {}
    for index, item in enumerate(raw):
        row = _row(item, index, file, keys)
        unit = units.setdefault(row.series, row.unit)
        if row.unit != unit:
            raise DataError(
                file,
                f"{row.unit!r} differs from {unit!r}, the unit of series {row.series!r}",
                _item(index),
                "unit",
            )
        if any((r.series, r.label, r.who) == (row.series, row.label, row.who) for r in rows):
            raise DataError(
                file, f"{row.label!r} appears twice in series {row.series!r}", _item(index), "label"
            )
        rows.append(row)
    return rows

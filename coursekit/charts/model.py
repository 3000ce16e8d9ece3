"""A chart: its title, caption, rows and sources, with one rendering per medium.

A :class:`Chart` displays in Jupyter and in the books like a map: ``text/html`` (:mod:`.web`,
an inline SVG in a ``<figure>`` with its caption, text alternative and data table),
``image/png`` (:mod:`.printed`, for the PDF) and, as a second output, ``text/markdown``
(the caption and the data table with ``{cite:p}`` sources, printed under the picture).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from typing import Any

from coursekit import data
from coursekit.charts import printed, web
from coursekit.charts.rows import Row
from coursekit.data import DataError


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart of one data file: one panel per series."""

    name: str  #: the data file, relative to ``data/`` (``charts/gas_exports_2023.csv``)
    title: str
    caption: str  #: what to look for, in a sentence or two (no data: the table has it)
    label_heading: str  #: the heading of the label column, e.g. ``Destination``
    rows: tuple[Row, ...] = field(repr=False)
    #: series -> the total the sources give for it (checked against the rows)
    totals: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_file(
        cls,
        name: str,
        title: str,
        caption: str,
        label_heading: str,
        totals: dict[str, float] | None = None,
    ) -> Chart:
        """The chart of a data file, its stated totals checked (a :class:`DataError` if not)."""
        chart = cls(name, title, caption, label_heading, tuple(data.load(name)), totals or {})
        chart.check_totals()
        return chart

    # -- facts about the chart
    @property
    def ident(self) -> str:
        """A name for HTML ids, from the file name: ``gas_exports_2023``."""
        stem = self.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return re.sub(r"[^a-z0-9_-]", "-", stem.lower())

    def series(self) -> list[str]:
        """The series (panels), in the order they first appear."""
        return list(dict.fromkeys(row.series for row in self.rows))

    def panel(self, series: str) -> list[Row]:
        """The rows of one series, in file order."""
        return [row for row in self.rows if row.series == series]

    def unit(self, series: str) -> str:
        """The unit every row of ``series`` shares."""
        return self.panel(series)[0].unit

    def scale(self, series: str) -> float:
        """The length a full bar stands for: the series' stated total, 100 for a share in
        per cent, else its largest value (so that bars of a total show their share)."""
        if series in self.totals:
            return self.totals[series]
        if self.unit(series) == "%":
            return 100.0
        return max(row.value for row in self.panel(series)) or 1.0

    @property
    def common_who(self) -> str | None:
        """Who gives every figure, when one source body gives them all (said once)."""
        who = {row.who for row in self.rows}
        return who.pop() if len(who) == 1 else None

    def who_line(self, row: Row) -> str:
        """The attribution printed under a bar's label (empty when :attr:`common_who`)."""
        return "" if self.common_who else f"({row.who})"

    def sources(self) -> list[str]:
        """The ``references.bib`` keys of the rows, each once, in order."""
        return list(dict.fromkeys(row.source for row in self.rows))

    def check_totals(self) -> None:
        """Raise :class:`DataError` if a series does not add up to its stated total."""
        for series, total in self.totals.items():
            rows = self.panel(series)
            if not rows:
                raise DataError(self.name, f"no rows for the total of {series!r}", field="series")
            found = sum(row.value for row in rows)
            if abs(found - total) > 0.05:
                raise DataError(
                    self.name,
                    f"the rows add up to {found:g}, not the {total:g} the sources give",
                    item=series,
                    field="value",
                )

    def text_alternative(self) -> str:
        """The chart in words: every bar with its figure and who gives it."""
        lines = [f"Bar chart: {self.title}.", self.caption]
        if self.common_who:
            lines.append(f"All figures according to {self.common_who}.")
        for series in self.series():
            lines.append(f"{series} ({self.unit(series)}):")
            lines.extend(
                f"- {r.label}: {r.text}" + ("" if self.common_who else f" (according to {r.who})")
                for r in self.panel(series)
            )
        return "\n".join(lines)

    # -- renderings
    def html(self) -> str:
        """The web figure: inline SVG, caption, text alternative and data table."""
        return web.figure_html(self)

    def png(self, dpi: int = 120) -> bytes:
        """The printed chart, as PNG bytes."""
        return printed.png(self, dpi)

    def markdown(self) -> str:
        """The printed caption and data table (MyST, sources as ``{cite:p}``)."""
        return printed.markdown(self)

    # -- display
    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {
            "text/html": self.html(),
            "image/png": base64.b64encode(self.png()).decode("ascii"),
            "text/markdown": self.markdown(),
            "text/plain": self.text_alternative(),
        }

    def _ipython_display_(self) -> None:
        """Show the chart, then its caption and table for print.

        The second output's web and notebook forms are empty (the HTML figure already
        carries caption, text alternative and table); the PDF prints it under the picture.
        """
        from IPython.display import display

        bundle = self._repr_mimebundle_()
        markdown = bundle.pop("text/markdown")
        display(bundle, raw=True)
        display({"text/markdown": markdown, "text/plain": "", "text/html": ""}, raw=True)

    def __repr__(self) -> str:
        return self.text_alternative()

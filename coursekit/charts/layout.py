"""Where each part of a chart goes: panels, bars and text lines, in SVG user units.

The web rendering (:mod:`.web`) draws this layout with a Jinja2 template; the printed one
(:mod:`.printed`) lets matplotlib place things itself but wraps labels the same way.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coursekit.charts.rows import Row
from coursekit.maps.styles import PALETTE

if TYPE_CHECKING:
    from coursekit.charts.model import Chart

#: One colour per panel, from the Okabe–Ito palette; each gives at least 3:1 against white.
#: Colour is never the only signal: every bar carries its figure and its label.
COLOURS = (PALETTE["blue"], PALETTE["vermillion"], PALETTE["green"])
#: Characters per line of a bar's label and of its "who" line.
LABEL_WIDTH, WHO_WIDTH = 34, 44

WIDTH = 760  #: the drawing's width
BAR_X = 300  #: where bars start (labels sit to the left)
BAR_MAX = 270  #: the longest bar (the figure is written to its right)
LINE = 15  #: height of a text line
PAD = 8  #: space above and below each row
HEADING = 30  #: height of a panel's heading


def wrap(text: str, width: int) -> list[str]:
    """A text cut into lines of at most ``width`` characters (a long word stays whole)."""
    return textwrap.wrap(text, width, break_long_words=False) or [""]


@dataclass(frozen=True)
class Bar:
    """One row drawn: its text lines, its bar and where they go."""

    row: Row
    y: float  #: top of the row
    height: float
    length: float  #: the bar's length
    label: list[str]
    who: list[str]

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Panel:
    """One series: its heading, colour and bars."""

    series: str
    unit: str
    colour: str
    y: float  #: top of the heading
    bars: list[Bar]
    bottom: float


def layout(chart: Chart) -> tuple[list[Panel], float]:
    """The chart's panels, top to bottom, and the drawing's height."""
    panels: list[Panel] = []
    y = float(HEADING) if chart.common_who else 0.0
    for index, series in enumerate(chart.series()):
        rows = chart.panel(series)
        top = chart.scale(series)
        heading, y = y, y + HEADING
        bars: list[Bar] = []
        for row in rows:
            label = wrap(row.label, LABEL_WIDTH)
            who = wrap(chart.who_line(row), WHO_WIDTH) if chart.who_line(row) else []
            height = max(len(label) + len(who), 2) * LINE + 2 * PAD
            bars.append(Bar(row, y, height, max(row.value / top * BAR_MAX, 1.0), label, who))
            y += height
        colour = COLOURS[index % len(COLOURS)]
        panels.append(Panel(series, chart.unit(series), colour, heading, bars, y))
        y += PAD * 2
    return panels, y

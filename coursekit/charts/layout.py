"""Where each part of a chart goes: panels, bars and text lines, in SVG user units.

The web rendering (:mod:`.web`) draws this layout with a Jinja2 template: each bar under
its label and attribution, so that the drawing stays narrow and its text legible when a
phone scales it down. The printed one (:mod:`.printed`) lets matplotlib place things itself
(labels beside the bars, as the page is wide) but wraps them the same way.
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
#: Characters per line of a bar's label and of its "who" line (on the web and on paper).
LABEL_WIDTH, WHO_WIDTH = 34, 44
#: The same on the web, where the label runs above its bar across the drawing.
WEB_LABEL_WIDTH, WEB_WHO_WIDTH = 62, 78

WIDTH = 520  #: the drawing's width
BAR_MAX = 330  #: the longest bar (the figure is written to its right)
BAR = 18  #: a bar's thickness
LINE = 15  #: height of a text line
PAD = 7  #: space above and below each row
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

    def baseline(self, line: int) -> float:
        """The baseline of the row's text line number ``line`` (label lines, then who)."""
        return self.y + PAD + 11 + line * LINE

    @property
    def bar_y(self) -> float:
        """The top of the bar, under the text lines."""
        return self.y + PAD + (len(self.label) + len(self.who)) * LINE + 3


@dataclass(frozen=True)
class Panel:
    """One series: its heading, colour and bars."""

    series: str
    unit: str
    colour: str
    y: float  #: top of the heading
    bars: list[Bar]
    bottom: float


@dataclass(frozen=True)
class Drawing:
    """The whole drawing: a note above the panels, the panels, and its size."""

    note: list[str]  #: "All figures according to …", when one body gives every figure
    panels: list[Panel]
    width: float
    height: float


def layout(chart: Chart) -> Drawing:
    """Where everything goes, top to bottom."""
    panels: list[Panel] = []
    note = wrap(f"All figures according to {chart.common_who}", WEB_WHO_WIDTH)
    note = note if chart.common_who else []
    y = len(note) * LINE + (PAD if note else 0)
    for index, series in enumerate(chart.series()):
        rows = chart.panel(series)
        top = chart.scale(series)
        heading, y = y, y + HEADING
        bars: list[Bar] = []
        for row in rows:
            label = wrap(row.label, WEB_LABEL_WIDTH)
            who = wrap(chart.who_line(row), WEB_WHO_WIDTH) if chart.who_line(row) else []
            height = (len(label) + len(who)) * LINE + 3 + BAR + 2 * PAD
            bars.append(Bar(row, y, height, max(row.value / top * BAR_MAX, 1.0), label, who))
            y += height
        colour = COLOURS[index % len(COLOURS)]
        panels.append(Panel(series, chart.unit(series), colour, heading, bars, y))
        y += PAD * 2
    # room for the longest "bar + its number" (about 7.5 units per character at 13 px)
    ends = [bar.length + 6 + 7.5 * len(bar.row.text) for panel in panels for bar in panel.bars]
    return Drawing(note, panels, max([WIDTH, *ends]), y)

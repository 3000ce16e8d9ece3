"""The web rendering: an inline SVG bar chart in a ``<figure>``, with its data table.

All HTML and SVG live in ``templates/figure.html.j2``, rendered by Jinja2 with autoescape,
so every string from a data file is escaped. The SVG is an image with a name and a
description (``role="img"``, ``<title>``, ``<desc>``); the table under it gives every
figure with who gives it and a link to the source.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, select_autoescape

from coursekit.charts import layout
from coursekit.charts.sources import source

if TYPE_CHECKING:
    from coursekit.charts.model import Chart

TEMPLATES = Path(__file__).parent / "templates"
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def figure_html(chart: Chart) -> str:
    """The chart as a self-contained HTML ``<figure>`` (no script, no external file)."""
    return ENV.get_template("figure.html.j2").render(
        chart=chart,
        drawing=layout.layout(chart),
        L=layout,
        sources={key: source(key) for key in chart.sources()},
    )

"""The printed rendering: the chart drawn with matplotlib (PNG) and its caption and table
as MyST Markdown, for the PDF.

It uses :class:`matplotlib.figure.Figure` directly, never pyplot or ``matplotlib.use``, so
that drawing a chart leaves a notebook's plotting backend alone.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from matplotlib.figure import Figure

from coursekit.charts.layout import COLOURS, LABEL_WIDTH, WHO_WIDTH, wrap
from coursekit.text import md_escape

if TYPE_CHECKING:
    from coursekit.charts.model import Chart
    from coursekit.charts.rows import Row


def _label(chart: Chart, row: Row) -> str:
    who = chart.who_line(row)
    return "\n".join(wrap(row.label, LABEL_WIDTH) + (wrap(who, WHO_WIDTH) if who else []))


def figure(chart: Chart, dpi: int = 120) -> Figure:
    """The chart as a matplotlib :class:`Figure` (not registered with pyplot)."""
    series = chart.series()
    lines = [len(_label(chart, r).splitlines()) for r in chart.rows]
    height = 0.9 + 0.55 * len(series) + 0.2 * sum(max(n, 2) for n in lines)
    fig = Figure(figsize=(8, height), dpi=dpi, layout="constrained")
    axes = fig.subplots(len(series), 1, squeeze=False)[:, 0]
    fig.get_layout_engine().set(h_pad=0.1)
    for index, (ax, name) in enumerate(zip(axes, series, strict=True)):
        rows = chart.panel(name)
        labels = [_label(chart, r) for r in rows]
        values = [r.value for r in rows]
        bars = ax.barh(range(len(rows)), values, color=COLOURS[index % len(COLOURS)], height=0.6)
        ax.bar_label(bars, labels=[r.text for r in rows], padding=4, fontsize=8)
        ax.set_yticks(range(len(rows)), labels, fontsize=7.5)
        ax.invert_yaxis()
        ax.set_xlim(0, max(chart.scale(name), *values) * 1.4)
        ax.set_xticks([])
        ax.set_ylim(len(rows) - 0.5, -0.5)
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_title(f"{name} ({chart.unit(name)})", fontsize=9, loc="left", parse_math=False)
        for label in ax.get_yticklabels():
            label.set_parse_math(False)
    title = chart.title
    if chart.common_who:
        title += f"\nAll figures according to {chart.common_who}"
    fig.suptitle(title, fontsize=10, x=0.02, ha="left")
    return fig


def png(chart: Chart, dpi: int = 120) -> bytes:
    """The printed chart as PNG bytes."""
    buf = io.BytesIO()
    figure(chart, dpi).savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def markdown(chart: Chart) -> str:
    """The caption and the data table in MyST; each row cites its source with ``{cite:p}``."""
    several = len(chart.series()) > 1
    head = [chart.label_heading, *(["Series"] if several else []), "Number", "Who gives it"]
    lines = [
        f"**Chart: {md_escape(chart.title)}.** {md_escape(chart.caption)}",
        "",
        "| " + " | ".join(md_escape(h) for h in [*head, "Source"]) + " |",
        "|" + "---|" * (len(head) + 1),
    ]
    for row in chart.rows:
        cells = [row.label, *([row.series] if several else []), row.text, row.who]
        lines.append(
            "| " + " | ".join(md_escape(c) for c in cells) + f" | {{cite:p}}`{row.source}` |"
        )
    return "\n".join(lines) + "\n"

"""The printed rendering: the map drawn with matplotlib, as a PNG for the PDF.

It uses :class:`matplotlib.figure.Figure` directly, never pyplot or ``matplotlib.use``,
so that drawing a map leaves a notebook's plotting backend alone.
"""

from __future__ import annotations

import io
import math
import textwrap
from typing import TYPE_CHECKING, Any

from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from shapely.plotting import patch_from_polygon, plot_line

from coursekit.maps.layers import Item
from coursekit.maps.styles import SEA, STYLES, Style

if TYPE_CHECKING:
    from coursekit.maps.coursemap import CourseMap

CREDIT = "Outlines: Natural Earth. Places: GeoNames. Routes and areas approximate."
_WHITE_BOX = {"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7}


def _fill(st: Style, minimum: float = 0.0) -> Any:
    return (*to_rgb(st.fill), max(st.fill_opacity, minimum)) if st.fill else "none"


def _polygon(ax: Axes, item: Item, st: Style, scale: float) -> None:
    # add_artist, not add_patch: the view is set once at the end (_frame), so the data
    # limits need no update for each outline (that took half the time of a map's PNG).
    patch = patch_from_polygon(
        item.geom,
        facecolor=_fill(st),
        alpha=None,
        edgecolor=st.color,
        linewidth=st.weight * 0.6 * scale,
        linestyle=st.mpl_dash(),
        hatch=st.hatch,
    )
    ax.add_artist(patch)


def _line(ax: Axes, item: Item, st: Style, scale: float) -> None:
    plot_line(
        item.geom,
        ax=ax,
        add_points=False,
        color=st.color,
        linewidth=st.weight * 0.6 * scale,
        linestyle=st.mpl_dash(),
    )


def _point(ax: Axes, item: Item, st: Style) -> None:
    g = item.geom
    ax.plot(
        g.x,
        g.y,
        marker=st.mpl_marker,
        color=st.color,
        markersize={"*": 13, "^": 6}.get(st.mpl_marker, 8),
        markeredgecolor="white",
        markeredgewidth=0.6,
        linestyle="none",
        zorder=4 if item.style == "event" else 5,
    )
    if item.label:
        ax.annotate(
            item.name,
            (g.x, g.y),
            xytext=(5, 3),
            textcoords="offset points",
            fontsize=7.5,
            zorder=6,
            parse_math=False,
            bbox=_WHITE_BOX,
        )


def draw(ax: Axes, item: Item, scale: float = 1.0) -> None:
    """Draw one item in its style (lines ``scale`` times as wide)."""
    st = STYLES[item.style]
    kind = item.geom.geom_type
    if kind in ("Polygon", "MultiPolygon"):
        _polygon(ax, item, st, scale)
    elif kind in ("LineString", "MultiLineString"):
        _line(ax, item, st, scale)
    else:
        _point(ax, item, st)


def legend_handle(st: Style) -> Any:
    """A legend entry drawn like the feature, its words wrapped to fit two columns."""
    label = textwrap.fill(st.legend, 44)
    if st.glyph:
        return Line2D([], [], marker=st.mpl_marker, color=st.color, linestyle="none", label=label)
    if st.fill:
        return Patch(
            facecolor=_fill(st, 0.1),
            edgecolor=st.color,
            hatch=st.hatch,
            label=label,
            linestyle=st.mpl_dash(),
        )
    return Line2D(
        [], [], color=st.color, linewidth=st.weight * 0.6, linestyle=st.mpl_dash(), label=label
    )


def _legend(fig: Figure, cmap: CourseMap) -> None:
    handles = [legend_handle(st) for st in cmap.legend_styles(printed=True)]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=2,
        fontsize=7,
        frameon=False,
        bbox_to_anchor=(0.5, 0.0),
    )
    # Labels are wrapped to fit two columns across the page; leave room for every line.
    lines = [h.get_label().count("\n") + 1 for h in handles]
    rows = sum(max(lines[i : i + 2]) for i in range(0, len(lines), 2))
    fig.subplots_adjust(left=0.06, right=0.98, top=0.94, bottom=0.06 + 0.024 * rows)


def _frame(ax: Axes, bounds: tuple[float, float, float, float]) -> None:
    west, south, east, north = bounds
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))


def _inset(ax: Axes, cmap: CourseMap) -> None:
    """The map's detail (``cmap.inset``) enlarged in a box at the top right."""
    if cmap.inset is None:
        return
    title, bounds = cmap.inset
    box = ax.inset_axes((0.56, 0.56, 0.42, 0.42))
    box.set_facecolor(SEA)
    for item in cmap.basemap:
        draw(box, item)
    for item in cmap.printed_items():
        draw(box, item, scale=1.8)
    _frame(box, bounds)
    box.set_xticks([])
    box.set_yticks([])
    box.set_title(title, fontsize=7.5, parse_math=False, pad=2)
    west, south, east, north = bounds
    ax.indicate_inset((west, south, east - west, north - south), edgecolor="#333333", alpha=1)


def figure(cmap: CourseMap, dpi: int = 120) -> Figure:
    """The printed map as a matplotlib :class:`Figure` (not registered with pyplot)."""
    fig = Figure(figsize=(8, 6.2), dpi=dpi)
    ax = fig.add_subplot()
    ax.set_facecolor(SEA)
    for item in cmap.basemap + cmap.printed_items():
        draw(ax, item)
    _frame(ax, cmap.bounds)
    _inset(ax, cmap)
    ax.tick_params(labelsize=7)
    ax.set_title(cmap.title, fontsize=11, parse_math=False)
    _legend(fig, cmap)
    ax.text(
        0.995,
        0.005,
        CREDIT,
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=6,
        color="#444",
        bbox={"fc": "white", "ec": "none", "alpha": 0.7, "pad": 1},
    )
    return fig


def png(cmap: CourseMap, dpi: int = 120) -> bytes:
    """The printed map as PNG bytes."""
    buf = io.BytesIO()
    figure(cmap, dpi).savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()

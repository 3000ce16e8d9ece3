"""The printed form of a locate question: a map with the letters A-D, and "Which letter ...?".

Drawn with a matplotlib :class:`~matplotlib.figure.Figure` of its own (never pyplot's
global state, never a backend switch), from the same outlines and styles as the web map.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath

from coursekit.quiz.types.locate.mapdata import EDGE, LAND, SEA, countries, labels
from coursekit.quiz.types.locate.target import LETTERS, Locate

#: width in inches and dots per inch of the printed map (not the chapter maps' size)
WIDTH, DPI = 6.0, 150
_DISC = {"boxstyle": "circle,pad=0.2", "fc": "white", "ec": "black", "lw": 1}


def _patch(geom) -> PathPatch:
    """A matplotlib patch for a (multi)polygon, holes included."""
    vertices, codes = [], []
    for polygon in getattr(geom, "geoms", [geom]):
        if polygon.geom_type != "Polygon":
            continue
        for ring in [polygon.exterior, *polygon.interiors]:
            xy = list(ring.coords)
            vertices += xy
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(xy) - 2) + [MplPath.CLOSEPOLY]
    return PathPatch(MplPath(vertices, codes), facecolor=LAND, edgecolor=EDGE, linewidth=0.6)


def question(spec: Locate) -> str:
    """The printed question: which letter marks the place, or lies inside the area."""
    if spec.target.kind == "place":
        return f"Which letter marks {spec.target.name}?"
    return f"Which letter lies inside the area “{spec.target.name}”?"


def figure(spec: Locate, letters: bool = True) -> Figure:
    """The lettered map (``letters=False``: the same map without the letters A-D)."""
    west, south, east, north = spec.extent
    aspect = 1 / math.cos(math.radians((south + north) / 2))
    height = min(max(WIDTH * (north - south) * aspect / (east - west), 3.0), 5.5)
    fig = Figure(figsize=(WIDTH, height), dpi=DPI)
    ax = fig.add_axes((0.01, 0.01, 0.98, 0.98))
    ax.set_facecolor(SEA)
    for _, geom in countries(spec.extent):  # add_artist: the view is set below, once
        ax.add_artist(_patch(geom))
    for name, lat, lon in labels(spec.extent):
        ax.text(lon, lat, name.upper(), fontsize=8, color="#555555", ha="center", va="center")
    for spot in spec.landmarks:
        ax.plot(spot.lon, spot.lat, "o", ms=4, mfc="white", mec="black", mew=0.8)
        left = spot.lon > (west + east) / 2  # write the name towards the middle
        ax.annotate(spot.name, (spot.lon, spot.lat), xytext=(-5 if left else 5, 3),
                    textcoords="offset points", ha="right" if left else "left",
                    fontsize=8, style="italic")  # fmt: skip
    for letter, spot in zip(LETTERS, spec.letters if letters else (), strict=letters):
        ax.plot(spot.lon, spot.lat, "o", ms=5, color="black")
        ax.annotate(letter, (spot.lon, spot.lat), xytext=(0, 7), textcoords="offset points",
                    ha="center", va="bottom", size=12, weight="bold", bbox=_DISC)  # fmt: skip
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(aspect)
    ax.set_xticks([])
    ax.set_yticks([])
    return fig


def png_of(fig: Figure) -> bytes:
    """A map figure as PNG bytes (the same bytes on every run: no software metadata)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def png(spec: Locate, letters: bool = True) -> bytes:
    """The lettered map as PNG bytes (``letters=False``: without the letters)."""
    return png_of(figure(spec, letters))


def size_px(fig: Figure) -> tuple[int, int]:
    """Width and height in pixels of the PNG that :func:`png_of` writes (whole pixels, as
    the Agg renderer truncates them)."""
    width, height = fig.get_size_inches() * DPI
    return int(width), int(height)


def to_pixels(fig: Figure, lonlat: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Pixel positions (x right, y down, from the top-left corner of the PNG) of points
    given as (lon, lat), through the map's own data transform."""
    ax = fig.axes[0]
    ax.apply_aspect()  # the axes box after set_aspect, as drawing places it
    height = size_px(fig)[1]
    scale = DPI / fig.dpi
    return [(x * scale, height - y * scale) for x, y in ax.transData.transform(list(lonlat))]


def alt_text(spec: Locate) -> str:
    """A text alternative that does not give the answer away."""
    names = ", ".join(s.name for s in spec.landmarks)
    marks = f"; labelled for orientation: {names}" if names else ""
    return f"Map with country outlines and the letters A, B, C and D at four points{marks}"


def markdown_lines(spec: Locate) -> list[str]:
    """The printed map (a PNG as a data URI) and the question, as indented Markdown."""
    data = base64.b64encode(png(spec)).decode("ascii")
    return [
        f"   ![{alt_text(spec)}](data:image/png;base64,{data})",
        "",
        f"   {question(spec)} Letter: \\_\\_\\_\\_",
    ]


def answer_text(spec: Locate) -> str:
    """The answer for the key: the letter, and what it marks."""
    return f"{spec.answer_letter} ({spec.target.name})"

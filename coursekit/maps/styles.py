"""How each kind of feature looks: the Okabe–Ito palette, line dashes, fills and symbols.

One :class:`Style` per kind serves both renderings (Leaflet on the web, matplotlib on
paper) and gives the legend its words, so that colour is never the only signal: every
style also differs by dash, hatch or symbol, and its legend text says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coursekit.palette import LAND, PALETTE, SEA

__all__ = ["LAND", "PALETTE", "SEA", "STYLES", "Style"]


@dataclass(frozen=True)
class Style:
    """How one kind of feature is drawn, on the web and on paper, and its legend words."""

    legend: str
    color: str = PALETTE["black"]
    weight: float = 2.0
    dash: str | None = None  #: SVG dash array, e.g. "8 6"
    fill: str | None = None
    fill_opacity: float = 0.0
    glyph: str | None = None  #: marker symbol (points)
    mpl_marker: str = "o"
    hatch: str | None = None

    def leaflet(self) -> dict[str, Any]:
        """Leaflet path options."""
        out: dict[str, Any] = {"color": self.color, "weight": self.weight, "opacity": 0.95}
        if self.dash:
            out["dashArray"] = self.dash
        out["fill"] = self.fill is not None
        if self.fill:
            out["fillColor"] = self.fill
            out["fillOpacity"] = self.fill_opacity
        return out

    def mpl_dash(self) -> Any:
        """The dash as a matplotlib line style (dash lengths scaled to the line width)."""
        if not self.dash:
            return "-"
        return (0, tuple(float(v) / max(self.weight, 1) for v in self.dash.split()))


def _area(legend: str, color: str, dash: str | None, opacity: float, hatch: str | None) -> Style:
    """A filled area in one colour, outlined, with a hatch for print."""
    return Style(legend, color, 2, dash, color, opacity, hatch=hatch)


def _marker(legend: str, color: str, glyph: str, mpl_marker: str) -> Style:
    return Style(legend, color, glyph=glyph, mpl_marker=mpl_marker)


P = PALETTE
STYLES: dict[str, Style] = {
    "country": Style("Country (Natural Earth outline)", "#8a8a8a", 0.8, None, LAND, 1.0),
    "disputed": Style(
        "Crimea: annexed by Russia in 2014, not recognised by Ukraine and most UN members",
        "#6b6b6b",
        1.0,
        "3 3",
        "#e4e1da",
        1.0,
        hatch="....",
    ),
    "oil": Style("Oil pipeline, approximate route (solid line)", P["vermillion"], 4),
    "gas": Style("Gas pipeline, approximate route (dashed line)", P["blue"], 4, "10 6"),
    "rail": Style("Railway corridor, approximate route (dotted line)", P["black"], 3, "2 6"),
    "rail_planned": Style("Planned railway, approximate (sparse dots)", P["purple"], 3, "1 10"),
    "transit_planned": Style(
        "Planned transit route (TRIPP), approximate (thick dash-dot line)",
        P["green"],
        5,
        "10 4 2 4",
    ),
    "flight": Style("Flight as flown, approximate (dashed line)", P["vermillion"], 3, "6 5"),
    "flight_planned": Style("Flight as scheduled (black dotted line)", P["black"], 3, "2 5"),
    "distance": Style("Great-circle line (shortest path)", P["green"], 3, "12 4 2 4"),
    "base": Style(
        "Former NKAO, approximate (dashed outline, no fill)",
        P["black"],
        2.5,
        "6 4",
        P["black"],
        0.05,
    ),
    "1994": _area(
        "Held by Armenian forces 1994-2020, approximate (orange, hatched)",
        P["orange"],
        "2 3",
        0.35,
        "///",
    ),
    "2020": _area(
        "Under Russian peacekeepers 2020-2023, approximate (pink)", P["purple"], None, 0.45, "\\\\"
    ),
    "corridor": _area("Lachin corridor, approximate (green band)", P["green"], None, 0.6, None),
    "2023": _area(
        "Under Azerbaijani control since Sept 2023, approximate (blue, crossed)",
        P["sky"],
        "8 3",
        0.35,
        "xx",
    ),
    "2024": Style(
        "Ukraine's Kursk incursion, Aug 2024, approximate (yellow, dotted edge)",
        P["vermillion"],
        2,
        "2 4",
        P["yellow"],
        0.6,
        hatch="..",
    ),
    "csto": Style(
        "Member of the Russian-led CSTO (purple, hatched)",
        P["purple"],
        1.5,
        None,
        P["purple"],
        0.35,
        hatch="\\\\",
    ),
    "csto_frozen": _area(
        "CSTO member that froze its participation in 2024 (pink, dashed)",
        P["purple"],
        "6 4",
        0.15,
        "\\",
    ),
    "nato": Style(
        "NATO member Türkiye (blue, crossed)", P["blue"], 1.5, None, P["blue"], 0.3, hatch="++"
    ),
    "allied": Style(
        "Declaration on Allied Interaction with Russia, 2022 (orange outline)",
        P["orange"],
        3,
        "8 4",
        P["orange"],
        0.2,
        hatch="//",
    ),
    "capital": _marker("Capital (star)", P["black"], "★", "*"),
    "city": _marker("City or town (circle)", P["black"], "●", "o"),
    "town": _marker("City or town (circle)", P["black"], "●", "o"),
    "terminal": _marker("Oil or gas terminal, port (square)", P["blue"], "■", "s"),
    "landmark": _marker("Landmark (diamond)", P["purple"], "◆", "D"),
    "event": _marker("Dated event from the course timeline (triangle)", P["vermillion"], "▲", "^"),
}

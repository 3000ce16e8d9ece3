"""The course's maps: one call per chapter map, each a :class:`CourseMap`.

A :class:`CourseMap` wraps a :class:`folium.Map` (vector basemap from
``data/countries.geojson``, no tiles needed) and carries three renderings: ``text/html``
(the folium map in an iframe, inside a ``<figure>`` with a text alternative),
``image/png`` (the same layers drawn with matplotlib, for the PDF) and ``text/plain``.

All text that comes from data is HTML-escaped before it reaches the page; strings are
handed to Leaflet as JSON (``tojson`` escapes ``<``, ``>``, ``&`` and ``'``).
"""

from __future__ import annotations

import base64
import html
import io
import math
import os
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import folium
from branca.element import MacroElement
from folium.plugins import Fullscreen
from folium.template import Template
from shapely.geometry import LineString, Point, box, mapping, shape

from coursekit import data, geodata
from coursekit.text import md_escape

#: exact npm versions pinned in package.json; the CDN paths follow them
LEAFLET_VERSION = "1.9.4"
FULLSCREEN_VERSION = "3.0.2"
CDN = "https://cdn.jsdelivr.net/npm"

#: Okabe-Ito colour-blind-safe palette
PALETTE = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
SEA = "#dcebf5"
LAND = "#f4f2ee"


@dataclass(frozen=True)
class Style:
    """How one kind of feature is drawn, on the web and on paper, and its legend words."""

    legend: str
    color: str = PALETTE["black"]
    weight: float = 2.0
    dash: str | None = None  # SVG dash array, e.g. "8 6"
    fill: str | None = None
    fill_opacity: float = 0.0
    glyph: str | None = None  # marker symbol (points)
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
        if not self.dash:
            return "-"
        return (0, tuple(float(v) / max(self.weight, 1) for v in self.dash.split()))


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
    "oil": Style("Oil pipeline, approximate route (solid line)", PALETTE["vermillion"], 4),
    "gas": Style("Gas pipeline, approximate route (dashed line)", PALETTE["blue"], 4, "10 6"),
    "rail": Style("Railway corridor, approximate route (dotted line)", PALETTE["black"], 3, "2 6"),
    "rail_planned": Style(
        "Planned railway, approximate (sparse dots)", PALETTE["purple"], 3, "1 10"
    ),
    "distance": Style("Great-circle line (shortest path)", PALETTE["green"], 3, "12 4 2 4"),
    "base": Style(
        "Former NKAO, approximate (dashed outline, no fill)",
        PALETTE["black"],
        2.5,
        "6 4",
        PALETTE["black"],
        0.05,
    ),
    "1994": Style(
        "Held by Armenian forces 1994-2020, approximate (orange, hatched)",
        PALETTE["orange"],
        2,
        "2 3",
        PALETTE["orange"],
        0.35,
        hatch="///",
    ),
    "2020": Style(
        "Under Russian peacekeepers 2020-2023, approximate (pink)",
        PALETTE["purple"],
        2,
        None,
        PALETTE["purple"],
        0.45,
        hatch="\\\\",
    ),
    "corridor": Style(
        "Lachin corridor, approximate (green band)",
        PALETTE["green"],
        2,
        None,
        PALETTE["green"],
        0.6,
    ),
    "2023": Style(
        "Under Azerbaijani control since Sept 2023, approximate (blue, crossed)",
        PALETTE["sky"],
        2,
        "8 3",
        PALETTE["sky"],
        0.35,
        hatch="xx",
    ),
    "2024": Style(
        "Ukraine's Kursk incursion, Aug 2024, approximate (yellow, dotted edge)",
        PALETTE["vermillion"],
        2,
        "2 4",
        PALETTE["yellow"],
        0.6,
        hatch="..",
    ),
    "csto": Style(
        "Member of the Russian-led CSTO (purple, hatched)",
        PALETTE["purple"],
        1.5,
        None,
        PALETTE["purple"],
        0.35,
        hatch="\\\\",
    ),
    "csto_frozen": Style(
        "CSTO member that froze its participation in 2024 (pink, dashed)",
        PALETTE["purple"],
        2,
        "6 4",
        PALETTE["purple"],
        0.15,
        hatch="\\",
    ),
    "nato": Style(
        "NATO member Türkiye (blue, crossed)",
        PALETTE["blue"],
        1.5,
        None,
        PALETTE["blue"],
        0.3,
        hatch="++",
    ),
    "allied": Style(
        "Declaration on Allied Interaction with Russia, 2022 (orange outline)",
        PALETTE["orange"],
        3,
        "8 4",
        PALETTE["orange"],
        0.2,
        hatch="//",
    ),
    "capital": Style("Capital (star)", PALETTE["black"], glyph="★", mpl_marker="*"),
    "city": Style("City or town (circle)", PALETTE["black"], glyph="●", mpl_marker="o"),
    "town": Style("City or town (circle)", PALETTE["black"], glyph="●", mpl_marker="o"),
    "terminal": Style(
        "Oil or gas terminal, port (square)", PALETTE["blue"], glyph="■", mpl_marker="s"
    ),
    "landmark": Style("Landmark (diamond)", PALETTE["purple"], glyph="◆", mpl_marker="D"),
    "event": Style(
        "Dated event from the course timeline (triangle)",
        PALETTE["vermillion"],
        glyph="▲",
        mpl_marker="^",
    ),
}


def esc(text: Any) -> str:
    """HTML-escape ``text`` (quotes too)."""
    return html.escape(str(text), quote=True)


@dataclass
class Item:
    """One drawn thing: a vector feature or a marker, with its plain-text description."""

    name: str
    geom: Any
    style: str
    summary: str = ""
    sources: str = ""
    label: bool = False  # permanent label next to a marker

    @property
    def is_marker(self) -> bool:
        return self.geom.geom_type == "Point"

    def tip_html(self) -> str:
        return esc(self.name)

    def popup_html(self) -> str:
        parts = [f"<strong>{esc(self.name)}</strong>"]
        if self.summary:
            parts.append(esc(self.summary).replace("\n", "<br>"))
        if self.sources:
            parts.append(f"<small>Sources: {esc(self.sources)}</small>")
        return "<br>".join(parts)


@dataclass
class Layer:
    """A named group of items that the layer control can switch on and off."""

    name: str
    items: list[Item] = field(default_factory=list)
    show: bool = True
    printed: bool = True  # drawn in the PNG even when hidden at first on the web


# --------------------------------------------------------------------------- folium parts
class _Vectors(MacroElement):
    """A Leaflet GeoJSON layer whose tooltips and popups are pre-escaped HTML strings."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.geoJSON({{ this.collection|tojson }}, {
            style: function (f) { return f.properties.style; },
            onEachFeature: function (f, layer) {
                layer.bindTooltip(f.properties.tip, {sticky: true});
                layer.bindPopup(f.properties.popup);
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, items: list[Item]) -> None:
        super().__init__()
        self._name = "Vectors"
        features = [
            {
                "type": "Feature",
                "properties": {
                    "style": STYLES[i.style].leaflet(),
                    "tip": i.tip_html(),
                    "popup": i.popup_html(),
                },
                "geometry": mapping(i.geom),
            }
            for i in items
        ]
        self.collection = {"type": "FeatureCollection", "features": features}


class _Markers(MacroElement):
    """Leaflet markers with a symbol (DivIcon), an escaped tooltip and popup."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.markers|tojson }}.forEach(function (m) {
            L.marker([m.lat, m.lon], {
                icon: L.divIcon({html: m.icon, className: "ck-icon", iconSize: [18, 18],
                                 iconAnchor: [9, 9]}),
                keyboard: true
            }).bindTooltip(m.tip, {permanent: m.label, direction: "right",
                                   offset: [8, 0], className: m.label ? "ck-label" : ""})
              .bindPopup(m.popup)
              .addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}
        """
    )

    def __init__(self, items: list[Item]) -> None:
        super().__init__()
        self._name = "Markers"
        self.markers = []
        for i in items:
            st = STYLES[i.style]
            icon = (
                f'<span class="ck-glyph" style="color:{st.color}" aria-hidden="true">'
                f"{st.glyph}</span>"
            )
            self.markers.append(
                {
                    "lat": i.geom.y,
                    "lon": i.geom.x,
                    "icon": icon,
                    "tip": i.tip_html(),
                    "popup": i.popup_html(),
                    "label": i.label,
                }
            )


class _Html(MacroElement):
    """Static HTML (title, legend) and CSS placed in the map's page."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro html(this, kwargs) %}{{ this.body }}{% endmacro %}
        """
    )

    def __init__(self, body: str, css: str = "") -> None:
        super().__init__()
        self._name = "Html"
        self.body, self.css = body, css


_CSS = f"""
.leaflet-container {{ background: {SEA}; font: 13px/1.3 system-ui, sans-serif; }}
.ck-title {{ position: absolute; top: 8px; left: 8px; z-index: 1000; max-width: 40%;
  background: rgba(255,255,255,.92); padding: 4px 10px; border-radius: 4px;
  font-weight: 600; }}
.ck-legend {{ position: absolute; bottom: 44px; left: 8px; z-index: 1000; max-width: 45%;
  max-height: 55%; overflow: auto; background: rgba(255,255,255,.94); padding: 6px 8px;
  border-radius: 4px; font-size: 12px; box-shadow: 0 1px 4px rgba(0,0,0,.3); }}
.ck-legend summary {{ font-weight: 600; cursor: pointer; }}
.ck-legend ul {{ list-style: none; margin: 4px 0 0; padding: 0; }}
.ck-legend li {{ display: flex; align-items: center; gap: 6px; margin: 2px 0; }}
.ck-legend svg {{ flex: none; }}
.ck-icon {{ background: none; border: none; }}
.ck-glyph {{ display: block; width: 18px; line-height: 18px; text-align: center;
  font-size: 16px; text-shadow: 0 0 2px #fff, 0 0 2px #fff; }}
.ck-label {{ background: rgba(255,255,255,.85); border: none; box-shadow: none;
  padding: 0 3px; font-size: 11px; }}
.ck-label::before {{ display: none; }}
"""


def _legend_symbol(st: Style) -> str:
    if st.glyph:
        return (
            f'<svg width="28" height="14" aria-hidden="true"><text x="14" y="12" '
            f'text-anchor="middle" font-size="14" fill="{st.color}">{st.glyph}</text></svg>'
        )
    dash = f' stroke-dasharray="{st.dash}"' if st.dash else ""
    if st.fill:
        return (
            f'<svg width="28" height="14" aria-hidden="true"><rect x="2" y="2" width="24" '
            f'height="10" fill="{st.fill}" fill-opacity="{max(st.fill_opacity, 0.1)}" '
            f'stroke="{st.color}" stroke-width="2"{dash}/></svg>'
        )
    return (
        f'<svg width="28" height="14" aria-hidden="true"><line x1="1" y1="7" x2="27" y2="7" '
        f'stroke="{st.color}" stroke-width="{min(st.weight, 4)}"{dash}/></svg>'
    )


def asset_urls() -> dict[str, str]:
    """Leaflet and fullscreen-plugin URLs: the CDN, or ``$COURSEKIT_ASSET_BASE``."""
    base = os.environ.get("COURSEKIT_ASSET_BASE", "").rstrip("/")
    leaflet = f"{base}/leaflet" if base else f"{CDN}/leaflet@{LEAFLET_VERSION}"
    full = f"{CDN}/leaflet.fullscreen@{FULLSCREEN_VERSION}"
    if base:
        full = f"{base}/leaflet.fullscreen"
    return {
        "leaflet_js": f"{leaflet}/dist/leaflet.js",
        "leaflet_css": f"{leaflet}/dist/leaflet.css",
        "fullscreen_js": f"{full}/Control.FullScreen.js",
        "fullscreen_css": f"{full}/Control.FullScreen.css",
    }


# --------------------------------------------------------------------------- the map object
class CourseMap:
    """A chapter map: folium for the web, matplotlib for print, and a text alternative."""

    def __init__(
        self,
        title: str,
        description: str,
        bounds: tuple[float, float, float, float],
        layers: list[Layer],
        height: int = 520,
    ) -> None:
        self.title, self.description, self.bounds = title, description, bounds
        self._layers = [layer for layer in layers if layer.items]
        self.height = height
        west, south, east, north = bounds
        margin = box(west - 4, south - 3, east + 4, north + 3)
        countries = []
        for f in data.load("countries.geojson")["features"]:
            props = f["properties"]
            geom = shape(f["geometry"]).intersection(margin)
            if geom.is_empty:
                continue
            note = props.get("note", "") if props.get("disputed") else ""
            style = "disputed" if props.get("disputed") else "country"
            countries.append(Item(props["name"], geom, style, note))
        self._basemap = countries

    # -- facts about the map
    def layers(self) -> list[str]:
        """Names of the switchable layers, in drawing order."""
        return [layer.name for layer in self._layers]

    def counts(self) -> dict[str, int]:
        """What Leaflet draws at first: vector paths (incl. countries) and markers."""
        shown = [i for layer in self._layers if layer.show for i in layer.items]
        vectors = len(self._basemap) + sum(not i.is_marker for i in shown)
        return {"paths": vectors, "markers": sum(i.is_marker for i in shown)}

    def features(self) -> list[str]:
        """Names of everything drawn on the layers (not the basemap)."""
        return [i.name for layer in self._layers for i in layer.items]

    def text_alternative(self) -> str:
        """A plain-text list of what the map shows, for screen readers and print."""
        lines = [f"Map: {self.title}.", self.description, "Layers:"]
        for layer in self._layers:
            state = "shown" if layer.show else "hidden at first"
            lines.append(f"- {layer.name} ({state}):")
            for i in layer.items:
                lines.append(f"  - {i.name}: {i.summary}" if i.summary else f"  - {i.name}")
        lines.append("Country outlines: Natural Earth. Routes and areas are approximate.")
        return "\n".join(lines)

    def _legend_styles(self) -> list[Style]:
        seen: dict[str, Style] = {}
        for i in [i for layer in self._layers for i in layer.items] + self._basemap:
            st = STYLES[i.style]
            seen.setdefault(st.legend, st)
        return list(seen.values())

    # -- web
    def folium_map(self) -> folium.Map:
        """Build the :class:`folium.Map` (trimmed to Leaflet and the fullscreen plugin)."""
        urls = asset_urls()
        west, south, east, north = self.bounds
        m = folium.Map(
            location=[(south + north) / 2, (west + east) / 2],
            tiles=None,
            control_scale=True,
            zoom_start=5,
            zoom_control="bottomright",
            prefer_canvas=False,
        )
        m.default_js = [("leaflet", urls["leaflet_js"])]
        m.default_css = [("leaflet_css", urls["leaflet_css"])]
        base = folium.FeatureGroup(name="Countries", control=False).add_to(m)
        _Vectors(self._basemap).add_to(base)
        if not os.environ.get("COURSEKIT_ASSET_BASE"):
            folium.TileLayer(
                "OpenStreetMap",
                name="OpenStreetMap background (online)",
                overlay=True,
                show=False,
            ).add_to(m)
        for layer in self._layers:
            group = folium.FeatureGroup(name=esc(layer.name), show=layer.show).add_to(m)
            vectors = [i for i in layer.items if not i.is_marker]
            markers = [i for i in layer.items if i.is_marker]
            if vectors:
                _Vectors(vectors).add_to(group)
            if markers:
                _Markers(markers).add_to(group)
        folium.LayerControl(collapsed=True).add_to(m)  # a button: the list hid the title
        full = Fullscreen(position="topright")
        full.default_js = [("Control.FullScreen.js", urls["fullscreen_js"])]
        full.default_css = [("Control.FullScreen.css", urls["fullscreen_css"])]
        full.add_to(m)
        items = "".join(
            f"<li>{_legend_symbol(st)}<span>{esc(st.legend)}</span></li>"
            for st in self._legend_styles()
        )
        body = (
            f'<div class="ck-title" role="heading" aria-level="2">{esc(self.title)}</div>'
            # Closed at first so that it does not hide the map; one click or Enter opens it.
            '<details class="ck-legend"><summary>Legend: what the symbols mean</summary>'
            f"<ul>{items}</ul></details>"
        )
        _Html(body, _CSS).add_to(m)
        m.fit_bounds([[south, west], [north, east]])
        return m

    def iframe_html(self) -> str:
        """folium's notebook HTML: the map page in an iframe."""
        m = self.folium_map()
        m.get_root().height = f"{self.height}px"
        # An iframe needs an accessible name: screen readers announce it.
        title = esc(f"Interactive map: {self.title}")
        return m._repr_html_().replace("<iframe srcdoc=", f'<iframe title="{title}" srcdoc=', 1)

    def html(self) -> str:
        """The iframe inside a ``<figure>`` with a caption and a list of the features."""
        details = esc(self.text_alternative()).replace("\n", "<br>\n")
        return (
            f'<figure class="coursekit-map" aria-label="{esc("Map: " + self.title)}" '
            'style="margin:0">\n'
            f"{self.iframe_html()}\n"
            f"<figcaption><strong>{esc(self.title)}</strong>. {esc(self.description)}\n"
            "<details><summary>What the map shows (text version)</summary>\n"
            f"<p>{details}</p></details></figcaption>\n</figure>"
        )

    # -- print
    def _printed(self) -> list[Item]:
        return [i for layer in self._layers if layer.printed for i in layer.items]

    def png(self, dpi: int = 120) -> bytes:
        """The same layers drawn with matplotlib (visible layers only), as PNG bytes."""
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
        from shapely.plotting import plot_line, plot_polygon

        west, south, east, north = self.bounds
        fig, ax = plt.subplots(figsize=(8, 6.2), dpi=dpi)
        ax.set_facecolor(SEA)
        for item in self._basemap + self._printed():
            st = STYLES[item.style]
            g = item.geom
            if g.geom_type in ("Polygon", "MultiPolygon"):
                plot_polygon(
                    g,
                    ax=ax,
                    add_points=False,
                    facecolor=st.fill or "none",
                    alpha=None,
                    edgecolor=st.color,
                    linewidth=st.weight * 0.6,
                    linestyle=st.mpl_dash(),
                    hatch=st.hatch,
                )
                if st.fill and st.fill_opacity < 1:
                    for patch in ax.patches[-1:]:
                        patch.set_facecolor((*matplotlib.colors.to_rgb(st.fill), st.fill_opacity))
            elif g.geom_type in ("LineString", "MultiLineString"):
                plot_line(
                    g,
                    ax=ax,
                    add_points=False,
                    color=st.color,
                    linewidth=st.weight * 0.6,
                    linestyle=st.mpl_dash(),
                )
            else:
                event = item.style == "event"
                size = {"*": 13, "^": 6}.get(st.mpl_marker, 8)
                ax.plot(
                    g.x,
                    g.y,
                    marker=st.mpl_marker,
                    color=st.color,
                    markersize=size,
                    markeredgecolor="white",
                    markeredgewidth=0.6,
                    linestyle="none",
                    zorder=4 if event else 5,
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
                        bbox={
                            "boxstyle": "round,pad=0.1",
                            "fc": "white",
                            "ec": "none",
                            "alpha": 0.7,
                        },
                    )
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
        ax.tick_params(labelsize=7)
        ax.set_title(self.title, fontsize=11, parse_math=False)
        handles = []
        used = {STYLES[i.style].legend for i in self._printed() + self._basemap}
        for st in self._legend_styles():
            if st.legend not in used:
                continue
            if st.glyph:
                handles.append(
                    Line2D(
                        [],
                        [],
                        marker=st.mpl_marker,
                        color=st.color,
                        linestyle="none",
                        label=textwrap.fill(st.legend, 44),
                    )
                )
            elif st.fill:
                handles.append(
                    Patch(
                        facecolor=(*matplotlib.colors.to_rgb(st.fill), max(st.fill_opacity, 0.1)),
                        edgecolor=st.color,
                        hatch=st.hatch,
                        label=textwrap.fill(st.legend, 44),
                        linestyle=st.mpl_dash(),
                    )
                )
            else:
                handles.append(
                    Line2D(
                        [],
                        [],
                        color=st.color,
                        linewidth=st.weight * 0.6,
                        linestyle=st.mpl_dash(),
                        label=textwrap.fill(st.legend, 44),
                    )
                )
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
        ax.text(
            0.995,
            0.005,
            "Outlines: Natural Earth. Places: GeoNames. Routes and areas approximate.",
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=6,
            color="#444",
            bbox={"fc": "white", "ec": "none", "alpha": 0.7, "pad": 1},
        )
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
        plt.close(fig)
        return buf.getvalue()

    # -- display
    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {
            "text/html": self.html(),
            "image/png": base64.b64encode(self.png()).decode("ascii"),
            "text/plain": self.text_alternative(),
        }

    def caption_markdown(self) -> str:
        """The printed caption: title, description and, layer by layer, what is drawn."""
        layers = "; ".join(
            f"*{md_escape(layer.name)}*: " + ", ".join(md_escape(i.name) for i in layer.items)
            for layer in self._layers
        )
        return (
            f"**Map: {md_escape(self.title)}.** {md_escape(self.description)} "
            f"What the map shows — {layers}. Country outlines: Natural Earth; routes and areas "
            "are approximate.\n"
        )

    def _ipython_display_(self) -> None:
        """Show the map, then its caption for print.

        The caption's web and notebook forms are empty (the map's HTML already carries its
        caption and text version); the PDF prints it under the picture.
        """
        from IPython.display import display

        display(self._repr_mimebundle_(), raw=True)
        display(
            {"text/markdown": self.caption_markdown(), "text/html": "", "text/plain": ""},
            raw=True,
        )

    def __repr__(self) -> str:
        return self.text_alternative()


# --------------------------------------------------------------------------- building blocks
def distance_km(a: str, b: str) -> float:
    """Great-circle distance in km between two place ids of ``places.geojson``."""
    places = geodata.places()
    for pid in (a, b):
        if pid not in places:
            raise KeyError(f"unknown place id {pid!r}; known: {sorted(places)}")
    p, q = places[a], places[b]
    lat1, lon1, lat2, lon2 = map(math.radians, (p["lat"], p["lon"], q["lat"], q["lon"]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _great_circle(a: dict[str, Any], b: dict[str, Any], n: int = 32) -> LineString:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    p1 = (math.cos(lat1) * math.cos(lon1), math.cos(lat1) * math.sin(lon1), math.sin(lat1))
    p2 = (math.cos(lat2) * math.cos(lon2), math.cos(lat2) * math.sin(lon2), math.sin(lat2))
    omega = math.acos(max(-1.0, min(1.0, sum(x * y for x, y in zip(p1, p2, strict=True)))))
    points = []
    for k in range(n + 1):
        t = k / n
        s1 = math.sin((1 - t) * omega) / math.sin(omega) if omega else 1 - t
        s2 = math.sin(t * omega) / math.sin(omega) if omega else t
        x, y, z = (s1 * u + s2 * v for u, v in zip(p1, p2, strict=True))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        points.append((math.degrees(math.atan2(y, x)), lat))
    return LineString(points)


def _places(ids: Iterable[str], labelled: Iterable[str] = ()) -> Layer:
    places = geodata.places()
    labelled = set(labelled)
    items = []
    for pid in ids:
        p = places[pid]
        name = geodata.display_name(p)
        items.append(
            Item(
                name,
                Point(p["lon"], p["lat"]),
                p["kind"],
                p["description"],
                p.get("sources", ""),
                label=pid in labelled,
            )
        )
    return Layer("Places", items)


def _features(name: str, ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    feats = {f["properties"]["id"]: f for f in data.load(name)["features"]}
    return feats if ids is None else {i: feats[i] for i in ids}


def _route(feature: dict[str, Any]) -> Item:
    p = feature["properties"]
    style = "rail_planned" if p.get("status") == "planned" else p["kind"]
    summary = f"{p['description']} Length: {p['length_km']}. {p['label']}; via {p.get('via', '')}."
    return Item(p["name"], shape(feature["geometry"]), style, summary, p.get("sources", ""))


def _area(feature: dict[str, Any]) -> Item:
    p = feature["properties"]
    style = "corridor" if p["id"] == "lachin_corridor" else p["period"]
    size = f" Size: {p['area_text']}." if p.get("area_text") else ""
    summary = f"{p['description']}{size} ({p['label'].rsplit('(', 1)[-1].rstrip(')')})"
    return Item(p["label"], shape(feature["geometry"]), style, summary, p.get("sources", ""))


def _events(chapters: Iterable[str] | None, bounds: tuple[float, float, float, float]) -> Layer:
    """Timeline rows with a place, one marker per place, listing its events by date."""
    try:
        rows = data.load("timeline.csv")
    except data.DataError as exc:
        if "file not found" in str(exc):  # tolerated while the timeline is being written
            return Layer("Dated events (timeline)")
        raise
    wanted = set(chapters) if chapters is not None else None
    west, south, east, north = bounds
    by_place: dict[tuple[float, float], list[Any]] = {}
    for row in rows:
        get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k, None)
        lat, lon = get("lat"), get("lon")
        if lat in (None, "") or lon in (None, ""):
            continue
        if wanted is not None and get("chapter") not in wanted:
            continue
        lat, lon = float(lat), float(lon)
        if not (west <= lon <= east and south <= lat <= north):
            continue
        by_place.setdefault((round(lat, 3), round(lon, 3)), []).append(row)
    items = []
    for (lat, lon), group in by_place.items():

        def field_(r: Any, k: str) -> str:
            return str(r.get(k) if isinstance(r, dict) else getattr(r, k))

        group.sort(key=lambda r: field_(r, "date"))
        place = field_(group[0], "place")
        summary = "\n".join(f"{field_(r, 'date')}: {field_(r, 'event')}" for r in group)
        sources = ", ".join(dict.fromkeys(field_(r, "source") for r in group))
        n = len(group)
        items.append(
            Item(
                f"{place} ({n} event{'s' if n > 1 else ''})",
                Point(lon, lat),
                "event",
                summary,
                sources,
            )
        )
    return Layer("Dated events (timeline)", items, show=True)


def _country_layer(name: str, styles: dict[str, tuple[str, str, str]]) -> Layer:
    """Countries (by id) drawn in a style, with a note and its sources."""
    feats = _features("countries.geojson")
    items = [
        Item(feats[cid]["properties"]["name"], shape(feats[cid]["geometry"]), style, note, src)
        for cid, (style, note, src) in styles.items()
    ]
    return Layer(name, items)


# --------------------------------------------------------------------------- chapter maps
def visit_map() -> CourseMap:
    """Chapter 1: Moscow, Baku, the Kursk incursion and Kyiv; the Moscow-Baku distance."""
    bounds = (27.0, 37.5, 53.0, 57.5)
    places = geodata.places()
    km = distance_km("moscow", "baku")
    line = Item(
        f"Moscow-Baku, about {km:,.0f} km (great circle)",
        _great_circle(places["moscow"], places["baku"]),
        "distance",
        "The shortest path over the Earth's surface, computed from the coordinates.",
    )
    return CourseMap(
        "The state visit, 18-19 August 2024: Moscow, Baku and the Kursk incursion",
        "Putin flew from Moscow to Baku twelve days after Ukrainian forces crossed into "
        "Russia's Kursk region.",
        bounds,
        [
            _places(
                ["moscow", "baku", "kyiv", "kursk", "sudzha"],
                labelled=["moscow", "baku", "kyiv", "kursk", "sudzha"],
            ),
            Layer("Moscow-Baku distance", [line]),
            Layer(
                "Kursk incursion, August 2024 (approximate)",
                [_area(f) for f in _features("areas.geojson", ["kursk_2024"]).values()],
            ),
            _events(["01_visit"], bounds),
        ],
    )


ENERGY_PLACES = (
    "baku sangachal ceyhan erzurum novorossiysk astara tbilisi ankara tehran moscow".split()
)


def energy_map() -> CourseMap:
    """Chapter 2: the pipelines and the North-South corridor."""
    bounds = (17.0, 35.0, 54.0, 56.5)
    routes = _features("routes.geojson")
    return CourseMap(
        "Energy and transport routes from the Caspian (approximate routes)",
        "Oil and gas pipelines from Azerbaijan to Europe and Russia, and the North-South "
        "Transport Corridor from Russia through Azerbaijan to Iran.",
        bounds,
        [
            Layer("Oil pipelines", [_route(routes[i]) for i in ("btc", "baku_novorossiysk")]),
            Layer(
                "Gas pipelines (Southern Gas Corridor)",
                [_route(routes[i]) for i in ("scp", "tanap", "tap")],
            ),
            Layer(
                "North-South Transport Corridor (rail)",
                [_route(routes[i]) for i in ("instc", "rasht_astara")],
            ),
            # Sangachal sits beside Baku: its label would cover Baku's.
            _places(ENERGY_PLACES, labelled=[p for p in ENERGY_PLACES if p != "sangachal"]),
            _events(["02_significance"], bounds),
        ],
    )


KARABAKH_PLACES = "stepanakert shusha lachin ganja baku yerevan nakhchivan tbilisi gyumri".split()


def karabakh_map() -> CourseMap:
    """Chapter 3: Nagorno-Karabakh in 1994, 2020 and 2023 (approximate outlines)."""
    bounds = (43.3, 38.4, 50.3, 41.6)
    areas = _features("areas.geojson")
    layer = [
        Layer("Former NKAO (approximate)", [_area(areas["nkao"])]),
        Layer(
            "1994-2020: held by Armenian forces (approximate)",
            [_area(areas["held_1994"])],
            show=False,
        ),
        Layer(
            "2020-2023: peacekeeping area and Lachin corridor (approximate)",
            [_area(areas["peacekeeping_2020"]), _area(areas["lachin_corridor"])],
        ),
        Layer(
            "Since September 2023: under Azerbaijani control (approximate)",
            [_area(areas["azerbaijan_2023"])],
            show=False,
            printed=False,
        ),
    ]
    return CourseMap(
        "Nagorno-Karabakh: 1994, 2020 and 2023 (approximate outlines, for orientation)",
        "Switch the layers to compare who controlled what after the 1994 ceasefire, after "
        "the 2020 war and after September 2023.",
        bounds,
        layer
        + [
            _places(KARABAKH_PLACES, labelled=KARABAKH_PLACES),
            _events(["03_history"], bounds),
        ],
        height=560,
    )


def influence_map() -> CourseMap:
    """Chapter 4: the South Caucasus, its neighbours and their alliances."""
    bounds = (33.0, 35.0, 54.0, 46.5)
    alliances = _country_layer(
        "Alliances and treaties (as of 2024)",
        {
            "rus": (
                "csto",
                "Leads the Collective Security Treaty Organization (CSTO).",
                "csto2024members",
            ),
            "arm": (
                "csto_frozen",
                "CSTO member; froze its participation in February 2024 "
                "(sources give 22 or 23 February).",
                "rt2024csto,asbarez2024csto",
            ),
            "tur": ("nato", "Member of NATO since 1952.", "nato2024members"),
            "aze": (
                "allied",
                "Signed the Declaration on Allied Interaction with Russia on 22 February 2022.",
                "azertag2022declaration,eurasianet2022declaration",
            ),
        },
    )
    return CourseMap(
        "The South Caucasus and its neighbours: alliances and symbols",
        "Russia, Türkiye, Iran and the three South Caucasus states; where Putin laid a "
        "wreath in Baku.",
        bounds,
        [
            alliances,
            _places(
                [
                    "baku",
                    "alley_of_honour",
                    "tbilisi",
                    "yerevan",
                    "gyumri",
                    "ankara",
                    "tehran",
                    "nakhchivan",
                    "ganja",
                    "stepanakert",
                ],
                labelled=["baku", "tbilisi", "yerevan", "gyumri", "ankara", "tehran", "nakhchivan"],
            ),
            _events(["04_outreach"], bounds),
        ],
    )


def synthesis_map() -> CourseMap:
    """Chapter 5: all layers together."""
    bounds = (17.0, 34.0, 56.0, 57.5)
    routes = _features("routes.geojson")
    areas = _features("areas.geojson")
    places = geodata.places()
    km = distance_km("moscow", "baku")
    line = Item(
        f"Moscow-Baku, about {km:,.0f} km (great circle)",
        _great_circle(places["moscow"], places["baku"]),
        "distance",
    )
    return CourseMap(
        "The whole picture: the visit, energy routes, Karabakh and the war in Ukraine",
        "All the course's layers together; switch them on and off to compare.",
        bounds,
        [
            Layer(
                "Pipelines",
                [_route(routes[i]) for i in ("btc", "baku_novorossiysk", "scp", "tanap", "tap")],
            ),
            Layer(
                "North-South Transport Corridor (rail)",
                [_route(routes[i]) for i in ("instc", "rasht_astara")],
                show=False,
            ),
            Layer(
                "Karabakh and Kursk (approximate)",
                [_area(areas["nkao"]), _area(areas["kursk_2024"])],
            ),
            Layer("Moscow-Baku distance", [line], show=False),
            _places(
                sorted(places),
                labelled=[
                    "moscow",
                    "baku",
                    "kyiv",
                    "ankara",
                    "tehran",
                    "yerevan",
                    "tbilisi",
                    "ceyhan",
                    "kursk",
                ],
            ),
            _events(None, bounds),
        ],
    )


__all__ = [
    "CourseMap",
    "distance_km",
    "energy_map",
    "influence_map",
    "karabakh_map",
    "synthesis_map",
    "visit_map",
]

"""The Jupyter form of a locate question: an ipyleaflet map whose clicks reach Python.

ipyleaflet ships its own Leaflet in its JupyterLab extension, so the map works offline; no
tiles are loaded (countries are drawn from ``data/countries.geojson``). A click places
"your point" and asks the question to check it; a graded answer then shows the target.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import ipyleaflet as ll
import ipywidgets as widgets
from shapely.geometry import mapping

from coursekit.quiz.types.locate.mapdata import (
    SEA,
    STYLES,
    TARGET_LABEL,
    YOUR_LABEL,
    countries,
    frame,
)
from coursekit.quiz.types.locate.mapdata import labels as country_labels
from coursekit.quiz.types.locate.target import Locate

#: Leaflet option names as ipyleaflet spells them
_NAMES = {"fillColor": "fill_color", "fillOpacity": "fill_opacity", "dashArray": "dash_array"}


def _style(name: str) -> dict[str, Any]:
    return {_NAMES.get(k, k): v for k, v in STYLES[name].items()}


def _label(text: str, lat: float, lon: float, css: str) -> ll.Marker:
    icon = ll.DivIcon(html=f'<span style="{css}">{_escape(text)}</span>', icon_size=[0, 0])
    return ll.Marker(location=(lat, lon), icon=icon, draggable=False, keyboard=False, title=text)


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def fit_zoom(extent: tuple[float, ...], width: int = 640, height: int = 380) -> float:
    """The largest zoom (in quarter steps) at which the extent fits a map of that size."""
    west, south, east, north = extent

    def mercator(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    across = math.log2(width * 360 / (256 * (east - west)))
    down = math.log2(height * 2 * math.pi / (256 * (mercator(north) - mercator(south))))
    return math.floor(4 * min(across, down)) / 4


class LocateMap(widgets.VBox):
    """The map of one locate question, and the point given (``point``)."""

    def __init__(self, spec: Locate) -> None:
        self.spec, self.point = spec, None
        self._checks: list[Callable[[], Any]] = []
        west, south, east, north = spec.extent
        outlines = {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {}, "geometry": mapping(g)}
                for _, g in countries(spec.extent)
            ],
        }
        fw, fs, fe, fn = frame(spec.extent)
        sea = ll.Rectangle(bounds=((fs, fw), (fn, fe)), weight=0, fill_color=SEA, fill_opacity=1)
        self.map = ll.Map(
            layers=(sea, ll.GeoJSON(data=outlines, style=STYLES["country"])),
            center=((south + north) / 2, (west + east) / 2),
            zoom=fit_zoom(spec.extent),
            zoom_snap=0.25,
            scroll_wheel_zoom=False,
            attribution_control=False,
            layout=widgets.Layout(height="380px", width="100%"),
        )
        for name, lat, lon in country_labels(spec.extent):
            self.map.add(_label(name.upper(), lat, lon, "color:#555;font-size:11px"))
        for spot in spec.landmarks:
            self.map.add(ll.CircleMarker(location=(spot.lat, spot.lon), **_style("landmark")))
            self.map.add(_label(spot.name, spot.lat, spot.lon, "font-style:italic"))
        self.shown = ll.LayerGroup()
        self.map.add(self.shown)
        self.map.on_interaction(self._interaction)
        super().__init__([self.map])

    def on_answer(self, check: Callable[[], Any]) -> None:
        """Call ``check()`` (which grades and returns the result) after each click."""
        self._checks.append(check)

    def _interaction(self, **event: Any) -> None:
        if event.get("type") == "click" and self.point is None:
            lat, lon = event["coordinates"]
            self.answer({"lat": lat, "lon": lon})

    def answer(self, point: dict[str, float]) -> Any:
        """Give ``point`` as the answer (as a click does) and check it."""
        self.put(point)
        result = None
        for check in self._checks:
            result = check()
        if result is not None and result.valid:
            self.show_target()
        return result

    def put(self, point: dict[str, float] | None) -> None:
        """Set (or with None clear) the point, drawn as "your point"."""
        self.point = point
        self.shown.clear()
        if point is not None:
            location = (point["lat"], point["lon"])
            self.shown.add(ll.CircleMarker(location=location, **_style("yours")))
            self.shown.add(_label(YOUR_LABEL, *location, "font-weight:bold"))

    def show_target(self) -> None:
        """Draw the answer: the place with its tolerance circle, or the area."""
        t = self.spec.target
        if t.kind == "place":
            radius = int(t.tolerance_km * 1000)
            self.shown.add(ll.Circle(location=(t.spot.lat, t.spot.lon), radius=radius,
                                     **_style("target")))  # fmt: skip
        else:
            self.shown.add(ll.GeoJSON(data=mapping(t.geometry), style=STYLES["target"]))
        self.shown.add(_label(TARGET_LABEL + t.name, t.spot.lat, t.spot.lon, "font-weight:bold"))

"""What every rendering of a locate question draws: country outlines, landmarks, styles.

The web page, the Jupyter widget and the printed map all take their colours from
:data:`STYLES` (Okabe-Ito, colour-blind safe) and their outlines from :func:`countries`.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry import Polygon, box, mapping, shape
from shapely.ops import polylabel, unary_union

from coursekit.palette import LAND, PALETTE, SEA
from coursekit.quiz.types.locate.target import Locate, derived

__all__ = ["EDGE", "LAND", "SEA", "STYLES"]
EDGE = "#8a8a8a"
BLACK, ORANGE, BLUE, SKY = (PALETTE[c] for c in ("black", "orange", "blue", "sky"))
#: Leaflet path options, by what is drawn
STYLES: dict[str, dict[str, Any]] = {
    "country": {"color": EDGE, "weight": 1, "fillColor": LAND, "fillOpacity": 1},
    "landmark": {"radius": 4, "color": BLACK, "weight": 1, "fillColor": "#ffffff",
                 "fillOpacity": 1},
    "yours": {"radius": 7, "color": BLACK, "weight": 2, "fillColor": ORANGE,
              "fillOpacity": 1},
    "target": {"color": BLUE, "weight": 3, "dashArray": "6 4", "fillColor": SKY,
               "fillOpacity": 0.35},
    "targetSpot": {"radius": 5, "color": BLUE, "weight": 2, "fillColor": BLUE,
                   "fillOpacity": 1},
}  # fmt: skip
YOUR_LABEL = "Your point"
TARGET_LABEL = "The answer: "


def frame(extent: tuple[float, float, float, float], pad: float = 0.5) -> tuple[float, ...]:
    """The extent widened by ``pad`` of its size on every side (what panning may reveal)."""
    west, south, east, north = extent
    dx, dy = (east - west) * pad, (north - south) * pad
    return (west - dx, south - dy, east + dx, north + dy)


def _country_shapes() -> tuple[tuple[str, Any], ...]:
    def build(raw: Any) -> tuple[tuple[str, Any], ...]:
        return tuple((f["properties"]["name"], shape(f["geometry"])) for f in raw["features"])

    return derived("countries.geojson", build)


def countries(extent: tuple[float, float, float, float]) -> list[tuple[str, Any]]:
    """``(name, shapely geometry)`` of each country outline, clipped to around ``extent``."""
    window = box(*frame(extent))
    clipped = [(name, _polygonal(geom.intersection(window))) for name, geom in _country_shapes()]
    return [(name, geom) for name, geom in clipped if not geom.is_empty]


def _polygonal(geom: Any) -> Any:
    """Only the polygons of a clipped outline (a border touching the window leaves points)."""
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type.endswith("Polygon")]
    return unary_union(parts) if parts else Polygon()


def labels(extent: tuple[float, float, float, float]) -> list[tuple[str, float, float]]:
    """``(name, lat, lon)``: where to write the names of the countries that fill a good
    part of the extent (the point farthest inside each one's visible part)."""
    window = box(*extent)
    out = []
    for name, geom in countries(extent):
        part = geom.intersection(window)
        if part.area < 0.04 * window.area:
            continue
        largest = max(getattr(part, "geoms", [part]), key=lambda g: g.area)
        point = polylabel(largest, 0.01)
        out.append((name, point.y, point.x))
    return out


def page_data(spec: Locate) -> dict[str, Any]:
    """The map of a question for ``script.js``: nothing in it gives the answer away."""

    def simplified(geom: Any) -> Any:
        return mapping(geom.simplify(0.01).buffer(0) if geom.area > 1 else geom)

    features = [
        {"type": "Feature", "properties": {}, "geometry": simplified(geom)}
        for _, geom in countries(spec.extent)
    ]
    return {
        "extent": list(spec.extent),
        "countries": {"type": "FeatureCollection", "features": features},
        "landmarks": [{"name": s.name, "lat": s.lat, "lon": s.lon} for s in spec.landmarks],
        "labels": [{"name": n, "lat": lat, "lon": lon} for n, lat, lon in labels(spec.extent)],
        "styles": STYLES,
        "yourLabel": YOUR_LABEL,
        "targetLabel": TARGET_LABEL,
    }


def solution(spec: Locate) -> dict[str, Any]:
    """What ``script.js`` grades with (shipped encoded, like every quiz answer)."""
    target = spec.target
    if target.kind == "place":
        return {"k": "place", "n": target.name, "p": [target.spot.lat, target.spot.lon],
                "t": target.tolerance_km}  # fmt: skip
    polygons = getattr(target.geometry, "geoms", [target.geometry])
    rings = [[list(map(list, p.exterior.coords)), *[list(map(list, i.coords)) for i in p.interiors]]
             for p in polygons]  # fmt: skip
    return {"k": "area", "n": target.name, "g": rings}

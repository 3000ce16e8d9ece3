"""The maps' model: an :class:`Item` is one drawn thing, a :class:`Layer` a switchable group.

The adapters below turn the course's data files (places, routes, areas, countries, the
timeline) into items; the renderings (:mod:`.web`, :mod:`.printed`) never read data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import Point, box, shape
from shapely.geometry.base import BaseGeometry

from coursekit import data, geodata

Bounds = tuple[float, float, float, float]  #: west, south, east, north


@dataclass
class Item:
    """One drawn thing: a vector feature or a marker, with its plain-text description."""

    name: str
    geom: BaseGeometry
    style: str  #: a key of :data:`coursekit.maps.styles.STYLES`
    summary: str = ""
    sources: str = ""  #: comma-separated keys of ``references.bib``
    label: bool = False  #: permanent label next to a marker

    @property
    def is_marker(self) -> bool:
        return self.geom.geom_type == "Point"


@dataclass
class Layer:
    """A named group of items that the layer control can switch on and off."""

    name: str
    items: list[Item] = field(default_factory=list)
    show: bool = True
    printed: bool = True  #: drawn in the PNG even when hidden at first on the web


def features(name: str, ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """The features of a GeoJSON file in ``data/`` by id (all, or those of ``ids``)."""
    feats = {f["properties"]["id"]: f for f in data.load(name)["features"]}
    return feats if ids is None else {i: feats[i] for i in ids}


def basemap(bounds: Bounds) -> list[Item]:
    """Country outlines clipped to a wide margin around ``bounds`` (Crimea drawn apart).

    The web map never shows more than the outlines cover (see ``templates/view.js``), so the
    margin is what lets a wide or a tall map window show the whole of ``bounds``."""
    west, south, east, north = bounds
    margin = box(west - 15, south - 10, east + 15, north + 10)
    items = []
    for f in data.load("countries.geojson")["features"]:
        props = f["properties"]
        geom = shape(f["geometry"]).intersection(margin)
        if geom.is_empty:
            continue
        disputed = bool(props.get("disputed"))
        note = props.get("note", "") if disputed else ""
        items.append(Item(props["name"], geom, "disputed" if disputed else "country", note))
    return items


def places_layer(ids: Iterable[str], labelled: Iterable[str] = (), name: str = "Places") -> Layer:
    """Markers for place ids of ``places.geojson``; ``labelled`` ones carry a permanent label."""
    places = geodata.places()
    labelled = set(labelled)
    items = [
        Item(
            geodata.display_name(places[pid]),
            Point(places[pid]["lon"], places[pid]["lat"]),
            places[pid]["kind"],
            places[pid]["description"],
            places[pid].get("sources", ""),
            label=pid in labelled,
        )
        for pid in ids
    ]
    return Layer(name, items)


def route_item(feature: dict[str, Any]) -> Item:
    """A route of ``routes.geojson`` (a planned one drawn in its own style)."""
    p = feature["properties"]
    style = f"{p['kind']}_planned" if p.get("status") == "planned" else p["kind"]
    via = f"; via {p['via']}" if p.get("via") else ""
    summary = f"{p['description']} Length: {p['length_km']}. {p['label']}{via}."
    return Item(p["name"], shape(feature["geometry"]), style, summary, p.get("sources", ""))


def routes_layer(name: str, ids: Iterable[str], show: bool = True) -> Layer:
    """A layer of routes by id."""
    return Layer(name, [route_item(f) for f in features("routes.geojson", ids).values()], show)


def area_item(feature: dict[str, Any]) -> Item:
    """An approximate area of ``areas.geojson``, styled by its period."""
    p = feature["properties"]
    style = "corridor" if p["id"] == "lachin_corridor" else p["period"]
    size = f" Size: {p['area_text']}." if p.get("area_text") else ""
    summary = f"{p['description']}{size} ({p['label'].rsplit('(', 1)[-1].rstrip(')')})"
    return Item(p["label"], shape(feature["geometry"]), style, summary, p.get("sources", ""))


def areas_layer(name: str, ids: Iterable[str], show: bool = True, printed: bool = True) -> Layer:
    """A layer of areas by id."""
    items = [area_item(f) for f in features("areas.geojson", ids).values()]
    return Layer(name, items, show, printed)


def countries_layer(name: str, styles: dict[str, tuple[str, str, str]]) -> Layer:
    """Countries by id, each as ``(style, note, sources)``."""
    feats = features("countries.geojson", styles)
    items = [
        Item(feats[cid]["properties"]["name"], shape(feats[cid]["geometry"]), style, note, src)
        for cid, (style, note, src) in styles.items()
    ]
    return Layer(name, items)


EVENTS = "Dated events (timeline)"


def events_layer(chapters: Iterable[str] | None, bounds: Bounds) -> Layer:
    """Timeline rows with a place inside ``bounds``: one marker per place, events by date."""
    wanted = None if chapters is None else set(chapters)
    west, south, east, north = bounds
    by_place: dict[tuple[float, float], list[Any]] = {}
    for row in data.load("timeline.csv"):
        if row.lat is None or (wanted is not None and row.chapter not in wanted):
            continue
        if west <= row.lon <= east and south <= row.lat <= north:
            by_place.setdefault((round(row.lat, 3), round(row.lon, 3)), []).append(row)
    items = []
    for (lat, lon), group in by_place.items():
        group.sort(key=lambda r: r.date)
        n = len(group)
        items.append(
            Item(
                f"{group[0].place} ({n} event{'s' if n > 1 else ''})",
                Point(lon, lat),
                "event",
                "\n".join(f"{r.date}: {r.event}" for r in group),
                ", ".join(dict.fromkeys(r.source for r in group)),
            )
        )
    return Layer(EVENTS, items)

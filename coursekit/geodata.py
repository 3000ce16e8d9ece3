"""Checks for the GeoJSON files in ``data/`` and small helpers to read them.

The format of each file is its JSON Schema (``coursekit/schemas/<kind>.schema.json``);
this module adds the rules a schema cannot state: ids unique, places and sources that
exist, valid geometries. Each kind is registered with :func:`coursekit.data.validator`,
so ``coursekit.load("places.geojson")`` returns a checked FeatureCollection (a plain
dict). A malformed file raises :class:`~coursekit.data.DataError` naming the file, the
feature (its id, or name, or position) and the field.
"""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry import shape

from coursekit import data, schemas
from coursekit.data import DataError


def _enum(kind: str, field: str) -> tuple[str, ...]:
    feature = next(iter(schemas.schema(kind)["$defs"].values()))
    return tuple(feature["properties"]["properties"]["properties"][field]["enum"])


#: kinds of place the maps know how to draw
PLACE_KINDS = _enum("places", "kind")
#: kinds of route
ROUTE_KINDS = _enum("routes", "kind")
#: layers (periods) of the approximate areas
AREA_PERIODS = _enum("areas", "period")


def _item(feature: Any, index: int) -> str:
    props = feature.get("properties") if isinstance(feature, dict) else None
    if isinstance(props, dict):
        for key in ("id", "name"):
            if isinstance(props.get(key), str) and props[key]:
                return props[key]
    return f"feature {index + 1}"


def locate(raw: Any, path: list[Any]) -> tuple[str | None, str | None]:
    """The feature and the field a schema error lies in (``lon``/``lat`` for a position)."""
    if len(path) < 2 or path[0] != "features":
        return None, ".".join(map(str, path)) or None
    item, rest = _item(raw["features"][path[1]], path[1]), path[2:]
    if not rest:
        return item, None
    if rest[0] == "properties":
        return item, ".".join(map(str, rest[1:])) or None
    if rest[0] == "geometry" and len(rest) > 2 and rest[-1] in (0, 1):
        return item, ("lon", "lat")[rest[-1]]
    return item, rest[0]


def _check_geometry(feature: dict[str, Any], file: str, item: str) -> None:
    geom = shape(feature["geometry"])
    if geom.is_empty or not geom.is_valid:
        reason = shapely.is_valid_reason(geom)
        raise DataError(file, f"not a valid geometry: {reason}", item=item, field="geometry")


def _check_references(props: dict[str, Any], file: str, item: str, places: set[str]) -> None:
    keys = data.bib_keys()
    for key in filter(None, props.get("sources", "").split(",")):
        if key not in keys:
            raise DataError(file, f"{key!r} is not a key in references.bib", item, "sources")
    for pid in props.get("places", []):
        if pid not in places:
            raise DataError(
                file, f"unknown place id {pid!r} (not in places.geojson)", item, "places"
            )


def _check_collection(raw: Any, file: str, kind: str) -> dict[str, Any]:
    """The schema, then ids unique, sources and places known, geometries valid."""
    schemas.check(raw, kind, file, locate)
    needs_places = any(f["properties"].get("places") for f in raw["features"])
    places = place_ids() if needs_places else set()
    seen: set[str] = set()
    for index, feature in enumerate(raw["features"]):
        item, props = _item(feature, index), feature["properties"]
        if props["id"] in seen:
            raise DataError(file, f"duplicate id {props['id']!r}", item=item, field="id")
        seen.add(props["id"])
        _check_references(props, file, item, places)
        _check_geometry(feature, file, item)
    return raw


@data.validator("countries", "countries.geojson")
def validate_countries(raw: Any, file: str) -> dict[str, Any]:
    """Country outlines: id, name, ISO code (or ``disputed`` with a ``note``)."""
    return _check_collection(raw, file, "countries")


@data.validator("places", "places.geojson")
def validate_places(raw: Any, file: str) -> dict[str, Any]:
    """Places: id, name, kind, description (other_name optional)."""
    return _check_collection(raw, file, "places")


@data.validator("routes", "routes.geojson")
def validate_routes(raw: Any, file: str) -> dict[str, Any]:
    """Routes: id, name, kind, length_km, approximate, label; known place ids."""
    return _check_collection(raw, file, "routes")


@data.validator("areas", "areas.geojson")
def validate_areas(raw: Any, file: str) -> dict[str, Any]:
    """Areas: id, name, period, approximate, label; known place ids."""
    return _check_collection(raw, file, "areas")


def place_ids() -> set[str]:
    """The ids in ``places.geojson``."""
    return {f["properties"]["id"] for f in data.load("places.geojson")["features"]}


def places() -> dict[str, dict[str, Any]]:
    """Places by id: the feature's properties plus ``lon`` and ``lat``."""
    out = {}
    for feature in data.load("places.geojson")["features"]:
        lon, lat = feature["geometry"]["coordinates"][:2]
        out[feature["properties"]["id"]] = {**feature["properties"], "lon": lon, "lat": lat}
    return out


def display_name(props: dict[str, Any]) -> str:
    """``name`` or ``name/other_name`` where two names are in use."""
    other = props.get("other_name") or ""
    return f"{props['name']}/{other}" if other else str(props["name"])

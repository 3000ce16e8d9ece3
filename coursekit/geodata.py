"""Checks for the GeoJSON files in ``data/`` and small helpers to read them.

Each file kind is registered with :func:`coursekit.data.validator`, so
``coursekit.load("places.geojson")`` returns a checked FeatureCollection (a plain dict).
A malformed file raises :class:`~coursekit.data.DataError` naming the file, the feature
(its id, or name, or position) and the field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shapely
from shapely.geometry import shape

from coursekit import data
from coursekit.data import DataError, require

#: kinds of place the maps know how to draw
PLACE_KINDS = ("capital", "city", "town", "terminal", "landmark")
#: kinds of route
ROUTE_KINDS = ("oil", "gas", "rail")
#: layers (periods) of the approximate areas
AREA_PERIODS = ("base", "1994", "2020", "2023", "2024")

_GEOMETRIES = {
    "countries": ("Polygon", "MultiPolygon"),
    "places": ("Point",),
    "routes": ("LineString", "MultiLineString"),
    "areas": ("Polygon", "MultiPolygon"),
}


def _features(raw: Any, file: str) -> list[dict[str, Any]]:
    if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection":
        raise DataError(file, "must be a GeoJSON FeatureCollection", field="type")
    features = raw.get("features")
    if not isinstance(features, list) or not features:
        raise DataError(file, "must be a non-empty list", field="features")
    return features


def _item(feature: Any, index: int) -> str:
    props = feature.get("properties") if isinstance(feature, dict) else None
    if isinstance(props, dict):
        for key in ("id", "name"):
            if isinstance(props.get(key), str) and props[key]:
                return props[key]
    return f"feature {index + 1}"


def _positions(coords: Any) -> list[Any]:
    """All [lon, lat] positions in a GeoJSON coordinates array."""
    if isinstance(coords, list) and coords and isinstance(coords[0], int | float):
        return [coords]
    if isinstance(coords, list):
        return [p for c in coords for p in _positions(c)]
    return [coords]


def _check_geometry(feature: dict[str, Any], kind: str, file: str, item: str) -> None:
    geometry = require(feature, "geometry", dict, file, item)
    gtype = geometry.get("type")
    if gtype not in _GEOMETRIES[kind]:
        wanted = " or ".join(_GEOMETRIES[kind])
        raise DataError(file, f"must be {wanted}, got {gtype!r}", item=item, field="geometry")
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or not coords:
        raise DataError(file, "is missing or empty", item=item, field="geometry.coordinates")
    for pos in _positions(coords):
        ok = isinstance(pos, list) and len(pos) in (2, 3)
        ok = ok and all(isinstance(v, int | float) and not isinstance(v, bool) for v in pos)
        if not ok:
            raise DataError(
                file, f"{pos!r} is not a [lon, lat] position", item=item, field="geometry"
            )
        lon, lat = pos[0], pos[1]
        if not -180 <= lon <= 180:
            raise DataError(file, f"longitude {lon} outside [-180, 180]", item=item, field="lon")
        if not -90 <= lat <= 90:
            raise DataError(file, f"latitude {lat} outside [-90, 90]", item=item, field="lat")
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException) as exc:
        problem = f"not a valid geometry ({exc})"
        raise DataError(file, problem, item=item, field="geometry") from None
    if geom.is_empty or not geom.is_valid:
        reason = shapely.is_valid_reason(geom)
        raise DataError(file, f"not a valid geometry: {reason}", item=item, field="geometry")


def _check_collection(
    raw: Any, file: str, kind: str, check: Callable[[dict[str, Any], str, str], None]
) -> dict[str, Any]:
    seen: set[str] = set()
    for index, feature in enumerate(_features(raw, file)):
        item = _item(feature, index)
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise DataError(file, "must be a GeoJSON Feature", item=item, field="type")
        props = require(feature, "properties", dict, file, item)
        fid = require(props, "id", str, file, item)
        if fid in seen:
            raise DataError(file, f"duplicate id {fid!r}", item=item, field="id")
        seen.add(fid)
        require(props, "name", str, file, item)
        check(props, file, item)
        _check_geometry(feature, kind, file, item)
    return raw


def _choice(props: dict[str, Any], field: str, options: tuple[str, ...], file: str, item: str):
    value = require(props, field, str, file, item)
    if value not in options:
        raise DataError(file, f"{value!r} is not one of {list(options)}", item=item, field=field)
    return value


def _approximate(props: dict[str, Any], file: str, item: str, words: str) -> None:
    if require(props, "approximate", bool, file, item) is not True:
        raise DataError(file, "must be true", item=item, field="approximate")
    label = require(props, "label", str, file, item)
    if words not in label:
        raise DataError(file, f"must contain {words!r}", item=item, field="label")


def _known_places(props: dict[str, Any], file: str, item: str) -> None:
    related = props.get("places", [])
    if not isinstance(related, list) or not all(isinstance(p, str) for p in related):
        raise DataError(file, "must be a list of place ids", item=item, field="places")
    known = place_ids()
    for pid in related:
        if pid not in known:
            raise DataError(
                file,
                f"unknown place id {pid!r} (not in places.geojson)",
                item=item,
                field="places",
            )


@data.validator("countries", "countries.geojson")
def validate_countries(raw: Any, file: str) -> dict[str, Any]:
    """Country outlines: id, name, ISO code (or ``disputed`` with a ``note``)."""

    def check(props: dict[str, Any], file: str, item: str) -> None:
        if props.get("disputed") is True:
            require(props, "note", str, file, item)
        else:
            code = require(props, "iso_a3", str, file, item)
            if len(code) != 3 or not code.isalpha() or not code.isupper():
                raise DataError(file, f"{code!r} is not a 3-letter code", item=item, field="iso_a3")

    return _check_collection(raw, file, "countries", check)


@data.validator("places", "places.geojson")
def validate_places(raw: Any, file: str) -> dict[str, Any]:
    """Places: id, name, kind, description (other_name optional)."""

    def check(props: dict[str, Any], file: str, item: str) -> None:
        _choice(props, "kind", PLACE_KINDS, file, item)
        require(props, "description", str, file, item)
        if not isinstance(props.get("other_name", ""), str):
            raise DataError(file, "must be str", item=item, field="other_name")

    return _check_collection(raw, file, "places", check)


@data.validator("routes", "routes.geojson")
def validate_routes(raw: Any, file: str) -> dict[str, Any]:
    """Routes: id, name, kind, length_km, approximate, label; known place ids."""

    def check(props: dict[str, Any], file: str, item: str) -> None:
        _choice(props, "kind", ROUTE_KINDS, file, item)
        require(props, "length_km", str, file, item)
        _approximate(props, file, item, "approximate route")
        _known_places(props, file, item)

    return _check_collection(raw, file, "routes", check)


@data.validator("areas", "areas.geojson")
def validate_areas(raw: Any, file: str) -> dict[str, Any]:
    """Areas: id, name, period, approximate, label; known place ids."""

    def check(props: dict[str, Any], file: str, item: str) -> None:
        _choice(props, "period", AREA_PERIODS, file, item)
        _approximate(props, file, item, "approximate")
        _known_places(props, file, item)

    return _check_collection(raw, file, "areas", check)


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

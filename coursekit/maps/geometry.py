"""Distances and great-circle lines between places, on the WGS84 ellipsoid (``pyproj.Geod``)."""

from __future__ import annotations

from pyproj import Geod
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from coursekit import geodata

_GEOD = Geod(ellps="WGS84")


def _place(pid: str) -> tuple[float, float]:
    places = geodata.places()
    if pid not in places:
        raise KeyError(f"unknown place id {pid!r}; known: {sorted(places)}")
    return places[pid]["lon"], places[pid]["lat"]


def distance_km(a: str, b: str) -> float:
    """Geodesic distance in km between two place ids of ``places.geojson``."""
    (lon1, lat1), (lon2, lat2) = _place(a), _place(b)
    return _GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000


def great_circle(a: str, b: str, n: int = 32) -> LineString:
    """The shortest path between two place ids, as a line of ``n + 1`` points."""
    (lon1, lat1), (lon2, lat2) = _place(a), _place(b)
    inner = _GEOD.npts(lon1, lat1, lon2, lat2, n - 1)
    return LineString([(lon1, lat1), *inner, (lon2, lat2)])


def length_km(geom: BaseGeometry) -> float:
    """The geodesic length of a line in km."""
    return _GEOD.geometry_length(geom) / 1000

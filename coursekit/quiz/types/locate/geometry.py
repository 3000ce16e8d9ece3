"""The geometry of a locate answer: distances on Leaflet's sphere, points in areas.

Distances use :class:`pyproj.Geod` on a sphere of radius 6,371 km, the Earth of Leaflet's
``map.distance``, so the web page (``script.js``) and Python agree to the metre. An area
is a shapely geometry in lon/lat degrees; a point on its edge counts as inside.
"""

from __future__ import annotations

import math
from functools import cache

import shapely
from pyproj import Geod
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from coursekit.quiz.rules import rule_set


@cache
def sphere() -> Geod:
    """The sphere of the shared rules (``earth_radius_m``)."""
    radius = rule_set()["rules"]["earth_radius_m"]
    return Geod(a=radius, b=radius)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in km."""
    return sphere().inv(lon1, lat1, lon2, lat2)[2] / 1000.0


def covers(area: BaseGeometry, lat: float, lon: float) -> bool:
    """Whether the point lies inside ``area`` or on its edge (within the shared epsilon)."""
    point = Point(lon, lat)
    return area.covers(point) or area.distance(point) <= rule_set()["rules"]["edge_epsilon_deg"]


def km_outside(area: BaseGeometry, lat: float, lon: float) -> float:
    """How far the point lies from ``area``'s nearest edge, in km (0 inside).

    The nearest edge point is found in a plane where a degree of longitude is shrunk by
    the cosine of the point's latitude (as ``script.js`` does), then measured on the sphere.
    """
    if covers(area, lat, lon):
        return 0.0
    shrink = math.cos(math.radians(lat))
    flat = shapely.transform(area, lambda xy: xy * [shrink, 1.0])
    _, near = nearest_points(Point(lon * shrink, lat), flat)
    return distance_km(lat, lon, near.y, near.x / shrink)

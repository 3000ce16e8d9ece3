"""The model of a locate question: its target, its map extent, landmarks and print letters.

A bank entry names the target (``target: {place: lachin, tolerance_km: 25}`` or
``target: {area: peacekeeping_2020}``) and the map's ``extent: [west, south, east, north]``;
optionally ``landmarks`` (place ids drawn with their names, for orientation) and
``distractors`` (3 place ids for the wrong letters of the printed map; else chosen here).
The JSON Schema checks the shapes; :func:`parse` checks the ids and the geography.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from shapely.geometry import Point, box, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from coursekit import data, geodata
from coursekit.quiz.model import RuleError
from coursekit.quiz.rules import rule_set
from coursekit.quiz.types.locate.geometry import distance_km, km_outside

LETTERS = "ABCD"
#: a wrong printed letter lies this much beyond the tolerance (places) or the edge (areas)
PLACE_MARGIN, AREA_MARGIN_KM = 1.5, 10.0


@dataclass(frozen=True)
class Spot:
    """A named point: a place, a landmark or a printed letter."""

    id: str
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Target:
    """What the student must find: a place (within ``tolerance_km``) or an area."""

    kind: str  # "place" or "area"
    id: str
    name: str
    geometry: BaseGeometry  # lon/lat: a Point, or a (Multi)Polygon
    tolerance_km: float = 0.0

    @property
    def spot(self) -> Spot:
        """The place itself, or the point of the area farthest inside it."""
        if self.kind == "place":
            point = self.geometry
        else:
            polygon = max(getattr(self.geometry, "geoms", [self.geometry]), key=lambda g: g.area)
            point = polylabel(polygon, 0.001)
        return Spot(self.id, self.name, point.y, point.x)

    def miss_km(self, lat: float, lon: float) -> float:
        """How far off a point is: from the place, or outside the area's edge."""
        if self.kind == "place":
            return distance_km(lat, lon, self.geometry.y, self.geometry.x)
        return km_outside(self.geometry, lat, lon)

    def counts(self, lat: float, lon: float) -> bool:
        """Whether a point is graded right (the shared epsilon allows for rounding)."""
        slack = rule_set()["rules"]["distance_epsilon_km"]
        return self.miss_km(lat, lon) <= self.tolerance_km + slack

    def clearly_wrong(self, lat: float, lon: float) -> bool:
        """Whether a point is far enough off to be a wrong letter on the printed map."""
        if self.kind == "place":
            return self.miss_km(lat, lon) > PLACE_MARGIN * self.tolerance_km
        return self.miss_km(lat, lon) > AREA_MARGIN_KM


@dataclass(frozen=True)
class Locate:
    """A locate question's parameters, checked against ``data/``."""

    target: Target
    extent: tuple[float, float, float, float]
    landmarks: tuple[Spot, ...]
    letters: tuple[Spot, ...]  # A-D on the printed map; one is the target's spot

    @property
    def answer_letter(self) -> str:
        return next(LETTERS[i] for i, s in enumerate(self.letters) if s.id == self.target.id)


_DERIVED: dict[str, tuple[Any, Any]] = {}


def derived(name: str, build: Callable[[Any], Any]) -> Any:
    """``build(data.load(name))``, computed once per loaded version of the data file."""
    raw = data.load(name)
    if name not in _DERIVED or _DERIVED[name][0] is not raw:
        _DERIVED[name] = (raw, build(raw))
    return _DERIVED[name][1]


def _places() -> dict[str, Spot]:
    def build(raw: Any) -> dict[str, Spot]:
        return {
            pid: Spot(pid, geodata.display_name(p), p["lat"], p["lon"])
            for pid, p in geodata.places().items()
        }

    return derived("places.geojson", build)


def _areas() -> dict[str, tuple[str, BaseGeometry]]:
    def build(raw: Any) -> dict[str, tuple[str, BaseGeometry]]:
        return {f["properties"]["id"]: (f["properties"]["name"], shape(f["geometry"]))
                for f in raw["features"]}  # fmt: skip

    return derived("areas.geojson", build)


def _place(pid: Any, field: str) -> Spot:
    if pid not in _places():
        raise RuleError(field, f"unknown place {pid!r}; places.geojson has {sorted(_places())}")
    return _places()[pid]


def _target(raw: Mapping[str, Any]) -> Target:
    if "place" in raw:
        spot = _place(raw["place"], "target.place")
        point = Point(spot.lon, spot.lat)
        return Target("place", spot.id, spot.name, point, float(raw["tolerance_km"]))
    if raw["area"] not in _areas():
        raise RuleError(
            "target.area", f"unknown area {raw['area']!r}; areas.geojson has {sorted(_areas())}"
        )
    name, geometry = _areas()[raw["area"]]
    return Target("area", raw["area"], name, geometry)


def _inside(extent: BaseGeometry, spot: Spot) -> bool:
    return extent.covers(Point(spot.lon, spot.lat))


def _distractors(
    target: Target, frame: BaseGeometry, given: Sequence[str], skip: set[str]
) -> list[Spot]:
    """Three wrong spots for the printed letters: ``given``, or the nearest fitting places
    (not in ``skip``)."""
    chosen: list[Spot] = []
    if given:
        for number, pid in enumerate(given, start=1):
            spot = _place(pid, f"distractors[{number}]")
            if not _inside(frame, spot) or not target.clearly_wrong(spot.lat, spot.lon):
                raise RuleError(
                    f"distractors[{number}]",
                    f"{pid!r} must lie inside the extent and clearly away from the target",
                )
            chosen.append(spot)
        return chosen
    west, south, east, north = frame.bounds
    spacing = distance_km(south, west, north, east) / 25  # letters must not overlap
    aim = target.spot
    candidates = sorted(
        (s for s in _places().values() if s.id not in skip and _inside(frame, s)),
        key=lambda s: (distance_km(s.lat, s.lon, aim.lat, aim.lon), s.id),
    )
    for spot in candidates:
        if target.clearly_wrong(spot.lat, spot.lon) and all(
            distance_km(spot.lat, spot.lon, c.lat, c.lon) > spacing for c in [aim, *chosen]
        ):
            chosen.append(spot)
        if len(chosen) == 3:
            return chosen
    raise RuleError(
        "extent",
        f"only {len(chosen)} places in the extent are far enough from the target to be wrong "
        "letters on the printed map; widen the extent or list 3 'distractors'",
    )


def parse(qid: str, params: Mapping[str, Any]) -> Locate:
    """Check a locate question's ``target``, ``extent``, ``landmarks`` and ``distractors``.

    Raises :class:`RuleError` naming the field.
    """
    target = _target(params["target"])
    west, south, east, north = (float(v) for v in params["extent"])
    if not (west < east and south < north):
        raise RuleError("extent", "is [west, south, east, north], with west < east, south < north")
    frame = box(west, south, east, north)
    if not frame.intersects(target.geometry):
        raise RuleError("extent", f"the target {target.id!r} lies outside the extent")
    if target.kind == "place" and not _inside(frame, target.spot):
        raise RuleError("extent", f"the target {target.id!r} lies outside the extent")
    landmarks = []
    for number, pid in enumerate(params.get("landmarks", []), start=1):
        spot = _place(pid, f"landmarks[{number}]")
        if pid == target.id or not _inside(frame, spot):
            raise RuleError(
                f"landmarks[{number}]", f"{pid!r} must lie inside the extent and not be the target"
            )
        landmarks.append(spot)
    inner = box(*frame.buffer(-0.03 * min(east - west, north - south)).bounds)
    if not _inside(inner, target.spot):
        raise RuleError("extent", f"the target {target.id!r} lies at the edge of the extent")
    skip = {target.id, *(s.id for s in landmarks)}
    letters = [target.spot, *_distractors(target, inner, params.get("distractors", []), skip)]
    random.Random(hashlib.sha256(qid.encode()).hexdigest()).shuffle(letters)
    return Locate(target, (west, south, east, north), tuple(landmarks), tuple(letters))

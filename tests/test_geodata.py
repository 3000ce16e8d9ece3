"""The GeoJSON files in data/ and their checks (coursekit.geodata)."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import shape

import coursekit
from coursekit import geodata
from coursekit.data import DataError

FIXTURES = Path(__file__).parent / "fixtures" / "geo"

REQUIRED_PLACES = {
    "moscow",
    "baku",
    "yerevan",
    "tbilisi",
    "kyiv",
    "kursk",
    "sudzha",
    "stepanakert",
    "shusha",
    "lachin",
    "ganja",
    "nakhchivan",
    "ceyhan",
    "erzurum",
    "novorossiysk",
    "ankara",
    "tehran",
    "astara",
    "sangachal",
    "alley_of_honour",
    "gyumri",
}


def test_places_complete_with_both_names() -> None:
    places = geodata.places()
    assert REQUIRED_PLACES <= set(places)
    assert geodata.display_name(places["stepanakert"]) == "Stepanakert/Khankendi"
    assert geodata.display_name(places["shusha"]) == "Shusha/Shushi"
    assert places["baku"]["lat"] == pytest.approx(40.3777)
    assert places["baku"]["lon"] == pytest.approx(49.8920)


def test_routes_are_labelled_approximate() -> None:
    routes = {f["properties"]["id"]: f for f in coursekit.load("routes.geojson")["features"]}
    assert {"btc", "scp", "tanap", "tap", "baku_novorossiysk", "instc"} <= set(routes)
    for feature in routes.values():
        props = feature["properties"]
        assert props["approximate"] is True
        assert "approximate route" in props["label"]
        assert props["kind"] in geodata.ROUTE_KINDS
    assert routes["btc"]["properties"]["kind"] == "oil"
    assert routes["tap"]["properties"]["length_km"] == "878 km"


def test_area_sizes_match_the_facts() -> None:
    features = coursekit.load("areas.geojson")["features"]
    areas = {f["properties"]["id"]: f["properties"] for f in features}
    assert areas["nkao"]["area_km2"] == pytest.approx(4400, rel=0.05)
    assert areas["kursk_2024"]["area_km2"] == pytest.approx(1000, rel=0.05)
    assert {a["period"] for a in areas.values()} >= {"1994", "2020", "2023", "2024"}
    assert all("approximate" in a["label"] for a in areas.values())


def test_countries_small_and_crimea_drawn_separately() -> None:
    path = Path(coursekit.data.data_dir()) / "countries.geojson"
    assert path.stat().st_size < 150_000
    countries = {f["properties"]["id"]: f for f in coursekit.load("countries.geojson")["features"]}
    assert {"aze", "arm", "geo", "rus", "ukr", "tur", "irn"} <= set(countries)
    assert countries["tur"]["properties"]["name"] == "Türkiye"
    crimea = countries["crimea"]
    assert crimea["properties"]["disputed"] is True
    assert "not recognised" in crimea["properties"]["note"]
    simferopol = shape({"type": "Point", "coordinates": [34.11, 44.96]})
    assert shape(crimea["geometry"]).contains(simferopol)
    assert not shape(countries["rus"]["geometry"]).contains(simferopol)


@pytest.mark.parametrize(
    ("fixture", "kind", "words"),
    [
        ("places_bad_lat.geojson", "places", ["item 'baku'", "field 'lat'", "140.38"]),
        ("places_duplicate.geojson", "places", ["item 'baku'", "field 'id'", "duplicate"]),
        ("places_bad_kind.geojson", "places", ["item 'ganja'", "field 'kind'", "metropolis"]),
        ("places_not_collection.geojson", "places", ["field 'type'", "FeatureCollection"]),
        ("areas_invalid.geojson", "areas", ["item 'bowtie'", "field 'geometry'", "valid"]),
        (
            "areas_unknown_place.geojson",
            "areas",
            ["item 'atlantis_area'", "field 'places'", "'atlantis'"],
        ),
        ("routes_no_label.geojson", "routes", ["item 'btc'", "field 'label'", "approximate route"]),
        ("countries_bad_iso.geojson", "countries", ["item 'aze'", "field 'iso_a3'", "'az'"]),
    ],
)
def test_broken_fixture_names_file_item_field(fixture: str, kind: str, words: list[str]) -> None:
    with pytest.raises(DataError) as info:
        coursekit.load(FIXTURES / fixture, kind=kind)
    message = str(info.value)
    assert fixture in message
    for word in words:
        assert word in message, message

"""The data formats as JSON Schemas (coursekit/schemas) and the messages they give."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import coursekit
from coursekit import schemas
from coursekit.data import DataError

ROOT = Path(__file__).resolve().parent.parent
#: The kinds whose schema this package's geodata and timeline modules check.
KINDS = ("places", "routes", "areas", "countries", "timeline")


@pytest.mark.parametrize("path", sorted(schemas.DIR.glob("*.schema.json")), ids=lambda p: p.name)
def test_schema_is_valid_and_described(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f"/schemas/{path.name}")
    assert schema["title"] and schema["description"]


@pytest.mark.parametrize("doc", ["CONTRIBUTING.md", "data/README.md"])
def test_docs_link_every_schema(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    links = set(re.findall(r"\(([^)\s]*coursekit/schemas/[\w.]+\.schema\.json)\)", text))
    named = {Path(link).name for link in links}
    for kind in (*KINDS, "geojson"):
        assert f"{kind}.schema.json" in named, (doc, kind)
    for link in links:
        if Path(link).name.removesuffix(".schema.json") in (*KINDS, "geojson"):
            assert ((ROOT / doc).parent / link).resolve().is_file(), link


def test_enums_come_from_the_schemas() -> None:
    assert "oil" in coursekit.geodata.ROUTE_KINDS
    assert coursekit.geodata.PLACE_KINDS[0] == "capital"
    assert "2024" in coursekit.geodata.AREA_PERIODS


def _broken(tmp_path: Path, name: str, fid: str, change: dict) -> Path:
    collection = json.loads((coursekit.data.data_dir() / name).read_text(encoding="utf-8"))
    for feature in collection["features"]:
        if feature["properties"]["id"] == fid:
            feature["properties"].update(change)
            feature["properties"] = {
                k: v for k, v in feature["properties"].items() if v is not None
            }
    path = tmp_path / name
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "fid", "change", "field", "words"),
    [
        ("routes.geojson", "tap", {"description": None}, "description", "is missing"),
        ("routes.geojson", "btc", {"sources": "bp2006btc,nosuch2099"}, "sources", "nosuch2099"),
        ("routes.geojson", "btc", {"kind": "canal"}, "kind", "'canal' is not one of"),
        ("places.geojson", "baku", {"colour": "red"}, "colour", "unknown field"),
        ("areas.geojson", "nkao", {"approximate": False}, "approximate", "must be true"),
        ("countries.geojson", "crimea", {"note": None}, "note", "is missing"),
    ],
)
def test_messages_name_file_item_and_field(
    tmp_path: Path, name: str, fid: str, change: dict, field: str, words: str
) -> None:
    path = _broken(tmp_path, name, fid, change)
    with pytest.raises(DataError) as info:
        coursekit.load(path, kind=name.split(".")[0])
    error = info.value
    assert (error.item, error.field) == (fid, field), str(error)
    assert name in str(error) and words in str(error)


def test_bad_position_names_lon_or_lat(tmp_path: Path) -> None:
    collection = json.loads((coursekit.data.data_dir() / "routes.geojson").read_text("utf-8"))
    collection["features"][2]["geometry"]["coordinates"][1][0] = 200.0
    path = tmp_path / "routes.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    with pytest.raises(DataError, match=r"item 'tanap': field 'lon': longitude 200.0 outside"):
        coursekit.load(path, kind="routes")

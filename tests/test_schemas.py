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


def _shortened(node: object, most: int = 4) -> object:
    """``node`` with every list cut to its first ``most`` items (quick to validate)."""
    if isinstance(node, dict):
        return {key: _shortened(value, most) for key, value in node.items()}
    if isinstance(node, list):
        return [_shortened(item, most) for item in node[:most]]
    return node


def _damaged_copies(raw: object) -> list[object]:
    """Copies of ``raw`` with one value changed at a time (a number, a text, a list, a
    key dropped): inputs that break a schema in many places."""
    found: list[object] = []

    def walk(node: object, put) -> None:
        if isinstance(node, dict):
            for key in list(node)[:3]:
                walk(node[key], lambda v, k=key, n=node: n.__setitem__(k, v))
            if node:
                first = next(iter(node))
                value = node.pop(first)
                found.append(json.loads(json.dumps(top)))
                node[first] = value
        elif isinstance(node, list):
            for index in range(min(len(node), 2)):
                walk(node[index], lambda v, i=index, n=node: n.__setitem__(i, v))
        for wrong in ("x", 999, [], None):
            if wrong != node:
                put(wrong)
                found.append(json.loads(json.dumps(top)))
                put(node)

    top = json.loads(json.dumps(raw))
    walk(top, lambda v: None)
    return found


@pytest.mark.parametrize("kind", [*KINDS, "quiz_bank"])
def test_the_inlined_validator_means_what_the_schema_says(kind: str) -> None:
    """schemas.validator() inlines references for speed: on the real data and on many
    broken copies it finds exactly the errors a validator that follows them finds."""
    from referencing import Registry, Resource

    from coursekit import data, geodata  # noqa: F401  (registers the kinds' checks)

    resources = [(s["$id"], Resource.from_contents(s)) for s in schemas._schemas().values()]
    following = Draft202012Validator(
        schemas.schema(kind), registry=Registry().with_resources(resources)
    )
    assert "$ref" not in json.dumps(schemas.validator(kind).schema)
    files = {"quiz_bank": "quizzes/01_visit.yml", "timeline": "timeline.csv"}
    raw = data._parse(data.data_dir() / files.get(kind, f"{kind}.geojson"), kind)
    raw = _shortened(raw)

    def errors(validator: Draft202012Validator, instance: object) -> list[tuple]:
        return sorted(
            (list(e.absolute_path), e.validator, e.message) for e in validator.iter_errors(instance)
        )

    for instance in [raw, *_damaged_copies(raw)]:
        assert errors(schemas.validator(kind), instance) == errors(following, instance)

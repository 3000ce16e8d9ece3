"""Tests for coursekit.timeline and data/timeline.csv."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import coursekit
from coursekit import timeline
from coursekit.data import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "timeline"


def load_fixture(name: str) -> list[timeline.Event]:
    """Load a fixture CSV through the public loader with the timeline check."""
    return coursekit.load(FIXTURES / name, kind="timeline")


@pytest.mark.parametrize(
    ("fixture", "item", "field", "words"),
    [
        ("unreal_date.csv", "b", "date", "not a real date"),
        ("date_format.csv", "a", "date", "YYYY-MM-DD"),
        ("duplicate_id.csv", "a", "id", "duplicate id"),
        ("lat_only.csv", "a", "lon", "both lat and lon"),
        ("lat_range.csv", "a", "lat", "outside"),
        ("lon_text.csv", "a", "lon", "not a number"),
        ("empty_event.csv", "a", "event", "empty"),
        ("bad_chapter.csv", "a", "chapter", "99_unknown"),
        ("bad_source.csv", "a", "source", "nosuchkey2099"),
        ("unsorted.csv", "b", "date", "sorted by date"),
    ],
)
def test_validator_names_file_item_and_field(
    fixture: str, item: str, field: str, words: str
) -> None:
    with pytest.raises(DataError) as caught:
        load_fixture(fixture)
    error = caught.value
    assert error.file.endswith(f"tests/fixtures/timeline/{fixture}")
    assert error.item == item
    assert error.field == field
    message = str(error)
    assert fixture in message and f"'{item}'" in message and f"'{field}'" in message
    assert words in message


def test_validator_rejects_wrong_columns() -> None:
    with pytest.raises(DataError, match=r"wrong_columns\.csv: columns must be id, date"):
        load_fixture("wrong_columns.csv")


def test_fixture_with_markup_loads_as_events() -> None:
    (event,) = load_fixture("markup.csv")
    assert event.id == "pipe"
    assert event.key == (2024, 8, 18) and event.year == 2024
    assert (event.lat, event.lon) == (40.3777, 49.892)
    assert event.label == "18 August 2024"


def test_markdown_escapes_pipes_and_html() -> None:
    markdown = timeline.Table(load_fixture("markup.csv")).markdown()
    body = markdown.splitlines()[2]
    # Four cells: exactly five unescaped pipes in the row.
    assert len(re.findall(r"(?<!\\)\|", body)) == 5
    assert r"Talks \| dinner" in body
    assert "<script>" not in body and r"\<script\>" in body
    assert "<b>" not in body and r"Baku \<b\>" in body
    assert r"\*bold\*" in body and r"\[link\]" in body
    assert r"\{cite\}\`k\`" in body
    assert body.endswith("| {cite:p}`afp2024arrives` |")


def test_table_offers_markdown_and_plain_text_only() -> None:
    bundle = timeline.table()._repr_mimebundle_()
    assert set(bundle) == {"text/markdown", "text/plain"}
    header = bundle["text/markdown"].splitlines()[0]
    assert header == "| Date | Event | Place | Source |"
    assert "Putin arrives in Baku" in bundle["text/plain"]


def test_timeline_covers_1923_to_2024_and_later() -> None:
    events = timeline.events()
    assert len(events) >= 35
    assert events[0].date == "1923-05-10" and "Heydar Aliyev" in events[0].event
    assert events[-1].year >= 2024
    assert [e.key for e in events] == sorted(e.key for e in events)
    assert {e.chapter for e in events} == set(timeline.CHAPTERS)


def test_every_source_key_is_in_references_bib() -> None:
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"@\w+\{([^,]+),", bib))
    assert keys == timeline.bib_keys()
    missing = {e.source for e in timeline.events()} - keys
    assert not missing


def test_filters_by_period_and_chapter() -> None:
    august = timeline.events(since="2024-08", until="2024-08")
    assert august and all(e.date.startswith("2024-08") for e in august)
    upto = timeline.events(until=1994)
    assert upto and max(e.year for e in upto) == 1994
    history = timeline.events(chapter="03_history")
    assert history and {e.chapter for e in history} == {"03_history"}
    with pytest.raises(ValueError, match="unknown chapter"):
        timeline.events(chapter="99_none")


def test_coordinates_are_paired() -> None:
    for event in timeline.events():
        assert (event.lat is None) == (event.lon is None), event.id

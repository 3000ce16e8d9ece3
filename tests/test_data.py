"""The data loader: parsing and its error messages."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from coursekit.data import SAFE_LOADER, DataError, clear_cache, load, require


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"nowhere\.yml: file not found"):
        load(tmp_path / "nowhere.yml")


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yml", "a: [1, 2\nb: 3\n")
    with pytest.raises(DataError, match=r"bad\.yml: not valid YAML at line \d+"):
        load(path)


def test_yaml_is_read_by_libyaml_into_the_same_data() -> None:
    """The course's YAML goes through libyaml (much faster), into what PyYAML's own safe
    loader makes of it, file by file."""
    assert SAFE_LOADER is yaml.CSafeLoader
    files = sorted((ROOT / "data").rglob("*.yml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast, pure = (yaml.load(text, Loader=loader) for loader in (SAFE_LOADER, yaml.SafeLoader))
        assert fast == pure, path.name


def test_bad_yaml_gives_the_same_line_either_way(tmp_path: Path) -> None:
    text = "a: 1\nb: [1, 2\nc: 3\n"
    with pytest.raises(yaml.YAMLError) as pure:
        yaml.load(text, Loader=yaml.SafeLoader)
    with pytest.raises(
        DataError, match=rf"not valid YAML at line {pure.value.problem_mark.line + 1},"
    ):
        load(write(tmp_path, "bad.yml", text))


def test_bad_json_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.geojson", '{"type": "FeatureCollection",\n "features": [,]}')
    with pytest.raises(DataError, match=r"bad\.geojson: not valid JSON at line 2"):
        load(path)


def test_csv_row_with_extra_column_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "rows.csv", "a,b\n1,2\n3,4,5\n")
    with pytest.raises(DataError, match=r"rows\.csv: item 'line 3': wrong number of columns"):
        load(path)


def test_csv_rows_are_dicts(tmp_path: Path) -> None:
    path = write(tmp_path, "rows.csv", "a,b\n1,2\n")
    assert load(path) == [{"a": "1", "b": "2"}]


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("a\nBak\xfc\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"latin\.csv: not UTF-8"):
        load(path)


def test_unknown_kind_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yml", "a: 1\n")
    with pytest.raises(DataError, match="unknown data kind 'nonsense'"):
        load(path, kind="nonsense")


def test_require_names_item_and_field() -> None:
    with pytest.raises(DataError, match=r"f\.yml: item 'q1': field 'answer': is missing"):
        require({"id": "q1"}, "answer", str, "f.yml", "q1")
    with pytest.raises(DataError, match=r"field 'tolerance': must be int or float, got str"):
        require({"tolerance": "5"}, "tolerance", (int, float), "f.yml", "q1")
    with pytest.raises(DataError, match=r"must be int, got bool"):
        require({"n": True}, "n", int, "f.yml", "q1")
    assert require({"n": 3}, "n", int, "f.yml", "q1") == 3


def test_data_dir_can_be_redirected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "note.txt", "hello")
    monkeypatch.setenv("COURSEKIT_DATA", str(tmp_path))
    assert load("note.txt") == "hello"


def run_fresh(code: str) -> str:
    """Run ``code`` in a new Python process (empty caches, nothing imported yet)."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
def test_full_map_build_parses_each_data_file_once() -> None:
    """Every chapter map, as HTML and PNG: each file of data/ (and references.bib) is
    opened at most once. (Before data.load kept what it read, the five maps then written
    took 62 reads, 41 of them of places.geojson.)"""
    out = run_fresh(
        """
        import builtins, collections, io, json, pathlib
        root = pathlib.Path.cwd().resolve()
        reads = collections.Counter()
        real_open = io.open
        def counting_open(file, *args, **kwargs):
            if isinstance(file, (str, pathlib.Path)):
                path = pathlib.Path(file).resolve()
                if path.is_relative_to(root / "data") or path.name == "references.bib":
                    reads[path.relative_to(root).as_posix()] += 1
            return real_open(file, *args, **kwargs)
        builtins.open = io.open = counting_open
        from coursekit.maps.chapters import MAPS
        for chapter_map in MAPS.values():
            cmap = chapter_map()
            cmap.html(), cmap.png()
        print(json.dumps(reads))
        """
    )
    reads = json.loads(out)
    assert {"data/places.geojson", "data/countries.geojson", "data/timeline.csv"} <= set(reads)
    assert all(count == 1 for count in reads.values()), reads


@pytest.mark.slow
def test_loading_places_does_not_import_widgets() -> None:
    out = run_fresh(
        """
        import sys
        import coursekit
        coursekit.load("places.geojson")
        coursekit.load("routes.geojson")
        coursekit.load("timeline.csv")
        print("ipywidgets" in sys.modules, "coursekit.quiz" in sys.modules)
        """
    )
    assert out.split() == ["False", "False"]


def test_load_reads_a_file_again_only_when_it_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "rows.csv", "a,b\n1,2\n")
    first = load(path)
    assert load(path) is first
    path.write_text("a,b\n1,2\n3,4\n", encoding="utf-8")
    assert load(path) == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]
    clear_cache()
    assert load(path) is not first

"""The chapter maps (coursekit.maps): layers, escaping, PNG, text alternative, assets."""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

import folium
import pytest

from coursekit import data, maps
from coursekit import leaflet as assets
from coursekit.course import CHAPTERS
from coursekit.maps import web
from coursekit.maps.chapters import CHAPTER_MAPS, MAPS, chapter_of

EVIL = "<script>alert(1)</script>"
ALL = list(MAPS.values())


@pytest.fixture(scope="module")
def built() -> dict[str, maps.CourseMap]:
    return {f.__name__: f() for f in ALL}


def test_distance_moscow_baku() -> None:
    km = maps.distance_km("moscow", "baku")
    assert 1900 <= km <= 2000
    assert maps.distance_km("baku", "moscow") == pytest.approx(km)
    assert maps.distance_km("baku", "baku") == 0
    with pytest.raises(KeyError, match="atlantis"):
        maps.distance_km("baku", "atlantis")


@pytest.mark.parametrize(
    ("func", "layers", "features"),
    [
        (
            "visit_map",
            ["Places", "Moscow-Baku distance", "Dated events (timeline)"],
            ["Moscow", "Baku", "Kyiv", "Sudzha"],
        ),
        (
            "energy_map",
            [
                "Oil pipelines",
                "Gas pipelines (Southern Gas Corridor)",
                "North-South Transport Corridor (rail)",
            ],
            [
                "Baku-Tbilisi-Ceyhan (BTC) oil pipeline",
                "Trans Adriatic Pipeline (TAP, gas)",
                "Sangachal terminal",
            ],
        ),
        (
            "karabakh_map",
            [
                "Former NKAO (approximate)",
                "1994-2020: held by Armenian forces (approximate)",
                "2020-2023: peacekeeping area and Lachin corridor (approximate)",
                "Since September 2023: under Azerbaijani control (approximate)",
            ],
            ["Stepanakert/Khankendi", "Shusha/Shushi", "Lachin/Berdzor"],
        ),
        (
            "influence_map",
            ["Alliances and treaties (as of 2024)", "Places"],
            ["Türkiye", "Armenia", "Alley of Honour", "Gyumri"],
        ),
        (
            "synthesis_map",
            ["Pipelines", "Karabakh and Kursk (approximate)", "Places"],
            ["Novorossiysk", "Tehran", "Ganja"],
        ),
        (
            "epilogue_map",
            [
                "AZAL flight J2-8243, 25 December 2024 (approximate)",
                "TRIPP through Syunik, agreed 8 August 2025, and the railways it joins "
                "(approximate)",
                "Places",
            ],
            [
                "AZAL flight J2-8243 as scheduled: Baku to Grozny",
                "from Grozny across the Caspian Sea to Aktau",
                "TRIPP, the Trump Route for International Peace and Prosperity",
                "Aktau",
                "Grozny",
                "Sudzha",
                "Meghri",
                "Nakhchivan",
                "Baku",
                "Yerevan",
            ],
        ),
    ],
)
def test_layers_and_features(built, func: str, layers: list[str], features: list[str]) -> None:
    cmap = built[func]
    assert set(layers) <= set(cmap.layers())
    names = " | ".join(cmap.features())
    for feature in features:
        assert feature in names
    alt = cmap.text_alternative()
    for feature in features + layers:
        assert feature in alt
    counts = cmap.counts()
    assert counts["paths"] > 5 and counts["markers"] >= 3


def test_events_layer_reads_the_timeline(built) -> None:
    rows = [r for r in data.load("timeline.csv") if r.lat is not None]
    assert rows
    events = [n for n in built["synthesis_map"].features() if "event" in n]
    assert events
    places = {r.place for r in rows}
    assert any(name.split(" (")[0] in places for name in events)


def test_counts_match_the_page(built) -> None:
    cmap = built["karabakh_map"]
    m = cmap.folium_map()
    paths = markers = 0
    for child in m._children.values():
        if not isinstance(child, folium.FeatureGroup) or not child.show:
            continue
        for element in child._children.values():
            if _is(element, "vectors.js"):
                paths += len(element.collection["features"])
            if _is(element, "markers.js"):
                markers += len(element.markers)
    assert len([n for n in cmap.layers()]) > 4  # some layers start hidden
    assert {"paths": paths, "markers": markers} == cmap.counts()
    page = m.get_root().render()
    assert page.count("L.geoJSON(") == sum(
        1
        for c in m._children.values()
        if isinstance(c, folium.FeatureGroup)
        for e in c._children.values()
        if _is(e, "vectors.js")
    )


def _is(element: object, template: str) -> bool:
    return isinstance(element, web.Part) and element.template_name == template


def test_html_trimmed_small_and_accessible(built) -> None:
    for name, cmap in built.items():
        page = cmap.folium_map().get_root().render()
        # Offline by default: Leaflet and the fullscreen control inline, no CDN.
        assert f"Leaflet {maps.LEAFLET_VERSION}" in page and "leafletFullScreen" in page
        assert "leaflet-control-layers-toggle" in page  # Leaflet's CSS
        assert "data:image/svg+xml;base64," in page  # the fullscreen icon
        for cdn in ("cdn.jsdelivr.net", "unpkg.com", "cdnjs", "<script src=", "stylesheet"):
            assert cdn not in page, (name, cdn)
        for unwanted in (
            "jquery",
            "bootstrap",
            "font-awesome",
            "fontawesome",
            "awesome-markers",
            "$(",
        ):
            assert unwanted not in page.lower(), (name, unwanted)
        assert "L.control.fullscreen" in page and "L.control.layers" in page
        assert "ck-legend" in page and "L.control.scale" in page
        outer = cmap.html()
        assert len(outer) < 350_000, name
        assert outer.startswith("<figure") and "<figcaption>" in outer
        assert "<iframe" in outer
        caption = outer.split("</iframe>")[-1]
        assert "<details>" in caption and cmap.features()[0].split(" (")[0] in caption


def test_package_json_pins_the_versions() -> None:
    package = json.loads((Path(__file__).parent.parent / "package.json").read_text())
    assert package["dependencies"]["leaflet"] == maps.LEAFLET_VERSION
    assert package["dependencies"]["leaflet.fullscreen"] == maps.FULLSCREEN_VERSION


def test_asset_base_names_no_outside_host(monkeypatch, built) -> None:
    monkeypatch.setenv("COURSEKIT_ASSET_BASE", "/files/node_modules")
    html = built["energy_map"].html()
    assert "/files/node_modules/leaflet/dist/leaflet.js" in html
    assert "/files/node_modules/leaflet.fullscreen/Control.FullScreen.css" in html
    assert not re.search(r"https?://", html), re.search(r".{40}https?://.{40}", html)


def test_png_is_a_real_png(built) -> None:
    bundle = built["karabakh_map"]._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/png", "text/plain"}
    png = base64.b64decode(bundle["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert 30_000 < len(png) < 400_000
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert 800 <= width <= 1400 and 600 <= height <= 1000
    assert bundle["text/plain"] == built["karabakh_map"].text_alternative()


@pytest.fixture
def evil_data(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(data.data_dir(), copy)
    shutil.copy(data.data_dir().parent / "references.bib", tmp_path / "references.bib")
    for name, fid in (("places.geojson", "baku"), ("countries.geojson", "aze")):
        collection = json.loads((copy / name).read_text(encoding="utf-8"))
        for feature in collection["features"]:
            if feature["properties"]["id"] == fid:
                feature["properties"]["name"] = EVIL
                if "description" in feature["properties"]:
                    feature["properties"]["description"] = EVIL + " `${x}`"
        (copy / name).write_text(json.dumps(collection), encoding="utf-8")
    monkeypatch.setenv("COURSEKIT_DATA", str(copy))
    return copy


def test_data_text_is_escaped(evil_data) -> None:
    cmap = maps.visit_map()
    assert EVIL in cmap.features()  # the place is there, with its odd name
    assert EVIL in cmap.text_alternative()
    page = cmap.folium_map().get_root().render()
    assert "<script>alert" not in page
    assert "\\u0026lt;script\\u0026gt;alert(1)" in page  # escaped HTML inside JSON
    assert "bindTooltip(`" not in page and "$(`" not in page  # no JS template literals
    assert '`${x}`\\"' not in page and "`${x}`" in page  # only inside a JSON string
    outer = cmap.html()
    assert "<script>alert" not in outer
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in outer.split("</iframe>")[-1]
    influence = maps.influence_map().folium_map().get_root().render()
    assert "<script>alert" not in influence


def test_png_with_odd_names(evil_data) -> None:
    png = maps.visit_map().png()
    assert png[:4] == b"\x89PNG"


def test_map_iframe_has_an_accessible_name() -> None:
    m = maps.visit_map()
    html = m.html()
    assert f'<iframe title="Interactive map: {m.title}" srcdoc=' in html.replace("&#39;", "'")


def test_missing_node_modules_says_run_make_node(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("COURSEKIT_ASSET_BASE", raising=False)
    monkeypatch.setenv("COURSEKIT_NODE_MODULES", str(tmp_path))
    with pytest.raises(assets.AssetsMissing, match="run `make node`"):
        maps.karabakh_map().html()


def test_node_modules_found_beside_the_package(monkeypatch) -> None:
    monkeypatch.delenv("COURSEKIT_NODE_MODULES", raising=False)
    root = Path(maps.__file__).resolve().parent.parent.parent
    assert assets.node_modules() == root / "node_modules"
    kinds = [kind for kind, _ in assets.inline()]
    assert kinds == ["js", "css", "js", "css"]


def test_data_text_is_not_read_as_a_template(tmp_path, monkeypatch) -> None:
    """Text from data reaches the page as it is: folium never renders it as Jinja."""
    copy = tmp_path / "data"
    shutil.copytree(data.data_dir(), copy)
    shutil.copy(data.data_dir().parent / "references.bib", tmp_path / "references.bib")
    collection = json.loads((copy / "places.geojson").read_text(encoding="utf-8"))
    for feature in collection["features"]:
        if feature["properties"]["id"] == "moscow":
            feature["properties"]["description"] = "{{ 7 * 7 }} {% if true %}yes{% endif %}"
    (copy / "places.geojson").write_text(json.dumps(collection), encoding="utf-8")
    monkeypatch.setenv("COURSEKIT_DATA", str(copy))
    page = maps.visit_map().folium_map().get_root().render()
    assert "{{ 7 * 7 }} {% if true %}yes{% endif %}" in page
    assert ">49" not in page


def test_printed_caption_follows_the_map() -> None:
    """In a notebook the map displays twice: the map itself, then a caption whose only
    visible form is Markdown (the PDF prints it; web and Jupyter show the figure's own)."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shown: list[dict] = []
    publish = shell.display_pub.publish
    shell.display_pub.publish = lambda data, **kwargs: shown.append(data)
    try:
        m = maps.karabakh_map()
        m._ipython_display_()
    finally:
        shell.display_pub.publish = publish
    assert len(shown) == 2
    assert {"text/html", "image/png"} <= set(shown[0])
    caption = shown[1]
    assert caption["text/html"] == "" and caption["text/plain"] == ""
    assert caption["text/markdown"].startswith(f"**Map: {m.title}.**")
    for name in m.layers():
        assert f"*{name}*" in caption["text/markdown"]


def test_every_chapter_has_one_map() -> None:
    assert list(CHAPTER_MAPS) == list(CHAPTERS)
    assert set(CHAPTERS) <= set(MAPS)
    for chapter, func in MAPS.items():
        assert chapter_of(func) == chapter
        assert getattr(maps, func.__name__) is func  # notebooks call maps.<name>()


def test_epilogue_layers_all_visible_at_first_view(built) -> None:
    """Every layer the epilogue map names is switched on and drawn inside its first view
    (the web map opens on its bounds) and on paper."""
    from shapely.geometry import box

    cmap = built["epilogue_map"]
    view = box(*cmap.bounds)
    for layer in cmap.all_layers:
        assert layer.show and layer.printed, layer.name
        for item in layer.items:
            assert view.contains(item.geom), (layer.name, item.name)
    routes = {i.name: i for layer in cmap.all_layers for i in layer.items}
    tripp = routes["TRIPP, the Trump Route for International Peace and Prosperity (planned)"]
    assert 35 <= maps.geometry.length_km(tripp.geom) <= 50  # "about 42 km"
    assert "approximate" in cmap.text_alternative()
    west, south, east, north = cmap.inset[1]
    assert box(west, south, east, north).contains(tripp.geom)  # enlarged in print


@pytest.fixture
def epilogue_events(tmp_path, monkeypatch) -> Path:
    """A copy of data/ with a dated event for chapter 06_epilogue."""
    copy = tmp_path / "data"
    shutil.copytree(data.data_dir(), copy)
    shutil.copy(data.data_dir().parent / "references.bib", tmp_path / "references.bib")
    with (copy / "timeline.csv").open("a", encoding="utf-8") as rows:
        rows.write(
            "test-azal,2026-12-25,Test event at Aktau.,Aktau,43.6611,51.1739,"
            "timesca2024azal,06_epilogue\n"
        )
    monkeypatch.setenv("COURSEKIT_DATA", str(copy))
    if "06_epilogue" not in CHAPTERS:  # until the chapter joins coursekit.course.CHAPTERS
        monkeypatch.setattr("coursekit.timeline.CHAPTERS", (*CHAPTERS, "06_epilogue"))
    return copy


def test_epilogue_shows_its_dated_events(epilogue_events) -> None:
    cmap = maps.epilogue_map()
    events = next(layer for layer in cmap.all_layers if layer.name.startswith("Dated events"))
    assert events.show
    aktau = next(i for i in events.items if i.name.startswith("Aktau ("))
    assert aktau.summary.endswith("2026-12-25: Test event at Aktau.")
    assert "timesca2024azal" in aktau.sources
    assert "2026-12-25: Test event at Aktau." in cmap.text_alternative()

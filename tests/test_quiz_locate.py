"""The locate question type: the bank rules, grading a click, the page data, print, widget."""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from PIL import Image

from coursekit import data, quiz
from coursekit.data import DataError
from coursekit.quiz.types import get_type
from coursekit.quiz.types.locate import mapdata, printed
from coursekit.quiz.types.locate.geometry import distance_km, sphere

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quiz"


@pytest.fixture(scope="module")
def demo() -> quiz.Bank:
    return data.load(FIXTURES / "demo.yml", kind="quiz")


@pytest.fixture(scope="module")
def place(demo: quiz.Bank) -> quiz.Question:
    """Find Lachin, within 25 km."""
    return next(q for q in demo.questions if q.id == "demo-locate")


@pytest.fixture(scope="module")
def area(demo: quiz.Bank) -> quiz.Question:
    """Click inside the former NKAO."""
    return next(q for q in demo.questions if q.id == "demo-locate-area")


def lachin() -> tuple[float, float]:
    return 39.6374, 46.5498


def at(lat: float, lon: float, azimuth: float, km: float) -> dict[str, float]:
    """The point ``km`` from (lat, lon) towards ``azimuth``, on the grading sphere."""
    lon2, lat2, _ = sphere().fwd(lon, lat, azimuth, km * 1000)
    return {"lat": lat2, "lon": lon2}


# --------------------------------------------------------------------------- grading a place


def test_click_on_the_place_is_right(place: quiz.Question) -> None:
    result = quiz.grade(place, {"lat": 39.65, "lon": 46.56})
    assert result.valid and result.correct
    assert result.message == "✓ Correct."
    assert "Your point is 2 km from Lachin/Berdzor: within 25 km." in result.feedback


def test_click_outside_the_tolerance_says_how_far_off(place: quiz.Question) -> None:
    result = quiz.grade(place, at(*lachin(), 90, 60))
    assert result.valid and not result.correct and result.message == "✗ Incorrect."
    said = "Your point is 60 km from Lachin/Berdzor; points within 25 km count."
    assert result.feedback == (said,)
    assert place.explanation in result.text


@pytest.mark.parametrize("azimuth", [0, 90, 200])
def test_exactly_on_the_tolerance_counts_and_just_beyond_does_not(
    place: quiz.Question, azimuth: float
) -> None:
    edge = at(*lachin(), azimuth, 25)
    assert distance_km(*lachin(), edge["lat"], edge["lon"]) == pytest.approx(25, abs=1e-9)
    assert quiz.grade(place, edge).correct
    assert not quiz.grade(place, at(*lachin(), azimuth, 25.01)).correct


def test_a_pair_is_lat_then_lon(place: quiz.Question) -> None:
    assert quiz.grade(place, (39.64, 46.55)).correct
    assert not quiz.grade(place, (46.55, 39.64)).correct


def test_distances_are_on_leaflets_sphere() -> None:
    """Leaflet's map.distance: haversine on R = 6,371,000 m (one degree of a meridian)."""
    assert distance_km(0, 0, 1, 0) == pytest.approx(6371 * 3.141592653589793 / 180, rel=1e-12)


# --------------------------------------------------------------------------- grading an area


def test_inside_and_outside_an_area(area: quiz.Question) -> None:
    inside = quiz.grade(area, {"lat": 39.8177, "lon": 46.7528})  # Stepanakert/Khankendi
    assert inside.correct
    assert inside.feedback == (
        "Your point is inside the area “Former Nagorno-Karabakh Autonomous Oblast (NKAO)”.",
    )
    outside = quiz.grade(area, {"lat": 40.6816, "lon": 46.3613})  # Ganja
    assert outside.valid and not outside.correct
    km = int(re.search(r"is (\d+) km outside", outside.feedback[0]).group(1))
    assert 40 <= km <= 80


def test_on_the_edge_of_an_area_counts_as_inside(area: quiz.Question) -> None:
    ring = list(area.answer.target.geometry.exterior.coords)
    (x1, y1), (x2, y2) = ring[0], ring[1]
    for lon, lat in [(x1, y1), ((x1 + x2) / 2, (y1 + y2) / 2)]:  # a corner, an edge's middle
        assert quiz.grade(area, {"lat": lat, "lon": lon}).correct
    # Just outside that corner, away from the area's centre: no longer inside.
    centre = area.answer.target.geometry.centroid
    dx, dy = x1 - centre.x, y1 - centre.y
    step = 0.01 / (dx * dx + dy * dy) ** 0.5
    assert not quiz.grade(area, {"lat": y1 + dy * step, "lon": x1 + dx * step}).correct


# --------------------------------------------------------------------------- malformed clicks


@pytest.mark.parametrize(
    ("click", "message"),
    [
        (None, "No answer yet: click on the map"),
        ("", "No answer yet: click on the map"),
        ({}, "No answer yet: click on the map"),
        ("39.6, 46.5", "“39.6, 46.5” is not a point on the map"),
        ("Lachin", "“Lachin” is not a point on the map"),
        ({"lat": "north", "lon": 46.5}, "is not a point on the map"),
        ({"lat": 39.6}, "is not a point on the map"),
        ((39.6, 46.5, 0), "is not a point on the map"),
        (True, "“True” is not a point on the map"),
        ({"lat": float("nan"), "lon": 46.5}, "is not a point on the map"),
        ({"lat": 95, "lon": 46.5}, "Latitude 95 and longitude 46.5 are not on the globe"),
        ({"lat": 39.6, "lon": -181}, "Latitude 39.6 and longitude -181 are not on the globe"),
    ],
)
def test_malformed_click_gives_a_message(place: quiz.Question, click, message: str) -> None:
    result = quiz.grade(place, click)
    assert not result.valid and not result.correct
    assert message in result.message


# --------------------------------------------------------------------------- bank rules


def write_bank(tmp_path: Path, **changes) -> Path:
    raw = yaml.safe_load((FIXTURES / "demo.yml").read_text(encoding="utf-8"))
    question = next(q for q in raw["questions"] if q["id"] == "demo-locate")
    for key, value in changes.items():
        if value is None:
            question.pop(key, None)
        else:
            question[key] = value
    path = tmp_path / "demo.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"target": {"place": "atlantis", "tolerance_km": 25}}, "target.place", "unknown place"),
        ({"target": {"area": "mordor"}}, "target.area", "unknown area 'mordor'"),
        ({"target": {"place": "lachin"}}, "target", "must be {place: <place id>, tolerance_km"),
        ({"target": {"place": "lachin", "tolerance_km": 0}}, "target", "must be {place"),
        ({"target": None}, "target", "is missing"),
        ({"extent": [40, 30, 35, 45]}, "extent", "west < east"),
        ({"extent": [20, 30, 30, 45]}, "extent", "lies outside the extent"),
        ({"extent": [44, 38.8, 48.5]}, "extent", "must be [west, south, east, north]"),
        ({"extent": [44, -95, 48.5, 41]}, "extent", "-95 is less than the minimum of -90"),
        ({"extent": None}, "extent", "is missing"),
        ({"landmarks": ["lachin"]}, "landmarks[1]", "not be the target"),
        ({"landmarks": ["kyiv"]}, "landmarks[1]", "inside the extent"),
        ({"distractors": ["ganja", "stepanakert", "nakhchivan"]}, "distractors[2]", "away from"),
        ({"distractors": ["ganja"]}, "distractors", "exactly 3 place ids"),
        ({"answer": "Lachin"}, "answer", "the 'target' is the answer"),
        ({"options": ["a", "b"]}, "options", "take no options"),
    ],
)
def test_bank_errors_name_file_question_and_field(
    tmp_path: Path, changes: dict, field: str, problem: str
) -> None:
    with pytest.raises(DataError) as caught:
        data.load(write_bank(tmp_path, **changes), kind="quiz")
    error = caught.value
    assert error.file.endswith("demo.yml") and error.item == "demo-locate"
    assert error.field == field, str(error)
    assert problem in error.problem, str(error)


def test_only_locate_questions_take_a_target(tmp_path: Path) -> None:
    raw = yaml.safe_load((FIXTURES / "demo.yml").read_text(encoding="utf-8"))
    raw["questions"][0]["target"] = {"area": "nkao"}
    path = tmp_path / "demo.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    words = r"field 'target': single questions take no target \(only locate questions do\)"
    with pytest.raises(DataError, match=words):
        data.load(path, kind="quiz")


def test_every_chapter_has_a_locate_question_on_a_locate_objective() -> None:
    for bank in quiz.load_banks():
        locate = [q for q in bank.questions if q.type == "locate"]
        assert locate, f"{bank.chapter} has no locate question"
        objectives = {o.id: o.text for o in bank.objectives}
        wording = [objectives[q.objective] for q in locate]
        if any(text.startswith("Locate") for text in objectives.values()):
            assert any(text.startswith("Locate") for text in wording), bank.chapter
        for q in locate:  # fair: the target's own spot is graded right, every wrong letter wrong
            spot = q.answer.target.spot
            assert quiz.grade(q, {"lat": spot.lat, "lon": spot.lon}).correct, q.id
            for letter in q.answer.letters:
                if letter.id != q.answer.target.id:
                    assert not quiz.grade(q, {"lat": letter.lat, "lon": letter.lon}).correct


# --------------------------------------------------------------------------- web page


def test_page_has_the_map_data_but_not_the_answer(demo: quiz.Bank) -> None:
    page = quiz.Quiz(demo).to_html()
    data_script = r'<script type="application/json" class="ck-locate-data">(.*?)</script>'
    blocks = re.findall(data_script, page)
    assert len(blocks) == 2
    first = json.loads(blocks[0])
    assert first["extent"] == [43.5, 38.8, 48.5, 41.2]
    assert first["landmarks"] == [{"name": "Yerevan", "lat": 40.1777, "lon": 44.5126}]
    assert {"Armenia", "Azerbaijan"} <= {label["name"] for label in first["labels"]}
    assert "Lachin" not in blocks[0] and "lachin" not in blocks[0]
    solutions = quiz.web.decode(re.search(r'data-ck-key="([^"]+)"', page).group(1))
    sol = solutions[[q.id for q in demo.questions].index("demo-locate")]
    assert sol["k"] == "place" and sol["t"] == 25 and sol["n"] == "Lachin/Berdzor"
    assert 'role="application"' in page and 'tabindex="0"' in page
    assert 'register("locate"' in page and "L.map" in page  # its script, Leaflet inline
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)  # nothing from elsewhere


def test_leaflet_is_linked_under_the_asset_base(
    demo: quiz.Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COURSEKIT_ASSET_BASE", "/files/node_modules")
    """Linked Leaflet is only named in the page: script.js loads it when a map is needed."""
    page = quiz.Quiz(demo).to_html()
    files = r'<script type="application/json" class="ck-leaflet-files">(.*?)</script>'
    listed = re.search(files, page)
    assert json.loads(listed.group(1)) == [
        ["js", "/files/node_modules/leaflet/dist/leaflet.js"],
        ["css", "/files/node_modules/leaflet/dist/leaflet.css"],
    ]
    assert not re.search(r"<(script|link)[^>]+(src|href)=[^>]*leaflet", page)  # not on load
    assert "cdn" not in page.lower()


def test_page_map_draws_outlines_only(demo: quiz.Bank) -> None:
    """Clipping can leave points where a border touches the frame: they are dropped (Leaflet
    would draw them as default markers, loading icons)."""
    banks = [demo, *quiz.load_banks()]
    for question in (q for bank in banks for q in bank.questions if q.type == "locate"):
        features = mapdata.page_data(question.answer)["countries"]["features"]
        assert features and {f["geometry"]["type"] for f in features} <= {"Polygon", "MultiPolygon"}


def test_map_data_is_escaped_in_the_page(place: quiz.Question) -> None:
    """A name with markup reaches the page only as JSON text that cannot close the script."""
    from coursekit.quiz.templates import render

    class Kind:
        @staticmethod
        def page_data(question: quiz.Question) -> dict:
            page_data = mapdata.page_data(question.answer)
            hostile = "</script><img src=x onerror=alert(1)>"
            page_data["landmarks"] = [{"name": hostile, "lat": 40.0, "lon": 45.0}]
            return page_data

    html = render("locate/template.html.j2", qid="q1", number=1, kind=Kind, question=place)
    assert "</script><img" not in html and "\\u003c/script\\u003e" in html


# --------------------------------------------------------------------------- print


def test_printed_form_has_a_lettered_map_and_asks_which_letter(demo: quiz.Bank) -> None:
    text = quiz.Quiz(demo).to_markdown()
    assert "Which letter marks Lachin/Berdzor? Letter:" in text
    assert "Which letter lies inside the area “Former Nagorno-Karabakh" in text
    pictures = re.findall(r"!\[([^\]]+)\]\(data:image/png;base64,([A-Za-z0-9+/=]+)\)", text)
    assert len(pictures) == 2
    alt, blob = pictures[0]
    assert "letters A, B, C and D" in alt and "Lachin" not in alt
    image = Image.open(io.BytesIO(base64.b64decode(blob)))
    assert image.format == "PNG" and image.size[0] == 900


def test_answer_key_gives_the_letter(place: quiz.Question) -> None:
    letters = [s.id for s in place.answer.letters]
    letter = "ABCD"[letters.index("lachin")]
    assert get_type("locate").answer_text(place) == f"{letter} (Lachin/Berdzor)"
    assert len(set(letters)) == 4


def test_printed_figure_leaves_pyplot_alone(place: quiz.Question) -> None:
    import matplotlib

    backend = matplotlib.get_backend()
    figure = printed.figure(place.answer)
    assert figure.axes and len(figure.axes[0].texts) >= 4  # four letters (and names)
    assert {t.get_text() for t in figure.axes[0].texts} >= {"A", "B", "C", "D"}
    assert matplotlib.get_backend() == backend


# --------------------------------------------------------------------------- widget


def test_widget_click_is_graded_in_python(demo: quiz.Bank) -> None:
    import ipyleaflet

    q = quiz.Quiz(demo)
    w = next(w for w in q.questions if w.question.id == "demo-locate")
    (locate_map,) = w.inputs
    assert isinstance(locate_map.map, ipyleaflet.Map)
    assert not any(isinstance(layer, ipyleaflet.TileLayer) for layer in locate_map.map.layers)
    # What ipyleaflet calls when the page reports a click on the map.
    locate_map._interaction(type="click", coordinates=[40.68, 46.36])
    assert w.result is not None and w.result.valid and not w.result.correct
    assert "km from Lachin/Berdzor" in w.feedback_text and "✗ Incorrect." in w.feedback.value
    assert len(locate_map.shown.layers) >= 3  # your point, its label, the target
    locate_map._interaction(type="click", coordinates=lachin())  # answered: ignored
    assert not w.result.correct
    w.retry_button.click()
    assert locate_map.point is None and not locate_map.shown.layers
    locate_map._interaction(type="click", coordinates=lachin())
    assert w.result.correct and q.score == 1
    w.select(None)
    w.check()
    assert "No answer yet: click on the map" in w.feedback_text
    with pytest.raises(quiz.AnswerError, match="not a point"):
        w.select("here")

"""The LMS exports (``make lms``): Moodle XML, GIFT and Canvas QTI from the quiz banks.

Offline and fast (no book build): every file parses; the element paths Moodle's importer
reads are there for every type; every export read back into the course's model equals
its bank; GIFT parses with gift-pegjs; the QTI manifest lists every file; the bytes are
the same on every build; text that would break a format is escaped.
"""

from __future__ import annotations

import html
import io
import json
import math
import re
import subprocess
import zipfile
from dataclasses import replace

import pytest
from conftest import ROOT
from lxml import etree
from shapely.geometry import Point, Polygon

from coursekit.data import DataError
from coursekit.lms import build, gift, moodle, qti
from coursekit.lms.types import EXPORTS, ExportError, get
from coursekit.quiz import load_banks
from coursekit.quiz.model import Bank, Objective, Option, Question
from coursekit.quiz.types import TYPES
from coursekit.quiz.types.locate import lms as locate_export
from coursekit.quiz.types.locate import printed

# One worker runs the module (xdist_group): its fixtures export every bank once, not per worker.
pytestmark = [pytest.mark.lms, pytest.mark.xdist_group("lms")]


@pytest.fixture(scope="module")
def banks() -> list[Bank]:
    return load_banks()


@pytest.fixture(scope="module")
def files(banks) -> dict[str, bytes]:
    return build.files(banks)


def bank_questions(banks) -> dict[str, Question]:
    return {q.id: q for b in banks for q in b.questions}


# -- made-up questions: the match type, and text that would break each format -----------
BAD = "a ]]> b < c & d ~ e = f # g { h } i : j \\ k -> l"


def made_up() -> Bank:
    """A bank built here (not through the loader): a match question, and bad text."""

    def q(qid, type_, answer, **more):
        fields = dict(explanation=f"Because {BAD}", objective="O1", difficulty="easy")
        return Question(id=qid, type=type_, prompt=f"Prompt {BAD}?", answer=answer,
                        **(fields | more))  # fmt: skip

    pairs = [{"left": f"Left {n} {BAD}", "right": f"Right {n} <{n}>"} for n in range(1, 5)]
    return Bank(
        file="made-up.yml", chapter="99_test", title=f"Made up: {BAD}",
        objectives=(Objective("O1", "x"),),
        questions=(
            q("t-single", "single", f"Yes {BAD}",
              options=(Option(f"Yes {BAD}"), Option(f"No {BAD}", f"Wrong: {BAD}"),
                       Option("Maybe", "not sure"))),
            q("t-multiple", "multiple", ("A1", "A2", "A3"),
              options=tuple(Option(t, f"fb {t} {BAD}") for t in ("A1", "A2", "A3", "B1"))),
            q("t-tf", "truefalse", False),
            q("t-num", "numeric", 11.8, tolerance=0.25, unit="km {x}"),
            q("t-order", "ordering", (f"First {BAD}", "Second", "Third", "Fourth")),
            q("t-match", "match", None,
              params={"pairs": pairs, "extra": ["Extra one", f"Extra {BAD}"]}),
        ),
    )  # fmt: skip


# -- comparing a read-back question with its bank ----------------------------------------
def shared(question: Question) -> dict:
    """The fields a bank question and its read-back copy compare alike."""
    fields = {
        "id": question.id, "type": question.type, "prompt": question.prompt,
        "explanation": question.explanation, "objective": question.objective,
        "difficulty": question.difficulty,
    }  # fmt: skip
    if question.type in ("single", "multiple"):
        fields["options"] = question.options
        fields["answer"] = question.answer if question.type == "single" else sorted(question.answer)
    elif question.type in ("truefalse", "ordering"):
        fields["answer"] = question.answer
    return fields


def expected(question: Question, fmt: str) -> dict:
    """What a read-back question must hold, from the bank's question."""
    want = shared(question)
    if question.type == "numeric":
        want |= {"answer": question.answer, "tolerance": question.tolerance or 0,
                 "unit": question.unit}  # fmt: skip
    elif question.type == "match":
        want["pairs"] = [(p["left"], p["right"]) for p in question.params["pairs"]]
        want["extra"] = sorted(question.params.get("extra", []))
    elif question.type == "locate" and fmt != "moodle":
        want["answer"] = question.answer.answer_letter
        want["options"] = tuple(Option(letter) for letter in "ABCD")
    return want


def found(question: Question, fmt: str) -> dict:
    """The same fields of a question read back from an export."""
    got = shared(question)
    if question.type == "numeric":
        got |= {"answer": question.answer, "tolerance": round(question.tolerance, 9),
                "unit": question.unit}  # fmt: skip
    elif question.type == "match":
        got["pairs"] = [(p["left"], p["right"]) for p in question.params["pairs"]]
        got["extra"] = sorted(question.params["extra"])
    elif question.type == "locate" and fmt != "moodle":
        got["answer"], got["options"] = question.answer, question.options
    return got


def target_pixel(question: Question) -> tuple[float, float]:
    """The target's spot in pixels of the unlettered printed map, by its own transform."""
    spot = question.answer.target.spot
    fig = printed.figure(question.answer, letters=False)
    return printed.to_pixels(fig, [(spot.lon, spot.lat)])[0]


def zone_contains(shape: str, coords: str, pixel: tuple[float, float]) -> bool:
    """Moodle's test (ddmarker/shapes.php): inside the circle, or the polygon."""
    points = [tuple(int(v) for v in part.split(",")) for part in coords.split(";")]
    if shape == "circle":
        (x, y), (radius,) = points
        return math.dist((x, y), pixel) <= radius
    return Polygon(points).buffer(0.5).contains(Point(pixel))


def inside_picture(shape: str, coords: str, width: int, height: int) -> bool:
    """Moodle's form check (shapes.php ``inside_width_height``): the zone lies in the picture."""
    points = [tuple(int(v) for v in part.split(",")) for part in coords.split(";")]
    if shape == "circle":
        (x, y), (radius,) = points
        points = [(x - radius, y - radius), (x + radius, y + radius)]
    return all(0 <= x <= width and 0 <= y <= height for x, y in points)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


# -- the files -----------------------------------------------------------------------------
@pytest.mark.slow
def test_build_writes_every_file(tmp_path, banks):
    paths = build.build(tmp_path, banks)
    names = {p.name for p in paths}
    for name in [b.chapter for b in banks] + ["course"]:
        assert {f"{name}.moodle.xml", f"{name}.gift.txt", f"{name}.qti.zip"} <= names
    assert len(paths) == 3 * (len(banks) + 1)


def test_every_file_parses(files):
    for name, data in files.items():
        if name.endswith(".xml"):
            assert etree.fromstring(data).tag == "quiz", name
        elif name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for entry in archive.namelist():
                    if entry.endswith(".xml"):
                        etree.fromstring(archive.read(entry))


@pytest.mark.slow
def test_two_builds_give_the_same_bytes(banks, files):
    locate_export._PICTURES.clear()  # draw the maps again
    assert build.files(banks) == files


def test_every_item_is_exported_once_per_file(banks, files):
    ids = list(bank_questions(banks))
    course = moodle.read(files["course.moodle.xml"])
    assert [q.id for _, q in course] == ids
    assert [q.id for _, q in qti.read(files["course.qti.zip"])] == ids
    for bank in banks:
        chapter = moodle.read(files[f"{bank.chapter}.moodle.xml"])
        assert [q.id for _, q in chapter] == [q.id for q in bank.questions]
        assert {c for c, _ in chapter} == {moodle.category(bank)}
    assert len({c for c, _ in course}) == len(banks)


# -- Moodle: what the importer reads ---------------------------------------------------------
#: element paths that Moodle's importer reads, per question type. Sources (moodle/moodle):
#: question/format/xml/format.php (import_headers, import_answer, import_multichoice,
#: import_truefalse, import_numerical, import_match, import_combined_feedback,
#: import_category); question/type/ordering/questiontype.php (import_from_xml);
#: question/type/ddmarker/questiontype.php (import_from_xml) and shapes.php (coords).
COMMON = ["name/text", "questiontext[@format='html']/text", "generalfeedback/text",
          "defaultgrade", "penalty"]  # fmt: skip
PATHS = {
    "multichoice": ["single", "shuffleanswers", "answernumbering", "answer[@fraction]/text",
                    "answer/feedback/text", "correctfeedback/text",
                    "partiallycorrectfeedback/text", "incorrectfeedback/text"],
    "truefalse": ["answer[@fraction]/text"],
    "numerical": ["answer[@fraction]/text", "answer/tolerance", "unitgradingtype",
                  "showunits"],
    "ordering": ["layouttype", "selecttype", "selectcount", "gradingtype", "showgrading",
                 "answer/text"],
    "ddmarker": ["file[@name][@encoding='base64']", "drag/no", "drag/text", "drag/noofdrags",
                 "drop/no", "drop/shape", "drop/coords", "drop/choice"],
    "matching": ["shuffleanswers", "subquestion/text", "subquestion/answer/text"],
}  # fmt: skip
GRADING_TYPES = {"ALL_OR_NOTHING", "ABSOLUTE_POSITION", "RELATIVE_NEXT_EXCLUDE_LAST",
                 "RELATIVE_NEXT_INCLUDE_LAST", "RELATIVE_ONE_PREVIOUS_AND_NEXT",
                 "RELATIVE_ALL_PREVIOUS_AND_NEXT", "LONGEST_ORDERED_SUBSET",
                 "LONGEST_CONTIGUOUS_SUBSET", "RELATIVE_TO_CORRECT"}  # fmt: skip
COORDS = {"circle": re.compile(r"^\d+,\d+;\d+$"), "polygon": re.compile(r"^\d+,\d+(;\d+,\d+){2,}$")}


def check_moodle_paths(data: bytes) -> set[str]:
    """Assert the paths for every question; the Moodle types seen."""
    seen = set()
    root = etree.fromstring(data)
    for element in root.findall("question"):
        qtype = element.get("type")
        if qtype == "category":
            assert element.findtext("category/text").startswith("$course$/top/")
            continue
        seen.add(qtype)
        for path in COMMON + PATHS[qtype]:
            assert element.find(path) is not None, (element.findtext("name/text"), path)
        fractions = [float(a.get("fraction")) for a in element.findall("answer")]
        if qtype == "multichoice":
            assert all(abs(f) in moodle.GRADES for f in fractions), fractions
            assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=0.01)
        if qtype == "truefalse":
            assert sorted(a.findtext("text") for a in element.findall("answer")) == [
                "false", "true"]  # fmt: skip
        if qtype == "numerical" and element.find("units/unit") is not None:
            unit = html.escape(element.findtext("units/unit/unit_name"), quote=False)
            assert f"<p>Give the answer in {unit}.</p>" in element.findtext("questiontext/text")
        if qtype == "ordering":
            assert element.findtext("selecttype") == "ALL"
            assert element.findtext("selectcount") == str(len(fractions))
            assert element.findtext("gradingtype") in GRADING_TYPES
        if qtype == "ddmarker":
            assert element.find("file").getparent() is element
            shape = element.findtext("drop/shape")
            assert COORDS[shape].match(element.findtext("drop/coords"))
    return seen


def test_moodle_has_what_the_importer_reads(files):
    seen = check_moodle_paths(files["course.moodle.xml"])
    used = {EXPORTS[q.type].MOODLE for bank in load_banks() for q in bank.questions}
    assert seen == used
    assert check_moodle_paths(moodle.document([made_up()])) >= {"matching"}


def test_multiple_takes_grades_from_moodles_list():
    assert moodle.grade(100 / 3) == "33.33333"
    assert moodle.grade(100 / 6) == "16.66667"
    assert moodle.grade(-100) == "-100"


def test_moodle_reads_back_as_the_banks(banks, files):
    bank = bank_questions(banks)
    for _, back in moodle.read(files["course.moodle.xml"]):
        assert found(back, "moodle") == expected(bank[back.id], "moodle")


def test_ddmarker_zone_holds_the_target(banks, files):
    bank = bank_questions(banks)
    locates = [q for _, q in moodle.read(files["course.moodle.xml"]) if q.type == "locate"]
    assert len(locates) == sum(q.type == "locate" for q in bank.values()) > 0
    for back in locates:
        question = bank[back.id]
        params = back.params
        assert params["marker"] == question.answer.target.name
        assert zone_contains(params["shape"], params["coords"], target_pixel(question))
        # a letter that is clearly wrong lies outside the zone
        spots = question.answer.letters
        fig = printed.figure(question.answer, letters=False)
        wrong = [s for s in spots if s.id != question.answer.target.id]
        for pixel in printed.to_pixels(fig, [(s.lon, s.lat) for s in wrong]):
            assert not zone_contains(params["shape"], params["coords"], pixel), back.id
        width, height = png_size(params["picture"])
        assert (width, height) == printed.size_px(fig)
        assert inside_picture(params["shape"], params["coords"], width, height)
        kind = question.answer.target.kind
        assert params["shape"] == ("circle" if kind == "place" else "polygon")


def test_explanations_reach_students_only_after_the_attempt(files):
    root = etree.fromstring(files["course.moodle.xml"])
    for element in root.xpath("question[@type!='category']"):
        explanation = element.findtext("generalfeedback/text")
        assert explanation and explanation not in element.findtext("questiontext/text")
    for _, back in qti.read(files["course.qti.zip"]):
        assert back.explanation and back.explanation not in back.prompt


# -- Canvas QTI ------------------------------------------------------------------------------
def test_qti_manifest_lists_every_file(banks, files):
    for name in [b.chapter for b in banks] + ["course"]:
        with zipfile.ZipFile(io.BytesIO(files[f"{name}.qti.zip"])) as archive:
            names = set(archive.namelist())
            manifest = etree.fromstring(archive.read("imsmanifest.xml"))
            listed = set(manifest.xpath("//*[local-name()='file']/@href"))
            assert listed == names - {"imsmanifest.xml"}, name
            assert archive.namelist() == sorted(names)
            assert {i.date_time for i in archive.infolist()} == {qti.ZIP_DATE}
    with zipfile.ZipFile(io.BytesIO(files["course.qti.zip"])) as archive:
        pictures = [n for n in archive.namelist() if n.startswith("images/")]
        assert len(pictures) == sum(q.type == "locate" for q in bank_questions(banks).values())


def test_qti_reads_back_as_the_banks(banks, files):
    bank = bank_questions(banks)
    with zipfile.ZipFile(io.BytesIO(files["course.qti.zip"])) as archive:
        names = set(archive.namelist())
    for _, back in qti.read(files["course.qti.zip"]):
        question = bank[back.id]
        assert found(back, "qti") == expected(question, "qti")
        if back.type == "locate":
            assert back.params["picture"] == f"{qti.FILEBASE}images/{back.id}.png"
            assert back.params["picture"].removeprefix(qti.FILEBASE) in names
            assert back.params["asked"] == printed.question(question.answer)


def test_qti_ordering_does_not_show_the_order(banks, files):
    for _, back in qti.read(files["course.qti.zip"]):
        if back.type == "ordering":
            assert back.params["shown"] != back.answer
            assert sorted(back.params["shown"]) == sorted(back.answer)


# -- GIFT, parsed by gift-pegjs -----------------------------------------------------------------
PARSE_GIFT = "const {parse} = require('gift-pegjs'); let s = ''; process.stdin.on('data', d => s += d); process.stdin.on('end', () => process.stdout.write(JSON.stringify(parse(s))));"  # noqa: E501


def parse_gift(text: str) -> list[dict]:
    run = subprocess.run(["node", "-e", PARSE_GIFT], input=text, capture_output=True,
                         text=True, cwd=ROOT, check=False)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def gift_text(value) -> str:
    """The plain text of a gift-pegjs text (HTML made by the exporter)."""
    from coursekit.lms.markup import paragraphs

    return " ".join(paragraphs(value["text"])) if value else ""


def gift_read(item: dict) -> dict:
    """A gift-pegjs question as the fields :func:`found` gives."""
    stem = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in
            re.findall(r"<p>(.*?)</p>", item["stem"]["text"], re.S)]  # fmt: skip
    got = {"id": item["title"], "prompt": stem[0],
           "explanation": gift_text(item["globalFeedback"])}  # fmt: skip
    if item["type"] == "MC":
        choices = item["choices"]
        got["options"] = tuple(
            Option(html.unescape(c["text"]["text"]), html.unescape(c["feedback"]["text"])
                   if c["feedback"] else "") for c in choices)  # fmt: skip
        right = [c for c in choices if c["isCorrect"] or (c["weight"] or 0) > 0]
        got["right"] = sorted(html.unescape(c["text"]["text"]) for c in right)
    elif item["type"] == "TF":
        got["answer"] = item["isTrue"]
    elif item["type"] == "Numerical":
        got |= {"answer": item["choices"]["number"], "tolerance": item["choices"]["range"],
                "rest": stem[1:]}  # fmt: skip
    elif item["type"] == "Matching":
        # gift-pegjs writes an escaped character of a right-hand text as "&&126;"
        got["pairs"] = [(html.unescape(p["subquestion"]["text"]),
                         re.sub(r"&&(\d+);", lambda m: chr(int(m[1])), p["subanswer"]))
                        for p in item["matchPairs"]]  # fmt: skip
    return got


def check_gift(questions: list[Question], parsed: list[dict]) -> None:
    items = [p for p in parsed if p["type"] != "Category"]
    assert [i["title"] for i in items] == [q.id for q in questions]
    for question, item in zip(questions, items, strict=True):
        got = gift_read(item)
        assert (got["prompt"], got["explanation"]) == (question.prompt, question.explanation)
        if question.type in ("single", "multiple"):
            assert got["options"] == question.options
            right = [question.answer] if question.type == "single" else question.answer
            assert got["right"] == sorted(right)
        elif question.type == "locate":
            assert got["right"] == [question.answer.answer_letter]
            assert "data:image/png;base64," in item["stem"]["text"]
        elif question.type == "truefalse":
            assert got["answer"] is question.answer
        elif question.type == "numeric":
            assert (got["answer"], got["tolerance"]) == (question.answer, question.tolerance)
            assert bool(question.unit) == any(question.unit in r for r in got["rest"])
        elif question.type == "ordering":
            assert [left for left, _ in sorted(got["pairs"], key=lambda p: int(p[1]))] == list(
                question.answer)  # fmt: skip
            assert [left for left, _ in got["pairs"]] != list(question.answer)
        elif question.type == "match":
            pairs = [(p["left"], p["right"]) for p in question.params["pairs"]]
            extra = [("", e) for e in question.params["extra"]]
            assert got["pairs"] == pairs + extra


def test_gift_parses_back_as_the_banks(banks, files):
    parsed = parse_gift(files["course.gift.txt"].decode("utf-8"))
    assert [p["title"] for p in parsed if p["type"] == "Category"] == [
        moodle.category(b) for b in banks]  # fmt: skip
    check_gift([q for b in banks for q in b.questions], parsed)


# -- the made-up bank: match, and text that would break a format -------------------------------
def test_match_and_bad_text_survive_every_format():
    bank = made_up()
    want = {q.id: q for q in bank.questions}
    xml = moodle.document([bank])
    assert b"]]>" not in xml.replace(b"]]>\n", b"").replace(b"]]></", b"")  # only CDATA ends
    for _, back in moodle.read(xml):
        assert found(back, "moodle") == expected(want[back.id], "moodle"), back.id
    for _, back in qti.read(qti.package("t", [bank])):
        assert found(back, "qti") == expected(want[back.id], "qti"), back.id
    check_gift(list(bank.questions), parse_gift(gift.document([bank])))


def test_match_right_hand_order_is_fixed_by_the_id():
    from coursekit.quiz.types.match import lms as match

    question = made_up().questions[-1]
    assert match.rights(question) == match.rights(question)
    other = replace(question, id="t-match-2")
    assert sorted(match.rights(other)) == sorted(match.rights(question))
    assert match.rights(question) != [p["right"] for p in question.params["pairs"]] + list(
        question.params["extra"])  # fmt: skip


def test_gift_escapes_its_special_characters():
    from coursekit.text import gift_escape

    assert gift_escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_every_type_has_every_export():
    assert sorted(EXPORTS) == list(TYPES)  # each found in its folder's lms.py
    for name, module in EXPORTS.items():
        assert module.__name__ == f"coursekit.quiz.types.{name}.lms"
        assert module.NAME == name
        for function in ("moodle", "read_moodle", "qti", "read_qti", "gift", "claims_moodle"):
            assert callable(getattr(module, function)), (name, function)
    with pytest.raises(ExportError, match="'essay'"):
        get("essay")


@pytest.mark.parametrize("fmt", ["moodle", "gift", "qti"])
def test_bad_input_names_file_item_and_field(fmt):
    bank = made_up()
    write = {"moodle": moodle.document, "gift": gift.document,
             "qti": lambda b: qti.package("t", b)}[fmt]  # fmt: skip
    essay = replace(bank, questions=(replace(bank.questions[0], type="essay"),))
    with pytest.raises(DataError, match=r"made-up.yml: item 't-single': field 'type': .*'essay'"):
        write([essay])
    match = bank.questions[-1]
    broken = replace(bank, questions=(replace(match, params={"extra": []}),))
    with pytest.raises(DataError, match=r"made-up.yml: item 't-match': field 'pairs'"):
        write([broken])


def test_the_transform_finds_the_printed_dots(banks):
    """The pixel the transform gives for each lettered spot is the black dot drawn there,
    so the ddmarker zone, computed the same way, sits on the map where the place is."""
    from PIL import Image

    for question in bank_questions(banks).values():
        if question.type != "locate":
            continue
        fig = printed.figure(question.answer)
        picture = Image.open(io.BytesIO(printed.png_of(fig))).convert("L")
        spots = [(s.lon, s.lat) for s in question.answer.letters]
        for x, y in printed.to_pixels(fig, spots):
            assert picture.getpixel((int(x), int(y))) < 60, (question.id, x, y)
        # and a pixel well away from the dot is not black (the test can fail)
        x, y = printed.to_pixels(fig, spots[:1])[0]
        assert picture.getpixel((int(x) + 12, int(y) + 12)) > 60, question.id

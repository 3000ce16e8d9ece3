"""``locate`` exports.

Moodle: ``ddmarker`` (``qtype_ddmarker``'s ``import_from_xml``): the printed map without
its letters as the background (a base64 ``<file>`` directly under ``<question>``), one
marker named after the target, and its drop zone in whole pixels of that picture
(``shapes.php``: a circle ``x,y;r`` for a place and its tolerance, a polygon
``x1,y1;x2,y2;...`` for an area), computed through the printed map's own transform.
Canvas and GIFT: the printed lettered map and "Which letter ...?" as a choice of A-D
(Canvas: the picture packed in the zip; GIFT: inside the question as a data URI).
"""

from __future__ import annotations

import base64
import html
import math
from dataclasses import replace

from lxml import etree
from pyproj import Geod
from shapely.geometry import Polygon, box

from coursekit.lms import choice, readback
from coursekit.lms import moodle as mx
from coursekit.lms import qti as qx
from coursekit.lms.context import Context
from coursekit.lms.markup import sub, to_html
from coursekit.quiz.model import Option, Question
from coursekit.quiz.types.locate import printed
from coursekit.quiz.types.locate.target import LETTERS, Locate

NAME, MOODLE, CANVAS = "locate", "ddmarker", "multiple_choice_question"
_GEOD = Geod(ellps="WGS84")
#: picture per question id and kind (``letters``), drawn once per process
_PICTURES: dict[tuple[str, bool], tuple[bytes, tuple[int, int], str, str]] = {}


def claims_moodle(element: etree._Element) -> bool:
    return True


def drop_zone(spec: Locate, fig) -> tuple[str, str]:
    """The target as Moodle's ``(shape, coords)`` in whole pixels of ``fig``'s PNG."""
    width, height = printed.size_px(fig)
    target = spec.target
    if target.kind == "place":
        lon, lat = target.geometry.x, target.geometry.y
        rim = [_GEOD.fwd(lon, lat, azimuth, target.tolerance_km * 1000)[:2]
               for azimuth in (0, 90, 180, 270)]  # fmt: skip
        (cx, cy), *edge = printed.to_pixels(fig, [(lon, lat), *rim])
        x, y = round(cx), round(cy)
        radius = math.floor(min(math.dist((cx, cy), p) for p in edge))
        radius = max(1, min(radius, x, y, width - x, height - y))  # Moodle: inside the picture
        return "circle", f"{x},{y};{radius}"
    inside = target.geometry.intersection(box(*spec.extent))
    polygon = max(getattr(inside, "geoms", [inside]), key=lambda g: g.area)
    corners = printed.to_pixels(fig, list(polygon.exterior.coords))
    outline = Polygon(corners).simplify(1.0)
    points: list[tuple[int, int]] = []
    for x, y in outline.exterior.coords[:-1]:
        point = (min(max(round(x), 0), width), min(max(round(y), 0), height))
        if not points or point != points[-1]:
            points.append(point)
    if points[0] == points[-1]:
        points.pop()
    return "polygon", ";".join(f"{x},{y}" for x, y in points)


def picture(question: Question, letters: bool) -> tuple[bytes, tuple[int, int], str, str]:
    """PNG, size, and Moodle's drop zone of the printed map (``letters``: lettered)."""
    key = (question.id, letters)
    if key not in _PICTURES:
        fig = printed.figure(question.answer, letters)
        zone = drop_zone(question.answer, fig)
        _PICTURES[key] = (printed.png_of(fig), printed.size_px(fig), *zone)
    return _PICTURES[key]


def moodle(question: Question, ctx: Context) -> etree._Element:
    spec: Locate = question.answer
    instruction = f"Drag the marker “{spec.target.name}” to where it lies on the map."
    element = mx.header(question, MOODLE, instruction)
    sub(element, "showmisplaced")
    mx.combined_feedback(element)
    data, _, shape, coords = picture(question, letters=False)
    sub(element, "file", base64.b64encode(data).decode("ascii"), name=f"{question.id}.png",
        encoding="base64")  # fmt: skip
    drag = sub(element, "drag")
    sub(drag, "no", "1")
    sub(drag, "text", spec.target.name)
    sub(drag, "noofdrags", "1")
    drop = sub(element, "drop")
    sub(drop, "no", "1")
    sub(drop, "shape", shape)
    sub(drop, "coords", coords)
    sub(drop, "choice", "1")
    return element


def read_moodle(element: etree._Element) -> Question:
    fields = mx.read_header(element)
    params = {
        "marker": element.findtext("drag/text"),
        "shape": element.findtext("drop/shape"),
        "coords": element.findtext("drop/coords"),
        "picture": base64.b64decode(element.findtext("file")),
    }
    return readback.question(fields, NAME, None, params=params)


def lettered(question: Question) -> Question:
    """The question as the printed form asks it: a choice of the letters A-D."""
    spec: Locate = question.answer
    return replace(question, answer=spec.answer_letter,
                   options=tuple(Option(letter) for letter in LETTERS))  # fmt: skip


def _figure_html(question: Question, src: str) -> str:
    alt = html.escape(printed.alt_text(question.answer))
    return f'<p><img src="{html.escape(src)}" alt="{alt}"/></p>' + to_html(
        printed.question(question.answer)
    )


def qti(question: Question, ctx: Context) -> etree._Element:
    path = ctx.add(f"images/{question.id}.png", picture(question, letters=True)[0])
    shown = _figure_html(question, qx.FILEBASE + path)
    right = [question.answer.answer_letter]
    return choice.qti(lettered(question), CANVAS, right, prompt_html=shown)


def _read(fields: dict, src: str) -> Question:
    (answer,) = fields["right"]
    params = {"picture": src, "asked": fields["prompt_rest"][-1]}
    return readback.question(fields, NAME, answer, options=fields["options"], params=params)


def read_qti(element: etree._Element) -> Question:
    fields = choice.read_qti(element)
    src = qx.find(element, "q:presentation/q:material/q:mattext")[0].text
    return _read(fields, src.split('src="', 1)[1].split('"', 1)[0])


def gift(question: Question) -> str:
    data = base64.b64encode(picture(question, letters=True)[0]).decode("ascii")
    shown = _figure_html(question, f"data:image/png;base64,{data}")
    return choice.gift(lettered(question), [question.answer.answer_letter], prompt_html=shown)

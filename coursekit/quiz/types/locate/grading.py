"""Grading a click: is it on the target, and if not, how far off (in km)?

A click is ``{"lat": 51.7, "lon": 36.2}`` or a ``(lat, lon)`` pair, in degrees. Anything
else is malformed: :func:`check` raises ``AnswerError`` with the shared message.
``script.js`` applies the same rules with the same messages in the web page.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from coursekit.quiz.rules import invalid, message
from coursekit.quiz.types.locate.target import Target


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def parse_click(click: Any) -> tuple[float, float]:
    """``(lat, lon)`` of a click; raises ``AnswerError`` if it is missing or malformed."""
    if click is None or click == "" or click == {}:
        raise invalid("locate_no_click")
    if isinstance(click, Mapping) and set(click) >= {"lat", "lon"}:
        lat, lon = click["lat"], click["lon"]
    elif isinstance(click, Sequence) and not isinstance(click, str) and len(click) == 2:
        lat, lon = click
    else:
        raise invalid("locate_not_point", value=click)
    if not (_is_number(lat) and _is_number(lon) and math.isfinite(lat) and math.isfinite(lon)):
        raise invalid("locate_not_point", value=click)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise invalid("locate_off_globe", lat=_text(lat), lon=_text(lon))
    return float(lat), float(lon)


def _text(number: float) -> str:
    """A number as JavaScript's ``String()`` writes it (``40``, ``12.5``)."""
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def whole_km(km: float) -> int:
    """Kilometres rounded half up, as ``Math.round`` does in the page."""
    return math.floor(km + 0.5)


def check(target: Target, click: Any) -> tuple[bool, list[str]]:
    """``(correct, [what the click missed by])`` for ``click`` against ``target``."""
    lat, lon = parse_click(click)
    right = target.counts(lat, lon)
    values = {"target": target.name, "km": whole_km(target.miss_km(lat, lon))}
    if target.kind == "place":
        values["tolerance"] = _text(target.tolerance_km)
    outcome = "right" if right else "wrong"
    return right, [message(f"locate_{target.kind}_{outcome}", **values)]

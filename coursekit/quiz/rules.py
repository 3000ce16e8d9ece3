"""The grading rules shared with the page's scripts: messages, numbers, rounding margin.

The shared ones live in ``messages.json`` beside this module, each type's own in its
folder (``types/<name>/messages.json``); :func:`rule_set` merges them, and the web page
embeds the merged set for ``assets/quiz.js`` and the types' scripts, so Python and
JavaScript say the same thing about the same answer.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any

from coursekit.quiz.model import AnswerError


@cache
def rule_set() -> dict[str, Any]:
    """The merged rule set ``{"messages": {...}, "rules": {...}}``: ``messages.json`` and
    every type's ``messages.json``; a name given twice is an error."""
    from coursekit.quiz.types import REGISTRY

    text = resources.files("coursekit.quiz").joinpath("messages.json").read_text("utf-8")
    merged = {k: v for k, v in json.loads(text).items() if k in ("messages", "rules")}
    for kind in REGISTRY.values():
        for part, entries in kind.messages.items():
            if part not in merged:
                continue
            twice = sorted(set(entries) & set(merged[part]))
            if twice:
                raise ValueError(f"{kind.file('messages.json')}: {part} {twice} already defined")
            merged[part] = {**merged[part], **entries}
    return merged


def message(name: str, **values: Any) -> str:
    """The message ``name`` with its ``{placeholders}`` filled in."""
    return rule_set()["messages"][name].format(**values)


def invalid(name: str, **values: Any) -> AnswerError:
    """The error for a malformed answer, carrying the message ``name``."""
    return AnswerError(message(name, **values))


def parse_number(value: Any) -> float:
    """A typed or given number, by the shared rule; raises :class:`AnswerError`."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise invalid("not_number", value=value)
    text = value.strip() if isinstance(value, str) else str(value)
    if isinstance(value, str):
        if not text:
            raise invalid("no_number")
        if not re.fullmatch(rule_set()["rules"]["number"], text):
            raise invalid("not_number", value=text)
    number = float(value)
    if not math.isfinite(number):
        raise invalid("not_number", value=text)
    return number


def close_enough(value: float, target: float, tolerance: float) -> bool:
    """Within ``tolerance`` of ``target``, allowing for rounding (the shared margin)."""
    margin = rule_set()["rules"]["relative_epsilon"] * max(1.0, abs(target))
    return abs(value - target) <= tolerance + margin

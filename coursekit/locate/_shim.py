"""Temporary: the quiz package's errors and messages until the new layout lands."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any


class AnswerError(ValueError):
    """An answer of the wrong kind."""


class RuleError(ValueError):
    """A question breaks a rule of its type."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field, self.problem = field, problem


@cache
def rule_set() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "messages.json").read_text("utf-8"))


def message(name: str, **values: Any) -> str:
    return rule_set()["messages"][name].format(**values)


def invalid(name: str, **values: Any) -> AnswerError:
    return AnswerError(message(name, **values))

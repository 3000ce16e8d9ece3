"""Questions read back from an export, in the course's model (for the round-trip tests)."""

from __future__ import annotations

from typing import Any

from coursekit.quiz.model import Question


def question(fields: dict[str, Any], type_: str, answer: Any, **more: Any) -> Question:
    """A :class:`Question` from the fields a reader found (``more``: options, tolerance,
    unit, params)."""
    return Question(
        id=fields["id"], type=type_, prompt=fields["prompt"], answer=answer,
        explanation=fields["explanation"], objective=fields["objective"],
        difficulty=fields["difficulty"], **more,
    )  # fmt: skip

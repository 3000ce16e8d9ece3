"""``locate``: the printed map with the letters A-D (a PNG inside the cell); the student
writes the letter, graded as a click on the lettered point."""

from __future__ import annotations

import base64
from typing import Any

from coursekit.nbgrader import letters
from coursekit.quiz.model import AnswerError, Question
from coursekit.quiz.types.locate.target import LETTERS, Locate
from coursekit.text import md_escape

HOW = 'one letter, for example "B"'


def shown(question: Question) -> list[str]:
    # imported here: the printed map needs matplotlib, which grading (the hidden tests) does not
    from coursekit.quiz.types.locate import printed

    spec: Locate = question.answer
    data = base64.b64encode(printed.png(spec)).decode("ascii")
    return [f"![{md_escape(printed.alt_text(spec))}](data:image/png;base64,{data})", "",
            printed.question(spec)]  # fmt: skip


def answer(question: Question, written: Any) -> Any:
    spec: Locate = question.answer
    chosen = letters.named(written, [s.id for s in spec.letters], LETTERS)
    if len(chosen) != 1:
        raise AnswerError("Write one letter only.")
    spot = next(s for s in spec.letters if s.id == chosen[0])
    return {"lat": spot.lat, "lon": spot.lon}


def right(question: Question) -> str:
    return question.answer.answer_letter


def wrong(question: Question) -> str:
    return next(letter for letter in LETTERS if letter != question.answer.answer_letter)

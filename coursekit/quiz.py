"""Quizzes: one bank per chapter, three renderings (Jupyter widget, web page, print).

A bank is ``data/quizzes/NN_name.yml`` (schema in ``CONTRIBUTING.md``). In a notebook:

- ``quiz.chapter_quiz("02_significance")`` shows the chapter's quiz: an ipywidgets UI in
  Jupyter, self-contained HTML and JavaScript in the web book, numbered questions in
  the PDF (the ``text/markdown`` form);
- ``quiz.objectives("02_significance")`` shows the chapter's learning objectives;
- ``quiz.answer_key()`` prints every bank with its answers and explanations.

Grading is :func:`grade`, shared by the widget; ``assets/quiz.js`` mirrors it in the page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from coursekit import data
from coursekit.data import DataError, require
from coursekit.text import md_escape

__all__ = [
    "AnswerError",
    "AnswerKey",
    "Bank",
    "Objectives",
    "Option",
    "Question",
    "Quiz",
    "Result",
    "answer_key",
    "chapter_quiz",
    "grade",
    "load_bank",
    "load_banks",
    "objectives",
]

TYPES = ("single", "multiple", "truefalse", "numeric", "ordering")
DIFFICULTIES = ("easy", "medium", "hard")
_BANK_FIELDS = {"chapter", "title", "objectives", "questions"}
_QUESTION_FIELDS = {
    "id", "type", "prompt", "options", "answer", "explanation",
    "objective", "difficulty", "tolerance", "unit",
}  # fmt: skip
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: XOR key for the answers shipped in the page: hides them from page text and search.
_KEY = b"coursekit-quiz"

# Messages shared with assets/quiz.js (keep the two in step).
MSG_CORRECT = "✓ Correct."
MSG_INCORRECT = "✗ Incorrect."
MSG_NO_CHOICE = "No answer yet: choose an option, then press Check."
MSG_NO_TICK = "No answer yet: tick at least one option, then press Check."
MSG_NO_TF = "No answer yet: choose True or False, then press Check."
MSG_NO_NUMBER = "No answer yet: type a number, then press Check."
MSG_NOT_NUMBER = (
    "“{value}” is not a number. Type digits only, with a point for decimals (for example 11.8)."
)
MSG_NO_POSITION = "Give every item a position: “{item}” has none."
MSG_TWICE = "Use each position once: position {position} is given to more than one item."


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Option:
    """A choice of a single or multiple question, with optional feedback."""

    text: str
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    """One validated question of a bank."""

    id: str
    type: str
    prompt: str
    answer: Any
    explanation: str
    objective: str
    difficulty: str
    options: tuple[Option, ...] = ()
    tolerance: float | None = None
    unit: str = ""

    @property
    def items(self) -> tuple[str, ...]:
        """Ordering: the items in the shuffled order they are shown in (stable per id)."""
        if self.type != "ordering":
            return ()
        items = list(self.answer)
        random.Random(hashlib.sha256(self.id.encode()).hexdigest()).shuffle(items)
        if items == list(self.answer):  # never show the solution as the starting order
            items = items[1:] + items[:1]
        return tuple(items)


@dataclass(frozen=True)
class Objective:
    """A learning objective of a chapter."""

    id: str
    text: str


@dataclass(frozen=True)
class Bank:
    """A validated quiz bank (one chapter)."""

    file: str
    chapter: str
    title: str
    objectives: tuple[Objective, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Result:
    """The outcome of :func:`grade`.

    ``valid`` is False when the answer could not be graded (nothing chosen, text in a
    number box...); then ``message`` says what to do and ``correct`` is False.
    """

    correct: bool
    message: str
    explanation: str = ""
    feedback: tuple[str, ...] = ()
    valid: bool = True

    @property
    def text(self) -> str:
        """Everything the reader is told, as plain text."""
        return "\n".join(p for p in (self.message, self.explanation, *self.feedback) if p)


class AnswerError(ValueError):
    """An answer of the wrong kind (not a number, an option not offered...)."""


# --------------------------------------------------------------------------- validation


def _str_field(raw: Mapping, name: str, file: str, item: str | None) -> str:
    value = require(raw, name, str, file, item)
    if not value.strip():
        raise DataError(file, "is empty", item=item, field=name)
    return value.strip()


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _options(raw: Mapping, file: str, qid: str) -> tuple[Option, ...]:
    options = require(raw, "options", list, file, qid)
    if len(options) < 2:
        raise DataError(file, "needs at least 2 options", item=qid, field="options")
    result: list[Option] = []
    for number, entry in enumerate(options, start=1):
        where = f"options[{number}]"
        if isinstance(entry, str):
            entry = {"text": entry}
        if not isinstance(entry, dict):
            raise DataError(
                file,
                f"{where} must be a string or a mapping with 'text'",
                item=qid,
                field="options",
            )
        extra = set(entry) - {"text", "feedback"}
        if extra:
            raise DataError(
                file,
                f"{where} has unknown keys {sorted(extra)}; use text and feedback",
                item=qid,
                field="options",
            )
        text = entry.get("text")
        if not isinstance(text, str) or not text.strip():
            raise DataError(file, f"{where} needs a non-empty 'text'", item=qid, field="options")
        feedback = entry.get("feedback", "") or ""
        if not isinstance(feedback, str):
            raise DataError(file, f"{where}: feedback must be text", item=qid, field="options")
        result.append(Option(text.strip(), feedback.strip()))
    texts = [o.text for o in result]
    for text in texts:
        if texts.count(text) > 1:
            raise DataError(file, f"option {text!r} appears twice", item=qid, field="options")
    return tuple(result)


def _question(raw: Any, file: str, objective_ids: Sequence[str], number: int) -> Question:
    label = f"questions[{number}]"
    if not isinstance(raw, dict):
        raise DataError(file, f"expected a mapping, got {type(raw).__name__}", item=label)
    qid = _str_field(raw, "id", file, label)

    def bad(field: str, problem: str) -> DataError:
        """The error for this question's ``field``: names the file, the question and the field."""
        return DataError(file, problem, item=qid, field=field)

    extra = set(raw) - _QUESTION_FIELDS
    if extra:
        raise bad(
            sorted(extra)[0],
            f"unknown field(s) {sorted(extra)}; allowed: {sorted(_QUESTION_FIELDS)}",
        )
    qtype = _str_field(raw, "type", file, qid)
    if qtype not in TYPES:
        raise bad("type", f"unknown type {qtype!r}; use one of {', '.join(TYPES)}")
    prompt = _str_field(raw, "prompt", file, qid)
    explanation = _str_field(raw, "explanation", file, qid)
    objective = _str_field(raw, "objective", file, qid)
    if objective not in objective_ids:
        raise bad(
            "objective",
            f"objective {objective!r} is not one of the file's objectives "
            f"({', '.join(objective_ids)})",
        )
    difficulty = _str_field(raw, "difficulty", file, qid)
    if difficulty not in DIFFICULTIES:
        raise bad(
            "difficulty", f"unknown difficulty {difficulty!r}; use one of {', '.join(DIFFICULTIES)}"
        )
    if qtype != "numeric":
        for name in ("tolerance", "unit"):
            if name in raw:
                raise bad(name, f"only numeric questions take a {name} (this one is {qtype})")
    if qtype in ("truefalse", "ordering") and "options" in raw:
        raise bad(
            "options",
            f"{qtype} questions take no options (put the items in 'answer')"
            if qtype == "ordering"
            else "truefalse questions take no options",
        )
    if "answer" not in raw or raw["answer"] is None or raw["answer"] == "":
        raise bad("answer", "is missing")
    answer = raw["answer"]
    common = {
        "id": qid, "type": qtype, "prompt": prompt, "explanation": explanation,
        "objective": objective, "difficulty": difficulty,
    }  # fmt: skip

    if qtype in ("single", "multiple"):
        options = _options(raw, file, qid)
        texts = [o.text for o in options]
        if qtype == "single":
            if not isinstance(answer, str):
                raise bad(
                    "answer", f"a single question's answer is one option's text, got {answer!r}"
                )
            if answer.strip() not in texts:
                raise bad("answer", f"answer {answer!r} is not among the options")
            return Question(**common, answer=answer.strip(), options=options)
        if not isinstance(answer, list) or not answer:
            raise bad("answer", "a multiple question's answer is a non-empty list of option texts")
        chosen: list[str] = []
        for entry in answer:
            text = entry.strip() if isinstance(entry, str) else entry
            if text not in texts:
                raise bad("answer", f"answer {entry!r} is not among the options")
            if text in chosen:
                raise bad("answer", f"answer {entry!r} is listed twice")
            chosen.append(text)
        return Question(**common, answer=tuple(chosen), options=options)

    if qtype == "truefalse":
        if not isinstance(answer, bool):
            raise bad("answer", f"a truefalse answer is true or false, got {answer!r}")
        return Question(**common, answer=answer)

    if qtype == "numeric":
        if not _is_number(answer):
            raise bad("answer", f"answer must be a number, got {answer!r}")
        if "tolerance" not in raw or raw["tolerance"] is None:
            raise bad("tolerance", "is missing (use 0 for an exact answer)")
        tolerance = raw["tolerance"]
        if not _is_number(tolerance) or tolerance < 0:
            raise bad("tolerance", f"tolerance must be a number >= 0, got {tolerance!r}")
        unit = raw.get("unit", "") or ""
        if not isinstance(unit, str):
            raise bad("unit", f"unit must be text, got {unit!r}")
        return Question(**common, answer=answer, tolerance=float(tolerance), unit=unit.strip())

    # ordering
    if not isinstance(answer, list) or not all(isinstance(a, str) and a.strip() for a in answer):
        raise bad("answer", "an ordering answer is the list of items in the correct order")
    items = [a.strip() for a in answer]
    if len(items) < 3:
        raise bad("answer", f"ordering needs at least 3 items, got {len(items)}")
    for item in items:
        if items.count(item) > 1:
            raise bad("answer", f"item {item!r} appears twice")
    return Question(**common, answer=tuple(items))


def _chapter_of(file: str) -> str:
    return Path(file).stem


@data.validator("quiz", "quizzes/*.yml")
def validate(raw: Any, file: str) -> Bank:
    """Check a quiz bank (the schema in CONTRIBUTING.md) and return it as a :class:`Bank`."""
    if not isinstance(raw, dict):
        raise DataError(file, f"expected a mapping at the top, got {type(raw).__name__}")
    extra = set(raw) - _BANK_FIELDS
    if extra:
        raise DataError(
            file,
            f"unknown top-level field(s) {sorted(extra)}; allowed: {sorted(_BANK_FIELDS)}",
            field=sorted(extra)[0],
        )
    chapter = _str_field(raw, "chapter", file, None)
    if chapter != _chapter_of(file):
        raise DataError(
            file,
            f"chapter {chapter!r} does not match the file name {_chapter_of(file)!r}",
            field="chapter",
        )
    title = _str_field(raw, "title", file, None)
    raw_objectives = require(raw, "objectives", list, file, None)
    objectives: list[Objective] = []
    for number, entry in enumerate(raw_objectives, start=1):
        label = f"objectives[{number}]"
        oid = _str_field(entry, "id", file, label)
        if oid in [o.id for o in objectives]:
            raise DataError(file, f"objective id {oid!r} is used twice", item=oid, field="id")
        objectives.append(Objective(oid, _str_field(entry, "text", file, oid)))
    if not objectives:
        raise DataError(file, "needs at least one objective", field="objectives")
    raw_questions = require(raw, "questions", list, file, None)
    questions: list[Question] = []
    ids = [o.id for o in objectives]
    for number, entry in enumerate(raw_questions, start=1):
        question = _question(entry, file, ids, number)
        if question.id in [q.id for q in questions]:
            raise DataError(file, "duplicate question id", item=question.id, field="id")
        questions.append(question)
    if not questions:
        raise DataError(file, "needs at least one question", field="questions")
    return Bank(file, chapter, title, tuple(objectives), tuple(questions))


def load_bank(chapter_id: str) -> Bank:
    """The validated bank ``data/quizzes/<chapter_id>.yml``."""
    return data.load(f"quizzes/{chapter_id}.yml")


def load_banks() -> list[Bank]:
    """Every bank in ``data/quizzes``, in chapter (file-name) order; ids unique across all."""
    banks = [data.load(f"quizzes/{p.name}") for p in sorted(_bank_paths())]
    seen: dict[str, str] = {}
    for bank in banks:
        for question in bank.questions:
            if question.id in seen:
                raise DataError(
                    bank.file,
                    f"duplicate question id: also used in {seen[question.id]}",
                    item=question.id,
                    field="id",
                )
            seen[question.id] = bank.file
    return banks


def _bank_paths() -> list[Path]:
    return list((data.data_dir() / "quizzes").glob("*.yml"))


# --------------------------------------------------------------------------- grading


def _parse_number(value: Any) -> float:
    if isinstance(value, bool):
        raise AnswerError(MSG_NOT_NUMBER.format(value=str(value)))
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise AnswerError(MSG_NO_NUMBER)
        if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text):
            raise AnswerError(MSG_NOT_NUMBER.format(value=text))
        number = float(text)
    else:
        raise AnswerError(MSG_NOT_NUMBER.format(value=str(value)))
    if not math.isfinite(number):
        raise AnswerError(MSG_NOT_NUMBER.format(value=str(value)))
    return number


def _ordering(question: Question, answer: Any) -> list[str]:
    """Normalise an ordering answer: a list in order, or a mapping item -> position (1-based)."""
    items = list(question.answer)
    if isinstance(answer, Mapping):
        positions: dict[int, str] = {}
        for item in question.items:
            position = answer.get(item)
            if position is None or position == "":
                raise AnswerError(MSG_NO_POSITION.format(item=item))
            try:
                position = int(position)
            except (TypeError, ValueError):
                raise AnswerError(
                    f"Position {position!r} is not a whole number from 1 to {len(items)}."
                ) from None
            if not 1 <= position <= len(items):
                raise AnswerError(f"Positions go from 1 to {len(items)}; {position} is not one.")
            if position in positions:
                raise AnswerError(MSG_TWICE.format(position=position))
            positions[position] = item
        unknown = set(answer) - set(items)
        if unknown:
            raise AnswerError(f"{sorted(map(str, unknown))[0]!r} is not one of the items.")
        return [positions[p] for p in sorted(positions)]
    if isinstance(answer, str) or not isinstance(answer, Sequence):
        raise AnswerError("Give the items as a list, in order.")
    order = list(answer)
    for entry in order:
        if entry not in items:
            raise AnswerError(f"{entry!r} is not one of the items.")
        if order.count(entry) > 1:
            raise AnswerError(f"{entry!r} is placed twice; use each item once.")
    for item in question.items:
        if item not in order:
            raise AnswerError(MSG_NO_POSITION.format(item=item))
    return order


def _check(question: Question, answer: Any) -> tuple[bool, tuple[str, ...]]:
    """``(correct, per-option feedback)``; raises :class:`AnswerError` on a malformed answer."""
    texts = [o.text for o in question.options]
    by_text = {o.text: o for o in question.options}
    if question.type == "single":
        if answer is None or answer == "":
            raise AnswerError(MSG_NO_CHOICE)
        if answer not in texts:
            raise AnswerError(f"{answer!r} is not one of the options offered.")
        feedback = (by_text[answer].feedback,) if by_text[answer].feedback else ()
        return answer == question.answer, feedback
    if question.type == "multiple":
        if answer is None or isinstance(answer, str) or not isinstance(answer, Sequence | set):
            if isinstance(answer, str) and answer:
                answer = [answer]
            else:
                raise AnswerError(MSG_NO_TICK)
        chosen = list(answer)
        if not chosen:
            raise AnswerError(MSG_NO_TICK)
        for entry in chosen:
            if entry not in texts:
                raise AnswerError(f"{entry!r} is not one of the options offered.")
        feedback = tuple(by_text[t].feedback for t in texts if t in chosen and by_text[t].feedback)
        return set(chosen) == set(question.answer), feedback
    if question.type == "truefalse":
        if isinstance(answer, str) and answer.strip().lower() in ("true", "false"):
            answer = answer.strip().lower() == "true"
        if answer is None:
            raise AnswerError(MSG_NO_TF)
        if not isinstance(answer, bool):
            raise AnswerError(f"Answer True or False, not {answer!r}.")
        return answer == question.answer, ()
    if question.type == "numeric":
        if answer is None:
            raise AnswerError(MSG_NO_NUMBER)
        number = _parse_number(answer)
        tolerance = question.tolerance or 0.0
        return abs(number - question.answer) <= tolerance + 1e-9 * max(
            1.0, abs(question.answer)
        ), ()
    if answer is None:
        raise AnswerError(MSG_NO_POSITION.format(item=question.items[0]))
    return _ordering(question, answer) == list(question.answer), ()


def grade(question: Question, answer: Any) -> Result:
    """Grade ``answer`` to ``question``; a malformed answer gives ``Result(valid=False)``.

    Answers: single, an option's text; multiple, a list of option texts; truefalse, a
    bool; numeric, a number or the text typed; ordering, the items in order or a mapping
    item -> position (1-based).
    """
    try:
        correct, feedback = _check(question, answer)
    except AnswerError as exc:
        return Result(False, str(exc), valid=False)
    return Result(
        correct, MSG_CORRECT if correct else MSG_INCORRECT, question.explanation, feedback
    )


# --------------------------------------------------------------------------- text forms


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _kind_hint(question: Question, printed: bool = False) -> str:
    return {
        "single": "Choose one.",
        "multiple": "Choose all that apply.",
        "truefalse": "True or false?",
        "numeric": "Give a number.",
        "ordering": "Write the letters in order." if printed else "Give each item its position.",
    }[question.type]


def _answer_text(question: Question) -> str:
    """The correct answer in words (letters match the printed quiz)."""
    texts = [o.text for o in question.options]
    if question.type == "single":
        return f"{_LETTERS[texts.index(question.answer)]}) {question.answer}"
    if question.type == "multiple":
        return "; ".join(f"{_LETTERS[i]}) {t}" for i, t in enumerate(texts) if t in question.answer)
    if question.type == "truefalse":
        return "True" if question.answer else "False"
    if question.type == "numeric":
        unit = f" {question.unit}" if question.unit else ""
        text = f"{_number(question.answer)}{unit}"
        if question.tolerance:
            low, high = question.answer - question.tolerance, question.answer + question.tolerance
            text += f" (accepted: {_number(low)} to {_number(high)}{unit})"
        return text
    shown = list(question.items)
    return "; ".join(f"{_LETTERS[shown.index(i)]}) {i}" for i in question.answer)


def _markdown(bank: Bank) -> str:
    lines = [f"**{md_escape(bank.title)}**", ""]
    for number, question in enumerate(bank.questions, start=1):
        lines += [f"{number}. {md_escape(question.prompt)} *{_kind_hint(question, True)}*", ""]
        if question.type in ("single", "multiple"):
            lines += [
                f"   - {_LETTERS[i]}) {md_escape(o.text)}" for i, o in enumerate(question.options)
            ]
        elif question.type == "truefalse":
            lines += ["   - True", "   - False"]
        elif question.type == "numeric":
            unit = f" {md_escape(question.unit)}" if question.unit else ""
            lines += [f"   Answer: \\_\\_\\_\\_\\_\\_\\_\\_{unit}"]
        else:
            lines += [
                f"   - {_LETTERS[i]}) {md_escape(item)}" for i, item in enumerate(question.items)
            ]
            lines += ["", "   Order (letters): \\_\\_\\_\\_\\_\\_\\_\\_"]
        lines.append("")
    lines.append("Answers: see the answer key at the end of the book.")
    return "\n".join(lines) + "\n"


def _plain(bank: Bank) -> str:
    return f"Quiz: {bank.title} ({len(bank.questions)} questions)"


# --------------------------------------------------------------------------- web form


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "quiz"


def _encode(payload: Any) -> str:
    raw = json.dumps(payload, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    mixed = bytes(b ^ _KEY[i % len(_KEY)] for i, b in enumerate(raw))
    return base64.b64encode(mixed).decode("ascii")


def decode(blob: str) -> Any:
    """Inverse of the page encoding (for tests and debugging)."""
    mixed = base64.b64decode(blob)
    return json.loads(bytes(b ^ _KEY[i % len(_KEY)] for i, b in enumerate(mixed)).decode("ascii"))


def _asset(name: str) -> str:
    return resources.files("coursekit").joinpath("assets", name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """Text safe inside a ``<script>``/``<style>`` element (no closing tag, no comment open)."""
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


_RENDER_COUNT: dict[str, int] = {}


def _html_id(chapter: str) -> str:
    base = f"ck-quiz-{_slug(chapter)}"
    count = _RENDER_COUNT.get(base, 0)
    _RENDER_COUNT[base] = count + 1
    return base if count == 0 else f"{base}-{count + 1}"


def _solution(question: Question) -> dict[str, Any]:
    """The encoded part of a question: answer (by index), explanation, feedback."""
    entry: dict[str, Any] = {"e": question.explanation}
    texts = [o.text for o in question.options]
    if question.type == "single":
        entry["a"] = texts.index(question.answer)
    elif question.type == "multiple":
        entry["a"] = [i for i, t in enumerate(texts) if t in question.answer]
    elif question.type == "truefalse":
        entry["a"] = bool(question.answer)
    elif question.type == "numeric":
        entry["a"], entry["t"] = question.answer, question.tolerance or 0.0
    else:  # the correct position (1-based) of each shown item
        entry["a"] = [question.answer.index(item) + 1 for item in question.items]
    if question.options:
        entry["f"] = [o.feedback for o in question.options]
    return entry


def _question_html(question: Question, number: int, qid: str) -> str:
    esc = html.escape
    parts = [
        f'<div class="ck-question" id="{qid}" data-qid="{esc(question.id)}" '
        f'data-qtype="{question.type}">',
        f'<fieldset><legend><span class="ck-num">{number}.</span> {esc(question.prompt)} '
        f'<span class="ck-hint">{esc(_kind_hint(question))}</span></legend>',
    ]
    if question.type in ("single", "multiple", "truefalse"):
        kind = "checkbox" if question.type == "multiple" else "radio"
        choices = (
            [("true", "True"), ("false", "False")]
            if question.type == "truefalse"
            else [(str(i), o.text) for i, o in enumerate(question.options)]
        )
        parts.append('<div class="ck-options">')
        for value, text in choices:
            parts.append(
                f'<label class="ck-option"><input type="{kind}" name="{qid}-in" '
                f'value="{value}"> <span>{esc(text)}</span></label>'
            )
        parts.append("</div>")
    elif question.type == "numeric":
        unit = f' <span class="ck-unit">{esc(question.unit)}</span>' if question.unit else ""
        parts.append(
            f'<label class="ck-number-label" for="{qid}-in">Your answer</label> '
            f'<input class="ck-number" type="text" inputmode="decimal" autocomplete="off" '
            f'id="{qid}-in" name="{qid}-in">{unit}'
        )
    else:
        size = len(question.items)
        parts.append('<p class="ck-hint">Position 1 is the first.</p><ul class="ck-items">')
        for index, item in enumerate(question.items):
            options = "".join(f'<option value="{p}">{p}</option>' for p in range(1, size + 1))
            parts.append(
                f'<li class="ck-item"><select class="ck-pos" id="{qid}-p{index}" '
                f'aria-label="Position of: {esc(item)}"><option value="">–</option>{options}'
                f'</select> <label for="{qid}-p{index}">{esc(item)}</label></li>'
            )
        parts.append("</ul>")
    parts += [
        "</fieldset>",
        '<div class="ck-actions"><button type="button" class="ck-check">Check</button> '
        '<button type="button" class="ck-retry" hidden>Try again</button></div>',
        '<div class="ck-feedback" role="status" aria-live="polite"></div>',
        "</div>",
    ]
    return "".join(parts)


def _html(bank: Bank) -> str:
    quiz_id = _html_id(bank.chapter)
    blob = _encode([_solution(q) for q in bank.questions])
    questions = "\n".join(
        _question_html(q, n, f"{quiz_id}-q{n}") for n, q in enumerate(bank.questions, start=1)
    )
    total = len(bank.questions)
    return (
        f'<div class="ck-quiz" id="{quiz_id}" data-chapter="{html.escape(bank.chapter)}" '
        f'data-ck-key="{blob}">\n'
        f"<style>{_script_safe(_asset('quiz.css'))}</style>\n"
        f'<p class="ck-title"><strong>{html.escape(bank.title)}</strong></p>\n'
        f"{questions}\n"
        f'<p class="ck-score">Score: 0 / {total}</p>\n'
        "<noscript><p>This quiz needs JavaScript. The printed quizzes and the answer key "
        "are at the end of the book.</p></noscript>\n"
        "</div>\n"
        f"<script>{_script_safe(_asset('quiz.js'))}</script>\n"
    )


# --------------------------------------------------------------------------- widget


class QuestionWidget(widgets.VBox):
    """One question in Jupyter: input, Check, Try again and feedback."""

    def __init__(self, question: Question, number: int, on_change: Callable[[], None]) -> None:
        self.question, self.result = question, None
        self._on_change = on_change
        self.prompt = widgets.HTML(
            f"<b>{number}.</b> {html.escape(question.prompt)} <i>{_kind_hint(question)}</i>"
        )
        self.inputs: list[widgets.Widget] = self._make_inputs()
        self.check_button = widgets.Button(description="Check", tooltip="Check your answer")
        self.retry_button = widgets.Button(description="Try again", tooltip="Clear and retry")
        self.retry_button.layout.display = "none"
        self.feedback = widgets.HTML("")
        self.check_button.on_click(lambda _button: self.check())
        self.retry_button.on_click(lambda _button: self.retry())
        super().__init__(
            [
                self.prompt,
                *self.inputs,
                widgets.HBox([self.check_button, self.retry_button]),
                self.feedback,
            ],
            layout=widgets.Layout(margin="0 0 1em 0"),
        )

    def _make_inputs(self) -> list[widgets.Widget]:
        q = self.question
        wide = {"description_width": "initial"}
        if q.type == "single":
            return [
                widgets.RadioButtons(
                    options=[o.text for o in q.options],
                    value=None,
                    layout=widgets.Layout(width="auto"),
                )
            ]
        if q.type == "multiple":
            return [
                widgets.Checkbox(value=False, description=o.text, indent=False) for o in q.options
            ]
        if q.type == "truefalse":
            return [widgets.ToggleButtons(options=[("True", True), ("False", False)], value=None)]
        if q.type == "numeric":
            return [
                widgets.Text(
                    value="",
                    description=f"Answer{f' ({q.unit})' if q.unit else ''}",
                    placeholder="a number, e.g. 11.8",
                    style=wide,
                )
            ]
        choices = [("–", None)] + [(str(p), p) for p in range(1, len(q.items) + 1)]
        return [
            widgets.Dropdown(options=choices, value=None, description=item, style=wide)
            for item in q.items
        ]

    # -- state -------------------------------------------------------------
    @property
    def answer(self) -> Any:
        """The answer as currently entered, in the form :func:`grade` takes."""
        q = self.question
        if q.type in ("single", "truefalse"):
            return self.inputs[0].value
        if q.type == "multiple":
            return [box.description for box in self.inputs if box.value]
        if q.type == "numeric":
            return self.inputs[0].value
        return {box.description: box.value for box in self.inputs}

    def select(self, value: Any) -> None:
        """Enter an answer programmatically (the same forms as :func:`grade` takes)."""
        q = self.question
        try:
            if q.type == "single":
                if value is not None and value not in [o.text for o in q.options]:
                    raise AnswerError(f"{value!r} is not one of the options offered.")
                self.inputs[0].value = value
            elif q.type == "multiple":
                chosen = [value] if isinstance(value, str) else list(value or [])
                for entry in chosen:
                    if entry not in [o.text for o in q.options]:
                        raise AnswerError(f"{entry!r} is not one of the options offered.")
                for box in self.inputs:
                    box.value = box.description in chosen
            elif q.type == "truefalse":
                if value is not None and not isinstance(value, bool):
                    raise AnswerError(f"Answer True or False, not {value!r}.")
                self.inputs[0].value = value
            elif q.type == "numeric":
                self.inputs[0].value = "" if value is None else str(value)
            else:
                positions = (
                    dict(value)
                    if isinstance(value, Mapping)
                    else {item: n for n, item in enumerate(value or [], start=1)}
                )
                for box in self.inputs:
                    position = positions.get(box.description)
                    box.value = position if position in range(1, len(self.inputs) + 1) else None
        except AnswerError:
            raise
        except Exception as exc:  # a trait error from a widget: say it plainly
            raise AnswerError(f"Cannot enter {value!r} for this question: {exc}") from None

    def check(self) -> Result:
        """Grade the current answer and show the feedback."""
        self.result = grade(self.question, self.answer)
        self.feedback.value = self._feedback_html(self.result)
        self.retry_button.layout.display = "" if self.result.valid else "none"
        self._on_change()
        return self.result

    def retry(self) -> None:
        """Clear the answer and the feedback."""
        self.select(None)
        self.result = None
        self.feedback.value = ""
        self.retry_button.layout.display = "none"
        self._on_change()

    @property
    def correct(self) -> bool:
        return bool(self.result and self.result.correct)

    @property
    def feedback_text(self) -> str:
        """The feedback shown, as plain text ("" before Check)."""
        return self.result.text if self.result else ""

    @staticmethod
    def _feedback_html(result: Result) -> str:
        colour = "#1b5e20" if result.correct else ("#b71c1c" if result.valid else "#5d4037")
        parts = [f'<div style="color:{colour}"><b>{html.escape(result.message)}</b></div>']
        if result.explanation:
            parts.append(f"<div>{html.escape(result.explanation)}</div>")
        parts += [f"<div><i>{html.escape(text)}</i></div>" for text in result.feedback]
        return "".join(parts)


class Quiz(widgets.VBox):
    """A chapter's quiz: an ipywidgets UI that also renders as web HTML and print Markdown."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.title = widgets.HTML(f"<b>{html.escape(bank.title)}</b>")
        self.questions = [
            QuestionWidget(q, n, self._update_score) for n, q in enumerate(bank.questions, 1)
        ]
        self.score_label = widgets.Label(self.score_text)
        super().__init__([self.title, *self.questions, self.score_label])

    @property
    def score(self) -> int:
        """How many questions were answered correctly at their last Check."""
        return sum(q.correct for q in self.questions)

    @property
    def score_text(self) -> str:
        return f"Score: {self.score} / {len(self.bank.questions)}"

    def _update_score(self) -> None:
        self.score_label.value = self.score_text

    def to_html(self) -> str:
        """Self-contained HTML and JavaScript for the web book."""
        return _html(self.bank)

    def to_markdown(self) -> str:
        """The print form (MyST Markdown, no HTML)."""
        return _markdown(self.bank)

    def __repr__(self) -> str:
        return _plain(self.bank)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(super()._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = _plain(self.bank)
        bundle["text/html"] = self.to_html()
        bundle["text/markdown"] = self.to_markdown()
        return bundle


def chapter_quiz(chapter_id: str) -> Quiz:
    """The quiz of ``data/quizzes/<chapter_id>.yml``."""
    return Quiz(load_bank(chapter_id))


# --------------------------------------------------------------------------- documents


@dataclass
class _Document:
    """Display object with Markdown, HTML and plain-text forms."""

    markdown: str
    html: str
    plain: str

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, str]:
        return {"text/markdown": self.markdown, "text/html": self.html, "text/plain": self.plain}

    def __repr__(self) -> str:
        return self.plain


class Objectives(_Document):
    """A chapter's learning objectives as a bullet list."""


class AnswerKey(_Document):
    """Every bank's questions with answers and explanations."""


def objectives(chapter_id: str) -> Objectives:
    """The learning objectives of ``chapter_id`` (from its quiz bank)."""
    bank = load_bank(chapter_id)
    intro = "By the end of this chapter you should be able to:"
    return Objectives(
        markdown="\n".join([intro, ""] + [f"- {md_escape(o.text)}" for o in bank.objectives])
        + "\n",
        html=f"<p>{intro}</p><ul>"
        + "".join(f"<li>{html.escape(o.text)}</li>" for o in bank.objectives)
        + "</ul>",
        plain="\n".join([intro] + [f"- {o.text}" for o in bank.objectives]),
    )


def _chapter_label(chapter: str) -> str:
    """``"03_history"`` -> ``"Chapter 3"``; an id without a number is shown as it is."""
    number = chapter.split("_", 1)[0]
    return f"Chapter {int(number)}" if number.isdigit() else chapter


def answer_key() -> AnswerKey:
    """The answers to every quiz, in chapter order (letters match the printed quizzes)."""
    md: list[str] = []
    out: list[str] = []
    plain: list[str] = []
    for bank in load_banks():
        heading = f"{_chapter_label(bank.chapter)}. {bank.title}"
        md += [f"**{md_escape(heading)}**", ""]
        out.append(f"<p><strong>{html.escape(heading)}</strong></p><ol>")
        plain.append(heading)
        for number, q in enumerate(bank.questions, start=1):
            answer = _answer_text(q)
            md += [
                f"{number}. {md_escape(q.prompt)}",
                "",
                f"   Answer: **{md_escape(answer)}**. {md_escape(q.explanation)}",
                "",
            ]
            out.append(
                f"<li><p>{html.escape(q.prompt)}</p><p>Answer: <strong>"
                f"{html.escape(answer)}</strong>. {html.escape(q.explanation)}</p></li>"
            )
            plain.append(f"{number}. {q.prompt}\n   Answer: {answer}. {q.explanation}")
        out.append("</ol>")
    if not plain:
        md, out, plain = ["No quizzes yet."], ["<p>No quizzes yet.</p>"], ["No quizzes yet."]
    return AnswerKey(markdown="\n".join(md) + "\n", html="".join(out), plain="\n".join(plain))

"""Quiz banks: load ``data/quizzes/<chapter>.yml`` into the model, checking every rule.

The shape of a bank is checked against its JSON Schema (:mod:`coursekit.quiz.schema`);
here follow the rules that span fields: the chapter is the file's name, each question's
objective is one of the bank's objectives, ids are unique within a bank and across banks,
options appear once, and each type's own rules (its ``parse``: the answer among the
options...). Importing this module does not import ipywidgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coursekit import data
from coursekit.course import CHAPTERS
from coursekit.data import DataError
from coursekit.quiz import schema
from coursekit.quiz.model import Bank, Objective, Option, Question, RuleError
from coursekit.quiz.types import get_type

#: Question fields every type has; the others are the type's own.
_COMMON = ("id", "type", "prompt", "answer", "explanation", "objective", "difficulty")
_BUILT_IN = ("options", "tolerance", "unit")


def _options(raw: list | None) -> tuple[Option, ...]:
    result = []
    for entry in raw or ():
        entry = {"text": entry} if isinstance(entry, str) else entry
        result.append(Option(entry["text"].strip(), (entry.get("feedback") or "").strip()))
    texts = [o.text for o in result]
    for text in texts:
        if texts.count(text) > 1:
            raise RuleError("options", f"option {text!r} appears twice")
    return tuple(result)


def _question(raw: dict[str, Any], objective_ids: list[str]) -> Question:
    """One question (already shaped by the schema); raises :class:`RuleError`."""
    common = {name: raw[name].strip() if name != "answer" else raw.get(name) for name in _COMMON}
    if common["objective"] not in objective_ids:
        raise RuleError(
            "objective",
            f"objective {common['objective']!r} is not one of the file's objectives "
            f"({', '.join(objective_ids)})",
        )
    params = {k: v for k, v in raw.items() if k not in _COMMON and k not in _BUILT_IN}
    question = Question(
        **common,
        options=_options(raw.get("options")),
        tolerance=raw.get("tolerance"),
        unit=(raw.get("unit") or "").strip(),
        params=params,
    )
    return get_type(question.type).parse(question)


@data.validator("quiz", "quizzes/*.yml")
def validate(raw: Any, file: str) -> Bank:
    """Check a quiz bank (schema, then cross-field rules) and return it as a :class:`Bank`."""
    schema.check(raw, file)
    chapter = raw["chapter"].strip()
    if chapter != Path(file).stem:
        raise DataError(
            file,
            f"chapter {chapter!r} does not match the file name {Path(file).stem!r}",
            field="chapter",
        )
    objectives: list[Objective] = []
    for entry in raw["objectives"]:
        oid = entry["id"].strip()
        if oid in [o.id for o in objectives]:
            raise DataError(file, f"objective id {oid!r} is used twice", item=oid, field="id")
        objectives.append(Objective(oid, entry["text"].strip()))
    questions: list[Question] = []
    for entry in raw["questions"]:
        qid = entry["id"].strip()
        try:
            question = _question(entry, [o.id for o in objectives])
        except RuleError as exc:
            raise DataError(file, exc.problem, item=qid, field=exc.field) from None
        if qid in [q.id for q in questions]:
            raise DataError(file, "duplicate question id", item=qid, field="id")
        questions.append(question)
    return Bank(file, chapter, raw["title"].strip(), tuple(objectives), tuple(questions))


def load_bank(chapter_id: str) -> Bank:
    """The validated bank ``data/quizzes/<chapter_id>.yml``."""
    return data.load(f"quizzes/{chapter_id}.yml")


def load_banks() -> list[Bank]:
    """Every bank in ``data/quizzes``, in chapter (file-name) order; ids unique across all."""
    paths = sorted((data.data_dir() / "quizzes").glob("*.yml"))
    banks = [data.load(f"quizzes/{p.name}") for p in paths]
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


def chapter_banks() -> list[Bank]:
    """The bank of every chapter in :data:`coursekit.course.CHAPTERS`, in book order."""
    banks = {bank.chapter: bank for bank in load_banks()}
    return [banks[chapter] if chapter in banks else load_bank(chapter) for chapter in CHAPTERS]

"""One chapter's bank as an nbgrader source notebook.

Per item: a locked Markdown cell (the prompt and what the type shows: lettered options,
the printed map), an answer cell (``answer_<n> = ("...")``: the solution, which
``nbgrader generate_assignment`` replaces with ``""``) and a locked test cell worth the
item's points whose whole body is a hidden test: the released notebook carries neither
the answer nor the explanation; both come with the feedback.
"""

from __future__ import annotations

import json
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursekit.data import DataError
from coursekit.nbgrader import types
from coursekit.quiz.model import Bank, Question
from coursekit.quiz.printed import chapter_label
from coursekit.text import md_escape

#: points of an item, by its difficulty
POINTS = {"easy": 1, "medium": 2, "hard": 3}

INTRO = (
    "Answer each question in the cell below it: write your answer between the quotes "
    '(for example `"b"`), then run the cell (Shift+Enter). You do not need to know any '
    "Python: change only what is between the quotes. When you have answered every "
    "question, save the notebook and submit it. Whether each answer is right, and why, "
    "comes with your feedback after grading."
)


def _meta(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = False,
          points: int | None = None) -> dict[str, Any]:  # fmt: skip
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}  # fmt: skip
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def points(bank: Bank, item: Question) -> int:
    """The item's points (by difficulty); a ``DataError`` for an unknown difficulty."""
    if item.difficulty not in POINTS:
        raise DataError(bank.file, f"no points for difficulty {item.difficulty!r}; known: "
                        f"{sorted(POINTS)}", item=item.id, field="difficulty")  # fmt: skip
    return POINTS[item.difficulty]


def variable(number: int) -> str:
    """The name the answer to item ``number`` (1-based) is written to."""
    return f"answer_{number}"


def item_cells(bank: Bank, number: int, item: Question) -> list:
    """The three cells of one item."""
    try:
        part = types.get(item.type)
    except types.AssignmentError as error:
        raise DataError(bank.file, str(error), item=item.id, field="type") from None
    worth = points(bank, item)
    unit = "point" if worth == 1 else "points"
    text = [f"**{number}. {md_escape(item.prompt)}** ({worth} {unit})", "", *part.shown(item)]
    answer = "\n".join([
        f"# Question {number}: your answer between the quotes: {part.HOW}. Then run the cell.",
        f"{variable(number)} = (",
        "    ### BEGIN SOLUTION",
        f"    {json.dumps(part.right(item), ensure_ascii=False)}",
        "    ### END SOLUTION",
        ")",
    ])  # fmt: skip
    test = "\n".join([
        "### BEGIN HIDDEN TESTS",
        "from coursekit.nbgrader.check import check",
        f"check({json.dumps(bank.chapter)}, {json.dumps(item.id)}, {variable(number)})",
        "### END HIDDEN TESTS",
    ])  # fmt: skip
    return [
        new_markdown_cell("\n".join(text).strip(), metadata=_meta(f"{item.id}-question",
                                                                    locked=True)),
        new_code_cell(answer, metadata=_meta(f"{item.id}-answer", solution=True)),
        new_code_cell(test, metadata=_meta(f"{item.id}-check", grade=True, locked=True,
                                           points=worth)),
    ]  # fmt: skip


def source(bank: Bank) -> nbformat.NotebookNode:
    """The source notebook of a chapter's assignment."""
    title = f"# {chapter_label(bank.chapter)}: {md_escape(bank.title)}\n\n{INTRO}"
    cells = [new_markdown_cell(title, metadata=_meta("intro", locked=True))]
    for number, item in enumerate(bank.questions, start=1):
        cells += item_cells(bank, number, item)
    for cell in cells:  # stable ids (nbformat's are random): the same banks, the same bytes
        cell.id = cell.metadata["nbgrader"]["grade_id"]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}  # fmt: skip
    nb.metadata["language_info"] = {"name": "python"}
    return nb

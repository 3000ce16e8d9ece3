"""Score a quiz-only ("blind") reading against the current banks.

A reader given only the printed quizzes writes ``{"<chapter>#<n>": {"answer": ..., "how": ...}}``
where ``n`` is the question's number in the printed quiz and ``how`` is one of clue, tell,
knowledge, guess. Answers use the printed letters (``"b"``, ``"acd"`` for several or an
order, ``"1c 2a 3b"`` for a match), a number, or ``true``/``false``. Map questions
(locate) are not scored.

    .venv/bin/python scripts/score_blind_reading.py factcheck/blind-readings/final-answers.json
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from typing import Any

from coursekit.quiz import AnswerError, Question, load_banks
from coursekit.quiz.types import get_type
from coursekit.quiz.types.match import spec

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def answer_of(question: Question, value: str) -> Any:
    """The printed answer ``value`` in the form the question's type grades."""
    value = value.strip().lower()
    letters = [c for c in value if c in LETTERS]
    if question.type == "single":
        return question.options[LETTERS.index(letters[0])].text
    if question.type == "multiple":
        return [question.options[LETTERS.index(c)].text for c in letters]
    if question.type == "ordering":
        return [question.items[LETTERS.index(c)] for c in letters]
    if question.type == "truefalse":
        return value in ("true", "t", "yes")
    if question.type == "match":
        pairs = spec(question)
        chosen = dict(re.findall(r"(\d+)\s*[-:=]?\s*([a-z])", value))
        return {
            left: pairs.options[LETTERS.index(chosen[str(i)])]
            for i, left in enumerate(pairs.lefts, start=1)
            if str(i) in chosen
        }
    if question.type == "numeric":
        return float(value.replace(",", ""))
    return value


def main(path: str) -> None:
    answers = json.load(open(path, encoding="utf-8"))
    total, right, how = Counter(), Counter(), Counter()
    for bank in load_banks():
        for number, question in enumerate(bank.questions, start=1):
            if question.type == "locate":
                continue
            total[bank.chapter] += 1
            given = answers.get(f"{bank.chapter}#{number}")
            if not given:
                continue
            try:
                answer = answer_of(question, str(given["answer"]))
                ok = get_type(question.type).check(question, answer)[0]
            except (AnswerError, IndexError, ValueError):
                ok = False
            right[bank.chapter] += ok
            how[given.get("how", "?"), ok] += 1
    total["all"], right["all"] = sum(total.values()), sum(right.values())
    for chapter, count in total.items():
        print(f"{chapter}: {right[chapter]}/{count} = {100 * right[chapter] / count:.0f} %")
    print("right answers by how they were found:", {k: n for (k, ok), n in how.items() if ok})


if __name__ == "__main__":
    main(sys.argv[1])

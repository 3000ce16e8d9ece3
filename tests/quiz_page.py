"""Standalone quiz pages, for browser tests of quiz.js and the types' scripts.

``write_demo_page(path)`` writes ``path`` (an ``.html`` file): the ``demo`` quiz (a fixture)
and the ``xss`` quiz (a prompt ``<img src=x onerror=alert(1)>``, an option that would set
``window.__xss`` and an explanation with ``</script>``), each with its own inline style and
script exactly as the web book embeds them. ``write_examples_page(path)`` writes the
``examples`` quiz alone: every question of every registered type's ``examples.yaml``.
"""

from __future__ import annotations

from pathlib import Path

from coursekit import data, quiz
from coursekit.quiz.bank import validate
from coursekit.quiz.types import REGISTRY

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quiz"
QUIZZES = ("demo", "xss")


def examples_bank() -> quiz.Bank:
    """A bank of every registered type's example questions (``types/<name>/examples.yaml``)."""
    questions = [e["question"] for kind in REGISTRY.values() for e in kind.examples]
    raw = {
        "chapter": "examples",
        "title": "Every question type",
        "objectives": [{"id": "O1", "text": "Answer a question of every type."}],
        "questions": questions,
    }
    return validate(raw, "examples.yml")


def write_demo_page(path: str | Path) -> Path:
    """Write the two-quiz page to ``path`` and return the path."""
    banks = [data.load(FIXTURES / f"{name}.yml", kind="quiz") for name in QUIZZES]
    return _write(path, banks)


def write_examples_page(path: str | Path) -> Path:
    """Write the page of every type's examples to ``path`` and return the path."""
    return _write(path, [examples_bank()])


def _write(path: str | Path, banks: list[quiz.Bank]) -> Path:
    path = Path(path)
    parts = [f"<section>\n{quiz.Quiz(bank).to_html()}</section>" for bank in banks]
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Quiz test page</title>\n</head>\n<body>\n<main>\n<h1>Quiz test page</h1>\n"
        + "\n".join(parts)
        + "\n</main>\n</body>\n</html>\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


if __name__ == "__main__":
    import sys

    print(write_demo_page(sys.argv[1] if len(sys.argv) > 1 else "quiz_demo.html"))

"""A standalone page with two quizzes from the fixtures, for browser tests of quiz.js.

``write_demo_page(path)`` writes ``path`` (an ``.html`` file): the ``demo`` quiz (one question
of every type) and the ``xss`` quiz (a prompt ``<img src=x onerror=alert(1)>``, an option
that would set ``window.__xss`` and an explanation with ``</script>``), each with its own
inline style and script exactly as the web book embeds them.
"""

from __future__ import annotations

from pathlib import Path

from coursekit import data, quiz

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quiz"
QUIZZES = ("demo", "xss")


def write_demo_page(path: str | Path) -> Path:
    """Write the two-quiz page to ``path`` and return the path."""
    path = Path(path)
    parts = []
    for name in QUIZZES:
        bank = data.load(FIXTURES / f"{name}.yml", kind="quiz")
        parts.append(f"<section>\n{quiz.Quiz(bank).to_html()}</section>")
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

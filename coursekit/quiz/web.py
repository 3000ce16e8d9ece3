"""The web form of a quiz: self-contained HTML and JavaScript (``assets/progress.js``, the
engine ``assets/quiz.js`` and the ``script.js`` of each type the quiz uses).

The answers travel in the page encoded (``data-ck-key``), so that they are not in its
text or in search results; the shared grading rules (``messages.json``) travel as
``data-ck-rules``. Everything else is a Jinja2 template in ``templates/``.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any

from coursekit.quiz.model import Bank, Question
from coursekit.quiz.rules import rule_set
from coursekit.quiz.templates import asset, inline, render
from coursekit.quiz.types import REGISTRY, get_type

#: XOR key for the answers shipped in the page: hides them from page text and search.
_KEY = b"coursekit-quiz"
_RENDER_COUNT: dict[str, int] = {}


def encode(payload: Any) -> str:
    """JSON, XORed with the key, in base64 (``quiz.js`` decodes it)."""
    raw = json.dumps(payload, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    mixed = bytes(b ^ _KEY[i % len(_KEY)] for i, b in enumerate(raw))
    return base64.b64encode(mixed).decode("ascii")


def decode(blob: str) -> Any:
    """Inverse of :func:`encode` (for tests and debugging)."""
    mixed = base64.b64decode(blob)
    return json.loads(bytes(b ^ _KEY[i % len(_KEY)] for i, b in enumerate(mixed)).decode("ascii"))


def solution(question: Question) -> dict[str, Any]:
    """The encoded part of a question: explanation, its type's answer, option feedback."""
    entry: dict[str, Any] = {
        "e": question.explanation,
        **get_type(question.type).solution(question),
    }
    if question.options:
        entry["f"] = [o.feedback for o in question.options]
    return entry


def html_id(chapter: str) -> str:
    """A page-unique id for a quiz (a chapter's quiz shown twice gets ``-2``...)."""
    base = "ck-quiz-" + (re.sub(r"[^a-z0-9]+", "-", chapter.lower()).strip("-") or "quiz")
    count = _RENDER_COUNT.get(base, 0)
    _RENDER_COUNT[base] = count + 1
    return base if count == 0 else f"{base}-{count + 1}"


def quiz_html(bank: Bank) -> str:
    """The quiz of ``bank`` as HTML for the web book."""
    kinds = [get_type(name) for name in dict.fromkeys(q.type for q in bank.questions)]
    return render(
        "quiz.html.j2",
        bank=bank,
        quiz_id=html_id(bank.chapter),
        key=encode([solution(q) for q in bank.questions]),
        rules={"messages": rule_set()["messages"], "rules": rule_set()["rules"]},
        kinds=REGISTRY,
        css=asset("quiz.css"),
        heads=[kind.page_head() for kind in kinds],
        scripts=[asset("progress.js"), asset("quiz.js")]
        + [inline(kind.file("script.js")) for kind in kinds],
    )

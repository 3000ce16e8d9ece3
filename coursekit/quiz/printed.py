"""The text forms: the printed quiz (MyST Markdown), the objectives and the answer key.

Markdown is escaped with :func:`coursekit.text.md_escape`; the HTML forms of the
objectives and the key are templates. Letters in the key match the printed quizzes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coursekit.quiz.bank import load_bank, load_banks
from coursekit.quiz.model import Bank
from coursekit.quiz.templates import render
from coursekit.quiz.types import get_type
from coursekit.text import md_escape

_INTRO = "By the end of this chapter you should be able to:"


@dataclass
class Document:
    """Display object with Markdown, HTML and plain-text forms."""

    markdown: str
    html: str
    plain: str

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, str]:
        return {"text/markdown": self.markdown, "text/html": self.html, "text/plain": self.plain}

    def __repr__(self) -> str:
        return self.plain


class Objectives(Document):
    """A chapter's learning objectives as a bullet list."""


class AnswerKey(Document):
    """Every bank's questions with answers and explanations."""


def quiz_markdown(bank: Bank) -> str:
    """The print form of a quiz: numbered questions, lettered options, blanks."""
    lines = [f"**{md_escape(bank.title)}**", ""]
    for number, question in enumerate(bank.questions, start=1):
        kind = get_type(question.type)
        hint = kind.printed_hint or kind.hint
        lines += [f"{number}. {md_escape(question.prompt)} *{hint}*", ""]
        lines += [*kind.print_lines(question), ""]
    lines.append("Answers: see the answer key at the end of the book.")
    return "\n".join(lines) + "\n"


def quiz_plain(bank: Bank) -> str:
    return f"Quiz: {bank.title} ({len(bank.questions)} questions)"


def objectives(chapter_id: str) -> Objectives:
    """The learning objectives of ``chapter_id`` (from its quiz bank)."""
    bank = load_bank(chapter_id)
    return Objectives(
        markdown="\n".join([_INTRO, ""] + [f"- {md_escape(o.text)}" for o in bank.objectives])
        + "\n",
        html=render("objectives.html.j2", intro=_INTRO, objectives=bank.objectives).strip(),
        plain="\n".join([_INTRO] + [f"- {o.text}" for o in bank.objectives]),
    )


def chapter_label(chapter: str) -> str:
    """``"03_history"`` -> ``"Chapter 3"``; an id without a number is shown as it is."""
    number = chapter.split("_", 1)[0]
    return f"Chapter {int(number)}" if number.isdigit() else chapter


def answer_key() -> AnswerKey:
    """The answers to every quiz, in chapter order (letters match the printed quizzes)."""
    chapters = [
        {
            "heading": f"{chapter_label(bank.chapter)}. {bank.title}",
            "entries": [
                {"question": q, "answer": get_type(q.type).answer_text(q)} for q in bank.questions
            ],
        }
        for bank in load_banks()
    ]
    md: list[str] = []
    plain: list[str] = []
    for chapter in chapters:
        md += [f"**{md_escape(chapter['heading'])}**", ""]
        plain.append(chapter["heading"])
        for number, entry in enumerate(chapter["entries"], start=1):
            q, answer = entry["question"], entry["answer"]
            md += [f"{number}. {md_escape(q.prompt)}", ""]
            md += [f"   Answer: **{md_escape(answer)}**. {md_escape(q.explanation)}", ""]
            plain.append(f"{number}. {q.prompt}\n   Answer: {answer}. {q.explanation}")
    if not chapters:
        md, plain = ["No quizzes yet."], ["No quizzes yet."]
    return AnswerKey(
        markdown="\n".join(md) + "\n",
        html=render("answer_key.html.j2", chapters=chapters),
        plain="\n".join(plain),
    )

"""The "Your progress" panel of the web book: a Sphinx directive, ``course-progress``.

It lists every chapter of :data:`coursekit.course.CHAPTERS` with its number of questions,
read from the banks (the one source of truth), and the question ids (with each question's
form) that ``progress.js`` counts in the browser's saved progress. HTML only: the PDF has no panel.
Loaded as a Sphinx extension (``_config.yml``); used in ``index.md``.
"""

from __future__ import annotations

import posixpath
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from coursekit import data
from coursekit.quiz.bank import chapter_banks
from coursekit.quiz.printed import chapter_label
from coursekit.quiz.templates import asset, render


def panel_rows(link: Any = lambda chapter: f"chapters/{chapter}.html") -> list[dict[str, Any]]:
    """One row per chapter: id, label, quiz title, link, its question ids and their forms
    (:attr:`~coursekit.quiz.model.Question.form`)."""
    return [
        {
            "chapter": bank.chapter,
            "label": chapter_label(bank.chapter),
            "title": bank.title,
            "href": link(bank.chapter),
            "questions": [q.id for q in bank.questions],
            "forms": [q.form for q in bank.questions],
        }
        for bank in chapter_banks()
    ]


def panel_html(rows: list[dict[str, Any]]) -> str:
    """The panel, with its style and script (``progress.js`` counts the saved answers)."""
    return render("progress.html.j2", rows=rows, css=asset("quiz.css"), script=asset("progress.js"))


class ProgressDirective(SphinxDirective):
    """``{course-progress}``: the reader's quiz progress per chapter."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        here = posixpath.dirname(self.env.docname)
        suffix = self.config.html_link_suffix or self.config.html_file_suffix or ".html"

        def link(chapter: str) -> str:
            return posixpath.relpath(f"chapters/{chapter}", here or ".") + suffix

        rows = panel_rows(link)
        for row in rows:
            self.env.note_dependency(str(data.data_dir() / "quizzes" / f"{row['chapter']}.yml"))
        # Raw HTML: the web book shows it, the PDF (LaTeX) leaves it out.
        return [nodes.raw("", panel_html(rows), format="html")]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("course-progress", ProgressDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The Jupyter form of a quiz: an ipywidgets UI graded in Python by :func:`grade`.

:class:`Quiz` is also what a notebook displays in every builder: its MIME bundle carries
the web form (``text/html``) and the print form (``text/markdown``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from coursekit.quiz import printed, web
from coursekit.quiz.grading import grade
from coursekit.quiz.model import AnswerError, Bank, Question, Result
from coursekit.quiz.templates import render
from coursekit.quiz.types import get_type


class QuestionWidget(widgets.VBox):
    """One question in Jupyter: input, Check, Try again and feedback."""

    def __init__(self, question: Question, number: int, on_change: Callable[[], None]) -> None:
        self.question, self.result = question, None
        self.kind = get_type(question.type)
        self._on_change = on_change
        self.prompt = widgets.HTML(
            render("widget_prompt.html.j2", number=number, question=question, hint=self.kind.hint)
        )
        self.inputs: list[widgets.Widget] = self.kind.widget_inputs(question, widgets)
        self.check_button = widgets.Button(description="Check", tooltip="Check your answer")
        self.retry_button = widgets.Button(description="Try again", tooltip="Clear and retry")
        self.retry_button.layout.display = "none"
        self.feedback = widgets.HTML("")
        self.check_button.on_click(lambda _button: self.check())
        self.kind.widget_bind(question, self.inputs, self.check)
        self.retry_button.on_click(lambda _button: self.retry())
        buttons = widgets.HBox([self.check_button, self.retry_button])
        super().__init__(
            [self.prompt, *self.inputs, buttons, self.feedback],
            layout=widgets.Layout(margin="0 0 1em 0"),
        )

    @property
    def answer(self) -> Any:
        """The answer as currently entered, in the form :func:`grade` takes."""
        return self.kind.widget_answer(self.question, self.inputs)

    def select(self, value: Any) -> None:
        """Enter an answer programmatically (the same forms as :func:`grade` takes)."""
        try:
            self.kind.widget_select(self.question, self.inputs, value)
        except AnswerError:
            raise
        except Exception as exc:  # a trait error from a widget: say it plainly
            raise AnswerError(f"Cannot enter {value!r} for this question: {exc}") from None

    def check(self) -> Result:
        """Grade the current answer and show the feedback."""
        self.result = grade(self.question, self.answer)
        self.feedback.value = render("widget_feedback.html.j2", result=self.result)
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


class Quiz(widgets.VBox):
    """A chapter's quiz: an ipywidgets UI that also renders as web HTML and print Markdown."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.title = widgets.HTML(render("widget_title.html.j2", title=bank.title))
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
        return web.quiz_html(self.bank)

    def to_markdown(self) -> str:
        """The print form (MyST Markdown, no HTML)."""
        return printed.quiz_markdown(self.bank)

    def __repr__(self) -> str:
        return printed.quiz_plain(self.bank)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(super()._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = printed.quiz_plain(self.bank)
        bundle["text/html"] = self.to_html()
        bundle["text/markdown"] = self.to_markdown()
        return bundle

"""The Jupyter form of a quiz: drive the ipywidgets UI as a reader would."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pytest

from coursekit import data, quiz

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quiz"


@pytest.fixture
def demo() -> quiz.Quiz:
    return quiz.Quiz(data.load(FIXTURES / "demo.yml", kind="quiz"))


def by_type(q: quiz.Quiz, qtype: str) -> quiz.QuestionWidget:
    return next(w for w in q.questions if w.question.type == qtype)


def test_is_a_vbox_with_the_right_inputs(demo: quiz.Quiz) -> None:
    assert isinstance(demo, widgets.VBox)
    assert isinstance(by_type(demo, "single").inputs[0], widgets.RadioButtons)
    assert all(isinstance(w, widgets.Checkbox) for w in by_type(demo, "multiple").inputs)
    assert len(by_type(demo, "multiple").inputs) == 3
    assert isinstance(by_type(demo, "truefalse").inputs[0], widgets.ToggleButtons)
    assert isinstance(by_type(demo, "numeric").inputs[0], widgets.Text)
    ordering = by_type(demo, "ordering")
    assert [w.description for w in ordering.inputs] == list(ordering.question.items)
    assert all(isinstance(w, widgets.Dropdown) for w in ordering.inputs)
    assert demo.score_label.value == f"Score: 0 / {len(demo.questions)}"


def test_wrong_then_right_with_button_clicks(demo: quiz.Quiz) -> None:
    single = demo.questions[0]
    single.select("In the Kremlin")
    single.check_button.click()
    assert single.feedback_text.startswith("✗ Incorrect.")
    assert single.question.explanation in single.feedback_text
    assert "not in Moscow" in single.feedback_text  # the option's own feedback
    assert "✗ Incorrect." in single.feedback.value
    assert demo.score == 0 and demo.score_label.value == f"Score: 0 / {len(demo.questions)}"
    single.select(single.question.answer)
    single.check_button.click()
    assert single.feedback_text.startswith("✓ Correct.")
    assert demo.score == 1 and demo.score_label.value == f"Score: 1 / {len(demo.questions)}"


def test_every_type_can_be_answered(demo: quiz.Quiz) -> None:
    for w in demo.questions:
        answer = w.question.answer
        if w.question.type == "locate":  # the place itself, or the point farthest inside the area
            answer = {"lat": answer.target.spot.lat, "lon": answer.target.spot.lon}
        w.select(list(answer) if isinstance(answer, tuple) else answer)
        w.check_button.click()
        assert w.result is not None and w.result.correct, w.question.id
    n = len(demo.questions)
    assert demo.score_label.value == f"Score: {n} / {n}"


def test_try_again_resets(demo: quiz.Quiz) -> None:
    tf = by_type(demo, "truefalse")
    tf.select(True)
    tf.check_button.click()
    assert demo.score == 1 and tf.retry_button.layout.display != "none"
    tf.retry_button.click()
    assert tf.inputs[0].value is None and tf.feedback.value == "" and tf.feedback_text == ""
    assert demo.score == 0 and demo.score_label.value == f"Score: 0 / {len(demo.questions)}"
    assert tf.retry_button.layout.display == "none"
    multiple = by_type(demo, "multiple")
    multiple.select(list(multiple.question.answer))
    multiple.check()
    multiple.retry()
    assert not any(box.value for box in multiple.inputs)


def test_malformed_input_gives_a_message(demo: quiz.Quiz) -> None:
    numeric = by_type(demo, "numeric")
    numeric.inputs[0].value = "four"
    numeric.check_button.click()
    assert "“four” is not a number" in numeric.feedback_text
    assert "Correct" not in numeric.feedback_text and demo.score == 0
    single = demo.questions[0]
    single.check_button.click()  # nothing chosen
    assert "No answer yet" in single.feedback_text
    ordering = by_type(demo, "ordering")
    ordering.inputs[0].value = 1
    ordering.inputs[1].value = 1
    ordering.inputs[2].value = 2
    ordering.check_button.click()
    assert "position 1 is given to more than one item" in ordering.feedback_text
    ordering.inputs[1].value = None
    ordering.check_button.click()
    assert f"“{ordering.question.items[1]}” has none" in ordering.feedback_text


def test_select_rejects_what_is_not_offered(demo: quiz.Quiz) -> None:
    with pytest.raises(quiz.AnswerError, match="not one of the options"):
        demo.questions[0].select("In Paris")
    with pytest.raises(quiz.AnswerError, match="True or False"):
        by_type(demo, "truefalse").select("maybe")


def test_feedback_html_is_escaped() -> None:
    q = quiz.Quiz(data.load(FIXTURES / "xss.yml", kind="quiz"))
    first = q.questions[0]
    assert "<img" not in first.prompt.value and "&lt;img" in first.prompt.value
    first.select("plain")
    first.check()
    assert "</script><script>" not in first.feedback.value
    assert "&lt;/script&gt;" in first.feedback.value
    assert "<b>" not in q.title.value.replace("<b>Escaping", "")

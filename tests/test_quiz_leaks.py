"""No quiz item gives away another item's answer (issue 8, point 7).

An item's *answer texts* are what its type says the right answer is in words
(``answer_texts``: the correct options of a ``single`` or ``multiple`` question, the number
of a ``numeric`` one, the right-hand texts of a ``match``...). One *leaks* when it appears
in the text that ANOTHER item shows before it is answered (its type's ``shown_texts``: the
prompt, options, ordering items, the items and options to match...).
Both sides are normalised (case, accents, punctuation, thousands separators) and matched
as whole words.

Trivial answers are ignored, since they appear everywhere without giving anything away:
``truefalse`` and ordering answers (their types give none: all the items are shown
anyway), text answers of fewer than two words or eight letters ("Moscow", "Sudzha",
"Kyiv"), and numbers of fewer than three digits ("12", "20") unless they come with their
unit: the answer 44 with the unit "days" leaks through "the 44-day war".

The check runs once per bank file, against the items of every bank, so that a leak from
one chapter into another is reported under the bank whose answer leaks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

from coursekit import data, quiz
from coursekit.quiz.types import REGISTRY

QUIZZES = ROOT / "data" / "quizzes"
BANK_FILES = sorted(QUIZZES.glob("*.yml"))

MIN_WORDS = 2  # a text answer needs at least two words...
MIN_LETTERS = 8  # ...and eight letters to count
MIN_DIGITS = 3  # a number needs three digits to count ("324", "11.8", "1994")


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, ``1,330`` read as ``1330``; padded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"(?<=\d)[,\u202f\u00a0](?=\d{3}\b)", "", text)  # thousands separators
    text = re.sub(r"(?<=\d)\.(?=\d)", "\x00", text)  # keep decimal points
    text = re.sub(r"[^\w\x00]+", " ", text).replace("\x00", ".")
    return f" {' '.join(text.split())} "


def answer_texts(question: quiz.Question) -> list[str]:
    """The answer texts of ``question`` (its type's ``answer_texts``) that could give
    something away, normalised: a number of three digits or more, a number with its unit
    (singular or plural: " 44 day" in "44-day war"), or a text of two words and eight
    letters or more."""
    found: list[str] = []
    for text in REGISTRY[question.type].answer_texts(question):
        norm = normalise(text)
        words = norm.split()
        if re.fullmatch(r"[\d.]+", words[0]) and len(words) > 1:  # a number and its unit
            candidate = f" {words[0]} {words[1].removesuffix('s')}"
        elif len(words) == 1 and re.fullmatch(r"[\d.]+", words[0]):
            digits = sum(c.isdigit() for c in norm)
            candidate = norm if digits >= MIN_DIGITS else ""
        else:
            letters = sum(c.isalpha() for c in norm)
            candidate = norm if len(words) >= MIN_WORDS and letters >= MIN_LETTERS else ""
        if candidate and not any(kept in candidate for kept in found):
            found.append(candidate)
    return found


def shown_texts(question: quiz.Question) -> list[tuple[str, str]]:
    """``(field, text)`` of what a reader sees before answering ``question`` (its type's)."""
    return REGISTRY[question.type].shown_texts(question)


def leaks(answers_from: Iterable[quiz.Question], others: Iterable[quiz.Question]) -> list[str]:
    """Every place where an answer of ``answers_from`` appears in another question's text."""
    others = list(others)
    found = []
    for question in answers_from:
        for answer in answer_texts(question):
            for other in others:
                if other.id == question.id:
                    continue
                for field, text in shown_texts(other):
                    if answer in normalise(text):
                        found.append(
                            f"answer of {question.id!r} ({answer.strip()!r}) "
                            f"appears in {other.id!r} {field}"
                        )
    return found


@cache
def bank(path: Path) -> quiz.Bank:
    return data.load(path, kind="quiz")


def all_questions() -> list[quiz.Question]:
    return [q for path in BANK_FILES for q in bank(path).questions]


def test_there_are_banks_to_check() -> None:
    assert len(BANK_FILES) >= 5


@pytest.mark.parametrize("path", BANK_FILES, ids=[p.stem for p in BANK_FILES])
def test_no_answer_appears_in_another_item(path: Path) -> None:
    found = leaks(bank(path).questions, all_questions())
    assert not found, "\n".join(found)


# --------------------------------------------------------------------------- the rule itself


def _q(
    qid: str, qtype: str, prompt: str, answer: object, options: tuple[str, ...] = (), unit: str = ""
):
    return quiz.Question(
        id=qid,
        type=qtype,
        prompt=prompt,
        answer=answer,
        explanation="e",
        objective="O1",
        difficulty="easy",
        options=tuple(quiz.Option(text) for text in options),
        tolerance=0 if qtype == "numeric" else None,
        unit=unit,
    )


def test_normalise() -> None:
    assert normalise("The 44-Day War, 2020!") == " the 44 day war 2020 "
    assert normalise("1,330 km and 11.8 bcm") == " 1330 km and 11.8 bcm "
    assert normalise("Türkiye — İpsala") == " turkiye ipsala "


def test_a_leak_is_found_across_banks_and_fields() -> None:
    war = _q(
        "a-war", "single", "How long was the war?", "The 44-day war", ("The 44-day war", "A week")
    )
    days = _q("b-days", "numeric", "How many days did it last?", 44, unit="days")
    schools = _q("c-schools", "numeric", "How many schools did Aliyev name?", 324)
    soft = _q("d-soft", "single", "Which is soft power?", "Schools", ("324 schools", "Schools"))
    order = _q("e-order", "ordering", "Order them.", ["Then THE 44 DAY WAR", "x", "y"])
    found = leaks([war, days, schools], [war, days, schools, soft, order])
    assert found == [
        "answer of 'a-war' ('the 44 day war') appears in 'e-order' items["
        + str(order.items.index("Then THE 44 DAY WAR") + 1)
        + "]",
        "answer of 'b-days' ('44 day') appears in 'a-war' options[1]",
        "answer of 'b-days' ('44 day') appears in 'e-order' items["
        + str(order.items.index("Then THE 44 DAY WAR") + 1)
        + "]",
        "answer of 'c-schools' ('324') appears in 'd-soft' options[1]",
    ]


def test_trivial_answers_and_partial_words_are_ignored() -> None:
    city = _q("a", "single", "Capital?", "Moscow", ("Moscow", "Baku"))
    small = _q("b", "numeric", "Days?", 12, unit="days")
    tf = _q("c", "truefalse", "True?", True)
    year = _q("d", "numeric", "Year?", 1994)
    other = _q(
        "z", "single", "In Moscow, 12, 112 days, true, in 19940 or 1,994,000?", "x", ("x", "y")
    )
    assert leaks([city, small, tf, year], [other]) == []
    assert leaks([year], [_q("y", "single", "Signed in 1994?", "x", ("x", "y"))]) == [
        "answer of 'd' ('1994') appears in 'y' prompt"
    ]


# ------------------------------------------------ dates, objectives and repeated phrases (issue 14)

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?:\s*[–-]\s*\d{{1,2}})? ({MONTHS}) (\d{{4}})\b")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: Phrases that the banks may use at most once between them (content review of 2026-12-02):
#: repeated in every chapter, they had become a cue rather than a question.
RATIONED = ("friendly and allied", "324 schools")


def dates_in(text: str) -> set[str]:
    """The full dates ("6 August 2024") and the years ("2024") that ``text`` prints."""
    found = {f"{int(day)} {month} {year}" for day, month, year in FULL_DATE.findall(text)}
    return found | set(YEAR.findall(text))


def answer_dates(question: quiz.Question) -> set[str]:
    """The dates and years in ``question``'s answer: what a printed date could give away."""
    if question.type == "single":
        return dates_in(question.answer)
    if question.type == "multiple":
        return set().union(*(dates_in(text) for text in question.answer))
    if question.type == "numeric" and float(question.answer).is_integer():
        return dates_in(str(int(question.answer)))  # a year asked for as a number
    return set()


def date_leaks(answers_from: Iterable[quiz.Question], others: Iterable[quiz.Question]) -> list[str]:
    """Every date of an answer of ``answers_from`` that another question prints."""
    others = list(others)
    found = []
    for question in answers_from:
        for date in sorted(answer_dates(question)):
            for other in others:
                if other.id == question.id:
                    continue
                for where, text in shown_texts(other):
                    if date in dates_in(text):
                        found.append(
                            f"{question.id!r} answers with {date!r}, "
                            f"printed in {other.id!r} {where}"
                        )
    return found


@pytest.mark.parametrize("path", BANK_FILES, ids=[p.stem for p in BANK_FILES])
def test_ordering_events_print_no_dates(path: Path) -> None:
    """An ordering item is solved by reading dates: none may be printed in its events."""
    dated = [
        f"{question.id!r}: {item!r}"
        for question in bank(path).questions
        if question.type == "ordering"
        for item in question.answer
        if dates_in(item)
    ]
    assert not dated, "\n".join(dated)


@pytest.mark.parametrize("path", BANK_FILES, ids=[p.stem for p in BANK_FILES])
def test_no_answer_date_is_printed_in_another_item(path: Path) -> None:
    found = date_leaks(bank(path).questions, all_questions())
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", BANK_FILES, ids=[p.stem for p in BANK_FILES])
def test_every_objective_is_assessed_by_two_items(path: Path) -> None:
    loaded = bank(path)
    counts = {objective.id: 0 for objective in loaded.objectives}
    for question in loaded.questions:
        counts[question.objective] += 1
    thin = {objective: n for objective, n in counts.items() if n < 2}
    assert not thin, f"{path.name}: objectives with fewer than two items: {thin}"


def _all_text(question: quiz.Question) -> str:
    parts = [question.prompt, question.explanation]
    for option in question.options:
        parts += [option.text, option.feedback or ""]
    if question.type == "ordering":
        parts += list(question.answer)
    return " ".join(parts)


def test_rationed_phrases_appear_at_most_once_across_the_banks() -> None:
    text = normalise(" ".join(_all_text(q) for q in all_questions()))
    counts = {phrase: text.count(normalise(phrase)) for phrase in RATIONED}
    assert all(n <= 1 for n in counts.values()), counts


def test_dates_in_and_date_leaks() -> None:
    assert dates_in("From 18–19 August 2024, after 6 August 2024 and in 1994.") == {
        "18 August 2024",
        "6 August 2024",
        "2024",
        "1994",
    }
    assert dates_in("1,950 km, 12 days, 20 bcm") == set()
    event = _q("a", "ordering", "Order them.", ["The war begins", "x", "y"])
    answer = _q("b", "single", "When?", "In January 1990", ("In January 1990", "In May 1994"))
    prompt = _q("c", "single", "After the events of January 1990, what?", "x", ("x", "y"))
    year = _q("d", "numeric", "Which year?", 1994)
    assert date_leaks([event, answer, year], [event, answer, prompt, year]) == [
        "'b' answers with '1990', printed in 'c' prompt",
        "'d' answers with '1994', printed in 'b' options[2]",
    ]


def test_no_prompt_repeats_its_types_instruction() -> None:
    """The page, the widget and print add each type's instruction ("Choose all that apply.")
    after the prompt: a prompt that says it too is read twice."""
    repeated = [
        q.id
        for q in all_questions()
        for hint in (REGISTRY[q.type].hint, REGISTRY[q.type].printed_hint)
        if hint and normalise(hint) in normalise(q.prompt)
    ]
    assert repeated == []

"""The PDF: it builds, holds every chapter and prints every rich output in a print form."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import page_title, squash, toc_files

from coursekit.course import CHAPTERS
from coursekit.maps.chapters import CHAPTER_MAPS

pytestmark = pytest.mark.pdf

FALLBACK_REPRS = ("<folium.", "<IPython.core.display", "object at 0x", "Widget(")


def drop_page_furniture(raw: str) -> str:
    """Remove page numbers and the running head, which pdftotext prints in the middle of any
    paragraph that runs over a page break (``…last route by\n\n81\n\n\fBook title\n\nwhich…``)."""
    heads = Counter(m.group(1) for m in re.finditer(r"\f([^\n]+)\n", raw))
    running = [re.escape(head) for head, count in heads.items() if count >= 10]
    # page number; chapter mark; section mark ("5.9. Check your understanding": a dotted
    # number, never a list item's "10. ")
    footer = r"(?:\d+|[ivxlcdm]+|(?:Chapter|Appendix) \w+\. [^\n]*|\d+(?:\.\d+)+\. [^\n]*)"
    raw = re.sub(r"(?:\n\s*" + footer + r"[ \t]*(?=\n))+\s*(?=\f)", "\n", raw)
    if running:
        raw = re.sub(r"\f(?:(?:" + "|".join(running) + r")[ \t]*\n)?", "", raw)
    return raw.replace("\f", "")


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ad", "")
    text = re.sub(r"-\n(?=[a-z])", "", text)  # words hyphenated at a line end
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def pdf_text(built_pdf_text: str) -> str:
    return normalise(drop_page_furniture(built_pdf_text))


@pytest.mark.parametrize("page", toc_files()[1:])
def test_pdf_holds_every_title(pdf_text: str, page: str) -> None:
    title = normalise(page_title(page))
    assert title in pdf_text


@pytest.mark.parametrize("marker", FALLBACK_REPRS)
def test_pdf_has_no_unrendered_object(pdf_text: str, marker: str) -> None:
    assert marker not in pdf_text


def test_pdf_is_a_real_book(built_pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(built_pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    assert pages >= 40, f"only {pages} pages"


@pytest.fixture(scope="module")
def pdf_letters(pdf_text: str) -> str:
    return squash(pdf_text)


def test_every_quiz_prompt_is_printed_with_its_answer(pdf_letters: str) -> None:
    """Each prompt appears twice (the chapter's printed quiz and the answer key), and the
    key gives each explanation."""
    from coursekit.quiz import load_banks

    banks = load_banks()
    assert len(banks) == len(CHAPTERS)
    for bank in banks:
        for question in bank.questions:
            prompt = squash(question.prompt)
            assert pdf_letters.count(prompt) >= 2, f"{question.id}: prompt not printed twice"
            assert squash(question.explanation) in pdf_letters, f"{question.id}: no explanation"
    assert "answerkey" in pdf_letters


def test_one_picture_per_map(built_pdf: Path) -> None:
    """pdfimages lists every picture: one per chapter map (the maps' PNG size), plus charts."""
    import base64
    import io

    from PIL import Image

    from coursekit import maps

    size = Image.open(
        io.BytesIO(base64.b64decode(maps.visit_map()._repr_mimebundle_()["image/png"]))
    )
    listing = subprocess.run(
        ["pdfimages", "-list", str(built_pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    images = [line.split() for line in listing if line.split()[2] == "image"]
    map_pictures = [i for i in images if (int(i[3]), int(i[4])) == size.size]
    assert len(map_pictures) == len(CHAPTERS), images
    assert len({i[0] for i in map_pictures}) == len(CHAPTERS), (
        "two maps on one page: one is missing"
    )


def test_back_matter_is_printed_as_appendices(pdf_text: str) -> None:
    assert re.search(r"APPENDIX A GLOSSARY", pdf_text)
    assert re.search(r"CHAPTER FIVE CONCLUSION", pdf_text.upper())


def test_long_tables_wrap_their_cells(built_pdf: Path) -> None:
    """A long table with one-line (l) columns runs off the page; every table has widths."""
    tex = (built_pdf.parent / "course.tex").read_text(encoding="utf-8")
    specs = re.findall(r"\\begin\{(?:longtable|tabulary|tabular)\}(?:\[t\])?(\{.*\})", tex)
    assert specs, "no table in the PDF"
    assert [s for s in specs if not s.startswith("{\\X{")] == []


@pytest.mark.parametrize("name", CHAPTER_MAPS.values())
def test_each_map_has_a_printed_caption(pdf_letters: str, name: str) -> None:
    from coursekit import maps

    m = getattr(maps, name)()
    assert squash(f"Map: {m.title}. {m.description}") in pdf_letters
    assert (
        squash("Country outlines: Natural Earth; routes and areas are approximate") in pdf_letters
    )


def test_page_furniture_is_dropped_from_a_paragraph() -> None:
    head = "Book Title\n"
    pages = [f"Text {n}\n\n{n}\n\nChapter 1. The visit\n\n" for n in range(11)]
    raw = "".join(f"\f{head}\n{page}" for page in pages)
    raw += f"\f{head}\nthe last route by\n\n81\n\nAppendix C. Answer key\n\n"
    raw += f"\f{head}\nwhich gas reached"
    text = normalise(drop_page_furniture(raw))
    assert "the last route by which gas reached" in text
    assert "Book Title" not in text and "Answer key" not in text and " 81 " not in text
    assert "Text 10" in text  # the text itself is kept


def test_locate_questions_print_a_lettered_map_and_the_key(
    built_pdf: Path, pdf_letters: str
) -> None:
    """Each chapter's locate question: its lettered map as a picture, "Which letter ...?",
    and the letter in the answer key."""
    import io

    from PIL import Image

    from coursekit.quiz import load_banks
    from coursekit.quiz.types import get_type
    from coursekit.quiz.types.locate import printed

    listing = subprocess.run(
        ["pdfimages", "-list", str(built_pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    sizes = [(int(i.split()[3]), int(i.split()[4])) for i in listing if i.split()[2] == "image"]
    for bank in load_banks():
        for q in (q for q in bank.questions if q.type == "locate"):
            picture = Image.open(io.BytesIO(printed.png(q.answer)))
            assert picture.size in sizes, f"{q.id}: no {picture.size} picture in the PDF"
            assert squash(printed.question(q.answer)) in pdf_letters, q.id
            key = squash(f"Answer: {get_type('locate').answer_text(q)}. {q.explanation}")
            assert key in pdf_letters, f"{q.id}: the key does not give the letter"

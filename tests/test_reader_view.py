"""Reader view: the web book folds code away and the PDF prints none; notebooks keep it all."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from browser import close, open_page
from conftest import (
    CHAPTER_MAPS,
    ROOT,
    book_notebooks,
    chapter_notebooks,
    source_of,
    squash,
    toc_files,
)
from playwright.sync_api import Browser


def code_cells(notebook: Path) -> list[str]:
    cells = nbformat.read(notebook, as_version=4).cells
    return [c.source for c in cells if c.cell_type == "code" and c.source.strip()]


def markdown_text(page: str) -> str:
    """The Markdown a toc entry prints: a page's text, or a notebook's Markdown cells."""
    path = source_of(page)
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    cells = nbformat.read(path, as_version=4).cells
    return "\n".join(c.source for c in cells if c.cell_type == "markdown")


def test_the_notebooks_keep_their_code_for_instructors() -> None:
    """Folding is the book's doing: no chapter notebook hides or removes a cell by tag."""
    for notebook in chapter_notebooks():
        cells = nbformat.read(notebook, as_version=4).cells
        assert any("maps." in c.source for c in cells if c.cell_type == "code"), notebook
        for cell in cells:
            tags = cell.get("metadata", {}).get("tags", [])
            assert not [t for t in tags if t.startswith(("remove", "hide"))], (notebook, tags)


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("chapter", list(CHAPTER_MAPS))
def test_no_code_shows_until_the_reader_asks(browser: Browser, book_url: str, chapter: str) -> None:
    page, watch = open_page(browser)
    page.goto(f"{book_url}/chapters/{chapter}.html", wait_until="load")
    sources = code_cells(ROOT / "chapters" / f"{chapter}.ipynb")
    inputs = page.locator("main .cell .cell_input")
    assert inputs.count() == len(sources)
    for index in range(inputs.count()):
        assert not inputs.nth(index).is_visible(), f"code cell {index + 1} shows its source"
    body = page.locator("main article").inner_text()
    for source in sources:
        for line in source.splitlines():
            if len(squash(line)) >= 10:
                assert line.strip() not in body, f"{line!r} is readable on the page"
    # The outputs show: the objectives, the map and the quiz.
    assert page.locator("figure.coursekit-map").first.is_visible()
    assert page.locator(f'.ck-quiz[data-chapter="{chapter}"]').is_visible()
    # The reader asks: one toggle shows that cell's code, and the others stay folded.
    toggle = page.locator("main details.hide.above-input > summary")
    assert toggle.count() == len(sources)
    map_cell = next(i for i, s in enumerate(sources) if s.startswith("maps."))
    toggle.nth(map_cell).click()
    assert inputs.nth(map_cell).is_visible()
    assert sources[map_cell] in inputs.nth(map_cell).inner_text()
    assert not inputs.nth((map_cell + 1) % len(sources)).is_visible()
    assert watch.page_errors == [] and watch.console_errors == [] and watch.blocked == []
    close(page)


@pytest.mark.pdf
def test_the_pdf_prints_no_code(built_pdf_text: str) -> None:
    letters = squash(built_pdf_text)
    notebooks = book_notebooks()
    lines = [line for nb in notebooks for source in code_cells(nb) for line in source.splitlines()]
    # A line the prose also holds (a Markdown code block, a sentence) proves nothing.
    prose = squash(" ".join(markdown_text(page) for page in toc_files()))
    checked = [line for line in lines if len(squash(line)) >= 10 and squash(line) not in prose]
    assert len(checked) >= 20
    printed = [line for line in checked if squash(line) in letters]
    assert printed == [], f"code lines printed in the PDF: {printed}"

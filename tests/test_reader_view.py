"""Reader view: the web book folds code away and the PDF prints none; notebooks keep it all.

That a chapter page shows no code until the reader asks is checked on the page load of
``tests/test_book_browser.py`` (``code_stays_folded``)."""

from __future__ import annotations

import nbformat
import pytest
from conftest import (
    book_notebooks,
    chapter_notebooks,
    code_cells,
    source_of,
    squash,
    toc_files,
)


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

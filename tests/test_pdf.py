"""The PDF: it builds, holds every chapter and prints every rich output in a print form."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import page_title, toc_files

pytestmark = pytest.mark.pdf

FALLBACK_REPRS = ("<folium.", "<IPython.core.display", "object at 0x", "Widget(")


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ad", "")
    text = re.sub(r"-\n(?=[a-z])", "", text)  # words hyphenated at a line end
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def pdf_text(built_pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(built_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return normalise(out.stdout)


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

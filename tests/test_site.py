"""`make site`: the web book carries the PDF, and every page links to it and to its notebook."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin

import nbformat
import pytest
from conftest import ROOT, pdftotext, toc_files

from coursekit.course import CHAPTERS

pytestmark = pytest.mark.build

SITE_PDF = "_downloads/course.pdf"


def pages(site: Path) -> list[Path]:
    names = [*toc_files(), "genindex", "search"]
    return [site / f"{name}.html" for name in names]


def links(page: Path) -> list[str]:
    return re.findall(r'<a\s[^>]*href="([^"#]+)', page.read_text(encoding="utf-8"))


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on ``page`` leads to, inside the site."""
    base = "/" + page.relative_to(site).as_posix()
    return site / unquote(urljoin(base, href)).lstrip("/")


@pytest.fixture(scope="module")
def site_pdf(built_html: Path) -> Path:
    pdf = built_html / SITE_PDF
    if not pdf.exists():
        pytest.fail(f"{pdf} is missing: run `make site` (make test does it)")
    return pdf


def test_the_site_holds_the_real_pdf(site_pdf: Path) -> None:
    assert site_pdf.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run(["pdfinfo", str(site_pdf)], capture_output=True, text=True, check=True)
    assert int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1)) >= 40
    assert "Azerbaijan" in pdftotext(site_pdf, "-l", "3")


@pytest.mark.parametrize("page", pages(Path("_build/html")), ids=lambda p: p.stem)
def test_every_page_offers_the_pdf(built_html: Path, site_pdf: Path, page: Path) -> None:
    page = ROOT / page
    targets = {resolve(built_html, page, href) for href in links(page)}
    assert site_pdf in targets, f"{page.name} has no link to {SITE_PDF}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_offers_its_notebook(built_html: Path, chapter: str) -> None:
    page = built_html / "chapters" / f"{chapter}.html"
    notebooks = [resolve(built_html, page, href) for href in links(page) if href.endswith(".ipynb")]
    assert notebooks, f"{chapter} offers no .ipynb"
    downloaded = nbformat.read(notebooks[0], as_version=4)
    source = nbformat.read(ROOT / "chapters" / f"{chapter}.ipynb", as_version=4)
    assert [c.source for c in downloaded.cells] == [c.source for c in source.cells]

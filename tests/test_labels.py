"""Controls are named by what they show (WCAG 2.5.3): coursekit.labels on the built pages.

axe-core checks the rule itself in the browser (``label-content-name-mismatch``, in
tests/test_a11y.py); these tests pin down what the page rewrite does and does not touch.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.labels import label_in_name

SEARCH = (
    '<button class="btn search-button-field search-button__button pst-js-only" title="Search"'
    ' aria-label="Search" data-bs-toggle="tooltip"><span>Search</span>'
    "<kbd>Ctrl</kbd>+<kbd>K</kbd></button>"
)
TOGGLE = '<details class="hide above-input"><summary aria-label="Toggle hidden content">'


def test_the_two_hidden_labels_go_and_nothing_else() -> None:
    other = '<button aria-label="Close">×</button>'
    page = f"{SEARCH}{TOGGLE}<p>Show code cell source</p></summary></details>{other}"
    done = label_in_name(page)
    assert 'aria-label="Search"' not in done and 'title="Search"' in done
    assert "<summary>" in done and "Toggle hidden content" not in done
    assert other in done and label_in_name(done) == done


@pytest.mark.build
def test_no_built_page_hides_a_visible_label(built_html: Path) -> None:
    pages = sorted(built_html.rglob("*.html"))
    assert any("search-button-field" in p.read_text(encoding="utf-8") for p in pages)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert label_in_name(text) == text, page.relative_to(built_html)

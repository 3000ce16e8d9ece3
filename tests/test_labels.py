"""Controls are named by what they show (WCAG 2.5.3) on the built pages: the theme's search
button (``coursekit/templates/search-button-field.html``) and myst-nb's toggles of hidden
code (``coursekit.sphinxext``).

axe-core checks the rule itself in the browser (``label-content-name-mismatch``, in
tests/test_a11y.py); this test pins down what changes and what does not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

SEARCH = re.compile(r'<button class="btn search-button-field[^"]*"[^>]*>')


def test_no_built_page_hides_a_visible_label(built_html: Path) -> None:
    pages = {p: p.read_text(encoding="utf-8") for p in sorted(built_html.rglob("*.html"))}
    buttons = [b for text in pages.values() for b in SEARCH.findall(text)]
    assert buttons and all('title="Search"' in b and "aria-label" not in b for b in buttons)
    summaries = [t for t in pages.values() if '<details class="admonition hide' in t]
    assert summaries and all('<summary>\n<p class="collapsed' in t for t in summaries)
    for page, text in pages.items():
        assert 'aria-label="Toggle hidden content"' not in text, page.relative_to(built_html)
    assert any('aria-label="' in text for text in pages.values())  # other names stay

"""Accessible names that contain what a control shows (WCAG 2.5.3, "label in name").

Two controls of the built pages carry an ``aria-label`` other than their visible text, so a
reader who speaks to the page (voice control) cannot name them by what they see:

- the theme's search button says "Search" and shows "Search Ctrl+K";
- myst-nb's button for a hidden code cell says "Toggle hidden content" and shows "Show code
  cell source" (or "Hide ...").

Without the attribute, the name of each is its visible text. Run over every HTML page at the
end of the web build (:mod:`coursekit.sphinxext`).
"""

from __future__ import annotations

import re
from pathlib import Path

_SEARCH = re.compile(r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="Search"')
_TOGGLE = re.compile(r'<summary aria-label="Toggle hidden content">')


def label_in_name(html: str) -> str:
    """The page without the two ``aria-label`` attributes that hide the visible label."""
    return _TOGGLE.sub("<summary>", _SEARCH.sub(r"\1", html))


def label_site(outdir: Path) -> list[Path]:
    """:func:`label_in_name` over every HTML page under ``outdir``; the pages changed."""
    changed = []
    for page in sorted(outdir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        labelled = label_in_name(text)
        if labelled != text:
            page.write_text(labelled, encoding="utf-8")
            changed.append(page)
    return changed

"""A small Sphinx extension for the book (listed in ``_config.yml``).

Jupyter Book 1 loads ``sphinx_thebe`` in a way that adds its inline configuration script
twice; the second copy re-declares a ``const`` and the browser reports an error on every
page. The course has no live kernel in the web book, so duplicates are simply dropped.
"""

from __future__ import annotations

from typing import Any


def _drop_duplicate_scripts(
    app: Any, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple[str, str]] = set()
    unique = []
    for script in scripts:
        attributes = getattr(script, "attributes", {}) or {}
        key = (str(getattr(script, "filename", script) or ""), str(attributes.get("body", "")))
        if key in seen:
            continue
        seen.add(key)
        unique.append(script)
    scripts[:] = unique


def setup(app: Any) -> dict[str, Any]:
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A small Sphinx extension for the book (listed in ``_config.yml``).

In the PDF, the back matter (from ``course_appendix_start`` on) is printed as appendices
(A, B, C …) rather than as chapters that continue the numbering of the five chapters.

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


def _start_appendix(app: Any, doctree: Any, docname: str) -> None:
    """The LaTeX builder resolves one tree holding every document, each inlined inside a
    ``start_of_file`` node: put ``\\appendix`` just before the first back-matter one."""
    if app.builder.format != "latex" or not app.config.course_appendix_start:
        return
    from docutils import nodes
    from sphinx import addnodes

    for node in doctree.findall(addnodes.start_of_file):
        if node.get("docname") == app.config.course_appendix_start:
            node.parent.insert(
                node.parent.index(node), nodes.raw("", "\\appendix\n", format="latex")
            )
            return


def setup(app: Any) -> dict[str, Any]:
    app.add_config_value("course_appendix_start", "", "env", [str])
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    app.connect("doctree-resolved", _start_appendix)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A small Sphinx extension for the book (listed in ``_config.yml``).

In the PDF, Markdown tables get column widths from their content, so that long cells wrap
instead of running off the page (LaTeX's long tables otherwise size columns to one line).

In the PDF, the back matter (from ``course_appendix_start`` on) is printed as appendices
(A, B, C …) rather than as chapters that continue the numbering of the five chapters.

Jupyter Book 1 loads ``sphinx_thebe`` in a way that adds its inline configuration script
twice; the second copy re-declares a ``const`` and the browser reports an error on every
page. The course has no live kernel in the web book, so duplicates are simply dropped.

The References page uses the pybtex style ``course`` (``coursekit.bibstyle``): each entry
shows its kind of source, its link and its access date. At the start of the build every
bibliography file is checked against the rules of ``coursekit.bibstyle``; a broken entry is
a warning naming the file, the entry and the field (an error with ``-W``).
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


def _size_table_columns(app: Any, doctree: Any, docname: str) -> None:
    """Give auto-width tables widths that grow with the amount of text in each column."""
    if app.builder.format != "latex":
        return
    from docutils import nodes

    for table in doctree.findall(nodes.table):
        if "colwidths-auto" not in table["classes"]:
            continue
        tgroup = next(iter(table.findall(nodes.tgroup)), None)
        if tgroup is None:
            continue
        colspecs = [c for c in tgroup.children if isinstance(c, nodes.colspec)]
        lengths = [0.0] * len(colspecs)
        rows = list(tgroup.findall(nodes.row))
        for row in rows:
            for index, entry in enumerate(row.children[: len(colspecs)]):
                lengths[index] += len(entry.astext())
        # Square roots damp the long column, so short ones (dates, places) stay readable.
        weights = [max(length, 1.0) ** 0.5 for length in lengths]
        shares = [max(10.0, 100.0 * w / sum(weights)) for w in weights]
        for colspec, share in zip(colspecs, shares, strict=True):
            colspec["colwidth"] = max(1, round(100.0 * share / sum(shares)))
        table["classes"].remove("colwidths-auto")
        table["classes"].append("colwidths-given")


def _check_bibliographies(app: Any) -> None:
    from pathlib import Path

    from sphinx.util import logging

    from coursekit.bibstyle import check_bibliography

    logger = logging.getLogger(__name__)
    for name in app.config.bibtex_bibfiles or []:
        for problem in check_bibliography(Path(app.confdir) / name):
            logger.warning(problem)


def _add_static_files(app: Any) -> None:
    """Serve ``coursekit/static`` (the References page's stylesheet) with the web book."""
    from pathlib import Path

    static = str(Path(__file__).with_name("static"))
    if static not in app.config.html_static_path:
        app.config.html_static_path.append(static)


def setup(app: Any) -> dict[str, Any]:
    from coursekit import bibstyle

    bibstyle.register()
    app.add_css_file("bibliography.css")
    app.connect("builder-inited", _add_static_files)
    app.add_config_value("course_appendix_start", "", "env", [str])
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    app.connect("doctree-resolved", _start_appendix)
    app.connect("doctree-resolved", _size_table_columns)
    app.connect("builder-inited", _check_bibliographies)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

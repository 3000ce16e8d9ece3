"""A small Sphinx extension for the book (listed in ``_config.yml``).

Reader view: in the web book every code cell's source is folded behind a "show code"
toggle (MyST-NB's ``hide-input``) while its outputs show; the PDF prints no code at all
(``remove-input``). The notebooks themselves keep every cell for instructors.

No network: the browser libraries the maps use (Leaflet, its fullscreen control) are copied
from ``node_modules`` into ``_static/vendor/`` of the web book, and the thebe scripts that
Jupyter Book always adds (they name ``unpkg.com``; the course has no live kernel) are left
out. Jupyter Book also adds sphinx-thebe's inline configuration twice (a console error on
every page); duplicates are dropped.

The PDF from the web: when ``course_pdf`` (or ``$COURSEKIT_PDF``) names the built PDF, it is
copied to ``_downloads/course.pdf`` and every page's download menu links to it.

Accessibility: the References list is a list of list items (docutils marks it up with the
deprecated ``doc-biblioentry`` role, which a ``list`` may not hold), the book's title in
the sidebar sits in a landmark, the search button and the hidden code cells' toggles are
named by what they show (WCAG 2.5.3: no ``aria-label`` that differs from their text), and
``static/course.css`` keeps map captions readable in the theme's dark mode.

Phones on slow networks: at the end of the web build every page is made light
(:mod:`coursekit.webpages`: inline icons, search scripts on the search page only, no
widget state, map frames that load when they come into view), the icon font is cut to the
glyphs the style sheets name and Font Awesome's class rules leave the theme's CSS
(:mod:`coursekit.iconfont`), and every text file gets a ``.gz`` twin for the static host
(:mod:`coursekit.precompress`).

In the PDF, Markdown tables get column widths from their content, so that long cells wrap
instead of running off the page (LaTeX's long tables otherwise size columns to one line),
and the back matter (from ``course_appendix_start`` on) is printed as appendices.

The References page uses the pybtex style ``course`` (``coursekit.bibstyle``): each entry
shows its kind of source, its link and its access date. At the start of the build every
bibliography file is checked against the rules of ``coursekit.bibstyle``; a broken entry is
a warning naming the file, the entry and the field (an error with ``-W``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput, visit_HideCellInput
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform

from coursekit.iconfont import drop_icon_class_rules, subset_icon_font
from coursekit.precompress import precompress
from coursekit.vendor import copy_vendor_assets, vendor_files
from coursekit.webpages import lighten_site

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
#: Where the course PDF lands inside the web book.
PDF_TARGET = "_downloads/course.pdf"


# --------------------------------------------------------------------------- reader view
class FoldCodeCells(SphinxPostTransform):
    """Web: fold each code cell's source behind a toggle. Print: drop the source.

    Runs before MyST-NB's ``HideInputCells`` (priority 199), which draws the toggle."""

    default_priority = 190

    def run(self, **kwargs: Any) -> None:
        html = self.app.builder.format == "html"
        config = self.app.config
        for cell in list(self.document.findall(nodes.container)):
            if cell.get("nb_element") != "cell_code":
                continue
            if html:
                mode = cell.get("hide_mode")
                if mode in ("all", "input", "input+output"):
                    continue
                cell["hide_mode"] = "input+output" if mode == "output" else "input"
                cell.setdefault("prompt_show", config.nb_code_prompt_show)
                cell.setdefault("prompt_hide", config.nb_code_prompt_hide)
            else:
                for child in list(cell.children):
                    if child.get("nb_element") == "cell_code_source":
                        cell.remove(child)
                if not cell.children:
                    cell.parent.remove(cell)


# --------------------------------------------------------------------------- page assets
def _is_thebe(script: Any) -> bool:
    name = str(getattr(script, "filename", script) or "")
    body = str((getattr(script, "attributes", {}) or {}).get("body", ""))
    return "thebe" in name or "THEBE_JS_URL" in body


def _tidy_assets(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Drop thebe's scripts and style sheet, and scripts added twice."""
    scripts = context.get("script_files")
    if scripts:
        seen: set[tuple[str, str]] = set()
        unique = []
        for script in scripts:
            attributes = getattr(script, "attributes", {}) or {}
            key = (str(getattr(script, "filename", script) or ""), str(attributes.get("body", "")))
            if key in seen or _is_thebe(script):
                continue
            seen.add(key)
            unique.append(script)
        scripts[:] = unique
    styles = context.get("css_files")
    if styles:
        styles[:] = [s for s in styles if "thebe" not in str(getattr(s, "filename", s) or "")]


def _copy_vendor(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        copy_vendor_assets(Path(app.outdir) / "_static" / "vendor")


def _light_pages(app: Any, exception: Exception | None) -> None:
    """Last: light pages (:mod:`coursekit.webpages`), then ``.gz`` twins of every text file."""
    if exception is None and app.builder.format == "html":
        lighten_site(Path(app.outdir))
        drop_icon_class_rules(Path(app.outdir))
        subset_icon_font(Path(app.outdir))
        precompress(Path(app.outdir))


# --------------------------------------------------------------------------- the PDF
def _course_pdf(app: Any) -> Path | None:
    name = app.config.course_pdf
    if not name:
        return None
    path = Path(app.confdir, name)
    if not path.is_file():
        raise ExtensionError(
            f"course_pdf: {path} does not exist (set by $COURSEKIT_PDF or _config.yml): "
            "build the PDF first (`make site` does)"
        )
    return path


def _pdf_button(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The download menu offers the course PDF (instead of printing the page)."""
    if not app.config.course_pdf or "header_buttons" not in context:
        return
    link = {
        "type": "link",
        "url": context["pathto"](PDF_TARGET, 1),
        "text": "Course PDF",
        "tooltip": "Download the whole course as a PDF",
        "icon": "fas fa-file-pdf",
        "label": "download-course-pdf-button",
    }
    buttons = context["header_buttons"]
    group = next((b for b in buttons if b.get("label") == "download-buttons"), None)
    if group is None:
        group = {
            "type": "group",
            "tooltip": "Download",
            "icon": "fas fa-download",
            "buttons": [],
            "label": "download-buttons",
        }
        buttons.insert(0, group)
    group["buttons"] = [b for b in group["buttons"] if b.get("label") != "download-pdf-button"]
    group["buttons"].append(link)


def _copy_pdf(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    pdf = _course_pdf(app)
    if pdf is not None:
        target = Path(app.outdir) / PDF_TARGET
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, target)


def _check_inputs(app: Any) -> None:
    """Fail at the start, not after every page is written."""
    if app.builder.format == "html":
        _course_pdf(app)
        vendor_files()


# --------------------------------------------------------------------------- accessibility
def _visit_citation(self: Any, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def _depart_citation(self: Any, node: nodes.citation) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), nodes.citation):
        self.body.append("</div>\n")


def _visit_hidden_code(self: Any, node: Any) -> None:
    """myst-nb's hidden code cell, its summary named by what it shows ("Show code cell
    source"), not "Toggle hidden content" (WCAG 2.5.3, axe's label-content-name-mismatch)."""
    start = len(self.body)
    visit_HideCellInput(self, node)
    self.body[start:] = [
        part.replace(' aria-label="Toggle hidden content"', "") for part in self.body[start:]
    ]


def _theme_files(app: Any, config: Any) -> None:
    """Our templates (the sidebar title in a landmark, the search button named by its text)
    and style sheet (dark mode)."""
    config.templates_path.append(str(TEMPLATES))
    config.html_static_path.append(str(STATIC))


# --------------------------------------------------------------------------- print
def _start_appendix(app: Any, doctree: Any, docname: str) -> None:
    """The LaTeX builder resolves one tree holding every document, each inlined inside a
    ``start_of_file`` node: put ``\\appendix`` just before the first back-matter one."""
    if app.builder.format != "latex" or not app.config.course_appendix_start:
        return
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


def setup(app: Any) -> dict[str, Any]:
    from coursekit import bibstyle

    bibstyle.register()
    app.add_css_file("bibliography.css")
    app.add_config_value("course_appendix_start", "", "env", [str])
    app.add_config_value("course_pdf", os.environ.get("COURSEKIT_PDF", ""), "html", [str])
    app.add_post_transform(FoldCodeCells)
    app.add_node(nodes.citation, override=True, html=(_visit_citation, _depart_citation))
    app.setup_extension("myst_nb")  # its node first, then our way of writing it
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hidden_code, depart_HideCellInput))
    app.connect("config-inited", _theme_files)
    app.add_css_file("course.css")
    app.connect("builder-inited", _check_inputs)
    app.connect("html-page-context", _tidy_assets, priority=900)
    app.connect("html-page-context", _pdf_button, priority=600)
    app.connect("doctree-resolved", _start_appendix)
    app.connect("doctree-resolved", _size_table_columns)
    app.connect("builder-inited", _check_bibliographies)
    app.connect("build-finished", _copy_vendor)
    app.connect("build-finished", _copy_pdf)
    app.connect("build-finished", _light_pages, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Text as the learning platforms take it: HTML paragraphs in XML elements, and back.

Bank texts are plain text. In Moodle XML and QTI they travel as HTML (escaped with
``html.escape``), inside CDATA when the text allows it; lxml writes everything, never
string concatenation.
"""

from __future__ import annotations

import html
import re

from lxml import etree

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


def html_text(value: str) -> str:
    """Plain text as HTML text (``< & >`` escaped)."""
    return html.escape(value, quote=False)


def to_html(*paragraphs: str) -> str:
    """Plain-text paragraphs as HTML (``<p>`` each, empty ones left out)."""
    return "".join(f"<p>{html_text(p)}</p>" for p in paragraphs if p)


def paragraphs(markup: str) -> list[str]:
    """The plain text of each ``<p>`` of :func:`to_html`'s output (other tags dropped)."""
    found = _PARAGRAPH.findall(markup or "") or ([markup] if markup else [])
    return [html.unescape(_TAG.sub("", p)) for p in found]


def plain(markup: str) -> str:
    """The plain text of HTML made by :func:`to_html` (paragraphs joined by a space)."""
    return " ".join(paragraphs(markup))


def set_text(element: etree._Element, value: str) -> etree._Element:
    """Put ``value`` in ``element``: as CDATA when it holds markup, else as text.

    A CDATA section cannot hold ``]]>``; such a text is written escaped instead, which
    every XML reader (Moodle's and Canvas's included) reads back the same.
    """
    if any(c in value for c in "<>&") and "]]>" not in value:
        element.text = etree.CDATA(value)
    else:
        element.text = value
    return element


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrib: str):
    """A child element, with optional text (see :func:`set_text`) and attributes."""
    child = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrib.items()})
    if text is not None:
        set_text(child, text)
    return child


def serialise(root: etree._Element) -> bytes:
    """An XML document as UTF-8 bytes, indented, with its declaration."""
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

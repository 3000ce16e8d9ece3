"""The Jinja2 environment for the quiz's HTML: templates in ``templates/``, autoescaped."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup


@cache
def environment() -> Environment:
    """Every data string that lands in HTML is escaped by the engine, by default."""
    return Environment(
        loader=PackageLoader("coursekit.quiz", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def render(name: str, **context: Any) -> str:
    """Render ``templates/<name>``."""
    return environment().get_template(name).render(**context)


@cache
def asset(name: str) -> Markup:
    """Our own script or style sheet (``coursekit/assets/<name>``) for inlining in a page.

    Not data: it is trusted, and checked not to end its ``<script>``/``<style>`` element.
    """
    text = resources.files("coursekit").joinpath("assets", name).read_text(encoding="utf-8")
    if "</" in text or "<!--" in text:
        raise ValueError(f"coursekit/assets/{name} must not contain '</' or '<!--'")
    return Markup(text)

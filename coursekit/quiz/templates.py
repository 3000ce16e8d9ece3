"""The Jinja2 environment for the quiz's HTML, autoescaped: the shared templates in
``templates/``, each type's own in its folder (``types/<name>/template.html.j2``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

_TYPES = Path(__file__).resolve().parent / "types"


@cache
def environment() -> Environment:
    """Every data string that lands in HTML is escaped by the engine, by default."""
    return Environment(
        loader=ChoiceLoader(
            [PackageLoader("coursekit.quiz", "templates"), FileSystemLoader(_TYPES)]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def render(name: str, **context: Any) -> str:
    """Render ``templates/<name>``."""
    return environment().get_template(name).render(**context)


def asset(name: str) -> Markup:
    """Our own script or style sheet (``coursekit/assets/<name>``) for inlining in a page."""
    return inline(Path(str(resources.files("coursekit").joinpath("assets", name))))


@cache
def inline(path: Path) -> Markup:
    """A script or style sheet of ours (``assets/``, a type's folder) for inlining.

    Not data: it is trusted, and checked not to end its ``<script>``/``<style>`` element.
    """
    text = path.read_text(encoding="utf-8")
    if "</" in text or "<!--" in text:
        raise ValueError(f"{path} must not contain '</' or '<!--'")
    return Markup(text)

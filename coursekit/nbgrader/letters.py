"""Letters as a student writes them ("b", "B", "a, c", "bdace") and the texts they name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from coursekit.quiz.model import AnswerError
from coursekit.text import md_escape


def split(written: Any) -> list[str]:
    """The letters written, lower case: ``"a, C"`` and ``"ac"`` give ``["a", "c"]``."""
    if not isinstance(written, str):
        raise AnswerError(f"Write letters between the quotes, not {written!r}.")
    words = re.findall(r"[a-z]+", written.lower())
    return list(words[0]) if len(words) == 1 else words  # "true false": no letters


def named(written: Any, shown: Sequence[str], letters: str) -> list[str]:
    """The texts that the written letters name, in the order written; an ``AnswerError``
    naming the letters allowed if one is not among them (or none is written)."""
    allowed = letters[: len(shown)].lower()
    chosen = split(written)
    first, last = allowed[0], allowed[-1]
    if not chosen:
        raise AnswerError(f"No answer yet: write a letter from {first} to {last}.")
    for letter in chosen:
        if len(letter) != 1 or letter not in allowed:
            raise AnswerError(f"“{letter}” is not a letter from {first} to {last}.")
    return [shown[allowed.index(letter)] for letter in chosen]


def of(shown: Sequence[str], chosen: Sequence[str], letters: str) -> str:
    """What a student writes to choose ``chosen`` among ``shown``: ``"a, c"``."""
    return ", ".join(letters[list(shown).index(text)] for text in chosen)


def lines(shown: Sequence[str], letters: str) -> list[str]:
    """The texts as a lettered Markdown list: ``- a) text``."""
    return [f"- {letters[i]}) {md_escape(text)}" for i, text in enumerate(shown)]

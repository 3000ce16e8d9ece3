"""Escaping of data strings for the formats the course emits (MyST Markdown, HTML)."""

from __future__ import annotations

import re
from typing import Any

#: Characters with a meaning anywhere in a MyST line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~$&^])")
#: Block syntax at the start of a string (it may follow a list marker): headings, lists,
#: fences, comments, block quotes, ``1.`` / ``1)``.
_MD_LEADING = re.compile(r"^(?:([#+\-:%=>!])|(\d+)([.)]))")


def md_escape(text: Any) -> str:
    """Escape a data string for MyST Markdown (no markup, roles, maths or HTML survive)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _MD_LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


#: Characters with a meaning in GIFT (Moodle's question/format/gift/format.php escapes
#: these and the backslash itself).
_GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")


def gift_escape(text: Any) -> str:
    """Escape a data string for GIFT: a backslash before ``~ = # { } :`` and ``\\``; line
    breaks become ``\\n`` (a blank line would end the question)."""
    return _GIFT_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "\\n")

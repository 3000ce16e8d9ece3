"""``make lms``: the quiz banks as files to import into Moodle and Canvas.

For each chapter and for the whole course: ``<name>.moodle.xml`` (a category per
chapter), ``<name>.gift.txt`` and ``<name>.qti.zip`` (Canvas Classic Quizzes, QTI 1.2).
The same banks give the same bytes on every build.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coursekit.lms import gift, moodle, qti
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank

#: the name of the files holding every bank
COURSE = "course"


def files(banks: Sequence[Bank]) -> dict[str, bytes]:
    """File name -> bytes, for each bank and for all of them together."""
    out: dict[str, bytes] = {}
    for name, group in [(b.chapter, [b]) for b in banks] + [(COURSE, list(banks))]:
        out[f"{name}.moodle.xml"] = moodle.document(group)
        out[f"{name}.gift.txt"] = gift.document(group).encode("utf-8")
        out[f"{name}.qti.zip"] = qti.package(f"coursekit_{name}", group)
    return out


def build(target: Path, banks: Sequence[Bank] | None = None) -> list[Path]:
    """Write the files into ``target`` (made if missing); the paths written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files(list(banks if banks is not None else load_banks())).items():
        path = target / name
        path.write_bytes(data)
        written.append(path)
    return written

"""``make assignments``: an nbgrader course folder with one source assignment per chapter.

``<target>/nbgrader_config.py`` and ``<target>/source/<chapter>/<chapter>.ipynb``; run
``nbgrader generate_assignment <chapter>`` in ``<target>`` to make the student version.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import nbformat

from coursekit.nbgrader.notebook import source
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank


def build(target: Path, banks: Sequence[Bank] | None = None) -> list[Path]:
    """Write the course folder into ``target`` (made if missing); the paths written."""
    target.mkdir(parents=True, exist_ok=True)
    config = target / "nbgrader_config.py"
    config.write_text(resources.files("coursekit.nbgrader").joinpath("course_config.py")
                      .read_text("utf-8"), "utf-8")  # fmt: skip
    written = [config]
    for bank in banks if banks is not None else load_banks():
        path = target / "source" / bank.chapter / f"{bank.chapter}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(source(bank), path)
        written.append(path)
    return written

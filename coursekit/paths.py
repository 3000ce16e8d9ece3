"""Where the course's files are: found through the installed package, never the working folder.

From a checkout (``make install``, ``pip install -e .``) they sit beside the package, at the
repository root. A wheel built from the repository (``pip install git+<repository>``) carries
copies inside the package, in ``coursekit/_course/`` (see ``setup.py``). So a notebook copied
anywhere, for example into a student's home folder on a JupyterHub, finds them all the same.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def course_root() -> Path:
    """The folder holding ``data/``, ``references.bib`` and ``node_modules/``."""
    bundled = _PACKAGE / "_course"
    return bundled if bundled.is_dir() else _PACKAGE.parent


def data_dir() -> Path:
    """The ``data/`` folder: ``$COURSEKIT_DATA`` if set, else the course's own."""
    override = os.environ.get("COURSEKIT_DATA")
    return Path(override) if override else course_root() / "data"


def bibliography() -> Path:
    """``references.bib``, the course's one list of sources."""
    return course_root() / "references.bib"


def node_modules() -> Path:
    """The npm packages the maps load (Leaflet and its fullscreen control)."""
    override = os.environ.get("COURSEKIT_NODE_MODULES")
    return Path(override) if override else course_root() / "node_modules"

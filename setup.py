"""Bundle the course's files into the wheel, so that `pip install git+<repository>` works.

The package finds ``data/``, ``references.bib`` and Leaflet through ``coursekit.paths``: in a
checkout they sit beside the package; a wheel carries copies in ``coursekit/_course/``. The
Leaflet files come from npm (``npm ci`` runs here when ``node_modules`` is missing).
Everything else about the package is in ``pyproject.toml``.
"""

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
NPM_PACKAGES = ("leaflet", "leaflet.fullscreen")


class BuildWithCourseFiles(build_py):
    """build_py, plus the course's data, bibliography and map assets."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads them from the checkout
        if not all((ROOT / "node_modules" / p).is_dir() for p in NPM_PACKAGES):
            if not shutil.which("npm"):
                raise SystemExit("coursekit: building the package needs npm (for Leaflet)")
            subprocess.run(
                ["npm", "ci", "--omit=dev", "--no-audit", "--no-fund"], cwd=ROOT, check=True
            )
        target = Path(self.build_lib) / "coursekit" / "_course"
        shutil.copytree(ROOT / "data", target / "data", dirs_exist_ok=True)
        shutil.copy2(ROOT / "references.bib", target / "references.bib")
        for package in NPM_PACKAGES:
            shutil.copytree(
                ROOT / "node_modules" / package,
                target / "node_modules" / package,
                dirs_exist_ok=True,
            )


setup(cmdclass={"build_py": BuildWithCourseFiles})

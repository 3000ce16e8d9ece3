"""The one-line install: a wheel built from the repository works from any folder.

`pip install git+<repository>` builds a wheel with `setup.py`, which bundles `data/`,
`references.bib` and Leaflet into the package. Here the wheel is built from this checkout,
installed into a scratch folder, and imported from another scratch folder: the course's files
are found through the package, never through the working folder.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow  # pip builds and installs a wheel

PROBE = """
import json
from coursekit import paths, quiz, timeline
from coursekit.lms.types import EXPORTS
from coursekit.nbgrader.types import PARTS
print(json.dumps({
    "types": list(quiz.TYPES),
    "lms": sorted(EXPORTS),
    "notebook": sorted(PARTS),
    "root": str(paths.course_root()),
    "banks": len(quiz.load_banks()),
    "events": len(timeline.events()),
    "leaflet": (paths.node_modules() / "leaflet" / "dist" / "leaflet.js").is_file(),
}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheels, target = tmp_path_factory.mktemp("wheel"), tmp_path_factory.mktemp("site")
    # A copy of the checkout as pip would clone it (the build leaves build/ behind).
    source = tmp_path_factory.mktemp("clone") / "course"
    skip = shutil.ignore_patterns(
        ".*", "_build", "build", "node_modules", "__pycache__", "*.egg-info"
    )
    shutil.copytree(ROOT, source, ignore=skip)
    for package in ("leaflet", "leaflet.fullscreen"):  # what `npm ci` would install
        shutil.copytree(ROOT / "node_modules" / package, source / "node_modules" / package)
    pip = [sys.executable, "-m", "pip", "--quiet", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("coursekit-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True)
    return target


def test_wheel_finds_the_course_files_from_any_folder(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,  # not the repository: nothing may come from the working folder
        env={"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
        text=True,
    )
    found = json.loads(result.stdout)
    assert Path(found["root"]).is_relative_to(installed)
    assert found["banks"] == len(list((ROOT / "data" / "quizzes").glob("*.yml")))
    assert found["events"] > 0
    assert found["leaflet"] is True
    # each type folder's lms.py and notebook.py ship in the wheel
    assert found["lms"] == found["notebook"] == found["types"] and len(found["types"]) > 1

"""Publishing in one step: the GitHub Pages workflow builds with `make site` and publishes
``_build/html``; actionlint (from PyPI, its wheel carries the binary) finds nothing wrong."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("actionlint is missing: `make install` installs it (requirements.txt)")
    return found


def lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [actionlint(), "-no-color", str(path)], capture_output=True, text=True, cwd=ROOT
    )


def test_actionlint_passes_the_pages_workflow() -> None:
    result = lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = WORKFLOW.read_text().replace("runs-on: ubuntu-24.04", "runs-on: ${{ matrix.os }}")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    path = tmp_path / ".github" / "workflows" / "pages.yml"
    path.write_text(broken)
    result = lint(path)
    assert result.returncode != 0 and "matrix" in result.stdout


def test_the_workflow_builds_with_make_site_and_publishes_the_html() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text())["jobs"]
    steps = jobs["build"]["steps"]
    assert any(step.get("run") == "make site" for step in steps)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/html"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")

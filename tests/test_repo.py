"""Conventions of the repository itself."""

from __future__ import annotations

import re

from conftest import ROOT


def test_every_config_key_has_a_comment() -> None:
    """TeachBooks style: each key in _config.yml says what it is for."""
    missing = []
    for number, line in enumerate((ROOT / "_config.yml").read_text().splitlines(), start=1):
        if re.match(r"^\s*[A-Za-z_][\w-]*:", line) and "#" not in line:
            missing.append(f"line {number}: {line.strip()}")
    assert missing == []


def test_environment_is_pinned_in_one_place() -> None:
    """Every requirement is pinned exactly; pyproject names dependencies without versions."""
    lines = [
        line
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) > 50
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.+\-]+", line) for line in lines), [
        line for line in lines if "==" not in line
    ]
    assert "jupyter-book==1.0.4.post1" in lines
    pyproject = (ROOT / "pyproject.toml").read_text()
    deps = re.search(r"dependencies = \[(.*?)\]", pyproject, re.S).group(1)
    assert not re.search(r"[=<>~]", deps)


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make book" in readme and "make test" in readme


def test_binder_environment_matches_the_repository() -> None:
    """repo2docker/Binder builds the environment from the same pins and packages."""
    binder = ROOT / "binder"
    requirements = [
        line
        for line in (binder / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert requirements == ["-r ../requirements.txt"]  # the one place where pins live
    python = re.search(r'requires-python = ">=(\d+\.\d+)', (ROOT / "pyproject.toml").read_text())
    assert (binder / "runtime.txt").read_text().strip() == f"python-{python.group(1)}"
    assert {"nodejs", "npm"} <= set((binder / "apt.txt").read_text().split())
    post_build = (binder / "postBuild").read_text()
    assert (binder / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"
    assert "npm ci" in post_build and "pip install" in post_build
    assert "binder/overrides.json" in post_build  # the same JupyterLab settings as make lab
    assert "binder/overrides.json" in (ROOT / "Makefile").read_text()

"""Conventions of the repository itself."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.utils import canonicalize_name


def test_every_config_key_has_a_comment() -> None:
    """TeachBooks style: each key in _config.yml says what it is for."""
    missing = []
    for number, line in enumerate((ROOT / "_config.yml").read_text().splitlines(), start=1):
        if re.match(r"^\s*[A-Za-z_][\w-]*:", line) and "#" not in line:
            missing.append(f"line {number}: {line.strip()}")
    assert missing == []


def requirement_lines() -> list[str]:
    """The requirements in requirements.txt (comments and blank lines aside)."""
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_environment_is_pinned_in_one_place() -> None:
    """Every requirement is pinned exactly; pyproject names dependencies without versions."""
    lines = requirement_lines()
    assert len(lines) > 50
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.+\-]+", line) for line in lines), [
        line for line in lines if "==" not in line
    ]
    assert "jupyter-book==1.0.4.post1" in lines
    pyproject = (ROOT / "pyproject.toml").read_text()
    deps = re.search(r"dependencies = \[(.*?)\]", pyproject, re.S).group(1)
    assert not re.search(r"[=<>~]", deps)


def test_every_installed_distribution_is_pinned() -> None:
    """The virtualenv holds the pins and nothing else (the course itself aside): pip,
    setuptools and wheel too, which a virtualenv made with its own pip would bring in
    whatever version the Python at hand bundles."""
    pins = {
        canonicalize_name(name): version
        for name, _, version in (line.partition("==") for line in requirement_lines())
    }
    installed = {
        canonicalize_name(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()
    }
    installed.pop("coursekit")
    assert {n: v for n, v in installed.items() if pins.get(n) != v} == {}
    assert set(pins) <= set(installed)


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


def test_jupyterlab_group_goes_before_the_hub() -> None:
    """The hub's five servers start at once: JupyterLab's server, started before them,
    has compiled the modules they share (xdist_order.FIRST_GROUPS)."""
    import xdist_order

    class Item:  # what rank() reads of a pytest item
        def __init__(self, name: str, *marks: pytest.MarkDecorator) -> None:
            self.name, self.marks = name, [m.mark for m in marks]

        def iter_markers(self, name: str):  # noqa: ANN202
            return (m for m in self.marks if m.name == name)

        def get_closest_marker(self, name: str):  # noqa: ANN202
            return next(self.iter_markers(name), None)

    items = [
        Item("plain"),
        Item("hub", pytest.mark.xdist_group("hub"), pytest.mark.slow),
        Item("hub_site", pytest.mark.xdist_group("hub"), pytest.mark.build),
        Item("lab", pytest.mark.xdist_group("lab")),
        Item("notebook", pytest.mark.book_run),
        Item("lab_site", pytest.mark.xdist_group("lab"), pytest.mark.build),
    ]
    order = [item.name for item in sorted(items, key=xdist_order.rank)]
    assert order == ["notebook", "lab", "hub", "plain", "hub_site", "lab_site"]


@pytest.mark.slow
def test_xdist_groups_stay_on_one_worker_and_the_built_site_comes_last(tmp_path: Path) -> None:
    """tests/xdist_order.py, as make test uses it: a scratch suite on two workers. A group's
    tests stay on one worker; the run of a book's notebook starts first, then the slow
    test; the tests of the built site (a group's too, as a group of their own) come after
    all the others."""
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["xdist_order"]\n')
    (tmp_path / "test_scratch.py").write_text(
        "import pytest\n"
        "@pytest.mark.build\n"
        "def test_site(): pass\n"
        "@pytest.mark.xdist_group('server')\n"
        "@pytest.mark.parametrize('n', range(6))\n"
        "def test_grouped(n): pass\n"
        "@pytest.mark.xdist_group('server')\n"
        "@pytest.mark.pdf\n"
        "def test_grouped_pdf(): pass\n"
        "@pytest.mark.parametrize('n', range(6))\n"
        "def test_plain(n): pass\n"
        "@pytest.mark.slow\n"
        "def test_long(): pass\n"
        "@pytest.mark.slow\n"
        "@pytest.mark.book_run\n"
        "def test_notebook(): pass\n"
    )
    ini = "[pytest]\nmarkers =\n    slow: slow\n    build: build\n    pdf: pdf\n    book_run: b\n"
    (tmp_path / "pytest.ini").write_text(ini)
    command = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup"]
    command += ["--no-loadscope-reorder", "-v", "-p", "xdist.plugin"]
    # Only xdist and the ordering plugin: the installed plugins that pytest would load
    # (notebooks, browsers) play no part here and took 2 of the run's 3 CPU seconds.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests"), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    ran = re.findall(r"\[(gw\d)\] \[\s*\d+%\] PASSED (\S+)", done.stdout)
    grouped = {worker for worker, test in ran if "test_grouped[" in test}
    assert len([t for _, t in ran if t.endswith("@server")]) == 6 and len(grouped) == 1, ran
    assert [t for _, t in ran if "grouped_pdf" in t] == [
        "test_scratch.py::test_grouped_pdf@server-built"
    ]
    plain = [test for _, test in ran if "@" not in test]
    assert plain.index("test_scratch.py::test_notebook") == 0, plain
    assert plain.index("test_scratch.py::test_long") < 3, plain
    for worker in {w for w, _ in ran}:  # each worker runs what it gets in order
        mine = [("test_site" in t or "grouped_pdf" in t) for w, t in ran if w == worker]
        assert mine == sorted(mine), ran  # no test of the site before another one

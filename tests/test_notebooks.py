"""Every notebook runs, cell by cell, in a fresh kernel with no network (pytest-notebook).

Under ``make test`` the site is built once these runs are over, from their outputs: each
executed chapter and back-matter notebook goes into the build's jupyter-cache (the
environment says where, and with which asset base the build runs the notebooks), so that
no notebook runs twice. Whatever happens, each run then leaves a mark (a run that is not
selected leaves it at collection: conftest.py); the build waits for one per notebook, or
for pytest to end, and runs any notebook that is not in the cache itself.
"""

from __future__ import annotations

import copy
import fcntl
import os
import re
import time
from pathlib import Path

import nbformat
import pytest
from conftest import (
    ROOT,
    RUN_MARKS,
    backmatter_notebooks,
    book_notebooks,
    chapter_notebooks,
    leave_mark,
    mark_of,
)
from nbclient.exceptions import CellExecutionError
from pytest_notebook.nb_regression import NBRegressionError, NBRegressionFixture

from coursekit.course import CHAPTERS

FIXTURES = ROOT / "tests" / "fixtures" / "notebooks"
#: What a failing notebook raises: nbclient's error, or pytest-notebook's own.
FAILURES = (NBRegressionError, CellExecutionError)
BACKMATTER = backmatter_notebooks()
#: Set by ``make test``: the site build's jupyter-cache and the asset base its notebooks
#: run with (where each run leaves its mark: conftest.RUN_MARKS).
BUILD_CACHE = os.environ.get("COURSE_BUILD_CACHE")
BUILD_ASSET_BASE = os.environ.get("COURSE_BUILD_ASSET_BASE")


def regression() -> NBRegressionFixture:
    """Execute and compare, ignoring every output: committed notebooks have none, so
    volatile output (maps, timings, widget ids) never counts as a difference; an
    exception in any cell fails the test. Outputs are kept as the kernel sent them (no
    post-processing), as the book's own execution keeps them."""
    env = dict(os.environ)
    if BUILD_CACHE and BUILD_ASSET_BASE:
        env["COURSEKIT_ASSET_BASE"] = BUILD_ASSET_BASE
    return NBRegressionFixture(
        exec_timeout=300,
        exec_allow_errors=False,
        exec_env=env,
        post_processors=(),
        diff_ignore=(
            "/cells/*/outputs",
            "/cells/*/execution_count",
            "/cells/*/metadata",
            "/metadata",
        ),
    )


def run_for_the_book(path: Path) -> nbformat.NotebookNode:
    """Run a notebook of the book (the check); under ``make test``, hand the executed
    notebook to the site build's cache, and leave this run's mark in any case."""
    try:
        started = time.monotonic()
        executed = regression().check(str(path), raise_errors=True).nb_final
        if BUILD_CACHE:
            cache_for_the_build(path, executed, time.monotonic() - started)
        return executed
    finally:
        leave_mark(path)


def cache_for_the_build(path: Path, executed: nbformat.NotebookNode, seconds: float) -> None:
    """Put the outputs of ``executed`` into the build's jupyter-cache under the source
    notebook's key, as myst-nb does after its own run; it must then find them."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    source = nbformat.read(path, as_version=4)
    bundle = copy.deepcopy(source)
    ran = [c for c in executed.cells if c.cell_type == "code"]
    code = [c for c in bundle.cells if c.cell_type == "code"]
    assert len(ran) == len(code), f"{path.name}: the run has other code cells"
    for cell, done in zip(code, ran, strict=True):
        cell.outputs, cell.execution_count = done.outputs, done.execution_count
    for key in ("language_info", "widgets"):
        if key in executed.metadata:
            bundle.metadata[key] = executed.metadata[key]
    Path(BUILD_CACHE).mkdir(parents=True, exist_ok=True)
    with open(Path(BUILD_CACHE).parent / ".jupyter_cache.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the two workers share the cache's database
        cache = get_cache(BUILD_CACHE)
        cache.cache_notebook_bundle(
            CacheBundleIn(bundle, str(path), data={"execution_seconds": seconds}),
            check_validity=True,
            overwrite=True,
        )
        assert cache.match_cache_notebook(source), f"{path.name}: not found in the cache"


@pytest.mark.slow
@pytest.mark.book_run
@pytest.mark.parametrize("path", chapter_notebooks(), ids=lambda p: p.stem)
def test_chapter_notebook_runs(path: Path) -> None:
    executed = run_for_the_book(path)
    code_cells = [c for c in executed.cells if c.cell_type == "code"]
    assert code_cells, f"{path.name} has no code cell"
    assert all(c.execution_count for c in code_cells), "a code cell was not executed"
    assert any(c.outputs for c in code_cells), "no cell produced output"


@pytest.mark.slow
@pytest.mark.book_run
@pytest.mark.parametrize("path", BACKMATTER, ids=lambda p: p.stem)
def test_backmatter_notebook_runs(path: Path) -> None:
    executed = run_for_the_book(path)
    assert any(c.outputs for c in executed.cells if c.cell_type == "code")


@pytest.mark.build
@pytest.mark.skipif(not RUN_MARKS, reason="only make test hands the notebook runs to the build")
def test_the_site_build_runs_no_notebook_again(built_html: Path) -> None:
    """Under ``make test`` the site build takes the outputs of every notebook run above
    from the cache, and runs none of those notebooks itself."""
    book = book_notebooks()
    assert sorted(Path(RUN_MARKS).glob("[!.]*")) == sorted(mark_of(p) for p in book)
    ran = {f"{p.parent.name}/{p.stem}" for p in book if not mark_of(p).read_text()}
    log = (ROOT / "_build" / "site.log").read_text(encoding="utf-8", errors="replace")
    used = set(re.findall(r"/(\w+/\w+)\.ipynb: Using cached notebook", log))
    executed = set(re.findall(r"/(\w+/\w+)\.ipynb: Executing notebook", log))
    assert ran <= used and not ran & executed, (ran, used, executed)


def test_there_is_one_notebook_per_chapter() -> None:
    assert [p.stem for p in chapter_notebooks()] == list(CHAPTERS)


@pytest.mark.slow
def test_a_failing_cell_is_caught() -> None:
    """The broken fixture raises in its second cell: the check must fail on it."""
    with pytest.raises(FAILURES, match="ZeroDivisionError"):
        regression().check(str(FIXTURES / "broken.ipynb"), raise_errors=True)


@pytest.mark.slow
def test_a_download_in_a_notebook_is_caught() -> None:
    """Notebooks run offline: a cell that fetches a URL fails instead of downloading."""
    with pytest.raises(FAILURES, match="disabled \\(offline course build\\)"):
        regression().check(str(FIXTURES / "downloads.ipynb"), raise_errors=True)


@pytest.mark.parametrize(
    "path",
    book_notebooks(),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_committed_notebook_has_no_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert not cell.outputs, f"cell {index} has outputs: run `make strip`"
            assert cell.execution_count is None, f"cell {index} has an execution count"

"""Every notebook runs, cell by cell, in a fresh kernel with no network (pytest-notebook)."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from conftest import CHAPTER_MAPS, ROOT, chapter_notebooks
from nbclient.exceptions import CellExecutionError
from pytest_notebook.nb_regression import NBRegressionError, NBRegressionFixture

FIXTURES = ROOT / "tests" / "fixtures" / "notebooks"
#: What a failing notebook raises: nbclient's error, or pytest-notebook's own.
FAILURES = (NBRegressionError, CellExecutionError)
BACKMATTER = sorted((ROOT / "backmatter").glob("*.ipynb"))


def regression() -> NBRegressionFixture:
    """Execute and compare, ignoring every output: committed notebooks have none, so
    volatile output (maps, timings, widget ids) never counts as a difference; an
    exception in any cell fails the test."""
    return NBRegressionFixture(
        exec_timeout=300,
        exec_allow_errors=False,
        exec_env=dict(os.environ),
        diff_ignore=(
            "/cells/*/outputs",
            "/cells/*/execution_count",
            "/cells/*/metadata",
            "/metadata",
        ),
    )


@pytest.mark.slow
@pytest.mark.parametrize("path", chapter_notebooks(), ids=lambda p: p.stem)
def test_chapter_notebook_runs(path: Path) -> None:
    result = regression().check(str(path), raise_errors=True)
    executed = result.nb_final
    code_cells = [c for c in executed.cells if c.cell_type == "code"]
    assert code_cells, f"{path.name} has no code cell"
    assert all(c.execution_count for c in code_cells), "a code cell was not executed"
    assert any(c.outputs for c in code_cells), "no cell produced output"


@pytest.mark.slow
@pytest.mark.parametrize("path", BACKMATTER, ids=lambda p: p.stem)
def test_backmatter_notebook_runs(path: Path) -> None:
    result = regression().check(str(path), raise_errors=True)
    assert any(c.outputs for c in result.nb_final.cells if c.cell_type == "code")


def test_there_is_one_notebook_per_chapter() -> None:
    assert [p.stem for p in chapter_notebooks()] == list(CHAPTER_MAPS)


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
    sorted(ROOT.glob("chapters/*.ipynb")) + BACKMATTER,
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_committed_notebook_has_no_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert not cell.outputs, f"cell {index} has outputs: run `make strip`"
            assert cell.execution_count is None, f"cell {index} has an execution count"

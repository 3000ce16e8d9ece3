"""How ``make test`` shares the tests between two pytest-xdist workers (``--dist loadgroup``).

Each worker collects the tests and reorders them alike:

- the tests of an ``xdist_group`` go to one worker. pytest-xdist 3.8 tags them by rewriting
  ``item._nodeid``, which pytest 9.2 no longer reads (pytest-xdist issue 1386): the groups
  were silently ignored, and a module's server or expensive fixture started on both
  workers. Here the tag goes where pytest 9.2 keeps the id (``tests/test_repo.py`` checks it).
- the ``slow`` tests outside a group start first, so that no worker is left with a long
  test at the end while the other one idles (xdist already sends groups first).
"""

from __future__ import annotations

import pytest
from _pytest.nodeid import coerce_node_id


def group_of(item: pytest.Item) -> str | None:
    """The item's ``xdist_group`` name(s), as pytest-xdist joins them, or None."""
    names = {m.args[0] if m.args else m.kwargs.get("name", "default")
             for m in item.iter_markers("xdist_group")}  # fmt: skip
    return "_".join(sorted(names)) or None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not getattr(config.option, "loadgroup", False):  # set on xdist workers only
        return
    for item in items:
        group = group_of(item)
        if group and "@" not in item.nodeid.rpartition("]")[2]:
            item._id = coerce_node_id(f"{item.nodeid}@{group}")
    items.sort(key=lambda item: not (item.get_closest_marker("slow") and not group_of(item)))

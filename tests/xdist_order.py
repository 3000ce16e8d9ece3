"""How ``make test`` shares the tests between two pytest-xdist workers (``--dist loadgroup``).

``make test`` builds the site in the background while one pytest run goes through every
test; the tests of the built site (markers ``build``, ``pdf``) wait for it (``built_html``
in conftest.py). Each worker collects the tests and orders them alike:

- the tests of an ``xdist_group`` go to one worker. pytest-xdist 3.8 tags them by rewriting
  ``item._nodeid``, which pytest 9.2 no longer reads (pytest-xdist issue 1386): the groups
  were silently ignored, and a module's server or expensive fixture started on both
  workers. Here the tag goes where pytest 9.2 keeps the id (``tests/test_repo.py`` checks
  it). A group's tests of the built site form a group of their own (``<name>-built``), so
  that a worker never waits for the site in the middle of a group.
- the order is: the runs of the book's notebooks (marker ``book_run``: the site build
  starts when they are over, from their outputs), the other tests that need no build
  (groups, then ``slow`` tests, then the rest), then those of the built site (browser
  tests, the longest, first). Among the groups, JupyterLab's (``lab``) comes before the
  hub's: the hub starts five servers at once, and on a fresh virtualenv each would compile
  the same modules (about 5 CPU seconds a server) unless a server started before them
  had. The workers take the groups and tests in this order (make test passes
  ``--no-loadscope-reorder``), so the site has finished building before its tests come
  up, and no worker is left with a long test at the end while the other one idles.
"""

from __future__ import annotations

import pytest
from _pytest.nodeid import coerce_node_id

BUILT = ("build", "pdf")
#: Groups that go before the others of their part (see above), in this order.
FIRST_GROUPS = ("lab",)


def needs_site(item: pytest.Item) -> bool:
    return any(item.get_closest_marker(name) for name in BUILT)


def group_of(item: pytest.Item) -> str | None:
    """The item's ``xdist_group`` name(s), as pytest-xdist joins them, or None."""
    names = {m.args[0] if m.args else m.kwargs.get("name", "default")
             for m in item.iter_markers("xdist_group")}  # fmt: skip
    if not names:
        return None
    return "_".join(sorted(names)) + ("-built" if needs_site(item) else "")


def rank(item: pytest.Item) -> tuple[int, ...]:
    """Sort key: the book's notebook runs, then what needs no site; in each part, groups
    (those of FIRST_GROUPS first) and long tests first."""
    group = group_of(item)
    if needs_site(item):
        return (True, True, item.get_closest_marker("browser") is None, group is not None)
    if item.get_closest_marker("book_run"):
        return (False, False, False, False)
    first = FIRST_GROUPS.index(group) if group in FIRST_GROUPS else len(FIRST_GROUPS)
    return (False, True, group is None, first, item.get_closest_marker("slow") is None)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not getattr(config.option, "loadgroup", False):  # set on xdist workers only
        return
    for item in items:
        group = group_of(item)
        if group and "@" not in item.nodeid.rpartition("]")[2]:
            item._id = coerce_node_id(f"{item.nodeid}@{group}")
    items.sort(key=rank)

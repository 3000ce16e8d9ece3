"""Shared paths and fixtures for the course's tests."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

# xdist_group honoured under pytest 9.2, slow tests first: tests/xdist_order.py
pytest_plugins = ["xdist_order"]

ROOT = Path(__file__).resolve().parent.parent
BUILD_HTML = ROOT / "_build" / "html"
BUILD_LATEX = ROOT / "_build" / "latex"
PDF = BUILD_LATEX / "course.pdf"
OFFLINE_GUARD = ROOT / "tools" / "offline"

# Every process the tests start (notebook kernels included) inherits the offline guard,
# also when pytest is run directly rather than through `make test`.
if str(OFFLINE_GUARD) not in os.environ.get("PYTHONPATH", "").split(os.pathsep):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(OFFLINE_GUARD), os.environ.get("PYTHONPATH", "")) if p
    )


def toc_files() -> list[str]:
    """Every page in ``_toc.yml``, in book order, without suffix (``chapters/01_visit``)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part["chapters"]:
            files.append(chapter["file"])
            files.extend(section["file"] for section in chapter.get("sections", []))
    return files


def source_of(page: str) -> Path:
    """The source file (``.md`` or ``.ipynb``) of a toc entry."""
    for suffix in (".ipynb", ".md"):
        if (ROOT / f"{page}{suffix}").exists():
            return ROOT / f"{page}{suffix}"
    raise FileNotFoundError(f"no source for toc entry {page!r}")


def chapter_notebooks() -> list[Path]:
    return sorted((ROOT / "chapters").glob("*.ipynb"))


def backmatter_notebooks() -> list[Path]:
    return sorted((ROOT / "backmatter").glob("*.ipynb"))


def book_notebooks() -> list[Path]:
    """Every notebook of the book: the chapters, then the back matter."""
    return chapter_notebooks() + backmatter_notebooks()


#: Set by ``make test``: where each run of a book notebook leaves its mark; the site build
#: waits for one per notebook (``tests/test_notebooks.py``).
RUN_MARKS = os.environ.get("COURSE_NOTEBOOK_MARKS")


def mark_of(notebook: Path) -> Path:
    """Where this notebook's run leaves its mark (``RUN_MARKS`` is set)."""
    return Path(RUN_MARKS or "") / f"{notebook.parent.name}-{notebook.stem}"


def leave_mark(notebook: Path, note: str = "") -> None:
    """Under ``make test``: this notebook's run is over (or, with a ``note``, will not
    happen)."""
    if RUN_MARKS:
        Path(RUN_MARKS).mkdir(parents=True, exist_ok=True)
        mark_of(notebook).write_text(note)


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A notebook whose run is not among the selected tests (``-k``, ``-m``) leaves its mark
    at once, so that the site build does not wait for it."""
    if not RUN_MARKS:
        return
    selected = {i.callspec.params["path"] for i in items if i.get_closest_marker("book_run")}
    for notebook in book_notebooks():
        if notebook not in selected:
            leave_mark(notebook, "not selected")


#: Set by ``make test``: the file where the site build, run in the background while the
#: tests run, writes its exit status.
SITE_STATUS = os.environ.get("COURSE_SITE_STATUS")
SITE_LOG = ROOT / "_build" / "site.log"


def wait_for_the_site(timeout: float = 1800) -> None:
    """Under ``make test``, wait until the background build of the site has finished; fail
    with the end of its log if it failed."""
    if not SITE_STATUS:
        return
    status = Path(SITE_STATUS)
    deadline = time.monotonic() + timeout
    while not status.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"make site did not finish in {timeout:.0f} s: see {SITE_LOG}")
        time.sleep(1)
    code = status.read_text().strip()
    if code != "0":
        tail = "\n".join(SITE_LOG.read_text(errors="replace").splitlines()[-30:])
        pytest.fail(f"make site failed (exit {code}); the end of {SITE_LOG}:\n{tail}")


@pytest.fixture(scope="session")
def built_html() -> Path:
    """The built web book; the tests that need it fail clearly if it is missing."""
    wait_for_the_site()
    if not (BUILD_HTML / "index.html").exists():
        pytest.fail("_build/html is missing: run `make book` (make test does it first)")
    return BUILD_HTML


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (see tests/browser.py)."""
    from browser import chromium

    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def book_url(built_html: Path) -> Iterator[str]:
    """The built web book, served on 127.0.0.1."""
    from browser import serve

    with serve(built_html) as url:
        yield url


@pytest.fixture(scope="session", params=["served", "file"])
def book_base(request: pytest.FixtureRequest, built_html: Path) -> str:
    """The built web book, served on 127.0.0.1 and opened from disk (file://)."""
    if request.param == "file":
        return built_html.as_uri()
    return request.getfixturevalue("book_url")


@pytest.fixture(scope="session")
def hub(tmp_path_factory: pytest.TempPathFactory):
    """The trial hub of `make hub`, once per test process: the modules that use it share the
    pytest-xdist group ``hub``, so that they run on one worker and one hub starts."""
    from trialhub import trial_hub

    repo = tmp_path_factory.mktemp("repository") / "course"
    with trial_hub(tmp_path_factory.mktemp("hub"), repo) as running:
        yield running


def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """After the last of a run of tests on the trial hub, stop its users' servers (their
    memory is the hub's cost); a later test that needs them starts them again."""
    uses = "hub" in getattr(item, "fixturenames", ())
    if uses and "hub" not in getattr(nextitem, "fixturenames", ()):
        hub = getattr(item, "funcargs", {}).get("hub")
        if hub is not None:
            hub.stop_servers()


@pytest.fixture(scope="session")
def built_pdf() -> Path:
    wait_for_the_site()
    if not PDF.exists():
        pytest.fail("_build/latex/course.pdf is missing: run `make pdf` (make test does it first)")
    return PDF


def pdftotext(pdf: Path, *options: str) -> str:
    """The text of a PDF, as ``pdftotext`` prints it (UTF-8; ``options`` such as ``-l 3``)."""
    command = ["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def built_pdf_text(built_pdf: Path) -> str:
    """The built PDF's text, page furniture and all (read once for every test)."""
    return pdftotext(built_pdf)


def squash(text: str) -> str:
    """Letters and digits only: immune to line breaks, hyphenation and typographic quotes."""
    return re.sub(r"[\W_]+", "", text.casefold())


def code_cells(notebook: Path) -> list[str]:
    """The sources of a notebook's code cells that are not empty."""
    import nbformat

    cells = nbformat.read(notebook, as_version=4).cells
    return [c.source for c in cells if c.cell_type == "code" and c.source.strip()]


def page_title(page: str) -> str:
    """The first ``# `` heading of a toc entry's source."""
    path = source_of(page)
    if path.suffix == ".ipynb":
        import nbformat

        cells = nbformat.read(path, as_version=4).cells
        lines = [line for c in cells if c.cell_type == "markdown" for line in c.source.splitlines()]
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("# "):
            return line[2:].strip()
    raise AssertionError(f"{path} has no '# ' title")


def same_title(shown: str, title: str) -> bool:
    """A rendered heading matches a source title: toc numbers, smart quotes and the
    permalink sign aside."""

    def norm(text: str) -> str:
        text = text.replace("\u2019", "'").replace("\u2018", "'").replace("#", "")
        text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u00b6", "")
        return re.sub(r"\s+", " ", re.sub(r"^\s*\d+\.\s*", "", text)).strip()

    return norm(shown) == norm(title)

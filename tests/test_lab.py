"""JupyterLab for instructors (`make lab`), offline: MyST renders, the quiz widget grades and
the map draws.

Starts JupyterLab the way `make lab` does (the same virtualenv, so the same JupyterLab
settings and extensions: jupyterlab-myst, the news pop-up switched off), opens chapter 1 in
Chromium, checks the Markdown cells render as MyST, runs every cell, then answers the first
quiz question through the ipywidgets UI, and the locate question by a click on its
ipyleaflet map (its own Leaflet, from the jupyter-leaflet extension), graded in Python; then
opens chapter 3 in the same JupyterLab (File > Open from Path) and checks its MyST.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import close, open_page
from conftest import ROOT
from jupyter import (
    NOTEBOOK,
    RAW_MYST,
    RERUN_ON_LAB_RACE,
    SCROLL_TOP,
    ServerExited,
    free_port,
    map_draws_and_quiz_grades,
    rendered_markdown,
    run_all_cells,
    wait_for,
)
from playwright.sync_api import Browser, Page, expect

from coursekit import load
from coursekit.quiz.types.locate.geometry import distance_km

# One worker runs the whole module under pytest-xdist, so its server starts once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("lab")]
CHAPTER = "01_visit"


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A JupyterLab server on 127.0.0.1, as `make lab` starts it; yields its base URL and token."""
    token = secrets.token_hex(16)
    home = tmp_path_factory.mktemp("jupyter-home")
    # A scratch copy: the test must never edit or autosave the committed notebook.
    work = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(ROOT / "chapters", work / "chapters")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    log = (home / "lab.log").open("w")
    # A free port can be taken (by a kernel's socket) before the server binds it: the server
    # must not move to another port on its own (port_retries=0); the fixture tries again.
    for _attempt in range(3):
        port = free_port()
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "jupyter"),
                "lab",
                "--no-browser",
                "--ip=127.0.0.1",
                f"--port={port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={token}",
                f"--notebook-dir={work}",
                *(["--allow-root"] if os.geteuid() == 0 else []),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(f"{base}/api/status?token={token}", process=server)
            break
        except ServerExited:
            continue
    else:
        raise RuntimeError(f"JupyterLab did not start on three free ports: see {log.name}")
    try:
        yield base, token
    finally:
        server.terminate()
        server.wait(timeout=30)


def notebook_url(lab: tuple[str, str], chapter: str) -> str:
    base, token = lab
    # ?reset: a fresh workspace, so that only this notebook is open (no restored tabs).
    return f"{base}/lab/tree/chapters/{chapter}.ipynb?reset&token={token}"


def test_news_popup_is_off(lab: tuple[str, str]) -> None:
    """make lab's settings switch off the news feed and the update check (no pop-up)."""
    base, token = lab
    with urllib.request.urlopen(
        f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}"
    ) as answer:
        found = json.load(answer)
    # Overrides become the schema's defaults; nothing is stored as a user setting.
    settings = {k: v.get("default") for k, v in found["schema"]["properties"].items()}
    settings.update(found["settings"])
    assert settings["fetchNews"] == "false"
    assert settings["checkForUpdates"] is False


def myst_renders(page: Page, chapter: str) -> None:
    """Citations, glossary terms, admonitions and exercises show formatted, not as source."""
    notebook = json.loads((ROOT / "chapters" / f"{chapter}.ipynb").read_text())
    markdown_cells = [c for c in notebook["cells"] if c["cell_type"] == "markdown"]
    texts = rendered_markdown(page, len(markdown_cells))
    assert len(texts) == len(markdown_cells), "not every Markdown cell was rendered"
    raw = {mark: n for mark in RAW_MYST if (n := sum(t.count(mark) for t in texts.values()))}
    assert raw == {}, f"raw MyST visible in {chapter}: {raw}"
    # The source has admonitions; JupyterLab shows them as boxes.
    source = "".join("".join(c["source"]) for c in markdown_cells)
    assert re.search(r":::\{(admonition|note|tip|important|warning)\}", source)
    expect(page.locator(f"{NOTEBOOK} aside.myst-admonition").first).to_be_visible()
    assert page.get_by_text("official Jupyter news").count() == 0


def open_from_path(page: Page, path: str) -> None:
    """File > Open from Path..., as an instructor opens another notebook in the same
    JupyterLab; returns once it is the tab in view."""
    page.locator(".lm-MenuBar-itemLabel", has_text="File").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Open from Path").first.click()
    box = page.get_by_placeholder("/path/relative/to/jlab/root")
    box.fill(path)
    box.press("Enter")
    name = path.rsplit("/", 1)[-1]
    page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current", has_text=name).wait_for()


@RERUN_ON_LAB_RACE
def test_notebook_in_jupyterlab_offline(browser: Browser, lab: tuple[str, str]) -> None:
    """Chapter 1: its MyST renders, every cell runs, the quiz widget and the locate map grade;
    then chapter 3, opened in the same JupyterLab: its MyST renders."""
    page, watch = open_page(browser, fresh=True)
    page.set_default_timeout(120_000)
    page.goto(notebook_url(lab, CHAPTER))
    myst_renders(page, CHAPTER)  # before it runs: the same page load
    page.evaluate(SCROLL_TOP)  # back where a reader starts
    run_all_cells(page)
    map_draws_and_quiz_grades(page, CHAPTER)
    answer_locate_question(page, load(f"quizzes/{CHAPTER}.yml"))
    open_from_path(page, "chapters/03_history.ipynb")
    myst_renders(page, "03_history")
    assert watch.blocked == [], f"requests to outside hosts: {watch.blocked}"
    assert watch.page_errors == []
    close(page)


def answer_locate_question(page: Page, bank) -> None:
    """Click the middle of the locate question's map; the kernel grades the click."""
    question = next(q for q in bank.questions if q.type == "locate")
    box = page.locator(".jp-OutputArea-output .widget-vbox", has_text=question.prompt).last
    box.scroll_into_view_if_needed()
    the_map = box.locator(".leaflet-container")
    the_map.wait_for()
    assert the_map.locator("path.leaflet-interactive").count() > 5  # the country outlines
    the_map.click()  # the middle of the map: the middle of the question's extent
    feedback = box.locator(".widget-html", has_text="km from")
    expect(feedback).to_be_visible()
    text = feedback.inner_text()
    km = int(re.search(r"Your point is (\d+) km from", text).group(1))
    west, south, east, north = question.answer.extent
    spot = question.answer.target.spot
    expected = distance_km((south + north) / 2, (west + east) / 2, spot.lat, spot.lon)
    assert abs(km - expected) < 10, (km, expected)
    verdict = "✓ Correct" if km <= question.answer.target.tolerance_km else "✗ Incorrect"
    expect(box).to_contain_text(verdict)
    expect(box.locator(".leaflet-marker-icon", has_text="The answer:")).to_have_count(1)

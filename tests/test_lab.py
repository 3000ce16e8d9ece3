"""JupyterLab for instructors (`make lab`), offline: the quiz widget grades and the map draws.

Starts JupyterLab the way `make lab` does (Leaflet from node_modules through the
server's /files/ route), opens chapter 1 in Chromium, runs every cell, then answers the
first quiz question through the ipywidgets UI, and the locate question by a click on its
ipyleaflet map (its own Leaflet, from the jupyter-leaflet extension), graded in Python.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import open_page
from conftest import ROOT
from playwright.sync_api import Browser, Page, expect

from coursekit import load
from coursekit.quiz.types.locate.geometry import distance_km

pytestmark = pytest.mark.browser
CHAPTER = "01_visit"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A JupyterLab server on 127.0.0.1, as `make lab` starts it; yields its base URL."""
    port, token = free_port(), secrets.token_hex(16)
    home = tmp_path_factory.mktemp("jupyter-home")
    # A scratch copy: the test must never edit or autosave the committed notebook.
    work = tmp_path_factory.mktemp("lab-root")
    (work / "chapters").mkdir()
    shutil.copy(ROOT / "chapters" / f"{CHAPTER}.ipynb", work / "chapters")
    for package in ("leaflet", "leaflet.fullscreen"):
        shutil.copytree(ROOT / "node_modules" / package, work / "node_modules" / package)
    env = {
        **os.environ,
        "COURSEKIT_ASSET_BASE": "/files/node_modules",
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    log = (home / "lab.log").open("w")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "jupyter"),
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={token}",
            f"--notebook-dir={work}",
            "--LabApp.news_url=",
            "--LabServerApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start")
        yield f"{base}/lab/tree/chapters/{CHAPTER}.ipynb?token={token}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_all_cells(page: Page) -> None:
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()


def test_notebook_in_jupyterlab_offline(browser: Browser, lab: str) -> None:
    bank = load(f"quizzes/{CHAPTER}.yml")
    question = next(q for q in bank.questions if q.type == "single")
    wrong = next(o.text for o in question.options if o.text != question.answer)
    page, watch = open_page(browser)
    page.set_default_timeout(120_000)
    page.goto(lab)
    run_all_cells(page)

    # The map: Leaflet from node_modules through the server, no outside request.
    map_frame = page.frame_locator(".jp-OutputArea-output iframe").first
    map_frame.locator(".leaflet-container").wait_for()
    assert map_frame.locator("path.leaflet-interactive").count() > 10

    # The quiz: an ipywidgets UI that grades.
    # The innermost box holding the prompt is the question (the quiz box holds them all).
    quiz = page.locator(".jp-OutputArea-output .widget-vbox", has_text=question.prompt).last
    quiz.wait_for()
    quiz.get_by_text(wrong, exact=True).click()
    quiz.get_by_role("button", name="Check").click()
    expect(quiz).to_contain_text("✗ Incorrect")  # the kernel answers over the widget comm
    quiz.get_by_text(question.answer, exact=True).click()
    quiz.get_by_role("button", name="Check").click()
    expect(quiz).to_contain_text("✓ Correct")
    expect(page.locator(".jp-OutputArea-output", has_text="Score: 1 /").first).to_be_visible()
    answer_locate_question(page, bank)
    assert watch.blocked == [], f"requests to outside hosts: {watch.blocked}"
    assert watch.page_errors == []
    page.context.close()


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

"""A class on JupyterHub: the hub `make hub` starts, five students at once.

Starts JupyterHub with `hub/jupyterhub_config.py` (dummy authenticator, local process
spawner, configurable-http-proxy from npm) on free ports of 127.0.0.1; creates five students
through the hub's REST API, starts their servers at the same time and, in each, runs every
code cell of chapter 1 through the Jupyter Server API (a kernel per student, all at once),
after pulling the course into the student's own home folder with nbgitpuller (as the link an
instructor hands out does). Then Chromium logs in as
one student, opens chapter 1 in JupyterLab, and sees the map drawn and a quiz graded.
Every process the hub started is stopped at the end. Timings and the servers' peak memory
go to `_build/hub-report.json`.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest
from browser import close, open_page
from conftest import ROOT
from jupyter import (
    RERUN_ON_LAB_RACE,
    execute_cells,
    map_draws_and_quiz_grades,
    run_all_cells,
    tree_rss,
)
from playwright.sync_api import Browser
from trialhub import BRANCH, STUDENTS, Hub

# One worker runs the whole module under pytest-xdist, so its server starts once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("hub")]
CHAPTER = "01_visit"
NOTEBOOK = f"course/chapters/{CHAPTER}.ipynb"  # where nbgitpuller puts it in each home folder
REPORT = ROOT / "_build" / "hub-report.json"


def server_pids(hub_pid: int) -> list[int]:
    """The students' single-user servers (each with its kernels below it)."""
    pids = []
    for process in psutil.Process(hub_pid).children(recursive=True):
        try:
            if "jupyterhub-singleuser" in " ".join(process.cmdline()):
                pids.append(process.pid)
        except psutil.Error:  # a short-lived process (git, a shell) ended meanwhile
            continue
    return pids


def pull_course(hub: Hub, name: str) -> None:
    """What an nbgitpuller link does: clone the course into the student's home folder."""
    query = urllib.parse.urlencode({"repo": hub.repo, "branch": BRANCH, "targetpath": "course"})
    request = urllib.request.Request(
        f"{hub.url}/user/{name}/git-pull/api?{query}",
        headers={"Authorization": f"token {hub.token}"},
    )
    with urllib.request.urlopen(request, timeout=180) as stream:
        events = [
            json.loads(line[5:])
            for line in stream.read().decode().splitlines()
            if line.startswith("data:")
        ]
    assert events and events[-1]["phase"] == "finished", f"{name}: nbgitpuller said {events[-1:]}"


def run_chapter(hub: Hub, name: str) -> list[dict]:
    """Pull the course, then run every code cell of chapter 1 in a kernel of their server."""
    pull_course(hub, name)
    notebook = hub.api("GET", f"/user/{name}/api/contents/{urllib.parse.quote(NOTEBOOK)}")
    cells = ["".join(c["source"]) for c in notebook["content"]["cells"] if c["cell_type"] == "code"]
    with hub.kernel(name) as ws:
        return execute_cells(ws, hub.token, cells)


def test_five_students_run_chapter_one_at_once(hub: Hub) -> None:
    started = time.monotonic()
    hub.start_servers(STUDENTS)  # all five spawn at the same time
    spawned = time.monotonic() - started

    peak, sampling = 0, True

    def sample() -> None:
        nonlocal peak
        while sampling:
            peak = max(peak, tree_rss(server_pids(hub.pid)))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        with ThreadPoolExecutor(len(STUDENTS)) as pool:
            results = dict(
                zip(STUDENTS, pool.map(lambda n: run_chapter(hub, n), STUDENTS), strict=True)
            )
    finally:
        sampling = False
        sampler.join()
    elapsed = time.monotonic() - started

    for name, cells in results.items():
        assert cells, f"{name}: no code cells ran"
        for number, cell in enumerate(cells, start=1):
            errors = [o for o in cell["outputs"] if o["type"] == "error"]
            assert cell["status"] == "ok" and not errors, f"{name}, code cell {number}: {errors}"
        html = [
            o["data"]["text/html"]
            for c in cells
            for o in c["outputs"]
            if "text/html" in o.get("data", {})
        ]
        assert any("leaflet" in h.lower() for h in html), f"{name}: no map in the outputs"
        widgets = [c for c in cells if "application/vnd.jupyter.widget-view+json" in c["mimetypes"]]
        assert widgets, f"{name}: no quiz widget in the outputs"
    assert len(server_pids(hub.pid)) >= len(STUDENTS)

    REPORT.parent.mkdir(exist_ok=True)
    report = {
        "students": len(STUDENTS),
        "seconds_to_spawn_all": round(spawned, 1),
        "seconds_total": round(elapsed, 1),
        "peak_rss_mib_of_five_servers_with_kernels": round(peak / 2**20),
    }
    REPORT.write_text(json.dumps(report, indent=2) + "\n")
    print(report)


@RERUN_ON_LAB_RACE
def test_student_in_jupyterlab_on_the_hub(browser: Browser, hub: Hub) -> None:
    page, watch = open_page(browser, fresh=True)
    page.set_default_timeout(180_000)
    # The login page takes the student to the notebook (as the course's link does), so
    # that JupyterLab loads once.
    target = f"/user/{STUDENTS[0]}/lab/tree/{NOTEBOOK}"
    page.goto(f"{hub.url}/hub/login?next={urllib.parse.quote(target)}")
    page.get_by_label("Username").fill(STUDENTS[0])
    page.get_by_label("Password").fill("any password: the trial hub's dummy authenticator")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{target}")
    run_all_cells(page)
    map_draws_and_quiz_grades(page, CHAPTER)
    assert watch.blocked == [], f"requests to outside hosts: {watch.blocked}"
    assert watch.page_errors == []
    close(page)

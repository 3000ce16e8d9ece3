"""Helpers for the JupyterLab and JupyterHub tests: servers on free ports, the kernel
protocol over a WebSocket, and driving a notebook in JupyterLab with Chromium."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import time
import urllib.request
import uuid
from typing import Any

import psutil
import pytest
import websocket
from playwright.sync_api import Page, expect

from coursekit import load

#: Raw MyST that must never show in a rendered Markdown cell.
RAW_MYST = ("{cite", "{term}", ":::{", "```{", "{exercise", "{solution", "{ref}", "{doc}")


#: For the tests that drive JupyterLab in Chromium and require no uncaught error in the page.
#: One full CI run out of about a dozen met an uncaught "TypeError: Cannot read properties of
#: undefined (reading 'node')" in the offline notebook test under full load; it did not come
#: back in 9 runs of the JupyterLab tests beside 2 to 4 busy loops. Its stack was not kept
#: then (``Watch.page_errors`` now keeps each error's top frames). A test that meets exactly
#: this error runs once more (pytest-rerunfailures; the summary lists it as a rerun) and
#: fails if it meets it, or any other error, again.
RERUN_ON_LAB_RACE = pytest.mark.flaky(
    reruns=1, only_rerun=[r"Cannot read properties of undefined \(reading 'node'\)"]
)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerExited(RuntimeError):
    """The server's process ended before it answered (its port was taken, for instance)."""


def wait_for(
    url: str,
    timeout: float = 90,
    accept_errors: bool = True,
    process: subprocess.Popen | None = None,
) -> None:
    """Wait until ``url`` answers: with any HTTP status below 500, or only with success.

    Something that is not HTTP on the port (another program's socket) counts as no answer
    yet; if ``process`` (the server's) ends meanwhile, :class:`ServerExited` is raised.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=3)
            return
        except urllib.error.HTTPError as exc:
            if accept_errors and exc.code < 500:
                return
        except (OSError, http.client.HTTPException):
            pass
        if process is not None and process.poll() is not None:
            raise ServerExited(f"the server for {url} exited with {process.returncode}")
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def api(method: str, url: str, token: str, body: Any = None) -> Any:
    """A JSON request with a token; returns the decoded answer (or None)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url,
        data=data,
        method=method,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        text = answer.read()
    return json.loads(text) if text else None


def execute_cells(ws_url: str, token: str, cells: list[str], timeout: float = 240) -> list[dict]:
    """Run each code cell in a kernel over its WebSocket; return one result per cell.

    A result holds ``status`` (of the execute reply), ``outputs`` (the iopub display, result,
    stream and error messages' content) and ``mimetypes`` (every MIME type displayed).
    """
    ws = websocket.create_connection(
        ws_url, header=[f"Authorization: token {token}"], timeout=timeout
    )
    session = uuid.uuid4().hex
    results = []
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            ws.send(
                json.dumps(
                    {
                        "header": {
                            "msg_id": msg_id,
                            "msg_type": "execute_request",
                            "session": session,
                            "username": "test",
                            "version": "5.3",
                            "date": "",
                        },
                        "parent_header": {},
                        "metadata": {},
                        "content": {
                            "code": code,
                            "silent": False,
                            "store_history": True,
                            "user_expressions": {},
                            "allow_stdin": False,
                            "stop_on_error": True,
                        },
                        "channel": "shell",
                    }
                )
            )
            results.append(_collect(ws, msg_id))
    finally:
        ws.close()
    return results


def kernel_answers(ws_url: str, token: str, timeout: float = 120) -> bool:
    """Whether the kernel behind ``ws_url`` answers a ``kernel_info_request`` within
    ``timeout``; False when it died first (the server closes the WebSocket, or refuses it)."""
    msg_id = uuid.uuid4().hex
    request = {
        "header": {"msg_id": msg_id, "msg_type": "kernel_info_request", "session": msg_id,
                   "username": "test", "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "content": {}, "channel": "shell",
    }  # fmt: skip
    deadline = time.monotonic() + timeout
    try:
        ws = websocket.create_connection(
            ws_url, header=[f"Authorization: token {token}"], timeout=timeout
        )
    except (OSError, websocket.WebSocketException):
        return False
    try:
        ws.send(json.dumps(request))
        while time.monotonic() < deadline:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") == msg_id and msg["channel"] == "shell":
                return True
    except (OSError, websocket.WebSocketException):
        return False
    finally:
        ws.close()
    return False


def _collect(ws: websocket.WebSocket, msg_id: str) -> dict:
    outputs: list[dict] = []
    status, idle = None, False
    while status is None or not idle:
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if msg["channel"] == "shell" and kind == "execute_reply":
            status = msg["content"]["status"]
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
        elif kind in ("display_data", "execute_result", "stream", "error"):
            outputs.append({"type": kind, **msg["content"]})
    mimetypes = {m for out in outputs for m in out.get("data", {})}
    return {"status": status, "outputs": outputs, "mimetypes": mimetypes}


def tree_rss(pids: list[int]) -> int:
    """Resident memory, in bytes, of these processes and all their children."""
    total = 0
    for pid in pids:
        try:
            root = psutil.Process(pid)
            processes = [root, *root.children(recursive=True)]
        except psutil.Error:
            continue
        for proc in processes:
            try:
                total += proc.memory_info().rss
            except psutil.Error:  # ended between the listing and the reading
                continue
    return total


def stop_tree(pid: int, timeout: float = 20) -> None:
    """Terminate a process and every process it started; kill what is left."""
    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    procs = [*root.children(recursive=True), root]
    for proc in procs:
        try:
            proc.terminate()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(procs, timeout=timeout)
    for proc in alive:
        proc.kill()


def run_all_cells(page: Page) -> None:
    """Wait for the kernel, then Run → Run All Cells."""
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()


#: The notebook in the visible tab (JupyterLab may restore other tabs, hidden, from its workspace).
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
#: JavaScript: [index, rendered text or null] for each Markdown cell attached to the page.
CELL_TEXTS = f"""() => [...document.querySelectorAll('{NOTEBOOK} .jp-MarkdownCell')].map(c =>
    [c.dataset.windowedListIndex,
     c.querySelector('.jp-RenderedMarkdown, .myst')?.innerText ?? null])"""


#: JavaScript: scroll the visible notebook by most of a screen; true when already at the end.
SCROLL_DOWN = f"""() => {{ const o = document.querySelector('{NOTEBOOK} .jp-WindowedPanel-outer');
    const before = o.scrollTop; o.scrollTop += o.clientHeight * 0.8;
    return o.scrollTop === before; }}"""
#: JavaScript: back to the top of the visible notebook.
SCROLL_TOP = (
    f"() => {{ document.querySelector('{NOTEBOOK} .jp-WindowedPanel-outer').scrollTop = 0; }}"
)


def rendered_markdown(page: Page, expected: int, timeout: float = 120) -> dict[str, str]:
    """The visible text of every rendered Markdown cell, scrolling through the notebook
    (JupyterLab attaches only the cells near the view) until ``expected`` cells are seen."""
    page.wait_for_selector(
        f"{NOTEBOOK} .jp-MarkdownCell :is(.myst, .jp-RenderedMarkdown)", timeout=90_000
    )
    seen: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    while len(seen) < expected and time.monotonic() < deadline:
        page.evaluate(SCROLL_TOP)
        at_end = False
        while not at_end:  # one pass from top to bottom
            page.wait_for_timeout(400)
            for index, text in page.evaluate(CELL_TEXTS):
                if text:  # attached and rendered
                    seen[index] = text
            at_end = page.evaluate(SCROLL_DOWN)
    return seen


def map_draws_and_quiz_grades(page: Page, chapter: str) -> None:
    """After Run All: the chapter's map draws in its iframe, and the quiz widget grades a
    wrong and then the right answer to its first single-choice question (over the comm)."""
    map_frame = page.frame_locator(".jp-OutputArea-output iframe").first
    map_frame.locator(".leaflet-container").wait_for()
    assert map_frame.locator("path.leaflet-interactive").count() > 10

    bank = load(f"quizzes/{chapter}.yml")
    question = next(q for q in bank.questions if q.type == "single")
    wrong = next(o.text for o in question.options if o.text != question.answer)
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

"""Graded notebooks on the trial hub, end to end: one instructor, five students, chapter 1.

On the hub of `make hub` (the session fixture ``hub``, shared with ``test_hub.py``), each
step is done AS THE USER who does it in class, through that user's own single-user server
and the hub's API token (which may use every server):

- the instructor generates and releases chapter 1 (Formgrader's REST API,
  ``/user/instructor/formgrader/api/assignment/01_visit/assign`` and ``.../release``);
- five students fetch it (nbgrader's assignment-list REST API of each student's server,
  ``/user/<name>/assignments/fetch``); three of them answer in the released notebook's answer
  cells, as a student types them (the notebook is read and saved back through the server's
  contents API), and submit (``/user/<name>/assignments/submit``): all right, all wrong, mixed;
- the instructor collects and autogrades them (Formgrader's API), then exports ``grades.csv``
  with ``nbgrader export``: nbgrader has no REST handler for the export, so the command runs
  in a kernel of the instructor's server, where nbgrader sees the instructor's environment
  (``JUPYTERHUB_USER``, the hub's nbgrader settings, the course folder);
- the instructor generates and releases the feedback (Formgrader's API); the "all wrong"
  student fetches it (``/user/<name>/assignments/fetch_feedback``) and reads it.

Every server runs as the same OS user (root): the hub's nbgrader settings name each student
by their hub name, and the test checks that the exchange, the collected submissions, the
grades and the feedback keep the students apart. The grades must equal the course's own
grading of the same answers. Each step's time and the grades are printed (``-s``) and
written to ``_build/hub-grading.md``.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import nbformat
import pytest
from conftest import ROOT
from graded import answers, course_grading, short_failures
from jupyter import execute_cells
from trialhub import INSTRUCTOR, STUDENTS, Hub

from coursekit.nbgrader import COURSE_ID, notebook
from coursekit.quiz import load_bank

pytestmark = [pytest.mark.nbgrader, pytest.mark.xdist_group("hub")]
CHAPTER = "01_visit"
#: who submits what (the others only fetch)
SUBMITS = {"student1": "right", "student2": "wrong", "student3": "mixed"}
REPORT = ROOT / "_build" / "hub-grading.md"


class Steps:
    """Each step's wall time, in order."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.monotonic()
        yield
        self.seconds[name] = time.monotonic() - started


def quoted(path: str) -> str:
    return urllib.parse.quote(path)


def formgrader(hub: Hub, action: str) -> dict:
    """A Formgrader action of the instructor's server; it must succeed."""
    done = hub.api("POST", f"/user/{INSTRUCTOR}/formgrader/api/{action}")
    assert done["success"], f"formgrader {action}: {done.get('error') or done.get('log')}"
    return done


def exchange(hub: Hub, student: str, action: str) -> list[dict]:
    """A student's action on the exchange (fetch, submit, fetch_feedback) through their own
    server; the assignments of the course as that student then sees them."""
    body = {"course_id": COURSE_ID, "assignment_id": CHAPTER}
    done = hub.api("POST", f"/user/{student}/assignments/{action}", body)
    assert done["success"], f"{student} {action}: {done.get('value')}"
    return done["value"]


def contents(hub: Hub, user: str, path: str) -> dict:
    return hub.api("GET", f"/user/{user}/api/contents/{quoted(path)}?content=1")


def answer(hub: Hub, student: str, written: list[str]) -> None:
    """Write the answers into the fetched notebook's answer cells and save it, as a student
    does in JupyterLab (only what is between the quotes changes)."""
    path = f"{CHAPTER}/{CHAPTER}.ipynb"
    nb = nbformat.from_dict(contents(hub, student, path)["content"])
    cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    for cell, text in zip(cells, written, strict=True):
        assert cell.source.count('""') == 1, cell.source
        cell.source = cell.source.replace('""', json.dumps(text, ensure_ascii=False))
    model = {"type": "notebook", "format": "json", "content": nb}
    hub.api("PUT", f"/user/{student}/api/contents/{quoted(path)}", model)


def run_in_kernel(hub: Hub, user: str, code: str) -> str:
    """Run ``code`` in a new kernel of ``user``'s server; what it printed (it must not fail)."""
    with hub.kernel(user) as ws:
        (cell,) = execute_cells(ws, hub.token, [code], timeout=120)
    errors = [o for o in cell["outputs"] if o["type"] == "error"]
    assert cell["status"] == "ok" and not errors, errors
    return "".join(o.get("text", "") for o in cell["outputs"] if o["type"] == "stream")


EXPORT = """\
import subprocess
from pathlib import Path
done = subprocess.run(["nbgrader", "export", "--to", "grades.csv"], cwd=Path.home() / {course!r},
                      capture_output=True, text=True)
print(done.returncode, done.stderr[-3000:] if done.returncode else "")
"""


def released_without_answers(text: str, bank) -> None:
    """The notebook a student fetched: empty answer cells, no hidden test, no answer key, no
    explanation (part 3 of the issue: they come only with the feedback)."""
    nb = nbformat.reads(text, as_version=4)
    assert "HIDDEN TESTS" not in text and "coursekit" not in text
    cells = [c for c in nb.cells if c.metadata["nbgrader"]["solution"]]
    assert len(cells) == len(bank.questions)
    assert all(c.source.endswith('= (\n    ""\n)') for c in cells)
    assert all(not c.source for c in nb.cells if c.metadata["nbgrader"]["grade"])
    for item, right in zip(bank.questions, answers(bank)["right"], strict=True):
        assert json.dumps(item.explanation)[1:-1] not in text, item.id
        assert json.dumps(right) not in text, item.id


def test_class_flow_on_the_hub(hub: Hub) -> None:
    bank = load_bank(CHAPTER)
    written = answers(bank)
    step = Steps()
    load = [os.getloadavg()[0]]
    with step("start the servers (instructor, and students not running yet)"):
        hub.start_servers([INSTRUCTOR, *STUDENTS])
    # the course's groups, as nbgrader's JupyterHubAuthPlugin reads them
    assert hub.api("GET", f"/hub/api/groups/formgrade-{COURSE_ID}")["users"] == [INSTRUCTOR]
    assert sorted(hub.api("GET", f"/hub/api/groups/nbgrader-{COURSE_ID}")["users"]) == STUDENTS

    # the Formgrader opens in a tab of its own; inside JupyterLab's frame it stays blank,
    # because the server forbids being framed (the instructor pages say so)
    tab = urllib.request.Request(f"{hub.url}/user/{INSTRUCTOR}/formgrader",
                                 headers={"Authorization": f"token {hub.token}"})  # fmt: skip
    with urllib.request.urlopen(tab, timeout=60) as page:
        assert "Manage Assignments" in page.read().decode()
        assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]

    with step("release (generate + release)"):
        formgrader(hub, f"assignment/{CHAPTER}/assign")
        formgrader(hub, f"assignment/{CHAPTER}/release")
    outbound = hub.state / "exchange" / COURSE_ID / "outbound" / CHAPTER / f"{CHAPTER}.ipynb"
    assert outbound.is_file()

    for student in STUDENTS:
        with step(f"fetch: {student}"):
            listed = exchange(hub, student, "fetch")
        assert [(a["assignment_id"], a["status"]) for a in listed] == [(CHAPTER, "fetched")]
        fetched = contents(hub, student, f"{CHAPTER}/{CHAPTER}.ipynb")
        released_without_answers(json.dumps(fetched["content"]), bank)

    for student, kind in SUBMITS.items():
        with step(f"submit: {student} ({kind})"):
            answer(hub, student, written[kind])
            listed = exchange(hub, student, "submit")
        submitted = [a for a in listed if a["status"] == "submitted"]
        assert len(submitted) == 1 and submitted[0]["student_id"] == student, listed
    # the exchange tells the students apart by their hub names (every server is root here)
    inbound = sorted(p.name.split("+")[0] for p in (hub.state / "exchange" / COURSE_ID /
                                                    "inbound").iterdir())  # fmt: skip
    assert inbound == sorted(SUBMITS)
    # a student who fetched and never submitted sees no one else's submissions
    listed = hub.api("GET", f"/user/student4/assignments?course_id={COURSE_ID}")["value"]
    assert [a["status"] for a in listed] == ["fetched"]

    course = hub.state / "home" / INSTRUCTOR / COURSE_ID
    with step("collect"):
        formgrader(hub, f"assignment/{CHAPTER}/collect")
    assert sorted(p.name for p in (course / "submitted").iterdir()) == sorted(SUBMITS)
    with step("autograde (3 submissions)"):
        for student in SUBMITS:
            formgrader(hub, f"submission/{CHAPTER}/{student}/autograde")
    # nbgrader asked the hub for each user's groups (to fetch, submit and list, with the
    # token of that user's server): the hub allowed every call
    log = (hub.state / "hub.log").read_text("utf-8", errors="replace")
    for refused in ("NOT added to the Jupyterhub group", "Not able to get Jupyterhub user",
                    "JupyterhubApiError", "You do not have access"):  # fmt: skip
        assert refused not in log, refused
    with step("export grades.csv"):
        said = run_in_kernel(hub, INSTRUCTOR, EXPORT.format(course=COURSE_ID))
    assert said.startswith("0 "), said
    table = contents(hub, INSTRUCTOR, f"{COURSE_ID}/grades.csv")["content"]
    rows = {r["student_id"]: r for r in csv.DictReader(io.StringIO(table))}
    assert sorted(rows) == sorted(SUBMITS)

    # the grades are the course's own grading of the same answers, item by item and in total
    full = sum(notebook.points(bank, q) for q in bank.questions)
    grades = {}
    # Imported here: nbgrader's API (SQLAlchemy, its server extensions) is the largest import
    # of this module, and only the worker that runs this test needs it.
    from nbgrader.api import Gradebook

    gb = Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id=COURSE_ID)
    try:
        for student, kind in SUBMITS.items():
            expected = 0
            for item, text in zip(bank.questions, written[kind], strict=True):
                worth = notebook.points(bank, item) if course_grading(item, text) else 0
                score = gb.find_grade(f"{item.id}-check", CHAPTER, CHAPTER, student).score
                assert score == worth, (student, item.id, text)
                expected += worth
            exported = float(rows[student]["raw_score"])
            assert exported == expected, (student, rows[student])
            assert float(rows[student]["max_score"]) == full
            grades[student] = (kind, exported, expected)
    finally:
        gb.close()
    assert grades["student1"][2] == full and grades["student2"][2] == 0
    assert 0 < grades["student3"][2] < full

    with step("feedback (generate + release, all; fetch: student2)"):
        formgrader(hub, f"assignment/{CHAPTER}/generate_feedback")
        formgrader(hub, f"assignment/{CHAPTER}/release_feedback")
        listed = exchange(hub, "student2", "fetch_feedback")
    load.append(os.getloadavg()[0])
    submissions = [s for a in listed for s in a.get("submissions", [])]
    assert submissions and all(s["student_id"] == "student2" for s in submissions), listed
    assert submissions[-1]["has_local_feedback"], submissions
    page = feedback_page(hub, "student2")
    # the "all wrong" student's own feedback: verdicts and explanations, one short line per
    # failed item, no Python traceback
    assert "✓ Correct." not in page and page.count("✗ Incorrect.") >= len(bank.questions)
    short_failures(page, len(bank.questions), "✗ Incorrect.")
    for item in bank.questions:
        assert html.escape(item.explanation, quote=False) in page
    for student in ("student1", "student3", "student4"):  # the others fetched no feedback
        assert not feedback_folders(hub, student)

    report(step.seconds, grades, full, len(bank.questions), print, load)


def feedback_folders(hub: Hub, student: str) -> list[dict]:
    try:
        listing = contents(hub, student, f"{CHAPTER}/feedback")
    except OSError:
        return []
    return [e for e in listing["content"] if e["type"] == "directory"]


def feedback_page(hub: Hub, student: str) -> str:
    """The feedback page the student fetched: ``01_visit/feedback/<timestamp>/01_visit.html``."""
    (folder,) = feedback_folders(hub, student)
    return contents(hub, student, f"{folder['path']}/{CHAPTER}.html")["content"]


def report(seconds: dict[str, float], grades: dict, full: int, items: int,
           show: Callable[[str], object], load: list[float]) -> None:  # fmt: skip
    """The timings and the grades, as Markdown (printed, and written to ``_build``)."""
    lines = [f"Load average (1 min) of the machine at the start and the end: "
             f"{load[0]:.1f}, {load[-1]:.1f} ({os.cpu_count()} cores).", "",
             "| step | seconds |", "|---|---:|"]  # fmt: skip
    lines += [f"| {name} | {value:.1f} |" for name, value in seconds.items()]
    lines += [f"| **all steps** | **{sum(seconds.values()):.1f}** |", ""]
    lines += [f"| student | answers | grades.csv raw_score (of {full}, {items} items) | "
              "the course's grading |", "|---|---|---:|---:|"]  # fmt: skip
    lines += [f"| {student} | {kind} | {exported:g} | {expected} |"
              for student, (kind, exported, expected) in grades.items()]  # fmt: skip
    text = "\n".join(lines) + "\n"
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text, "utf-8")
    show("\n" + text)

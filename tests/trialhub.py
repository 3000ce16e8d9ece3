"""The trial hub of `make hub` (``hub/jupyterhub_config.py``), started once for the tests
that use it (``tests/test_hub.py``, ``tests/test_hub_grading.py``: pytest-xdist group
``hub``, the session fixture ``hub`` of ``conftest.py``), on free ports of 127.0.0.1."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
import urllib.error
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from jupyter import api, free_port, kernel_answers, stop_tree, wait_for

ROOT = Path(__file__).resolve().parent.parent
#: the course's students and instructor, as the hub config names them by default
STUDENTS = [f"student{n}" for n in range(1, 6)]
INSTRUCTOR = "instructor"
#: The branch of the course repository the students pull.
BRANCH = "course"


@dataclass
class Hub:
    url: str
    token: str
    pid: int
    state: Path
    repo: str = ""
    started: set[str] = field(default_factory=set)

    def api(self, method: str, path: str, body: object = None) -> object:
        return api(method, f"{self.url}{path}", self.token, body)

    @contextmanager
    def kernel(self, user: str, attempts: int = 3) -> Iterator[str]:
        """A new kernel of ``user``'s server that answers; yields its WebSocket URL, and
        shuts it down at the end.

        A kernel may die while it starts: the server picks its ports and the kernel binds
        them a moment later, and another process can take one in between (the Jupyter
        protocol's port race, frequent when many kernels start on a busy machine). Such a
        kernel is shut down and a new one started, ``attempts`` times at most."""
        for _attempt in range(attempts):
            kernel = self.api("POST", f"/user/{user}/api/kernels", {"name": "python3"})
            path = f"/user/{user}/api/kernels/{kernel['id']}"
            ws = self.url.replace("http://", "ws://") + f"{path}/channels"
            if kernel_answers(ws, self.token):
                break
            self._shut_down(path)
        else:
            raise RuntimeError(f"{user}: no kernel answered in {attempts} attempts")
        try:
            yield ws
        finally:
            self._shut_down(path)

    def _shut_down(self, kernel_path: str) -> None:
        try:
            self.api("DELETE", kernel_path)
        except urllib.error.HTTPError as error:
            if error.code != 404:  # 404: it has died and the server has dropped it
                raise

    def start_servers(self, names: list[str], timeout: float = 240) -> None:
        """Start the servers of these users (made if missing) at the same time, and wait
        until all are ready; a server already running is left as it is."""
        missing = []
        for name in names:
            try:
                self.api("GET", f"/hub/api/users/{name}")
            except urllib.error.HTTPError as error:
                if error.code != 404:
                    raise
                missing.append(name)
        if missing:
            self.api("POST", "/hub/api/users", {"usernames": missing})
        self.started.update(names)
        for name in names:
            if not self.api("GET", f"/hub/api/users/{name}")["servers"]:
                self.api("POST", f"/hub/api/users/{name}/server")
        deadline = time.monotonic() + timeout
        while not all(self.ready(n) for n in names):
            assert time.monotonic() < deadline, f"the servers of {names} did not all start"
            time.sleep(0.5)

    def stop_servers(self) -> None:
        """Stop every server the tests started, all at once (the hub keeps running)."""

        def stop(name: str) -> None:
            try:
                self.api("DELETE", f"/hub/api/users/{name}/server")
            except OSError:
                pass

        with ThreadPoolExecutor(max(len(self.started), 1)) as pool:
            list(pool.map(stop, sorted(self.started)))
        self.started.clear()

    def ready(self, name: str) -> bool:
        return bool(self.api("GET", f"/hub/api/users/{name}")["servers"].get("", {}).get("ready"))


@contextmanager
def trial_hub(state: Path, repo: Path) -> Iterator[Hub]:
    """Run the hub with its state in ``state``; ``repo``: where to clone the course for
    nbgitpuller. Every process it started is stopped at the end (checked)."""
    port = free_port()
    hub = Hub(f"http://127.0.0.1:{port}", secrets.token_hex(16), 0, state)
    # The course's repository as students would pull it: a clone of the committed course on a
    # named branch (the checkout under test may be on a detached HEAD).
    hub.repo = str(repo)
    git = ["git", "-c", "advice.detachedHead=false"]
    subprocess.run([*git, "clone", "--quiet", str(ROOT), hub.repo], check=True)
    subprocess.run([*git, "-C", hub.repo, "checkout", "--quiet", "-B", BRANCH], check=True)
    env = {
        **os.environ,
        "COURSE_HUB_PORT": str(port),
        "COURSE_HUB_INTERNAL_PORT": str(free_port()),
        "COURSE_HUB_PROXY_API_PORT": str(free_port()),
        "COURSE_HUB_STATE": str(state),
        "COURSE_HUB_API_TOKEN": hub.token,
    }
    log = (state / "hub.log").open("w")
    command = [str(Path(sys.executable).parent / "jupyterhub"), "-f", "hub/jupyterhub_config.py"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    hub.pid = process.pid
    try:
        wait_for(f"{hub.url}/hub/api/", timeout=120, accept_errors=False)
        yield hub
    finally:
        hub.stop_servers()
        stop_tree(process.pid)
        log.close()
        left = [
            p.pid
            for p in psutil.process_iter(["cmdline"])
            if str(state) in " ".join(p.info["cmdline"] or [])
        ]
        assert left == [], f"processes left running: {left}"

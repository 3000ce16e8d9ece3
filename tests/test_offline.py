"""The offline guard that the Makefile puts on PYTHONPATH for builds and tests."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

GUARD = ROOT / "tools" / "offline"


def run(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(GUARD)}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_outside_host_is_refused() -> None:
    result = run(
        "import urllib.request\n"
        "try:\n"
        "    urllib.request.urlopen('http://example.org/', timeout=5)\n"
        "except OSError as exc:\n"
        "    print('refused:', exc)\n"
    )
    assert "refused:" in result.stdout
    assert "disabled (offline course build)" in result.stdout


def test_outside_address_is_refused_without_lookup() -> None:
    result = run(
        "import socket\n"
        "s = socket.socket()\n"
        "try:\n"
        "    s.connect(('93.184.216.34', 80))\n"
        "except OSError as exc:\n"
        "    print('refused:', exc)\n"
    )
    assert "refused: network access to '93.184.216.34' is disabled" in result.stdout


def test_loopback_still_works() -> None:
    result = run(
        "import socket\n"
        "server = socket.create_server(('127.0.0.1', 0))\n"
        "port = server.getsockname()[1]\n"
        "client = socket.create_connection(('localhost', port), timeout=5)\n"
        "print('connected')\n"
    )
    assert result.stdout.strip() == "connected", result.stderr


def test_processes_started_by_the_tests_are_offline() -> None:
    """Kernels inherit the environment: a plain child process must be guarded too."""
    result = subprocess.run(
        [sys.executable, "-c", "import socket; socket.getaddrinfo('example.org', 80)"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "name lookup of 'example.org' is disabled" in result.stderr

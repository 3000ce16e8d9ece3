"""Drive Debian's Chromium through Playwright against pages served on 127.0.0.1 (or files).

Requests to any other host are aborted and recorded: the web book must need no network.
Pages open in the light or the theme's dark mode, at a desktop or a phone's width.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
#: every URL except those of a scheme or host that is_local() accepts at a glance
NOT_OBVIOUSLY_LOCAL = re.compile(
    r"^(?!(?:data|blob|about|file):|https?://(?:127\.0\.0\.1|localhost)(?:[:/]|$))"
)
#: (width, height) in CSS pixels
DESKTOP = (1280, 900)
PHONE = (390, 844)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yield the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watch:
    """What a page asked for and complained about."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def is_local(url: str) -> bool:
    """A URL this machine answers: loopback, a file, or inline data."""
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about", "file") or parts.hostname in LOCAL_HOSTS


def open_page(
    browser: Browser,
    *,
    viewport: tuple[int, int] = DESKTOP,
    mode: Literal["light", "dark"] = "light",
) -> tuple[Page, Watch]:
    """A new page whose requests to any other host are aborted and recorded.

    ``mode`` is the theme's colour mode (pydata-sphinx-theme keeps it in localStorage);
    a phone's viewport also has touch and a device scale factor."""
    watch = Watch()
    phone = viewport[0] < 600
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]},
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=2 if phone else 1,
        color_scheme=mode,
    )
    context.add_init_script(
        f"try {{ localStorage.setItem('mode', '{mode}'); "
        f"localStorage.setItem('theme', '{mode}'); }} catch (e) {{}}"
    )

    def route(route: Route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
            return
        watch.blocked.append(url)
        route.abort()

    # Only requests that may leave this machine come to Python (Playwright matches the
    # pattern in the browser's driver); is_local() still decides, so nothing slips through.
    context.route(NOT_OBVIOUSLY_LOCAL, route)
    page = context.new_page()
    page.on(
        "console",
        lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))

    def on_dialog(dialog: object) -> None:
        watch.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    return page, watch

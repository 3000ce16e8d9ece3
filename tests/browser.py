"""Drive Debian's Chromium through Playwright against pages served on 127.0.0.1 (or files).

Requests to any other host are aborted and recorded: the web book must need no network.
Pages open in the light or the theme's dark mode, at a desktop or a phone's width.

A page opens as a new tab of a browser context kept for the session (one per kind of
screen), as a reader opens page after page: the renderer and the HTTP cache are warm, which
makes a page load about three times cheaper than in a new context. Each tab starts with
empty storage all the same (see :data:`EMPTY_ONCE`); a test that needs a context of its own
(cookies of a login, network transfer measured from a cold cache) asks for ``fresh=True``.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Error, Page, Route, sync_playwright

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
            for key in [key for key in _shared if key[0] == id(browser)]:
                del _shared[key]
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


#: Run first in every document of a tab of a shared context: the tab's first document of
#: each origin empties that origin's localStorage and puts in what the test gave (SEED);
#: sessionStorage is per tab, so reloads and later pages of the same tab keep what the
#: test stored. A context of its own starts empty and is never cleared: from disk
#: (file://), a page may for a moment not see the sessionStorage mark its tab set, and the
#: clear would then wipe the saved answers for good.
EMPTY_ONCE = """
try {
    if (!sessionStorage.getItem('ck-test-tab')) {
        localStorage.clear();
        for (const [key, value] of Object.entries(SEED)) localStorage.setItem(key, value);
        sessionStorage.setItem('ck-test-tab', '1');
    }
} catch (e) {}
"""
#: Run first in every document of every tab: the theme's colour mode is stored.
MODE_SET = """
try {
    localStorage.setItem('mode', MODE);
    localStorage.setItem('theme', MODE);
} catch (e) {}
"""
#: The contexts shared by the tests of a session, by browser and viewport, each with a blank
#: tab that stays open: a context whose last tab closes tears down what a new tab then
#: builds again (about 1 s of CPU on this machine per page opened, twice the page's own).
_shared: dict[tuple[int, tuple[int, int]], tuple[BrowserContext, Page]] = {}


def _new_context(browser: Browser, viewport: tuple[int, int]) -> BrowserContext:
    phone = viewport[0] < 600
    return browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]},
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=2 if phone else 1,
    )


def _shared_context(browser: Browser, viewport: tuple[int, int]) -> BrowserContext:
    """The session's context for ``viewport``, with no tab left open by an earlier test."""
    key = (id(browser), viewport)
    if key not in _shared:
        context = _new_context(browser, viewport)
        _shared[key] = (context, context.new_page())
    context, keeper = _shared[key]
    for page in context.pages:  # left open by a test that failed before closing it
        if page is not keeper:
            page.close()
    return context


def open_page(
    browser: Browser,
    *,
    viewport: tuple[int, int] = DESKTOP,
    mode: Literal["light", "dark"] = "light",
    fresh: bool = False,
    cache: bool = True,
    storage: dict[str, str] | None = None,
) -> tuple[Page, Watch]:
    """A new tab whose requests to any other host are aborted and recorded; close it with
    :func:`close`.

    ``mode`` is the theme's colour mode (pydata-sphinx-theme keeps it in localStorage);
    a phone's viewport also has touch and a device scale factor. Storage starts empty, or
    with ``storage`` in localStorage (as an earlier visit left it) on the first page of each
    origin; ``fresh`` gives the tab a context of its own (no cookies, no cache); without
    ``cache`` every file the tab loads comes over the network, as on a reader's first visit."""
    if storage and fresh:
        raise ValueError("storage is put in by a shared context's tab only")
    watch = Watch()
    context = _new_context(browser, viewport) if fresh else _shared_context(browser, viewport)
    page = context.new_page()
    if not cache:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    page.emulate_media(color_scheme=mode)
    # One script, as the order of several is not defined: empty first, then set the mode.
    setup = MODE_SET.replace("MODE", json.dumps(mode))
    page.add_init_script(
        setup if fresh else EMPTY_ONCE.replace("SEED", json.dumps(storage or {})) + setup
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
    page.route(NOT_OBVIOUSLY_LOCAL, route)
    page.on(
        "console",
        lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: watch.page_errors.append(_described(exc)))

    def on_dialog(dialog: object) -> None:
        watch.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    return page, watch


def _described(exc: Error) -> str:
    """An uncaught error in the page: its message, then where it was thrown (top frames)."""
    frames = [
        line.strip() for line in (exc.stack or "").splitlines() if line.strip().startswith("at ")
    ]
    return "\n  ".join([exc.message, *frames[:6]])


def close(page: Page) -> None:
    """Close a tab of :func:`open_page`, and its context if it has one of its own."""
    context = page.context
    page.close()
    if all(context is not shared for shared, _ in _shared.values()):
        context.close()

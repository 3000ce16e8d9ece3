"""Drive Debian's Chromium through Playwright against pages served on 127.0.0.1.

Requests to outside hosts never leave the machine: CDN requests for npm packages
(Leaflet, its fullscreen plugin) are answered from ``node_modules``; anything else is
aborted and recorded.
"""

from __future__ import annotations

import functools
import http.server
import mimetypes
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
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
#: https://cdn.jsdelivr.net/npm/<package>@<version>/<path> -> node_modules/<package>/<path>
NPM_CDN = re.compile(r"^/npm/(?P<package>(?:@[^/]+/)?[^/@]+)@(?P<version>[^/]+)/(?P<path>.+)$")


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


def local_package_file(url: str) -> Path | None:
    """The file in node_modules that answers a CDN URL for an npm package, if any."""
    parts = urlsplit(url)
    if parts.hostname != "cdn.jsdelivr.net":
        return None
    match = NPM_CDN.match(parts.path)
    if not match:
        return None
    package_dir = ROOT / "node_modules" / match["package"]
    path = (package_dir / match["path"]).resolve()
    if package_dir.resolve() in path.parents and path.is_file():
        return path
    return None


@dataclass
class Watch:
    """What a page asked for and complained about."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    served_locally: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(browser: Browser) -> tuple[Page, Watch]:
    """A new page whose outside requests are answered locally or blocked."""
    watch = Watch()
    context = browser.new_context()

    def route(route: Route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:", "file:")) or host in LOCAL_HOSTS:
            route.continue_()
            return
        local = local_package_file(url)
        if local is not None:
            watch.served_locally.append(url)
            content_type = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
            route.fulfill(
                status=200,
                body=local.read_bytes(),
                headers={"Content-Type": content_type, "Access-Control-Allow-Origin": "*"},
            )
            return
        watch.blocked.append(url)
        route.abort()

    context.route("**/*", route)
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

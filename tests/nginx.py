"""Serve a folder with Debian's nginx on 127.0.0.1, as a static host would: the ``.gz``
twin of a file is sent when the browser accepts gzip (``gzip_static on``).

Its own configuration, prefix, logs and pid file live in a temporary folder; the server
listens on a free loopback port and is stopped when the ``with`` block ends. Used by the
site tests and by ``make bench`` (``tools/bench/bench.py``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jupyter import free_port

NGINX = "/usr/sbin/nginx"

CONFIG = """\
{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/tmp;
    proxy_temp_path {prefix}/tmp;
    fastcgi_temp_path {prefix}/tmp;
    uwsgi_temp_path {prefix}/tmp;
    scgi_temp_path {prefix}/tmp;
    sendfile on;
    gzip_static on;
    gzip_vary on;
    gzip {dynamic};
    gzip_types text/css application/javascript text/javascript application/json
               image/svg+xml text/plain application/xml;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        index index.html;
    }}
}}
"""


class NginxMissing(RuntimeError):
    """nginx is not installed."""


@contextmanager
def serve(root: Path, dynamic: bool = True) -> Iterator[tuple[str, Path]]:
    """Serve ``root``; yield its base URL (``http://127.0.0.1:PORT/``) and the access log.

    With ``dynamic`` nginx also compresses text files that have no ``.gz`` twin (``gzip
    on``), as most hosts do; without it only the ``.gz`` files the build wrote are sent
    compressed."""
    if not Path(NGINX).is_file():
        raise NginxMissing(f"{NGINX} is missing: run `make apt-browser` (Debian package nginx)")
    port = free_port()
    prefix = Path(tempfile.mkdtemp(prefix="course-nginx-"))
    (prefix / "tmp").mkdir()
    config = prefix / "nginx.conf"
    config.write_text(
        CONFIG.format(
            # As root, nginx's workers would run as "nobody" and could not read a checkout in
            # a private folder (a clone in `mktemp -d`, mode 0700): keep them as this user.
            user="user root;\n" if os.geteuid() == 0 else "",
            prefix=prefix,
            port=port,
            root=Path(root).resolve(),
            dynamic="on" if dynamic else "off",
        )
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(config), "-e", str(prefix / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {process.stderr.read().decode()}")
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url, prefix / "access.log"
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()
        shutil.rmtree(prefix, ignore_errors=True)

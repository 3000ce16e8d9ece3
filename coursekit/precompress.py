"""Precompressed twins for a static host: ``page.html.gz`` beside ``page.html``.

A server set to send them (nginx ``gzip_static on``, Apache ``mod_rewrite`` rules, most
static hosts) answers a browser that accepts gzip with the smaller file, at no cost per
request. Each twin is ``gzip -9`` of its text file, with the same modification time.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

#: Text files worth compressing.
SUFFIXES = (".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".map", ".ipynb", ".md")
#: Smaller files gain little (one network packet either way).
MIN_BYTES = 1024


def candidates(root: Path) -> list[Path]:
    """The text files under ``root`` that get a ``.gz`` twin."""
    return [
        p
        for p in sorted(root.rglob("*"))
        if p.suffix in SUFFIXES and p.is_file() and p.stat().st_size >= MIN_BYTES
    ]


def precompress(root: Path) -> list[Path]:
    """Write (or refresh) ``<file>.gz`` for every :func:`candidates` file; return them."""
    written = []
    for path in candidates(root):
        twin = path.with_name(path.name + ".gz")
        stat = path.stat()
        if not (twin.is_file() and twin.stat().st_mtime_ns == stat.st_mtime_ns):
            data = path.read_bytes()
            # mtime=0 in the header: the same input always gives the same bytes.
            twin.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
            os.utime(twin, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        written.append(twin)
    return written

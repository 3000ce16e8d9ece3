"""The map libraries the web book serves itself, copied from ``node_modules`` at build time.

Nothing is fetched from a CDN and nothing is committed: ``make node`` installs the packages
pinned in ``package.json``, and the Sphinx extension copies the files the map pages link
(:data:`coursekit.leaflet.FILES`), the pictures their style sheets name and each
package's licence into ``_static/vendor/`` with their paths under ``node_modules``, which is
what the map pages link when ``$COURSEKIT_ASSET_BASE`` points there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from coursekit import leaflet as assets


def vendor_files(root: Path | None = None) -> list[str]:
    """Paths under ``node_modules`` the web book needs, checked to exist."""
    root = root or assets.node_modules()
    assets._inline(root.resolve())  # the packages are there, at the pinned versions
    paths: list[str] = []
    for kind, path in assets.FILES:
        paths.append(path)
        if kind == "css":
            folder = Path(path).parent
            text = (root / path).read_text(encoding="utf-8")
            paths.extend((folder / m.group(2)).as_posix() for m in assets._URL.finditer(text))
    paths.extend(f"{package}/LICENSE" for package in assets._PACKAGES)
    missing = [p for p in paths if not (root / p).is_file()]
    if missing:
        raise assets.AssetsMissing(f"missing in {root}: {missing} (run `make node`)")
    return list(dict.fromkeys(paths))


def copy_vendor_assets(target: Path, root: Path | None = None) -> list[Path]:
    """Copy :func:`vendor_files` to ``target/<path>``; return the copies."""
    root = root or assets.node_modules()
    copied = []
    for path in vendor_files(root):
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / path, destination)
        copied.append(destination)
    return copied

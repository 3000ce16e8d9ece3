"""Browser libraries the web book serves itself, copied from ``node_modules`` at build time.

Nothing is fetched from a CDN and nothing is committed: ``make node`` installs the packages
pinned in ``package.json`` and the Sphinx extension copies the files below into
``_static/vendor/<package>/`` with the same paths as inside the package.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
#: package -> the files and folders the pages use (and the licence that goes with them)
FILES: dict[str, tuple[str, ...]] = {
    "leaflet": ("dist/leaflet.js", "dist/leaflet.css", "dist/images", "LICENSE"),
    "leaflet.fullscreen": (
        "Control.FullScreen.js",
        "Control.FullScreen.css",
        "icon-fullscreen.svg",
        "LICENSE",
    ),
}


class MissingPackageError(FileNotFoundError):
    """An npm package the web book needs is not installed."""


def package_file(package: str, path: str, node_modules: Path = NODE_MODULES) -> Path:
    """The installed file ``path`` of npm ``package``; a clear error if it is missing."""
    found = node_modules / package / path
    if not found.exists():
        raise MissingPackageError(
            f"{found} is missing: the web book needs the npm package {package!r} "
            "(run `make node`, which installs package.json's pins)"
        )
    return found


def copy_vendor_assets(target: Path, node_modules: Path = NODE_MODULES) -> list[Path]:
    """Copy every file in :data:`FILES` to ``target/<package>/<path>``; return the copies."""
    copied = []
    for package, paths in FILES.items():
        for path in paths:
            source = package_file(package, path, node_modules)
            destination = target / package / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, destination, dirs_exist_ok=True)
            else:
                shutil.copyfile(source, destination)
            copied.append(destination)
    return copied

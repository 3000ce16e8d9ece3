"""``python -m coursekit.nbgrader [folder]``: write the nbgrader course folder (default
``_build/assignments``)."""

import sys
from pathlib import Path

from coursekit.nbgrader.build import build

if __name__ == "__main__":
    paths = build(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/assignments"))
    print(f"{len(paths) - 1} source assignments and nbgrader_config.py in {paths[0].parent}")

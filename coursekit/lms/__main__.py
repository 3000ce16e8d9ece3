"""``python -m coursekit.lms [folder]``: write the LMS exports (default ``_build/lms``)."""

import sys
from pathlib import Path

from coursekit.lms.build import build

if __name__ == "__main__":
    paths = build(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/lms"))
    print(f"{len(paths)} files in {paths[0].parent}")

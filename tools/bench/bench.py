"""Lighthouse (mobile preset) on every page of the built site, beside a default Jupyter Book.

Both sites are served by nginx with ``gzip_static on`` on 127.0.0.1 (``tests/nginx.py``), as
a static host would serve them. Each page is measured ``--runs`` times; the table gives the
median performance score, first and largest contentful paint and the bytes transferred, with
the budgets of issue 17, and says which page is over. A benchmark, not a test: it prints and
exits 0 unless ``--strict`` is given and a page is over budget.

    python tools/bench/bench.py --site _build/html --reference /tmp/defaultbook/_build/html
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from nginx import serve  # noqa: E402

LIGHTHOUSE = Path(__file__).parent / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
#: The budgets: Lighthouse's "good" score and largest paint, and the transfer on first load.
MIN_SCORE = 90
MAX_LCP_S = 2.5
MAX_KB = 400


def course_pages() -> list[str]:
    """The welcome page and the chapters, in book order (coursekit.course.CHAPTERS)."""
    from coursekit.course import CHAPTERS

    return ["index.html", *(f"chapters/{c}.html" for c in CHAPTERS)]


def lighthouse(url: str, out: Path) -> dict[str, float]:
    """One Lighthouse run: score, FCP and LCP (s), transfer (KB)."""
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    report = json.loads(out.read_text())
    audits = report["audits"]
    return {
        "score": round(100 * report["categories"]["performance"]["score"]),
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "kb": audits["total-byte-weight"]["numericValue"] / 1000,
    }


def measure(base: str, page: str, runs: int, tmp: Path) -> dict[str, object]:
    results = [lighthouse(base + page, tmp / f"run{i}.json") for i in range(runs)]
    row: dict[str, object] = {"page": page, "runs": results}
    for key in ("score", "fcp", "lcp", "tbt", "kb"):
        row[key] = statistics.median(r[key] for r in results)
    return row


def over(row: dict) -> list[str]:
    problems = []
    if row["score"] < MIN_SCORE:
        problems.append(f"score<{MIN_SCORE}")
    if row["lcp"] > MAX_LCP_S:
        problems.append(f"LCP>{MAX_LCP_S}s")
    if row["kb"] > MAX_KB:
        problems.append(f"transfer>{MAX_KB}KB")
    return problems


def table(rows: list[dict], reference: dict | None, runs: int) -> str:
    head = (
        f"Lighthouse 12 mobile (simulated slow 4G, 4x CPU), median of {runs}; "
        f"budgets: score >= {MIN_SCORE}, LCP <= {MAX_LCP_S} s, transfer <= {MAX_KB} KB\n"
    )
    line = "{:<34} {:>5} {:>7} {:>7} {:>7} {:>9}  {}"
    out = [head, line.format("page", "score", "FCP s", "LCP s", "TBT ms", "KB", "verdict")]
    for row in ([reference] if reference else []) + rows:
        problems = over(row)
        verdict = "reference" if row is reference else ("OVER: " + ", ".join(problems))
        if row is not reference and not problems:
            verdict = "ok"
        if reference and row is not reference and row["score"] <= reference["score"]:
            verdict += " (not ahead of the default book)"
        out.append(
            line.format(
                row["page"][:34],
                f"{row['score']:.0f}",
                f"{row['fcp']:.1f}",
                f"{row['lcp']:.1f}",
                f"{row['tbt']:.0f}",
                f"{row['kb']:.0f}",
                verdict,
            )
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--reference", type=Path, help="a default `jupyter-book create` build")
    parser.add_argument("--reference-page", default="intro.html")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", help="pages under --site (default: every page)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page is over")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        parser.error(f"{LIGHTHOUSE} is missing: run `npm ci --prefix tools/bench`")
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site}/index.html is missing: run `make site`")
    pages = args.pages or course_pages()
    with tempfile.TemporaryDirectory() as tmp:
        reference = None
        if args.reference:
            with serve(args.reference) as (base, _log):
                reference = measure(base, args.reference_page, args.runs, Path(tmp))
            reference["page"] = f"default JB1 book ({args.reference_page})"
        rows = []
        with serve(args.site) as (base, _log):
            for page in pages:
                rows.append(measure(base, page, args.runs, Path(tmp)))
                print(f"  measured {page}", file=sys.stderr)
    print(table(rows, reference, args.runs))
    if args.json:
        args.json.write_text(json.dumps({"reference": reference, "pages": rows}, indent=1))
    return 1 if args.strict and any(over(r) for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

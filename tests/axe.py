"""Run axe-core (npm ``axe-core``, pinned in package.json) in a page and in its frames."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Frame, Page

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
IMPACTS = ("critical", "serious", "moderate", "minor")


@dataclass
class Violation:
    rule: str
    impact: str
    where: str
    targets: list[str] = field(default_factory=list)
    help: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.rule} ({self.impact}) {self.help} at {self.targets[:3]}"


def run_axe(frame: Frame, where: str) -> list[Violation]:
    """axe's violations in one document (its own frames excluded: each is run apart)."""
    if not frame.evaluate("() => typeof window.axe !== 'undefined'"):
        frame.evaluate(AXE_JS.read_text(encoding="utf-8"))
    results = frame.evaluate(
        """async () => {
            const r = await axe.run(document, {iframes: false, resultTypes: ['violations']});
            return r.violations.map(v => ({
                rule: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({impact: n.impact, target: n.target.join(' ')}))
            }));
        }"""
    )
    found = []
    for rule in results:
        for node in rule["nodes"]:
            found.append(
                Violation(
                    rule["rule"],
                    node["impact"] or rule["impact"],
                    where,
                    [node["target"]],
                    rule["help"],
                )
            )
    return found


def axe_page(page: Page, name: str, frames: bool = True) -> list[Violation]:
    """Violations in the page and (with ``frames``) in every frame it holds (map iframes)."""
    found = run_axe(page.main_frame, name)
    if not frames:
        return found
    for index, frame in enumerate(f for f in page.frames if f is not page.main_frame):
        found.extend(run_axe(frame, f"{name} frame {index + 1}"))
    return found


def counts(violations: list[Violation]) -> dict[str, int]:
    tally = Counter(v.impact for v in violations)
    return {impact: tally.get(impact, 0) for impact in IMPACTS}

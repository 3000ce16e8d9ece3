"""Apply the bibliography key renames and merges of ``factcheck/bib-key-renames.tsv``.

Each line of the TSV is ``old<TAB>new``. In ``references.bib`` the entry ``old`` is renamed
``new``; if an entry ``new`` already exists (two old keys mapping to one new key, or an old
key mapping to a kept key) the two are merged: ``new`` is kept and the old entry's note is
folded into its note. Every file that cites keys is then rewritten: ``chapters/*.ipynb``,
``backmatter/*``, every file under ``data/``, the package's modules and ``index.md``
(``factcheck/`` keeps the history and is left alone). Citation lists and JSON lists that
end up naming one key twice are de-duplicated. Running the script again changes nothing.

Usage: ``python scripts/rename_bib_keys.py [--check]`` (``--check``: report, write nothing;
exit 1 if anything would change).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TSV = ROOT / "factcheck" / "bib-key-renames.tsv"
BIB = ROOT / "references.bib"
ENTRY = re.compile(r"^@(\w+)\{\s*([^,\s]+)\s*,.*?^\}[ \t]*\n?", re.M | re.S)
KEY_CHARS = r"A-Za-z0-9_:-"


class RenameError(Exception):
    """A problem in the TSV, named with its file and line."""


def read_renames(path: Path = TSV) -> dict[str, str]:
    """``{old: new}`` from the TSV; chains (a→b, b→c) are followed to their end."""
    renames: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(re.fullmatch(f"[{KEY_CHARS}]+", p.strip()) for p in parts):
            raise RenameError(f"{path.name}:{number}: expected 'old<TAB>new', got {line!r}")
        old, new = (p.strip() for p in parts)
        if old == new or old in renames:
            raise RenameError(f"{path.name}:{number}: {old!r} renamed to itself or twice")
        renames[old] = new
    for old in list(renames):
        seen = {old}
        while renames[old] in renames:
            if renames[old] in seen:
                raise RenameError(f"{path.name}: the renames of {old!r} form a cycle")
            seen.add(renames[old])
            renames[old] = renames[renames[old]]
    return renames


def _note(block: str) -> str | None:
    match = re.search(r"^\s*note\s*=\s*\{(.*?)\}\s*,?\s*$", block, re.M | re.S)
    return match.group(1) if match else None


def _fold_note(kept: str, dropped: str) -> str:
    """``kept`` with the note of ``dropped`` appended to its own (or added)."""
    extra = _note(dropped)
    if not extra:
        return kept
    own = _note(kept)
    if own is not None:
        if extra in own:
            return kept
        merged = f"{own}. Merged entry: {extra}"
        return kept.replace(f"{{{own}}}", f"{{{merged}}}", 1)
    return re.sub(r"\n\}[ \t]*\n?$", f",\n  note = {{{extra}}}\n}}\n", kept.rstrip() + "\n")


def rename_bib(text: str, renames: dict[str, str]) -> str:
    """The bibliography with entries renamed, and merged where the new key exists."""
    blocks = {m.group(2): m for m in ENTRY.finditer(text)}
    for old, new in renames.items():
        if old not in blocks:
            continue  # already applied
        block = blocks[old].group(0)
        if new in blocks:
            kept = blocks[new].group(0)
            text = text.replace(kept, _fold_note(kept, block), 1).replace(block, "", 1)
        else:
            renamed = re.sub(r"^(@\w+\{\s*)" + re.escape(old), r"\g<1>" + new, block, count=1)
            text = text.replace(block, renamed, 1)
        blocks = {m.group(2): m for m in ENTRY.finditer(text)}
    return re.sub(r"\n{3,}", "\n\n", text)


def _dedupe_cite(match: re.Match) -> str:
    keys = [k.strip() for k in match.group(2).split(",")]
    unique = list(dict.fromkeys(k for k in keys if k))
    if unique == keys:
        return match.group(0)
    return f"{match.group(1)}{', '.join(unique)}`"


def rename_text(text: str, renames: dict[str, str]) -> str:
    """A citing file's text with every key renamed and duplicates removed."""
    for old, new in renames.items():
        text = re.sub(rf"(?<![{KEY_CHARS}]){re.escape(old)}(?![{KEY_CHARS}])", new, text)
    text = re.sub(r"(\{cite(?::[a-z]+)?\}`)([^`]*)`", _dedupe_cite, text)
    # "{cite:t}`x`, {cite:t}`x`" (a source list naming a merged entry twice) keeps one.
    text = re.sub(
        r"(\{cite(?::[a-z]+)?\}`([^`]+)`)((?:,| and) \{cite(?::[a-z]+)?\}`\2`)+", r"\1", text
    )
    new_keys = sorted(set(renames.values()))
    for key in new_keys:  # JSON lists: "x", "x" -> "x"
        text = re.sub(rf'"{re.escape(key)}"(\s*,\s*"{re.escape(key)}")+', f'"{key}"', text)
    return text


def citing_files(root: Path = ROOT) -> list[Path]:
    files = sorted((root / "chapters").glob("*.ipynb"))
    files += sorted(p for p in (root / "backmatter").rglob("*") if p.is_file())
    files += sorted(p for p in (root / "data").rglob("*") if p.is_file())
    files += sorted((root / "coursekit").rglob("*.py"))  # sources named in code (map layers)
    files.append(root / "index.md")
    return [p for p in files if p.exists() and p.suffix not in {".png", ".jpg", ".pdf"}]


def apply(root: Path = ROOT, *, write: bool = True) -> list[Path]:
    """Rename everywhere; return the files that changed (or would change)."""
    renames = read_renames(root / "factcheck" / "bib-key-renames.tsv")
    changed = []
    bib = root / "references.bib"
    targets = [(bib, rename_bib)] + [(p, rename_text) for p in citing_files(root)]
    for path, func in targets:
        before = path.read_text(encoding="utf-8")
        after = func(before, renames)
        if after != before:
            changed.append(path)
            if write:
                path.write_text(after, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on changes")
    args = parser.parse_args(argv)
    try:
        changed = apply(write=not args.check)
    except RenameError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path in changed:
        print(("would change " if args.check else "changed ") + str(path.relative_to(ROOT)))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Content checks on the book's pages, following CONTRIBUTING.md.

The pages are read as files (notebooks with ``json``), never executed: chapter skeleton,
length, glossary links, citations, the timeline's sources, leftover drafting markers,
and the map and quiz calls of each chapter.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from coursekit.course import CHAPTERS
from coursekit.maps.chapters import CHAPTER_MAPS

SKELETON_BEFORE = ("Overview", "Learning objectives", "Time and prerequisites")
SKELETON_AFTER = (
    "Check your understanding",
    "Summary",
    "Key terms",
    "Discussion questions and exercises",
    "What's next",
    "Sources",
)
MIN_WORDS, MAX_WORDS = 1500, 3500  # issue 16: at most 3,500 words, boxes included
MAX_MEAN_SENTENCE = 18  # issue 16: mean words a sentence in the narrative
IN_SHORT = "**In short:**"  # issue 16: the summary paragraph opening each own section
PROMISE_PAGES = ("index.md", "backmatter/instructor_guide.md")  # "about A–B hours"
# Issue 16: where each much-repeated quotation is given (the other chapters refer back).
QUOTE_HOMES = {"friendly and allied": "01_visit", "324 schools": "04_outreach"}
# Sections that are not narrative: the list of terms and the list of sources.
NOT_NARRATIVE = ("Key terms", "Sources")

FENCE = re.compile(r"^\s*(`{3,}|:{3,})\s*(\{[^}]*\})?")
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]*)`")
TERM = re.compile(r"\{term\}`([^`]*)`")
ROLE = re.compile(r"\{[a-z:-]+\}`([^`]*)`")
DRAFT_MARKERS = re.compile(r"\bTODO\b|\bTBD\b|lorem|placeholder", re.IGNORECASE)
# A "Primary source" box (COMMON form): an admonition titled "Primary source: <title>" with
# ":class: primary-source", a citation, a block-quoted excerpt and questions.
PRIMARY_SOURCE_BOX = re.compile(
    r"^(?P<fence>:{3,}|`{3,})\{admonition\}[ \t]+Primary source:[ \t]*\S[^\n]*\n"
    r"(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.M | re.S,
)


# --- reading the book ------------------------------------------------------------------


@cache
def toc_files() -> tuple[str, ...]:
    """Every page of ``_toc.yml`` (root first), as paths without suffix."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    walk(toc.get("chapters", []))
    return tuple(files)


def page_path(stem: str) -> Path:
    """The ``.ipynb`` or ``.md`` file of a page listed in the toc."""
    for suffix in (".ipynb", ".md"):
        path = ROOT / f"{stem}{suffix}"
        if path.exists():
            return path
    raise AssertionError(f"{stem}: listed in _toc.yml but no .ipynb or .md file exists")


@cache
def cells(path: Path) -> tuple[tuple[str, str], ...]:
    """``(cell_type, source)`` pairs of a notebook or of a (MyST/jupytext) Markdown page.

    In a Markdown page, ```` ```{code-cell} ```` blocks are code cells and the rest is
    Markdown; a YAML front matter block is dropped.
    """
    if path.suffix == ".md":
        text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
        found: list[tuple[str, str]] = []
        pattern = re.compile(r"^(`{3,})\{code-cell\}[^\n]*\n(.*?)^\1\s*$", re.S | re.M)
        start = 0
        for match in pattern.finditer(text):
            found.append(("markdown", text[start : match.start()]))
            body = re.sub(
                r"\A(?:---\n.*?\n---\n|(?::[\w-]+:[^\n]*\n)+)", "", match.group(2), flags=re.S
            )
            found.append(("code", body))
            start = match.end()
        found.append(("markdown", text[start:]))
        return tuple(found)
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        (
            cell["cell_type"],
            "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"],
        )
        for cell in notebook["cells"]
    )


def markdown_of(path: Path) -> str:
    return "\n\n".join(src for kind, src in cells(path) if kind == "markdown")


def code_of(path: Path) -> str:
    return "\n\n".join(src for kind, src in cells(path) if kind == "code")


def all_text(path: Path) -> str:
    return "\n\n".join(src for _, src in cells(path))


def prose_lines(markdown: str) -> list[str]:
    """Markdown lines outside code fences, without fence lines and directive options.

    Directive fences (```` ```{note} ````, ``:::{exercise}``) keep their content; plain
    code fences and code directives drop it.
    """
    kept: list[str] = []
    stack: list[tuple[str, bool]] = []  # (fence marker, content is prose)
    for line in markdown.splitlines():
        match = FENCE.match(line)
        if match:
            marker, directive = match.group(1), match.group(2)
            if (
                stack
                and marker[0] == stack[-1][0][0]
                and len(marker) >= len(stack[-1][0])
                and not directive
                and not line.strip()[len(marker) :].strip()
            ):
                stack.pop()
                continue
            if directive or marker[0] == "`":
                code = directive is None or re.match(
                    r"\{(code|code-block|code-cell|math)", directive
                )
                stack.append((marker, not code and all(p for _, p in stack)))
                continue
        if stack and not stack[-1][1]:
            continue
        if stack and re.match(r"^\s*:[\w-]+:", line):
            continue  # a directive's option line
        kept.append(line)
    return kept


def headings(markdown: str) -> list[tuple[int, str]]:
    """``(level, text)`` of the ATX headings outside code fences."""
    found = []
    for line in prose_lines(markdown):
        match = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if match:
            found.append((len(match.group(1)), match.group(2)))
    return found


def word_count(markdown: str) -> int:
    """Words of narrative: no headings, fences, directive options, citations or comments."""
    text = "\n".join(line for line in prose_lines(markdown) if not re.match(r"^\s*#", line))
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = CITE.sub(" ", text)
    text = ROLE.sub(lambda m: re.sub(r"\s*<[^>]*>\s*$", "", m.group(1)), text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    return len(re.findall(r"\w+(?:['’.-]\w+)*", text))


def own_sections(markdown: str) -> list[tuple[str, str]]:
    """``(title, body)`` of the ``##`` sections after "Time and prerequisites" and before
    the "Map: ..." section: the chapter's own sections."""
    parts = re.split(r"^## +(.+?)\s*$", markdown, flags=re.M)
    sections = list(zip(parts[1::2], parts[2::2], strict=True))
    titles = [title for title, _ in sections]
    if "Time and prerequisites" not in titles:
        return []
    start = titles.index("Time and prerequisites") + 1
    end = next((i for i, t in enumerate(titles) if t.startswith("Map:")), len(titles))
    return sections[start:end]


def narrative(markdown: str) -> str:
    """The chapter's narrative: its Markdown cells without headings, code, directive blocks
    (admonition boxes such as notes and "Primary source" boxes, exercises and solutions),
    tables, HTML comments, and the "Key terms" and "Sources" sections. ``{term}`` roles are
    kept (see ``terms_first_used_unlinked``); citations are dropped."""
    kept: list[str] = []
    depth = 0
    skipping = False
    for line in markdown.splitlines():
        match = FENCE.match(line)
        if match:
            closing = depth and not match.group(2) and not line.strip()[len(match.group(1)) :]
            depth += -1 if closing else 1
            continue
        if depth:
            continue
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*$", line)
        if heading:
            skipping = len(heading.group(1)) == 2 and heading.group(2) in NOT_NARRATIVE
            kept.append("")
            continue
        if skipping or line.lstrip().startswith("|"):
            continue
        kept.append(line)
    text = re.sub(r"<!--.*?-->", " ", "\n".join(kept), flags=re.S)
    text = CITE.sub("", text)
    text = re.sub(r" +([.,;:)])", r"\1", text)
    return re.sub(r"\]\([^)]*\)", "]", text)


def count_words(text: str) -> int:
    plain = ROLE.sub(lambda m: re.sub(r"\s*<[^>]*>\s*$", "", m.group(1)), text)
    return len(re.findall(r"\w+(?:['’.-]\w+)*", plain))


def sentences_of(text: str) -> list[str]:
    """Sentences: paragraphs and list items split after ``.``, ``!`` or ``?`` (with any
    closing quote or bracket) before a capital, a quote or a digit."""
    sentences = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.) )", text):
        block = " ".join(block.split())
        block = re.sub(r"^(?:[-*]|\d+\.) ", "", block)
        for sentence in re.split(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z\"“‘(0-9])", block):
            if count_words(sentence):
                sentences.append(sentence)
    return sentences


def terms_first_used_unlinked(text: str) -> list[str]:
    """Glossary terms whose first appearance in ``text`` is plain words, not a ``{term}``
    link to them. A term in capitals (an acronym) is matched case-sensitively."""
    links: list[tuple[int, str]] = []

    def placeholder(match: re.Match) -> str:
        links.append((match.start(), term_targets(match.group(0))[0]))
        return " " * len(match.group(0))

    plain = TERM.sub(placeholder, text)
    plain = ROLE.sub(lambda m: " " * len(m.group(0)), plain)  # {doc}, {ref}: not the term
    unlinked = []
    # Longest terms first; their plain uses are then blanked, so that "South Caucasus"
    # is not found inside "South Caucasus Pipeline".
    for original in sorted(glossary_term_names(), key=len, reverse=True):
        flags = 0 if original.isupper() else re.I
        words = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", original))
        pattern = re.compile(rf"(?<![\w-]){words}(?![\w-])", flags)
        first_plain = pattern.search(plain)
        first_link = min((pos for pos, target in links if target == original.lower()), default=None)
        if first_plain and (first_link is None or first_plain.start() < first_link):
            unlinked.append(original)
        plain = pattern.sub(lambda m: " " * len(m.group(0)), plain)
    return sorted(unlinked, key=str.lower)


def chapter_minutes(chapter: str) -> int:
    """The N of "about N minutes" in a chapter's "Time and prerequisites" section."""
    markdown = markdown_of(chapter_path(chapter))
    section = re.search(r"^## Time and prerequisites\s*$(.*?)^## ", markdown, re.M | re.S)
    assert section, f"{chapter}: no 'Time and prerequisites' section"
    found = re.findall(r"\babout (\d+) minutes\b", section.group(1))
    assert len(found) == 1, f"{chapter}: expected one 'about N minutes', got {found}"
    return int(found[0])


def promised_hours(path: Path) -> tuple[int, int]:
    """The A and B of "about A–B hours" on a page (one such phrase)."""
    found = re.findall(r"\babout (\d+)[–-](\d+) hours\b", path.read_text(encoding="utf-8"))
    assert len(set(found)) == 1, f"{path.name}: expected one 'about A–B hours', got {found}"
    return int(found[0][0]), int(found[0][1])


def primary_source_boxes(markdown: str) -> list[str]:
    """Bodies of the "Primary source: …" admonitions that carry ``:class: primary-source``."""
    return [
        match.group("body")
        for match in PRIMARY_SOURCE_BOX.finditer(markdown)
        if re.search(r"^:class:[^\n]*\bprimary-source\b", match.group("body"), re.M)
    ]


def primary_source_problems(body: str) -> list[str]:
    """What a primary-source box lacks: a citation, a quoted excerpt, two or three questions."""
    problems = []
    if not CITE.search(body):
        problems.append("no {cite} of where to read the text in full")
    if not re.search(r"^> \S", body, re.M):
        problems.append("no excerpt as a '> ' block quote")
    _, found, questions = body.partition("**Questions**")
    count = len(re.findall(r"^\s*(?:\d+\.|[-*]) \S", questions, re.M)) if found else 0
    if not 2 <= count <= 3:
        problems.append(f"'**Questions**' followed by two or three listed questions, got {count}")
    return problems


def chapter_path(chapter: str) -> Path:
    return page_path(f"chapters/{chapter}")


@cache
def glossary_terms() -> frozenset[str]:
    """The terms defined in the glossary page's ``{glossary}`` block, lower-cased."""
    text = page_path("backmatter/glossary").read_text(encoding="utf-8")
    match = re.search(r"^(`{3,}|:{3,})\{glossary\}[^\n]*\n(.*?)^\1\s*$", text, re.S | re.M)
    assert match, "backmatter/glossary has no {glossary} block"
    terms = [
        line.strip()
        for line in match.group(2).splitlines()
        if line.strip() and not line[0].isspace() and not line.startswith(":")
    ]
    return frozenset(term.lower() for term in terms)


@cache
def glossary_term_names() -> tuple[str, ...]:
    """The glossary's terms as written (``glossary_terms`` gives them lower-cased)."""
    text = page_path("backmatter/glossary").read_text(encoding="utf-8")
    match = re.search(r"^(`{3,}|:{3,})\{glossary\}[^\n]*\n(.*?)^\1\s*$", text, re.S | re.M)
    assert match, "backmatter/glossary has no {glossary} block"
    return tuple(
        line.strip()
        for line in match.group(2).splitlines()
        if line.strip() and not line[0].isspace() and not line.startswith(":")
    )


def term_targets(text: str) -> list[str]:
    """Targets of ``{term}`text <target>``` and ``{term}`target``` roles, lower-cased."""
    targets = []
    for body in TERM.findall(text):
        match = re.search(r"<([^<>]+)>\s*$", body)
        targets.append(" ".join((match.group(1) if match else body).split()).lower())
    return targets


def bib_keys() -> set[str]:
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^\s*@\w+\s*\{\s*([^,\s]+)\s*,", bib, re.M))


def cite_keys(text: str) -> set[str]:
    return {key.strip() for body in CITE.findall(text) for key in body.split(",") if key.strip()}


def book_pages() -> list[Path]:
    """The pages of the toc that exist (a missing one fails ``test_every_toc_page_exists``)."""
    pages = []
    for stem in toc_files():
        try:
            pages.append(page_path(stem))
        except AssertionError:
            continue
    return pages


# --- tests -----------------------------------------------------------------------------


def test_every_toc_page_exists() -> None:
    for stem in toc_files():
        page_path(stem)


def test_toc_lists_the_five_chapters_in_order() -> None:
    chapters = [stem for stem in toc_files() if stem.startswith("chapters/")]
    assert chapters == [f"chapters/{c}" for c in CHAPTERS]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_skeleton(chapter: str) -> None:
    found = headings(markdown_of(chapter_path(chapter)))
    level1 = [text for level, text in found if level == 1]
    assert len(level1) == 1, f"one '# Title' heading: {level1}"
    # CONTRIBUTING.md: "# Title" without a number, since _toc.yml numbers the chapters.
    assert not re.match(r"^\d+\.?\s", level1[0]), f"number in the title: {level1[0]!r}"
    assert found[0] == (1, level1[0]), "the '# Title' heading comes first"
    level2 = [text for level, text in found if level == 2]
    assert tuple(level2[: len(SKELETON_BEFORE)]) == SKELETON_BEFORE, level2
    assert tuple(level2[-len(SKELETON_AFTER) :]) == SKELETON_AFTER, level2
    middle = level2[len(SKELETON_BEFORE) : -len(SKELETON_AFTER)]
    assert len(middle) >= 2, f"the chapter's own sections and a map section: {middle}"
    assert middle[-1].startswith("Map: ") and middle[-1] != "Map: ", middle
    assert not any(text.startswith("Map:") for text in middle[:-1]), middle


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_length(chapter: str) -> None:
    """Issue 16: at most 3,500 words a chapter, boxes, exercises and solutions included."""
    words = word_count(markdown_of(chapter_path(chapter)))
    assert MIN_WORDS <= words <= MAX_WORDS, f"{chapter}: {words} words"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_own_sections_open_with_a_summary(chapter: str) -> None:
    """Issue 16: each of the chapter's own sections (the ``##`` sections between "Time and
    prerequisites" and the "Map:" section) opens with a one-paragraph summary starting
    ``**In short:**``."""
    missing = [
        title
        for title, body in own_sections(markdown_of(chapter_path(chapter)))
        if not body.lstrip().startswith(IN_SHORT)
    ]
    assert not missing, f"{chapter}: sections without an '{IN_SHORT}' paragraph: {missing}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_narrative_sentences_are_short(chapter: str) -> None:
    """Issue 16: the narrative's sentences average fewer than 18 words (see ``narrative``
    for what counts as narrative)."""
    sentences = sentences_of(narrative(markdown_of(chapter_path(chapter))))
    mean = sum(map(count_words, sentences)) / len(sentences)
    assert mean < MAX_MEAN_SENTENCE, f"{chapter}: {mean:.1f} words a sentence"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_glossary_terms_are_linked_at_first_use(chapter: str) -> None:
    """Issue 16: a glossary term used in a chapter's narrative is linked with ``{term}`` the
    first time it appears there."""
    unlinked = terms_first_used_unlinked(narrative(markdown_of(chapter_path(chapter))))
    assert not unlinked, f"{chapter}: first use not linked with {{term}}: {unlinked}"


def test_chapter_times_add_up_to_the_promised_total() -> None:
    """Issue 16: each chapter's "Time and prerequisites" says "about N minutes"; together
    they fit the "about A–B hours" that the welcome page and the instructor guide promise."""
    minutes = {chapter: chapter_minutes(chapter) for chapter in CHAPTERS}
    promises = {page: promised_hours(ROOT / page) for page in PROMISE_PAGES}
    assert len(set(promises.values())) == 1, promises
    low, high = next(iter(promises.values()))
    total = sum(minutes.values())
    assert low * 60 <= total <= high * 60, f"{total} minutes against {low}-{high} hours: {minutes}"


@pytest.mark.parametrize(("phrase", "home"), QUOTE_HOMES.items())
def test_a_repeated_quote_lives_in_one_chapter(phrase: str, home: str) -> None:
    """Issue 16: a quotation is given in full in the one chapter where it teaches something;
    the others refer back to it."""
    found = [c for c in CHAPTERS if phrase.lower() in markdown_of(chapter_path(c)).lower()]
    assert found == [home], f"{phrase!r} appears in {found}, expected only in {home}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_a_primary_source_box(chapter: str) -> None:
    """Issue 8: every chapter quotes a document it relies on, in a "Primary source" box."""
    boxes = primary_source_boxes(markdown_of(chapter_path(chapter)))
    assert boxes, f"{chapter}: no 'Primary source: <title>' box with ':class: primary-source'"
    for number, body in enumerate(boxes, start=1):
        assert not primary_source_problems(body), (chapter, number, primary_source_problems(body))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_calls_its_map_and_quiz_once(chapter: str) -> None:
    code = code_of(chapter_path(chapter))
    calls = re.findall(r"\bmaps\.(\w+_map)\s*\(", code)
    assert calls == [CHAPTER_MAPS[chapter]], calls
    quizzes = re.findall(r"\bquiz\.chapter_quiz\s*\(\s*['\"]([^'\"]*)['\"]", code)
    assert quizzes == [chapter], quizzes
    objectives = re.findall(r"\bquiz\.objectives\s*\(\s*['\"]([^'\"]*)['\"]", code)
    assert objectives == [chapter], objectives


def test_glossary_defines_the_terms_in_alphabetical_order() -> None:
    terms = glossary_terms()
    assert len(terms) == 54
    text = page_path("backmatter/glossary").read_text(encoding="utf-8")
    block = re.search(r"\{glossary\}[^\n]*\n(.*?)^(`{3,}|:{3,})\s*$", text, re.S | re.M)
    assert block
    order = [
        line.strip().lower()
        for line in block.group(1).splitlines()
        if line.strip() and not line[0].isspace() and not line.startswith(":")
    ]
    assert order == sorted(order)


def test_every_glossary_term_is_used_in_the_book() -> None:
    used = {target for page in book_pages() for target in term_targets(all_text(page))}
    unused = sorted(glossary_terms() - used)
    assert not unused, f"glossary terms never linked with {{term}}: {unused}"


def test_every_term_link_targets_a_glossary_term() -> None:
    terms = glossary_terms()
    unknown = {
        f"{page.relative_to(ROOT)}: {target}"
        for page in book_pages()
        for target in term_targets(all_text(page))
        if target not in terms
    }
    assert not unknown, sorted(unknown)


def test_every_cited_key_is_in_references_bib() -> None:
    keys = bib_keys()
    sources = book_pages() + sorted((ROOT / "data" / "quizzes").glob("*.yml"))
    unknown = {
        f"{path.relative_to(ROOT)}: {key}"
        for path in sources
        for key in cite_keys(
            all_text(path) if path.suffix in (".md", ".ipynb") else path.read_text(encoding="utf-8")
        )
        if key not in keys
    }
    assert not unknown, sorted(unknown)
    assert any(cite_keys(all_text(chapter_path(c))) for c in CHAPTERS)


def test_every_timeline_source_is_in_references_bib() -> None:
    with (ROOT / "data" / "timeline.csv").open(encoding="utf-8", newline="") as handle:
        sources = {row["source"] for row in csv.DictReader(handle)}
    assert sources and not sources - bib_keys(), sorted(sources - bib_keys())


def test_no_drafting_markers_in_pages_or_data() -> None:
    files = book_pages() + [
        path
        for path in sorted((ROOT / "data").rglob("*"))
        if path.is_file() and path.suffix in (".csv", ".yml", ".yaml", ".geojson", ".json", ".md")
    ]
    hits = []
    for path in files:
        text = all_text(path) if path.suffix in (".md", ".ipynb") else path.read_text("utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            if DRAFT_MARKERS.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert not hits, hits


# --- the helpers themselves ---------------------------------------------------------------


def test_helpers_on_a_small_sample() -> None:
    sample = "\n".join(
        [
            "# 1. Title",
            "Some words {term}`here <State visit>` and {cite:p}`a, b`.",
            "```python",
            "# not a heading",
            "ignored words",
            "```",
            ":::{exercise}",
            ":label: ex-1",
            "Counted words.",
            ":::",
            "## Overview",
        ]
    )
    assert headings(sample) == [(1, "1. Title"), (2, "Overview")]
    assert term_targets(sample) == ["state visit"]
    assert cite_keys(sample) == {"a", "b"}
    assert word_count(sample) == 6  # "Some words here and" + "Counted words"


def test_primary_source_box_helpers() -> None:
    good = "\n".join(
        [
            ":::{admonition} Primary source: a statement",
            ":class: primary-source",
            "Who, when, where {cite:p}`k`.",
            "> An excerpt.",
            "**Questions**",
            "1. One?",
            "2. Two?",
            ":::",
        ]
    )
    assert len(primary_source_boxes(good)) == 1 and not primary_source_problems(
        primary_source_boxes(good)[0]
    )
    assert primary_source_boxes(good.replace(":class: primary-source", ":class: note")) == []
    assert primary_source_boxes(good.replace("Primary source:", "Source:")) == []
    bare = primary_source_boxes(good.replace("> An excerpt.", "An excerpt.").replace("2. Two?", ""))
    assert primary_source_problems(bare[0]) == [
        "no excerpt as a '> ' block quote",
        "'**Questions**' followed by two or three listed questions, got 1",
    ]


def test_markdown_pages_split_into_cells(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "---\njupytext: {}\n---\n# Title\n\n```{code-cell} ipython3\n:tags: [x]\n"
        "maps.visit_map()\n```\n\nMore text.\n",
        encoding="utf-8",
    )
    kinds = cells(page)
    assert [kind for kind, _ in kinds] == ["markdown", "code", "markdown"]
    assert kinds[1][1] == "maps.visit_map()\n"
    assert "jupytext" not in markdown_of(page) and "More text." in markdown_of(page)


def test_instructor_guide_lists_the_objectives_of_the_quiz_banks() -> None:
    """The guide repeats each chapter's objectives: they must match the quiz files, the
    single source of the objectives."""
    from coursekit.quiz import load_banks

    guide = (ROOT / "backmatter" / "instructor_guide.md").read_text(encoding="utf-8")
    for bank in load_banks():
        section = guide.split(f"{{doc}}`../chapters/{bank.chapter}`", 1)[1]
        for objective in bank.objectives:
            assert f"- {objective.id}: {objective.text}" in section, (bank.chapter, objective.id)


def test_issue16_helpers_on_a_small_sample() -> None:
    sample = "\n".join(
        [
            "## Time and prerequisites",
            "Allow about 45 minutes.",
            "## Own section",
            "**In short:** Two words. Then a {term}`ceasefire` and a ceasefire {cite:p}`k`.",
            "",
            ":::{note} A box",
            "Boxed words do not count here. Nor a ceasefire.",
            ":::",
            "| a table | row |",
            "- An item (1994). Another one?",
            "## Map: somewhere",
            "## Key terms",
            "- {term}`enclave`",
        ]
    )
    assert [title for title, _ in own_sections(sample)] == ["Own section"]
    prose = narrative(sample)
    assert "Boxed" not in prose and "table" not in prose and "enclave" not in prose
    assert sentences_of(prose) == [
        "Allow about 45 minutes.",
        "**In short:** Two words.",
        "Then a {term}`ceasefire` and a ceasefire.",
        "An item (1994).",
        "Another one?",
    ]
    assert count_words("Then a {term}`truce <ceasefire>` here.") == 4
    assert terms_first_used_unlinked(prose) == []
    assert terms_first_used_unlinked("A ceasefire, then {term}`ceasefire`.") == ["ceasefire"]
    assert terms_first_used_unlinked("The CSTO met; a csto-like body.") == ["CSTO"]
    assert terms_first_used_unlinked("The {term}`South Caucasus Pipeline` and South Caucasus.") == [
        "South Caucasus"
    ]
    assert terms_first_used_unlinked("A {term}`TAP` link; the South Caucasus Pipeline.") == [
        "South Caucasus Pipeline"
    ]
    assert word_count(":::{note} B\nFour boxed words here.\n:::") == 4


def test_instructor_guide_gives_the_hub_grading_steps_and_links_the_limits() -> None:
    """The instructor's first page: the class flow on the hub, step by step as
    tests/test_hub_grading.py runs it, and nbgrader's known limits by a link to the section
    of running_a_class.md that states them."""
    guide = (ROOT / "backmatter" / "instructor_guide.md").read_text(encoding="utf-8")
    steps = re.findall(r"^\d\. \*\*(\w+)\.\*\*", guide, flags=re.M)
    assert steps == ["Release", "Fetch", "Submit", "Collect", "Autograde", "Export", "Feedback"]
    assert "{ref}`nbgrader-limits`" in guide
    for limit in ("Formgrader", "own tab", "--student", "as the instructor"):
        assert limit in guide, limit
    running = (ROOT / "backmatter" / "running_a_class.md").read_text(encoding="utf-8")
    assert "(nbgrader-limits)=\n### Known limits" in running

"""The sources: every entry of references.bib can be followed and weighed, and the References
page (web and PDF) shows each one's link, kind of source and access date."""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, squash
from pybtex.database import parse_file

from coursekit import bibstyle

BIB = ROOT / "references.bib"
FURTHER_READING = ROOT / "backmatter" / "further_reading.md"


def entries() -> dict:
    return parse_file(str(BIB), bib_format="bibtex").entries


# --- the bibliography itself ------------------------------------------------------------


def test_every_entry_has_a_link_an_access_date_and_a_kind() -> None:
    assert len(entries()) >= 68
    assert bibstyle.check_bibliography(BIB) == []


def test_urls_are_web_addresses() -> None:
    for key, entry in entries().items():
        url = entry.fields.get("url")
        if url is not None:
            assert re.match(r"https?://\S+$", url), f"{key}: url {url!r}"


def normalised_url(url: str) -> str:
    """An address without the differences that do not change the page: scheme, case of the
    host, a leading ``www.``, a trailing dot of the host and a trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().rstrip(".").removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def outlet(entry) -> str:
    """The outlet an entry names as its author: braces dropped, and what follows a comma or
    an opening parenthesis (a service or a note such as "via MENAFN") left out."""
    names = entry.persons.get("author", [])
    text = " and ".join(str(person) for person in names) or entry.fields.get("author", "")
    text = re.sub(r"[{}]", "", text)
    return re.split(r",| \(", text)[0].strip()


def test_no_two_entries_share_a_url() -> None:
    """One entry per source: two keys for one page would present one source as two."""
    seen: dict[str, list[str]] = defaultdict(list)
    for key, entry in entries().items():
        if "url" in entry.fields:
            seen[normalised_url(entry.fields["url"])].append(key)
    shared = {url: keys for url, keys in seen.items() if len(keys) > 1}
    assert not shared, f"entries sharing one URL: {shared}"


def test_one_outlet_has_one_kind() -> None:
    """An outlet is weighed the same way wherever it is cited (issue 16: RFE/RL was tagged
    'state media' in one entry and 'independent outlet' in two)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    keys: dict[str, list[str]] = defaultdict(list)
    for key, entry in entries().items():
        kinds[outlet(entry)].add(entry.fields.get("kind", ""))
        keys[outlet(entry)].append(key)
    mixed = {name: (sorted(kinds[name]), keys[name]) for name in kinds if len(kinds[name]) > 1}
    assert not mixed, f"outlets with more than one kind: {mixed}"


def test_url_and_outlet_helpers() -> None:
    assert normalised_url("https://www.Example.org/a/") == normalised_url("http://example.org/a")
    assert normalised_url("https://kyivindependent.com./x") == "kyivindependent.com/x"
    assert normalised_url("https://a.org/x?p=1") != normalised_url("https://a.org/x?p=2")
    sample = parse_file_text(
        "@misc{a, author = {{Radio Free Europe/Radio Liberty, Armenian Service (Azatutyun)}},"
        " url = {https://x.org}}\n@misc{b, author = {{Trend News Agency (via MENAFN)}}}\n"
    )
    assert outlet(sample["a"]) == "Radio Free Europe/Radio Liberty"
    assert outlet(sample["b"]) == "Trend News Agency"


def parse_file_text(text: str) -> dict:
    from pybtex.database import parse_string

    return parse_string(text, bib_format="bibtex").entries


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("urldate = {2026-11-29}, kind = {book}", "field 'url' is missing"),
        ("url = {https://example.org/a}, kind = {book}", "field 'urldate' must be an ISO date"),
        (
            "url = {https://example.org/a}, urldate = {29 November 2026}, kind = {book}",
            "field 'urldate' must be an ISO date",
        ),
        ("url = {https://example.org/a}, urldate = {2026-11-29}", "field 'kind' is ''"),
        (
            "url = {https://example.org/a}, urldate = {2026-11-29}, kind = {blog}",
            "field 'kind' is 'blog'",
        ),
    ],
)
def test_a_broken_entry_is_named_with_its_field(tmp_path: Path, fields: str, expected: str) -> None:
    bib = tmp_path / "broken.bib"
    bib.write_text(f"@misc{{bad2026entry, title = {{T}}, {fields}}}\n", encoding="utf-8")
    problems = bibstyle.check_bibliography(bib)
    assert len(problems) == 1, problems
    assert problems[0].startswith("broken.bib: entry 'bad2026entry': ")
    assert expected in problems[0]


def test_a_book_may_give_an_isbn_instead_of_a_url(tmp_path: Path) -> None:
    bib = tmp_path / "book.bib"
    bib.write_text(
        "@book{writer2004book, author = {A. Writer}, title = {T}, publisher = {P},"
        " year = {2004}, isbn = {978-0-8147-1945-9}, urldate = {2026-11-29}, kind = {book}}\n",
        encoding="utf-8",
    )
    assert bibstyle.check_bibliography(bib) == []


def test_an_unreadable_file_is_reported_not_raised(tmp_path: Path) -> None:
    bib = tmp_path / "garbled.bib"
    bib.write_text("@misc{oops, title = {unclosed\n", encoding="utf-8")
    problems = bibstyle.check_bibliography(bib)
    assert problems and problems[0].startswith("garbled.bib: cannot be read")


def test_the_style_prints_kind_link_and_access_date() -> None:
    from pybtex.backends.plaintext import Backend

    bibstyle.register()
    import pybtex.plugin

    style = pybtex.plugin.find_plugin("pybtex.style.formatting", bibstyle.STYLE_NAME)()
    db = parse_file(str(BIB), bib_format="bibtex")
    texts = {e.key: e.text.render(Backend()) for e in style.format_bibliography(db)}
    text = texts["afp2024arrives"]
    assert "Kind of source: wire service." in text
    assert "Online: https://english.alarabiya.net/News/world/2024/08/18/" in text
    assert text.endswith("accessed 2026-11-29.")


def test_the_plaintext_backend_is_found_without_reading_entry_points(monkeypatch) -> None:
    """sphinxcontrib-bibtex asks pybtex for it at every citation: after register(), pybtex
    answers from memory, with the class the installed entry point names."""
    import importlib.metadata

    import pybtex.plugin

    (entry,) = importlib.metadata.entry_points(group="pybtex.backends", name="plaintext")
    bibstyle.register()

    def no_search(**_: str) -> list:
        raise AssertionError("pybtex searched the entry points")

    monkeypatch.setattr(pybtex.plugin, "entry_points", no_search)
    assert pybtex.plugin.find_plugin("pybtex.backends", "plaintext") is entry.load()


def test_the_book_uses_the_course_style() -> None:
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    assert re.search(rf"bibtex_default_style:\s*{bibstyle.STYLE_NAME}\b", config)


# --- further reading ----------------------------------------------------------------------


def test_further_reading_lists_six_to_ten_sourced_items() -> None:
    text = FURTHER_READING.read_text(encoding="utf-8")
    items = re.split(r"\n(?=- \*\*)", text.split("\n- **", 1)[1])
    assert 6 <= len(items) <= 10, len(items)
    for item in (" ".join(raw.split()) for raw in items):
        assert re.search(r"\]\(https?://[^)\s]+\)", item), f"no link: {item[:60]}"
        kind = re.search(r"\*Kind: ([a-z -]+?)[.*(]", item)
        assert kind and kind.group(1).strip() in bibstyle.KINDS, f"no kind: {item[:60]}"
        if kind.group(1).strip() == "book":
            assert re.search(r"ISBN 97[89]-\d", item), f"book without ISBN: {item[:60]}"


def test_further_reading_is_in_the_table_of_contents() -> None:
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "backmatter/further_reading" in toc


# --- the built book -----------------------------------------------------------------------


@pytest.mark.build
def test_references_page_links_every_entry_and_shows_its_kind(built_html: Path) -> None:
    page = (built_html / "backmatter" / "references.html").read_text(encoding="utf-8")
    citations = re.findall(r'(?s)<div class="citation"[^>]*>.*?</div>', page)
    assert len(citations) == len(entries())
    hrefs = set(re.findall(r'href="(https?://[^"]+)"', page))
    for key, entry in entries().items():
        url = html.unescape(entry.fields["url"])
        assert url in {html.unescape(h) for h in hrefs}, f"{key}: no link to {url}"
    for citation in citations:
        text = html.unescape(re.sub(r"<[^>]+>", "", citation))
        kind = re.search(r"Kind of source: ([a-z -]+)\.", text)
        assert kind and kind.group(1) in bibstyle.KINDS, text[:80]
        assert re.search(r"accessed \d{4}-\d{2}-\d{2}\.", text), text[:80]


@pytest.mark.pdf
def test_pdf_prints_every_reference_url(built_pdf_text: str) -> None:
    # Page furniture (page numbers, running heads) may fall inside a long address.
    lines = [line.strip() for line in built_pdf_text.splitlines()]
    counts = Counter(lines)
    furniture = {
        line for line, n in counts.items() if line.isdigit() or (n >= 5 and len(line) < 60)
    }
    letters = squash(" ".join(line for line in lines if line not in furniture))
    assert "kindofsourcewireservice" in letters
    for key, entry in entries().items():
        assert squash(entry.fields["url"]) in letters, f"{key}: URL not printed in the PDF"

"""The course's charts (coursekit.charts): data files, figure sources and the three renderings."""

from __future__ import annotations

import base64
import csv
import html
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coursekit import charts
from coursekit.charts import CHAPTER_CHARTS, Chart
from coursekit.charts.rows import COLUMNS
from coursekit.course import CHAPTERS
from coursekit.data import DataError, bib_keys, clear_cache, load

# One worker runs the module (xdist_group): its fixtures build every chart once, not per worker.
pytestmark = pytest.mark.xdist_group("charts")

ROOT = Path(__file__).resolve().parent.parent
CHART_FILES = sorted((ROOT / "data" / "charts").glob("*.csv"))
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def built() -> dict[str, Chart]:
    """Every chapter's chart, built once."""
    return {chapter: make() for chapter, make in CHAPTER_CHARTS.items()}


@pytest.fixture(scope="module")
def bundles(built: dict[str, Chart]) -> dict[str, dict[str, str]]:
    return {chapter: chart._repr_mimebundle_() for chapter, chart in built.items()}


class _Page(HTMLParser):
    """The parts of a chart's HTML the tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self.rows: list[list[str]] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th") and self.rows:
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        for tag in self._open:
            self.text.setdefault(tag, []).append(data)
        if {"td", "th"} & set(self._open) and "table" in self._open and self.rows:
            self.rows[-1][-1] += data


def parse(markup: str) -> _Page:
    page = _Page()
    page.feed(markup)
    return page


# -- which chapter shows which chart


def test_every_chapter_has_one_chart() -> None:
    assert list(CHAPTER_CHARTS) == list(CHAPTERS)


def test_every_data_file_has_a_chart(built: dict[str, Chart]) -> None:
    drawn = {chart.name for chart in built.values()}
    assert drawn == {f"charts/{path.name}" for path in CHART_FILES}


def test_chapter_two_calls_its_chart_and_no_pyplot() -> None:
    text = (ROOT / "chapters" / "02_significance.ipynb").read_text(encoding="utf-8")
    assert "charts.gas_exports()" in text
    assert "matplotlib" not in text


# -- data files


@pytest.mark.parametrize("path", CHART_FILES, ids=lambda p: p.name)
def test_data_file_validates_and_every_source_is_in_the_bibliography(path: Path) -> None:
    rows = load(f"charts/{path.name}")
    assert rows, path
    keys = bib_keys()
    with path.open(encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    assert tuple(raw[0]) == COLUMNS
    assert len(raw) == len(rows)
    for row, line in zip(rows, raw, strict=True):
        assert row.source in keys, (path.name, row.label, row.source)
        assert float(line["value"]) == row.value
        assert row.who.strip()


def test_chart_files_are_checked_as_charts() -> None:
    """A chart file read by its name alone goes through the chart check (Row objects)."""
    rows = load("charts/gas_exports_2023.csv")
    assert isinstance(rows[0], charts.Row)
    assert rows[0].label == "Europe" and rows[0].text == "11.8 bcm"


def _write(tmp_path: Path, rows: list[list[str]], header: tuple[str, ...] = COLUMNS) -> Path:
    path = tmp_path / "broken.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    clear_cache()
    return path


GOOD = ["Europe", "Gas", "11.8", "bcm", "", "the minister", "trend2024exports"]


def _with(index: int, value: str) -> list[str]:
    row = list(GOOD)
    row[index] = value
    return row


@pytest.mark.parametrize(
    ("rows", "item", "field", "words"),
    [
        ([GOOD, _with(2, "eleven")], "line 3", "value", "'eleven' is not a number"),
        ([GOOD, _with(2, "1,000")], "line 3", "value", "is not a number"),
        ([_with(6, "nosuch2099")], "line 2", "source", "'nosuch2099' is not a key"),
        ([GOOD, _with(4, "roughly")], "line 3", "qualifier", "'roughly'"),
        ([_with(5, " ")], "line 2", "who", "say who gives the figure"),
        ([_with(0, "")], "line 2", "label", "is empty"),
        (
            [GOOD, ["Türkiye", "Gas", "9.5", "mcm", "", "the minister", "trend2024exports"]],
            "line 3",
            "unit",
            "'mcm' differs from 'bcm'",
        ),
        ([GOOD, GOOD], "line 3", "label", "appears twice"),
    ],
)
def test_broken_rows_name_file_row_and_field(
    tmp_path: Path, rows: list[list[str]], item: str, field: str, words: str
) -> None:
    path = _write(tmp_path, rows)
    with pytest.raises(DataError) as info:
        load(path, kind="chart")
    error = info.value
    assert (error.item, error.field) == (item, field), str(error)
    assert "broken.csv" in str(error) and words in str(error)


def test_wrong_columns_are_named(tmp_path: Path) -> None:
    path = _write(tmp_path, [["Europe", "11.8", "x"]], header=("destination", "bcm", "source"))
    with pytest.raises(DataError, match=r"broken\.csv: columns must be label, series, value"):
        load(path, kind="chart")


def test_a_total_that_does_not_add_up_is_an_error(tmp_path: Path, monkeypatch) -> None:
    path = _write(tmp_path, [GOOD, _with(0, "Georgia")])
    monkeypatch.setattr(charts.model.data, "load", lambda name: load(path, kind="chart"))
    with pytest.raises(DataError) as info:
        Chart.from_file("charts/broken.csv", "T", "C", "Destination", totals={"Gas": 23.8})
    assert (info.value.item, info.value.field) == ("Gas", "value")
    assert "add up to 23.6, not the 23.8" in str(info.value)


# -- totals the data imply


def test_gas_exports_add_up_to_the_reported_total(built: dict[str, Chart]) -> None:
    chart = built["02_significance"]
    assert chart.totals == {"Gas exported in 2023": 23.8}
    assert sum(row.value for row in chart.rows) == pytest.approx(23.8)
    assert [row.label for row in chart.rows] == ["Europe", "Türkiye", "Georgia"]


def test_election_seats_add_up_to_the_parliament(built: dict[str, Chart]) -> None:
    chart = built["06_epilogue"]
    seats = chart.panel("Seats won out of 105")
    assert sum(row.value for row in seats) == 105
    shares = chart.panel("Share of the vote")
    assert sum(row.value for row in shares) < 100
    assert chart.scale("Share of the vote") == 100  # a share in per cent is drawn out of 100
    assert chart.scale("Seats won out of 105") == 105


def test_displacement_counts_are_each_attributed(built: dict[str, Chart]) -> None:
    chart = built["03_history"]
    whos = {row.who for row in chart.rows}
    assert len(whos) >= 3  # Azerbaijani, Armenian and UN counts, side by side
    assert chart.common_who is None
    text = chart.text_alternative()
    for row in chart.rows:
        assert f"{row.text} (according to {row.who})" in text


# -- the three renderings


@pytest.mark.parametrize("chapter", list(CHAPTER_CHARTS))
def test_bundle_has_html_png_and_markdown(
    chapter: str, built: dict[str, Chart], bundles: dict[str, dict[str, str]]
) -> None:
    chart, bundle = built[chapter], bundles[chapter]
    assert {"text/html", "image/png", "text/markdown", "text/plain"} <= set(bundle)
    assert base64.b64decode(bundle["image/png"]).startswith(PNG_MAGIC)
    assert bundle["text/plain"] == chart.text_alternative()


@pytest.mark.parametrize("chapter", list(CHAPTER_CHARTS))
def test_web_figure_has_caption_text_alternative_and_table(
    chapter: str, built: dict[str, Chart], bundles: dict[str, dict[str, str]]
) -> None:
    chart = built[chapter]
    page = parse(bundles[chapter]["text/html"])
    tags = [tag for tag, _ in page.tags]
    assert tags[0] == "figure" and "figcaption" in tags and "details" in tags
    assert "script" not in tags and "style" not in tags
    svg = dict(page.tags)["svg"]
    assert svg["role"] == "img"
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert set((svg["aria-labelledby"] or "").split()) <= ids
    assert "".join(page.text["title"]) == f"Bar chart: {chart.title}"
    assert "".join(page.text["desc"]) == chart.text_alternative()
    caption = "".join(page.text["figcaption"])
    assert chart.title in caption and chart.caption in caption
    # the data table: a header row and one row per bar, with the number and who gives it
    header, *body = page.rows
    assert header[0] == chart.label_heading and "Source" in header
    assert len(body) == len(chart.rows)
    for cells, row in zip(body, chart.rows, strict=True):
        assert cells[0] == row.label and row.text in cells and row.who in cells
    # every bar carries its number as text in the drawing (colour is not the only signal)
    drawn = " ".join(page.text["svg"])
    for row in chart.rows:
        assert row.text in drawn


@pytest.mark.parametrize("chapter", list(CHAPTER_CHARTS))
def test_web_table_links_each_source(chapter: str, built: dict[str, Chart]) -> None:
    from coursekit.charts.sources import source

    markup = built[chapter].html()
    for key in built[chapter].sources():
        url = source(key).url
        assert url.startswith("http") and f'href="{html.escape(url)}"' in markup, key


@pytest.mark.parametrize("chapter", list(CHAPTER_CHARTS))
def test_printed_caption_and_table_cite_every_source(
    chapter: str, built: dict[str, Chart], bundles: dict[str, dict[str, str]]
) -> None:
    chart, markdown = built[chapter], bundles[chapter]["text/markdown"]
    lines = markdown.splitlines()
    assert lines[0].startswith("**Chart: ")
    table = [line for line in lines if line.startswith("| ")]
    assert len(table) == len(chart.rows) + 1  # the header and one line per bar
    for line, row in zip(table[1:], chart.rows, strict=True):
        assert line.endswith(f"{{cite:p}}`{row.source}` |")
    assert set(re.findall(r"\{cite:p\}`([^`]+)`", markdown)) == set(chart.sources())


def test_display_sends_picture_then_printed_caption(built: dict[str, Chart], monkeypatch) -> None:
    """Like a map: the figure (HTML, PNG), then the caption and table whose web form is empty."""
    shown: list[dict[str, str]] = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append(obj))
    built["02_significance"]._ipython_display_()
    first, second = shown
    assert {"text/html", "image/png"} <= set(first) and "text/markdown" not in first
    assert second["text/html"] == "" and second["text/markdown"].startswith("**Chart:")


def test_script_in_a_label_is_escaped(tmp_path: Path, monkeypatch) -> None:
    evil = '<script>alert("x")</script> & <b>bold</b>'
    path = _write(tmp_path, [_with(0, evil), _with(5, evil)])
    monkeypatch.setattr(charts.model.data, "load", lambda name: load(path, kind="chart"))
    chart = Chart.from_file("charts/broken.csv", evil, evil, evil)
    markup = chart.html()
    assert "<script" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup
    markdown = chart.markdown()
    assert "<script>" not in markdown and "\\<script\\>" in markdown


def test_no_pyplot_and_no_backend_change() -> None:
    import matplotlib

    backend = matplotlib.get_backend()
    charts.gas_exports().png()
    assert matplotlib.get_backend() == backend
    for module in ("printed", "web", "model", "layout"):
        source = (ROOT / "coursekit" / "charts" / f"{module}.py").read_text(encoding="utf-8")
        assert "import matplotlib.pyplot" not in source and "matplotlib.use(" not in source


def test_colours_come_from_the_course_palette(built: dict[str, Chart]) -> None:
    from coursekit.maps.styles import PALETTE

    fills = set(re.findall(r'<rect [^>]*fill="(#[0-9A-Fa-f]{6})"', built["06_epilogue"].html()))
    assert fills - {"#ffffff"} <= set(PALETTE.values())
    assert len(fills - {"#ffffff"}) == 2  # one colour per panel


def called_charts() -> list[tuple[str, str]]:
    """``(chapter, function)`` for every chart a chapter notebook calls, e.g. chapter 2's
    ``charts.gas_exports()``."""
    found = []
    for chapter in CHAPTERS:
        text = (ROOT / "chapters" / f"{chapter}.ipynb").read_text(encoding="utf-8")
        found += [(chapter, name) for name in re.findall(r"\bcharts\.(\w+)\(\)", text)]
    return found


def test_chapters_call_only_their_own_chart() -> None:
    calls = called_charts()
    assert ("02_significance", "gas_exports") in calls
    for chapter, name in calls:
        assert CHAPTER_CHARTS[chapter].__name__ == name


@pytest.mark.build
@pytest.mark.parametrize(("chapter", "name"), called_charts())
def test_chapter_page_shows_its_chart_with_table(built_html: Path, chapter: str, name: str) -> None:
    """The built page carries the chart's figure (SVG, caption, table), once, and not the
    PDF's copy of its caption."""
    text = (built_html / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    chart = getattr(charts, name)()
    assert text.count('<figure class="coursekit-chart"') == 1
    figure = text[text.index('<figure class="coursekit-chart"') :]
    figure = figure[: figure.index("</figure>")]
    page = parse(figure)
    assert dict(page.tags)["svg"]["role"] == "img"
    assert len(page.rows) == len(chart.rows) + 1
    assert chart.caption in html.unescape("".join(page.text["figcaption"]))
    assert "**Chart:" not in text and "{cite:p}" not in text


@pytest.mark.pdf
@pytest.mark.parametrize(("chapter", "name"), called_charts())
def test_pdf_prints_each_chart_with_caption_and_cited_table(
    built_pdf_text: str, chapter: str, name: str
) -> None:
    """The PDF prints the chart's caption and its table: every number, and a numbered
    citation per row (pdftotext reads a table's wrapped cells out of order, so numbers are
    looked for in the text that follows the caption)."""
    from conftest import squash

    chart = getattr(charts, name)()
    text = built_pdf_text.replace("\u2019", "'")
    caption = squash(f"Chart: {chart.title}. {chart.caption}")
    assert caption in squash(text)
    start = text.index(f"Chart: {chart.title[:30]}")
    following = text[start : start + 2500 + 400 * len(chart.rows)]
    letters = squash(following)
    for row in chart.rows:
        assert squash(row.number) in letters, row
    assert len(re.findall(r"\[\d+\]", following)) >= len(chart.rows)

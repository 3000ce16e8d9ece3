"""Light pages for phones: inline icons, no Font Awesome script, search scripts only on the
search page, map frames that wait until they are near the screen, ``.gz`` twins."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from conftest import toc_files

from coursekit import icons
from coursekit.iconfont import FONT, STYLES, SUBSET, drop_icon_class_rules, icon_characters
from coursekit.precompress import MIN_BYTES, SUFFIXES, candidates, precompress
from coursekit.webpages import lighten, lighten_site

PAGE = """<html><head>
<script defer src="_static/scripts/fontawesome.js?digest=55c2"></script>
<script src="_static/searchtools.js"></script>
<script src="_static/language_data.js"></script>
<script src="searchindex.js"></script>
</head><body>
<button><i class="fa-solid fa-bars"></i></button>
<span class="fa-solid fa-magnifying-glass fa-lg" title="x"></span>
<a><i class="fab fa-markdown"></i></a>
<script type="application/vnd.jupyter.widget-state+json">{"state": {}}</script>
<figure class="coursekit-map"><iframe title="Interactive map: A &amp; B" srcdoc="&lt;p&gt;"
 width="100%"></iframe></figure>
</body></html>"""


def test_icons_come_from_the_themes_own_script() -> None:
    table = icons.icons()
    width, height, path = table[("fas", "bars")]
    assert (width, height) == (448, 512) and path.startswith("M")
    assert ("fab", "markdown") in table and ("far", "sun") in table
    # An alias names the same shape as its icon.
    assert table[("fas", "search")] == table[("fas", "magnifying-glass")]


def test_an_icon_becomes_inline_svg_with_its_size_class() -> None:
    svg = icons.svg("fa-solid fa-magnifying-glass fa-lg", ' title="x"')
    assert svg.startswith('<svg class="svg-inline--fa fa-magnifying-glass fa-lg" title="x"')
    assert 'aria-hidden="true"' in svg and 'viewBox="0 0 512 512"' in svg
    assert 'fill="currentColor"' in svg


def test_an_unknown_icon_is_named_in_the_error() -> None:
    with pytest.raises(icons.IconsMissing, match="fa-no-such-icon"):
        icons.svg("fa-solid fa-no-such-icon")


def test_a_page_is_lightened() -> None:
    stored: list[str] = []

    def store(document: str) -> str:
        stored.append(document)
        return f"../_maps/page-{len(stored)}.html"

    light = lighten(PAGE, store)
    assert "fontawesome.js" not in light
    assert "searchtools.js" not in light and "searchindex.js" not in light
    assert "<i " not in light and light.count("<svg") == 3
    # The map's document leaves the page, unescaped, for a file its frame loads lazily.
    assert stored == ["<p>"] and "srcdoc" not in light
    assert 'loading="lazy" src="../_maps/page-1.html"' in light
    assert "widget-state" not in light
    # The search page keeps Sphinx's search.
    assert "searchindex.js" in lighten(PAGE, store, search_page=True)
    assert lighten(light, store) == light


def test_the_site_gets_its_maps_as_files(tmp_path: Path) -> None:
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "one.html").write_text(PAGE)
    assert lighten_site(tmp_path) == [tmp_path / "chapters" / "one.html"]
    assert (tmp_path / "_maps" / "chapters-one-1.html").read_text() == "<p>"
    page = (tmp_path / "chapters" / "one.html").read_text()
    assert 'src="../_maps/chapters-one-1.html"' in page
    assert lighten_site(tmp_path) == []  # twice: nothing more to do


def test_every_text_file_gets_a_gzip_twin(tmp_path: Path) -> None:
    big = "<p>phone</p>\n" * 200
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.html").write_text(big)
    (tmp_path / "style.css").write_text(big)
    (tmp_path / "tiny.js").write_text("x")
    (tmp_path / "map.png").write_bytes(b"\x89PNG" * 1000)
    twins = precompress(tmp_path)
    assert sorted(t.name for t in twins) == ["page.html.gz", "style.css.gz"]
    for twin in twins:
        source = twin.with_name(twin.name[:-3])
        assert gzip.decompress(twin.read_bytes()) == source.read_bytes()
        assert twin.stat().st_mtime_ns == source.stat().st_mtime_ns
    assert precompress(tmp_path) == twins  # twice: the same files


def test_the_icon_font_keeps_the_characters_rules_name(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text(
        ':root{--pst-icon-bell:"\uf0f3"}.admonition>.title:after{content:"\\f05a"}'
        '@media print{.fa-bars:before{content:"\\f0c9"}}.fa-sun::before,.fa-moon{content:"x"}'
    )
    assert icon_characters(tmp_path) == {0xF0F3, 0xF05A}


def test_font_awesome_class_rules_leave_the_theme_css(tmp_path: Path) -> None:
    (tmp_path / STYLES).mkdir(parents=True)
    sheet = tmp_path / STYLES / "theme.css"
    sheet.write_text(
        '.a{color:red}@media print{.fa-bars:before,.fa-menu::before{content:"\\f0c9"}'
        ".b{content:'x'}}.fa-lg{font-size:1.25em}.fa-sun,.c:before{content:'y'}"
    )
    assert drop_icon_class_rules(tmp_path) == [sheet]
    assert sheet.read_text() == (
        ".a{color:red}@media print{.b{content:'x'}}.fa-lg{font-size:1.25em}"
        ".fa-sun,.c:before{content:'y'}"
    )


# --------------------------------------------------------------------------- the build
@pytest.mark.build
def test_the_built_site_has_a_gzip_twin_for_every_text_file(built_html: Path) -> None:
    files = candidates(built_html)
    assert len(files) > 20
    for path in files:
        twin = path.with_name(path.name + ".gz")
        assert twin.is_file(), f"{path.relative_to(built_html)} has no .gz twin"
        assert gzip.decompress(twin.read_bytes()) == path.read_bytes(), twin
    small = [p for p in built_html.rglob("*") if p.suffix in SUFFIXES and p.is_file()]
    assert all(p.stat().st_size < MIN_BYTES for p in set(small) - set(files))


@pytest.mark.build
@pytest.mark.parametrize("name", [*toc_files(), "genindex", "search"])
def test_no_built_page_loads_the_icon_script(built_html: Path, name: str) -> None:
    text = (built_html / f"{name}.html").read_text(encoding="utf-8")
    assert "fontawesome.js" not in text
    assert not re.search(r'<i class="[^"]*\bfa-', text)
    assert ("searchindex.js" in text) == (name == "search")
    assert "srcdoc=" not in text


@pytest.mark.build
def test_the_built_icon_font_is_a_small_subset(built_html: Path) -> None:
    from fontTools.ttLib import TTFont

    subset, full = built_html / SUBSET, built_html / FONT
    assert subset.stat().st_size * 20 < full.stat().st_size
    kept = set(TTFont(str(subset)).getBestCmap())
    assert icon_characters(built_html / "_static") - kept <= {0xF09B, 0xF296}  # brand icons
    assert 0xF05A in kept  # the "note" admonition's icon


@pytest.mark.build
def test_the_theme_css_has_no_icon_class_rules(built_html: Path) -> None:
    sheet = (built_html / STYLES / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert ".fa-bars:before" not in sheet
    assert "--pst-icon-admonition-note" in sheet  # the rest of the theme stays

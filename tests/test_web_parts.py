"""Unit tests for the web book's parts: the map document, the vendor copy, the PDF option."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.errors import ExtensionError

from coursekit import leaflet as assets
from coursekit import maps, sphinxext
from coursekit.vendor import copy_vendor_assets, vendor_files


@pytest.fixture(scope="module")
def page() -> str:
    return maps.karabakh_map().folium_map().get_root().render()


def test_the_map_document_has_language_title_and_a_zoomable_viewport(page: str) -> None:
    assert re.search(r'<html lang="en">', page)
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert title.startswith("Nagorno-Karabakh")
    viewports = re.findall(r'<meta name="viewport"[^>]*>', page)
    assert viewports == ['<meta name="viewport" content="width=device-width, initial-scale=1">']
    assert page.count("<main") == 1 and '<h1 class="ck-title">' in page


def test_every_marker_gets_its_name(page: str) -> None:
    names = [i.name for layer in maps.karabakh_map().all_layers for i in layer.items]
    assert 'setAttribute("aria-label", m.name)' in page
    for name in names:
        if name.startswith("Stepanakert"):
            assert f'"name": "{name}"' in page


def test_the_view_is_kept_inside_the_outlines(page: str) -> None:
    assert "map.setMaxBounds(land)" in page and '"maxBoundsViscosity": 1.0' in page


def test_vendor_copy_holds_the_linked_files_pictures_and_licences(tmp_path: Path) -> None:
    copied = {p.relative_to(tmp_path).as_posix() for p in copy_vendor_assets(tmp_path)}
    for _kind, path in assets.FILES:
        assert path in copied
    assert "leaflet/dist/images/layers.png" in copied
    assert "leaflet.fullscreen/icon-fullscreen.svg" in copied
    assert {"leaflet/LICENSE", "leaflet.fullscreen/LICENSE"} <= copied


def test_vendor_copy_without_node_modules_says_run_make_node(tmp_path: Path) -> None:
    with pytest.raises(assets.AssetsMissing, match="make node"):
        vendor_files(tmp_path)


def test_a_missing_course_pdf_is_a_clear_error(tmp_path: Path) -> None:
    app = SimpleNamespace(config=SimpleNamespace(course_pdf="nowhere/course.pdf"), confdir=tmp_path)
    with pytest.raises(ExtensionError, match=r"course_pdf: .*nowhere/course.pdf does not exist"):
        sphinxext._course_pdf(app)


def test_the_download_menu_offers_the_course_pdf() -> None:
    app = SimpleNamespace(config=SimpleNamespace(course_pdf="_build/latex/course.pdf"))
    print_item = {"label": "download-pdf-button", "type": "javascript"}
    group = {"label": "download-buttons", "buttons": [{"label": "nb"}, print_item]}
    context = {"header_buttons": [group], "pathto": lambda name, resource: f"../{name}"}
    sphinxext._pdf_button(app, "chapters/01_visit", "page.html", context, None)
    labels = [b["label"] for b in group["buttons"]]
    assert labels == ["nb", "download-course-pdf-button"]
    assert group["buttons"][-1]["url"] == "../_downloads/course.pdf"
    # A page without a download menu (search, index) gets one.
    bare = {"header_buttons": [], "pathto": lambda name, resource: name}
    sphinxext._pdf_button(app, "search", "search.html", bare, None)
    assert bare["header_buttons"][0]["buttons"][0]["url"] == "_downloads/course.pdf"

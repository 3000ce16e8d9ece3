"""The web rendering: a Leaflet map page built with folium, shown in an iframe.

Every piece of HTML, CSS and JavaScript we add lives in ``templates/`` and is rendered by
Jinja2 with autoescape on; strings reach Leaflet as JSON (``tojson`` escapes ``<``, ``>``,
``&`` and ``'``). Our elements place their output in the page as it is, so that text from
data is never read again as a template.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.plugins import Fullscreen
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from shapely.geometry import mapping

from coursekit import leaflet as assets
from coursekit.maps.layers import Item
from coursekit.maps.styles import SEA, STYLES

if TYPE_CHECKING:
    from coursekit.maps.coursemap import CourseMap

TEMPLATES = Path(__file__).parent / "templates"
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
)


class _Raw(Element):
    """Text placed in the page as it is (a plain Element would parse it as a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class Part(MacroElement):
    """A piece of the map page from one of our templates (its header, html and script
    macros), with ``values`` as attributes of ``this``."""

    def __init__(self, template: str, **values: Any) -> None:
        super().__init__()
        self._name = template.split(".")[0].capitalize()
        self._template = ENV.get_template(template)
        self.template_name = template
        self.__dict__.update(values)

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        module = self._template.module
        for slot in ("header", "html", "script"):
            macro = getattr(module, slot, None)
            if macro is not None:
                part = _Raw(str(macro(self, kwargs)))
                getattr(figure, slot).add_child(part, name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class Page(Figure):
    """The map's own document (``page.html``): a language, a title, one main landmark, and
    a viewport that lets the reader zoom (folium's forbids it)."""

    _template = ENV.get_template("page.html")

    def __init__(self, title: str, lang: str = "en") -> None:
        super().__init__(title=title)
        self.lang = lang

    def render(self, **kwargs: Any) -> str:
        return _FIXED_VIEWPORT.sub(VIEWPORT, super().render(**kwargs))


VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
_FIXED_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>')
#: An area narrower than this (in pixels, at the zoom shown) gets a ring so that it shows.
MIN_AREA_PX = 16


def _texts(item: Item) -> dict[str, str]:
    return {
        "tip": ENV.get_template("tip.html").render(item=item),
        "popup": ENV.get_template("popup.html").render(item=item),
    }


def vectors(items: list[Item], ring: bool = False) -> Part:
    """Lines and areas as one Leaflet GeoJSON layer; with ``ring``, areas too small to see
    at the zoom shown get a ring (see ``view.js``)."""
    features = [
        {
            "type": "Feature",
            "properties": {
                "style": STYLES[i.style].leaflet(),
                "ring": ring and i.geom.geom_type in ("Polygon", "MultiPolygon"),
                **_texts(i),
            },
            "geometry": mapping(i.geom),
        }
        for i in items
    ]
    return Part("vectors.js", collection={"type": "FeatureCollection", "features": features})


def markers(items: list[Item]) -> Part:
    """Points as Leaflet markers with their symbol."""
    icon = ENV.get_template("icon.html")
    rows = [
        {
            "lat": i.geom.y,
            "lon": i.geom.x,
            "icon": icon.render(style=STYLES[i.style]),
            "label": i.label,
            "name": i.name,
            **_texts(i),
        }
        for i in items
    ]
    return Part("markers.js", markers=rows)


def _assets() -> Part:
    base = assets.asset_base()
    files = assets.links() if base else assets.inline()
    return Part("assets.html", files=files, linked=bool(base))


def _add_layers(m: folium.Map, cmap: CourseMap) -> None:
    base = folium.FeatureGroup(name="Countries", control=False).add_to(m)
    vectors(cmap.basemap).add_to(base)
    if not assets.asset_base():
        folium.TileLayer(
            "OpenStreetMap", name="OpenStreetMap background (online)", overlay=True, show=False
        ).add_to(m)
    for layer in cmap.all_layers:
        # folium hands the name to Leaflet's layer control, which shows it as HTML.
        group = folium.FeatureGroup(name=str(escape(layer.name)), show=layer.show).add_to(m)
        lines = [i for i in layer.items if not i.is_marker]
        points = [i for i in layer.items if i.is_marker]
        if lines:
            vectors(lines, ring=True).add_to(group)
        if points:
            markers(points).add_to(group)


def _land(cmap: CourseMap) -> list[list[float]]:
    """``[[south, west], [north, east]]`` of the country outlines (clipped around the map)."""
    boxes = [item.geom.bounds for item in cmap.basemap]
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return [[south, west], [north, east]]


def folium_map(cmap: CourseMap) -> folium.Map:
    """The :class:`folium.Map`: Leaflet, the fullscreen control, our layers and legend."""
    west, south, east, north = cmap.bounds
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        tiles=None,
        control_scale=True,
        zoom_start=5,
        zoom_control="bottomright",
        prefer_canvas=False,
        zoom_snap=0.25,
        zoom_delta=0.5,
        max_bounds_viscosity=1.0,  # a hard edge where the outlines end (see view.js)
    )
    Page(cmap.title).add_child(m)
    m.default_js, m.default_css = [], []  # no jQuery, Bootstrap, icon fonts
    _assets().add_to(m)
    _add_layers(m, cmap)
    folium.LayerControl(collapsed=True).add_to(m)  # a button: the list hid the title
    full = Fullscreen(position="topright")
    full.default_js, full.default_css = [], []  # loaded with Leaflet by _assets()
    full.add_to(m)
    css = Markup(ENV.get_template("map.css").render(sea=SEA))
    Part("overlay.html", title=cmap.title, styles=cmap.legend_styles(), css=css).add_to(m)
    # Last: the view opens once every layer is on the map.
    extent = [[south, west], [north, east]]
    Part("view.js", extent=extent, land=_land(cmap), min_area_px=MIN_AREA_PX).add_to(m)
    return m


def page_html(cmap: CourseMap) -> str:
    """The map's own HTML page."""
    return folium_map(cmap).get_root().render()


def figure_html(cmap: CourseMap) -> str:
    """The map page in an iframe, inside a ``<figure>`` with a caption and a text version."""
    return ENV.get_template("figure.html").render(
        title=cmap.title,
        description=cmap.description,
        page=page_html(cmap),
        height=cmap.height,
        text=cmap.text_alternative(),
    )

"""A chapter map: its layers and what it says about them, with one rendering per medium.

A :class:`CourseMap` displays in Jupyter and in the books with three MIME types:
``text/html`` (:mod:`.web`, Leaflet in an iframe inside a ``<figure>``), ``image/png``
(:mod:`.printed`, for the PDF) and ``text/plain`` (its text alternative).
"""

from __future__ import annotations

import base64
from typing import Any

from coursekit.maps import printed, web
from coursekit.maps.layers import Bounds, Item, Layer, basemap
from coursekit.maps.styles import STYLES, Style
from coursekit.text import md_escape

ATTRIBUTION = "Country outlines: Natural Earth. Routes and areas are approximate."


class CourseMap:
    """A chapter map: title, description, extent and layers (the basemap added)."""

    def __init__(
        self,
        title: str,
        description: str,
        bounds: Bounds,
        layers: list[Layer],
        height: int = 520,
        inset: tuple[str, Bounds] | None = None,
    ) -> None:
        self.title, self.description, self.bounds = title, description, bounds
        self.all_layers = [layer for layer in layers if layer.items]
        self.height = height
        #: a detail the printed map enlarges in a box: (its title, its extent)
        self.inset = inset
        self.basemap = basemap(bounds)

    # -- facts about the map
    def layers(self) -> list[str]:
        """Names of the switchable layers, in drawing order."""
        return [layer.name for layer in self.all_layers]

    def counts(self) -> dict[str, int]:
        """What Leaflet draws at first: vector paths (incl. countries) and markers."""
        shown = [i for layer in self.all_layers if layer.show for i in layer.items]
        vectors = len(self.basemap) + sum(not i.is_marker for i in shown)
        return {"paths": vectors, "markers": sum(i.is_marker for i in shown)}

    def features(self) -> list[str]:
        """Names of everything drawn on the layers (not the basemap)."""
        return [i.name for layer in self.all_layers for i in layer.items]

    def printed_items(self) -> list[Item]:
        """What the PNG draws on top of the basemap."""
        return [i for layer in self.all_layers if layer.printed for i in layer.items]

    def legend_styles(self, printed: bool = False) -> list[Style]:
        """The styles in use, once per legend entry (on paper: only those printed)."""
        shown = self.printed_items() if printed else [i for ly in self.all_layers for i in ly.items]
        seen: dict[str, Style] = {}
        for item in shown + self.basemap:
            seen.setdefault(STYLES[item.style].legend, STYLES[item.style])
        return list(seen.values())

    def text_alternative(self) -> str:
        """A plain-text list of what the map shows, for screen readers and print."""
        lines = [f"Map: {self.title}.", self.description, "Layers:"]
        for layer in self.all_layers:
            state = "shown" if layer.show else "hidden at first"
            lines.append(f"- {layer.name} ({state}):")
            for i in layer.items:
                lines.append(f"  - {i.name}: {i.summary}" if i.summary else f"  - {i.name}")
        lines.append(ATTRIBUTION)
        return "\n".join(lines)

    def caption_markdown(self) -> str:
        """The printed caption: title, description and, layer by layer, what is drawn."""
        layers = "; ".join(
            f"*{md_escape(layer.name)}*: " + ", ".join(md_escape(i.name) for i in layer.items)
            for layer in self.all_layers
        )
        return (
            f"**Map: {md_escape(self.title)}.** {md_escape(self.description)} "
            f"What the map shows — {layers}. Country outlines: Natural Earth; routes and areas "
            "are approximate.\n"
        )

    # -- renderings
    def folium_map(self) -> Any:
        """The Leaflet map as a :class:`folium.Map`."""
        return web.folium_map(self)

    def html(self) -> str:
        """The map page in an iframe, inside a ``<figure>`` with caption and text version."""
        return web.figure_html(self)

    def png(self, dpi: int = 120) -> bytes:
        """The printed map (the layers marked ``printed``), as PNG bytes."""
        return printed.png(self, dpi)

    # -- display
    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {
            "text/html": self.html(),
            "image/png": base64.b64encode(self.png()).decode("ascii"),
            "text/plain": self.text_alternative(),
        }

    def _ipython_display_(self) -> None:
        """Show the map, then its caption for print.

        The caption's web and notebook forms are empty (the map's HTML already carries its
        caption and text version); the PDF prints it under the picture.
        """
        from IPython.display import display

        display(self._repr_mimebundle_(), raw=True)
        display(
            {"text/markdown": self.caption_markdown(), "text/plain": "", "text/html": ""},
            raw=True,
        )

    def __repr__(self) -> str:
        return self.text_alternative()

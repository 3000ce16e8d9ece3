"""The course's maps: one call per chapter map, each a :class:`CourseMap`.

The package's layout follows its design:

- :mod:`.styles`: how each kind of feature looks (dashes, symbols; the colours are
  :mod:`coursekit.palette`);
- :mod:`.geometry`: distances and great-circle lines (``pyproj.Geod``);
- :mod:`.layers`: the model (:class:`Item`, :class:`Layer`) and the data-to-layer adapters;
- :mod:`.coursemap`: :class:`CourseMap`, a map's layers and its text alternative;
- :mod:`.web` (folium/Leaflet, with :mod:`coursekit.leaflet` and ``templates/``) and
  :mod:`.printed` (matplotlib): the two renderings;
- :mod:`.chapters`: the chapter maps, e.g. ``maps.visit_map()``.

Importing the package imports none of them: each name below is looked up on first use
(PEP 562), so ``from coursekit import maps`` loads neither folium nor matplotlib.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coursekit.leaflet import FULLSCREEN_VERSION, LEAFLET_VERSION
    from coursekit.maps.chapters import (
        CHAPTER_MAPS,
        energy_map,
        epilogue_map,
        influence_map,
        karabakh_map,
        synthesis_map,
        visit_map,
    )
    from coursekit.maps.coursemap import CourseMap
    from coursekit.maps.geometry import distance_km
    from coursekit.maps.layers import Item, Layer

#: public name -> the module that defines it
_WHERE = {
    "FULLSCREEN_VERSION": "coursekit.leaflet",
    "LEAFLET_VERSION": "coursekit.leaflet",
    "CHAPTER_MAPS": "coursekit.maps.chapters",
    "energy_map": "coursekit.maps.chapters",
    "epilogue_map": "coursekit.maps.chapters",
    "influence_map": "coursekit.maps.chapters",
    "karabakh_map": "coursekit.maps.chapters",
    "synthesis_map": "coursekit.maps.chapters",
    "visit_map": "coursekit.maps.chapters",
    "CourseMap": "coursekit.maps.coursemap",
    "distance_km": "coursekit.maps.geometry",
    "Item": "coursekit.maps.layers",
    "Layer": "coursekit.maps.layers",
}

__all__ = [
    "CHAPTER_MAPS",
    "FULLSCREEN_VERSION",
    "LEAFLET_VERSION",
    "CourseMap",
    "Item",
    "Layer",
    "distance_km",
    "energy_map",
    "epilogue_map",
    "influence_map",
    "karabakh_map",
    "synthesis_map",
    "visit_map",
]


def __getattr__(name: str) -> Any:
    """Import the module defining ``name`` on first use."""
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})

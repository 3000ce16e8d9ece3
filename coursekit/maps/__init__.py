"""The course's maps: one call per chapter map, each a :class:`CourseMap`.

The package's layout follows its design:

- :mod:`.styles`: how each kind of feature looks (Okabe–Ito palette, dashes, symbols);
- :mod:`.geometry`: distances and great-circle lines (``pyproj.Geod``);
- :mod:`.layers`: the model (:class:`Item`, :class:`Layer`) and the data-to-layer adapters;
- :mod:`.coursemap`: :class:`CourseMap`, a map's layers and its text alternative;
- :mod:`.web` (folium/Leaflet, with :mod:`.assets` and ``templates/``) and :mod:`.printed`
  (matplotlib): the two renderings;
- :mod:`.chapters`: the chapter maps, e.g. ``maps.visit_map()``.
"""

from coursekit.maps.assets import FULLSCREEN_VERSION, LEAFLET_VERSION
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

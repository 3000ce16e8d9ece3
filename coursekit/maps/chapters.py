"""The chapter maps: one function per chapter, listed in :data:`CHAPTER_MAPS`.

Each function picks layers from the data (see :mod:`.layers`) and returns a
:class:`~coursekit.maps.coursemap.CourseMap`. The chapter a map belongs to is set in one
place, :data:`MAPS`; :data:`CHAPTER_MAPS` follows the course's chapters
(:data:`coursekit.course.CHAPTERS`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coursekit import geodata
from coursekit.course import CHAPTERS
from coursekit.maps.coursemap import CourseMap
from coursekit.maps.geometry import distance_km, great_circle
from coursekit.maps.layers import (
    Bounds,
    Item,
    Layer,
    areas_layer,
    countries_layer,
    events_layer,
    places_layer,
    routes_layer,
)

VISIT_PLACES = ("moscow", "baku", "kyiv", "kursk", "sudzha")
ENERGY_PLACES = (
    "baku sangachal ceyhan erzurum novorossiysk astara tbilisi ankara tehran moscow".split()
)
KARABAKH_PLACES = "stepanakert shusha lachin ganja baku yerevan nakhchivan tbilisi gyumri".split()
INFLUENCE_PLACES = (
    "baku alley_of_honour tbilisi yerevan gyumri ankara tehran nakhchivan ganja stepanakert".split()
)
INFLUENCE_LABELS = "baku tbilisi yerevan gyumri ankara tehran nakhchivan".split()
SYNTHESIS_LABELS = "moscow baku kyiv ankara tehran yerevan tbilisi ceyhan kursk".split()
PIPELINES = ("btc", "baku_novorossiysk", "scp", "tanap", "tap")
NORTH_SOUTH = ("instc", "rasht_astara")
ALLIANCES = {
    "rus": (
        "csto",
        "Leads the Collective Security Treaty Organization (CSTO).",
        "kg24news2024csto",
    ),
    "arm": (
        "csto_frozen",
        "CSTO member; froze its participation in February 2024.",
        "asbarez2024csto",
    ),
    "tur": ("nato", "Member of NATO since 1952.", "samturkey2024nato"),
    "aze": (
        "allied",
        "Signed the Declaration on Allied Interaction with Russia on 22 February 2022.",
        "azertag2022declaration,eurasianet2022declaration",
    ),
}


def chapter_of(func: Callable[[], CourseMap]) -> str:
    """The chapter id a map function belongs to (from :data:`MAPS`)."""
    return next(chapter for chapter, f in MAPS.items() if f is func)


def _moscow_baku(summary: str = "") -> Layer:
    km = distance_km("moscow", "baku")
    line = Item(
        f"Moscow-Baku, about {km:,.0f} km (great circle)",
        great_circle("moscow", "baku"),
        "distance",
        summary,
    )
    return Layer("Moscow-Baku distance", [line])


def _chapter_map(
    func: Callable[[], CourseMap],
    title: str,
    description: str,
    bounds: Bounds,
    layers: list[Layer],
    **options: Any,
) -> CourseMap:
    """``func``'s map: ``layers``, then the dated events of its chapter inside ``bounds``."""
    events = events_layer([chapter_of(func)], bounds)
    return CourseMap(title, description, bounds, [*layers, events], **options)


def visit_map() -> CourseMap:
    """Chapter 1: Moscow, Baku, the Kursk incursion and Kyiv; the Moscow-Baku distance."""
    return _chapter_map(
        visit_map,
        "The state visit, 18-19 August 2024: Moscow, Baku and the Kursk incursion",
        "Putin flew from Moscow to Baku twelve days after Ukrainian forces crossed into "
        "Russia's Kursk region.",
        (27.0, 37.5, 53.0, 57.5),
        [
            places_layer(VISIT_PLACES, labelled=VISIT_PLACES),
            _moscow_baku(
                "The shortest path over the Earth's surface, computed from the coordinates."
            ),
            areas_layer("Kursk incursion, August 2024 (approximate)", ["kursk_2024"]),
        ],
    )


def energy_map() -> CourseMap:
    """Chapter 2: the pipelines and the North-South corridor."""
    return _chapter_map(
        energy_map,
        "Energy and transport routes from the Caspian (approximate routes)",
        "Oil and gas pipelines from Azerbaijan to Europe and Russia, and the North-South "
        "Transport Corridor from Russia through Azerbaijan to Iran.",
        (17.0, 35.0, 54.0, 56.5),
        [
            routes_layer("Oil pipelines", ["btc", "baku_novorossiysk"]),
            routes_layer("Gas pipelines (Southern Gas Corridor)", ["scp", "tanap", "tap"]),
            routes_layer("North-South Transport Corridor (rail)", NORTH_SOUTH),
            # Sangachal sits beside Baku: its label would cover Baku's.
            places_layer(ENERGY_PLACES, labelled=[p for p in ENERGY_PLACES if p != "sangachal"]),
        ],
    )


def karabakh_map() -> CourseMap:
    """Chapter 3: Nagorno-Karabakh in 1994, 2020 and 2023 (approximate outlines)."""
    return _chapter_map(
        karabakh_map,
        "Nagorno-Karabakh: 1994, 2020 and 2023 (approximate outlines, for orientation)",
        "Switch the layers to compare who controlled what after the 1994 ceasefire, after "
        "the 2020 war and after September 2023.",
        (43.3, 38.4, 50.3, 41.6),
        [
            areas_layer("Former NKAO (approximate)", ["nkao"]),
            areas_layer(
                "1994-2020: held by Armenian forces (approximate)", ["held_1994"], show=False
            ),
            areas_layer(
                "2020-2023: peacekeeping area and Lachin corridor (approximate)",
                ["peacekeeping_2020", "lachin_corridor"],
            ),
            areas_layer(
                "Since September 2023: under Azerbaijani control (approximate)",
                ["azerbaijan_2023"],
                show=False,
                printed=False,
            ),
            places_layer(KARABAKH_PLACES, labelled=KARABAKH_PLACES),
        ],
        height=560,
    )


def influence_map() -> CourseMap:
    """Chapter 4: the South Caucasus, its neighbours and their alliances."""
    return _chapter_map(
        influence_map,
        "The South Caucasus and its neighbours: alliances and symbols",
        "Russia, Türkiye, Iran and the three South Caucasus states; where Putin laid a "
        "wreath in Baku.",
        (33.0, 35.0, 54.0, 46.5),
        [
            countries_layer("Alliances and treaties (as of 2024)", ALLIANCES),
            places_layer(INFLUENCE_PLACES, labelled=INFLUENCE_LABELS),
        ],
    )


def synthesis_map() -> CourseMap:
    """Chapter 5: all layers together."""
    bounds = (17.0, 34.0, 56.0, 57.5)
    distance = _moscow_baku()
    distance.show = False
    return CourseMap(
        "The whole picture: the visit, energy routes, Karabakh and the war in Ukraine",
        "All the course's layers together; switch them on and off to compare.",
        bounds,
        [
            routes_layer("Pipelines", PIPELINES),
            routes_layer("North-South Transport Corridor (rail)", NORTH_SOUTH, show=False),
            areas_layer("Karabakh and Kursk (approximate)", ["nkao", "kursk_2024"]),
            distance,
            places_layer(sorted(geodata.places()), labelled=SYNTHESIS_LABELS),
            events_layer(None, bounds),
        ],
    )


EPILOGUE_PLACES = "aktau grozny sudzha meghri nakhchivan baku yerevan".split()


def epilogue_map() -> CourseMap:
    """Chapter 6: what happened next, 2024-2026 (the AZAL crash, gas transit, TRIPP)."""
    return _chapter_map(
        epilogue_map,
        "What happened next, 2024-2026: the AZAL crash, the end of gas transit and TRIPP",
        "The Azerbaijan Airlines flight that crashed near Aktau on 25 December 2024, Sudzha "
        "where Russian gas transit through Ukraine ended on 1 January 2025, and the TRIPP "
        "route across southern Armenia agreed in Washington on 8 August 2025. Routes are "
        "approximate.",
        (34.0, 38.3, 52.5, 52.0),
        [
            routes_layer(
                "AZAL flight J2-8243, 25 December 2024 (approximate)",
                ["azal_planned", "azal_flown"],
            ),
            routes_layer(
                "TRIPP through Syunik, agreed 8 August 2025, and the railways it joins "
                "(approximate)",
                ["tripp", "tripp_links"],
            ),
            places_layer(EPILOGUE_PLACES, labelled=EPILOGUE_PLACES),
        ],
        height=560,
        inset=("Southern Armenia: TRIPP and the Aras railway", (45.2, 38.55, 47.6, 39.75)),
    )


#: Every chapter map, by the chapter it belongs to: the one place that ties the two.
MAPS: dict[str, Callable[[], CourseMap]] = {
    "01_visit": visit_map,
    "02_significance": energy_map,
    "03_history": karabakh_map,
    "04_outreach": influence_map,
    "05_conclusion": synthesis_map,
    "06_epilogue": epilogue_map,
}
#: The course's chapters (in book order) and the name of the map function each displays
#: (a map may be written before its chapter joins ``CHAPTERS``).
CHAPTER_MAPS: dict[str, str] = {chapter: MAPS[chapter].__name__ for chapter in CHAPTERS}

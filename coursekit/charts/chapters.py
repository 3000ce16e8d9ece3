"""The course's charts: one function per chart, one data file each, and which chapter
shows which (:data:`CHAPTER_CHARTS`)."""

from __future__ import annotations

from collections.abc import Callable

from coursekit.charts.model import Chart


def kursk_claims() -> Chart:
    """Chapter 1: the area Ukraine's commander-in-chief said his forces held in Kursk."""
    return Chart.from_file(
        "charts/kursk_claims_2024.csv",
        "What Ukraine said it controlled in Russia's Kursk region, August 2024",
        "Each bar is a claim by one side, Ukraine's commander-in-chief, on the date he made it; "
        "Russia gave no such figures and nobody measured the area independently. Putin was in "
        "Baku on 18–19 August, between the second and the third claim.",
        "Date of the claim",
    )


def gas_exports() -> Chart:
    """Chapter 2: Azerbaijan's gas exports in 2023 by destination (23.8 bcm in all)."""
    return Chart.from_file(
        "charts/gas_exports_2023.csv",
        "Azerbaijan's gas exports by destination, 2023 (total 23.8 bcm)",
        "Europe took about half of Azerbaijan's gas exports in 2023, Türkiye most of the rest. The "
        "three destinations add up to the 23.8 bcm total the energy minister gave.",
        "Destination",
        totals={"Gas exported in 2023": 23.8},
    )


def displacement_counts() -> Chart:
    """Chapter 3: people displaced by the conflict, each count given by who counts."""
    return Chart.from_file(
        "charts/displacement_counts.csv",
        "People displaced by the Karabakh conflict, by who counts",
        "Each bar is one side's or one organisation's count, for a different group and "
        "period: read them side by side, not as one comparable measure. The counts of the "
        "first war come from each government's side; the 2023 exodus was counted by Armenia "
        "and by UNHCR.",
        "Who was displaced",
    )


def russia_azerbaijan_trade() -> Chart:
    """Chapter 4: Russia–Azerbaijan trade in 2022 and 2023, as officials gave it."""
    return Chart.from_file(
        "charts/russia_azerbaijan_trade.csv",
        "Russia–Azerbaijan trade turnover, as officials gave it (billion US dollars)",
        "Officials of both countries put trade in 2023 at 4.4 billion dollars; at the visit "
        "Aliyev rounded it to over 4 billion. The 2022 figure comes from a Russian deputy "
        "prime minister. None of them says how the figure was counted.",
        "Year",
    )


def eu_gas_from_azerbaijan() -> Chart:
    """Chapter 5: Azerbaijani gas to the EU and Europe, 2021–2023, and the 2027 aim."""
    return Chart.from_file(
        "charts/eu_gas_from_azerbaijan.csv",
        "Azerbaijani gas to Europe, 2021–2023, and the aim for 2027 (bcm)",
        "The first two bars are the EU's imports as the European Commission counts them; the "
        "third is Azerbaijan's exports to Europe, which may cover more countries than the EU. "
        "The last bar is an aim, not a delivery: the 2022 memorandum aims at at least 20 bcm "
        "a year by 2027.",
        "Year",
    )


def armenia_election_2026() -> Chart:
    """Chapter 6: Armenia's parliamentary election of 7 June 2026, preliminary results."""
    return Chart.from_file(
        "charts/armenia_election_2026.csv",
        "Armenia's parliamentary election of 7 June 2026: votes and seats (preliminary)",
        "Civil Contract won about half of the vote but 64 of the 105 seats: votes for lists "
        "below the threshold do not count towards seats, and four seats go to national "
        "minorities. These are preliminary figures; the course found no final certified results.",
        "List",
        totals={"Seats won out of 105": 105},
    )


#: The chart each chapter shows (chapter id -> function).
CHAPTER_CHARTS: dict[str, Callable[[], Chart]] = {
    "01_visit": kursk_claims,
    "02_significance": gas_exports,
    "03_history": displacement_counts,
    "04_outreach": russia_azerbaijan_trade,
    "05_conclusion": eu_gas_from_azerbaijan,
    "06_epilogue": armenia_election_2026,
}

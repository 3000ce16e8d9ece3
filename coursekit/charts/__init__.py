"""The course's charts: one call per chart, each a :class:`Chart`.

The package's layout follows the maps':

- :mod:`.rows`: a chart's data file (``data/charts/*.csv``), checked against its JSON Schema;
- :mod:`.model`: :class:`Chart`, a chart's title, caption, rows and text alternative;
- :mod:`.layout`: where bars and text go (shared colours and wrapping);
- :mod:`.web` (inline SVG and table, ``templates/``) and :mod:`.printed` (matplotlib PNG
  and a MyST caption and table): the renderings; :mod:`.sources` names the sources on the web;
- :mod:`.chapters`: the charts, e.g. ``charts.gas_exports()``, and which chapter shows which.
"""

from coursekit.charts.chapters import (
    CHAPTER_CHARTS,
    armenia_election_2026,
    displacement_counts,
    eu_gas_from_azerbaijan,
    gas_exports,
    kursk_claims,
    russia_azerbaijan_trade,
)
from coursekit.charts.model import Chart
from coursekit.charts.rows import Row

__all__ = [
    "CHAPTER_CHARTS",
    "Chart",
    "Row",
    "armenia_election_2026",
    "displacement_counts",
    "eu_gas_from_azerbaijan",
    "gas_exports",
    "kursk_claims",
    "russia_azerbaijan_trade",
]

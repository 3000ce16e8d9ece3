"""Helpers for the course *Putin's visit to Azerbaijan*: data, maps and quizzes.

Notebooks import what they need from the submodules:

- :mod:`coursekit.data`: read and validate the files in ``data/`` (one function, ``load``);
- :mod:`coursekit.maps`: folium maps with a PNG twin for the PDF;
- :mod:`coursekit.charts`: bar charts from `data/charts/` (inline SVG, PNG for the PDF);
- :mod:`coursekit.quiz`: quizzes for Jupyter (ipywidgets), the web (JavaScript) and print.
"""

from coursekit.data import DataError, load

__all__ = ["DataError", "load"]

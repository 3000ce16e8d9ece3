"""The course's chapters: the one list of chapter ids that every module and test uses.

The order of the pages is set in ``_toc.yml``; a test checks that its chapters are these.
"""

#: Chapter ids, in book order; each names ``chapters/<id>.ipynb`` and ``data/quizzes/<id>.yml``.
CHAPTERS: tuple[str, ...] = (
    "01_visit",
    "02_significance",
    "03_history",
    "04_outreach",
    "05_conclusion",
    "06_epilogue",
)

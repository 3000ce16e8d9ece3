"""Graded notebooks for nbgrader: one source assignment per chapter, from the quiz banks.

- ``build``: the course folder of ``make assignments`` (``_build/assignments/``);
- ``notebook``: a bank as a source notebook (prompt, answer cell, hidden test per item);
- ``types``: how each question type is shown and answered (its folder's ``notebook.py``),
  registered by name; ``letters``: letters as a student writes them;
- ``check``: what the hidden tests call: the course's own grading of what was written.
"""

#: the course's id: names the course in nbgrader's exchange and its groups on a hub
COURSE_ID = "putin-azerbaijan"

"""Quizzes for learning platforms: the banks as Moodle XML, GIFT and Canvas QTI 1.2.

- ``build``: the files of ``make lms`` (``_build/lms/``);
- ``moodle``, ``gift``, ``qti``: each format's file, and the parts every question shares;
- ``types``: each question type's exports (its folder's ``lms.py``), registered by name;
- ``choice``, ``pairs``: what the choice and the matching exports share;
- ``markup``: plain text as HTML in XML elements, and back; ``readback``: questions read
  back from a file (for the round-trip tests).
"""

# nbgrader's configuration for the course folder that `make assignments` writes
# (`coursekit/nbgrader/course_config.py`, copied as `nbgrader_config.py`).
from coursekit.nbgrader import COURSE_ID

c = get_config()  # noqa: F821

# The course id names the course in the exchange folder on a hub.
c.CourseDirectory.course_id = COURSE_ID
# An answer cell of the released notebook keeps an empty answer between its quotes (not
# nbgrader's default "raise NotImplementedError").
c.ClearSolutions.code_stub = {"python": '""'}

"""nbgrader's settings on the trial hub (`make hub`), read by every user's server: the hub
puts this folder on ``JUPYTER_CONFIG_PATH`` and sets ``COURSE_HUB_EXCHANGE`` and
``COURSE_HUB_ROLE`` (``instructor`` for the group ``formgrade-<course>``, else ``student``).
"""

import os
from pathlib import Path

from coursekit.nbgrader import COURSE_ID

c = get_config()  # noqa: F821 (nbgrader's config loader defines get_config)

# One course, and the exchange folder its assignments, submissions and feedback pass through.
c.CourseDirectory.course_id = COURSE_ID
c.Exchange.root = os.environ["COURSE_HUB_EXCHANGE"]
# Who may fetch and submit: the members of the hub's groups nbgrader-<course> (students) and
# formgrade-<course> (instructors).
c.Authenticator.plugin_class = "nbgrader.auth.JupyterHubAuthPlugin"

if os.environ.get("COURSE_HUB_ROLE") == "instructor":
    # The course folder in the instructor's home, with its own settings (answer stubs).
    course = Path.home() / COURSE_ID
    c.CourseDirectory.root = str(course)
    load_subconfig(str(course / "nbgrader_config.py"))  # noqa: F821 (defined by the loader)
else:
    # Every server runs as the same OS user here, so nbgrader would name every student by
    # that user ("root"): name them by their hub name.
    c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]

"""A JupyterHub for trying the course with a class on ONE machine (`make hub`). Not a deployment.

It runs on 127.0.0.1 only, lets anyone log in (``DummyAuthenticator``: any name, any
password), and starts each student's JupyterLab as a local process of the user running the
hub (``SimpleLocalProcessSpawner``), with a home folder of its own under
``$COURSE_HUB_STATE/home/<name>``. Students get the chapters as on a real hub, through an
nbgitpuller link (``make hub`` prints one that pulls from this checkout) into their home
folder; the notebooks find the data and the map assets through the installed ``coursekit``
package, never through the folder they are in. For a real class, see the book's page
"Running the course for a class".

The hub also runs the course's graded notebooks with nbgrader: one course
(``coursekit.nbgrader.COURSE_ID``), its instructors in the JupyterHub group
``formgrade-<course>`` and its students in ``nbgrader-<course>`` (the groups nbgrader's
``JupyterHubAuthPlugin`` reads), an exchange folder ``$COURSE_HUB_STATE/exchange``
(world-writable, sticky), and the nbgrader settings every server reads from
``hub/jupyter/nbgrader_config.py``. An instructor finds the course folder (every chapter's
source assignment) in ``~/<course>`` of their home folder.

Settings come from the environment (``make hub`` sets them; the hub test sets its own):
``COURSE_HUB_PORT`` (8000), ``COURSE_HUB_STATE`` (``_build/hub``), ``COURSE_HUB_API_TOKEN``
(optional: a service token with admin rights over users and servers, for scripts and tests),
``COURSE_HUB_INTERNAL_PORT`` and ``COURSE_HUB_PROXY_API_PORT`` (8081, 8001),
``COURSE_HUB_INSTRUCTORS`` and ``COURSE_HUB_STUDENTS`` (names, space-separated: the course's
instructors, ``instructor``, and students, ``student1`` to ``student5``).
"""

import asyncio
import os
import sys
from pathlib import Path

from coursekit.nbgrader import COURSE_ID

c = get_config()  # noqa: F821 (JupyterHub's config loader defines get_config)

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
STATE = Path(os.environ.get("COURSE_HUB_STATE", ROOT / "_build" / "hub")).resolve()
STATE.mkdir(parents=True, exist_ok=True)

# The hub and its proxy listen on this machine only.
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ.get("COURSE_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("COURSE_HUB_INTERNAL_PORT", "0")) or 8081
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{int(os.environ.get('COURSE_HUB_PROXY_API_PORT', '0')) or 8001}"
)
c.ConfigurableHTTPProxy.command = [str(ROOT / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")

# Anyone may log in under any name, with any password: a trial, never a deployment.
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True

# Each student's server: JupyterLab, a local process, a home folder of its own.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
if os.geteuid() == 0:
    c.Spawner.args = ["--allow-root"]  # the servers run as the hub's user, here root


# An optional token for scripts and tests: manage users and servers, use their servers,
# read the groups.
token = os.environ.get("COURSE_HUB_API_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "course-admin", "api_token": token}]
    c.JupyterHub.load_roles = [
        {
            "name": "course-admin",
            "scopes": [
                "admin:users",
                "admin:servers",
                "access:servers",
                "read:users",
                "read:groups",
            ],
            "services": ["course-admin"],
        }
    ]


# The graded notebooks (nbgrader): the course's groups, as nbgrader's JupyterHubAuthPlugin
# reads them (who grades, who takes the course).
INSTRUCTORS = os.environ.get("COURSE_HUB_INSTRUCTORS", "instructor").split()
STUDENTS = os.environ.get("COURSE_HUB_STUDENTS", " ".join(f"student{n}" for n in range(1, 6)))
GRADERS, TAKERS = f"formgrade-{COURSE_ID}", f"nbgrader-{COURSE_ID}"
c.JupyterHub.load_groups = {
    GRADERS: {"users": INSTRUCTORS},
    TAKERS: {"users": STUDENTS.split()},
}
# Instructors may add students to the course's group (`nbgrader db student add` and
# `nbgrader db student import` do, through nbgrader's JupyterHubAuthPlugin).
c.JupyterHub.load_roles.append(
    {
        "name": f"instructor-{COURSE_ID}",
        "scopes": [f"list:groups!group={TAKERS}", f"groups!group={TAKERS}"],
        "groups": [GRADERS],
    }
)
# What a server's own token may do: the defaults, read its user's groups (nbgrader asks
# which courses a user is in), and, for an instructor, the role above (a token gets only the
# scopes its user holds).
c.Spawner.server_token_scopes = [
    "users:activity!user",
    "access:servers!server",
    "read:users:name!user",
    "read:users:groups!user",
    f"list:groups!group={TAKERS}",
    f"groups!group={TAKERS}",
]

# The exchange: where released assignments, submissions and feedback pass between users.
# nbgrader expects it world-writable with the sticky bit (on a real hub each user is an OS
# user of their own; here every server runs as the hub's user, and nbgrader's settings name
# each student by their hub name instead).
EXCHANGE = STATE / "exchange"
EXCHANGE.mkdir(exist_ok=True)
EXCHANGE.chmod(0o1777)
c.Spawner.environment = {
    # nbgrader's settings for every server: hub/jupyter/nbgrader_config.py
    "JUPYTER_CONFIG_PATH": str(ROOT / "hub" / "jupyter"),
    "COURSE_HUB_EXCHANGE": str(EXCHANGE),
    # nbgrader, and the database tool it runs, in a JupyterLab terminal too
    "PATH": os.pathsep.join([str(VENV_BIN), os.environ.get("PATH", "/usr/bin:/bin")]),
}


async def course_roles(spawner) -> None:
    """Before a server starts: tell it its user's role in the course; give an instructor the
    course folder (every chapter's source assignment, as `make assignments` writes it) in
    ``~/<course>`` if it is missing (in a process of its own: the hub goes on serving)."""
    instructor = any(group.name == GRADERS for group in spawner.user.groups)
    role = "instructor" if instructor else "student"
    spawner.environment = {**spawner.environment, "COURSE_HUB_ROLE": role}
    course = Path(spawner.home_dir) / COURSE_ID
    if instructor and not (course / "nbgrader_config.py").exists():
        build = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "coursekit.nbgrader",
            str(course),
            stdout=asyncio.subprocess.DEVNULL,
        )
        if await build.wait():
            raise RuntimeError(f"could not write the course folder {course}")


c.Spawner.pre_spawn_hook = course_roles

"""A JupyterHub for trying the course with a class on ONE machine (`make hub`). Not a deployment.

It runs on 127.0.0.1 only, lets anyone log in (``DummyAuthenticator``: any name, any
password), and starts each student's JupyterLab as a local process of the user running the
hub (``SimpleLocalProcessSpawner``), with a home folder of its own under
``$COURSE_HUB_STATE/home/<name>``. Students get the chapters as on a real hub, through an
nbgitpuller link (``make hub`` prints one that pulls from this checkout) into their home
folder; the notebooks find the data and the map assets through the installed ``coursekit``
package, never through the folder they are in. For a real class, see the book's page
"Running the course for a class".

Settings come from the environment (``make hub`` sets them; the hub test sets its own):
``COURSE_HUB_PORT`` (8000), ``COURSE_HUB_STATE`` (``_build/hub``), ``COURSE_HUB_API_TOKEN``
(optional: a service token with admin rights over users and servers, for scripts and tests),
``COURSE_HUB_INTERNAL_PORT`` and ``COURSE_HUB_PROXY_API_PORT`` (8081, 8001).
"""

import os
import sys
from pathlib import Path

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


# An optional token for scripts and tests: manage users and servers, use their servers.
token = os.environ.get("COURSE_HUB_API_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "course-admin", "api_token": token}]
    c.JupyterHub.load_roles = [
        {
            "name": "course-admin",
            "scopes": ["admin:users", "admin:servers", "access:servers", "read:users"],
            "services": ["course-admin"],
        }
    ]

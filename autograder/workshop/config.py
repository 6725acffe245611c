"""The hub's ``jupyterhub_config.py``: written into ``COURSE/.workshop/`` at each start."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from ailab.workspace import START_PAGE
from autograder.workshop.state import ADMIN_USER, WorkshopState

TEMPLATES = Path(__file__).resolve().parent / "templates"
REPO = Path(__file__).resolve().parents[2]
PROXY = REPO / "deploy" / "node_modules" / ".bin" / "configurable-http-proxy"
SERVICE = "ailab-quan-tri"


def proxy_command() -> str | None:
    """The proxy installed by ``npm ci --prefix deploy`` (or one on PATH)."""
    if PROXY.exists():
        return str(PROXY)
    return shutil.which("configurable-http-proxy")


def config_text(state: WorkshopState) -> str:
    """The hub configuration for this workshop (every value comes from ``state``)."""
    folder = WorkshopState.folder(Path(state.course_dir))
    learner_python = state.venv / "bin" / "python"
    return f'''"""JupyterHub configuration written by `ailab workshop start` — edit the command's options, not this file."""
import sys
sys.path.insert(0, {str(REPO)!r})
from autograder.workshop.spawn import pre_spawn_hook

c = get_config()  # noqa: F821
c.JupyterHub.ip = {state.ip!r}
c.JupyterHub.port = {state.port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {state.port + 2}  # the hub's own and the proxy's API ports follow the public one, so
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{state.port + 3}"  # two workshops never share a port
c.JupyterHub.db_url = "sqlite:///{folder / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(folder / 'jupyterhub_cookie_secret')!r}
c.JupyterHub.pid_file = {str(folder / 'jupyterhub.pid')!r}
c.JupyterHub.template_paths = [{str(TEMPLATES)!r}]
c.JupyterHub.template_vars = {{"course_title": "Phòng thực hành AI cho cán bộ cấp xã"}}
c.JupyterHub.authenticator_class = "autograder.workshop.auth.RosterAuthenticator"
c.RosterAuthenticator.course_dir = {state.course_dir!r}
c.Authenticator.admin_users = {{{ADMIN_USER!r}}}
c.Authenticator.allowed_users = {sorted(state.learners)!r}
c.Authenticator.allow_all = False
c.Authenticator.allow_existing_users = False
c.JupyterHub.cleanup_servers = True
c.ConfigurableHTTPProxy.command = [{str(proxy_command() or "configurable-http-proxy")!r}]
c.ConfigurableHTTPProxy.pid_file = {str(folder / 'proxy.pid')!r}
c.JupyterHub.spawner_class = "autograder.workshop.spawn.CappedSpawner"
c.CappedSpawner.cgroup_layout = {state.cgroups!r}
c.Spawner.cpu_limit = {float(state.cpu_per_learner)!r}
c.Spawner.mem_limit = {state.memory_limit_mb * 1024 * 1024}
c.Spawner.cmd = [{str(learner_python)!r}, "-m", "ailab.lop_hoc"]
c.Spawner.notebook_dir = "~/phong_thuc_hanh_ai"
c.Spawner.default_url = "/lab/tree/{START_PAGE}"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
c.Spawner.pre_spawn_hook = pre_spawn_hook
c.Spawner.environment = {{
    "AILAB_WORKSHOP": "1",
    "AILAB_EXCHANGE": {str(state.exchange)!r},
    "AILAB_COURSE_ID": "ailab",
    "AILAB_MEMORY_LIMIT_MB": "{state.memory_limit_mb}",
    "PATH": "{state.venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    "PYTHONUTF8": "1",
}}
c.LocalProcessSpawner.shell_cmd = []
c.JupyterHub.default_url = lambda handler: "/hub/home" if handler.current_user.admin else "/hub/spawn"
c.JupyterHub.services = [
    {{"name": {SERVICE!r}, "api_token": {state.api_token!r}}},
    {{"name": "cham-bai", "url": "http://127.0.0.1:{state.port + 1}", "cwd": {state.course_dir!r},
      "command": {grader_command(state)!r}, "oauth_no_confirm": True, "display": False}},
]
c.JupyterHub.load_roles = [
    {{"name": "ailab-quan-tri", "services": [{SERVICE!r}],
      "scopes": ["admin:users", "admin:servers", "access:servers", "read:users", "list:users"]}},
    {{"name": "giang-vien-cham-bai", "users": [{ADMIN_USER!r}], "scopes": ["access:services!service=cham-bai"]}},
]
c.JupyterHub.log_level = "INFO"
'''


def grader_command(state: WorkshopState) -> list[str]:
    """nbgrader's formgrader for the trainer: a server in the course folder, run as a hub service."""
    singleuser = str(Path(sys.executable).with_name("jupyterhub-singleuser"))
    return [singleuser, "--allow-root", f"--ServerApp.root_dir={state.course_dir}",
            "--ServerApp.default_url=/formgrader"]


def hub_command(state: WorkshopState) -> list[str]:
    """How the trainer's environment starts the hub."""
    folder = WorkshopState.folder(Path(state.course_dir))
    return [sys.executable, "-m", "jupyterhub", "-f", str(folder / "jupyterhub_config.py")]

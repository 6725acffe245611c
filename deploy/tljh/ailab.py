"""The Littlest JupyterHub: drop into /opt/tljh/config/jupyterhub_config.d/ (documented, not run in CI).

Uses the lab's roster login and learner workspace on a TLJH server shared by several communes' classes.
Set the course folder below to the one made by `ailab course init`.
"""

from autograder.workshop.spawn import pre_spawn_hook

COURSE_DIR = "/srv/lop_hoc/lop_hoa_binh"  # sửa theo lớp của bạn

c = get_config()  # noqa: F821
c.JupyterHub.authenticator_class = "autograder.workshop.auth.RosterAuthenticator"
c.RosterAuthenticator.course_dir = COURSE_DIR
c.Authenticator.admin_users = {"giangvien"}
c.Spawner.pre_spawn_hook = pre_spawn_hook
c.Spawner.cmd = ["/opt/tljh/user/bin/python", "-m", "ailab.lop_hoc"]
c.Spawner.notebook_dir = "~/phong_thuc_hanh_ai"
c.Spawner.default_url = "/lab/tree/00_bat_dau_o_day.md"
c.Spawner.environment = {"AILAB_EXCHANGE": "/srv/nbgrader/exchange", "AILAB_COURSE_ID": "ailab"}

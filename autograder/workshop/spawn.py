"""How the hub starts a learner's lab: the user's workspace, owned by the user, and the learner's caps."""

from __future__ import annotations

import os
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Dict

from ailab.workspace import build_workspace
from autograder.workshop import cgroups
from autograder.workshop.users import chown_tree, existing

WORKSPACE = "phong_thuc_hanh_ai"


def prepare_home(name: str) -> Path:
    """Build (or update) the learner workspace in the user's home and hand it over to the user."""
    user = existing(name)
    if user is None:
        raise RuntimeError(f"Chưa có tài khoản {name} trên máy chủ; hãy chạy lại ailab workshop start.")
    folder = Path(user.pw_dir) / WORKSPACE
    build_workspace(folder, base_url=f"/user/{name}/", exercises=False)
    chown_tree(folder, user)
    os.chmod(user.pw_dir, 0o700)
    return folder


def pre_spawn_hook(spawner) -> None:
    """JupyterHub's hook (runs in the hub, as root); the trainer's account has no lab of its own."""
    if spawner.user.admin:
        raise RuntimeError("Tài khoản giảng viên không có phòng thực hành riêng; dùng trang quản trị và chấm bài.")
    prepare_home(spawner.user.name)


class CappedSpawner(LocalProcessSpawner):
    """LocalProcessSpawner that enforces ``cpu_limit`` and ``mem_limit`` with one cgroup per learner.

    The hub (root) makes the learner's group before the start; the new process joins it in its
    ``preexec_fn``, before dropping to the learner's user and before any learner code runs, so the lab
    server, its kernels and whatever they start share the cap. Without a layout it is LocalProcessSpawner.
    """

    cgroup_layout = Dict(help="The workshop's groups (cgroups.Layout.to_dict()); empty: no cgroup.").tag(config=True)

    _join_files: list[str] = []

    async def start(self):
        self._join_files = []
        layout = cgroups.Layout.from_dict(self.cgroup_layout)
        if layout:
            try:
                self._join_files = cgroups.create_learner(layout, self.user.name, self.cpu_limit, self.mem_limit)
            except OSError as error:
                self.log.warning("Không đặt được giới hạn cgroup cho %s (%s); phòng thực hành chỉ có nice và "
                                 "giới hạn bộ nhớ từng tiến trình.", self.user.name, error)
        address = await super().start()
        if self._join_files and self.pid not in cgroups.members(layout, self.user.name):
            self.log.warning("Phòng thực hành của %s không vào được nhóm cgroup; CPU không bị giới hạn.",
                             self.user.name)
        return address

    def make_preexec_fn(self, name):
        become_learner = super().make_preexec_fn(name)
        join_files = list(self._join_files)

        def preexec():
            try:
                cgroups.join(join_files)
            except OSError:
                pass  # the hub checks membership right after the start and logs it
            become_learner()

        return preexec

"""What the hub does before a learner's lab starts: the user's workspace, owned by the user."""

from __future__ import annotations

import os
from pathlib import Path

from ailab.workspace import build_workspace
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

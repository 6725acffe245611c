"""Real OS users for the learners, so no learner can read another's files (Linux, run as root)."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

from autograder.workshop.state import WorkshopError

MARK = "ailab-workshop"


def can_manage_users() -> str | None:
    """None when this process may create users; otherwise what is missing, in Vietnamese."""
    if not sys.platform.startswith("linux"):
        return "Máy chủ lớp học cần Linux (mỗi học viên là một người dùng của hệ điều hành)."
    if os.geteuid() != 0:
        return ("Cần chạy với quyền quản trị để tạo tài khoản cho từng học viên: "
                "sudo .venv/bin/ailab workshop start …")
    if not shutil.which("useradd"):
        return "Máy thiếu lệnh useradd (gói passwd)."
    return None


def existing(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def ensure_user(name: str, course_label: str) -> pwd.struct_passwd:
    """Create the learner's user with a private home (0700), or reuse one this tool created before."""
    found = existing(name)
    if found is not None:
        if MARK not in (found.pw_gecos or ""):
            raise WorkshopError(
                f"Trên máy đã có người dùng '{name}' không do phòng thực hành tạo; không dùng chung được. "
                "Hãy đổi mã học viên này trong danh sách lớp.")
        return found
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "--comment", f"{MARK} {course_label}",
                    "--user-group", name], check=True, capture_output=True)
    found = pwd.getpwnam(name)
    os.chmod(found.pw_dir, 0o700)
    return found


def remove_user(name: str) -> bool:
    """Delete a user this tool created, with its home; other users are never touched."""
    found = existing(name)
    if found is None or MARK not in (found.pw_gecos or ""):
        return False
    subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
    subprocess.run(["userdel", "--remove", name], capture_output=True)
    return existing(name) is None


def chown_tree(path: Path, user: pwd.struct_passwd) -> None:
    """Give a learner their files (the hub builds them as root)."""
    for root, dirs, files in os.walk(path):
        for entry in [root, *(os.path.join(root, d) for d in dirs), *(os.path.join(root, f) for f in files)]:
            os.lchown(entry, user.pw_uid, user.pw_gid)

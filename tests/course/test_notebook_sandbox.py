"""The sandbox command: what learner code may see (read-only Python and packages, nothing of the project)."""

from __future__ import annotations

from pathlib import Path

from autograder.notebook import sandbox

REPO = Path(__file__).resolve().parents[2]


def _binds(command: list[str], flag: str) -> list[str]:
    return [command[i + 1] for i, item in enumerate(command) if item == flag]


def test_bubblewrap_shows_the_packages_but_not_the_project_folder():
    command = sandbox.bubblewrap_command(["python", "-m", "x"], "/var/tmp/ailab_thu/ipc")
    read_only = _binds(command, "--ro-bind")
    assert str(REPO / "autograder") in read_only and str(REPO / "ailab") in read_only
    assert str(REPO) not in read_only and not any("exercises" in path for path in read_only)
    assert _binds(command, "--bind") == ["/var/tmp/ailab_thu/ipc"]  # the only writable host folder
    assert {"--unshare-net", "--unshare-pid", "--die-with-parent", "--clearenv"} <= set(command)
    assert command[-3:] == ["python", "-m", "x"]


def test_container_has_no_network_and_a_read_only_root():
    command = sandbox.container_command("docker", ["python"], "/var/tmp/ailab_thu/ipc", 1024)
    assert command[command.index("--network") + 1] == "none" and "--read-only" in command
    assert "--memory" in command and "--pids-limit" in command


def test_forcing_a_missing_isolation_falls_back_to_the_next_one(monkeypatch):
    monkeypatch.setattr(sandbox, "container_engine_works", lambda engine: False)
    assert sandbox.detect("docker") == sandbox.NONE
    assert sandbox.detect("none") == sandbox.NONE
    monkeypatch.setattr(sandbox, "bubblewrap_works", lambda: False)
    assert sandbox.detect() == sandbox.NONE
    assert "bubblewrap" in sandbox.WARNING_NONE and "KHÔNG" in sandbox.LABELS[sandbox.NONE]


def test_a_python_installed_under_tmp_is_bound_after_the_private_tmp(monkeypatch):
    # A project cloned under /tmp: its .venv must stay visible inside the sandbox's own /tmp.
    monkeypatch.setattr(sandbox, "_python_paths", lambda: ["/opt/python", "/tmp/du_an/.venv"])
    for private in (None, "/var/tmp/rieng"):
        command = sandbox.bubblewrap_command(["python"], "/tmp/ailab_ketnoi", private)
        tmp_mount = command.index("/tmp", command.index("/dev") + 1)
        venv = command.index("/tmp/du_an/.venv")
        assert command[venv - 1] == "--ro-bind" and venv > tmp_mount
        assert command.index("/opt/python") < tmp_mount  # other folders keep their place before it
        assert command[command.index("/tmp/du_an") - 1] == "--dir" and command.index("/tmp/du_an") > tmp_mount

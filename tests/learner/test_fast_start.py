"""What makes ``ailab lab`` start fast never costs the learner's work or the lab's behaviour.

Cached learner copies still follow a changed exercise; a learner's changed file is still never
overwritten; signing, the phone workspace and the release cache skip only work already done; the
learner server loads only JupyterLab; deferring jsonschema's IRI grammars keeps the IRI check working;
the server started by ``ailab lab`` ends with it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from ailab import learner_release, workspace
from ailab.curriculum import REGISTRY
from ailab.lab_config import (
    LEARNER_DISABLED,
    LEARNER_SERVER_EXTENSIONS_OFF,
    NBGRADER_SERVER_EXTENSIONS,
    PHONE_WORKSPACE,
    TRAINER_FLAG,
    lab_command,
    prepare,
    save_phone_workspace,
)
from ailab.workspace import EXERCISES, NEW_VERSION_SUFFIX, build_workspace, trust_notebooks

from .lab_process import start_lab

REPO = REGISTRY.parent
EXERCISE = "01_lam_quen"
COPY = f"{EXERCISES}/{EXERCISE}/{EXERCISE}.ipynb"


def _source_with_exercise_01(tmp_path: Path) -> Path:
    root = tmp_path / "kho"
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    shutil.copytree(REPO / "exercises" / EXERCISE, root / "exercises" / EXERCISE)
    return root


def _add_cell(notebook_path: Path, text: str) -> None:
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell(text))
    nbformat.write(notebook, notebook_path)


def test_a_changed_exercise_source_reaches_an_untouched_learner_copy(tmp_path, release_cache):
    source, folder = _source_with_exercise_01(tmp_path), tmp_path / "hoc_vien"
    build_workspace(folder, modules=["01"], source_root=source, cache_dir=release_cache)
    _add_cell(source / "exercises" / EXERCISE / f"{EXERCISE}.ipynb", "Câu hỏi bổ sung của giảng viên.")
    report = build_workspace(folder, modules=["01"], source_root=source, cache_dir=release_cache)
    assert COPY in report.updated
    assert "Câu hỏi bổ sung của giảng viên." in (folder / COPY).read_text(encoding="utf-8")


def test_a_changed_exercise_source_never_overwrites_the_learners_answers(tmp_path, release_cache):
    source, folder = _source_with_exercise_01(tmp_path), tmp_path / "hoc_vien"
    build_workspace(folder, modules=["01"], source_root=source, cache_dir=release_cache)
    _add_cell(folder / COPY, "Bài làm của tôi.")
    _add_cell(source / "exercises" / EXERCISE / f"{EXERCISE}.ipynb", "Câu hỏi bổ sung của giảng viên.")
    report = build_workspace(folder, modules=["01"], source_root=source, cache_dir=release_cache)
    mine = (folder / COPY).read_text(encoding="utf-8")
    assert "Bài làm của tôi." in mine and "Câu hỏi bổ sung" not in mine
    beside = folder / EXERCISES / EXERCISE / f"{EXERCISE}{NEW_VERSION_SUFFIX}.ipynb"
    assert "Câu hỏi bổ sung của giảng viên." in beside.read_text(encoding="utf-8")
    assert COPY not in report.updated


def test_install_prepares_every_learner_copy_and_a_second_time_makes_none(workspace, release_cache, monkeypatch):
    assert learner_release.prepare_all(release_cache) == len(workspace_exercises())

    def must_not_run(_exercise):
        raise AssertionError("learner copy made again although it is cached")

    monkeypatch.setattr(learner_release, "generate_learner_copy", must_not_run)
    assert learner_release.prepare_all(release_cache) == len(workspace_exercises())


def workspace_exercises() -> list[Path]:
    return workspace.exercise_sources()


@pytest.fixture
def signatures(tmp_path, monkeypatch):
    """A private Jupyter data folder: the notebook signature database of these tests."""
    data = tmp_path / "du_lieu_jupyter"
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(data))
    return data / "nbsignatures.db"


def test_signing_is_skipped_only_while_nothing_changed(tmp_path, release_cache, signatures, monkeypatch):
    source, folder = _source_with_exercise_01(tmp_path), tmp_path / "hoc_vien"
    build_workspace(folder, modules=["01"], source_root=source, cache_dir=release_cache)
    assert trust_notebooks(folder) == 2  # the lesson and the learner copy
    real_read = nbformat.read

    def no_read(*args, **kwargs):
        raise AssertionError("notebooks read again although nothing was shipped")

    monkeypatch.setattr(nbformat, "read", no_read)
    assert trust_notebooks(folder) == 0
    monkeypatch.setattr(nbformat, "read", real_read)
    _add_cell(source / "notebooks" / f"{EXERCISE}.ipynb", "Phần mới của bài học.")
    build_workspace(folder, modules=["01"], source_root=source, cache_dir=release_cache)
    assert trust_notebooks(folder) == 1  # the updated lesson
    signatures.unlink()
    assert trust_notebooks(folder) == 2  # the learner's signature store was lost: sign again


def test_phone_workspace_is_saved_once_and_can_wait_for_the_server(tmp_path):
    folders = prepare("vi_VN", start_page="00_bat_dau_o_day.md", home=tmp_path, phone_workspace_later=True)
    saved = folders.config / "lab" / "workspaces"
    assert not list(saved.glob("*.jupyterlab-workspace"))
    save_phone_workspace(folders, "00_bat_dau_o_day.md")
    [path] = saved.glob("*.jupyterlab-workspace")
    layout = json.loads(path.read_text(encoding="utf-8"))
    assert layout["metadata"]["id"] == PHONE_WORKSPACE
    assert layout["data"]["layout-restorer:data"]["left"]["collapsed"] is True
    before = path.stat().st_mtime_ns
    save_phone_workspace(folders, "00_bat_dau_o_day.md")
    prepare("vi_VN", start_page="00_bat_dau_o_day.md", home=tmp_path)
    assert list(saved.glob("*.jupyterlab-workspace")) == [path] and path.stat().st_mtime_ns == before


def test_learner_server_loads_only_jupyterlab_and_never_builds(tmp_path):
    folders = prepare("vi_VN", start_page="00_bat_dau_o_day.md", home=tmp_path)
    server = json.loads((folders.config / "jupyter_server_config.json").read_text(encoding="utf-8"))
    off = server["ServerApp"]["jpserver_extensions"]
    assert set(NBGRADER_SERVER_EXTENSIONS) <= set(off) and not any(off.values())
    assert {"notebook", "notebook_shim"} <= set(off)
    assert "jupyter_server_terminals" not in off  # the start page sends learners to a terminal for ailab nop
    assert "jupyterlab" not in LEARNER_SERVER_EXTENSIONS_OFF and "jupyter_lsp" not in off  # it gives the rootUri
    assert server["LanguageServerManager"]["autodetect"] is False
    assert server["ServerApp"].get("terminals_enabled", True) is True
    assert server["LabApp"]["extension_manager"] == "readonly"
    page = json.loads((folders.config / "labconfig" / "page_config.json").read_text(encoding="utf-8"))
    assert page["buildCheck"] is False and page["disabledExtensions"] == LEARNER_DISABLED
    assert page["disabledExtensions"]["@jupyterlab/lsp-extension"]


def test_trainer_lab_keeps_its_server_extensions_and_build_check(tmp_path):
    folders = prepare("vi_VN", trainer=True, home=tmp_path)
    server = json.loads((folders.config / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert "jpserver_extensions" not in server["ServerApp"] and "extension_manager" not in server["LabApp"]
    assert "buildCheck" not in json.loads((folders.config / "labconfig" / "page_config.json").read_text())


def test_the_lab_runs_through_the_fast_launcher():
    command = lab_command(Path("/phong"), 8899, "ma", open_browser=False)
    assert command[1:3] == ["-m", "ailab.lab_config"] and "--ServerApp.root_dir=/phong" in command
    assert TRAINER_FLAG not in command and TRAINER_FLAG in lab_command(Path("/kho"), 8899, "ma", False, trainer=True)


DEFERRED_CHECK = """
import sys
from ailab.lab_config import defer_iri_parsers
defer_iri_parsers()
import jsonschema
assert not hasattr(sys.modules["rfc3987_syntax"], "__wrapped__")  # as inspect asks of every module
assert "rfc3987_syntax.syntax_helpers" not in sys.modules, "grammars built at import"
checker = jsonschema.Draft7Validator.FORMAT_CHECKER
assert checker.conforms("https://xã.vn/thủ-tục?id=1", "iri")
assert not checker.conforms("không phải IRI", "iri")
assert "rfc3987_syntax.syntax_helpers" in sys.modules
print("ok")
"""


def test_deferred_iri_grammars_still_check_an_iri_when_asked():
    result = subprocess.run([sys.executable, "-c", DEFERRED_CHECK], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr


def test_node_registry_probe_is_skipped_only_in_the_launcher(monkeypatch):
    from jupyterlab import commands

    from ailab.lab_config import _skip_yarn_registry_probe

    monkeypatch.setattr(commands, "_yarn_config", commands._yarn_config)  # restored after the test
    _skip_yarn_registry_probe()
    assert commands._yarn_config(None) == {"yarn config": {}, "npm config": {}}
    assert commands.AppOptions().registry == commands.YARN_DEFAULT_REGISTRY


def test_terminating_ailab_lab_stops_its_server(tmp_path, cache_home):
    lab = start_lab(tmp_path / "phong", tmp_path / "nha", cache_home, tmp_path / "lab.log")
    try:
        os.kill(lab.process.pid, signal.SIGTERM)  # the command only, as a service manager would
        lab.process.wait(timeout=60)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(lab.url("/api/status"), timeout=2).close()
            except OSError:
                break  # the server is gone with its command
            time.sleep(0.5)
        else:
            raise AssertionError("the server kept running after ailab lab was terminated")
    finally:
        try:
            os.killpg(lab.process.pid, signal.SIGKILL)  # whatever of the group is left, even on failure
        except ProcessLookupError:
            pass

"""The learner lab's own settings: JupyterLab, Jupyter server and IPython folders used only by ``ailab lab``.

Nothing system-wide or in the user's own ``~/.jupyter`` is touched: the lab runs with
``JUPYTERLAB_SETTINGS_DIR``, ``JUPYTER_CONFIG_DIR`` and ``IPYTHONDIR`` pointing into ``~/.ailab/lab``
(``AILAB_HOME`` moves it). What they hold:

- JupyterLab settings: Vietnamese interface, the news pop-up and update check off.
- Server config: the start page as the default URL, the custom CSS (the Vietnamese monospace web font
  shipped in ``ailab/lab_settings/custom``), and for learners only what they use: nbgrader's trainer
  interface, terminals and the classic Notebook off, no build check, a read-only extension manager
  (``trainer=True`` keeps the defaults).
- IPython profile: the kernel loads ``ailab.loi_python`` (Vietnamese hints for common mistakes).

The server runs as ``python -m ailab.lab_config ARGS`` (``jupyter lab ARGS`` without two start-up costs
that buy a learner nothing; see ``serve_lab``). ``benchmarks/bench_lab_start.py`` measures the start.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "lab_settings"
NBGRADER_SERVER_EXTENSIONS = [
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
]
# Server extensions the learner lab does not load (each costs start-up time): nbgrader's trainer side and the
# classic Notebook interface with its shim (the learner's phone view is JupyterLab's own single-document mode).
# Terminals stay: on a class server the start page has learners type `ailab nop` and `ailab phan-hoi` in one.
# The language-server bridge stays, without its scan for language servers (none is installed): it tells
# JupyterLab the folder's URI, which keeps JupyterLab from looking up path-like words of an output on the
# server ("hoa/chữ" in a hint would be a 404 warning in the log).
LEARNER_SERVER_EXTENSIONS_OFF = [*NBGRADER_SERVER_EXTENSIONS, "notebook", "notebook_shim"]
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                        "checkForUpdates": False},
    # The "Modified" column is one of the few labels the language pack leaves in English.
    "@jupyterlab/filebrowser-extension/browser.jupyterlab-settings": {"showLastModifiedColumn": False},
    # The start page and any other Markdown open rendered, not as source text.
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"defaultViewers": {"markdown": "Markdown Preview"}},
}
# Lab extensions a learner never needs: nbgrader's trainer interface, the "open in Notebook" switcher, the
# language-server client (no language server is installed; it would only poll the server), and the extension
# manager's sidebar (read-only for learners, and its title and search box are not translated).
LEARNER_DISABLED = {"@jupyter/nbgrader": True, "@jupyter-notebook/lab-extension:interface-switcher": True,
                    "@jupyter-notebook/lab-extension:launch-tree": True, "@jupyterlab/lsp-extension": True,
                    "@jupyterlab/notebook-extension:language-server": True,
                    "@jupyterlab/fileeditor-extension:language-server": True,
                    "@jupyterlab/extensionmanager-extension": True}
# The learner lab never builds JupyterLab: no "build needed?" request on every page load.
LEARNER_PAGE_CONFIG = {"buildCheck": False, "buildAvailable": False}
# Two harmless notices that read like errors: jupyter_server gives tornado its keep-alive ping settings in
# milliseconds where tornado (6.5) expects seconds ("websocket_ping_timeout … cannot be longer", the pings
# still work), and pyzmq notes "events for closed stream" when a browser tab reloads while a kernel talks.
SERVER_CONFIG_PY = '''"""Jupyter server config of the ailab learner lab (written by ailab.lab_config; do not edit)."""
import logging


HARMLESS = ("websocket_ping_timeout", "Got events for closed stream")


class _HarmlessNotices(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        return not any(text in message for text in HARMLESS)


logging.getLogger("tornado.general").addFilter(_HarmlessNotices())
'''
KERNEL_CONFIG = '''"""IPython config of the ailab learner lab's kernels (written by ailab.lab_config; do not edit)."""
c = get_config()  # noqa: F821
c.InteractiveShellApp.extensions = ["ailab.loi_python"]
c.IPKernelApp.log_level = "ERROR"  # the kernel's start-up notices are not for learners
try:  # the self-check imports nbgrader, whose jsonschema would first build IRI grammars (seconds)
    from ailab.lab_config import defer_iri_parsers

    defer_iri_parsers()
except ImportError:
    pass
'''


@dataclass(frozen=True)
class LabFolders:
    """The three settings folders of one lab flavour (learner or trainer)."""

    settings: Path
    config: Path
    ipython: Path

    def environment(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """``base`` (default: this process's environment) with the lab's folders set."""
        env = dict(os.environ if base is None else base)
        env.update(JUPYTERLAB_SETTINGS_DIR=str(self.settings), JUPYTER_CONFIG_DIR=str(self.config),
                   IPYTHONDIR=str(self.ipython), PYTHONUTF8="1")
        return env


def lab_home() -> Path:
    """``$AILAB_HOME/lab`` or ``~/.ailab/lab``."""
    return Path(os.environ.get("AILAB_HOME") or Path.home() / ".ailab") / "lab"


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _write_json(path: Path, data: dict) -> None:
    _write_text(path, json.dumps(data, ensure_ascii=False, indent=2))


def _copy_custom(target: Path) -> None:
    """The custom CSS and its fonts, served by the lab at ``/custom/`` from the config folder."""
    source = ASSETS / "custom"
    for path in source.rglob("*"):
        if path.is_file():
            destination = target / path.relative_to(source)
            if not destination.exists() or destination.read_bytes() != path.read_bytes():
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, destination)


PHONE_WORKSPACE = "dien-thoai"


def phone_workspace(start_page: str) -> dict:
    """A JupyterLab workspace for small screens: the start page open (rendered), both sidebars collapsed."""
    current = f"markdownviewer-widget:{start_page}"
    return {
        "data": {
            "layout-restorer:data": {
                "main": {"dock": {"type": "tab-area", "currentIndex": 0, "widgets": [current]}, "current": current},
                "left": {"collapsed": True, "visible": True, "widgets": ["filebrowser"], "widgetStates": {}},
                "right": {"collapsed": True, "visible": True, "widgets": [], "widgetStates": {}},
                "relativeSizes": [0, 1, 0],
            },
            current: {"data": {"path": start_page, "factory": "Markdown Preview"}},
        },
        "metadata": {"id": PHONE_WORKSPACE},
    }


def _saved_workspace_ids(workspaces: Path) -> set[str]:
    """Ids of the workspaces saved in ``workspaces`` (read as jupyterlab_server's manager lists them)."""
    ids = set()
    for path in workspaces.glob("*.jupyterlab-workspace") if workspaces.is_dir() else []:
        try:
            ids.add(json.loads(path.read_text(encoding="utf-8"))["metadata"]["id"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return ids


def save_phone_workspace(folders: LabFolders, start_page: str) -> None:
    """Saved once with jupyterlab_server's own workspace manager; later the lab keeps the learner's layout.

    The manager is imported only when the workspace is missing: importing it loads the whole Jupyter
    server (seconds), which a later start does not pay.
    """
    workspaces = folders.config / "lab" / "workspaces"
    if PHONE_WORKSPACE in _saved_workspace_ids(workspaces):
        return
    defer_iri_parsers()
    from jupyterlab_server.workspaces_handler import WorkspacesManager

    workspaces.mkdir(parents=True, exist_ok=True)
    WorkspacesManager(str(workspaces)).save(PHONE_WORKSPACE, json.dumps(phone_workspace(start_page)))


def server_config(start_page: str, trainer: bool, config_dir: Path) -> dict:
    """The Jupyter server config of the lab (JSON form of ``jupyter_server_config.py``)."""
    config = {
        "ServerApp": {},
        # New files get Vietnamese names instead of "Untitled".
        "ContentsManager": {"untitled_notebook": "Bai_moi", "untitled_file": "Tep_moi",
                            "untitled_directory": "Thu_muc_moi"},
        "LabApp": {"workspaces_dir": str(config_dir / "lab" / "workspaces"), "custom_css": True,
                   "default_url": f"/lab/tree/{start_page}" if start_page else "/lab",
                   "news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"},
    }
    if not trainer:
        config["ServerApp"]["jpserver_extensions"] = dict.fromkeys(LEARNER_SERVER_EXTENSIONS_OFF, False)
        config["LanguageServerManager"] = {"autodetect": False}
        # Lists installed extensions only: no PyPI look-ups from a learner's lab (weak or no internet).
        config["LabApp"]["extension_manager"] = "readonly"
    return config


def prepare(locale: str = "vi_VN", *, trainer: bool = False, start_page: str = "",
            home: Path | None = None, phone_workspace_later: bool = False) -> LabFolders:
    """Write the lab's settings folders (idempotent) and return them.

    ``phone_workspace_later``: the caller saves the phone workspace itself (``save_phone_workspace``) once
    the server is starting; the first save imports the Jupyter server (about a second).
    """
    root = Path(home or lab_home()) / ("giang_vien" if trainer else "hoc_vien")
    folders = LabFolders(root / "lab-settings", root / "jupyter-config", root / "ipython")
    _write_json(folders.settings / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings",
                {"locale": locale})
    for relative, values in LAB_SETTINGS.items():
        _write_json(folders.settings / relative, values)
    _write_json(folders.config / "jupyter_server_config.json", server_config(start_page, trainer, folders.config))
    _copy_custom(folders.config / "custom")
    _write_text(folders.config / "jupyter_server_config.py", SERVER_CONFIG_PY)
    if start_page and not phone_workspace_later:
        save_phone_workspace(folders, start_page)
    page_config = {"disabledExtensions": {}} if trainer else {"disabledExtensions": LEARNER_DISABLED,
                                                                **LEARNER_PAGE_CONFIG}
    _write_json(folders.config / "labconfig" / "page_config.json", page_config)
    profile = folders.ipython / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    _write_text(profile / "ipython_kernel_config.py", KERNEL_CONFIG)
    return folders


TRAINER_FLAG = "--ailab-giang-vien"  # read (and removed) by serve_lab: a trainer's lab may build extensions


def lab_command(folder: Path, port: int, token: str, open_browser: bool, host: str = "127.0.0.1",
                trainer: bool = False) -> list[str]:
    """The ``jupyter lab`` command line serving ``folder`` (through ``serve_lab``)."""
    command = [sys.executable, "-m", "ailab.lab_config", f"--ServerApp.root_dir={folder}", f"--ServerApp.port={port}",
               f"--IdentityProvider.token={token}", f"--ServerApp.ip={host}", "--ServerApp.port_retries=0"]
    if trainer:
        command.append(TRAINER_FLAG)
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and workshop VMs often run as root
        command.append("--allow-root")
    return command


def defer_iri_parsers() -> None:
    """Make ``import jsonschema`` cheap in this process: build rfc3987_syntax's grammars only when used.

    jsonschema imports ``rfc3987_syntax`` for its "iri" format check, and that package compiles about 40
    Earley parsers at import time (2–8 s on a loaded 2-core machine; jupyter_server issue #1559,
    jsonschema issue #1428). Jupyter's schemas never use the "iri" format. Here the package is registered
    as a stand-in whose ``is_valid_syntax`` imports the real module on first call, so validation of an
    "iri" still works exactly as before, only later.
    """
    import importlib
    import importlib.util
    import types

    if "rfc3987_syntax" in sys.modules:
        return
    spec = importlib.util.find_spec("rfc3987_syntax")
    if spec is None or not spec.submodule_search_locations:
        return
    stand_in = types.ModuleType("rfc3987_syntax", "Deferred rfc3987_syntax (see ailab.lab_config).")
    stand_in.__path__ = list(spec.submodule_search_locations)  # its submodules import from the real files

    def real():
        return importlib.import_module("rfc3987_syntax.syntax_helpers")

    def is_valid_syntax(term: str, value: str) -> bool:
        return real().is_valid_syntax(term, value)

    def other_name(name: str):
        if name.startswith("__"):  # inspect, warnings and tracebacks look up dunder names of every module
            raise AttributeError(name)
        return getattr(real(), name)

    stand_in.is_valid_syntax = is_valid_syntax
    stand_in.__getattr__ = other_name
    stand_in.__file__ = spec.origin
    sys.modules["rfc3987_syntax"] = stand_in


def _skip_yarn_registry_probe() -> None:
    """JupyterLab asks ``node yarn config`` for an npm registry at import (~1 s where Node.js exists).

    The registry only matters for building or installing lab extensions, which a learner's lab never does
    (no build check, a read-only extension manager); a trainer's lab keeps the probe. Where JupyterLab's
    private helper is not found (another version), nothing changes.
    """
    from jupyterlab import commands

    if callable(getattr(commands, "_yarn_config", None)):
        commands._yarn_config = lambda logger: {"yarn config": {}, "npm config": {}}


def serve_lab(argv: list[str]) -> int:
    """``python -m ailab.lab_config ARGS``: ``jupyter lab ARGS`` with the two start-up costs above removed."""
    defer_iri_parsers()
    if TRAINER_FLAG not in argv:
        _skip_yarn_registry_probe()
    from jupyterlab.labapp import main

    sys.argv = ["jupyter-lab", *(arg for arg in argv if arg != TRAINER_FLAG)]
    return main()


if __name__ == "__main__":
    sys.exit(serve_lab(sys.argv[1:]))

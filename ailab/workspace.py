"""The learner workspace: the only folder a learner's JupyterLab shows.

``build_workspace(folder)`` lays out, in ``folder``::

    00_bat_dau_o_day.md             the start page ("Bắt đầu ở đây"), opened automatically, rendered
    bai_giang/NN_slug.ipynb         the lessons, and bai_giang/data/ the files they read
    bai_tap/NN_slug/NN_slug.ipynb   the learner's copy of each exercise (nbgrader generate_assignment)
                                    with the data files it needs
    .ailab/manifest.json            hashes of the files as shipped (hidden from the file browser)
    .ailab/tien_do.json             self-check results (ailab.progress)

Never copied: solutions, hidden tests, marking guides, answer keys (``dap_an*``), code folders, trainer
notes. A later run adds what is new and updates a file only while the learner has not changed it; when the
learner has, the new version goes beside it as ``<name> (ban_moi).<ext>`` and the report says so.

Stable entry point for other tools (``ailab lab``, a workshop server building one workspace per learner):
``build_workspace(folder: Path, *, modules=None, source_root=None, cache_dir=None, base_url="/")
-> WorkspaceReport``.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ailab import curriculum
from ailab.progress import MANIFEST_FILE, STATE_DIR

START_PAGE = "00_bat_dau_o_day.md"
LESSONS = "bai_giang"
EXERCISES = "bai_tap"
NEW_VERSION_SUFFIX = " (ban_moi)"
DEFAULT_FOLDER_NAME = "phong_thuc_hanh_ai"
REPO_ROOT = curriculum.REGISTRY.parent
_NEVER_SHIPPED = ["dap_an*", "*dap_an*", "*.py", ".*", "__pycache__", "huong_dan_cham*", "GHI_CHU*", "README*"]


@dataclass
class WorkspaceReport:
    """What one ``build_workspace`` run did, by path relative to the workspace."""

    folder: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    beside: list[str] = field(default_factory=list)  # new versions placed next to a file the learner changed
    first_run: bool = True

    @property
    def start_page(self) -> Path:
        return self.folder / START_PAGE

    def notes(self) -> list[str]:
        """Vietnamese lines for the learner about new files and new versions."""
        lines = []
        if self.added and not self.first_run:
            lines.append(f"Đã thêm {len(self.added)} tệp mới vào phòng thực hành.")
        for path in self.beside:
            lines.append(f"Có bản mới của {_original_name(path)}; bài của bạn được giữ nguyên, bản mới ở {path}.")
        return lines


def default_folder() -> Path:
    """``~/phong_thuc_hanh_ai``."""
    return Path.home() / DEFAULT_FOLDER_NAME


def _original_name(beside_path: str) -> str:
    path = Path(beside_path)
    return (path.parent / (path.stem.removesuffix(NEW_VERSION_SUFFIX) + path.suffix)).as_posix()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _shippable(name: str) -> bool:
    return not any(fnmatch.fnmatch(name, pattern) for pattern in _NEVER_SHIPPED)


class _Shipper:
    """Writes files into the workspace following the manifest rule (never overwrite the learner's work)."""

    def __init__(self, folder: Path, report: WorkspaceReport):
        self.folder = folder
        self.report = report
        self.path = folder / STATE_DIR / MANIFEST_FILE
        try:
            self.manifest = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.manifest = {}

    def ship(self, relative: str, data: bytes) -> None:
        target = self.folder / relative
        wanted = _sha(data)
        if not target.exists():
            self._write(target, data)
            self.report.added.append(relative)
        else:
            current = _sha(target.read_bytes())
            if current == wanted:
                self.report.unchanged.append(relative)
            elif self.manifest.get(relative) == current:  # still as we shipped it: safe to update
                self._write(target, data)
                self.report.updated.append(relative)
            else:
                self._beside(target, data)
                return
        self.manifest[relative] = wanted

    def _beside(self, target: Path, data: bytes) -> None:
        other = target.with_name(target.stem + NEW_VERSION_SUFFIX + target.suffix)
        if not other.exists() or other.read_bytes() != data:
            self._write(other, data)
        self.report.beside.append(other.relative_to(self.folder).as_posix())

    @staticmethod
    def _write(target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp-ailab")
        temporary.write_bytes(data)
        temporary.replace(target)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")


def _chosen(modules) -> list[curriculum.Module]:
    built = [m for m in curriculum.built_modules() if m.audience != "trainer"]
    if modules is None:
        return built
    wanted = [curriculum.module(key) for key in modules]
    return [m for m in built if m in wanted]


def _lesson_bytes(path: Path) -> bytes:
    from ailab.notebook_files import learner_notebook_bytes

    return learner_notebook_bytes(path.read_bytes())


def _ship_lessons(shipper: _Shipper, source_root: Path, chosen: list[curriculum.Module]) -> None:
    codes = {m.code for m in chosen}
    for module in chosen:
        lesson = source_root / "notebooks" / f"{module.slug}.ipynb"
        if lesson.is_file():
            shipper.ship(f"{LESSONS}/{lesson.name}", _lesson_bytes(lesson))
    data = source_root / "notebooks" / "data"
    for path in sorted(data.rglob("*")) if data.is_dir() else []:
        relative = path.relative_to(data)
        number = relative.parts[0][:2]
        if path.is_file() and all(_shippable(p) for p in relative.parts) and (not number.isdigit() or number in codes):
            shipper.ship(f"{LESSONS}/data/{relative.as_posix()}", path.read_bytes())


def exercise_sources(modules=None, source_root: Path | None = None) -> list[Path]:
    """The trainer's exercise folders whose learner copies a workspace holds (``modules`` as in build_workspace)."""
    return _exercise_folders(Path(source_root or REPO_ROOT), _chosen(modules))


def _exercise_folders(source_root: Path, chosen: list[curriculum.Module]) -> list[Path]:
    folders = [source_root / "exercises" / module.slug for module in chosen]
    return [folder for folder in folders if any(folder.glob("*.ipynb"))]


def _ship_exercises(shipper: _Shipper, source_root: Path, chosen: list[curriculum.Module],
                    cache_dir: Path | None) -> None:
    from ailab.learner_release import released_copy
    from ailab.notebook_files import learner_notebook_bytes

    for source in _exercise_folders(source_root, chosen):
        released = released_copy(source, cache_dir)
        for path in sorted(released.rglob("*")):
            relative = path.relative_to(released)
            if not path.is_file() or not all(_shippable(p) for p in relative.parts):
                continue
            data = path.read_bytes()
            if path.suffix == ".ipynb":
                data = learner_notebook_bytes(data)
            shipper.ship(f"{EXERCISES}/{source.name}/{relative.as_posix()}", data)


def build_workspace(folder: Path, *, modules=None, source_root: Path | None = None, cache_dir: Path | None = None,
                    base_url: str = "/", exercises: bool = True) -> WorkspaceReport:
    """Create or update the learner workspace in ``folder``; return what was added, updated or put beside.

    ``modules``: module numbers or slugs to include (default: every built module of curriculum.toml).
    ``source_root``: the course repository (default: the one this package is installed from).
    ``cache_dir``: where learner copies of exercises are cached (default ``~/.cache/ailab``).
    ``base_url``: the server's base URL, for the start page's link to the single-notebook view.
    ``exercises``: False on the workshop server, where the course's released exercises come from nbgrader's
    exchange instead.
    Raises ``ailab.learner_release.ReleaseError`` (Vietnamese message) if an exercise cannot be released.
    """
    folder = Path(folder).expanduser().resolve()
    source_root = Path(source_root or REPO_ROOT)
    folder.mkdir(parents=True, exist_ok=True)
    report = WorkspaceReport(folder, first_run=not (folder / STATE_DIR / MANIFEST_FILE).exists())
    shipper = _Shipper(folder, report)
    chosen = _chosen(modules)
    _ship_lessons(shipper, source_root, chosen)
    if exercises:
        _ship_exercises(shipper, source_root, chosen, cache_dir)
    (folder / STATE_DIR).mkdir(exist_ok=True)
    (folder / STATE_DIR / "lua_chon.json").write_text(json.dumps({"base_url": base_url}), encoding="utf-8")
    shipper.ship(START_PAGE, _start_page_bytes(folder, report, base_url))
    shipper.save()
    return report


def _start_page_bytes(folder: Path, report: WorkspaceReport | None, base_url: str) -> bytes:
    from ailab.progress import read_progress
    from ailab.start_page import start_page_markdown

    notes = report.notes() if report else []
    return start_page_markdown(folder, read_progress(folder), notes, base_url).encode("utf-8")


def refresh_start_page(folder: Path) -> None:
    """Rewrite the start page with the current progress, unless the learner changed it."""
    folder = Path(folder)
    try:
        base_url = json.loads((folder / STATE_DIR / "lua_chon.json").read_text(encoding="utf-8"))["base_url"]
    except (OSError, ValueError, KeyError):
        base_url = "/"
    report = WorkspaceReport(folder)
    shipper = _Shipper(folder, report)
    shipper.ship(START_PAGE, _start_page_bytes(folder, None, base_url))
    shipper.save()


TRUST_STAMP = "tin_cay.json"


def _trust_key(folder: Path) -> str | None:
    """What the last signing depended on: the manifest (shipped hashes) and the learner's signature store."""
    from jupyter_core.paths import jupyter_data_dir

    try:
        manifest = (folder / STATE_DIR / MANIFEST_FILE).read_bytes()
    except OSError:
        return None
    database = Path(jupyter_data_dir()) / "nbsignatures.db"
    return _sha(manifest + b"\0" + str(database).encode() + (b"\0+" if database.is_file() else b"\0-"))


def trust_notebooks(folder: Path) -> int:
    """Sign the shipped notebooks still as shipped, so the lab trusts them (no warning, nothing to re-render).

    Run as the learner (the signature database is the learner's own Jupyter data folder). Skipped when
    nothing was shipped since the last signing and the signature database is still there (a stamp in
    ``.ailab/``): reading and hashing every notebook costs about a second on a busy 2-core machine.
    """
    folder = Path(folder)
    key = _trust_key(folder)
    stamp = folder / STATE_DIR / TRUST_STAMP
    if key is None:
        return 0
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == key:
        return 0
    import nbformat
    from nbformat.sign import NotebookNotary

    try:
        manifest = json.loads((folder / STATE_DIR / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    notary = NotebookNotary()
    signed = 0
    for relative, digest in manifest.items():
        path = folder / relative
        if path.suffix == ".ipynb" and path.is_file() and _sha(path.read_bytes()) == digest:
            notebook = nbformat.read(path, as_version=4)
            if not notary.check_signature(notebook):
                notary.sign(notebook)
                signed += 1
    try:
        stamp.write_text(_trust_key(folder) or "", encoding="utf-8")
    except OSError:
        pass  # the next start signs (or checks) again
    return signed

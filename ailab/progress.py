"""The learner's progress: a small local record of self-check results, shown on the start page.

The self-check calls ``record_result(notebook_path, parts)`` after each run. The record lives in the
learner workspace (``.ailab/tien_do.json``, found by walking up from the notebook to the workspace
manifest), or in ``~/.ailab/tien_do.json`` for a notebook outside any workspace. Nothing here ever
raises into a learner's notebook: a record that cannot be written is skipped silently.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

STATE_DIR = ".ailab"
MANIFEST_FILE = "manifest.json"
PROGRESS_FILE = "tien_do.json"
_MODULE = re.compile(r"^(\d{2})_")


@dataclass(frozen=True)
class ModuleProgress:
    """The last self-check of one module's exercise: parts passed out of parts checked."""

    code: str
    notebook: str
    passed: int
    total: int
    checked_at: str

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.passed == self.total


def workspace_root(start: Path) -> Path | None:
    """The learner workspace holding ``start`` (the folder whose ``.ailab/manifest.json`` exists)."""
    start = Path(start).resolve()
    for folder in [start, *start.parents] if start.is_dir() else start.parents:
        if (folder / STATE_DIR / MANIFEST_FILE).is_file():
            return folder
    return None


def progress_file(notebook_path: Path) -> Path:
    """Where the record for ``notebook_path`` is kept."""
    root = workspace_root(Path(notebook_path))
    if root is None:
        return Path(os.environ.get("AILAB_HOME", Path.home() / ".ailab")) / PROGRESS_FILE
    return root / STATE_DIR / PROGRESS_FILE


def _passed(part) -> bool:
    return bool(part.get("passed") if isinstance(part, dict) else getattr(part, "passed", False))


def record_result(notebook_path: str | Path, parts) -> Path | None:
    """Record one self-check run of ``notebook_path``; ``parts`` are objects or dicts with ``passed``.

    Returns the record file, or None when it could not be written (never raises).
    """
    path = Path(notebook_path)
    match = _MODULE.match(path.name)
    if not match:
        return None
    parts = list(parts)
    entry = {"notebook": path.name, "passed": sum(_passed(p) for p in parts), "total": len(parts),
             "checked_at": datetime.now().strftime("%d/%m/%Y %H:%M")}
    target = progress_file(path)
    try:
        data = _read(target)
        data[match.group(1)] = entry
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        temporary.replace(target)
    except OSError:
        return None
    _refresh_start_page(target)
    return target


def _refresh_start_page(record: Path) -> None:
    """Rewrite the workspace's start page so it shows the new progress (only if the learner left it as shipped)."""
    root = record.parent.parent
    if (root / STATE_DIR / MANIFEST_FILE).is_file():
        try:
            from ailab.workspace import refresh_start_page

            refresh_start_page(root)
        except (OSError, ValueError):
            pass


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_progress(workspace: Path) -> dict[str, ModuleProgress]:
    """Progress per module code (``"01"``) recorded in ``workspace``."""
    data = _read(Path(workspace) / STATE_DIR / PROGRESS_FILE)
    result = {}
    for code, entry in data.items():
        try:
            result[code] = ModuleProgress(code, str(entry["notebook"]), int(entry["passed"]), int(entry["total"]),
                                          str(entry.get("checked_at", "")))
        except (KeyError, TypeError, ValueError):
            continue
    return result

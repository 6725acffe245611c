"""Collect submissions from a folder or a .zip into ``submitted/<learner>/<module>/<notebook>.ipynb``.

Accepted layouts: ``<learner>/<module>/<notebook>.ipynb``, ``<learner>/<notebook>.ipynb`` and flat
``<learner>_<notebook>.ipynb`` (at any depth). Destinations are built only from roster ids and released
names, never from the names in the source, so nothing is written outside the course.
"""

from __future__ import annotations

import csv
import os
import stat
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from ailab.text import nfc
from autograder.course.workspace import collect_log_path, read_timestamp, submission_dir, write_timestamp

MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024
LOG_COLUMNS = ("thoi_gian", "nguon", "hoc_vien", "hoc_phan", "tep", "ket_qua", "ghi_chu")


@dataclass(frozen=True)
class Entry:
    """One file found in the source: its relative parts, modification time and a reader."""

    parts: tuple[str, ...]
    timestamp: float
    read: Callable[[], bytes]
    size: int = 0
    symlink: bool = False


@dataclass(frozen=True)
class Note:
    origin: str
    result: str
    message: str
    learner: str = ""
    module: str = ""
    notebook: str = ""


@dataclass(frozen=True)
class Placement:
    learner: str
    module: str
    notebook: str


def folder_entries(root: Path) -> Iterator[Entry]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
        for name in filenames:
            path = Path(dirpath) / name
            info = path.lstat()
            yield Entry(path.relative_to(root).parts, info.st_mtime, path.read_bytes, info.st_size,
                        stat.S_ISLNK(info.st_mode))


def zip_entries(path: Path) -> Iterator[Entry]:
    archive = zipfile.ZipFile(path)
    for info in archive.infolist():
        if info.is_dir():
            continue
        mode = info.external_attr >> 16
        raw = info.filename.replace("\\", "/")
        parts = tuple(raw.split("/"))
        yield Entry(parts, time.mktime((*info.date_time, 0, 0, -1)),
                    lambda info=info: archive.read(info), info.file_size, stat.S_ISLNK(mode))


def _unsafe(parts: tuple[str, ...]) -> bool:
    joined = "/".join(parts)
    return (joined.startswith("/") or PurePosixPath(joined).is_absolute() or ".." in parts
            or (parts and len(parts[0]) >= 2 and parts[0][1] == ":"))


def place(parts: tuple[str, ...], learners: set[str], notebooks: dict[str, str]) -> Placement | Note:
    """Where a notebook belongs, or a Note saying why it cannot be placed (Vietnamese)."""
    origin = "/".join(parts)
    parts = tuple(nfc(p) for p in parts if p not in ("", "."))
    by_lower_nb = {n.lower(): n for n in notebooks}
    by_lower_learner = {x.lower(): x for x in learners}
    name = parts[-1]
    notebook = by_lower_nb.get(name.lower())
    if notebook:
        module = notebooks[notebook]
        owner = parts[-3] if len(parts) >= 3 and parts[-2].lower() == module.lower() else (
            parts[-2] if len(parts) >= 2 else "")
        learner = by_lower_learner.get(owner.lower())
        if learner:
            return Placement(learner, module, notebook)
        if not owner:
            return Note(origin, "bỏ qua", f"không biết bài của ai: đặt tên tệp là <mã học viên>_{notebook}")
        return Note(origin, "bỏ qua", f"học viên '{owner}' không có trong danh sách lớp", owner, module, notebook)
    for notebook, module in sorted(notebooks.items(), key=lambda item: -len(item[0])):
        suffix = "_" + notebook.lower()
        if name.lower().endswith(suffix):
            owner = name[: -len(suffix)]
            learner = by_lower_learner.get(owner.lower())
            if learner:
                return Placement(learner, module, notebook)
            return Note(origin, "bỏ qua", f"học viên '{owner}' không có trong danh sách lớp", owner, module, notebook)
    expected = ", ".join(sorted(notebooks)) or "(chưa phát bài nào)"
    return Note(origin, "bỏ qua", f"tên tệp '{name}' không đúng; tên cần dùng: {expected} "
                                  "(hoặc <mã học viên>_<tên tệp>)")


def collect(course_dir: Path, source: Path, learners: set[str], notebooks: dict[str, str]) -> list[Note]:
    """Copy the newest version of each learner's notebooks into submitted/; return what happened."""
    course_dir, source = Path(course_dir), Path(source)
    if source.is_dir():
        entries = folder_entries(source)
    elif zipfile.is_zipfile(source):
        entries = zip_entries(source)
    else:
        return [Note(str(source), "lỗi", "nguồn bài nộp phải là một thư mục hoặc một tệp .zip")]
    notes: list[Note] = []
    best: dict[Placement, Entry] = {}
    for entry in entries:
        origin = "/".join(entry.parts)
        if any(p.startswith(".") or p == "__MACOSX" for p in entry.parts if p not in (".", "..")):
            continue
        if _unsafe(entry.parts):
            notes.append(Note(origin, "bỏ qua", "đường dẫn không an toàn (ra ngoài thư mục bài nộp)"))
            continue
        if entry.symlink:
            notes.append(Note(origin, "bỏ qua", "liên kết tượng trưng (symlink) không được nhận"))
            continue
        if not entry.parts[-1].lower().endswith(".ipynb"):
            continue
        if entry.size > MAX_NOTEBOOK_BYTES:
            notes.append(Note(origin, "bỏ qua", "tệp quá lớn (trên 50 MB)"))
            continue
        where = place(entry.parts, learners, notebooks)
        if isinstance(where, Note):
            notes.append(where)
            continue
        other = best.get(where)
        if other is None or entry.timestamp > other.timestamp:
            if other is not None:
                notes.append(_note(where, other, "bỏ qua", "có bản mới hơn trong cùng đợt nộp"))
            best[where] = entry
        else:
            notes.append(_note(where, entry, "bỏ qua", "có bản mới hơn trong cùng đợt nộp"))
    for where, entry in sorted(best.items(), key=lambda item: (item[0].learner, item[0].module)):
        folder = submission_dir(course_dir, where.learner, where.module)
        existing = read_timestamp(folder)
        target = folder / where.notebook
        if target.exists() and existing is not None and existing >= entry.timestamp:
            notes.append(_note(where, entry, "giữ bài cũ", "bài đã có mới hơn hoặc cùng thời điểm "
                               f"({_local(existing)}) so với bản này ({_local(entry.timestamp)})"))
            continue
        folder.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.chmod(0o644)
        target.write_bytes(entry.read())
        target.chmod(0o444)  # what a learner handed in is read, never changed, by grading
        os.utime(target, (entry.timestamp, entry.timestamp))
        write_timestamp(folder, max(entry.timestamp, existing or 0))
        notes.append(_note(where, entry, "nhận", f"bài nộp lúc {_local(entry.timestamp)}"))
    write_log(course_dir, str(source), notes)
    return notes


def _note(where: Placement, entry: Entry, result: str, message: str) -> Note:
    return Note("/".join(entry.parts), result, message, where.learner, where.module, where.notebook)


def _local(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).strftime("%d/%m/%Y %H:%M:%S")


def write_log(course_dir: Path, source: str, notes: list[Note]) -> Path:
    """Append to reports/collect_log.csv so a trainer can see which version was kept and why."""
    path = collect_log_path(course_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    now = datetime.now().strftime("%d/%m/%Y %H:%M:%S")
    with open(path, "a", encoding="utf-8-sig" if new else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        if new:
            writer.writerow(LOG_COLUMNS)
        for note in notes:
            writer.writerow([now, f"{source}:{note.origin}", note.learner, note.module, note.notebook,
                             note.result, note.message])
    return path

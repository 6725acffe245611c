"""The course's nbgrader gradebook (SQLite or a server database): checked, rebuilt when damaged, snapshotted.

Workers never open the real gradebook. They get a *snapshot*: a small SQLite file holding only the
assignments' cells (what nbgrader's OverwriteCells reads), sent as bytes so a worker on another machine
needs no path on this one. Only the parent process writes grades.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from nbgrader.api import Base, Gradebook, MissingEntry
from sqlalchemy import create_engine, event, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from autograder.course.errors import CourseError
from autograder.course.settings import CourseSettings, ensure_tools_on_path

# What OverwriteCells and SaveAutoGrades need to know about an assignment: no learner data.
ASSIGNMENT_TABLES = ("assignment", "notebook", "base_cell", "source_cell", "grade_cells", "solution_cells",
                     "task_cells")


def sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def _sqlite_damaged(path: Path) -> bool:
    try:
        connection = sqlite3.connect(path)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] != "ok"
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return True


def missing_assignments(url: str, course_id: str, modules: list[str]) -> list[str] | None:
    """Released modules the gradebook does not know; None when the gradebook cannot be read at all."""
    path = sqlite_path(url)
    if path is not None and (not path.exists() or _sqlite_damaged(path)):
        return None
    try:
        with Gradebook(url, course_id) as gb:
            missing = []
            for module in modules:
                try:
                    gb.find_assignment(module)
                except MissingEntry:
                    missing.append(module)
            return missing
    except (SQLAlchemyError, sqlite3.DatabaseError, OSError):
        return None


def rebuild(course_dir: Path, url: str, settings: CourseSettings, modules: list[str]) -> str:
    """Recreate the gradebook from the course source and the roster; a damaged SQLite file is kept aside."""
    from autograder.course.workspace import import_roster, load_roster, nbgrader_api

    path = sqlite_path(url)
    kept = ""
    if path is not None and path.exists():
        aside = path.with_name(f"{path.stem}.hong-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
        shutil.move(path, aside)
        kept = f" Bản hỏng được giữ lại ở {aside.name}."
    api = nbgrader_api(course_dir, url)
    for module in modules:
        result = api.generate_assignment(module, force=True, create=True)
        if not result.get("success"):
            raise CourseError(f"Không dựng lại được sổ điểm cho {module}: "
                              f"{(result.get('error') or result.get('log') or '')[-400:]}")
    import_roster(course_dir, load_roster(course_dir), settings, url)
    return ("Sổ điểm bị hỏng hoặc bị mất: đã dựng lại từ bài gốc và danh sách lớp; mọi bài nộp được chấm lại."
            + kept)


def ensure(course_dir: Path, url: str, settings: CourseSettings, modules: list[str]) -> str:
    """'' when the gradebook knows every released module; otherwise rebuild it and say so (Vietnamese)."""
    ensure_tools_on_path()
    missing = missing_assignments(url, settings.course_id, modules)
    if missing == []:
        return ""
    return rebuild(course_dir, url, settings, modules)


def snapshot(url: str, course_id: str) -> bytes:
    """A SQLite gradebook holding only the course and its assignments' cells, as bytes.

    Tables are made from nbgrader's own models; nbgrader's ``Gradebook()`` would also start an
    ``alembic`` process to stamp a new file, which a snapshot opened read-mostly does not need.
    """
    source = create_engine(url)
    with tempfile.TemporaryDirectory(prefix="ailab_sodiem_") as folder:
        target_path = Path(folder) / "gradebook.db"
        target = create_engine(f"sqlite:///{target_path}")
        Base.metadata.create_all(target)
        tables = {table.name: table for table in Base.metadata.sorted_tables}
        with source.connect() as reader, target.begin() as writer:
            for name in ("course", *ASSIGNMENT_TABLES):
                rows = [dict(row) for row in reader.execute(select(tables[name])).mappings()]
                if name == "course":
                    rows = [row for row in rows if row["id"] == course_id]
                if rows:
                    writer.execute(insert(tables[name]), rows)
        target.dispose()
        source.dispose()
        return target_path.read_bytes()


def _fast_sqlite(dbapi_connection, connection_record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        # WAL with NORMAL sync survives a crash of the program (only a power cut may lose the last grades,
        # which the next `grade` writes again); nbgrader commits once per cell, so this is the writer's speed.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def speed_up_sqlite_writes() -> None:
    """Every SQLite gradebook this process opens (nbgrader's included) uses WAL and NORMAL sync."""
    if not event.contains(Engine, "connect", _fast_sqlite):
        event.listen(Engine, "connect", _fast_sqlite)

"""``reports/status.csv``: how each learner's submission of each module was graded, and how it was isolated."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

GRADED, FAILED, MISSING = "graded", "failed", "missing"
STATUS_COLUMNS = ("learner", "module", "status", "score", "max_score", "reason", "isolation")


@dataclass(frozen=True)
class StatusRow:
    """One learner × module: ``status`` is graded, failed (with ``reason``) or missing."""

    learner: str
    module: str
    status: str
    score: float
    max_score: float
    reason: str = ""
    isolation: str = ""


def write_status(path: Path, rows: list[StatusRow]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(STATUS_COLUMNS)
        for row in rows:
            writer.writerow([row.learner, row.module, row.status, f"{row.score:g}", f"{row.max_score:g}", row.reason,
                             row.isolation])
    return path


def read_status(path: Path) -> list[StatusRow]:
    with open(path, encoding="utf-8") as handle:
        return [StatusRow(r["learner"], r["module"], r["status"], float(r["score"] or 0), float(r["max_score"] or 0),
                          r["reason"], r.get("isolation") or "") for r in csv.DictReader(handle)]

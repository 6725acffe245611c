"""Checks made before a submission is executed: is it a notebook, are the test cells intact."""

from __future__ import annotations

import json
from dataclasses import dataclass

import nbformat
from nbgrader.utils import compute_checksum, is_locked

from ailab.text import nfc

NOT_NOTEBOOK = "không phải notebook"
TAMPERED = "bài kiểm tra bị sửa"
CELLS_MISSING = "thiếu ô"


@dataclass(frozen=True)
class Problem:
    """Why a submission cannot be graded: a short reason (status.csv) and details."""

    reason: str
    detail: str

    def text(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else self.reason


def load_notebook(data: bytes) -> tuple[nbformat.NotebookNode | None, Problem | None]:
    """Parse and validate notebook bytes; sources normalised to NFC."""
    if not data.strip():
        return None, Problem(NOT_NOTEBOOK, "tệp rỗng")
    try:
        raw = json.loads(data.decode("utf-8-sig"))
        nb = nbformat.reads(json.dumps(raw), as_version=4)
        nbformat.validate(nb)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, Problem(NOT_NOTEBOOK, f"nội dung không phải JSON hợp lệ ({error.__class__.__name__})")
    except Exception as error:  # nbformat raises several validation/reader errors
        return None, Problem(NOT_NOTEBOOK, f"cấu trúc notebook không hợp lệ ({error.__class__.__name__})")
    for cell in nb.cells:
        cell.source = nfc(cell.source)
    return nb, None


def _grade_id(cell) -> str | None:
    return (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id")


def _protected(cell) -> bool:
    """Test cells and locked cells must come back exactly as released."""
    return bool(_grade_id(cell)) and bool(is_locked(cell))


def _checksum(cell) -> str:
    return compute_checksum(nbformat.from_dict({**cell, "source": nfc(cell.source)}))


def check_cells(release: nbformat.NotebookNode, submitted: nbformat.NotebookNode,
                source: nbformat.NotebookNode | None = None) -> list[Problem]:
    """Compare protected cells of the released notebook with the submission (by grade_id and checksum).

    A cell identical to the trainer's SOURCE version (hidden tests included) is intact too.
    """
    original = {_grade_id(c): _checksum(c) for c in (source.cells if source else []) if _protected(c)}
    by_id = {_grade_id(c): c for c in submitted.cells if _grade_id(c)}
    plain_sources = {c.source.strip() for c in submitted.cells if not _grade_id(c)}
    problems = []
    for cell in release.cells:
        if not _protected(cell):
            continue
        grade_id = _grade_id(cell)
        text = nfc(cell.source)
        mine = by_id.get(grade_id)
        if mine is None:
            if text.strip() in plain_sources:
                problems.append(Problem(TAMPERED, f"ô '{grade_id}' bị xóa thông tin chấm (metadata)"))
            else:
                problems.append(Problem(CELLS_MISSING, f"ô '{grade_id}' đã bị xóa"))
        elif mine.cell_type != cell.cell_type:
            problems.append(Problem(TAMPERED, f"ô '{grade_id}' bị đổi loại ({cell.cell_type} → {mine.cell_type})"))
        elif compute_checksum(mine) not in (_checksum(cell), original.get(grade_id)):
                problems.append(Problem(TAMPERED, f"ô '{grade_id}' bị sửa nội dung"))
    return problems


def summarize(problems: list[Problem]) -> str:
    """One status reason: tampering first, then missing cells, with the cell names."""
    if not problems:
        return ""
    first = next((p for p in problems if p.reason == TAMPERED), problems[0])
    same = [p.detail for p in problems if p.reason == first.reason]
    return f"{first.reason}: " + "; ".join(same)

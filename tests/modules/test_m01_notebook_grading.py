"""Exercise 01 graded the way nbgrader grades it: the real grade cells (visible + hidden) run on answers.

Each answer set replaces the solution cells; every grade cell then runs in order. A failing assert scores 0, a
number as the cell's last expression is partial credit, anything else full points — nbgrader's rules.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "exercises" / "01_lam_quen"
NOTEBOOK = nbformat.read(FOLDER / "01_lam_quen.ipynb", as_version=4)
SKIP = {"m01-tu-kiem-tra", "m01-thu-cong-cu"}


def _cell_points(cell, namespace: dict) -> float:
    """Run one grade cell like nbgrader: error -> 0, trailing number -> that, else full points."""
    tree = ast.parse(cell.source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    try:
        exec(compile(tree, "<cell>", "exec"), namespace)  # noqa: S102 - our own exercise's cells
        value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None
    except Exception:  # nbgrader gives 0 for any error in a grade cell
        return 0.0
    points = float(cell.metadata["nbgrader"]["points"])
    return min(points, float(value)) if isinstance(value, (int, float)) else points


def grade(answers: dict[str, str]) -> dict[str, float]:
    """Points per grade cell when the solution cells hold ``answers`` (cell id -> code)."""
    namespace: dict = {}
    scores = {}
    old = Path.cwd()
    os.chdir(FOLDER)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in NOTEBOOK.cells:
                meta = cell.metadata.get("nbgrader", {})
                if cell.cell_type != "code" or cell.id in SKIP:
                    continue
                if meta.get("solution"):
                    exec(answers.get(cell.id, cell.source.split("### BEGIN SOLUTION")[0]), namespace)  # noqa: S102
                elif meta.get("grade"):
                    scores[cell.id] = _cell_points(cell, namespace)
                else:
                    exec(cell.source, namespace)  # noqa: S102
    finally:
        os.chdir(old)
    return scores


def _solution(cell_id: str) -> str:
    source = next(c.source for c in NOTEBOOK.cells if c.id == cell_id)
    return source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]


SOLUTION = {cid: _solution(cid) for cid in ("m01-cau-1-tra-loi", "m01-cau-2-tra-loi", "m01-cau-3-tra-loi",
                                           "m01-cau-4-tra-loi")}
PART_OF = {"m01-cau-1-tra-loi": "m01-cau-1", "m01-cau-2-tra-loi": "m01-cau-2", "m01-cau-3-tra-loi": "m01-cau-3",
           "m01-cau-4-tra-loi": "m01-cau-4"}
MAX = {"m01-cau-1": 2, "m01-cau-2": 3, "m01-cau-3": 1.5, "m01-cau-4": 1.5}

GAMING = {
    "constant_part": {"m01-cau-1-tra-loi": 'phan_chua_hop = dict.fromkeys("ABCDE", "bối cảnh")'},
    "keyword_padding": {"m01-cau-2-tra-loi": 'cau_lenh = "vai trò bối cảnh nhiệm vụ định dạng giới hạn " * 5 + '
                                             '"tiêm phòng dại chó mèo thông báo người dân gạch đầu dòng"'},
    "part_labels_only": {"m01-cau-2-tra-loi": 'cau_lenh = "Vai trò: ...\\nBối cảnh: ...\\nNhiệm vụ: ...\\n'
                                              'Định dạng: ...\\nGiới hạn: ... về tiêm phòng dại cho chó mèo, '
                                              'thông báo cho người dân."'},
    "every_sentence": {"m01-cau-3-tra-loi": "cau_bia_A = list(range(1, 9))",
                       "m01-cau-4-tra-loi": "cau_bia_B = list(range(1, 9))"},
}


def test_solution_earns_every_automatic_point():
    assert grade(SOLUTION) == MAX


def test_blank_copy_earns_nothing():
    assert sum(grade({}).values()) == 0


@pytest.mark.parametrize("name", sorted(GAMING))
def test_gaming_answers_earn_at_most_30_percent_of_the_parts_they_touch(name):
    answers = {**SOLUTION, **GAMING[name]}
    scores = grade(answers)
    touched = [PART_OF[cid] for cid in GAMING[name]]
    assert sum(scores[p] for p in touched) <= 0.3 * sum(MAX[p] for p in touched), scores
    assert all(scores[p] == MAX[p] for p in MAX if p not in touched)

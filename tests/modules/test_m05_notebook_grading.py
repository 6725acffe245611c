"""Exercise 05 graded the way nbgrader grades it: the real grade cells (visible + hidden) run on answers.

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
FOLDER = ROOT / "exercises" / "05_an_toan_thong_tin"
NOTEBOOK = nbformat.read(FOLDER / "05_an_toan_thong_tin.ipynb", as_version=4)
SKIP = {"m05-tu-kiem-tra"}


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


SOLUTION = {cid: _solution(cid) for cid in ("m05-cau-1-tra-loi", "m05-cau-2-tra-loi", "m05-cau-3-tra-loi")}
PARTS_OF = {"m05-cau-1-tra-loi": ["m05-cau-1"], "m05-cau-2-tra-loi": ["m05-cau-2"],
            "m05-cau-3-tra-loi": ["m05-cau-3a", "m05-cau-3b"]}
MAX = {"m05-cau-1": 2, "m05-cau-2": 3, "m05-cau-3a": 1.5, "m05-cau-3b": 1.5}
IDS = [f"T{i:02d}" for i in range(1, 15)]

GAMING = {
    "tick_every_option": {"m05-cau-1-tra-loi": 'khong_duoc_gui = list("abcdefghij")'},
    "everything_is_a_scam_with_one_sign": {"m05-cau-3-tra-loi": f"phan_loai = dict.fromkeys({IDS!r}, ('lừa đảo', 'A'))"},
    "everything_safe": {"m05-cau-3-tra-loi": f"phan_loai = dict.fromkeys({IDS!r}, ('an toàn', 'K'))"},
    "every_sign_everywhere": {"m05-cau-3-tra-loi": f"phan_loai = dict.fromkeys({IDS!r}, ('lừa đảo', 'ABCDE'))"},
    "mask_every_digit": {"m05-cau-2-tra-loi": "import re\nban_da_che = re.sub(r'\\d', 'X', don)"},
    "machine_mask_then_nothing_more_labels_appended": {
        "m05-cau-2-tra-loi": "ban_da_che = don + ' [HỌ TÊN] [SĐT] [EMAIL] [ĐỊA CHỈ]'"},
}


def test_solution_earns_every_automatic_point():
    assert grade(SOLUTION) == MAX


def test_blank_copy_earns_nothing():
    assert sum(grade({}).values()) == 0


@pytest.mark.parametrize("name", sorted(GAMING))
def test_gaming_answers_earn_at_most_30_percent_of_the_parts_they_touch(name):
    scores = grade({**SOLUTION, **GAMING[name]})
    touched = [part for cid in GAMING[name] for part in PARTS_OF[cid]]
    assert sum(scores[p] for p in touched) <= 0.3 * sum(MAX[p] for p in touched), scores
    assert all(scores[p] == MAX[p] for p in MAX if p not in touched)


def test_the_machine_pass_alone_earns_at_most_30_percent():
    scores = grade({**SOLUTION, "m05-cau-2-tra-loi": "ban_da_che = mask_personal_data(don)"})
    assert 0 < scores["m05-cau-2"] <= 0.9

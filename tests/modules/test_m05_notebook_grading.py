"""Exercise 05 graded the way nbgrader grades it: the real grade cells (visible + hidden) run on answers.

Each answer set replaces the solution cells; every grade cell then runs in order. A failing assert scores 0, a
number as the cell's last expression is partial credit, anything else full points — nbgrader's rules.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbgrader_cells import grade_cells

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "exercises" / "05_an_toan_thong_tin"
NOTEBOOK = nbformat.read(FOLDER / "05_an_toan_thong_tin.ipynb", as_version=4)
SKIP = {"m05-tu-kiem-tra"}


def grade(answers: dict[str, str]) -> dict[str, float]:
    """Points per grade cell when the solution cells hold ``answers`` (cell id -> code)."""
    return grade_cells(NOTEBOOK, FOLDER, answers, SKIP)


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

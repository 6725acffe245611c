"""Builders for a tiny nbgrader exercise and for bad submissions of it (the robustness corpus).

Everything is made by code so that course tests never depend on the real exercises under
``exercises/``. ``make_tiny_exercise`` writes a source assignment with four automatic parts
(2 points each) and one manually graded reflection (2 points): 10 points, like a real module.
"""

from __future__ import annotations

import json
import unicodedata
import zipfile
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

TINY_NAME = "01_tap_su"


def _meta(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = False,
          points: int = 0) -> dict:
    meta = {"grade": grade, "solution": solution, "locked": locked, "grade_id": grade_id,
            "schema_version": 3, "task": False}
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def tiny_notebook() -> nbformat.NotebookNode:
    """The SOURCE notebook of the tiny exercise (solutions inside BEGIN/END SOLUTION)."""
    cells = [
        new_markdown_cell("# Bài tập thử\nĐiền các ô trả lời.", metadata=_meta("intro", locked=True)),
        new_code_cell('co_quan = None\n### BEGIN SOLUTION\nco_quan = "Ủy ban nhân dân"\n### END SOLUTION',
                      metadata=_meta("answer_co_quan", solution=True)),
        new_code_cell('assert co_quan is not None, "Hãy điền tên cơ quan."\n'
                      '### BEGIN HIDDEN TESTS\nassert co_quan == "Ủy ban nhân dân", "Tên cơ quan chưa đúng."\n'
                      '### END HIDDEN TESTS',
                      metadata=_meta("test_co_quan", grade=True, locked=True, points=2)),
        new_code_cell('def cong(a, b):\n    ### BEGIN SOLUTION\n    return a + b\n    ### END SOLUTION',
                      metadata=_meta("answer_cong", solution=True)),
        new_code_cell('assert cong(1, 2) == 3, "cong(1, 2) phải bằng 3."',
                      metadata=_meta("test_cong", grade=True, locked=True, points=2)),
        new_code_cell('with open("du_lieu.txt", encoding="utf-8") as f:\n    so_dong = None\n'
                      '    ### BEGIN SOLUTION\n    so_dong = len(f.read().splitlines())\n    ### END SOLUTION',
                      metadata=_meta("answer_so_dong", solution=True)),
        new_code_cell('assert so_dong == 3, "Tệp du_lieu.txt có 3 dòng."',
                      metadata=_meta("test_so_dong", grade=True, locked=True, points=2)),
        new_code_cell('ket_qua = []\n### BEGIN SOLUTION\nket_qua = [cong(i, i) for i in range(3)]\n'
                      '### END SOLUTION',
                      metadata=_meta("answer_ket_qua", solution=True)),
        new_code_cell('assert ket_qua == [0, 2, 4], "ket_qua phải là [0, 2, 4]."\n'
                      '### BEGIN HIDDEN TESTS\nassert len(ket_qua) == 3\n### END HIDDEN TESTS',
                      metadata=_meta("test_ket_qua", grade=True, locked=True, points=2)),
        new_markdown_cell("**Suy ngẫm** (2 điểm): tiêu chí chấm ghi ở trên.",
                          metadata=_meta("rubric", locked=True)),
        new_markdown_cell("YOUR ANSWER HERE", metadata=_meta("reflection", grade=True, solution=True,
                                                             points=2)),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def make_tiny_exercise(exercises_dir: Path, name: str = TINY_NAME) -> Path:
    """Write ``exercises_dir/<name>/<name>.ipynb`` and its data file; return the folder."""
    folder = Path(exercises_dir) / name
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(tiny_notebook(), folder / f"{name}.ipynb")
    (folder / "du_lieu.txt").write_text("một\nhai\nba\n", encoding="utf-8")
    return folder


# --- bad submissions: each takes the RELEASED-then-solved notebook (a dict) and breaks it ------------

def _cell(nb: dict, grade_id: str) -> dict:
    return next(c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)


def _set_answer(nb: dict, grade_id: str, source: str) -> dict:
    _cell(nb, grade_id)["source"] = source
    return nb


def delete_test_cell(nb: dict) -> dict:
    nb["cells"].remove(_cell(nb, "test_cong"))
    return nb


def strip_test_metadata(nb: dict) -> dict:
    _cell(nb, "test_cong")["metadata"] = {}
    return nb


def edit_test_cell(nb: dict) -> dict:
    _cell(nb, "test_cong")["source"] = "assert True"
    return nb


def change_cell_type(nb: dict) -> dict:
    cell = _cell(nb, "test_cong")
    cell["cell_type"] = "markdown"
    for key in ("outputs", "execution_count"):
        cell.pop(key, None)
    return nb


def infinite_loop(nb: dict) -> dict:
    return _set_answer(nb, "answer_cong", "def cong(a, b):\n    while True:\n        pass\ncong(1, 1)")


def kernel_exit(nb: dict) -> dict:
    return _set_answer(nb, "answer_cong", "import os\nos._exit(1)")


def memory_bomb(nb: dict) -> dict:
    return _set_answer(nb, "answer_cong", "x = bytearray(8 * 1024 ** 3)\ndef cong(a, b):\n    return a + b")


def huge_print(nb: dict) -> dict:
    return _set_answer(nb, "answer_cong", 'print("x" * 50_000_000)\ndef cong(a, b):\n    return a + b')


def read_gradebook(nb: dict) -> dict:
    """Look for the course through relative paths (nbgrader's own layout allows it) and for keys in os.environ."""
    code = ("import glob, os\nfound = []\nfor up in range(1, 6):\n"
            "    base = os.path.join(*(['..'] * up))\n"
            "    found += glob.glob(os.path.join(base, 'gradebook.db'))\n"
            "    found += glob.glob(os.path.join(base, 'submitted', '*'))\n"
            "assert not found, found\n"
            "assert not [k for k in os.environ if 'KEY' in k.upper()], 'kernel sees a key'\n"
            "def cong(a, b):\n    return a + b")
    return _set_answer(nb, "answer_cong", code)


def nfd_answer(nb: dict) -> dict:
    """The whole notebook saved in NFD (some Mac/IME setups do this)."""
    return json.loads(unicodedata.normalize("NFD", json.dumps(nb, ensure_ascii=False)))


NOTEBOOK_BREAKERS = {
    "delete_test_cell": delete_test_cell,
    "strip_test_metadata": strip_test_metadata,
    "edit_test_cell": edit_test_cell,
    "change_cell_type": change_cell_type,
    "infinite_loop": infinite_loop,
    "kernel_exit": kernel_exit,
    "memory_bomb": memory_bomb,
    "huge_print": huge_print,
    "read_gradebook": read_gradebook,
    "nfd_answer": nfd_answer,
}


def solved_release(release_nb: Path, source_nb: Path) -> dict:
    """A correct learner: the released notebook with each answer cell replaced by the source's."""
    release = json.loads(Path(release_nb).read_text(encoding="utf-8"))
    source = json.loads(Path(source_nb).read_text(encoding="utf-8"))
    answers = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in source["cells"]
               if c.get("metadata", {}).get("nbgrader", {}).get("solution")}
    for cell in release["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers and cell["cell_type"] == "code":
            text = answers[grade_id]
            text = text if isinstance(text, str) else "".join(text)
            cell["source"] = "\n".join(line for line in text.splitlines() if "### " not in line)
    return release


def write_zip_slip(path: Path, learner: str, notebook: str, payload: bytes) -> Path:
    """A zip whose entries try to escape the extraction folder."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"../../{learner}_{notebook}", payload)
        zf.writestr("/tmp/absolute_escape.ipynb", payload)
        zf.writestr(f"{learner}/../../../escape.ipynb", payload)
    return path

"""Run an exercise's real grade cells (visible + hidden) on given answers, scoring them by nbgrader's rules.

A failing assert scores 0, a number as the cell's last expression is partial credit, anything else full points.
Shared by the module tests that grade answer sets without starting nbgrader.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
from pathlib import Path


def cell_points(cell, namespace: dict) -> float:
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


def grade_cells(notebook, folder: Path, answers: dict[str, str], skip: set[str]) -> dict[str, float]:
    """Points per grade cell when the solution cells hold ``answers`` (cell id -> code)."""
    namespace: dict = {}
    scores = {}
    old = Path.cwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in notebook.cells:
                meta = cell.metadata.get("nbgrader", {})
                if cell.cell_type != "code" or cell.id in skip:
                    continue
                if meta.get("solution"):
                    exec(answers.get(cell.id, cell.source.split("### BEGIN SOLUTION")[0]), namespace)  # noqa: S102
                elif meta.get("grade"):
                    scores[cell.id] = cell_points(cell, namespace)
                else:
                    exec(cell.source, namespace)  # noqa: S102
    finally:
        os.chdir(old)
    return scores


def _last_value(source: str, namespace: dict):
    """Run a cell's code; the value of its last line when that line is an expression."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)  # noqa: S102 - our own exercise's cells
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None


def play_notebook(cells: list[dict], folder: Path, answers: dict[str, str], solution) -> dict[str, float]:
    """Scores by grade id when the trainer's notebook (hidden tests included) is played with ``answers``.

    ``solution(meta, source, answers)`` gives the code of a solution cell; each "Cách B" cell takes
    ``answers["cach-b-N"]`` when given. A graded cell scores its last expression when that is a number,
    its points when it runs clean and 0 when it raises; the self-check cell is skipped.
    """
    here, scores, namespace, spreadsheet = os.getcwd(), {}, {}, 0
    os.chdir(folder)
    try:
        for cell in cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            source = "".join(cell["source"])
            if cell["cell_type"] != "code" or "self_check_button" in source:
                continue
            if "# Cách B" in source:
                spreadsheet += 1
                source = answers.get(f"cach-b-{spreadsheet}", source)
            elif meta.get("solution"):
                source = solution(meta, source, answers)
            elif meta.get("grade"):
                source = source.replace("### BEGIN HIDDEN TESTS", "").replace("### END HIDDEN TESTS", "")
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    value = _last_value(source, namespace)
                if meta.get("grade"):
                    scores[meta["grade_id"]] = float(value) if isinstance(value, (int, float)) else meta["points"]
            except Exception:  # noqa: BLE001 - a failing cell is 0 points (graded) or ignored, as in nbgrader
                if meta.get("grade"):
                    scores[meta["grade_id"]] = 0.0
    finally:
        os.chdir(here)
    return scores

"""Collect the prompts the course shows, from the notebooks as they are on disk when the tests run.

Lessons and exercises change while the course grows, so nothing here names a prompt: the collector reads the
notebook JSON and evaluates, without running the notebook, what it safely can —

* the first argument (and ``system=``) of every ``ask(…)`` / ``chat(…)`` call in a code cell, code and
  solution cells alike, with names resolved from earlier assignments: string literals, concatenations,
  f-strings, ``Path(…).read_text()`` of files beside the notebook, dictionaries, and calls of functions the
  notebook imports or defines when every argument is plain text or a dictionary;
* string values in code cells that read as prompts (they start like a request: "Bạn là …", "Hãy …",
  "Tóm tắt …") even when they are only shown or checked, not sent;
* prompts shown in Markdown: quoted lines (``> …``) and quoted sentences that read as prompts.

Material the collector cannot compute (a table made by pandas, a widget's text) becomes a hole; a prompt
with a hole is completed with stand-in material of the kind the words before it name (a table, a text).
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ailab.text import count_words, fold

ROOT = Path(__file__).resolve().parents[2]
HOLE = "\x00…\x00"
OPENERS = ("ban la", "hay ", "tom tat", "soan ", "viet ", "phan loai", "dua vao", "dua tren", "dong vai",
           "nhan xet", "liet ke", "tra loi", "can cu vao", "lap ")
TASK_WORDS = ("hay ", "tom tat", "soan", "viet", "phan loai", "nhan xet", "liet ke", "tra loi", "lap ")
STAND_IN_TABLE = "thang,ty_le_truc_tuyen\n1,52.3\n2,55.0\n3,61.8\n4,63.2\n5,70.5\n6,76.4\n"


@dataclass(frozen=True)
class CoursePrompt:
    """One prompt the course shows, where it was found, and the role sent with it."""

    where: str
    text: str
    system: str = ""


def announces_missing_material(text: str) -> bool:
    """An instruction that points at material ("báo cáo dưới đây", "bảng sau:") with none after it: a part of a
    prompt the notebook completes before sending, not a prompt of its own."""
    folded = fold(text)
    points = re.search(r"\b(?:duoi day|sau day|sau:|sau\.|(?:bang|doan|van ban|bao cao|don|tin nhan) sau)\b", folded)
    return bool(points) and "\n" not in text.strip()


def looks_like_prompt(text: str) -> bool:
    """A request to the AI, not a fragment: starts like one, names a task, has a few words, is not cut off."""
    folded = fold(text.strip().strip("\"“”«»"))
    stripped = text.strip()
    return (folded.startswith(OPENERS) and any(w in folded for w in TASK_WORDS) and count_words(text) >= 6
            and not stripped.rstrip("\"”»").endswith(("…", "...")) and "{" not in stripped)


def _call_name(node: ast.Call) -> str:
    """The called name: ``ask`` for ``ask(…)`` and ``ailab.ask(…)``, but not for another object's ``x.ask(…)``
    (the lookup widget of lesson 06 has an ``ask`` method that never reaches the assistant)."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return func.attr if func.attr not in ("ask", "chat") or owner in ("ailab", "llm") else f"{owner}.{func.attr}"
    return ""


class Evaluator:
    """Evaluates the expressions of one notebook's cells, in order, without running the cells."""

    SAFE_ARGUMENT = (str, int, float, dict, list, tuple)

    def __init__(self, folder: Path):
        self.folder, self.names, self.found = folder, {}, []

    def value(self, node: ast.AST):
        """The value of ``node``, or ``HOLE`` when it cannot be known safely."""
        try:
            return self._value(node)
        except Exception:  # noqa: BLE001 — anything the collector cannot evaluate is a hole
            return HOLE

    def _value(self, node):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self.names.get(node.id, HOLE)
        if isinstance(node, ast.JoinedStr):
            return "".join(str(self._value(v.value)) if isinstance(v, ast.FormattedValue) else v.value
                           for v in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
            left, right = self.value(node.left), self.value(node.right)
            if HOLE in (left, right) and not (isinstance(left, str) and isinstance(right, str)):
                return HOLE
            return left + right if isinstance(node.op, ast.Add) else left / right
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self._value(e) for e in node.elts]
        if isinstance(node, ast.Dict):
            return {self._value(k): self._value(v) for k, v in zip(node.keys, node.values, strict=True)}
        if isinstance(node, ast.Subscript):
            return self._value(node.value)[self._value(node.slice)]
        if isinstance(node, ast.Attribute):
            return getattr(self._value(node.value), node.attr)
        if isinstance(node, ast.Call):
            return self._call(node)
        return HOLE

    def _call(self, node: ast.Call):
        if _call_name(node) in ("ask", "chat", "print", "display", "open"):
            return HOLE
        func = self._value(node.func)
        args = [self._value(a) for a in node.args]
        kwargs = {k.arg: self._value(k.value) for k in node.keywords if k.arg}
        plain = all(isinstance(a, (*self.SAFE_ARGUMENT, Path)) and a != HOLE for a in [*args, *kwargs.values()])
        if func == HOLE or not plain or not callable(func):
            return HOLE
        with contextlib.redirect_stdout(io.StringIO()):
            return func(*args, **kwargs)

    def run_cell(self, source: str, where: str) -> None:
        """Record the cell's imports, definitions and assignments, and the prompts it sends or shows."""
        source = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return
        for statement in tree.body:
            self._statement(statement, source, where)

    def _statement(self, statement: ast.stmt, source: str, where: str) -> None:
        if isinstance(statement, (ast.Import, ast.ImportFrom, ast.FunctionDef)):
            with contextlib.suppress(Exception):
                exec(compile(ast.Module([statement], []), where, "exec"), self.names)  # noqa: S102
        compound = isinstance(statement, (ast.If, ast.For, ast.While, ast.With, ast.Try))
        headers = [getattr(statement, name, None) for name in ("test", "iter")] if compound else [statement]
        headers += [item.context_expr for item in getattr(statement, "items", [])] if compound else []
        for header in filter(None, headers):
            self._prompts_in(header, where)
        if isinstance(statement, ast.Assign) and all(isinstance(t, ast.Name) for t in statement.targets):
            value = self.value(statement.value)
            for target in statement.targets:
                self.names[target.id] = value
            if (isinstance(value, str) and HOLE not in value and looks_like_prompt(value)
                    and not announces_missing_material(value)):
                self.found.append(CoursePrompt(where, value))
        if compound:
            handlers = [h for handler in getattr(statement, "handlers", []) for h in handler.body]
            for inner in [*statement.body, *getattr(statement, "orelse", []), *handlers,
                          *getattr(statement, "finalbody", [])]:
                self._statement(inner, source, where)

    def _prompts_in(self, node: ast.AST, where: str) -> None:
        for inner in ast.walk(node):
            if not isinstance(inner, ast.Call) or _call_name(inner) in ("print", "display"):
                continue
            if _call_name(inner) in ("ask", "chat") and inner.args:
                self._record_call(inner, where)
            else:  # a prompt shown or checked: a whole string passed to a function
                self.found.extend(CoursePrompt(where, a.value) for a in inner.args
                                  if isinstance(a, ast.Constant) and isinstance(a.value, str)
                                  and looks_like_prompt(a.value) and not announces_missing_material(a.value))

    def _record_call(self, node: ast.Call, where: str) -> None:
        first = self.value(node.args[0])
        if _call_name(node) == "chat" and isinstance(first, list):
            users = [m.get("content") for m in first if isinstance(m, dict) and m.get("role") == "user"]
            first = users[-1] if users else HOLE
        system = next((self.value(k.value) for k in node.keywords if k.arg == "system"), "")
        if not isinstance(first, str) or not first.replace(HOLE, "").strip():
            return
        self.found.append(CoursePrompt(where, complete(first), system if isinstance(system, str) else ""))


def complete(text: str) -> str:
    """Fill each hole with stand-in material of the kind the words before it name."""
    while HOLE in text:
        before = fold(text[: text.index(HOLE)][-200:])
        material = STAND_IN_TABLE if ("bang" in before or "so lieu" in before) else _stand_in_text()
        text = text.replace(HOLE, material, 1)
    return text


def _stand_in_text() -> str:
    return sorted((ROOT / "tests" / "data" / "van_ban").glob("*.txt"))[0].read_text(encoding="utf-8")


def markdown_prompts(source: str, where: str) -> list[CoursePrompt]:
    """Prompts a Markdown cell shows: a quoted block, or a quoted sentence that reads as a prompt."""
    found = []
    quote = " ".join(line.lstrip("> ").strip() for line in source.splitlines() if line.startswith(">"))
    if quote and looks_like_prompt(quote) and not announces_missing_material(quote):
        found.append(CoursePrompt(where, quote))
    for match in re.finditer(r"[\"“]([^\"“”]{30,})[\"”]", source):
        text = re.sub(r"\s*\n\s*", " ", match.group(1))
        if looks_like_prompt(text) and not announces_missing_material(text):
            found.append(CoursePrompt(where, text))
    return found


def notebook_paths() -> list[Path]:
    """The lessons and the trainer's exercise sources (solution cells included)."""
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*/*.ipynb"))


def collect(workspace: Path) -> list[CoursePrompt]:
    """Every prompt of every notebook, evaluated in a copy of its folder (a function it calls may write)."""
    prompts: list[CoursePrompt] = []
    for path in notebook_paths():
        copy = workspace / path.parent.relative_to(ROOT)
        if not copy.exists():
            shutil.copytree(path.parent, copy)
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        evaluator = Evaluator(copy)
        here = Path.cwd()
        os.chdir(copy)
        try:
            for index, cell in enumerate(cells):
                source = "".join(cell.get("source") or [])
                where = f"{path.relative_to(ROOT)} ô {index + 1}"
                if cell.get("cell_type") == "code":
                    evaluator.run_cell(source, where)
                elif cell.get("cell_type") == "markdown":
                    evaluator.found.extend(markdown_prompts(source, where))
        finally:
            os.chdir(here)
        prompts.extend(evaluator.found)
    unique = {(p.where.split(" ô ")[0], p.text.strip(), p.system): p for p in prompts}
    return list(unique.values())

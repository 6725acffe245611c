"""Self-check for learners: run the VISIBLE tests of an exercise and say, per part, Đạt or Chưa đạt.

``run_self_check(path)`` is the pure-ish core (executes a copy of the saved notebook, hidden tests
removed, and returns results); ``self_check_button`` wraps it in a button; ``ailab check`` prints it.
"""

from __future__ import annotations

import argparse
import copy
import html
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ailab.text import nfc
from autograder.course.hidden import strip_hidden_tests

if TYPE_CHECKING:  # nbformat is slow to import; the CLI must start fast
    from nbformat import NotebookNode

CHECK_TIMEOUT = 60
HELP_TEXT = ("Bấm để chạy các bài kiểm tra công khai trên bản notebook ĐÃ LƯU. "
             "Hãy lưu bài trước (Ctrl+S hoặc biểu tượng đĩa mềm), rồi bấm nút. "
             "Điểm chính thức do giảng viên chấm, có thêm các bài kiểm tra ẩn.")
NOT_DONE = "Chưa làm phần này: ô trả lời còn trống hoặc dùng tên chưa được định nghĩa."


@dataclass(frozen=True)
class PartResult:
    """The outcome of one graded test cell."""

    grade_id: str
    points: float
    passed: bool
    message: str = ""


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def _is_test(cell) -> bool:
    meta = _meta(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def visible_tests_notebook(nb: NotebookNode) -> NotebookNode:
    """A copy to execute: hidden test blocks removed, outputs cleared, the self-check cell itself left out."""
    prepared = copy.deepcopy(nb)
    prepared.cells = [c for c in prepared.cells if not (c.cell_type == "code" and "self_check_button" in c.source)]
    for cell in prepared.cells:
        cell.source = nfc(cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            if _is_test(cell):
                cell.source = strip_hidden_tests(cell.source)
    return prepared


def _message(output: dict) -> str:
    name, value = output.get("ename", ""), str(output.get("evalue", "")).strip()
    if name in ("NameError", "NotImplementedError"):
        return NOT_DONE
    if name == "AssertionError":
        return value or "Kết quả chưa đúng yêu cầu."
    if name == "CellTimeoutError":
        return "Ô này chạy quá lâu (có vòng lặp không dừng?)."
    return f"Lỗi {name}: {value}" if value else f"Lỗi {name}"


def results_from_executed(nb: NotebookNode) -> list[PartResult]:
    """Per test cell: passed when it raised nothing."""
    results = []
    for cell in nb.cells:
        if not _is_test(cell):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        meta = _meta(cell)
        results.append(PartResult(meta.get("grade_id", "?"), float(meta.get("points", 0)), not errors,
                                  _message(errors[0]) if errors else ""))
    return results


def run_self_check(notebook_path: str | Path, timeout: int = CHECK_TIMEOUT) -> list[PartResult]:
    """Execute the saved notebook's code with visible tests only; return one result per graded part."""
    import nbformat
    from nbclient import NotebookClient

    from autograder.course.preprocessors import LimitedKernelManager

    path = Path(notebook_path)
    nb = visible_tests_notebook(nbformat.read(path, as_version=4))
    client = NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3",
                            kernel_manager_class=LimitedKernelManager,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    client.execute()
    return results_from_executed(nb)


def format_results(results: list[PartResult]) -> str:
    """Plain-text lines in Vietnamese, one per part, then a count."""
    if not results:
        return "Không tìm thấy bài kiểm tra nào trong notebook này."
    lines = [f"{'✔ Đạt' if r.passed else '✘ Chưa đạt'} — {r.grade_id} ({r.points:g} điểm)"
             + ("" if r.passed else f": {r.message}") for r in results]
    passed = sum(r.passed for r in results)
    lines.append(f"Đạt {passed}/{len(results)} phần (chỉ tính bài kiểm tra công khai).")
    return "\n".join(lines)


def _results_html(results: list[PartResult]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(r.grade_id)}</td><td>{r.points:g}</td>"
        f"<td style='color:{'#1b7f3b' if r.passed else '#b3261e'}'><b>{'Đạt' if r.passed else 'Chưa đạt'}</b></td>"
        f"<td>{html.escape(r.message)}</td></tr>" for r in results)
    passed = sum(r.passed for r in results)
    return ("<table><tr><th>Phần</th><th>Điểm</th><th>Kết quả</th><th>Cần sửa</th></tr>"
            f"{rows}</table><p>Đạt {passed}/{len(results)} phần.</p>")


def self_check_button(notebook_filename: str):
    """An ipywidgets button that self-checks ``notebook_filename`` (in the current folder)."""
    import ipywidgets as widgets

    button = widgets.Button(description="Tự kiểm tra bài làm", icon="check", button_style="primary",
                            tooltip=HELP_TEXT, layout=widgets.Layout(width="auto"))
    help_box = widgets.HTML(f"<i>{html.escape(HELP_TEXT)}</i>")
    output = widgets.HTML()

    def on_click(_button) -> None:
        path = Path(notebook_filename)
        if not path.exists():
            output.value = f"<b>Không tìm thấy tệp {html.escape(notebook_filename)} trong thư mục hiện tại.</b>"
            return
        button.disabled, output.value = True, "Đang chạy các bài kiểm tra… (có thể mất một phút)"
        try:
            results = run_self_check(path)
            output.value = _results_html(results) if results else "Không tìm thấy bài kiểm tra nào."
        except Exception as error:  # show a message, never a traceback, to the learner
            output.value = f"<b>Không chạy được phần tự kiểm tra:</b> {html.escape(str(error)[:300])}"
        finally:
            button.disabled = False

    button.on_click(on_click)
    return widgets.VBox([help_box, button, output])


def cmd_check(args: argparse.Namespace) -> int:
    path = Path(args.notebook)
    if not path.exists() or path.suffix != ".ipynb":
        print(f"Không tìm thấy notebook {path}", file=sys.stderr)
        return 2
    import nbformat

    try:
        results = run_self_check(path, timeout=args.timeout)
    except (nbformat.reader.NotJSONError, ValueError) as error:
        print(f"Tệp {path} không phải notebook hợp lệ ({error.__class__.__name__}).", file=sys.stderr)
        return 2
    print(format_results(results))
    return 0 if results and all(r.passed for r in results) else 1


def register(sub) -> None:
    """``ailab check NOTEBOOK``."""
    parser = sub.add_parser("check", help="Tự kiểm tra một bài tập (chỉ bài kiểm tra công khai)")
    parser.add_argument("notebook", help="tệp .ipynb đã lưu")
    parser.add_argument("--timeout", type=int, default=CHECK_TIMEOUT, help="giới hạn giây cho mỗi ô")
    parser.set_defaults(handler=cmd_check)

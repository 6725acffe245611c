"""Self-check for learners: run the VISIBLE tests of an exercise and say, per part, Đạt or Chưa đạt.

``run_self_check(path)`` is the core (executes a copy of the saved notebook, hidden tests removed, in
the same sandbox as grading where the machine has one, and returns results); ``self_check_button``
wraps it in a button; ``ailab check`` prints it. Heavy modules are imported inside the functions so
the ``ailab`` command line starts fast.
"""

from __future__ import annotations

import copy
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ailab.nop import submit_widget
from ailab.progress import record_result
from ailab.text import nfc

if TYPE_CHECKING:  # nbformat is slow to import; the CLI must start fast
    from nbformat import NotebookNode

CHECK_TIMEOUT = 60
MAX_COPY_BYTES = 200 * 1024 * 1024
HELP_TEXT = ("Bấm để chạy các bài kiểm tra công khai trên bản notebook ĐÃ LƯU, kể cả khi mới làm một vài câu. "
             "Hãy lưu bài trước (Ctrl+S hoặc biểu tượng đĩa mềm), rồi bấm nút. "
             "Phần tự kiểm tra KHÔNG chấm được các bài kiểm tra ẩn và các câu giảng viên chấm tay (câu suy ngẫm): "
             "điểm chính thức do giảng viên chấm.")
NOT_DONE = "Chưa làm phần này: ô trả lời còn trống hoặc dùng tên chưa được định nghĩa."


@dataclass(frozen=True)
class PartResult:
    """The outcome of one graded test cell."""

    grade_id: str
    points: float
    passed: bool
    message: str = ""
    label: str = ""

    @property
    def name(self) -> str:
        """The part as the exercise names it ("Câu 2a"), else its grade id."""
        return self.label or self.grade_id


_GRADE_ID_PART = re.compile(r"-cau-(\d+[a-z]?)\b", re.IGNORECASE)
_HEADING_PART = re.compile(r"^#+\s*(Câu\s+\d+[a-z]?)\b", re.MULTILINE)


def part_label(grade_id: str, heading: str = "") -> str:
    """"Câu 2a" from a grade id such as ``m01-cau-2a``, else from the nearest "## Câu …" heading above."""
    found = _GRADE_ID_PART.search(grade_id or "")
    if found:
        return f"Câu {found.group(1)}"
    found = _HEADING_PART.search(heading or "")
    return found.group(1) if found else ""


def _is_test(cell) -> bool:
    from nbgrader.utils import is_grade, is_solution

    return cell.cell_type == "code" and bool(is_grade(cell)) and not is_solution(cell)


def _without_hidden_tests(cell) -> None:
    """nbgrader's own ClearHiddenTests; a block it cannot parse (no END) hides the whole cell."""
    from nbgrader.preprocessors import ClearHiddenTests

    try:
        ClearHiddenTests(enforce_metadata=False).preprocess_cell(cell, {}, 0)
    except RuntimeError:
        cell.source = ""


def visible_tests_notebook(nb: NotebookNode) -> NotebookNode:
    """A copy to execute: hidden test blocks removed, outputs cleared, the self-check cell itself left out."""
    prepared = copy.deepcopy(nb)
    prepared.cells = [c for c in prepared.cells if not (c.cell_type == "code" and "self_check_button" in c.source)]
    for cell in prepared.cells:
        cell.source = nfc(cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            if _is_test(cell):
                _without_hidden_tests(cell)
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
    results, heading = [], ""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and _HEADING_PART.search(cell.source):
            heading = cell.source
        if not _is_test(cell):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        meta = cell.metadata.nbgrader
        grade_id = meta.get("grade_id", "?")
        results.append(PartResult(grade_id, float(meta.get("points", 0)), not errors,
                                  _message(errors[0]) if errors else "", part_label(grade_id, heading)))
    return results


def folder_files(folder: Path, limit_bytes: int = MAX_COPY_BYTES) -> dict[str, bytes]:
    """The files beside a notebook (its data), as the sandboxed kernel's private copy; notebooks left out."""
    files, total = {}, 0
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or path.suffix == ".ipynb" or any(p.startswith(".") for p in relative.parts):
            continue
        total += path.stat().st_size
        if total > limit_bytes:
            break
        files[relative.as_posix()] = path.read_bytes()
    return files


def can_fork_kernels() -> bool:
    """Forked, sandboxed kernels need POSIX fork and Linux's pidfd (not Windows, not macOS)."""
    return hasattr(os, "fork") and hasattr(os, "pidfd_open")


def run_self_check(notebook_path: str | Path, timeout: int = CHECK_TIMEOUT) -> list[PartResult]:
    """Execute the saved notebook's code with visible tests only; return one result per graded part.

    Where the machine can, the code runs in the grading sandbox on a private copy of the notebook's
    folder; elsewhere (Windows) in a plain kernel with whatever limits the platform offers.
    """
    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    from autograder.notebook.kernel import LimitedKernelManager

    path = Path(notebook_path)
    nb = visible_tests_notebook(nbformat.read(path, as_version=4))
    options = {"timeout": timeout, "allow_errors": True, "kernel_name": "python3",
               "resources": {"metadata": {"path": str(path.parent.resolve())}}}
    if not can_fork_kernels():
        NotebookClient(nb, kernel_manager_class=LimitedKernelManager, **options).execute()
        return results_from_executed(nb)
    from autograder.notebook.forked import ForkedKernelManager, KernelFactory

    with KernelFactory(preload=()) as factory:
        config = Config(factory.kernel_config(folder_files(path.parent)))
        NotebookClient(nb, kernel_manager_class=ForkedKernelManager, config=config, **options).execute()
    return results_from_executed(nb)


def format_results(results: list[PartResult]) -> str:
    """Plain-text lines in Vietnamese, one per part, then a count."""
    if not results:
        return "Không tìm thấy bài kiểm tra nào trong notebook này."
    lines = [f"{'✔ Đạt' if r.passed else '✘ Chưa đạt'} — {r.name} ({r.points:g} điểm)"
             + ("" if r.passed else f": {r.message}") for r in results]
    passed = sum(r.passed for r in results)
    lines.append(f"Đạt {passed}/{len(results)} phần (chỉ tính bài kiểm tra công khai; bài kiểm tra ẩn và câu "
                 "giảng viên chấm tay không kiểm tra được ở đây).")
    return "\n".join(lines)


def _results_html(results: list[PartResult]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(r.name)}</td><td>{r.points:g}</td>"
        f"<td style='color:{'#1b7f3b' if r.passed else '#b3261e'}'><b>{'Đạt' if r.passed else 'Chưa đạt'}</b></td>"
        f"<td>{html.escape(r.message)}</td></tr>" for r in results)
    passed = sum(r.passed for r in results)
    return ("<table><tr><th>Phần</th><th>Điểm</th><th>Kết quả</th><th>Cần sửa</th></tr>"
            f"{rows}</table><p>Đạt {passed}/{len(results)} phần. Bài kiểm tra ẩn và câu giảng viên chấm tay "
            "không kiểm tra được ở đây.</p>")


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
            record_result(path, results)
        except Exception as error:  # show a message, never a traceback, to the learner
            output.value = f"<b>Không chạy được phần tự kiểm tra:</b> {html.escape(str(error)[:300])}"
        finally:
            button.disabled = False

    button.on_click(on_click)
    return widgets.VBox([help_box, button, output, submit_widget(notebook_filename)])

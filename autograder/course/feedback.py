"""``course feedback``: one Vietnamese HTML page per learner and module, without hidden test code.

nbgrader's own ``generate_feedback`` renders the autograded notebook, whose test cells hold the
hidden tests restored from the gradebook — so learners would see them. We render with nbconvert and
our ``StripHiddenTests`` preprocessor instead, after a Vietnamese summary cell.
"""

from __future__ import annotations

import html
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbformat.v4 import new_markdown_cell
from nbgrader.api import Gradebook, MissingEntry

from autograder.course.preprocessors import StripHiddenTests
from autograder.course.settings import CourseSettings, db_url
from autograder.course.status import GRADED, MISSING, read_status
from autograder.course.workspace import autograded_dir, load_roster, status_path


def summary_markdown(name: str, module: str, status: str, reason: str, parts: list[tuple[str, float, float]],
                     score: float, max_score: float) -> str:
    """The Vietnamese header of a feedback page."""
    lines = [f"# Phản hồi bài làm: {module}", f"**Học viên:** {html.escape(name)}", ""]
    if status != GRADED and not parts:
        lines.append(f"**Bài chưa chấm được:** {html.escape(reason)}. Hãy sửa và nộp lại.")
        return "\n".join(lines)
    lines += [f"**Điểm hiện có:** {score:g} / {max_score:g} (phần tự luận do giảng viên chấm sau).", "",
              "| Phần | Điểm | Kết quả |", "|---|---|---|"]
    for part, got, most in parts:
        lines.append(f"| {part} | {got:g} / {most:g} | {'Đạt' if got >= most else 'Chưa đạt'} |")
    if reason:
        lines += ["", f"Ghi chú: {html.escape(reason)}."]
    lines += ["", "Bên dưới là bài làm đã chấm; ô nào báo lỗi là phần cần xem lại."]
    return "\n".join(lines)


def render_feedback(notebook: nbformat.NotebookNode, header: str, title: str) -> str:
    """HTML for one graded notebook, hidden tests removed, header first."""
    notebook = nbformat.from_dict(notebook)
    notebook.cells.insert(0, new_markdown_cell(header))
    exporter = HTMLExporter()
    exporter.register_preprocessor(StripHiddenTests(), enabled=True)
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return body


def write_feedback(course_dir: Path) -> list[Path]:
    """feedback_html/<learner>/<module>.html for every submission that has a status."""
    course_dir = Path(course_dir)
    settings = CourseSettings.load(course_dir)
    names = {learner.id: f"{learner.ho_ten} ({learner.id})" for learner in load_roster(course_dir)}
    path = status_path(course_dir)
    rows = read_status(path) if path.exists() else []
    written = []
    with Gradebook(db_url(course_dir), settings.course_id) as gb:
        for row in rows:
            if row.status == MISSING:
                continue
            parts: list[tuple[str, float, float]] = []
            # Executed notebooks exist for graded work and for work that failed part-way (its points kept).
            graded = sorted(autograded_dir(course_dir, row.learner, row.module).glob("*.ipynb"))
            try:
                submission = gb.find_submission(row.module, row.learner) if graded else None
                parts = [(g.name, g.auto_score or 0, g.max_score) for nb in submission.notebooks for g in nb.grades
                         if g.cell.cell_type == "code" and g.auto_score is not None] if submission else []
            except MissingEntry:
                pass
            header = summary_markdown(names.get(row.learner, row.learner), row.module, row.status, row.reason,
                                      parts, row.score, row.max_score)
            notebook = nbformat.read(graded[0], as_version=4) if graded else nbformat.v4.new_notebook()
            for extra in graded[1:]:
                notebook.cells += nbformat.read(extra, as_version=4).cells
            target = course_dir / "feedback_html" / row.learner / f"{row.module}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_feedback(notebook, header, f"Phản hồi {row.module}"), encoding="utf-8")
            written.append(target)
    return written

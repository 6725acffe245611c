"""Two nbgrader preprocessors that finish the learner's copy of an exercise.

Appended to nbgrader's configurable ``GenerateAssignment.preprocessors`` list (see
``learner_preprocessors``): ``RemoveTrainerNotes`` drops the trainer's marking guide cells ("Hướng dẫn
chấm …"); ``AddSelfCheckOnTop`` copies the exercise's own self-check cell to the top so a learner can
check the parts answered so far without running every cell first. A trainer's ``course release`` can use
the same list, so the copies a learner gets from a workshop and from ``ailab lab`` are the same.
"""

from __future__ import annotations

import re

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from ailab.text import nfc

_TRAINER_NOTE = re.compile(r"^\W*(hướng dẫn chấm|đáp án|ghi chú cho giảng viên)", re.IGNORECASE)
_TRAINER_ID = re.compile(r"(huong[-_]dan[-_]cham|rubric|dap[-_]an|giang[-_]vien)", re.IGNORECASE)
SELF_CHECK_INTRO = (
    "**Tự kiểm tra bất cứ lúc nào.** Lưu bài (Ctrl+S), rồi chạy ô dưới đây (bấm ▶ hoặc Shift+Enter) và bấm "
    "nút. Máy chỉ kiểm tra những câu bạn đã làm, bằng các bài kiểm tra công khai; câu chưa làm được ghi là "
    "chưa làm. Máy **không** kiểm tra được các bài kiểm tra ẩn và phần giảng viên chấm theo hướng dẫn chấm: "
    "điểm chính thức do giảng viên chấm sau khi bạn nộp bài."
)


class RemoveTrainerNotes(NbGraderPreprocessor):
    """Drop cells meant for the trainer only: marking guides and answer notes (not graded, not answers)."""

    def preprocess(self, nb, resources):
        nb.cells = [cell for cell in nb.cells if not is_trainer_note(cell)]
        return nb, resources


class AddSelfCheckOnTop(NbGraderPreprocessor):
    """Put a copy of the exercise's self-check cell (and a one-paragraph explanation) after the title."""

    marker = Unicode("self_check_button", help="text that identifies the self-check cell").tag(config=True)

    def preprocess(self, nb, resources):
        checks = [c for c in nb.cells if c.cell_type == "code" and self.marker in c.source]
        if not checks or (nb.cells and nb.cells[0] is checks[0]):
            return nb, resources
        position = 1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0
        intro = nbformat.v4.new_markdown_cell(SELF_CHECK_INTRO, metadata={"ailab": {"tu_kiem_tra": "dau_bai"}})
        button = nbformat.v4.new_code_cell(checks[0].source, metadata={"ailab": {"tu_kiem_tra": "dau_bai"}})
        intro.id, button.id = "ailab-tu-kiem-tra-huong-dan", "ailab-tu-kiem-tra-nut"
        nb.cells[position:position] = [intro, button]
        return nb, resources


def is_trainer_note(cell) -> bool:
    """True for a cell that only a trainer should read (a marking guide, an answer note)."""
    meta = cell.get("metadata", {}).get("nbgrader", {}) or {}
    if meta.get("grade") or meta.get("solution"):
        return False
    source = cell.get("source", "")
    text = nfc("".join(source) if isinstance(source, list) else source).lstrip()
    return bool(_TRAINER_NOTE.match(text)) or bool(_TRAINER_ID.search(str(meta.get("grade_id", ""))))


def learner_preprocessors() -> list:
    """nbgrader's GenerateAssignment pipeline followed by the two learner-copy steps.

    SaveCells is left out: it only records cells in a gradebook, which a learner's copy does not have
    (nbgrader's own ``generate_assignment --no-db``).
    """
    from nbgrader.converters import GenerateAssignment
    from nbgrader.preprocessors import SaveCells

    steps = GenerateAssignment.class_traits()["preprocessors"].default()
    return [*(step for step in steps if step is not SaveCells), RemoveTrainerNotes, AddSelfCheckOnTop]

"""The "Tiến bộ" sheet of the class report: each learner's and the class's gain between the pre- and post-test.

The gain is computed by the workshop kit (``autograder.kit.pretest.gain``); this module only adds it to the
report workbook that ``ailab course report --truoc FILE --sau FILE`` writes.
"""

from __future__ import annotations

from pathlib import Path

from autograder.course.errors import CourseError
from autograder.kit.pretest import FORMS, AnswerError, gain, load_forms, read_answers

SHEET = "Tiến bộ"


def add_gain_sheet(workbook_path: Path, before_path: Path, after_path: Path) -> Path:
    """Append the "Tiến bộ" sheet to the saved workbook; a bad answer file is a Vietnamese CourseError."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    try:
        result = gain(read_answers(Path(before_path)), read_answers(Path(after_path)))
    except AnswerError as error:
        raise CourseError(f"Không tính được tiến bộ: {error}") from None
    names = {q.competency: q.name for q in load_forms()[FORMS[0]]}
    book = load_workbook(workbook_path)
    if SHEET in book.sheetnames:
        del book[SHEET]
    sheet = book.create_sheet(SHEET)
    sheet.append(["Mã học viên", "Đúng trước (/10)", "Đúng sau (/10)", "Tiến bộ (số câu)"])
    for learner, (before, after) in result.learners.items():
        sheet.append([learner, before, after, after - before])
    sheet.append([])
    sheet.append(["Năng lực", "Tỷ lệ đúng trước", "Tỷ lệ đúng sau", "Tiến bộ (điểm phần trăm)"])
    for competency, (before, after) in result.competencies.items():
        sheet.append([names[competency], round(before, 3), round(after, 3), result.competency_gain(competency)])
        for column in (2, 3):
            sheet.cell(sheet.max_row, column).number_format = "0%"
    if result.missing:
        sheet.append([])
        sheet.append(["Chỉ làm một lần, không tính: " + ", ".join(result.missing)])
    for row in (1, len(result.learners) + 3):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    book.save(workbook_path)
    return workbook_path

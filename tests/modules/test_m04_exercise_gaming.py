"""Exercise 04 graded as nbgrader would: the Python path and the spreadsheet path earn full marks, gaming
submissions at most 30% of the parts they touch, the blank copy zero.

The runner plays the trainer's notebook top to bottom (hidden tests included): each solution region is replaced
by the submission's code for that cell (or by ``raise NotImplementedError()``, as in the released copy), each
"Cách B" cell by the submission's spreadsheet code, and each graded cell scores its last expression when that is a
number (nbgrader's partial credit), its points when it runs clean, and 0 when it raises.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from nbgrader_cells import play_notebook  # noqa: E402

EXERCISE = Path(__file__).resolve().parents[2] / "exercises" / "04_phan_tich_so_lieu"
NOTEBOOK = EXERCISE / "04_phan_tich_so_lieu.ipynb"
STUB = "raise NotImplementedError()"
SOLUTION = re.compile(r"### BEGIN SOLUTION\n.*?### END SOLUTION\n?", re.S)


def _cells() -> list[dict]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def grade(answers: dict[str, str]) -> dict[str, float]:
    """Scores by grade id; ``answers`` maps a solution cell's grade id, or "cach-b-N", to the code written there."""
    try:
        return play_notebook(_cells(), EXERCISE, answers, lambda meta, source, answers: SOLUTION.sub(
            lambda _: answers.get(meta["grade_id"], STUB) + "\n", source))
    finally:
        plt.close("all")


def _points(parts) -> float:
    return sum(c["metadata"]["nbgrader"]["points"] for c in _cells()
               if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") in parts)


def _solution_code() -> dict[str, str]:
    code = {}
    for cell in _cells():
        meta = cell.get("metadata", {}).get("nbgrader", {})
        match = SOLUTION.search("".join(cell["source"]))
        if meta.get("solution") and cell["cell_type"] == "code" and match:
            code[meta["grade_id"]] = match.group(0).split("\n", 1)[1].rsplit("### END SOLUTION", 1)[0]
    return code


AUTO_PARTS = ("m04-cau-1", "m04-cau-2", "m04-cau-3a", "m04-cau-3b", "m04-cau-4", "m04-cau-5a", "m04-cau-5b")
NARRATIVE_PARTS = ("m04-cau-5a", "m04-cau-5b")
LABELS = 'ax.set_title("Tỷ lệ nộp trực tuyến")\nax.set_xlabel("Tháng nhận hồ sơ")\nax.set_ylabel("Phần trăm (%)")'
SPREADSHEET = {
    "cach-b-1": "so_ho_so = 1386",
    "cach-b-2": "ty_le_dung_han = 98.26",
    "cach-b-3": 'theo_thang = read_pasted_table("""thang\ttt\n7\t66,37\n8\t72,81\n9\t69,40\n10\t78,84\n'
                '11\t84,48\n12\t83,61\n""")\ntheo_linh_vuc = read_pasted_table("""Chứng thực\t75,74\n'
                'Hộ tịch\t77,99\nNuôi con nuôi\t40\n""")',
}
HONEST_NARRATIVES = [
    "Tỷ lệ hồ sơ nộp trực tuyến nhìn chung tăng: tháng 7 mới đạt 66,4%, tháng 10 là 78,8% và tháng 11 là 84,5%; "
    "riêng tháng 9 giảm nhẹ còn 69,4%. Hồ sơ nuôi con nuôi nộp trực tuyến thấp hơn hẳn, chỉ 40%. Trong 1.386 hồ sơ, "
    "tỷ lệ giải quyết đúng hạn là 98,26%.",
    "Kính báo cáo lãnh đạo: sau 6 tháng, người dân nộp trực tuyến nhiều hơn, từ 66% vào tháng 7 lên 84% vào "
    "tháng 12. Lĩnh vực chứng thực đạt 75,7% hồ sơ trực tuyến. Tỷ lệ trả kết quả đúng hạn đạt 98,3%.",
]


def _narrative(text: str) -> dict:
    return {**_solution_code(), "m04-cau-5-tra-loi": f'nhan_xet = """{text}"""'}


def test_blank_copy_scores_zero():
    assert sum(grade({}).values()) == 0


def test_python_path_scores_full_marks():
    scores = grade(_solution_code())
    assert sum(scores[p] for p in AUTO_PARTS) == _points(AUTO_PARTS)


def test_spreadsheet_path_scores_full_marks():
    code = _solution_code()
    answers = {**SPREADSHEET, "m04-cau-4-tra-loi": code["m04-cau-4-tra-loi"],
               "m04-cau-5-tra-loi": code["m04-cau-5-tra-loi"]}
    scores = grade(answers)
    assert sum(scores[p] for p in AUTO_PARTS) == _points(AUTO_PARTS)


@pytest.mark.parametrize("text", HONEST_NARRATIVES, ids=["xu-huong-chi-tiet", "loi-bao-cao"])
def test_honest_narratives_in_other_words_score_full_marks(text):
    scores = grade(_narrative(text))
    assert sum(scores[p] for p in NARRATIVE_PARTS) == _points(NARRATIVE_PARTS)


def test_other_labels_in_the_learners_words_score_full_marks():
    scores = grade({**_solution_code(), "m04-cau-4-tra-loi": LABELS})
    assert scores["m04-cau-4"] == _points(["m04-cau-4"])


GAMING_NARRATIVES = {
    "nguoc-xu-huong": "Tỷ lệ nộp trực tuyến giảm từ 84,5% trong tháng 7 xuống 66,4% trong tháng 12. Trung tâm tiếp "
                      "nhận 1.386 hồ sơ, 98,3% hồ sơ đúng hạn.",
    "doi-cho-thang": "Tỷ lệ nộp trực tuyến tăng: tháng 7 đạt 84,5%, tháng 11 đạt 66,4%, tháng 12 đạt 72,8%, "
                     "tháng 8 đạt 83,6%. Hộ tịch đạt 75,7%, chứng thực đạt 78,0%.",
    "day-so": "Trực tuyến tăng. Hồ sơ, đúng hạn, tháng 7, tháng 8, tháng 9, tháng 10, tháng 11, tháng 12, hộ tịch, "
              "chứng thực: 1.386, 98,3%, 66,4%, 72,8%, 69,4%, 78,8%, 84,5%, 83,6%, 78,0%, 75,7%.",
    "ai-bia-so": "Tỷ lệ hồ sơ nộp trực tuyến tăng từ 66,4% (tháng 7) lên 83,6% (tháng 12), cao hơn mức 90% của cả "
                 "tỉnh và vượt chỉ tiêu 95%. Trung tâm đạt 100% hồ sơ đúng hạn.",
    "chep-de-bai": "ít nhất 3 con số bạn đã tính (số hồ sơ, tỷ lệ đúng hạn, tỷ lệ của một tháng, một lĩnh vực), "
                   "mỗi số đặt ngay cạnh chỉ tiêu của nó, theo mẫu «tháng … đạt …%»; nói đúng xu hướng tăng hay giảm.",
}


@pytest.mark.parametrize("name", GAMING_NARRATIVES)
def test_gaming_narratives_score_at_most_30_percent(name):
    scores = grade(_narrative(GAMING_NARRATIVES[name]))
    assert sum(scores[p] for p in NARRATIVE_PARTS) <= 0.3 * _points(NARRATIVE_PARTS)


@pytest.mark.parametrize("guess", ["100", "98", "95.0", "0.98"])
def test_guessed_rates_score_nothing(guess):
    scores = grade({**_solution_code(), "m04-cau-2-tra-loi": STUB, "cach-b-2": f"ty_le_dung_han = {guess}"})
    assert scores["m04-cau-2"] == 0


@pytest.mark.parametrize("constant", [76.0, 75.0, 80.0])
def test_one_rate_for_every_group_scores_at_most_30_percent(constant):
    answers = {**_solution_code(), "m04-cau-3-tra-loi": (
        f"theo_thang = {{m: {constant} for m in range(7, 13)}}\n"
        f"theo_linh_vuc = {{'Hộ tịch': {constant}, 'Chứng thực': {constant}, 'Nuôi con nuôi': {constant}}}")}
    scores = grade(answers)
    parts = ("m04-cau-3a", "m04-cau-3b", "m04-cau-4")
    assert sum(scores[p] for p in parts) <= 0.3 * _points(parts)


def test_uncleaned_data_loses_the_count_and_the_rates():
    answers = {**_solution_code(), "m04-cau-1-tra-loi": 'COT_MA = "linh_vuc"'}
    scores = grade(answers)
    assert scores["m04-cau-1"] == 0


def test_the_released_copy_reveals_no_answer():
    released = []
    for cell in _cells():
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution") and cell["cell_type"] == "markdown":
            continue  # nbgrader replaces a manually graded answer with "YOUR ANSWER HERE"
        source = re.sub(r"### BEGIN (SOLUTION|HIDDEN TESTS).*?### END \1", "", "".join(cell["source"]), flags=re.S)
        released.append(source)
    text = "\n".join(released)
    for figure in ("1386", "1.386", "98,3", "98.3", "66,4", "84,5", "78,0", "75,7"):
        assert figure not in text, figure

"""Exercise 03 graded as nbgrader would: honest answers full marks, gaming answers at most 30% of their parts.

Each graded cell of the trainer's notebook (hidden tests included) runs against a submission; a cell scores
its last expression when that is a number (nbgrader's partial credit), its points when it runs clean, and 0
when it raises.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
from pathlib import Path

import pytest

EXERCISE = Path(__file__).resolve().parents[2] / "exercises" / "03_tom_tat_bao_cao"
NOTEBOOK = EXERCISE / "03_tom_tat_bao_cao.ipynb"
SUMMARY_PARTS = ("m03-cau-2a", "m03-cau-2b", "m03-cau-2c")


def _cells() -> list[dict]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def _run_cell(source: str, namespace: dict):
    """Run a cell like a notebook: the value of its last expression is returned."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    if last is not None:
        return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
    return None


def grade(answers: dict) -> dict[str, float]:
    """Scores by grade id for a submission given as {variable: value} (None: the part left undone)."""
    here = os.getcwd()
    os.chdir(EXERCISE)
    scores: dict[str, float] = {}
    try:
        namespace: dict = {}
        for cell in _cells():
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            if meta.get("solution"):
                source = source.split("### BEGIN SOLUTION")[0]
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(source, namespace)
                namespace.update({k: v for k, v in answers.items() if v is not None})
                continue
            if not meta.get("grade"):
                if meta.get("grade_id") == "m03-setup":
                    with contextlib.redirect_stdout(io.StringIO()):
                        exec(source, namespace)
                continue
            source = source.replace("### BEGIN HIDDEN TESTS", "").replace("### END HIDDEN TESTS", "")
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    value = _run_cell(source, namespace)
                points = float(meta["points"])
                scores[meta["grade_id"]] = float(value) if isinstance(value, (int, float)) else points
            except Exception:  # noqa: BLE001 - any failure of a test cell is 0 points, as in nbgrader
                scores[meta["grade_id"]] = 0.0
    finally:
        os.chdir(here)
    return scores


def _points(parts) -> float:
    points = {c["metadata"]["nbgrader"]["grade_id"]: c["metadata"]["nbgrader"].get("points", 0)
              for c in _cells() if c.get("metadata", {}).get("nbgrader", {}).get("grade")}
    return sum(points[p] for p in parts)


TABLE = ["2.997", "71,3%", "99,4%", "76%", "1,88%", "92,7%"]
HONEST_SUMMARIES = [
    # The model answer's style: report order, figures as written.
    "Sáu tháng đầu năm 2026, kinh tế – xã hội xã Vân Khê Thượng ổn định. Vụ Đông Xuân, sản lượng lúa ước đạt "
    "2.065,8 tấn. Tổng thu ngân sách ước đạt 11,94 tỷ đồng, bằng 76% dự toán. Tỷ lệ tham gia bảo hiểm y tế đạt "
    "92,7%, chưa đạt mục tiêu. Xã giải quyết việc làm cho 360 lao động; tỷ lệ hộ nghèo còn 1,88%. Trung tâm Phục vụ "
    "hành chính công xã tiếp nhận 2.997 hồ sơ, 71,3% nộp trực tuyến; 99,4% hồ sơ được giải quyết đúng hạn và trước "
    "hạn, còn 17 hồ sơ trễ hạn.",
    # A speech: other order, rounded figures, synonyms.
    "Kính thưa các đồng chí, nửa đầu năm nay xã ta đạt nhiều kết quả. Về thủ tục hành chính, Trung tâm đã nhận "
    "2.997 hồ sơ với tỷ lệ nộp trực tuyến 71,3% và 99,4% hồ sơ được trả đúng hẹn. Thu ngân sách bằng 76% dự toán. "
    "BHYT bao phủ 92,7% dân số nhưng vẫn dưới mục tiêu 95%. Hộ nghèo giảm còn 85 hộ, chiếm 1,88%. Sản lượng lúa "
    "khoảng 2.066 tấn; 360 lao động có việc làm mới. Tồn tại lớn nhất: 17 hồ sơ trễ hạn và thu tiền sử dụng đất "
    "đạt thấp, đề nghị các bộ phận khắc phục trong 6 tháng cuối năm.",
    # Figures first, terse bullet style.
    "Kết quả 6 tháng đầu năm 2026 của xã:\n- 99,4% hồ sơ thủ tục hành chính giải quyết đúng hạn và trước hạn;\n"
    "- thu ngân sách mới được 76% so với dự toán;\n- tỷ lệ nghèo 1,88%;\n- người dân có thẻ BHYT chiếm 92,7%, "
    "chưa đạt mục tiêu 95%;\n- 360 người lao động được tạo việc làm;\n- lúa đạt 2.065,8 tấn.\nHạn chế: vẫn còn "
    "17 hồ sơ trễ hạn, người cao tuổi còn lúng túng khi nộp hồ sơ trực tuyến, cần hướng dẫn thêm.",
]


def _submission(**overrides) -> dict:
    answers = {"bang_so_lieu": None, "tom_tat": None, "cau_sai_so_lieu": None, "cau_bia_dat": None}
    answers.update(overrides)
    return answers


def _table(values):
    import pandas as pd

    from autograder.modules.m03_tom_tat_bao_cao import INDICATORS_03, TABLE_ROWS_03

    labels = [label for key, label, _ in INDICATORS_03 if key in TABLE_ROWS_03]
    return pd.DataFrame({"chi_tieu": labels, "so_lieu": values})


@pytest.fixture(scope="module")
def blank_scores():
    return grade(_submission())


def test_blank_copy_scores_zero(blank_scores):
    assert sum(blank_scores.values()) == 0


def test_model_answers_score_full_marks():
    scores = grade(_submission(bang_so_lieu=_table(TABLE), tom_tat=HONEST_SUMMARIES[0],
                               cau_sai_so_lieu=[2, 5, 6], cau_bia_dat=[4, 8]))
    assert sum(scores.values()) == _points(scores)


@pytest.mark.parametrize("summary", HONEST_SUMMARIES[1:], ids=["bai-phat-bieu", "gach-dau-dong"])
def test_honest_summaries_in_other_words_score_full_marks(summary):
    scores = grade(_submission(tom_tat=summary))
    assert sum(scores[p] for p in SUMMARY_PARTS) == _points(SUMMARY_PARTS)


GAMING_SUMMARIES = {
    # Every figure of the report, each beside the wrong indicator, plus an invented claim.
    "so-doi-cho": "Sáu tháng đầu năm 2026, tỷ lệ hộ nghèo là 71,3%. Tỷ lệ tham gia bảo hiểm y tế đạt 1,88%. Thu "
                  "ngân sách bằng 99,4% dự toán. Tỷ lệ hồ sơ trực tuyến 92,7%, tỷ lệ đúng hạn 76%. Xã tiếp nhận 360 "
                  "hồ sơ, giải quyết việc làm cho 2.997 lao động, sản lượng lúa đạt 5.000 tấn. Xã đã được công "
                  "nhận đạt chuẩn xã nông thôn mới nâng cao, không có hồ sơ trễ hạn, mọi chỉ tiêu đều vượt kế hoạch.",
    # Keyword and figure salad: every indicator word, then every figure.
    "tu-khoa": "hồ sơ, trực tuyến, đúng hạn, ngân sách, hộ nghèo, bảo hiểm y tế, lúa, việc làm, tồn tại, hạn "
               "chế, chưa đạt: 2.997, 71,3%, 99,4%, 76%, 1,88%, 92,7%, 2.065,8, 360. " * 2,
    # The prepared AI summary, copied as it is.
    "chep-ban-ai": (EXERCISE / "tom_tat_ai.txt").read_text(encoding="utf-8"),
    # The task's own instructions pasted as the answer.
    "chep-de-bai": "Nêu ít nhất 6 trong 8 chỉ tiêu chính: sản lượng lúa, thu ngân sách so với dự toán, tỷ lệ tham "
                   "gia bảo hiểm y tế, số lao động được giải quyết việc làm, tỷ lệ hộ nghèo, số hồ sơ thủ tục hành "
                   "chính tiếp nhận, tỷ lệ nộp trực tuyến, tỷ lệ giải quyết đúng hạn, mỗi con số đặt ngay cạnh tên "
                   "chỉ tiêu của nó; chỉ dùng con số có trong báo cáo; giữ ít nhất một tồn tại, hạn chế, 6 tháng.",
}


@pytest.mark.parametrize("name", GAMING_SUMMARIES)
def test_gaming_summaries_score_at_most_30_percent(name):
    scores = grade(_submission(tom_tat=GAMING_SUMMARIES[name]))
    assert sum(scores[p] for p in SUMMARY_PARTS) <= 0.3 * _points(SUMMARY_PARTS)


@pytest.mark.parametrize("values", [
    ["71,3%", "99,4%", "76%", "1,88%", "92,7%", "2.997"],   # every figure moved one row down
    ["92,7%", "1,88%", "76%", "99,4%", "71,3%", "2.997"],   # reversed order (one lucky row at most)
    ["76%"] * 6,                                             # one figure everywhere
])
def test_gaming_tables_score_at_most_30_percent(values):
    scores = grade(_submission(bang_so_lieu=_table(values)))
    assert scores["m03-cau-1"] <= 0.3 * _points(["m03-cau-1"])


@pytest.mark.parametrize("picks", [list(range(1, 10)), [1], [9], [1, 2, 3, 4, 5], [5, 6, 7, 8, 9]])
def test_constant_and_blanket_sentence_picks_score_at_most_30_percent(picks):
    scores = grade(_submission(cau_sai_so_lieu=picks, cau_bia_dat=picks))
    assert scores["m03-cau-3a"] + scores["m03-cau-3b"] <= 0.3 * _points(["m03-cau-3a", "m03-cau-3b"])


def test_the_number_tool_alone_earns_only_part_of_the_wrong_figures_point():
    scores = grade(_submission(cau_sai_so_lieu=[2, 6]))
    assert 0 < scores["m03-cau-3a"] < 1


def test_the_released_copy_reveals_no_answer():
    import re

    released = []
    for cell in _cells():
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = "".join(cell["source"])
        if meta.get("solution") and cell["cell_type"] == "markdown":
            continue  # nbgrader replaces a manually graded answer with "YOUR ANSWER HERE"
        source = re.sub(r"### BEGIN (SOLUTION|HIDDEN TESTS).*?### END \1", "", source, flags=re.S)
        released.append(source)
    text = "\n".join(released)
    for figure in ("2.997", "71,3", "99,4", "76%", "1,88", "92,7", "2.065,8", "[2, 5, 6]", "[4, 8]"):
        assert figure not in text, figure


"""Exercise 19 graded as nbgrader grades it: each grade cell (visible + hidden tests) run on an answer.

The solution earns full marks, the blank copy nothing, gaming answers (the whole class listed, the part with the
fewest full marks, keyword salads, a plan for another part, every agenda row, the case pasted as it is) at most
30% of the parts they touch, and several honest answers written differently full marks.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "exercises" / "19_giang_vien_nguon"
NOTEBOOK = FOLDER / "19_giang_vien_nguon.ipynb"
MARKERS = re.compile(r"^\s*### (?:BEGIN|END) (?:SOLUTION|HIDDEN TESTS)\s*$", re.M)
POINTS = {"m19-cau-1a": 1, "m19-cau-1b": 1.5, "m19-cau-2": 2, "m19-cau-3": 2, "m19-cau-4": 1.5}


def _cells() -> list[dict]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def _source(cell) -> str:
    return "".join(cell["source"])


def _blank(text: str) -> str:
    return text.split("### BEGIN SOLUTION")[0]


def _solution(text: str) -> str:
    return MARKERS.sub("", text)


def grade(overrides: dict | None = None, blank: bool = False) -> dict[str, float]:
    """Points of each auto-graded part; ``overrides`` replace answer variables after the answer cells run."""
    namespace: dict = {}
    scores = {}
    cwd = os.getcwd()
    os.chdir(FOLDER)
    try:
        for cell in _cells():
            meta = cell["metadata"]["nbgrader"]
            text = _source(cell)
            if cell["cell_type"] != "code" or "self_check_button" in text:
                continue
            if meta.get("solution"):
                exec(_blank(text) if blank else _solution(text), namespace)
                namespace.update(overrides or {})
                continue
            if not meta.get("grade"):
                exec(text, namespace)
                continue
            try:
                exec(_solution(text), namespace)
                scores[meta["grade_id"]] = float(namespace["ket_qua"].score)
            except (AssertionError, NameError, TypeError):
                scores[meta["grade_id"]] = 0.0
    finally:
        os.chdir(cwd)
    return scores


def share(scores: dict[str, float], *parts: str) -> float:
    return sum(scores[p] for p in parts) / sum(POINTS[p] for p in parts)


def test_solution_earns_every_automatic_point():
    assert grade() == POINTS


def test_blank_copy_earns_nothing():
    assert sum(grade(blank=True).values()) == 0


def test_keys_in_hidden_tests_match_the_generator():
    key = json.loads((ROOT / "datasets" / "19_giang_vien_nguon" / "dap_an.json").read_text(encoding="utf-8"))
    hidden = "\n".join(_source(c) for c in _cells())
    assert f'"{key["phan_yeu_nhat"]}", phan_tich' in hidden
    assert json.dumps(key["hoc_vien_nguy_co"], ensure_ascii=False) in hidden
    assert key["bay_it_bai_dat_nhat"] != key["phan_yeu_nhat"], "the trap: fewest full marks is not the lowest rate"


def test_no_key_in_a_visible_cell():
    key = json.loads((ROOT / "datasets" / "19_giang_vien_nguon" / "dap_an.json").read_text(encoding="utf-8"))
    for cell in _cells():
        visible = _source(cell).split("### BEGIN HIDDEN TESTS")[0].split("### BEGIN SOLUTION")[0]
        assert key["phan_yeu_nhat"] not in visible
        assert "K11" not in visible


# ---- Câu 1 --------------------------------------------------------------------------------------------

CLASS = [f"HV{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize("answer", [
    {"hoc_vien_nguy_co": CLASS},
    {"hoc_vien_nguy_co": ["HV01"]},
    {"hoc_vien_nguy_co": CLASS[::2]},
])
def test_listing_the_class_or_guessing_earns_little(answer):
    assert share(grade(answer), "m19-cau-1b") <= 0.3


@pytest.mark.parametrize("weakest", ["m05-cau-2", "m02-cau-4-kiem-tra", "m01-cau-1"])
def test_the_part_with_fewest_full_marks_is_not_the_weakest(weakest):
    assert grade({"phan_yeu_nhat": weakest})["m19-cau-1a"] == 0


def test_at_risk_learners_in_any_order_earn_full():
    answer = ["HV20", "HV18", "HV16", "HV13", "HV12", "HV09", "HV07", "HV04", "HV03"]
    assert grade({"hoc_vien_nguy_co": answer})["m19-cau-1b"] == 1.5


def test_forgetting_failed_and_missing_submissions_earns_part():
    scores = grade({"hoc_vien_nguy_co": ["HV03", "HV12", "HV20"]})
    assert 0 < scores["m19-cau-1b"] < 1.5


# ---- Câu 2 --------------------------------------------------------------------------------------------

HONEST_PLANS = [
    {"phan": "m01-cau-4",
     "ky_nang": "Biết kiểm tra từng câu AI viết với văn bản gốc để thấy câu nào là bịa.",
     "vi_du_moi": "Em đưa ra thông báo lịch tiêm chủng của trạm y tế và đoạn Gemini viết lại thông báo đó; Gemini ghi "
                  "sai ngày tiêm và thêm một điểm tiêm không có trong thông báo.",
     "kiem_tra": "Cả lớp đọc một đoạn AI viết về lịch thu gom rác, giơ tay ở câu bịa và chỉ ra câu đối chiếu trong "
                 "văn bản gốc.",
     "phut": 15},
    {"phan": "m01-cau-4",
     "ky_nang": "Học viên phải phát hiện được những câu trả lời của trợ lý AI không có trong nguồn được cung cấp.",
     "vi_du_moi": "Tôi dùng báo cáo sơ kết vụ lúa của xã, nhờ trợ lý ngoại tuyến tóm tắt, rồi chỉ cho lớp thấy câu "
                  "nói sản lượng tăng 15% là sai vì báo cáo chỉ ghi 5%.",
     "kiem_tra": "Từng người viết ra giấy số thứ tự các câu bịa trong một bản tóm tắt khác và giải thích vì sao câu "
                 "đó không có trong nguồn.",
     "phut": 25},
    {"phan": "m01-cau-4",
     "ky_nang": "Đối chiếu câu trả lời của AI với tài liệu để không chép nhầm thông tin bịa vào văn bản của xã.",
     "vi_du_moi": "Chiếu câu trả lời ChatGPT về quyết định khen thưởng gia đình văn hóa, trong đó AI tự thêm mức "
                  "thưởng và số hộ khác với quyết định gốc.",
     "kiem_tra": "Mỗi nhóm nhận một câu trả lời của AI, khoanh các câu bịa và trả lời: câu nào trong quyết định gốc "
                 "cho thấy điều đó?",
     "phut": 10},
]


@pytest.mark.parametrize("plan", HONEST_PLANS)
def test_honest_plans_written_differently_earn_full(plan):
    assert grade({"ke_hoach": plan})["m19-cau-2"] == 2


SALAD = "bịa đối chiếu nguồn AI câu trả lời văn bản sai kiểm tra học viên chatgpt báo cáo"
GAMING_PLANS = [
    {"phan": "m01-cau-4", "ky_nang": SALAD, "vi_du_moi": SALAD, "kiem_tra": SALAD, "phut": 20},
    {"phan": "m01-cau-4", "ky_nang": "Tìm câu AI bịa trong câu trả lời B",
     "vi_du_moi": "Tìm câu AI bịa trong câu trả lời B", "kiem_tra": "Tìm câu AI bịa trong câu trả lời B", "phut": 20},
    {**HONEST_PLANS[0], "phan": "m05-cau-2"},
    {"phan": "m01-cau-4", "ky_nang": "Học viên cần làm được việc này ở phần này.",
     "vi_du_moi": "Một ví dụ mới, cụ thể, khác ví dụ trong bài tập của học viên, để học viên thấy được điều cần thấy.",
     "kiem_tra": "Học viên làm một việc nhỏ để tôi biết họ đã hiểu bài.", "phut": 20},
    {"phan": "m01-cau-4", **dict.fromkeys(("ky_nang", "vi_du_moi", "kiem_tra"),
                                          "Học viên đối chiếu câu trả lời của AI với văn bản nguồn để tìm câu bịa."),
     "phut": 20},
]


@pytest.mark.parametrize("plan", GAMING_PLANS)
def test_padded_copied_or_misdirected_plans_earn_little(plan):
    assert share(grade({"ke_hoach": plan}), "m19-cau-2") <= 0.3


# ---- Câu 3 --------------------------------------------------------------------------------------------

def agenda(*rows):
    return [(code, minutes, tool) for code, minutes, tool in rows]


HONEST_AGENDAS = [
    agenda(("K1", 10, ""), ("K3", 30, "trợ lý ngoại tuyến"), ("K4", 20, "câu trả lời ghi sẵn"), ("K5", 10, ""),
           ("K6", 25, "câu trả lời ghi sẵn"), ("K13", 15, ""), ("K8", 20, ""), ("K9", 20, ""), ("K10", 15, ""),
           ("K18", 20, ""), ("K11", 15, ""), ("K12", 20, "")),
    agenda(("K1", 15, ""), ("K2", 10, ""), ("K3", 25, "câu trả lời ghi sẵn"), ("K4", 15, "câu trả lời ghi sẵn"),
           ("K8", 15, ""), ("K9", 20, ""), ("K13", 20, ""), ("K5", 10, ""), ("K6", 20, "trợ lý ngoại tuyến"),
           ("K7", 30, ""), ("K11", 15, ""), ("K12", 25, "")),
    agenda(("K1", 10, ""), ("K3", 25, "trợ lý ngoại tuyến"), ("K4", 15, "trợ lý ngoại tuyến"), ("K5", 10, ""),
           ("K6", 20, "trợ lý ngoại tuyến"), ("K8", 15, ""), ("K13", 15, ""), ("K9", 15, ""), ("K16", 45,
           "trợ lý ngoại tuyến"), ("K11", 15, ""), ("K12", 20, "")),
]


@pytest.mark.parametrize("rows", HONEST_AGENDAS)
def test_honest_agendas_that_fit_earn_full(rows):
    assert grade({"lich": rows})["m19-cau-3"] == 2


def _every_row():
    import csv

    with (FOLDER / "cac_muc_lich.csv").open(encoding="utf-8") as handle:
        menu = list(csv.DictReader(handle))
    return [(row["ma"], int(row["phut_toi_thieu"]), "trợ lý ngoại tuyến") for row in menu]


@pytest.mark.parametrize("rows", [
    _every_row(),
    [(code, 1, "trợ lý ngoại tuyến") for code, _, _ in _every_row()],
    [("K13", 240, "")],
    [("K1", 10, ""), ("K14", 30, "ChatGPT trực tiếp"), ("K15", 30, "ChatGPT trực tiếp"), ("K13", 15, ""),
     ("K16", 45, "ChatGPT trực tiếp"), ("K17", 50, "Gemini trực tiếp"), ("K18", 20, "")],
])
def test_every_row_or_an_agenda_that_ignores_the_constraint_earns_little(rows):
    assert share(grade({"lich": rows}), "m19-cau-3") <= 0.3


def test_live_chatgpt_without_internet_loses_points():
    rows = [(code, minutes, "ChatGPT trực tiếp" if tool else "") for code, minutes, tool in HONEST_AGENDAS[0]]
    assert grade({"lich": rows})["m19-cau-3"] < 2


# ---- Câu 4 --------------------------------------------------------------------------------------------

HONEST_PROMPTS = [
    """Bạn là cán bộ văn phòng UBND xã. Một người dân phản ánh đèn đường từ nhà văn hóa thôn Đông ra cầu Máng đã
hỏng ba tuần, có cháu nhỏ bị ngã xe. Hãy viết thư trả lời người dân: cảm ơn, xin lỗi vì chậm trễ, hẹn sửa xong
trước 30/4/2026. Trình bày 3 đoạn, không quá 120 từ, không thêm thông tin khác.""",
    """Đóng vai công chức xã. Soạn văn bản trả lời công dân đã gửi phản ánh về đèn chiếu sáng đoạn đường thôn Đông
bị tắt 3 tuần nay. Nội dung: xã đã ghi nhận, sẽ cử người kiểm tra và thay bóng trước ngày 30 tháng 4. Viết dạng
thư ngắn gồm lời chào, nội dung, lời cảm ơn; tối đa 150 từ.""",
    """Với vai trò công chức Văn phòng HĐND và UBND xã, hãy soạn thư trả lời ông [HỌ TÊN], người phản ánh việc đèn
đường ở thôn Đông không sáng suốt ba tuần. Cho biết xã sẽ khắc phục trước 30/4/2026. Thư gồm 3 đoạn ngắn, lời lẽ
lịch sự, chỉ dùng thông tin tôi đưa, không quá 150 từ.""",
]


@pytest.mark.parametrize("prompt", HONEST_PROMPTS)
def test_honest_safe_prompts_earn_full(prompt):
    assert grade({"cau_lenh_trinh_dien": prompt})["m19-cau-4"] == 1.5


def _case() -> str:
    return (FOLDER / "tinh_huong_trinh_dien.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("prompt", [
    "Bạn là công chức xã. Hãy soạn thư trả lời phản ánh sau, 3 đoạn, không quá 150 từ:\n" + _case(),
    HONEST_PROMPTS[0].replace("Một người dân", "Ông Trần Văn Bình"),
    HONEST_PROMPTS[1] + " Gửi cháu Khang lời hỏi thăm.",
    HONEST_PROMPTS[2].replace("thôn Đông không", "thôn Đông (nhà số nhà 12) không"),
    "đèn thư trả lời người dân hỏng ba tuần sửa thôn đông nhà văn hóa cầu máng 30/4 không quá 150 từ bạn là",
    "Bạn là công chức xã. Hãy soạn thông báo tiêm phòng dại cho chó mèo gửi người dân, không quá 150 từ.",
])
def test_prompts_that_leak_a_person_or_are_not_a_prompt_for_the_job_earn_little(prompt):
    assert share(grade({"cau_lenh_trinh_dien": prompt}), "m19-cau-4") <= 0.3


# ---- The lesson says what its checks show; the checks agree ----------------------------------------------

def _lesson_cell(marker: str) -> str:
    notebook = json.loads((ROOT / "notebooks" / "19_giang_vien_nguon.ipynb").read_text(encoding="utf-8"))
    return next(_source(c) for c in notebook["cells"] if c["cell_type"] == "code" and marker in _source(c))


def test_lesson_demo_check_sees_name_and_phone_but_not_the_address(capsys):
    namespace: dict = {}
    exec(_lesson_cell("cau_lenh_chua_an_toan ="), namespace)
    from autograder.checks.masking import find_personal_data

    unsafe = find_personal_data(namespace["cau_lenh_chua_an_toan"])
    assert {f.kind for f in unsafe} == {"họ tên", "số điện thoại"}
    assert not any("số nhà" in f.text for f in unsafe) and "số nhà 8" in namespace["cau_lenh_chua_an_toan"]
    assert find_personal_data(namespace["cau_lenh_an_toan"]) == []


def test_lesson_class_misses_masking_most_often():
    import sys

    sys.path.insert(0, str(ROOT / "datasets" / "19_giang_vien_nguon"))
    from lop_mo_phong import PROFILES

    cells = ("m05-cau-1-tra-loi", "m05-cau-2-tra-loi", "m05-cau-3-tra-loi")
    wrong = {cell: sum(profile.get(cell) == "sai" for profile in PROFILES.values()) for cell in cells}
    assert max(wrong, key=wrong.get) == "m05-cau-2-tra-loi"

"""Module 07 grading, run the way nbgrader runs it: the exercise's own test cells (hidden tests included)
executed after a submission's answer cells. The solution earns every automatic point, the blank copy none,
gaming submissions at most 30% of the parts they touch, and honest answers written differently full marks."""

from __future__ import annotations

import ast
import csv
import json
import random
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SLUG = "07_phan_anh_kien_nghi"
EXERCISE = ROOT / "exercises" / SLUG
NOTEBOOK = EXERCISE / f"{SLUG}.ipynb"
DATASET = ROOT / "datasets" / SLUG
PARTS = {"m07-cau-1": 3, "m07-cau-2": 1, "m07-cau-3": 1, "m07-cau-4a": 2, "m07-cau-4b": 1}
CODES = [f"PA{i:02d}" for i in range(1, 13)]
BODIES = ["VP", "KT", "VHXH", "TTPVHCC", "CA", "HG"]
SOLUTION_BLOCK = re.compile(r"### BEGIN SOLUTION\n.*?### END SOLUTION\n?", re.S)


def _cells() -> dict[str, str]:
    cells = json.loads(NOTEBOOK.read_text("utf-8"))["cells"]
    return {c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"]) for c in cells}


CELLS = _cells()


def _key() -> dict[str, dict[str, str]]:
    with (DATASET / "dap_an_phan_anh.csv").open(encoding="utf-8") as handle:
        return {row["ma"]: row for row in csv.DictReader(handle)}


KEY = _key()
SOLUTION = {
    "noi_xu_ly": {ma: row["noi_xu_ly"] for ma, row in KEY.items()},
    "muc_do": {ma: row["muc_do"] for ma, row in KEY.items()},
    "dung_duoc": ["a", "e"],
    "kinh_gui": "Bà Đỗ Thị Lan, thôn Tiền Phong",
    "noi_dung": None,  # None: the notebook's own solution text
}


def _run(code: str, namespace: dict):
    """Run a cell like a kernel: the value of a final bare expression is returned (nbgrader's partial credit)."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None


def _answer_cells(submission: dict) -> list[str]:
    cells = [f"noi_xu_ly = {submission['noi_xu_ly']!r}", f"muc_do = {submission['muc_do']!r}",
             f"dung_duoc = {submission['dung_duoc']!r}"]
    reply = CELLS["m07-cau-4-tra-loi"]
    if submission["noi_dung"] is not None:
        filled = f"kinh_gui = {submission['kinh_gui']!r}\nnoi_dung = {submission['noi_dung']!r}\n"
        reply = SOLUTION_BLOCK.sub(lambda _: filled, reply)
    return cells + [reply]


def grade(submission: dict, folder: Path) -> dict[str, float]:
    """Points per auto-graded part, as plain nbgrader would give them."""
    for name in ("phan_anh.csv", "tra_loi_ai.txt"):
        shutil.copy(EXERCISE / name, folder / name)
    namespace: dict = {}
    _run(CELLS["m07-chuan-bi"], namespace)
    _run(CELLS["m07-cau-4-xoa-ban-cu"], namespace)
    for cell in _answer_cells(submission):
        try:
            _run(cell, namespace)
        except Exception:  # noqa: BLE001 — a learner's broken answer cell, as in a notebook
            pass
    points = {}
    for part, maximum in PARTS.items():
        try:
            value = _run(CELLS[part], dict(namespace))
        except Exception:  # noqa: BLE001 — a failing test cell earns nothing
            points[part] = 0.0
            continue
        points[part] = maximum if value is None else max(0.0, min(maximum, float(value)))
    return points


@pytest.fixture
def graded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def run(**changes) -> dict[str, float]:
        return grade({**SOLUTION, **changes}, tmp_path)

    return run


def share(points: dict[str, float], parts) -> float:
    return sum(points[p] for p in parts) / sum(PARTS[p] for p in parts)


# ------------------------------------------------------------------------------------------ the whole


def test_solution_earns_every_automatic_point(graded):
    assert graded() == PARTS


def test_blank_copy_earns_nothing(graded):
    blank = {"noi_xu_ly": dict.fromkeys(CODES, ""), "muc_do": dict.fromkeys(CODES, ""), "dung_duoc": [],
             "kinh_gui": "", "noi_dung": "\n"}
    graded()  # a solved reply left in the folder from an earlier run must not be graded again
    assert sum(graded(**blank).values()) == 0


def test_hidden_keys_agree_with_the_trainers_answer_files():
    hidden = CELLS["m07-cau-1"] + CELLS["m07-cau-2"]
    for ma, row in KEY.items():
        assert f'"{ma}": "{row["noi_xu_ly"]}"' in hidden and f'"{ma}": "{row["muc_do"]}"' in hidden
    usable = json.loads((DATASET / "dap_an_tra_loi_ai.json").read_text("utf-8"))["dung_duoc"]
    assert f'"{"".join(usable)}"' in CELLS["m07-cau-3"]
    reply_item = next(r for r in KEY.values() if r["ma"] == "PA07")
    assert f'han="{reply_item["han_tra_loi"]}"' in CELLS["m07-cau-4a"]


def test_no_answer_key_in_the_exercise_folder_or_the_grader():
    assert not list(EXERCISE.glob("dap_an*"))
    assert sorted(p.name for p in EXERCISE.iterdir() if p.suffix != ".docx") == [
        f"{SLUG}.ipynb", "phan_anh.csv", "tra_loi_ai.txt"]
    grader = (ROOT / "autograder" / "modules" / "m07_phan_anh_kien_nghi.py").read_text("utf-8")
    assert "PA07" not in grader and "23/03/2026" not in grader


def test_generator_is_deterministic_and_matches_the_files():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen07", DATASET / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path, text in module.build().items():
        assert path.read_text("utf-8") == text, path


def test_routing_key_is_balanced_so_no_body_is_a_safe_guess():
    counts = [sum(row["noi_xu_ly"] == body for row in KEY.values()) for body in BODIES]
    assert counts == [2] * 6


# ---------------------------------------------------------------------------------------------- gaming


@pytest.mark.parametrize("body", BODIES)
def test_one_body_for_every_item_scores_nothing(graded, body):
    assert graded(noi_xu_ly=dict.fromkeys(CODES, body))["m07-cau-1"] == 0


@pytest.mark.parametrize("level", ["khẩn", "thường"])
def test_one_urgency_for_every_item_scores_nothing(graded, level):
    assert graded(muc_do=dict.fromkeys(CODES, level))["m07-cau-2"] == 0


def test_random_routing_and_urgency_stay_below_thirty_percent(graded):
    rng = random.Random(7)
    totals = []
    for _ in range(12):
        points = graded(noi_xu_ly={ma: rng.choice(BODIES) for ma in CODES},
                        muc_do={ma: rng.choice(["khẩn", "thường"]) for ma in CODES})
        totals.append(share(points, ["m07-cau-1", "m07-cau-2"]))
    assert sum(totals) / len(totals) <= 0.3


@pytest.mark.parametrize("picked", [list("abcdef"), ["f"], ["b", "c", "d"], ["b", "d", "f"]])
def test_picking_all_or_the_wrong_replies_scores_at_most_thirty_percent(graded, picked):
    assert graded(dung_duoc=picked)["m07-cau-3"] <= 0.3


def test_random_picks_of_replies_average_at_most_thirty_percent():
    from itertools import combinations

    from autograder.modules.m07_phan_anh_kien_nghi import grade_usable_replies

    subsets = [list(c) for n in range(1, 7) for c in combinations("abcdef", n)]
    scores = [grade_usable_replies(s, "ae", "abcdef", 1).score for s in subsets]
    assert sum(scores) / len(scores) <= 0.3


GAMING_REPLIES = {
    "keyword salad in one sentence": "Phản ánh rác thải xà bần bãi đất nhà văn hóa Tiền Phong Phòng Kinh tế giao "
                                     "xử lý kiểm tra thời hạn 10 ngày làm việc trả lời.",
    "keyword sentences, one per fact": "Phản ánh rác thải xà bần bãi đất nhà văn hóa Tiền Phong đề nghị.\n"
                                       "Phòng Kinh tế giao chuyển kiểm tra xử lý giải quyết khắc phục thu gom.\n"
                                       "Thời hạn 10 ngày làm việc trả lời kết quả thông báo.",
    "every body listed": "Ủy ban nhân dân xã nhận được phản ánh của bà về rác thải, xà bần ở bãi đất cạnh nhà văn "
                         "hóa thôn Tiền Phong.\nỦy ban nhân dân xã đã giao Văn phòng HĐND và UBND, Phòng Kinh tế, "
                         "Phòng Văn hóa - Xã hội, Trung tâm Phục vụ hành chính công, Công an xã, Tổ hòa giải "
                         "kiểm tra, xử lý.\nKết quả sẽ được trả lời bà trong thời hạn 10 ngày làm việc.",
    "lesson's reply copied": "Ngày 06/3/2026, Ủy ban nhân dân xã nhận được phản ánh của ông về tin nhắn giả danh "
                             "điện lực đòi chuyển tiền.\nỦy ban nhân dân xã đã chuyển Công an xã xác minh, cảnh báo "
                             "người dân.\nKết quả sẽ được thông báo cho ông trong thời hạn 3 ngày làm việc.",
    "task text copied": "việc người dân đã phản ánh (nói rõ sự việc, ở đâu).\nỦy ban nhân dân xã đã giao nơi xử lý "
                        "nào làm gì (theo bảng phân công).\nthời hạn trả lời kết quả (theo quy tắc của bài: số "
                        "ngày làm việc, hoặc ngày cụ thể).",
    "feedback pasted back with bare names": "Bãi đất trống cạnh nhà văn hóa thôn Tiền Phong bị đổ rác thải sinh "
                                            "hoạt và xà bần nhiều tháng nay, bốc mùi hôi.\nPhòng Kinh tế.\n"
                                            "10 ngày làm việc.",
    "two bodies hedged": "Ủy ban nhân dân xã nhận được phản ánh của bà về rác thải, xà bần ở bãi đất cạnh nhà văn "
                         "hóa thôn Tiền Phong.\nỦy ban nhân dân xã đã giao Phòng Kinh tế kiểm tra, xử lý.\n"
                         "Ủy ban nhân dân xã cũng giao Công an xã kiểm tra, xử lý.\n"
                         "Kết quả sẽ được trả lời bà trong thời hạn 10 ngày làm việc.",
    "two deadlines hedged": "Ủy ban nhân dân xã nhận được phản ánh của bà về rác thải, xà bần ở bãi đất cạnh nhà văn "
                            "hóa thôn Tiền Phong.\nỦy ban nhân dân xã đã giao Phòng Kinh tế kiểm tra, xử lý.\n"
                            "Kết quả sẽ được trả lời bà trong thời hạn 3 ngày làm việc hoặc 10 ngày làm việc.",
    "district office and invented figures": "Ngày 09/3/2026, Ủy ban nhân dân xã nhận được phản ánh của bà về việc "
                                            "bãi đất cạnh nhà văn hóa thôn Tiền Phong bị đổ rác.\nHồ sơ đã chuyển "
                                            "Phòng Tài nguyên và Môi trường huyện xử lý, phạt 5.000.000 đồng.\n"
                                            "Kết quả được trả lời trong 15 ngày làm việc.",
}


@pytest.mark.parametrize("name", GAMING_REPLIES)
def test_gaming_replies_score_at_most_thirty_percent(graded, name):
    points = graded(noi_dung=GAMING_REPLIES[name])
    assert share(points, ["m07-cau-4a", "m07-cau-4b"]) <= 0.3, points


# ---------------------------------------------------------------------------------------------- honest


HONEST_REPLIES = [
    "Ủy ban nhân dân xã Tân Phú đã nhận được đơn phản ánh của bà về tình trạng đổ rác thải, xà bần tại bãi đất "
    "trống gần nhà văn hóa thôn Tiền Phong.\nSau khi xem xét, Chủ tịch Ủy ban nhân dân xã đã chỉ đạo Phòng Kinh tế "
    "kiểm tra hiện trường và xử lý dứt điểm.\nChậm nhất ngày 23/3/2026, Ủy ban nhân dân xã sẽ thông báo kết quả "
    "giải quyết tới bà.\nỦy ban nhân dân xã trân trọng cảm ơn bà.",
    "Ủy ban nhân dân xã ghi nhận kiến nghị của bà về việc rác thải sinh hoạt bị đổ ở khu đất trống cạnh nhà văn "
    "hóa thôn Tiền Phong.\nPhòng Kinh tế được giao kiểm tra, xử lý và đề xuất điểm tập kết rác phù hợp.\n"
    "Kết quả sẽ được trả lời bà trong vòng 10 ngày làm việc.",
    "Ngày 09/03/2026, bà đã phản ánh qua đường trực tiếp về tình trạng xà bần và rác thải đổ tại bãi đất trống "
    "cạnh nhà văn hóa thôn Tiền Phong, gây mùi hôi.\nỦy ban nhân dân xã đã giao cho Phòng Kinh tế tiếp nhận, "
    "kiểm tra thực tế và có biện pháp thu gom.\nỦy ban nhân dân xã sẽ có văn bản trả lời kết quả trước ngày "
    "23 tháng 3 năm 2026.",
    "Ngày 09 tháng 3 năm 2026, UBND xã nhận được đơn phản ánh của bà về việc rác thải sinh hoạt bị đổ ở bãi đất "
    "trống gần nhà văn hóa thôn.\nChủ tịch UBND xã đã phân công Phòng Kinh tế xác minh và xử lý.\n"
    "Chậm nhất ngày 23/03/2026, bà sẽ nhận được văn bản trả lời kết quả.",
]


@pytest.mark.parametrize("text", HONEST_REPLIES)
def test_honest_replies_in_other_words_earn_full_marks(graded, text):
    assert graded(noi_dung=text) == PARTS


def test_one_slip_in_routing_and_labels_written_loosely_still_earn_full_marks(graded):
    routing = {ma: body.lower() for ma, body in SOLUTION["noi_xu_ly"].items()}
    routing["PA03"] = "vp"
    urgency = {ma: level.capitalize() for ma, level in SOLUTION["muc_do"].items()}
    points = graded(noi_xu_ly=routing, muc_do=urgency)
    assert points["m07-cau-1"] == 3 and points["m07-cau-2"] == 1


def test_two_slips_in_routing_earn_partial_credit(graded):
    routing = dict(SOLUTION["noi_xu_ly"], PA03="VP", PA05="VP")
    assert 0 < graded(noi_xu_ly=routing)["m07-cau-1"] < 3


def test_reply_without_a_deadline_earns_partial_credit(graded):
    text = "\n".join(HONEST_REPLIES[1].split("\n")[:2])
    points = graded(noi_dung=text)
    assert 0 < points["m07-cau-4a"] < 2 and points["m07-cau-4b"] == 1


def test_schema_valid_replies_picked_without_judging_the_routing_earn_partial_credit(graded):
    assert 0 < graded(dung_duoc=["a", "e", "f"])["m07-cau-3"] < 1


# ------------------------------------------------------------------------------ the lesson says what it shows

LESSON = ROOT / "notebooks" / f"{SLUG}.ipynb"
# Phrases the lesson's prose says the checks print (bold in the lesson); each must appear in the output.
LESSON_CLAIMS = ["JSON hợp lệ, đúng mẫu", "thiếu trường «muc_do»", "không có trong danh sách được dùng",
                 "không đọc được", "không có JSON", "Có câu gộp cả ba ý", "SAI, cần chuyển HG"]


def test_the_lesson_output_agrees_with_what_its_prose_says(lab_home, monkeypatch, capsys):
    shutil.copytree(ROOT / "notebooks" / "data", lab_home / "data")
    cells = json.loads(LESSON.read_text("utf-8"))["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    namespace: dict = {}
    for cell in cells:
        if cell["cell_type"] == "code":
            _run("".join(cell["source"]), namespace)
    output = capsys.readouterr().out
    for claim in LESSON_CLAIMS:
        assert claim in prose.replace("**", "") or claim.startswith("SAI"), claim
        assert claim in output, claim
    assert "Đạt 3/3 điểm" in output  # the lesson's own reply states all three facts
    assert "exercises/" not in prose


def test_a_reply_that_is_not_a_cong_van_earns_nothing(tmp_path):
    from ailab.vanban.form import tao_van_ban
    from autograder.modules.m07_phan_anh_kien_nghi import ReplyKey, grade_reply_facts

    fields = {"loai": "Thông báo", "so": "", "ngay": "10/3/2026", "dia_danh": "Tân Phú",
              "co_quan_ban_hanh": "Ủy ban nhân dân xã Tân Phú", "trich_yeu": "Trả lời phản ánh",
              "noi_dung": HONEST_REPLIES[1], "quyen_han": "TM.", "chuc_vu": "Chủ tịch", "nguoi_ky": "Nguyễn Văn An"}
    path = tao_van_ban(fields, tmp_path / "thong_bao.docx")
    key = ReplyKey(van_de=(("rác",), ("nhà văn hóa",)), noi_xu_ly="KT", so_ngay=10, han="23/03/2026", nguon="")
    result = grade_reply_facts(path, key, 2)
    assert result.score == 0 and "Chưa phải công văn" in str(result)

"""Exercise 06 grader: the solution earns every automatic point, gaming earns ≤ 30 %, honest variants full.

Each part is graded here with the same functions and keys as the exercise's hidden tests (read from the
notebook), so what passes here passes in nbgrader.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import random
import re
from pathlib import Path

import pytest

from ailab.tracuu import Library, load_sources
from autograder.modules.m06_tra_cuu_co_trich_dan import (
    check_label_exact,
    check_letters,
    check_out_of_scope,
    check_quote,
    judge_question,
    quote_form_problems,
)

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "exercises" / "06_tra_cuu_co_trich_dan"
NOTEBOOK = json.loads((FOLDER / "06_tra_cuu_co_trich_dan.ipynb").read_text(encoding="utf-8"))
QUOTE_PARTS = [("Dấu giáp lai được đóng vào khoảng giữa mép phải", "mép phải"),
               ("mức độ 2 được kích hoạt tại Công an xã", "Công an xã")]


def _cells(kind: str) -> dict[str, str]:
    return {c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"]) for c in NOTEBOOK["cells"]
            if c["metadata"].get("nbgrader", {}).get(kind)}


TESTS = _cells("grade")
SOLUTIONS = _cells("solution")
JUDGE_KEY = json.loads(re.search(r"check_letters\(danh_gia, (\[.*?\]), 7\)", TESTS["m06_test_danh_gia"]).group(1))
CHOICE_KEY = json.loads(re.search(r"check_letters\(chon_trich_dan, (\[.*?\]), 4\)", TESTS["m06_test_chon_4"]).group(1))
KNOWN = ast.literal_eval(re.search(r"DA_CO = (\[.*?\])\n", TESTS["m06_test_ngoai_nguon_3"], re.S).group(1))


@pytest.fixture(scope="module")
def sources() -> Library:
    return Library(load_sources([FOLDER / n for n in ("ND30.md", "Phuluc1.md", "thu_tuc_xa.md")]))


def points(answers: dict, library: Library) -> dict[str, int]:
    """Points per graded cell, as the hidden tests give them."""
    got = {}
    for number, (marker, key) in enumerate(QUOTE_PARTS, 1):
        got[f"trich_dan_{number}"] = int(not check_quote(answers[f"trich_dan_{number}"], library, marker, key))
    labels, choices, questions = answers["danh_gia"], answers["chon_trich_dan"], answers["cau_hoi_ngoai_nguon"]
    got["danh_gia"] = int(not check_letters(labels, JUDGE_KEY, 7))
    got["sai_doan"] = int(not check_label_exact(labels, JUDGE_KEY, "C"))
    got["chon_3"] = int(not check_letters(choices, CHOICE_KEY, 3))
    got["chon_4"] = int(not check_letters(choices, CHOICE_KEY, 4))
    got["ngoai_nguon_2"] = int(not check_out_of_scope(questions, library, KNOWN, 2))
    got["ngoai_nguon_3"] = int(not check_out_of_scope(questions, library, KNOWN, 3))
    return got


def solution_answers() -> dict:
    answers: dict = {}
    for grade_id in ("m06_trich_dan", "m06_danh_gia", "m06_chon_trich_dan", "m06_cau_hoi_ngoai_nguon"):
        code = SOLUTIONS[grade_id].split("### END SOLUTION")[0]
        exec(code.replace("### BEGIN SOLUTION", ""), {}, answers)  # noqa: S102 — our own notebook's solution
    return answers


def test_keys_in_the_hidden_tests_are_the_generator_keys():
    spec = importlib.util.spec_from_file_location("generate06", ROOT / "datasets" / "06_tra_cuu_co_trich_dan" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.answer_key() == {"danh_gia": JUDGE_KEY, "chon_trich_dan": CHOICE_KEY}
    shown = json.loads((FOLDER / "cau_tra_loi_can_danh_gia.json").read_text(encoding="utf-8"))
    assert "label" not in json.dumps(shown) and len(shown) == len(JUDGE_KEY) == 8


def test_solution_earns_every_point(sources):
    assert set(points(solution_answers(), sources).values()) == {1}


def test_every_prepared_answer_is_what_its_label_says(sources):
    shown = json.loads((FOLDER / "cau_tra_loi_can_danh_gia.json").read_text(encoding="utf-8"))
    for item, label in zip(shown, JUDGE_KEY, strict=True):
        verbatim = bool(sources.find_quote(item["trich_dan"]["nguyen_van"]))
        assert verbatim == (label != "B"), item["cau_hoi"]
        assert sources.ask(item["cau_hoi"]).refused == (label == "D"), item["cau_hoi"]


@pytest.mark.parametrize("letter", "ABCD")
def test_constant_choices_earn_nothing(sources, letter):
    answers = {**solution_answers(), "danh_gia": [letter] * 8, "chon_trich_dan": [letter] * 4}
    got = points(answers, sources)
    assert got["danh_gia"] + got["sai_doan"] + got["chon_3"] + got["chon_4"] <= 0.3 * 4


def test_random_choices_earn_at_most_thirty_percent_on_average(sources):
    rng = random.Random(6)
    total = 0
    for _ in range(200):
        answers = {**solution_answers(), "danh_gia": [rng.choice("ABCD") for _ in range(8)],
                   "chon_trich_dan": [rng.choice("ABCD") for _ in range(4)]}
        got = points(answers, sources)
        total += got["danh_gia"] + got["sai_doan"] + got["chon_3"] + got["chon_4"]
    assert total / 200 <= 0.3 * 4


def test_checking_quotes_with_the_tool_but_never_reading_earns_nothing_in_part_two(sources):
    """B from find_quote, D from the tool refusing, A for the rest: the C items need reading."""
    shown = json.loads((FOLDER / "cau_tra_loi_can_danh_gia.json").read_text(encoding="utf-8"))
    labels = ["B" if not sources.find_quote(i["trich_dan"]["nguyen_van"]) else
              "D" if sources.ask(i["cau_hoi"]).refused else "A" for i in shown]
    got = points({**solution_answers(), "danh_gia": labels}, sources)
    assert got["danh_gia"] + got["sai_doan"] == 0


@pytest.mark.parametrize("quote", [
    "Dấu giáp lai",  # verbatim, but says nothing about where
    "mép phải",  # the key words alone are no citation
    "d) Việc đóng dấu treo, dấu giáp lai, đóng dấu nổi trên văn bản giấy do người đứng đầu cơ quan, tổ chức quy định.",
    "Dấu giáp lai được đóng ở mép phải văn bản",  # right idea, not verbatim
])
def test_a_wrong_or_altered_quote_fails(sources, quote):
    assert check_quote(quote, sources, *QUOTE_PARTS[0])


def test_the_key_words_alone_are_not_a_citation(sources):
    assert check_quote("Công an xã", sources, *QUOTE_PARTS[1])


def test_the_whole_document_as_a_quote_fails(sources):
    assert quote_form_problems(sources.sources["ND30.md"].text, sources)


@pytest.mark.parametrize("quote", [
    "Dấu giáp lai được đóng vào khoảng giữa mép phải của văn bản hoặc phụ lục văn bản",
    "đ) Dấu giáp lai được đóng vào khoảng giữa mép phải của văn bản hoặc phụ lục văn bản, trùm lên một phần các "
    "tờ giấy; mỗi dấu đóng tối đa 05 tờ văn bản.",
    "khoảng giữa mép phải của văn bản",
])
def test_honest_quotes_of_different_lengths_pass(sources, quote):
    assert check_quote(quote, sources, *QUOTE_PARTS[0]) == []


GAMING_QUESTIONS = {
    "nonsense": ["Con mèo nhà tôi tên là gì vậy hả trời?", "Trận bóng đá tối nay đội nào sẽ thắng?",
                 "Bài hát nào hay nhất năm nay là bài gì?"],
    "keyword salad": ["Thủ tục hồ sơ đất đai thuế khai sinh bảo hiểm trợ cấp là gì?",
                      "Xã xã xã xã hồ sơ thủ tục là gì?", "Khai sinh kết hôn đất đai thuế phí học y tế nào?"],
    "copied from the exercise": KNOWN[:3],
    "answerable by the sources": ["Đăng ký kết hôn cần xác minh thì giải quyết trong bao lâu?",
                                  "Lề trái của văn bản cách mép bao nhiêu mm?",
                                  "Tài khoản định danh điện tử mức độ 2 được kích hoạt ở đâu?"],
    "one question three times": ["Lệ phí cấp bản sao trích lục khai sinh là bao nhiêu?"] * 3,
}


@pytest.mark.parametrize("kind", GAMING_QUESTIONS)
def test_gaming_out_of_scope_questions_earn_at_most_thirty_percent(sources, kind):
    got = points({**solution_answers(), "cau_hoi_ngoai_nguon": GAMING_QUESTIONS[kind]}, sources)
    assert got["ngoai_nguon_2"] + got["ngoai_nguon_3"] <= 0.3 * 2


HONEST_QUESTIONS = [
    ["Lệ phí cấp bản sao trích lục khai sinh là bao nhiêu tiền?", "Trẻ em dưới 6 tuổi khám bệnh có phải trả tiền không?",
     "Muốn tách thửa đất thì làm thủ tục gì?"],
    ["Hộ gia đình đóng bảo hiểm y tế ở đâu?", "Xã thu phí vệ sinh môi trường mỗi hộ bao nhiêu một tháng?",
     "Người khuyết tật nặng được trợ cấp hằng tháng bao nhiêu?"],
    ["Khi nào xã chi trả trợ cấp cho người có công với cách mạng?", "Trạm y tế xã có tiêm phòng cho trẻ vào thứ mấy?",
     "Người dân muốn đổi sổ đỏ bị rách thì nộp hồ sơ ở đâu?"],
]


@pytest.mark.parametrize("questions", HONEST_QUESTIONS)
def test_honest_out_of_scope_questions_earn_full_marks(sources, questions):
    got = points({**solution_answers(), "cau_hoi_ngoai_nguon": questions}, sources)
    assert got["ngoai_nguon_2"] == got["ngoai_nguon_3"] == 1, [judge_question(q, sources, KNOWN) for q in questions]


def test_honest_judgements_with_one_slip_outside_the_c_items_keep_most_points(sources):
    labels = list(JUDGE_KEY)
    slip = next(i for i, x in enumerate(labels) if x == "A")
    labels[slip] = "B"
    got = points({**solution_answers(), "danh_gia": labels}, sources)
    assert got["danh_gia"] == got["sai_doan"] == 1

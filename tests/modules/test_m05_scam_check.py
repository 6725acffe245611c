"""Module 05: scam labels and signs (Câu 3) and the multiple-answer question (Câu 1) — chance-level gaming."""

from __future__ import annotations

import csv
import itertools
import re
from pathlib import Path

import nbformat
import pytest

from autograder.checks.choices import grade_choices
from autograder.checks.scam_signs import (
    check_scam_format,
    grade_scam_labels,
    grade_scam_signs,
)

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = ROOT / "exercises" / "05_an_toan_thong_tin"
KEY_FILE = ROOT / "datasets" / "05_an_toan_thong_tin" / "dap_an_tin_nhan.csv"
NOTEBOOK = nbformat.read(EXERCISE / "05_an_toan_thong_tin.ipynb", as_version=4)
CELLS = {c.get("id"): c.source for c in NOTEBOOK.cells}

with KEY_FILE.open(encoding="utf-8") as handle:
    KEY = list(csv.DictReader(handle))
LABELS = {row["ma"]: row["nhan"] for row in KEY}
SIGNS = {row["ma"]: row["dau_hieu"] for row in KEY if row["nhan"] == "lừa đảo"}
IDS = list(LABELS)


def _solution() -> dict:
    source = CELLS["m05-cau-3-tra-loi"].split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    namespace: dict = {}
    exec(source, namespace)  # noqa: S102 - our own notebook's solution cell
    return namespace["phan_loai"]


def test_key_is_balanced_seven_scams_seven_safe():
    assert sorted(LABELS.values()).count("lừa đảo") == 7 and len(LABELS) == 14


def test_notebook_hidden_keys_match_the_dataset_key():
    hidden_labels = dict(re.findall(r'"(T\d\d)": "(lừa đảo|an toàn)"', CELLS["m05-cau-3a"]))
    hidden_signs = dict(re.findall(r'"(T\d\d)": "([A-E]+)"', CELLS["m05-cau-3b"].split("HIDDEN TESTS")[1]))
    assert hidden_labels == LABELS and hidden_signs == SIGNS


def test_solution_scores_full_on_both_parts():
    answers = _solution()
    assert check_scam_format(answers, IDS, "ABCDEK") == []
    assert grade_scam_labels(answers, LABELS, 1.5).ok and grade_scam_signs(answers, SIGNS, 1.5).ok


def test_honest_answers_with_signs_in_any_order_and_case_score_full():
    answers = {i: (label.upper(), SIGNS.get(i, "K")[::-1].lower()) for i, label in LABELS.items()}
    assert grade_scam_labels(answers, LABELS).ok and grade_scam_signs(answers, SIGNS).ok


@pytest.mark.parametrize("label", ["lừa đảo", "an toàn"])
def test_a_constant_label_earns_nothing(label):
    answers = {i: (label, "A" if label == "lừa đảo" else "K") for i in IDS}
    assert grade_scam_labels(answers, LABELS, 1.5).score == 0


@pytest.mark.parametrize("sign", ["A", "B", "C", "D", "E", "AB", "AD", "ABCDE"])
def test_the_same_sign_for_every_scam_earns_at_most_30_percent(sign):
    answers = {i: ("lừa đảo", sign) if LABELS[i] == "lừa đảo" else ("an toàn", "K") for i in IDS}
    assert grade_scam_signs(answers, SIGNS, 1.5).score <= 0.45


def test_random_signs_average_below_30_percent():
    singles = [dict.fromkeys(SIGNS, s) for s in "ABCDE"]
    pairs = [dict.fromkeys(SIGNS, "".join(p)) for p in itertools.combinations("ABCDE", 2)]
    for choice in singles + pairs:
        answers = {i: ("lừa đảo", choice[i]) for i in SIGNS}
        assert grade_scam_signs(answers, SIGNS).score <= 0.3


def test_one_wrong_label_costs_two_shares_and_names_only_the_learners_item():
    answers = _solution()
    answers["T05"] = ("an toàn", "K")
    result = grade_scam_labels(answers, LABELS, 1.4)
    assert result.score == 1.2 and "T05" in str(result) and "lừa đảo" not in str(result).split("T05")[0]


def test_a_missing_or_extra_sign_gives_partial_credit_for_that_message():
    answers = _solution()
    answers["T13"] = ("lừa đảo", "A")       # one of two signs
    answers["T05"] = ("lừa đảo", "AB")      # one right, one extra
    result = grade_scam_signs(answers, SIGNS, 7)
    assert result.score == 5.5 and "T13" in str(result) and "T05" in str(result)


def test_format_catches_blank_template_bad_codes_and_contradictions():
    blank = dict.fromkeys(IDS, ("", ""))
    assert len(check_scam_format(blank, IDS, "ABCDEK")) == 28
    odd = {i: ("an toàn", "K") for i in IDS}
    odd["T01"], odd["T02"] = ("an toàn", "A"), ("lừa đảo", "K")
    messages = check_scam_format(odd, IDS, "ABCDEK")
    assert len(messages) == 2 and '"K"' in messages[0]
    assert "thiếu" in check_scam_format({}, IDS, "ABCDEK")[0]


def test_multiple_choice_all_options_or_a_random_half_earn_nothing_balanced_key():
    options, key = "abcdefghij", "abcdg"
    assert grade_choices(list(options), key, options).score == 0
    assert grade_choices(["a", "e", "f", "h", "b"], key, options).score == 0
    assert grade_choices(["a", "b", "c", "d"], key, options, 2).score == 1.6
    assert grade_choices(list(key), key, options, 2).ok
    assert "Còn thiếu 1" in str(grade_choices(["a", "b", "c", "d"], key, options))


def test_notebook_hidden_choice_key_is_balanced():
    hidden = CELLS["m05-cau-1"].split("### BEGIN HIDDEN TESTS")[1]
    key, options = re.search(r'grade_choices\(khong_duoc_gui, "(\w+)", "(\w+)"', hidden).groups()
    assert 2 * len(key) == len(options)

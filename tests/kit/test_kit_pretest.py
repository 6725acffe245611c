"""Pre/post test: two parallel forms over ten competencies, scoring, and gain on a small synthetic class."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from autograder.kit.pretest import (
    FORMS,
    LETTERS,
    AnswerError,
    AnswerSet,
    competency_ids,
    gain,
    gain_table,
    load_forms,
    parse_answers,
    score,
)

FORMS_DATA = load_forms()
KEY = {form: "".join(q.answer for q in FORMS_DATA[form]) for form in FORMS}


def flip(letters: str, wrong_at: set[int]) -> str:
    """The same letters with the given questions (0-based) answered wrongly."""
    return "".join(LETTERS[(LETTERS.index(ch) + 1) % 4] if i in wrong_at else ch for i, ch in enumerate(letters))


def test_forms_are_parallel_over_the_same_ten_competencies():
    a, b = FORMS_DATA["A"], FORMS_DATA["B"]
    assert len(a) == len(b) == 10
    assert [q.competency for q in a] == [q.competency for q in b]
    assert len(set(competency_ids())) == 10
    for qa, qb in zip(a, b, strict=True):
        assert qa.name == qb.name and qa.question != qb.question
        assert len(qa.choices) == len(qb.choices) == 4 and qa.answer in LETTERS and qb.answer in LETTERS


@pytest.mark.parametrize("form", FORMS)
def test_a_constant_answer_scores_at_most_thirty_percent(form):
    assert max(Counter(KEY[form]).values()) <= 3
    for letter in LETTERS:
        assert sum(score(FORMS_DATA[form], letter * 10).values()) <= 3


def test_score_marks_each_competency():
    marks = score(FORMS_DATA["A"], flip(KEY["A"], {0, 9}))
    ids = competency_ids()
    assert [marks[c] for c in ids] == [False] + [True] * 8 + [False]


def test_gain_per_learner_and_per_competency_on_a_small_class():
    before = AnswerSet("A", {"HV01": flip(KEY["A"], {0, 1, 2, 3}),  # 6/10
                             "HV02": flip(KEY["A"], set(range(10))),  # 0/10
                             "HV03": KEY["A"],  # 10/10
                             "HV04": KEY["A"]})  # did not take the post test
    after = AnswerSet("B", {"HV01": flip(KEY["B"], {0, 3}),  # 8/10
                            "HV02": flip(KEY["B"], {0, 1}),  # 8/10
                            "HV03": flip(KEY["B"], {0}),  # 9/10
                            "HV05": KEY["B"]})  # did not take the pre test
    result = gain(before, after)
    assert result.learners == {"HV01": (6, 8), "HV02": (0, 8), "HV03": (10, 9)}
    assert [result.learner_gain(h) for h in ("HV01", "HV02", "HV03")] == [2, 8, -1]
    assert result.missing == ("HV04", "HV05")
    first, second, fourth, last = (competency_ids()[i] for i in (0, 1, 3, 9))
    assert result.competencies[first] == (pytest.approx(1 / 3), pytest.approx(0.0))  # only HV03, then nobody
    assert result.competency_gain(first) == -33.3
    assert result.competencies[second] == (pytest.approx(1 / 3), pytest.approx(2 / 3))
    assert result.competency_gain(fourth) == pytest.approx(33.3)  # 1/3 → 2/3
    assert result.competency_gain(last) == pytest.approx(33.3)  # 2/3 → 3/3
    table = gain_table(result)
    assert "HV02: 0 → 8 (+8)" in table and "HV04, HV05" in table and "-33,3 điểm phần trăm" in table


def test_answers_are_read_from_phone_lines_and_from_json():
    lines = parse_answers("HV01 A b d a d c b c a d b\nhv02 a B,D,A,D,C,B,C,A,D,A\n")
    assert lines == AnswerSet("A", {"HV01": "bdadcbcadb", "hv02": "bdadcbcada"})
    as_json = parse_answers(json.dumps({"form": "b", "answers": {"HV01": "dcabbdcbac"}}))
    assert as_json.form == "B" and as_json.answers["HV01"] == "dcabbdcbac"


@pytest.mark.parametrize("text, words", [
    ("HV01 A bdad", "đúng 10 chữ cái"),
    ("HV01 C bdadcbcadb", "A hoặc B"),
    ("HV01 A bdadcbcadb\nHV02 B bdadcbcadb", "đề B"),
    ("HV01", "Dòng 1"),
    ('{"form": "A"}', "JSON"),
])
def test_bad_answers_get_a_vietnamese_message(text, words):
    with pytest.raises(AnswerError, match=words):
        parse_answers(text)

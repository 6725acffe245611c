"""Feedback form: responses from phone lines or JSON, summarised per statement."""

from __future__ import annotations

import json

import pytest

from autograder.kit.feedback import FeedbackError, load_form, parse_responses, summarise, summary_text


def test_summary_gives_mean_agreement_spread_and_comments():
    responses = parse_responses("HV01 54453 | Thực hành nhiều | Thêm thời gian\n"
                                "33521 | Thẻ câu lệnh |\n"
                                "HV03 44444\n")
    summary = summarise(responses)
    assert summary.count == 3
    assert summary.means == (4.0, 3.7, 4.3, 3.7, 2.7)
    assert summary.agree == (0.67, 0.67, 1.0, 0.67, 0.33)
    assert summary.distribution[0] == (0, 0, 1, 1, 1)
    assert summary.comments == (("Thực hành nhiều", "Thẻ câu lệnh"), ("Thêm thời gian",))
    text = summary_text(summary)
    assert "3 phiếu" in text and "Trung bình 3,7/5" in text and "HV01" not in text


def test_json_responses_are_read():
    data = [{"diem": [5, 5, 5, 5, 5], "y_kien": ["Hay", ""]}, {"diem": [1, 2, 3, 4, 5]}]
    summary = summarise(parse_responses(json.dumps(data)))
    assert summary.means == (3.0, 3.5, 4.0, 4.5, 5.0) and summary.comments == (("Hay",), ())


@pytest.mark.parametrize("text", ["HV01 5445", "HV01 54463", "[{\"diem\": [5]}]", "[{\"y_kien\": []}]"])
def test_bad_responses_get_a_vietnamese_message(text):
    with pytest.raises(FeedbackError, match="cần|danh sách"):
        parse_responses(text)


def test_form_has_five_ratings_and_two_questions():
    form = load_form()
    assert len(form.ratings) == 5 and len(form.questions) == 2

"""Scam labels and signs, and choice questions: form checks and normalisation (autograder.checks)."""

from __future__ import annotations

from autograder.checks.choices import check_choices_format
from autograder.checks.scam_signs import normalise_label


def test_label_is_normalised_for_case_spaces_and_unicode_form():
    assert normalise_label("  Lừa   ĐẢO ") == "lừa đảo"
    assert normalise_label("an toan") is None and normalise_label(None) is None


def test_choice_form_messages():
    assert check_choices_format([], "abc") and check_choices_format("a", "abc")
    assert "không có trong danh sách" in check_choices_format(["z"], "abc")[0]
    assert "lặp" in check_choices_format(["a", "A "], "abc")[0]

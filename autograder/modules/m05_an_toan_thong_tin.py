"""Grader for exercise 05 (an toàn thông tin): choices, masking and scam-sign checks."""

from autograder.checks.choices import check_choices_format, grade_choices
from autograder.checks.masking import MaskingCase, grade_masking
from autograder.checks.scam_signs import check_scam_format, grade_scam_labels, grade_scam_signs

__all__ = ["MaskingCase", "check_choices_format", "check_scam_format", "grade_choices", "grade_masking",
           "grade_scam_labels", "grade_scam_signs"]

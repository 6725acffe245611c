"""Grader for exercise 01 (làm quen, câu lệnh tốt): the prompt-structure and invented-claims checks."""

from autograder.checks.choices import check_choices_format, grade_choices
from autograder.checks.claims import check_claims_format, grade_invented_claims, numbered_sentences
from autograder.checks.prompt import PART_LABELS, check_prompt, missing_topic_words

__all__ = ["PART_LABELS", "check_choices_format", "check_claims_format", "check_prompt", "grade_choices",
           "grade_invented_claims", "missing_topic_words", "numbered_sentences"]

"""Checker for administrative documents under Nghị định 30/2020/NĐ-CP (rule ids: docs/nd30/RULES.md).

>>> from autograder.nd30 import check_docx
>>> report = check_docx("ke_hoach.docx")          # doctest: +SKIP
>>> report.ok, [f.rule for f in report.errors]     # doctest: +SKIP
"""

from autograder.nd30.checker import CHECKS, check_document, check_docx
from autograder.nd30.model import DocumentReadError
from autograder.nd30.report import ERROR, RULES, WARNING, Finding, Report

__all__ = ["CHECKS", "ERROR", "RULES", "WARNING", "DocumentReadError", "Finding", "Report", "check_document",
           "check_docx"]

"""Reusable checks, grouped by kind: numbers and their provenance, choices, prompt structure, claims,
masking, scam signs, …  Each is a small pure function: input in, a ``CheckResult`` (or findings) out."""

from autograder.checks.result import CheckResult

__all__ = ["CheckResult"]

"""Trainer operations over nbgrader: init, release, collect, grade, report, feedback, certificates.

Each step is a small module; ``cli.py`` wires them to ``ailab course ...``. Grading extends nbgrader
through its preprocessor lists (see ``preprocessors.py``) instead of patching it.
"""

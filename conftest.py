"""Groups for spreading the suite over cores with pytest-xdist (``-n 2 --dist loadgroup``), when a developer asks.

The README's command runs the suite serially: the browser test's web-font check does not yet pass under xdist.

Tests of one file stay together (module fixtures, and nbval's cells of one notebook must run in order in one
kernel); the end-to-end nbgrader test is split by exercise, since each exercise is graded on its own.
"""

from __future__ import annotations

import pytest


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups into the node ids
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        path = item.nodeid.split("::")[0]
        params = getattr(getattr(item, "callspec", None), "params", {})
        if path.endswith("test_exercises_e2e.py") and "exercise" in params:
            group = f"{path}:{getattr(params['exercise'], 'name', params['exercise'])}"
        else:
            group = path
        item.add_marker(pytest.mark.xdist_group(group))

"""Pre-checks before execution: is it a notebook, are test cells exactly as released."""

from __future__ import annotations

import json

import nbformat
from bad_submissions import (
    change_cell_type,
    delete_test_cell,
    edit_test_cell,
    nfd_answer,
    strip_test_metadata,
)
from bad_submissions import tiny_notebook as release_like
from nbgrader.preprocessors import ClearHiddenTests

from autograder.course.precheck import (
    CELLS_MISSING,
    NOT_NOTEBOOK,
    TAMPERED,
    check_cells,
    load_notebook,
    summarize,
)


def _roundtrip(breaker):
    nb = json.loads(nbformat.writes(release_like()))
    data = json.dumps(breaker(nb)).encode()
    submitted, problem = load_notebook(data)
    assert problem is None
    return check_cells(release_like(), submitted)


def test_untouched_notebook_has_no_problem():
    assert _roundtrip(lambda nb: nb) == []


def test_nfd_saved_notebook_is_not_taken_for_tampering():
    assert _roundtrip(nfd_answer) == []


def test_each_kind_of_tampering_is_named():
    assert summarize(_roundtrip(delete_test_cell)).startswith(CELLS_MISSING)
    assert "metadata" in summarize(_roundtrip(strip_test_metadata))
    assert summarize(_roundtrip(edit_test_cell)) == f"{TAMPERED}: ô 'test_cong' bị sửa nội dung"
    assert "đổi loại" in summarize(_roundtrip(change_cell_type))


def test_empty_and_broken_files_are_not_notebooks():
    for data in (b"", b"   ", b"{not json", b'{"cells": 3}', "Bài làm".encode()):
        nb, problem = load_notebook(data)
        assert nb is None and problem.reason == NOT_NOTEBOOK, data


def _released(nb):
    released, _ = ClearHiddenTests()(nbformat.reads(nbformat.writes(nb), as_version=4), {})
    return released


def test_trainer_source_copy_with_hidden_tests_is_intact_when_source_is_given():
    source = release_like()
    release = _released(source)
    assert summarize(check_cells(release, source)).startswith(TAMPERED)
    assert check_cells(release, source, source) == []
    assert check_cells(release, release, source) == []

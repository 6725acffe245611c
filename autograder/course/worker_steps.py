"""Worker-side speed: nbgrader's steps without the work they repeat for every submission.

Profiled on a grading worker (per submission, 2 cores): nbgrader's metadata check re-validated its own
constant JSON schema for every cell (~0.4 s), and ``OverwriteCells`` opened a new gradebook engine with
an empty SQL cache for every notebook (~0.2 s). Here the schema is checked once per process and each
worker thread keeps one connection to the gradebook snapshot. The steps' logic is nbgrader's own.
"""

from __future__ import annotations

import json
import threading
from types import SimpleNamespace

import jsonschema
from jsonschema import exceptions
from jsonschema.validators import validator_for
from nbgrader.api import Gradebook
from nbgrader.nbgraderformat import common as nbgrader_format
from nbgrader.preprocessors import OverwriteCells
from nbgrader.preprocessors.base import NbGraderPreprocessor

_VALIDATORS: dict[str, object] = {}
_LOCAL = threading.local()


def validate(instance, schema, cls=None, *args, **kwargs) -> None:
    """``jsonschema.validate`` with the schema checked once: same errors, same best match."""
    key = json.dumps(schema, sort_keys=True) + repr((cls, args, sorted(kwargs.items())))
    validator = _VALIDATORS.get(key)
    if validator is None:
        cls = cls or validator_for(schema)
        cls.check_schema(schema)
        validator = _VALIDATORS[key] = cls(schema, *args, **kwargs)
    error = exceptions.best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


def check_schemas_once() -> None:
    """nbgrader's cell-metadata validation (its ``jsonschema.validate`` calls) uses ``validate`` above."""
    if not isinstance(nbgrader_format.jsonschema, SimpleNamespace):
        names = {name: getattr(jsonschema, name) for name in dir(jsonschema) if not name.startswith("__")}
        nbgrader_format.jsonschema = SimpleNamespace(**{**names, "validate": validate})


def snapshot_gradebook(url: str) -> Gradebook:
    """This thread's open gradebook on the (read-only) snapshot."""
    books = _LOCAL.__dict__.setdefault("books", {})
    if url not in books:
        books[url] = Gradebook(url)
    return books[url]


class OverwriteCellsShared(OverwriteCells):
    """nbgrader's ``OverwriteCells`` reading the snapshot through this thread's open gradebook."""

    def preprocess(self, nb, resources):
        self.notebook_id = resources["nbgrader"]["notebook"]
        self.assignment_id = resources["nbgrader"]["assignment"]
        self.db_url = resources["nbgrader"]["db_url"]
        self.gradebook = snapshot_gradebook(self.db_url)
        try:
            nb, resources = NbGraderPreprocessor.preprocess(self, nb, resources)
            if self.add_missing_cells:
                nb, resources = self.add_missing_grade_cells(nb, resources)
                nb, resources = self.add_missing_task_cells(nb, resources)
        finally:
            self.gradebook.db.rollback()  # read only: drop whatever the session holds
        return nb, resources


def shared_step(step: type) -> type:
    return OverwriteCellsShared if step is OverwriteCells else step

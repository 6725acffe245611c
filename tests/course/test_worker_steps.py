"""The worker's faster steps keep nbgrader's behaviour: same schema errors, same overwritten cells."""

from __future__ import annotations

import jsonschema
import pytest
from nbformat.v4 import new_code_cell
from nbgrader.nbgraderformat import MetadataValidator, ValidationError

from autograder.course.worker_steps import check_schemas_once, validate

SCHEMA = {"type": "object", "properties": {"points": {"type": "number"}, "grade_id": {"type": "string"}},
          "required": ["grade_id"], "additionalProperties": False}


@pytest.mark.parametrize("instance", [{"grade_id": "a", "points": "hai"}, {"points": 1}, {"grade_id": "a", "x": 1}])
def test_validate_raises_what_jsonschema_raises(instance):
    with pytest.raises(jsonschema.ValidationError) as theirs:
        jsonschema.validate(instance, SCHEMA)
    for _ in range(2):  # the second time from the remembered validator
        with pytest.raises(jsonschema.ValidationError) as ours:
            validate(instance, SCHEMA)
        assert (ours.value.message, list(ours.value.path)) == (theirs.value.message, list(theirs.value.path))
    validate({"grade_id": "a", "points": 2}, SCHEMA)


def test_a_bad_schema_is_still_refused():
    with pytest.raises(jsonschema.SchemaError):
        validate({}, {"type": "khong_co_kieu_nay"})


def test_nbgrader_metadata_check_still_refuses_bad_cells_after_the_switch():
    check_schemas_once()
    check_schemas_once()  # twice is harmless
    cell = new_code_cell("x = 1", metadata={"nbgrader": {"grade": True, "solution": False, "locked": False,
                                                         "grade_id": "cau_1", "points": 2, "schema_version": 3}})
    MetadataValidator().validate_cell(cell)
    cell.metadata.nbgrader.points = "hai"
    with pytest.raises(ValidationError):
        MetadataValidator().validate_cell(cell)

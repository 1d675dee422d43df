from __future__ import annotations

import pytest

from contracts.defects import is_spec_defect


@pytest.mark.parametrize(
    ("check", "status", "responses", "defect"),
    [
        ("status_code_conformance", 400, {"200": {}}, True),
        ("status_code_conformance", 401, {"200": {}, "5XX": {}}, True),
        ("status_code_conformance", 400, {"200": {}, "404": {}}, True),
        ("status_code_conformance", 400, {"200": {}, "4XX": {}}, False),
        ("status_code_conformance", 400, {"200": {}, "default": {}}, False),
        ("status_code_conformance", 500, {"200": {}}, False),
        ("status_code_conformance", 201, {"200": {}}, False),
        ("negative_data_rejection", 200, {"200": {}}, False),
        ("status_code_conformance", None, {"200": {}}, False),
        # Client errors are declared, but none that says "invalid input" or "no credentials".
        ("status_code_conformance", 400, {"200": {}, "401": {}, "409": {}}, True),
        ("status_code_conformance", 400, {"200": {}, "422": {}}, False),
        ("status_code_conformance", 422, {"200": {}, "400": {}}, False),
        ("status_code_conformance", 401, {"200": {}, "400": {}}, True),
        ("status_code_conformance", 401, {"200": {}, "403": {}}, False),
        ("status_code_conformance", 404, {"200": {}, "400": {}}, True),
        ("status_code_conformance", 404, {"200": {}, "404": {}}, False),
        ("status_code_conformance", 409, {"200": {}, "400": {}}, False),
    ],
)
def test_only_statuses_the_spec_leaves_no_room_for(check, status, responses, defect):
    assert is_spec_defect(check, status, responses) is defect

"""Cases whose form body cannot say what was generated are not sent."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from contracts.forms import drop_unsendable_form_cases

FORM = {
    "type": "object",
    "required": ["file"],
    "properties": {"file": {"anyOf": [{}, {"type": "string"}]}, "note": {}},
}


def unsendable(media_type: str, *, dropping: bool) -> tuple[int, int]:
    """(required fields drawn as null or [], cases drawn) for one body media type."""
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "http://127.0.0.1:9"}],
        "paths": {
            "/up": {
                "post": {
                    "requestBody": {"required": True, "content": {media_type: {"schema": FORM}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    schema = schemathesis.openapi.from_dict(document)
    if dropping:
        drop_unsendable_form_cases(schema)
    counts = [0, 0]

    @settings(
        max_examples=100, derandomize=True, suppress_health_check=list(HealthCheck), deadline=None
    )
    @given(case=schema["/up"]["POST"].as_strategy())
    def draw(case: Any) -> None:
        counts[1] += 1
        counts[0] += case.body.get("file", ...) in (None, [])

    draw()
    return counts[0], counts[1]


@pytest.mark.parametrize("media_type", ["multipart/form-data", "application/x-www-form-urlencoded"])
def test_required_form_fields_are_never_null_or_empty_lists(media_type: str) -> None:
    assert unsendable(media_type, dropping=False)[0] > 0  # Schemathesis does draw them
    dropped, drawn = unsendable(media_type, dropping=True)
    assert dropped == 0
    assert drawn > 60


def test_json_bodies_keep_them() -> None:
    assert unsendable("application/json", dropping=True)[0] > 0

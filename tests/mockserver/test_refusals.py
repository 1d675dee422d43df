"""A refusal is answered with the status the operation documents for what went wrong."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mockserver import Incoming, Mount

ERROR = {"description": "e", "content": {"application/json": {"schema": {"type": "object"}}}}


def mount(responses: dict[str, Any]) -> Mount:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
        "paths": {
            "/a": {
                "get": {
                    "operationId": "a",
                    "parameters": [{"name": "n", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {"200": {"description": "ok"}, **responses},
                }
            }
        },
    }
    return Mount("t", document, "")


@pytest.mark.parametrize(
    ("declared", "headers", "expected"),
    [
        (["422"], {"authorization": "Bearer t"}, 422),
        (["400", "422"], {"authorization": "Bearer t"}, 400),
        (["4XX"], {"authorization": "Bearer t"}, 400),
        (["409"], {"authorization": "Bearer t"}, 400),
        (["403"], {}, 403),
        (["401", "403"], {}, 401),
        (["default"], {}, 401),
    ],
)
def test_the_status_that_says_the_same_is_used(declared, headers, expected):
    query = [("n", "x")] if "authorization" in headers else []
    outcome = mount(dict.fromkeys(declared, ERROR)).handle(Incoming("GET", "/a", query, headers))
    assert outcome.problem is not None
    assert outcome.result.status == expected
    assert outcome.problem.status == expected


def test_a_refusal_answered_as_declared_keeps_the_detail():
    outcome = mount({"422": ERROR}).handle(
        Incoming("GET", "/a", [("n", "x")], {"authorization": "Bearer t"})
    )
    reply = outcome.result
    assert reply.headers["Content-Type"] == "application/json"
    assert isinstance(json.loads(reply.body), dict)
    assert "breaks the contract" in reply.headers["Specmock-Problem"]

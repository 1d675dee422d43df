from __future__ import annotations

import specs
from contracts import infer_links


def document(response_schema: dict) -> dict:
    ok = {"description": "ok", "content": {"application/json": {"schema": response_schema}}}
    return {
        "openapi": "3.1.0",
        "paths": {
            "/things": {"post": {"operationId": "createThing", "responses": {"201": ok}}},
            "/things/{thingId}": {
                "get": {"operationId": "getThing", "responses": {"200": {"description": "ok"}}},
                "delete": {
                    "operationId": "deleteThing",
                    "responses": {"204": {"description": "gone"}},
                },
            },
        },
    }


def test_id_at_the_top_of_the_created_body():
    result, added = infer_links(
        document({"type": "object", "properties": {"id": {"type": "string"}}})
    )
    links = result["paths"]["/things"]["post"]["responses"]["201"]["links"]
    assert added == 2
    assert links["x-specmock-getThing"] == {
        "operationId": "getThing",
        "parameters": {"path.thingId": "$response.body#/id"},
    }
    assert links["x-specmock-deleteThing"]["operationId"] == "deleteThing"


def test_id_named_like_the_parameter_one_level_down():
    schema = {
        "type": "object",
        "properties": {"thing": {"type": "object", "properties": {"thingId": {"type": "integer"}}}},
    }
    result, _ = infer_links(document(schema))
    link = result["paths"]["/things"]["post"]["responses"]["201"]["links"]["x-specmock-getThing"]
    assert link["parameters"] == {"path.thingId": "$response.body#/thing/thingId"}


def test_no_id_no_link_and_the_input_is_untouched():
    original = document({"type": "object", "properties": {"name": {"type": "string"}}})
    result, added = infer_links(original)
    assert added == 0
    assert "links" not in result["paths"]["/things"]["post"]["responses"]["201"]


def test_declared_links_are_kept():
    original = document({"type": "object", "properties": {"id": {"type": "string"}}})
    original["paths"]["/things"]["post"]["responses"]["201"]["links"] = {
        "mine": {"operationId": "getThing"}
    }
    result, added = infer_links(original)
    assert added == 0
    assert result["paths"]["/things"]["post"]["responses"]["201"]["links"] == {
        "mine": {"operationId": "getThing"}
    }


def test_scenario_gets_create_read_delete_chains():
    result, added = infer_links(specs.load("scenario"))
    links = result["paths"]["/collections"]["post"]["responses"]["200"]["links"]
    assert added >= 10
    assert {link["parameters"]["path.collectionId"] for link in links.values()} == {
        "$response.body#/collection/id"
    }

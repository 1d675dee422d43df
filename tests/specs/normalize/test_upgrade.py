from __future__ import annotations

import pytest

from specs.normalize.upgrade import upgrade


def upgraded(schema, report):
    document = {"openapi": "3.0.3", "components": {"schemas": {"S": schema}}}
    upgrade(document, report)
    assert document["openapi"] == "3.1.0"
    return document["components"]["schemas"]["S"]


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string", "nullable": True}, {"type": ["string", "null"]}),
        ({"type": "string", "nullable": False}, {"type": "string"}),
        (
            {"type": "string", "enum": ["a"], "nullable": True},
            {"type": ["string", "null"], "enum": ["a", None]},
        ),
        (
            {"$ref": "#/components/schemas/T", "nullable": True},
            {"anyOf": [{"$ref": "#/components/schemas/T"}, {"type": "null"}]},
        ),
        (
            {"oneOf": [{"type": "integer"}], "nullable": True},
            {"oneOf": [{"type": "integer"}, {"type": "null"}]},
        ),
        ({"nullable": True, "description": "any"}, {"description": "any"}),
        (
            {"type": "number", "minimum": 0, "exclusiveMinimum": True},
            {"type": "number", "exclusiveMinimum": 0},
        ),
        (
            {"type": "number", "maximum": 9, "exclusiveMaximum": False},
            {"type": "number", "maximum": 9},
        ),
        ({"type": "string", "example": "x"}, {"type": "string", "examples": ["x"]}),
    ],
)
def test_schema_constructs_of_3_0_become_3_1(schema, expected, report):
    assert upgraded(schema, report) == expected
    assert len(report) == 0


def test_nested_schemas_are_upgraded_but_property_names_are_not(report):
    schema = {
        "type": "object",
        "properties": {
            "nullable": {"type": "boolean", "nullable": True},
            "example": {"type": "array", "items": {"type": "integer", "example": 3}},
        },
    }
    result = upgraded(schema, report)
    assert result["properties"]["nullable"] == {"type": ["boolean", "null"]}
    assert result["properties"]["example"]["items"] == {"type": "integer", "examples": [3]}


def test_exclusive_flag_without_bound_is_reported(report):
    assert upgraded({"type": "integer", "exclusiveMinimum": True}, report) == {"type": "integer"}
    (finding,) = report
    assert finding.pointer == "/components/schemas/S/exclusiveMinimum"


def test_parameter_example_stays_an_example(report):
    document = {
        "openapi": "3.0.0",
        "paths": {
            "/a": {
                "get": {
                    "parameters": [
                        {"name": "q", "in": "query", "example": 1, "schema": {"type": "integer"}}
                    ]
                }
            }
        },
    }
    upgrade(document, report)
    assert document["paths"]["/a"]["get"]["parameters"][0]["example"] == 1


BINARY = {"type": "string", "format": "binary"}


@pytest.mark.parametrize(
    ("media_type", "schema", "expected"),
    [
        ("image/png", BINARY, None),
        ("application/octet-stream", {**BINARY, "description": "raw"}, {"description": "raw"}),
        ("text/plain; charset=utf-8", BINARY, None),
        ("application/json", BINARY, BINARY),
        ("application/problem+json", BINARY, BINARY),
        ("multipart/form-data", BINARY, BINARY),
        ("image/png", {"type": "string", "format": "byte"}, {"type": "string", "format": "byte"}),
        ("image/png", {"$ref": "#/components/schemas/File"}, {"$ref": "#/components/schemas/File"}),
    ],
)
def test_raw_byte_bodies_lose_their_json_string_type(media_type, schema, expected, report):
    media = {"schema": dict(schema)}
    document = {
        "openapi": "3.0.0",
        "paths": {"/a": {"get": {"responses": {"200": {"content": {media_type: media}}}}}},
    }
    upgrade(document, report)
    assert media.get("schema") == expected
    assert len(report) == 0

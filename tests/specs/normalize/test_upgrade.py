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

from __future__ import annotations

from specs.normalize.values import (
    INVALID_EXAMPLE,
    INVALID_EXAMPLES,
    ORIGINAL_DEFAULT,
    repair_values,
)


def document_with(schema, media=None):
    return {
        "openapi": "3.1.0",
        "paths": {
            "/a": {
                "post": {"requestBody": {"content": {"application/json": media or {"schema": {}}}}}
            }
        },
        "components": {"schemas": {"S": schema, "Kind": {"type": "string", "enum": ["a", "b"]}}},
    }


def test_quoted_default_is_unquoted(report):
    document = document_with({"type": "string", "enum": ["png", "jpeg"], "default": "'png'"})
    repair_values(document, report)
    assert document["components"]["schemas"]["S"]["default"] == "png"
    assert document["components"]["schemas"]["S"][ORIGINAL_DEFAULT] == "'png'"
    assert [f.pointer for f in report] == ["/components/schemas/S/default"]


def test_impossible_default_is_moved_aside(report):
    document = document_with({"type": "string", "enum": ["likeness"], "default": "undefined"})
    repair_values(document, report)
    schema = document["components"]["schemas"]["S"]
    assert "default" not in schema
    assert schema[ORIGINAL_DEFAULT] == "undefined"


def test_defaults_are_checked_through_references(report):
    document = document_with(
        {
            "type": "object",
            "properties": {"k": {"$ref": "#/components/schemas/Kind", "default": "c"}},
        }
    )
    repair_values(document, report)
    assert [f.pointer for f in report] == ["/components/schemas/S/properties/k/default"]


def test_valid_values_are_untouched(report):
    schema = {"type": "integer", "minimum": 1, "default": 1, "examples": [1, 2]}
    document = document_with(schema, {"schema": {"$ref": "#/components/schemas/S"}, "example": 5})
    repair_values(document, report)
    assert document["components"]["schemas"]["S"] == schema
    assert len(report) == 0


def test_invalid_examples_are_moved_aside(report):
    media = {
        "schema": {"$ref": "#/components/schemas/S"},
        "example": {"n": "one"},
        "examples": {
            "good": {"value": {"n": 1}},
            "bad": {"value": {}},
            "ref": {"$ref": "#/components/examples/E"},
        },
    }
    document = document_with(
        {
            "type": "object",
            "required": ["n"],
            "properties": {"n": {"type": "integer"}},
            "examples": [{"n": 1}, {"n": None}],
        },
        media,
    )
    document["components"]["examples"] = {"E": {"value": {"n": "x"}}}
    repair_values(document, report)
    schema = document["components"]["schemas"]["S"]
    assert schema["examples"] == [{"n": 1}]
    assert schema[INVALID_EXAMPLES] == [{"n": None}]
    media = document["paths"]["/a"]["post"]["requestBody"]["content"]["application/json"]
    assert INVALID_EXAMPLE in media
    assert "example" not in media
    assert list(media["examples"]) == ["good"]
    assert list(media[INVALID_EXAMPLES]) == ["bad", "ref"]
    assert {f.code for f in report} == {"invalid-example"}
    assert len(report) == 4


def test_a_pattern_python_cannot_run_is_not_checked_and_the_others_are(report):
    ecma = {"type": "string", "pattern": r"^[\p{L}\p{N}]*$", "default": "Zoë", "maxLength": 2}
    python = {"type": "string", "pattern": "^[a-z]+$", "default": "Zoë"}
    document = document_with({"type": "object", "properties": {"e": ecma, "p": python}})
    repair_values(document, report)
    ecma_finding, python_finding = report
    assert ecma_finding.pointer == "/components/schemas/S/properties/e/default"
    assert "too long" in ecma_finding.message
    assert python_finding.pointer == "/components/schemas/S/properties/p/default"
    assert "does not match '^[a-z]+$'" in python_finding.message

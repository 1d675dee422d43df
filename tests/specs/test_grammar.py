from __future__ import annotations

import pytest

from specs.grammar import canonicalize, misfit, walk

DOC = {
    "paths": {
        "/b": {"get": {"responses": {"default": {"description": "d"}, "404": {}, "200": {}}}},
        "/a": {
            "post": {
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "properties": {
                                    "type": {"type": "string"},
                                    "format": {"$ref": "#/components/schemas/F"},
                                },
                                "type": "object",
                            },
                            "example": {"format": {"type": 1}},
                        }
                    }
                },
                "parameters": [{"$ref": "#/components/parameters/P"}],
            }
        },
    },
    "info": {"version": "1", "title": "t"},
    "openapi": "3.1.0",
    "components": {"schemas": {"Z": {}, "F": {"items": {"type": "integer"}}}},
}


def test_walk_knows_property_names_from_keywords():
    schemas = [p for p, kind, _ in walk(DOC) if kind == "Schema"]
    body = "/paths/~1a/post/requestBody/content/application~1json/schema"
    assert f"{body}/properties/type" in schemas
    assert f"{body}/properties/format" in schemas
    assert "/components/schemas/F/items" in schemas
    # examples are data, not schemas
    assert not any("/example" in p for p in schemas)


def test_walk_yields_references_with_the_kind_they_stand_for():
    found = {p: kind for p, kind, node in walk(DOC) if "$ref" in node}
    assert found == {
        "/paths/~1a/post/requestBody/content/application~1json/schema/properties/format": "Schema",
        "/paths/~1a/post/parameters/0": "Parameter",
    }


def test_canonical_order():
    result = canonicalize(DOC)
    assert list(result) == ["openapi", "info", "paths", "components"]
    assert list(result["info"]) == ["title", "version"]
    assert list(result["paths"]) == ["/a", "/b"]
    assert list(result["paths"]["/a"]["post"]) == ["parameters", "requestBody"]
    assert list(result["paths"]["/b"]["get"]["responses"]) == ["200", "404", "default"]
    schema = result["paths"]["/a"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert list(schema) == ["type", "properties"]
    assert list(schema["properties"]) == ["type", "format"]  # property order is kept
    assert list(result["components"]["schemas"]) == ["F", "Z"]


def test_canonical_form_is_a_fixed_point_and_keeps_values():
    once = canonicalize(DOC)
    assert canonicalize(once) == once == DOC


def test_a_document_whose_objects_are_where_the_grammar_puts_them_has_no_misfit():
    assert misfit(DOC) is None


@pytest.mark.parametrize(
    ("document", "found"),
    [
        (
            {"paths": {"/a": {"get": {"parameters": [None, 3]}}}},
            ("/paths/~1a/get/parameters/0", "Parameter", None),
        ),
        (
            {"components": {"schemas": {"A": {"allOf": {"3": {}}}}}},
            ("/components/schemas/A/allOf", "list of Schema", {"3": {}}),
        ),
        (
            {"paths": {"/a": {"get": {"responses": {"200": "ok"}}}}},
            ("/paths/~1a/get/responses/200", "Response", "ok"),
        ),
        ({"info": None, "paths": []}, ("/info", "Info", None)),
        (
            {"paths": {"/a": {"get": {"tags": "pets", "parameters": [{"name": 3}]}}}},
            ("/paths/~1a/get/tags", "list", "pets"),
        ),
        (
            {"paths": {"/a": {"get": {"parameters": [{"name": 3, "in": "query"}]}}}},
            ("/paths/~1a/get/parameters/0/name", "string", 3),
        ),
        # Boolean schemas, the tuple form of `items`, extensions and references are objects.
        (
            {
                "paths": {"x-note": 1, "/a": {"parameters": [{"$ref": "#/p"}]}},
                "components": {"schemas": {"A": {"properties": {"b": True}, "items": [{}]}}},
            },
            None,
        ),
    ],
)
def test_the_first_misfit_in_document_order_is_found_with_its_place(document, found):
    assert misfit(document) == found

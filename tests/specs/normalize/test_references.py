from __future__ import annotations

from specs.normalize.references import UNRESOLVED_KEY, repair_references


def test_broken_references_get_permissive_stand_ins(report):
    document = {
        "paths": {
            "/a": {
                "get": {
                    "parameters": [
                        {"$ref": "#/components/parameters/Gone"},
                        {"$ref": "#/components/parameters/Ok"},
                    ],
                    "responses": {"200": {"$ref": "#/components/responses/Gone"}},
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "a": {
                                            "$ref": "#/components/schemas/Missing",
                                            "description": "kept",
                                        },
                                        "b": {"$ref": "other.yaml#/Thing"},
                                        "c": {"$ref": "#/components/schemas/Here"},
                                        "d": {"$ref": "#/components/schemas/With%20Space"},
                                    },
                                }
                            }
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {"Here": {}, "With Space": {}},
            "parameters": {"Ok": {"name": "q", "in": "query", "schema": {}}},
        },
    }
    repair_references(document, report)
    operation = document["paths"]["/a"]["get"]
    properties = operation["requestBody"]["content"]["application/json"]["schema"]["properties"]
    assert properties["a"] == {
        "description": "kept",
        UNRESOLVED_KEY: "#/components/schemas/Missing",
    }
    assert properties["b"] == {UNRESOLVED_KEY: "other.yaml#/Thing"}
    assert properties["c"] == {"$ref": "#/components/schemas/Here"}
    assert properties["d"] == {"$ref": "#/components/schemas/With%20Space"}
    assert operation["responses"]["200"]["description"]
    assert operation["parameters"] == [{"$ref": "#/components/parameters/Ok"}]
    messages = {f.pointer: f.message for f in report}
    assert (
        "external reference"
        in messages["/paths/~1a/get/requestBody/content/application~1json/schema/properties/b"]
    )
    assert "parameter dropped" in messages["/paths/~1a/get/parameters/0"]
    assert len(report) == 4

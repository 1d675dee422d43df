from __future__ import annotations

import pytest

from specs.normalize.operations import complete_operations, derive_operation_id


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("get", "/assets/{assetId}/tags", "getAssetsByAssetIdTags"),
        ("post", "/", "post"),
        ("delete", "/v1/chat-completions/{chat_id}", "deleteV1ChatCompletionsByChatId"),
    ],
)
def test_derived_operation_ids(method, path, expected):
    assert derive_operation_id(method, path) == expected


def test_missing_and_duplicate_ids_become_unique(report):
    document = {
        "paths": {
            "/a": {
                "get": {
                    "operationId": "same",
                    "tags": ["t"],
                    "responses": {"200": {"description": "ok"}},
                },
                "post": {
                    "operationId": "same",
                    "tags": ["t"],
                    "responses": {"200": {"description": "ok"}},
                },
            },
            "/b": {"get": {"tags": ["t"], "responses": {"200": {"description": "ok"}}}},
            "/c": {
                "get": {
                    "operationId": "postA",
                    "tags": ["t"],
                    "responses": {"200": {"description": "ok"}},
                }
            },
        },
        "tags": [{"name": "t"}],
    }
    complete_operations(document, report)
    ids = [
        document["paths"][p][m]["operationId"]
        for p, m in [("/a", "get"), ("/a", "post"), ("/b", "get"), ("/c", "get")]
    ]
    assert ids == ["same", "postA2", "getB", "postA"]
    assert {f.pointer for f in report if f.code == "operation-id"} == {
        "/paths/~1a/post/operationId",
        "/paths/~1b/get/operationId",
    }


def test_operations_get_tags_responses_and_path_parameters(report):
    document = {
        "paths": {
            "/users/{id}/posts/{postId}": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "get": {
                    "operationId": "x",
                    "parameters": [{"name": "postId", "in": "path", "schema": {}}],
                },
                "put": {"operationId": "y", "responses": {"204": {}}},
            }
        }
    }
    complete_operations(document, report)
    item = document["paths"]["/users/{id}/posts/{postId}"]
    assert item["get"]["tags"] == ["users"]
    assert item["get"]["responses"] == {"default": {"description": "Unspecified response"}}
    assert item["get"]["parameters"][0]["required"] is True
    assert item["put"]["responses"]["204"]["description"] == "No Content"
    assert item["put"]["parameters"] == [
        {"name": "postId", "in": "path", "required": True, "schema": {"type": "string"}}
    ]
    assert document["tags"] == [{"name": "users"}]
    assert {f.code for f in report} == {
        "tag",
        "no-responses",
        "path-parameter",
        "response-description",
        "no-client-error-response",
    }
    defects = {f.pointer for f in report if f.code == "no-client-error-response"}
    assert defects == {"/paths/~1users~1{id}~1posts~1{postId}/put/responses"}


def test_path_parameters_declared_by_reference_are_recognized(report):
    document = {
        "paths": {
            "/a/{id}": {
                "get": {
                    "operationId": "x",
                    "tags": ["a"],
                    "responses": {"200": {"description": "ok"}, "4XX": {"description": "no"}},
                    "parameters": [{"$ref": "#/components/parameters/Id"}],
                }
            }
        },
        "components": {
            "parameters": {"Id": {"name": "id", "in": "path", "required": True, "schema": {}}}
        },
        "tags": [{"name": "a"}],
    }
    complete_operations(document, report)
    assert document["paths"]["/a/{id}"]["get"]["parameters"] == [
        {"$ref": "#/components/parameters/Id"}
    ]
    assert len(report) == 0


QUERY = [{"name": "q", "in": "query", "schema": {"type": "integer"}}]


@pytest.mark.parametrize(
    ("operation", "security", "codes"),
    [
        ({"parameters": QUERY, "responses": {"200": {}, "401": {}}}, None, ["invalid-input"]),
        ({"requestBody": {}, "responses": {"200": {}, "401": {}}}, None, ["invalid-input"]),
        ({"parameters": QUERY, "responses": {"200": {}, "422": {}}}, None, []),
        ({"responses": {"200": {}, "401": {}}}, None, []),
        ({"responses": {"200": {}, "400": {}}}, [{"bearer": []}], ["unauthorized"]),
        ({"responses": {"200": {}, "400": {}}}, [{"bearer": []}, {}], []),
        ({"responses": {"200": {}, "4XX": {}}}, [{"bearer": []}], []),
        ({"responses": {"200": {}, "400": {}}, "security": []}, [{"bearer": []}], []),
        ({"parameters": QUERY, "responses": {"200": {}}}, [{"bearer": []}], ["client-error"]),
    ],
)
def test_refusals_without_a_documented_status_are_defects(report, operation, security, codes):
    document = {"paths": {"/a": {"get": {"operationId": "a", "tags": ["a"], **operation}}}}
    document["tags"] = [{"name": "a"}]
    if security is not None:
        document["security"] = security
    for response in operation["responses"].values():
        response["description"] = "d"
    complete_operations(document, report)
    defects = [f for f in report if f.severity == "defect"]
    assert [f.code for f in defects] == [f"no-{code}-response" for code in codes]
    assert {f.pointer for f in defects} <= {"/paths/~1a/get/responses"}


def test_header_parameters_openapi_ignores_are_moved_aside(report):
    accept = {"name": "Accept", "in": "header", "schema": {"type": "string"}}
    limit = {"name": "limit", "in": "query", "schema": {"type": "integer"}}
    document = {
        "paths": {
            "/a": {
                "parameters": [{"$ref": "#/components/parameters/Auth"}],
                "get": {
                    "operationId": "a",
                    "tags": ["a"],
                    "parameters": [accept, limit],
                    "responses": {"200": {"description": "ok"}, "default": {"description": "e"}},
                },
            }
        },
        "components": {
            "parameters": {"Auth": {"name": "authorization", "in": "header", "schema": {}}}
        },
        "tags": [{"name": "a"}],
    }
    complete_operations(document, report)
    item = document["paths"]["/a"]
    assert "parameters" not in item
    assert item["x-specmock-ignored-parameters"] == [{"$ref": "#/components/parameters/Auth"}]
    assert item["get"]["parameters"] == [limit]
    assert item["get"]["x-specmock-ignored-parameters"] == [accept]
    assert sorted(f.pointer for f in report if f.code == "ignored-parameter") == [
        "/paths/~1a/get/x-specmock-ignored-parameters/0",
        "/paths/~1a/x-specmock-ignored-parameters/0",
    ]


def test_operations_on_a_deletable_resource_without_a_404_are_defects(report):
    ok, bad = {"description": "ok"}, {"description": "bad input"}
    document = {
        "paths": {
            "/things": {"get": {"responses": {"200": ok, "400": bad}}},
            "/things/{id}": {
                "get": {"responses": {"200": ok, "400": bad}},
                "delete": {"responses": {"204": ok, "400": bad, "404": ok}},
            },
            "/things/{id}/parts": {"get": {"responses": {"200": ok, "4XX": bad}}},
            "/things/{id}/tags": {"get": {"responses": {"200": ok, "400": bad}}},
        },
        "tags": [{"name": "things"}],
    }
    complete_operations(document, report)
    assert sorted(f.pointer for f in report if f.code == "no-not-found-response") == [
        "/paths/~1things~1{id}/get/responses",
        "/paths/~1things~1{id}~1tags/get/responses",
    ]

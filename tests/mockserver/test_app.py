"""The Flask app in-process: responses, `Prefer`, media, journal and CORS on a small spec."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

import specs
from mockserver import build_mounts, create_app
from mockserver.fixtures import FixtureGenerator

FEATURES = Path(__file__).parent / "data" / "features.yaml"
AUTH = {"Authorization": "Bearer t", "X-Request-Id": "8a3f2a52-9d3b-4ad8-8f0c-3c2b5b1b7a10"}


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    from mockserver import Journal

    app = create_app(build_mounts([str(FEATURES)], seed=3), journal=Journal(tmp_path / "journal"))
    return app.test_client()


def schema_errors(schema: dict[str, Any], value: Any) -> list[str]:
    document = specs.load(FEATURES)
    document["x-check"] = schema
    return specs.normalize.SchemaChecker(document).errors("/x-check", value)


def test_mounted_at_the_first_server_path_with_variables_filled(client):
    assert client.get("/api/v2/pets", headers=AUTH).status_code == 200
    assert client.get("/pets", headers=AUTH).status_code == 404


def test_first_example_and_declared_headers(client):
    response = client.get("/api/v2/pets", headers=AUTH)
    assert response.json == [{"id": 1, "name": "Rex"}, {"id": 2, "name": "Tom", "tag": "cat"}]
    assert int(response.headers["X-Total"]) >= 0


def test_prefer_example_code_and_dynamic(client):
    named = client.get("/api/v2/pets", headers={**AUTH, "Prefer": "example=none"})
    assert named.json == []
    missing = client.get("/api/v2/pets", headers={**AUTH, "Prefer": "code=404"})
    assert missing.status_code == 404
    assert isinstance(missing.json, dict)
    dynamic = client.get("/api/v2/pets?limit=5", headers={**AUTH, "Prefer": "dynamic=true"})
    again = client.get("/api/v2/pets?limit=5", headers={**AUTH, "Prefer": "dynamic=true"})
    assert dynamic.json == again.json
    pet = {"$ref": "#/components/schemas/Pet"}
    assert schema_errors({"type": "array", "items": pet}, dynamic.json) == []
    unknown = client.get("/api/v2/pets", headers={**AUTH, "Prefer": "example=three"})
    assert unknown.status_code == 400
    assert "two, none" in unknown.json["detail"]


def test_generated_body_is_valid(client):
    # OpenAPI 3.1 semantics, as openapi-core's: a required readOnly property is still required.
    response = client.post("/api/v2/pets", json={"id": 1, "name": "Rex"}, headers=AUTH)
    assert response.status_code == 201
    assert schema_errors({"$ref": "#/components/schemas/Pet"}, response.json) == []


def test_form_body_is_typed_and_validated(client):
    ok = client.post("/api/v2/pets", data={"id": "4", "name": "Rex", "tag": "dog"}, headers=AUTH)
    assert ok.status_code == 201
    bad = client.post("/api/v2/pets", data={"id": "4", "tag": "dog"}, headers=AUTH)
    assert bad.status_code == 400
    assert bad.json["errors"] == [{"location": "body", "message": '"name" is a required property'}]


def test_multipart_body(client):
    data = {"file": (FEATURES.open("rb"), "spec.yaml"), "caption": "short"}
    ok = client.put(
        "/api/v2/pets/1/photo", data=data, headers=AUTH, content_type="multipart/form-data"
    )
    assert ok.status_code == 204
    assert ok.data == b""
    bad = client.put(
        "/api/v2/pets/1/photo",
        data={"caption": "far too long"},
        headers=AUTH,
        content_type="multipart/form-data",
    )
    assert bad.status_code == 400
    assert {e["location"] for e in bad.json["errors"]} == {"body", "body/caption"}


def test_binary_and_text_media_by_accept(client):
    png = client.get("/api/v2/pets/7/photo")
    assert png.headers["Content-Type"] == "image/png"
    assert png.data.startswith(b"\x89PNG\r\n\x1a\n")
    text = client.get("/api/v2/pets/7/photo", headers={"Accept": "text/plain"})
    assert text.headers["Content-Type"] == "text/plain"
    assert len(text.data.decode()) <= 20
    assert client.get("/api/v2/pets/x/photo").status_code == 400


def test_server_sent_events_carry_valid_items(client):
    response = client.post("/api/v2/stream", json={"prompt": "hi"})
    assert response.headers["Content-Type"].startswith("text/event-stream")
    events = [e for e in response.data.decode().split("\n\n") if e.strip()]
    assert len(events) >= 2
    for event in events:
        data = "\n".join(
            line[len("data: ") :] for line in event.splitlines() if line.startswith("data: ")
        )
        if data != "[DONE]":
            assert schema_errors({"$ref": "#/components/schemas/Chunk"}, json.loads(data)) == []


def test_missing_required_header_and_wrong_query_type(client):
    response = client.get("/api/v2/pets?limit=many", headers={"Authorization": "Bearer t"})
    assert response.status_code == 400
    locations = {e["location"] for e in response.json["errors"]}
    assert locations == {"query/limit", "header/X-Request-Id"}


def test_cors_preflight(client):
    response = client.options(
        "/api/v2/pets",
        headers={
            "Origin": "http://localhost:3000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert response.headers["Access-Control-Allow-Headers"] == "content-type"


def test_journal_records_and_clears(client):
    client.get("/api/v2/pets", headers=AUTH)
    client.get("/api/v2/pets")
    entries = client.get("/__specmock/requests").json["requests"]
    assert [(e["operationId"], e["status"], e["valid"]) for e in entries] == [
        ("getPets", 200, True),
        ("getPets", 401, False),
    ]
    assert entries[1]["violations"][0]["location"] == "header/Authorization"
    assert client.delete("/__specmock/requests").status_code == 204
    assert client.get("/__specmock/requests").json["requests"] == []


def test_health_lists_mounts(client):
    body = client.get("/__specmock/health").json
    assert body == {
        "status": "ok",
        "specs": [{"name": "features", "basePath": "/api/v2", "operations": 5}],
    }


def test_fixture_generator_is_the_one_the_mock_uses():
    document = specs.load(FEATURES)
    value = FixtureGenerator(document).generate({"$ref": "#/components/schemas/Pet"}, 1)
    assert schema_errors({"$ref": "#/components/schemas/Pet"}, value) == []


def test_deleted_resources_are_gone_until_state_is_cleared(tmp_path):
    spec = tmp_path / "notes.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Notes, version: '1'}\npaths:\n  /notes/{id}:\n"
        "    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
        "    get: {responses: {'200': {description: ok, content: {application/json: "
        "{schema: {type: object}}}}, '404': {description: gone}}}\n"
        "    delete: {responses: {'204': {description: deleted}, '404': {description: gone}}}\n"
    )
    app = create_app(build_mounts([str(spec)], state=tmp_path))
    client = app.test_client()
    assert client.get("/notes/1").status_code == 200
    assert client.delete("/notes/1").status_code == 204
    assert client.get("/notes/1").status_code == 404
    assert client.delete("/notes/1").status_code == 404
    assert client.get("/notes/2").status_code == 200
    other_worker = create_app(build_mounts([str(spec)], state=tmp_path)).test_client()
    assert other_worker.get("/notes/1").status_code == 404
    assert client.delete("/__specmock/state").status_code == 204
    assert other_worker.get("/notes/1").status_code == 200


def test_unrouted_methods_get_405_with_allow(client):
    response = client.open("/api/v2/pets", method="QUERY", headers=AUTH)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, OPTIONS, POST"
    assert response.headers["Content-Type"] == "application/problem+json"


def test_creating_a_resource_again_revives_its_id(tmp_path):
    spec = tmp_path / "notes.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Notes, version: '1'}\npaths:\n"
        "  /notes:\n    post: {responses: {'201': {description: made, content: {application/json: "
        "{schema: {type: object, required: [id], properties: {id: {const: n1}}}}}}}}\n"
        "  /notes/{id}:\n"
        "    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
        "    get: {responses: {'200': {description: ok}, '404': {description: gone}}}\n"
        "    delete: {responses: {'204': {description: deleted}, '404': {description: gone}}}\n"
    )
    client = create_app(build_mounts([str(spec)], state=tmp_path)).test_client()
    assert client.post("/notes").json == {"id": "n1"}
    assert client.delete("/notes/n1").status_code == 204
    assert client.get("/notes/n1").status_code == 404
    assert client.post("/notes").status_code == 201
    assert client.get("/notes/n1").status_code == 200

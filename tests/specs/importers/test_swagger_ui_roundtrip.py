"""Round trip through the real Swagger UI: specs nobody here wrote, rendered in headless Chromium
by data/swagger_ui/render.mjs and copied as text, read back by the importer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

import specs
from specs.grammar import HTTP_METHODS
from specs.pointers import resolve

DATA = Path(__file__).parent / "data" / "swagger_ui"
RENDERED = sorted((DATA / "rendered").glob("*.txt"))

Shape = dict[tuple[str, str], tuple[set[tuple[str, str, bool]], set[str]]]


def operations(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, path): operation
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }


def resolved(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    return resolve(document, node["$ref"][1:]) if "$ref" in node else node


def source_of(rendering: Path) -> Path:
    return DATA / "sources" / f"{rendering.name.split('.')[0]}.json"


def shape(document: dict[str, Any]) -> Shape:
    """Each operation's parameters (name, location, required) and response codes; an
    operation without responses (OpenAPI 3.1 allows it) is given the `default` one that
    normalization gives it."""
    found: Shape = {}
    for (method, path), operation in operations(document).items():
        shared = document["paths"][path].get("parameters", [])
        merged = {}
        for node in [*shared, *operation.get("parameters", [])]:
            parameter = resolved(document, node)
            merged[parameter["name"], parameter["in"]] = bool(parameter.get("required"))
        parameters = {(name, where, required) for (name, where), required in merged.items()}
        found[method, path] = (parameters, set(operation.get("responses") or {"default"}))
    return found


def media_types(document: dict[str, Any]) -> dict[tuple[str, str, str], set[str]]:
    """The media types of each operation's request body and of each of its responses."""
    found = {}
    for (method, path), operation in operations(document).items():
        bodies = {"body": operation.get("requestBody", {}), **operation.get("responses", {})}
        for where, body in bodies.items():
            found[method, path, where] = set(resolved(document, body).get("content", {}))
    return found


def imported(rendering: Path) -> dict[str, Any]:
    return specs.normalize_text(rendering.read_text(), rendering.name).document


def original(rendering: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(source_of(rendering).read_text())
    return document


def test_every_source_is_rendered_in_both_forms() -> None:
    stems = {path.name.split(".")[0] for path in RENDERED}
    assert stems == {path.stem for path in (DATA / "sources").glob("*.json")}
    assert len(RENDERED) == 2 * len(stems) >= 6


@pytest.mark.parametrize("rendering", RENDERED, ids=lambda path: path.name)
def test_operations_parameters_and_responses_match_the_original(rendering: Path) -> None:
    assert shape(imported(rendering)) == shape(original(rendering))


@pytest.mark.parametrize("rendering", RENDERED, ids=lambda path: path.name)
def test_the_import_is_valid_and_keeps_servers_summaries_and_tags(rendering: Path) -> None:
    document = imported(rendering)
    assert list(OpenAPIV31SpecValidator(document).iter_errors()) == []
    assert document.get("servers") == original(rendering).get("servers")
    source = operations(original(rendering))
    for key, operation in operations(document).items():
        assert operation.get("summary") == source[key].get("summary"), key
        assert operation.get("deprecated", False) == source[key].get("deprecated", False), key
        assert operation["tags"] == source[key].get("tags", ["default"]), key


def form_fields(document: dict[str, Any]) -> dict[tuple[str, str, str], set[str]]:
    found = {}
    for (method, path), operation in operations(document).items():
        content = resolved(document, operation.get("requestBody", {})).get("content", {})
        for media, entry in content.items():
            if media.startswith(("multipart/", "application/x-www-form-urlencoded")):
                schema = resolved(document, entry.get("schema", {}))
                found[method, path, media] = set(schema.get("properties", {}))
    return found


@pytest.mark.parametrize(
    "rendering",
    [path for path in RENDERED if form_fields(original(path))],
    ids=lambda path: path.name,
)
def test_form_fields_match_the_original(rendering: Path) -> None:
    """The page shows the fields of the form its media type select picked."""
    expected, found = form_fields(original(rendering)), form_fields(imported(rendering))
    assert {key[:2] for key in found} == {key[:2] for key in expected}
    assert all(expected[key] == fields for key, fields in found.items())


@pytest.mark.parametrize(
    "rendering",
    [path for path in RENDERED if ".copied." not in path.name],
    ids=lambda path: path.name,
)
def test_inner_text_keeps_every_media_type(rendering: Path) -> None:
    """innerText lists every option of a media type select; the clipboard only the chosen."""
    expected, found = media_types(original(rendering)), media_types(imported(rendering))
    assert {key: found.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    "rendering",
    [path for path in RENDERED if ".copied." in path.name],
    ids=lambda path: path.name,
)
def test_both_copies_give_the_same_parameters_and_headers(rendering: Path) -> None:
    """Chromium's clipboard drops the cells' tabs and the unselected options; what the
    parameters and response headers say must survive either way."""
    inner = operations(imported(rendering.with_name(rendering.name.replace(".copied", ""))))
    for key, operation in operations(imported(rendering)).items():
        assert operation.get("parameters") == inner[key].get("parameters"), key
        for code, response in operation["responses"].items():
            assert response.get("headers") == inner[key]["responses"][code].get("headers")


def test_response_headers_and_parameter_examples() -> None:
    document = imported(DATA / "rendered" / "train-travel.txt")
    trips = document["paths"]["/trips"]["get"]
    assert trips["parameters"][0]["example"] == "efdbb9d1-02c2-4bc3-afb7-6788d8782b1e"
    assert trips["parameters"][3]["schema"] == {"type": "boolean", "default": False}
    assert trips["responses"]["200"]["headers"]["RateLimit"]["schema"] == {"type": "string"}


def test_a_body_without_responses_ends_with_its_json_even_last_on_the_page() -> None:
    page = (
        "Pets\nPOST\n/pets\nAdd.\nParameters\nTry it out\nNo parameters\nRequest body\n"
        'application/json\nExample Value\nSchema\n{\n  "name": "string"\n}\n'
        "Schemas\nPet{\nname\tstring\n}\n"
    )
    document = specs.normalize_text(page, "page").document
    body = document["paths"]["/pets"]["post"]["requestBody"]["content"]["application/json"]
    assert body["example"] == {"name": "string"}

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

import specs
from specs.catalog import SOURCES_DIR
from specs.errors import MalformedSource
from specs.importers import SwaggerUI, detect
from specs.importers.swagger_ui import schema_of, typed_value
from specs.inference import infer_schema
from specs.normalize import SchemaChecker
from specs.pointers import join, resolve

SOURCE = SOURCES_DIR / "imagine.swagger-ui.txt"
DATA = Path(__file__).parent / "data" / "swagger_ui"
METHOD_PATH = re.compile(r"^(GET|POST|PUT|PATCH|DELETE)\n(/\S*)$", re.MULTILINE)


@pytest.fixture(scope="module")
def imagine() -> dict[str, Any]:
    return specs.normalize_file(SOURCE).document


def expected_operations(text: str) -> dict[tuple[str, str], tuple[set[str], set[str]]]:
    """Each operation's parameter names and response codes, read from the text by regexes
    alone, independently of the importer's parser."""
    starts = list(METHOD_PATH.finditer(text))
    found = {}
    for start, end in zip(starts, [*starts[1:], None], strict=True):
        block = text[start.end() : end.start() if end else len(text)]
        parameters = re.findall(
            r"^(\S+)(?: \*)?\n.+\n\((?:query|path|header|cookie)\)$", block, re.M
        )
        codes = re.findall(r"^(\d{3})\t$", block, re.MULTILINE)
        found[start.group(1).lower(), start.group(2)] = (set(parameters), set(codes))
    return found


def test_every_operation_with_its_parameters_and_responses(imagine: dict[str, Any]) -> None:
    expected = expected_operations(SOURCE.read_text())
    assert len(expected) == 19
    for (method, path), (parameters, codes) in expected.items():
        operation = imagine["paths"][path][method]
        assert operation["tags"] == ["Imagine"]
        assert {p["name"] for p in operation.get("parameters", [])} == parameters
        assert set(operation["responses"]) == (codes or {"default"})


def test_imagine_is_valid_openapi_31(imagine: dict[str, Any]) -> None:
    assert list(OpenAPIV31SpecValidator(imagine).iter_errors()) == []
    assert imagine["info"] == {"title": "Imagine", "version": "0"}
    assert "servers" not in imagine


def test_every_example_validates_against_its_inferred_schema(imagine: dict[str, Any]) -> None:
    checker, checked = SchemaChecker(imagine), 0
    for path, item in imagine["paths"].items():
        for method, operation in item.items():
            pointer = join("/paths", path, method)
            bodies = [join(pointer, "requestBody")] if "requestBody" in operation else []
            bodies += [join(pointer, "responses", code) for code in operation["responses"]]
            for body in bodies:
                for media, entry in resolve(imagine, body).get("content", {}).items():
                    if "example" in entry:
                        at = join(body, "content", media, "schema")
                        assert checker.errors(at, entry["example"]) == [], at
                        checked += 1
    assert checked == len(re.findall(r"^[\[{]$", SOURCE.read_text(), re.MULTILINE))
    report = specs.normalize_file(SOURCE).report
    assert not [f for f in report if f.severity != "inferred"]


def test_identical_error_bodies_share_one_component(imagine: dict[str, Any]) -> None:
    schemas = imagine["components"]["schemas"]
    assert {"BadRequest", "ValidationError", "InternalServerError"} <= set(schemas)
    refs = [
        r["content"]["application/json"]["schema"]
        for item in imagine["paths"].values()
        for op in item.values()
        for code, r in op["responses"].items()
        if code == "422"
    ]
    assert refs
    assert all(r == {"$ref": "#/components/schemas/ValidationError"} for r in refs)


def test_collapsed_operations_keep_a_default_response(imagine: dict[str, Any]) -> None:
    for path in ("/images/inpaint", "/music"):
        assert set(imagine["paths"][path]["post"]["responses"]) == {"default"}
    report = specs.normalize_file(SOURCE).report
    collapsed = [f.pointer for f in report if f.code == "collapsed-operation"]
    assert collapsed == ["/paths/~1images~1inpaint/post", "/paths/~1music/post"]


def test_big_ints_and_additional_props_from_prompt(imagine: dict[str, Any]) -> None:
    body = imagine["paths"]["/prompt"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["properties"]["seed"] == {"type": "integer", "format": "int64"}
    assert body["schema"]["properties"]["messages"] == {"type": "array", "items": {}}


@pytest.mark.parametrize(
    ("line", "schema"),
    [
        ("integer", {"type": "integer"}),
        ("integer | (integer | null)", {"type": ["integer", "null"]}),
        ("string($binary)", {"type": "string", "format": "binary"}),
        ("string | (string | null)($binary)", {"type": ["string", "null"], "format": "binary"}),
        ("array<string>", {"type": "array", "items": {"type": "string"}}),
        ("array[integer]", {"type": "array", "items": {"type": "integer"}}),
        ("number($float)", {"type": "number", "format": "float"}),
    ],
)
def test_type_lines(line: str, schema: dict[str, Any]) -> None:
    assert schema_of(line) == schema


@pytest.mark.parametrize(
    ("text", "line", "value"),
    [
        ("40", "integer", 40),
        ("true", "boolean | (boolean | null)", True),
        ("1.5", "number", 1.5),
        ("40", "string", "40"),
        ("null", "string | (string | null)", None),
        ('["a"]', "array<string>", ["a"]),
        ("oops", "integer", "oops"),
    ],
)
def test_defaults_are_typed_by_their_schema(text: str, line: str, value: Any) -> None:
    assert typed_value(text, schema_of(line)) == value


@pytest.mark.parametrize(
    ("value", "schema"),
    [
        ({"additionalProp1": {}}, {"type": "object", "additionalProperties": {"type": "object"}}),
        (-9223372036854776000, {"type": "integer", "format": "int64"}),
        ([], {"type": "array", "items": {}}),
        (["a", 0], {"type": "array", "items": {"type": ["integer", "string"]}}),
        (
            [{"a": 1}, {"b": "x"}],
            {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"a": {"type": "integer"}, "b": {"type": "string"}},
                },
            },
        ),
        (None, {}),
        (1.5, {"type": "number"}),
    ],
)
def test_inference(value: Any, schema: dict[str, Any]) -> None:
    assert infer_schema(value) == schema


def test_a_page_with_tags_forms_headers_and_plain_text() -> None:
    text = (DATA / "two-tags.txt").read_text()
    assert isinstance(detect(text), SwaggerUI)
    document = specs.normalize_text(text, "two-tags").document
    assert list(OpenAPIV31SpecValidator(document).iter_errors()) == []
    assert [t["name"] for t in document["tags"]] == ["Pets", "Store"]
    pets = document["paths"]["/pets"]["get"]
    assert pets["parameters"][0] | {"schema": None} == {
        "name": "X-Trace",
        "in": "header",
        "required": True,
        "schema": None,
    }
    assert pets["parameters"][2]["schema"] == {
        "type": "string",
        "enum": ["cat", "dog"],
        "default": "cat",
    }
    item = pets["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    assert item["properties"]["labels"] == {
        "type": "object",
        "additionalProperties": {"type": "string"},
    }
    assert pets["responses"]["204"] == {"description": "Nothing"}
    order = document["paths"]["/orders"]["post"]
    form = order["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    assert form["required"] == ["quantity"]
    assert form["properties"]["note"]["type"] == ["string", "null"]
    assert order["tags"] == ["Store"]
    assert order["responses"]["201"]["content"]["text/plain"]["example"] == "created"
    assert document["paths"]["/pets/{petId}"]["delete"]["responses"].keys() == {"default"}


def test_form_with_a_binary_field_is_multipart(imagine: dict[str, Any]) -> None:
    content = imagine["paths"]["/stt"]["post"]["requestBody"]["content"]
    schema = content["multipart/form-data"]["schema"]
    assert schema["required"] == ["sample"]
    assert schema["properties"]["sample"]["format"] == "binary"


def test_sniff_needs_a_method_path_pair_and_the_responses_table() -> None:
    assert SwaggerUI().sniff("T\nGET\n/x\nS.\nResponses\nCode\tDescription\tLinks\n")


def test_no_operation_is_malformed() -> None:
    with pytest.raises(MalformedSource):
        SwaggerUI().read("Pets\nCode\tDescription\n", "x")


def test_the_page_header_gives_title_version_and_description() -> None:
    document = specs.normalize_text((DATA / "with-header.txt").read_text(), "h").document
    assert document["info"] == {
        "title": "FastAPI",
        "version": "0.1.0",
        "description": "A demo service.",
    }
    assert document["tags"] == [{"name": "default"}]
    assert document["servers"] == [{"url": "https://api.example.com"}]
    content = document["paths"]["/health"]["get"]["responses"]["200"]["content"]
    assert content == {"application/json": {"schema": {"type": "string"}, "example": "ok"}}

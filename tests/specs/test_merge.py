"""Enriching one normalized document from another (`specmock normalize SOURCE --enrich OTHER`)."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

import specs
from specs import catalog, load_yaml
from specs.merge import CONFLICT, ENRICHED, enrich, inline
from specs.normalize import iter_operations
from specs.pipeline import Normalized
from specs.report import Finding, Report, Severity

DATA = Path(__file__).parent / "importers" / "data" / "swagger_ui"
RENDERED = sorted((DATA / "rendered").glob("*.txt"))
OK = {"200": {"description": "OK"}, "400": {"description": "Bad"}}


def doc(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}}
    document["paths"] = paths
    if schemas:
        document["components"] = {"schemas": schemas}
    return document


def normalized(document: dict[str, Any], *guesses: str) -> Normalized:
    """A document as normalization leaves it, with `guesses` reported as inferred."""
    findings = [Finding(g, "inferred-schema", Severity.INFERRED, "a guess") for g in guesses]
    return Normalized(copy.deepcopy(document), Report("primary", findings))


def merged(primary: Normalized, other: dict[str, Any]) -> Normalized:
    result = enrich(primary, normalized(other), "other")
    assert list(OpenAPIV31SpecValidator(result.document).iter_errors()) == []
    return result


def codes(result: Normalized, code: str) -> dict[str, str]:
    return {f.pointer: f.message for f in result.report if f.code == code}


def operation(responses: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    return {"responses": responses or copy.deepcopy(OK), **fields}


def test_fills_what_the_primary_lacks_and_matches_renamed_path_parameters() -> None:
    primary = doc({"/pets/{id}": {"get": operation(summary="Get a pet.")}})
    other = doc(
        {
            "/pets/{petId}": {
                "get": operation(
                    operationId="getPet",
                    description="One pet.",
                    parameters=[
                        {"name": "petId", "in": "path", "required": True, "schema": {}},
                        {"name": "full", "in": "query", "schema": {"type": "boolean"}},
                    ],
                )
            }
        }
    )
    result = merged(normalized(primary), other)
    target = result.document["paths"]["/pets/{id}"]["get"]
    assert target["operationId"] == "getPet"
    assert target["description"] == "One pet."
    assert [(p["name"], p["in"]) for p in target["parameters"]] == [
        ("id", "path"),
        ("full", "query"),
    ]
    assert set(codes(result, ENRICHED)) >= {
        "/paths/~1pets~1{id}/get/operationId",
        "/paths/~1pets~1{id}/get/description",
        "/paths/~1pets~1{id}/get/parameters/0",
        "/paths/~1pets~1{id}/get/parameters/1",
    }
    assert codes(result, ENRICHED)[""] == "1 of 1 operations matched in other"
    assert not codes(result, CONFLICT)


def test_a_conflict_keeps_the_primary_and_reports_both_values() -> None:
    primary = doc({"/pets": {"get": operation(summary="List pets.")}})
    other = doc({"/pets": {"get": operation(summary="All the pets.")}})
    result = merged(normalized(primary), other)
    assert result.document["paths"]["/pets"]["get"]["summary"] == "List pets."
    message = codes(result, CONFLICT)["/paths/~1pets/get/summary"]
    assert '"List pets."' in message
    assert '"All the pets."' in message


def test_a_guess_is_replaced_and_its_finding_dropped() -> None:
    guessed = "/paths/~1pets/get/responses/200/content/application~1json/schema"
    content = {"application/json": {"schema": {"type": "object"}, "example": {"id": 1}}}
    primary = doc({"/pets": {"get": operation({"200": {"description": "OK", "content": content}})}})
    real = {"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]}
    stated = {"application/json": {"schema": real}}
    other = doc({"/pets": {"get": operation({"200": {"description": "OK", "content": stated}})}})
    result = merged(normalized(primary, guessed), other)
    entry = result.document["paths"]["/pets"]["get"]["responses"]["200"]["content"]
    assert entry["application/json"] == {"schema": real, "example": {"id": 1}}
    assert "replaces a guess" in codes(result, ENRICHED)[guessed]
    assert not codes(result, "inferred-schema")


def test_the_other_s_references_come_with_their_components_renamed_on_collision() -> None:
    primary = doc(
        {"/pets": {"get": operation()}, "/own": {"get": operation(summary="x")}},
        {"Pet": {"type": "string"}},
    )
    primary["paths"]["/own"]["get"]["responses"]["200"]["content"] = {
        "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}
    }
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}
    other = doc(
        {"/pets": {"get": operation({"200": {"description": "OK", "content": body}})}},
        {
            "Pet": {"type": "object", "properties": {"tag": {"$ref": "#/components/schemas/Tag"}}},
            "Tag": {"type": "string"},
        },
    )
    result = merged(normalized(primary), other)
    schemas = result.document["components"]["schemas"]
    assert schemas["Pet"] == {"type": "string"}
    assert schemas["Pet2"]["properties"]["tag"] == {"$ref": "#/components/schemas/Tag"}
    assert schemas["Tag"] == {"type": "string"}
    response = result.document["paths"]["/pets"]["get"]["responses"]["200"]
    assert response["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Pet2"
    }


def test_a_guessed_component_left_unused_is_dropped_and_its_name_reused() -> None:
    guess = "/components/schemas/Pet"
    use = {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}
    primary = doc(
        {"/pets": {"get": operation({"200": {"description": "OK", "content": use}})}},
        {"Pet": {"type": "object"}},
    )
    used_at = "/paths/~1pets/get/responses/200/content/application~1json/schema"
    other = doc(
        {
            "/pets": {
                "get": operation({"200": {"description": "OK", "content": copy.deepcopy(use)}})
            }
        },
        {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}},
    )
    result = merged(normalized(primary, guess, used_at), other)
    assert result.document["components"]["schemas"] == other["components"]["schemas"]
    assert result.document["paths"]["/pets"]["get"]["responses"]["200"]["content"] == use


@pytest.mark.parametrize(
    ("mine", "theirs", "expected", "code"),
    [
        ("integer", ["integer", "null"], ["integer", "null"], ENRICHED),
        (["integer", "null"], "integer", ["integer", "null"], CONFLICT),
        ("integer", "string", "integer", CONFLICT),
    ],
)
def test_a_nullable_union_fills_a_type_that_lost_it(
    mine: Any, theirs: Any, expected: Any, code: str
) -> None:
    def page(kind: Any) -> dict[str, Any]:
        parameter = {"name": "n", "in": "query", "schema": {"type": kind}}
        return doc({"/pets": {"get": operation(parameters=[parameter])}})

    result = merged(normalized(page(mine)), page(theirs))
    parameter = result.document["paths"]["/pets"]["get"]["parameters"][0]
    assert parameter["schema"]["type"] == expected
    assert "/paths/~1pets/get/parameters/0/schema/type" in codes(result, code)


def test_defaults_and_enums_fill_and_examples_conflict() -> None:
    schema = {"type": "string"}
    primary = doc(
        {
            "/p": {
                "get": operation(
                    parameters=[{"name": "q", "in": "query", "schema": schema, "example": "x"}]
                )
            }
        }
    )
    theirs = {"type": "string", "enum": ["x", "y"], "default": "x"}
    other = doc(
        {
            "/p": {
                "get": operation(
                    parameters=[
                        {
                            "name": "q",
                            "in": "query",
                            "schema": theirs,
                            "example": "y",
                        }
                    ]
                )
            }
        }
    )
    result = merged(normalized(primary), other)
    parameter = result.document["paths"]["/p"]["get"]["parameters"][0]
    assert parameter["schema"] == theirs
    assert parameter["example"] == "x"
    assert list(codes(result, CONFLICT)) == ["/paths/~1p/get/parameters/0/example"]


def test_a_guessed_media_type_takes_the_other_s_name_and_keeps_its_example() -> None:
    media = "/paths/~1p/get/responses/400/content/application~1json"
    content = {"application/json": {"schema": {"type": "object"}, "example": {"detail": "x"}}}
    primary = doc(
        {
            "/p": {
                "get": operation(
                    {
                        "200": {"description": "OK"},
                        "400": {"description": "Bad", "content": content},
                    }
                )
            }
        }
    )
    problem = {"type": "object", "properties": {"detail": {"type": "string"}}}
    stated = {"application/problem+json": {"schema": problem}}
    other = doc(
        {
            "/p": {
                "get": operation(
                    {"200": {"description": "OK"}, "400": {"description": "Bad", "content": stated}}
                )
            }
        }
    )
    result = merged(normalized(primary, media, media + "/schema"), other)
    response = result.document["paths"]["/p"]["get"]["responses"]["400"]
    assert response["content"] == {
        "application/problem+json": {"schema": problem, "example": {"detail": "x"}}
    }
    renamed = "/paths/~1p/get/responses/400/content/application~1problem+json"
    assert "the media type was a guess" in codes(result, ENRICHED)[renamed]


def path_parameter(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
        "description": description,
    }


def test_markup_alone_is_no_conflict_and_operation_parameters_override_the_path_s() -> None:
    own = [path_parameter("id", "Own.")]
    primary = doc({"/p/{id}": {"get": operation(description="See the docs.", parameters=own)}})
    other = doc(
        {
            "/p/{key}": {
                "parameters": [path_parameter("key", "Shared.")],
                "get": operation(
                    description="See [the docs](https://x.test).",
                    parameters=[path_parameter("key", "Own.")],
                ),
            }
        }
    )
    result = merged(normalized(primary), other)
    assert not codes(result, CONFLICT)
    assert result.document["paths"]["/p/{id}"]["get"]["parameters"] == own


def test_unmatched_operations_are_counted_not_added() -> None:
    primary = doc({"/a": {"get": operation()}, "/b": {"post": operation()}})
    other = doc({"/a": {"get": operation()}, "/c": {"get": operation()}})
    result = merged(normalized(primary), other)
    assert set(result.document["paths"]) == {"/a", "/b"}
    assert codes(result, ENRICHED)[""] == "1 of 2 operations matched in other"


def body_schemas(document: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    """Every request and response body schema, references followed."""
    found = {}
    for _, path, method, op in iter_operations(document):
        for where, body in {"body": op.get("requestBody", {}), **op["responses"]}.items():
            for media, entry in (inline(document, body, 1).get("content") or {}).items():
                if "schema" in entry:
                    found[method, path, where, media] = inline(document, entry["schema"])
    return found


@pytest.mark.parametrize("rendering", RENDERED, ids=lambda path: path.name)
def test_a_swagger_ui_rendering_enriched_from_its_original_regains_its_schemas(
    rendering: Path,
) -> None:
    original = specs.normalize_file(DATA / "sources" / f"{rendering.name.split('.')[0]}.json")
    result = enrich(specs.normalize_file(rendering), original, "original")
    expected, found = body_schemas(original.document), body_schemas(result.document)
    assert set(expected) <= set(found)
    for key, schema in expected.items():
        assert holds(found[key], schema), key
    assert list(OpenAPIV31SpecValidator(result.document).iter_errors()) == []


def holds(found: Any, expected: Any) -> bool:
    """Whether `found` says all `expected` says: the page's own words (a `type` list where the
    original has `anyOf`) may stand beside the original's."""
    if isinstance(expected, dict):
        return isinstance(found, dict) and all(
            key in found and holds(found[key], value) for key, value in expected.items()
        )
    return bool(found == expected)


def test_holds_is_strict_about_what_the_original_says() -> None:
    assert holds({"type": "string", "title": "x"}, {"type": "string"})
    assert not holds({"type": "string"}, {"type": "string", "title": "x"})
    assert not holds({"items": {"type": "integer"}}, {"items": {"type": "string"}})


@pytest.mark.skipif("rostro" not in catalog.names(), reason="no Rostro importer yet")
def test_imagine_enriched_from_rostro_gains_media_types_and_schemas_and_reports_conflicts() -> None:
    imagine = catalog.build("imagine")
    result = enrich(imagine, catalog.build("rostro"), "rostro")
    assert list(OpenAPIV31SpecValidator(result.document).iter_errors()) == []
    assert codes(result, ENRICHED)[""] == "19 of 19 operations matched in rostro"
    collapsed = result.document["paths"]["/music"]["post"]
    assert "requestBody" in collapsed
    assert "default" not in collapsed["responses"]
    before = {f.pointer for f in imagine.report if f.code == "inferred-schema"}
    after = {f.pointer for f in result.report if f.code == "inferred-schema"}
    assert len(after) < len(before) / 2
    assert len(result.document["components"]["schemas"]) > 3 * len(
        imagine.document["components"]["schemas"]
    )
    assert codes(result, CONFLICT)
    assert all("says" in message for message in codes(result, CONFLICT).values())


@pytest.mark.skipif("rostro" not in catalog.names(), reason="no Rostro importer yet")
def test_rostro_enriched_from_imagine_gains_its_examples_not_its_media_guesses() -> None:
    rostro = catalog.build("rostro")
    result = enrich(rostro, catalog.build("imagine"), "imagine")
    filled = codes(result, ENRICHED)
    assert len([p for p in filled if p.endswith("/example")]) > 50
    assert not [p for p in filled if p.endswith("/content/application~1json")]
    guesses = [p for p, message in filled.items() if message.endswith("(a guess there)")]
    assert all(p.endswith("/schema") for p in guesses)
    assert set(result.document["components"]["schemas"]) >= set(
        rostro.document["components"]["schemas"]
    )


def specmock(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from specs.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_the_cli_option(tmp_path: Path) -> None:
    source, other = DATA / "rendered" / "petstore.copied.txt", DATA / "sources" / "petstore.json"
    result = specmock("normalize", str(source), "--enrich", str(other))
    assert result.returncode == 0, result.stderr
    document = load_yaml(result.stdout)
    assert set(document["components"]["schemas"]) >= {"Pet", "Category", "Tag", "User"}
    assert " enriched " in result.stderr
    bundled = specmock("normalize", str(source), "--enrich", "imagine", "-q")
    assert bundled.returncode == 0, bundled.stderr
    refused = specmock("normalize", "--all", "--enrich", str(other))
    assert refused.returncode == 2
    assert "--enrich works only with SOURCE" in refused.stderr
    unreadable = tmp_path / "other.txt"
    unreadable.write_text("not an API description\n")
    failed = specmock("normalize", str(source), "--enrich", str(unreadable))
    assert failed.returncode == 2
    assert failed.stderr.startswith(f"specmock: error: {unreadable}")


def test_a_media_type_the_other_only_guessed_is_not_added_but_its_example_is_used() -> None:
    def page(media: str, entry: dict[str, Any]) -> dict[str, Any]:
        content = {media: entry}
        return doc({"/p": {"get": operation({"200": {"description": "OK", "content": content}})}})

    primary = page("application/xml", {"schema": {"type": "string"}})
    other = page("application/json", {"example": "x"})
    guess = "/paths/~1p/get/responses/200/content/application~1json"
    result = enrich(normalized(primary), normalized(other, guess), "other")
    content = result.document["paths"]["/p"]["get"]["responses"]["200"]["content"]
    assert content == {"application/xml": {"schema": {"type": "string"}}}
    same_type = enrich(normalized(page("application/json", {})), normalized(other, guess), "o")
    content = same_type.document["paths"]["/p"]["get"]["responses"]["200"]["content"]
    assert content == {"application/json": {"example": "x"}}

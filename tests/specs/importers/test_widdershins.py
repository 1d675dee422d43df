from __future__ import annotations

import json
import re
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

import specs
from specs.catalog import SOURCES_DIR
from specs.errors import MalformedSource
from specs.importers import Widdershins, detect
from specs.importers.widdershins import read_type
from specs.report import Severity

SOURCE = SOURCES_DIR / "rostro.widdershins.md"
METHOD_PATH = re.compile(r"^`(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS) (/\S*)`$", re.MULTILINE)


@pytest.fixture(scope="module")
def rostro() -> dict[str, Any]:
    return specs.normalize_file(SOURCE).document


def test_every_operation_of_rostro(rostro: dict[str, Any]) -> None:
    text = SOURCE.read_text()
    shown = {(m.lower(), p) for m, p in METHOD_PATH.findall(text)}
    assert len(shown) == 219
    found = {(m, p) for p, item in rostro["paths"].items() for m in item}
    assert len(found) == 219
    ids = {op["operationId"] for item in rostro["paths"].values() for op in item.values()}
    assert ids >= set(re.findall(r'<a id="opId([^"]+)"></a>', text))
    assert len(rostro["components"]["schemas"]) == 104
    parameters = sum(
        len(op.get("parameters", [])) for i in rostro["paths"].values() for op in i.values()
    )
    assert parameters >= 370


def test_rostro_is_valid_and_has_no_dangling_ref(rostro: dict[str, Any]) -> None:
    assert list(OpenAPIV31SpecValidator(rostro).iter_errors()) == []
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(rostro)))
    assert refs <= set(rostro["components"]["schemas"])
    report = specs.normalize_file(SOURCE).report
    missing = sorted(f.message for f in report if f.code == "missing-schema")
    assert len(missing) == 2
    assert "Choice" in missing[0]
    assert "CompletionUsage" in missing[1]


def test_anyof_chains_of_the_ascii_copy(rostro: dict[str, Any]) -> None:
    error = rostro["components"]["schemas"]["APIError"]["properties"]
    assert error["code"] == {"anyOf": [{"type": "integer"}, {"type": "string"}]}
    assert error["errorCode"]["anyOf"] == [{"type": "integer"}, {"type": "null"}]
    annotation = rostro["components"]["schemas"]["Annotation"]
    assert annotation["required"] == ["type", "url_citation"]
    assert annotation["properties"]["url_citation"] == {
        "$ref": "#/components/schemas/AnnotationURLCitation"
    }


def test_rostro_info_servers_and_security(rostro: dict[str, Any]) -> None:
    assert rostro["info"]["title"] == "Rostro API"
    assert rostro["info"]["version"] == "0.5.9"
    assert rostro["info"]["termsOfService"] == "https://rostro.dev/tos"
    assert rostro["info"]["contact"] == {"email": "support@rostro.dev"}
    assert [s["url"] for s in rostro["servers"]] == [
        "https://api.rostro.dev/v1",
        "https://proto.rostro.dev/mcp",
    ]
    assert rostro["components"]["securitySchemes"] == {
        "Authorization": {"type": "apiKey", "name": "Authorization", "in": "header"}
    }
    search = rostro["paths"]["/search"]["get"]
    assert search["security"] == [{}, {"Authorization": []}]
    assert search["tags"] == ["Default"]
    assert search["operationId"] == "search_projects"


def test_media_types_come_from_the_code_samples(rostro: dict[str, Any]) -> None:
    upload = rostro["paths"]["/api/media/video/upload"]["post"]["requestBody"]
    assert upload["content"] == {"multipart/form-data": {"schema": {"type": "object"}}}
    body = rostro["paths"]["/prompt"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/MarsRequest"
    }


@pytest.mark.parametrize(
    ("cell", "schema"),
    [
        ("string", {"type": "string"}),
        ("string(binary)", {"type": "string", "format": "binary"}),
        ("[Pet](#schemapet)", {"$ref": "#/components/schemas/Pet"}),
        ("[[Pet](#schemapet)]", {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}),
        ("[string]", {"type": "array", "items": {"type": "string"}}),
        ("array[integer]", {"type": "array", "items": {"type": "integer"}}),
        ("[anyOf]", {"type": "array", "items": {}}),
        ("any", {}),
        ("undefined", {}),
        ("integer(int64)¦null", {"type": ["integer", "null"], "format": "int64"}),
        (
            "[Pet](#schemapet)¦null",
            {"anyOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "null"}]},
        ),
    ],
)
def test_type_cells(cell: str, schema: dict[str, Any]) -> None:
    assert read_type(cell).schema == schema


def test_unknown_type_cell() -> None:
    assert not read_type("frobnicate").known


PAGE = """<!-- Generator: Widdershins v4.0.1 -->

<h1 id="pets">Pets v2</h1>

Base URLs:

* <a href="https://pets.example/v2">https://pets.example/v2</a>

<h1 id="pets-pets">pets</h1>

## listPets

<a id="opIdlistPets"></a>

`GET /pets`

*List the pets*

<h3 id="listpets-parameters">Parameters</h3>

|Name|In|Type|Required|Description|
|---|---|---|---|---|
|kind|query|string|false|Which kind|

#### Enumerated Values

|Parameter|Value|
|---|---|
|kind|cat|
|kind|dog|

<h3 id="listpets-responses">Responses</h3>

|Status|Meaning|Description|Schema|
|---|---|---|---|
|200|[OK](https://tools.ietf.org/html/rfc7231#section-6.3.1)|The pets: one
per line|[[Pet](#schemapet)]|
|404|[Not Found](https://tools.ietf.org/html/rfc7231#section-6.5.4)|None here|None|

## orphan

This heading has no method line.

## deletePet

`DELETE /pets/{id}`

|Status|Meaning|Description|Schema|
|204|No Content|Gone|None|

# Schemas

<h2 id="tocS_Pet">Pet</h2>

```json
{"name": "Rex", "tags": ["a"]}
```

### Properties

|Name|Type|Required|Restrictions|Description|
|---|---|---|---|---|
|name|string|true|none|none|
|tags|[string]|false|none|none|
|owner|object|false|none|none|
|» email|string(email)|false|none|none|
"""


def test_a_small_page_with_a_malformed_piece() -> None:
    assert isinstance(detect(PAGE), Widdershins)
    result = Widdershins().read(PAGE, "page")
    document = result.document
    assert document["servers"] == [{"url": "https://pets.example/v2"}]
    assert document["info"] == {"title": "Pets", "version": "2"}
    pets = document["paths"]["/pets"]["get"]
    assert pets["summary"] == "List the pets"
    assert pets["parameters"] == [
        {
            "name": "kind",
            "in": "query",
            "description": "Which kind",
            "schema": {"type": "string", "enum": ["cat", "dog"]},
        }
    ]
    assert pets["responses"]["200"]["description"] == "The pets: one\nper line"
    assert set(pets["responses"]) == {"200", "404"}
    pet = document["components"]["schemas"]["Pet"]
    assert pet["required"] == ["name"]
    assert pet["properties"]["owner"]["properties"]["email"] == {
        "type": "string",
        "format": "email",
    }
    problems = {f.message for f in result.findings if f.severity == Severity.UNREPAIRED}
    assert any("line 40" in m and "orphan" in m for m in problems)
    assert any("line 48" in m and "table" in m for m in problems)
    assert document["paths"]["/pets/{id}"]["delete"]["responses"] == {
        "default": {"description": "No responses shown."}
    }
    repaired = [f for f in result.findings if f.code == "table-row-rejoined"]
    assert [f.message.split(":")[0] for f in repaired] == ["line 36"]


def test_no_operation_and_no_schema_is_malformed() -> None:
    with pytest.raises(MalformedSource):
        Widdershins().read("<!-- Generator: Widdershins v4.0.1 -->\n\n# Nothing\n", "x")


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("`GET /pets`", "`GET /pets/{id`", "unreadable-piece"),
        ("|owner|object|false|none|none|", "|owner|[Pet](#schemapet)|false|none|none|", None),
        ('{"name": "Rex", "tags": ["a"]}', "{oops", None),
        ("|name|string|true|none|none|", "|name|frobnicate|true|none|none|", None),
    ],
)
def test_damaged_pages_still_import(old: str, new: str, code: str | None) -> None:
    result = Widdershins().read(PAGE.replace(old, new), "page")
    assert "/pets/{id}" in result.document["paths"]
    assert code is None or code in {f.code for f in result.findings}


def test_a_schema_that_is_its_own_part_becomes_permissive() -> None:
    page = PAGE.replace(
        "|owner|object|false|none|none|\n|» email|string(email)|false|none|none|\n",
        "\nallOf\n\n|Name|Type|Required|Restrictions|Description|\n|---|---|---|---|---|\n"
        "|*anonymous*|[Pet](#schemapet)|false|none|none|\n",
    )
    result = specs.normalize_text(page, "page")
    assert [f.code for f in result.report if f.code == "link-cycle"] == ["link-cycle"]
    assert list(OpenAPIV31SpecValidator(result.document).iter_errors()) == []

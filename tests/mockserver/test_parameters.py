from __future__ import annotations

import pytest

from mockserver.operations import Parameter
from mockserver.parameters import ParameterReader, RawParameters

DOCUMENT = {"components": {"schemas": {"Count": {"type": "integer"}}}}


def reader(
    location: str,
    schema: dict,
    style: str | None = None,
    explode: bool | None = None,
    name: str = "p",
):
    style = style or ("form" if location in ("query", "cookie") else "simple")
    explode = (style == "form") if explode is None else explode
    return ParameterReader(DOCUMENT, Parameter(name, location, False, schema, "/x", style, explode))


@pytest.mark.parametrize(
    ("schema", "text", "expected"),
    [
        ({"type": "integer"}, "10", 10),
        ({"type": "integer"}, "ten", "ten"),
        ({"type": "number"}, "1.5", 1.5),
        ({"type": "boolean"}, "true", True),
        ({"type": ["integer", "null"]}, "null", None),
        ({"type": "string"}, "10", "10"),
        ({"$ref": "#/components/schemas/Count"}, "7", 7),
        ({"anyOf": [{"type": "integer"}, {"type": "string"}]}, "7", "7"),
        ({"enum": [1, 2]}, "2", 2),
    ],
)
def test_primitives_are_typed_by_schema(schema, text, expected):
    assert reader("query", schema).read(RawParameters(query=[("p", text)])) == (True, expected)


@pytest.mark.parametrize(
    ("style", "explode", "query", "expected"),
    [
        ("form", True, [("p", "1"), ("p", "2")], [1, 2]),
        ("form", False, [("p", "1,2")], [1, 2]),
        ("pipeDelimited", False, [("p", "1|2")], [1, 2]),
        ("spaceDelimited", False, [("p", "1 2")], [1, 2]),
    ],
)
def test_query_arrays(style, explode, query, expected):
    schema = {"type": "array", "items": {"type": "integer"}}
    assert reader("query", schema, style, explode).read(RawParameters(query=query)) == (
        True,
        expected,
    )


def test_deep_object():
    schema = {
        "type": "object",
        "properties": {"min": {"type": "integer"}, "max": {"type": "integer"}},
    }
    found = reader("query", schema, "deepObject", True).read(
        RawParameters(query=[("p[min]", "1"), ("p[max]", "5")])
    )
    assert found == (True, {"min": 1, "max": 5})


def test_exploded_form_object_takes_its_properties_from_the_query():
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}}
    assert reader("query", schema).read(RawParameters(query=[("a", "1"), ("b", "2")])) == (
        True,
        {"a": 1},
    )


def test_headers_are_case_insensitive_and_simple_arrays_split():
    schema = {"type": "array", "items": {"type": "integer"}}
    raw = RawParameters(headers={"x-ids": "1,2"})
    assert reader("header", schema, name="X-Ids").read(raw) == (True, [1, 2])


def test_absent_parameter():
    assert reader("cookie", {"type": "string"}).read(RawParameters()) == (False, None)


def test_json_content_parameter():
    parameter = Parameter(
        "f", "query", True, {"type": "object"}, "/x", "form", True, "application/json"
    )
    found = ParameterReader(DOCUMENT, parameter).read(RawParameters(query=[("f", '{"a": 1}')]))
    assert found == (True, {"a": 1})
    with pytest.raises(ValueError, match="not valid JSON"):
        ParameterReader(DOCUMENT, parameter).read(RawParameters(query=[("f", "{")]))

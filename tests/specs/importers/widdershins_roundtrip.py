"""The round-trip corpus (rendered by data/widdershins/render.py) and what survives a trip:
shared by the round-trip tests and the benchmark."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from specs.grammar import HTTP_METHODS
from specs.importers import Widdershins
from specs.pointers import deref

DATA = Path(__file__).parent / "data" / "widdershins"
RENDERINGS = sorted(p.name for p in (DATA / "rendered").glob("*.md"))


def original(rendering: str) -> dict[str, Any]:
    name = rendering.split(".", maxsplit=1)[0]
    document: dict[str, Any] = json.loads((DATA / "sources" / f"{name}.json").read_text())
    return document


def imported(rendering: str) -> dict[str, Any]:
    text = (DATA / "rendered" / rendering).read_text()
    return Widdershins().read(text, rendering).document


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], list[Any]]]:
    """Each operation with the parameters it takes, path-level ones included."""
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method in item:
                operation = item[method]
                own = [deref(document, p) for p in operation.get("parameters", [])]
                keys = {(p["name"], p["in"]) for p in own}
                inherited = [deref(document, p) for p in shared]
                merged = own + [p for p in inherited if (p["name"], p["in"]) not in keys]
                yield method, path, operation, merged


def parameter_keys(parameters: list[dict[str, Any]]) -> set[tuple[str, str, bool]]:
    return {(p["name"], p["in"], bool(p.get("required"))) for p in parameters}


def property_names(document: dict[str, Any], schema: Any, seen: int = 0) -> set[str]:
    """The names of the properties a schema declares, its inline compositions' included."""
    if not isinstance(schema, dict) or seen > 8:
        return set()
    names = set(schema.get("properties", {}))
    for key in ("allOf", "anyOf", "oneOf"):
        for member in schema.get(key, []):
            if isinstance(member, dict) and "$ref" not in member:
                names |= property_names(document, member, seen + 1)
    return names


METRICS = ("types", "formats", "enums", "nesting")
_COMPOSITIONS = ("allOf", "anyOf", "oneOf")


def recovery(rendering: str) -> dict[str, tuple[int, int]]:
    """For each metric, (recovered, shown in the original): the schema types, formats, enums
    and nested properties (below the top level) of the original's schemas, components and
    parameters, matched at the same place in the imported document."""
    source, result = original(rendering), imported(rendering)
    counts = {metric: [0, 0] for metric in METRICS}
    pairs: list[tuple[Any, Any]] = [
        (schema, result.get("components", {}).get("schemas", {}).get(name))
        for name, schema in source.get("components", {}).get("schemas", {}).items()
    ]
    theirs = {(m, p): (o, ps) for m, p, o, ps in operations(result)}
    for method, path, operation, parameters in operations(source):
        found, found_parameters = theirs.get((method, path), ({}, []))
        mine = {(q["name"], q["in"]): q for q in found_parameters}
        for parameter in parameters:
            counterpart = mine.get((parameter["name"], parameter["in"]), {})
            pairs.append((parameter.get("schema"), counterpart.get("schema")))
        pairs.append(
            (_body(source, operation.get("requestBody")), _body(result, found.get("requestBody")))
        )
        for status, response in operation.get("responses", {}).items():
            there = found.get("responses", {}).get(status)
            pairs.append((_body(source, response), _body(result, there)))
    for schema, counterpart in pairs:
        _compare(source, schema, counterpart, 0, counts)
    return {metric: (hit, total) for metric, (hit, total) in counts.items()}


def _body(document: dict[str, Any], holder: Any) -> Any:
    """The schema of a body's first media type."""
    content: dict[str, Any] = deref(document, holder).get("content", {}) if holder else {}
    first: dict[str, Any] = next(iter(content.values()), {})
    return first.get("schema")


def _compare(
    source: dict[str, Any], schema: Any, found: Any, depth: int, counts: dict[str, list[int]]
) -> None:
    if not isinstance(schema, dict) or "$ref" in schema or depth > 8:
        return
    found = found if isinstance(found, dict) else {}
    if "type" in schema:
        _count(counts["types"], _types(schema) == _types(found))
    if "format" in schema:
        _count(counts["formats"], schema["format"] == found.get("format"))
    if "enum" in schema:
        _count(counts["enums"], _values(schema) == _values(found))
    for name, member in schema.get("properties", {}).items():
        there = found.get("properties", {}).get(name)
        if depth:
            _count(counts["nesting"], there is not None)
        _compare(source, member, there, depth + 1, counts)
    if isinstance(schema.get("items"), dict):
        _compare(source, schema["items"], found.get("items"), depth + 1, counts)
    for key in _COMPOSITIONS:
        theirs = found.get(key, [])
        for index, member in enumerate(schema.get(key, [])):
            _compare(
                source, member, theirs[index] if index < len(theirs) else {}, depth + 1, counts
            )


def _count(counter: list[int], hit: bool) -> None:
    counter[0] += hit
    counter[1] += 1


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type")
    types = {kind} if isinstance(kind, str) else set(kind or [])
    if schema.get("nullable"):
        types.add("null")
    return types


def _values(schema: dict[str, Any]) -> list[str]:
    return sorted(json.dumps(value) for value in schema.get("enum", []))

"""JSON Schemas guessed from example values, for sources that show examples but no schemas.

No property is made required: an example generator (Swagger UI's) fills in every property it
knows, optional ones included, so requiring them all would make the mock reject valid requests
and make a real server's answers that omit an optional field fail validation. Likewise a `null`
says only that the property may be null, not what it is otherwise, so it gives an open schema.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["infer_schema", "merge_schemas"]

_ADDITIONAL_PROP = re.compile(r"additionalProp\d+")
_SAFE_INTEGER = 2**53
"""Beyond this a JSON number has passed through a double: a 64-bit integer that lost digits
(Swagger UI writes int64 examples as -9223372036854776000)."""


def infer_schema(value: Any) -> dict[str, Any]:
    """The schema of `value`; `additionalPropN` keys (Swagger UI's placeholders for a map) give
    `additionalProperties`."""
    if value is None:
        return {}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        if abs(value) >= _SAFE_INTEGER:
            return {"type": "integer", "format": "int64"}
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str):
        return {"type": "string"}
    if isinstance(value, list):
        items: dict[str, Any] | None = None
        for item in value:
            schema = infer_schema(item)
            items = schema if items is None else merge_schemas(items, schema)
        return {"type": "array", "items": items if items is not None else {}}
    if isinstance(value, dict):
        return _object_schema(value)
    return {}


def _object_schema(value: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object"}
    properties: dict[str, Any] = {}
    extra: dict[str, Any] | None = None
    for key, item in value.items():
        inferred = infer_schema(item)
        if _ADDITIONAL_PROP.fullmatch(key):
            extra = inferred if extra is None else merge_schemas(extra, inferred)
        else:
            properties[key] = inferred
    if properties:
        schema["properties"] = properties
    if extra is not None:
        schema["additionalProperties"] = extra
    return schema


def merge_schemas(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """One schema that every value of either accepts, as narrow as cheaply possible."""
    if first == second:
        return first
    if not first or not second:
        return {}
    if _is_simple(first) and _is_simple(second) and first.get("format") == second.get("format"):
        types = sorted(set(_types(first)) | set(_types(second)))
        merged: dict[str, Any] = {"type": types[0] if len(types) == 1 else types}
        if "format" in first:
            merged["format"] = first["format"]
        return merged
    if first.get("type") == second.get("type") == "object":
        properties = dict(first.get("properties", {}))
        for key, schema in second.get("properties", {}).items():
            properties[key] = (
                merge_schemas(properties[key], schema) if key in properties else schema
            )
        merged = {"type": "object", "properties": properties}
        for extra in (first.get("additionalProperties"), second.get("additionalProperties")):
            if extra is not None:
                current = merged.get("additionalProperties")
                merged["additionalProperties"] = (
                    extra if current is None else merge_schemas(current, extra)
                )
        return merged
    if first.get("type") == second.get("type") == "array":
        return {"type": "array", "items": merge_schemas(first["items"], second["items"])}
    options = [*first.get("anyOf", [first]), *second.get("anyOf", [second])]
    unique = {json.dumps(option, sort_keys=True): option for option in options}
    return {"anyOf": list(unique.values())}


def _is_simple(schema: dict[str, Any]) -> bool:
    types = _types(schema)
    return bool(types) and set(schema) <= {"type", "format"} and "object" not in types


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    return [kind] if isinstance(kind, str) else list(kind or [])

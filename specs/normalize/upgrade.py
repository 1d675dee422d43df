"""OpenAPI 3.0 schemas rewritten as the JSON Schema 2020-12 of OpenAPI 3.1.

These are mechanical translations, not repairs, so they leave no findings except where the
3.0 form cannot be carried over.
"""

from __future__ import annotations

from typing import Any

from ..grammar import walk
from ..pointers import split
from ..report import Report, Severity

__all__ = ["upgrade"]

TARGET_VERSION = "3.1.0"
_NULL = {"type": "null"}


def _nullable(schema: dict[str, Any]) -> None:
    if not schema.pop("nullable", False):
        return
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        schema["type"] = types if "null" in types else [*types, "null"]
    elif "anyOf" in schema or "oneOf" in schema:
        key = "anyOf" if "anyOf" in schema else "oneOf"
        if _NULL not in schema[key]:
            schema[key] = [*schema[key], dict(_NULL)]
    elif "$ref" in schema or "allOf" in schema:
        moved = {k: schema.pop(k) for k in ("$ref", "allOf") if k in schema}
        schema["anyOf"] = [moved, dict(_NULL)]


def _exclusive_bound(schema: dict[str, Any], pointer: str, report: Report) -> None:
    for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        flag = schema.get(exclusive)
        if not isinstance(flag, bool):
            continue
        del schema[exclusive]
        if flag and bound in schema:
            schema[exclusive] = schema.pop(bound)
        elif flag:
            report.add(
                f"{pointer}/{exclusive}",
                "exclusive-without-bound",
                Severity.REPAIRED,
                f"`{exclusive}: true` without `{bound}` bounds nothing; removed",
            )


def _example(schema: dict[str, Any]) -> None:
    if "example" not in schema:
        return
    example = schema.pop("example")
    existing = schema.get("examples")
    schema["examples"] = [example, *existing] if isinstance(existing, list) else [example]


def _structured(media_type: str) -> bool:
    """Whether a body of this type is parsed into a value (JSON, forms) the schema describes."""
    essence = media_type.split(";", 1)[0].strip().lower()
    return (
        essence in ("application/json", "application/x-www-form-urlencoded")
        or essence.endswith("+json")
        or essence.startswith("multipart/")
    )


def _raw_body(pointer: str, media: dict[str, Any]) -> None:
    """3.0's raw-bytes body, `type: string, format: binary`, as 3.1 says it: no type at all.

    In 3.1 a schema's `type: string` describes a JSON string, which a file's bytes are not
    (validators reject them); the OAS 3.1 upgrade guide drops the schema instead.
    """
    schema = media.get("schema")
    if not isinstance(schema, dict) or _structured(split(pointer)[-1]):
        return
    if schema.get("type") == "string" and schema.get("format") == "binary":
        rest = {k: v for k, v in schema.items() if k not in ("type", "format")}
        if rest:
            media["schema"] = rest
        else:
            del media["schema"]


def upgrade(document: dict[str, Any], report: Report) -> None:
    """Rewrite `document` in place as OpenAPI 3.1.

    A 3.1 document gets the same treatment: `nullable` and boolean exclusive bounds in a 3.1
    document are mistakes carried over from 3.0 and mean what they meant there.
    """
    document["openapi"] = TARGET_VERSION
    for pointer, kind, node in list(walk(document)):
        if kind == "Schema":
            _nullable(node)
            _exclusive_bound(node, pointer, report)
            _example(node)
        elif kind == "MediaType":
            _raw_body(pointer, node)

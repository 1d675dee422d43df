"""Widdershins' type cells read back into schemas.

Its forms: a primitive with an optional format (`string(binary)`), a link to a schema
(`[Pet](#schemapet)`), an array of either (`[string]`, `[[Pet](#schemapet)]`, `array[string]`
for parameters), an array of a composition (`[anyOf]`, whose members follow as rows), `any`
or `undefined` when the schema had no single type (a composition usually follows), a `¦null`
suffix for OpenAPI 3.0's `nullable` (`null` alone in an ASCII copy), and OpenAPI 3.1's type
lists joined by commas (`integer,null`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...pointers import join, to_ref

__all__ = ["COMBINATORS", "PRIMITIVES", "TypeCell", "read_type"]

PRIMITIVES = ("string", "integer", "number", "boolean", "null", "object", "array")
COMBINATORS = ("anyOf", "oneOf", "allOf", "not")
_LINK = re.compile(r"^\[([^\[\]]+)\]\(#([^)]*)\)$")
_FORMAT = re.compile(r"^(\w+)\(([^()]+)\)$")
_PARAMETER_ARRAY = re.compile(r"^array\[(.*)\]$")


@dataclass
class TypeCell:
    """What one type cell says. `known` is False for a cell no form matches."""

    schema: dict[str, Any] = field(default_factory=dict)
    ref: str | None = None
    """The schema name a link names, for the schema itself or, in an array, its items."""
    combinator: str | None = None
    """`[anyOf]` and the like: an array whose items are that composition of the member rows."""
    known: bool = True

    @property
    def is_array(self) -> bool:
        return self.schema.get("type") == "array"

    @property
    def is_open(self) -> bool:
        """No type of its own (`any`, `undefined`): member rows, if any, say what it is."""
        return not self.schema


def read_type(cell: str) -> TypeCell:
    text = cell.strip()
    nullable = text.endswith("¦null")
    if nullable:
        text = text[: -len("¦null")]
    result = _read(text)
    if not result.known and text.endswith("null") and _read(text[: -len("null")]).known:
        nullable, result = True, _read(text[: -len("null")])
    if nullable and "type" in result.schema:
        result.schema["type"] = [result.schema["type"], "null"]
    elif nullable and result.ref:
        result.schema = {"anyOf": [result.schema, {"type": "null"}]}
    return result


def _read(text: str) -> TypeCell:
    if text in ("any", "undefined", ""):
        return TypeCell()
    link = _LINK.match(text)
    if link:
        name = _name(link.group(1))
        return TypeCell({"$ref": to_ref(join("/components/schemas", name))}, name)
    parameter_array = _PARAMETER_ARRAY.match(text)
    if parameter_array:
        return _array(_read(parameter_array.group(1)))
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1]
        if inner in COMBINATORS:
            return TypeCell({"type": "array", "items": {}}, combinator=inner)
        return _array(_read(inner))
    formatted = _FORMAT.match(text)
    if formatted and formatted.group(1) in PRIMITIVES:
        return TypeCell({"type": formatted.group(1), "format": formatted.group(2)})
    if "," in text and all(part in PRIMITIVES for part in text.split(",")):
        return TypeCell({"type": text.split(",")})
    if text in PRIMITIVES:
        schema: dict[str, Any] = {"type": text}
        if text == "array":
            schema["items"] = {}
        return TypeCell(schema)
    return TypeCell(known=False)


def _array(items: TypeCell) -> TypeCell:
    return TypeCell({"type": "array", "items": items.schema}, items.ref, known=items.known)


def _name(text: str) -> str:
    return text.replace("\\_", "_").strip()

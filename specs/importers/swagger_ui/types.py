"""Swagger UI's one-line type summaries (`integer | (integer | null)`, `string($binary)`,
`array<string>`) read back into schemas, and the text of defaults typed by them."""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["TYPE_LINE", "schema_of", "typed_value"]

_NAMES = r"(?:string|integer|number|boolean|object|array|null|file)"
TYPE_LINE = re.compile(
    rf"^\(?{_NAMES}(?:[<\[][^\n]*[>\]])?(?:\s*\|\s*\(?{_NAMES}(?:[<\[][^\n]*[>\]])?\)?)*\)?"
    r"(?:\(\$?[\w.-]+\))?$"
)
"""A line that is a type summary and nothing else."""
_FORMAT = re.compile(r"\(\$?([\w.-]+)\)$")
_CONTAINER = re.compile(r"^array\s*[<\[](.*)[>\]]$")


def schema_of(line: str) -> dict[str, Any]:
    """The schema a type summary describes; alternatives give an OpenAPI 3.1 type array."""
    text = line.strip()
    form = _FORMAT.search(text)
    fmt = form.group(1) if form else None
    if form:
        text = text[: form.start()]
    types: list[str] = []
    items: dict[str, Any] | None = None
    for alternative in _alternatives(text):
        kind = alternative
        container = _CONTAINER.match(alternative)
        if container:
            items, kind = schema_of(container.group(1)), "array"
        if kind == "file":
            kind, fmt = "string", fmt or "binary"
        if kind not in types:
            types.append(kind)
    schema: dict[str, Any] = {"type": types[0] if len(types) == 1 else types}
    if fmt:
        schema["format"] = fmt
    if items is not None:
        schema["items"] = items
    return schema


def _alternatives(text: str) -> list[str]:
    """`a | (b | null)` -> [a, b, null]: the parentheses only group, at any depth."""
    parts, depth, current = [], 0, ""
    for char in text:
        if char in "<[":
            depth += 1
        elif char in ">]":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip().strip("()").strip() for p in parts if p.strip().strip("()").strip()]


def typed_value(text: str, schema: dict[str, Any]) -> Any:
    """`text` as the value its schema's type says, or the text itself when it is not one."""
    kind = schema.get("type")
    types = [kind] if isinstance(kind, str) else list(kind or [])
    if text == "null" and "null" in types:
        return None
    try:
        if "boolean" in types and text in ("true", "false"):
            return text == "true"
        if "integer" in types and re.fullmatch(r"-?\d+", text):
            return int(text)
        if "number" in types and re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", text):
            return float(text) if not re.fullmatch(r"-?\d+", text) else int(text)
        if {"array", "object"} & set(types):
            return json.loads(text)
    except ValueError:
        return text
    return text

"""Request bodies decoded by their media type into the value their schema describes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from .media import essence, is_json, is_text
from .parameters import TextCoercer

__all__ = ["BodyError", "FormShape", "RawBody", "decode_body"]


class BodyError(ValueError):
    """The body cannot be read as its media type; the message says where."""


@dataclass
class RawBody:
    content_type: str
    data: bytes
    form: list[tuple[str, str]] = field(default_factory=list)
    """multipart/form-data text fields, parsed by the HTTP adapter."""
    files: list[tuple[str, bytes]] = field(default_factory=list)
    """multipart/form-data file fields: (field name, content)."""
    length: int = 0
    """The declared Content-Length: a multipart body with no parts still is a body."""

    @property
    def present(self) -> bool:
        return bool(self.data or self.form or self.files or self.length)


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BodyError(
            f"body is not valid UTF-8 (byte {data[error.start]:#04x} at offset {error.start})"
        ) from None


def _json(data: bytes) -> Any:
    text = _text(data)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BodyError(
            f"body is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise BodyError("body is not valid JSON: nested too deeply") from None


def _empty_multipart(content_type: str) -> int:
    """The size of a multipart body with no parts (`--boundary--` and a line break or two)."""
    boundary = ""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.strip().partition("=")
        if name.lower() == "boundary":
            boundary = value.strip('"')
    return len(boundary) + 8


class FormShape:
    """How form fields map onto an object schema: which repeat, and what type each has."""

    def __init__(self, document: dict[str, Any], properties: dict[str, Any]) -> None:
        self._coercers = {name: TextCoercer(document, prop) for name, prop in properties.items()}
        self._items = {
            name: TextCoercer(document, prop.get("items", {}))
            for name, prop in properties.items()
            if isinstance(prop, dict) and (prop.get("type") == "array" or "items" in prop)
        }

    def build(self, fields: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, value in fields:
            if name in self._items:
                item = self._items[name](value) if isinstance(value, str) else value
                result.setdefault(name, []).append(item)
            elif name in self._coercers and isinstance(value, str):
                result[name] = self._coercers[name](value)
            else:
                result[name] = value
        return result


def decode_body(raw: RawBody, shape: FormShape | None) -> tuple[bool, Any]:
    """(validate?, value), read as the request's own `Content-Type` says.

    Binary media carry no JSON value to check against a schema.
    """
    base = essence(raw.content_type)
    if is_json(base):
        return True, _json(raw.data)
    fields: list[tuple[str, Any]]
    if base == "application/x-www-form-urlencoded":
        fields = list(parse_qsl(_text(raw.data), keep_blank_values=True))
        return True, shape.build(fields) if shape else dict(fields)
    if base == "multipart/form-data":
        if not raw.form and not raw.files and raw.length > _empty_multipart(raw.content_type):
            raise BodyError("body is not valid multipart/form-data: no part could be read")
        fields = [*raw.form, *((name, content.decode("latin-1")) for name, content in raw.files)]
        return True, shape.build(fields) if shape else dict(fields)
    if is_text(base):
        return True, _text(raw.data)
    return False, None

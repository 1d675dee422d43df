"""Parameters read from where HTTP puts them, deserialized by style, and typed by schema.

Everything in a URL or a header is text: `?limit=10` has to become the integer its schema
says before it can be validated. Only a value that parses as a type the schema allows is
converted; anything else stays a string, and schema validation then says what is wrong.
What depends only on the spec (types, item and property schemas) is worked out once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from specs.pointers import deref

from .operations import Parameter

__all__ = ["ParameterReader", "RawParameters", "TextCoercer", "schema_types"]

_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_SEPARATORS = {"form": ",", "simple": ",", "spaceDelimited": " ", "pipeDelimited": "|"}
_MISSING = object()


@dataclass
class RawParameters:
    """What a request carries, before any interpretation."""

    path: dict[str, str] = field(default_factory=dict)
    query: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    """Keys in lower case."""
    cookies: dict[str, str] = field(default_factory=dict)
    _index: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)

    def query_values(self, name: str) -> list[str]:
        """Every value of a query parameter, in order; the index is built on first use."""
        if self._index is None:
            self._index = {}
            for key, value in self.query:
                self._index.setdefault(key, []).append(value)
        return self._index.get(name, [])


def schema_types(document: dict[str, Any], schema: Any, depth: int = 0) -> frozenset[str]:
    """The JSON types a schema admits, looking through `$ref`, `allOf`, `anyOf` and `oneOf`."""
    schema = deref(document, schema)
    if not isinstance(schema, dict) or depth > 8:
        return frozenset()
    declared = schema.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(t for t in declared if isinstance(t, str))
    found: set[str] = set()
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key) or []:
            found |= schema_types(document, branch, depth + 1)
    for value in schema.get("enum") or ([schema["const"]] if "const" in schema else []):
        found.add(_type_of(value))
    return frozenset(found)


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else "string"


def _integer(text: str) -> Any:
    return int(text) if _INTEGER.fullmatch(text) else _MISSING


def _number(text: str) -> Any:
    if _INTEGER.fullmatch(text):
        return int(text)
    return float(text) if _NUMBER.fullmatch(text) else _MISSING


_PARSERS: list[tuple[str, Callable[[str], Any]]] = [
    ("integer", _integer),
    ("number", _number),
    ("boolean", lambda text: {"true": True, "false": False}.get(text, _MISSING)),
    ("null", lambda text: None if text == "null" else _MISSING),
]


class TextCoercer:
    """Turns text into the first primitive type a schema admits that the text parses as."""

    def __init__(self, document: dict[str, Any], schema: Any) -> None:
        types = schema_types(document, schema)
        self._parsers = [] if "string" in types else [p for n, p in _PARSERS if n in types]

    def __call__(self, text: str) -> Any:
        for parse in self._parsers:
            value = parse(text)
            if value is not _MISSING:
                return value
        return text


class ParameterReader:
    """Reads one declared parameter from a request."""

    def __init__(self, document: dict[str, Any], parameter: Parameter) -> None:
        self.parameter = parameter
        schema = deref(document, parameter.schema)
        schema = schema if isinstance(schema, dict) else {}
        types = schema_types(document, schema)
        self._shape = "text"
        if parameter.content_type is not None:
            self._shape = "json"
        elif "string" not in types and "array" in types:
            self._shape = "array"
        elif "string" not in types and "object" in types:
            self._shape = "object"
        self._value = TextCoercer(document, schema)
        self._item = TextCoercer(document, schema.get("items", {}))
        properties = deref(document, schema.get("properties")) or {}
        self._properties = {k: TextCoercer(document, v) for k, v in properties.items()}
        self._separator = _SEPARATORS.get(parameter.style, ",")
        self._key = parameter.name.lower() if parameter.location == "header" else parameter.name

    def read(self, raw: RawParameters) -> tuple[bool, Any]:
        """(present, value); raises ValueError when a JSON-encoded parameter is not JSON."""
        p = self.parameter
        if self._shape == "object" and p.location == "query" and p.style in ("form", "deepObject"):
            pairs = self._query_pairs(raw)
            return bool(pairs), self._object(pairs)
        texts = self._texts(raw)
        if not texts:
            return False, None
        if self._shape == "json":
            try:
                return True, json.loads(texts[0])
            except ValueError as error:
                raise ValueError(f"not valid JSON: {error}") from None
        if self._shape == "array":
            if not (p.explode and p.style == "form"):
                texts = [part for text in texts for part in text.split(self._separator)]
            return True, [self._item(text) for text in texts]
        if self._shape == "object":
            parts = texts[0].split(",")
            if p.explode:
                pairs = [(k, v) for k, sep, v in (s.partition("=") for s in parts) if sep]
            else:
                pairs = list(zip(parts[0::2], parts[1::2], strict=False))
            return True, self._object(pairs)
        return True, self._value(texts[-1])

    def _texts(self, raw: RawParameters) -> list[str]:
        location = self.parameter.location
        if location == "query":
            return raw.query_values(self._key)
        source = {"path": raw.path, "header": raw.headers, "cookie": raw.cookies}[location]
        value = source.get(self._key)
        return [] if value is None else [value]

    def _query_pairs(self, raw: RawParameters) -> list[tuple[str, str]]:
        if self.parameter.style == "deepObject":
            prefix = f"{self.parameter.name}["
            return [
                (k[len(prefix) : -1], v)
                for k, v in raw.query
                if k.startswith(prefix) and k.endswith("]")
            ]
        if self.parameter.explode:
            return [(k, v) for k, v in raw.query if k in self._properties]
        texts = raw.query_values(self._key)
        parts = texts[0].split(",") if texts else []
        return list(zip(parts[0::2], parts[1::2], strict=False))

    def _object(self, pairs: list[tuple[str, str]]) -> dict[str, Any]:
        return {k: self._properties[k](v) if k in self._properties else v for k, v in pairs}

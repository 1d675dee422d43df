"""Valid requests built from a spec, one per operation, for end-to-end and differential tests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from mockserver.fixtures import FixtureGenerator
from mockserver.media import essence, is_json
from mockserver.operations import Operation, Parameter

TOKEN = "specmock-test-token"


@dataclass
class SpecRequest:
    method: str
    path: str
    query: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    json_body: Any = None
    form: dict[str, Any] | None = None
    files: dict[str, tuple[str, bytes]] | None = None


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return value if isinstance(value, str) else json.dumps(value)


def _serialize(parameter: Parameter, value: Any) -> list[tuple[str, str]]:
    if isinstance(value, list):
        if parameter.location == "query" and parameter.explode and parameter.style == "form":
            return [(parameter.name, _text(v)) for v in value]
        separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(parameter.style, ",")
        return [(parameter.name, separator.join(_text(v) for v in value))]
    if isinstance(value, dict):
        if parameter.style == "deepObject":
            return [(f"{parameter.name}[{k}]", _text(v)) for k, v in value.items()]
        if parameter.location == "query" and parameter.explode:
            return [(k, _text(v)) for k, v in value.items()]
        return [(parameter.name, ",".join(f"{k},{_text(v)}" for k, v in value.items()))]
    return [(parameter.name, _text(value))]


def _header_safe(text: str) -> bool:
    return text.isascii() and all(32 <= ord(c) < 127 for c in text)


def build_request(operation: Operation, generator: FixtureGenerator, seed: int = 0) -> SpecRequest:
    path = operation.path
    request = SpecRequest(operation.method.upper(), path)
    for parameter in operation.parameters:
        if parameter.content_type is not None:
            value = generator.generate(
                parameter.schema or {}, f"{seed}:{parameter.name}", direction="request"
            )
            pairs = [(parameter.name, json.dumps(value))]
        else:
            value = generator.generate(
                parameter.schema or {},
                f"{seed}:{parameter.name}",
                direction="request",
                name=parameter.name,
            )
            if value is None and not parameter.required:
                continue  # a client leaves an optional parameter out rather than send null
            pairs = _serialize(parameter, value)
        if parameter.location == "path":
            request.path = request.path.replace(
                "{" + parameter.name + "}", quote(pairs[0][1], safe="")
            )
        elif parameter.location == "query":
            request.query += pairs
        elif parameter.location == "header":
            if _header_safe(pairs[0][1]) or parameter.required:
                request.headers[parameter.name] = pairs[0][1]
        elif _header_safe(pairs[0][1]):
            request.cookies[parameter.name] = pairs[0][1]
    for scheme in operation.security[0] if operation.security else []:
        if scheme.type == "apiKey" and scheme.location == "query":
            request.query.append((scheme.parameter or "", TOKEN))
        elif scheme.type == "apiKey" and scheme.location == "cookie":
            request.cookies[scheme.parameter or ""] = TOKEN
        elif scheme.type == "apiKey":
            request.headers[scheme.parameter or ""] = TOKEN
        elif scheme.type == "http" and scheme.scheme == "basic":
            request.headers["Authorization"] = "Basic c3BlY21vY2s6dGVzdA=="
        else:
            request.headers["Authorization"] = f"Bearer {TOKEN}"
    if operation.body and operation.body.media:
        name, media = next(iter(operation.body.media.items()))
        base = essence(name)
        value = generator.generate(media.schema or {}, f"{seed}:body", direction="request")
        if is_json(name) or base in ("*/*", "application/*"):
            request.json_body = value
            request.headers["Content-Type"] = "application/json" if "*" in base else name
        elif base == "application/x-www-form-urlencoded":
            request.form = {k: _text(v) for k, v in (value or {}).items()}
        elif base == "multipart/form-data":
            request.files = {k: (k, _text(v).encode()) for k, v in (value or {}).items()}
        elif base.startswith("text/"):
            request.body = _text(value).encode()
            request.headers["Content-Type"] = name
        else:
            request.body = b"\x00specmock"
            request.headers["Content-Type"] = name
    return request

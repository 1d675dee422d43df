"""A spec compiled once at start-up into what request handling needs, `$ref`s resolved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from specs.grammar import HTTP_METHODS
from specs.pointers import follow, join, resolve

__all__ = [
    "Header",
    "MediaType",
    "Operation",
    "Parameter",
    "RequestBody",
    "Response",
    "SecurityScheme",
    "compile_operations",
]

# Header parameters that OpenAPI says to ignore: HTTP itself governs them.
_IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})


@dataclass(frozen=True)
class MediaType:
    name: str
    node: dict[str, Any]
    pointer: str

    @property
    def schema(self) -> Any:
        return self.node.get("schema")

    @property
    def schema_pointer(self) -> str:
        return f"{self.pointer}/schema"


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: Any
    schema_pointer: str
    style: str
    explode: bool
    content_type: str | None = None
    """Set when the parameter is described by `content` instead of `schema`."""


@dataclass(frozen=True)
class Header:
    name: str
    required: bool
    schema: Any
    schema_pointer: str


@dataclass(frozen=True)
class RequestBody:
    required: bool
    media: dict[str, MediaType]


@dataclass(frozen=True)
class Response:
    status: str
    pointer: str
    media: dict[str, MediaType]
    headers: dict[str, Header]


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    type: str
    location: str | None = None
    """Where an apiKey goes: header, query or cookie."""
    parameter: str | None = None
    scheme: str | None = None
    """The HTTP authentication scheme (bearer, basic) for type http."""


@dataclass
class Operation:
    spec: str
    method: str
    path: str
    operation_id: str
    pointer: str
    parameters: list[Parameter]
    body: RequestBody | None
    security: list[list[SecurityScheme]]
    """Alternatives, any one of which suffices; each lists schemes needed together. An empty
    alternative means anonymous access is allowed."""
    responses: dict[str, Response] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


def _default_style(location: str) -> str:
    return {"query": "form", "cookie": "form"}.get(location, "simple")


def _parameter(document: dict[str, Any], node: Any, pointer: str) -> Parameter | None:
    node, pointer = follow(document, node, pointer)
    if not isinstance(node, dict) or "name" not in node or "in" not in node:
        return None
    location = node["in"]
    if location == "header" and node["name"].lower() in _IGNORED_HEADERS:
        return None
    style = node.get("style", _default_style(location))
    content_type = None
    schema_pointer = f"{pointer}/schema"
    if "content" in node and isinstance(node["content"], dict) and node["content"]:
        content_type = next(iter(node["content"]))
        schema_pointer = join(pointer, "content", content_type, "schema")
    schema, schema_pointer = follow(document, resolve(document, schema_pointer, {}), schema_pointer)
    return Parameter(
        name=node["name"],
        location=location,
        required=bool(node.get("required", location == "path")),
        schema=schema,
        schema_pointer=schema_pointer,
        style=style,
        explode=bool(node.get("explode", style == "form")),
        content_type=content_type,
    )


def _media(document: dict[str, Any], content: Any, pointer: str) -> dict[str, MediaType]:
    if not isinstance(content, dict):
        return {}
    return {
        name: MediaType(name, node if isinstance(node, dict) else {}, join(pointer, name))
        for name, node in content.items()
    }


def _response(document: dict[str, Any], status: str, node: Any, pointer: str) -> Response:
    node, pointer = follow(document, node, pointer)
    headers = {}
    for name, raw in (node.get("headers") or {}).items():
        header, header_pointer = follow(document, raw, join(pointer, "headers", name))
        if name.lower() == "content-type" or not isinstance(header, dict):
            continue
        schema_pointer = f"{header_pointer}/schema"
        headers[name] = Header(
            name, bool(header.get("required")), header.get("schema"), schema_pointer
        )
    return Response(
        status, pointer, _media(document, node.get("content"), f"{pointer}/content"), headers
    )


def _security(document: dict[str, Any], operation: dict[str, Any]) -> list[list[SecurityScheme]]:
    requirements = operation.get("security", document.get("security")) or []
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    alternatives = []
    for requirement in requirements:
        needed = []
        for name in requirement:
            scheme, _ = follow(
                document, schemes.get(name, {}), join("/components/securitySchemes", name)
            )
            needed.append(
                SecurityScheme(
                    name=name,
                    type=scheme.get("type", "http"),
                    location=scheme.get("in"),
                    parameter=scheme.get("name"),
                    scheme=str(scheme.get("scheme", "bearer")).lower(),
                )
            )
        alternatives.append(needed)
    return alternatives


def _operation(
    document: dict[str, Any], spec: str, path: str, method: str, item: dict[str, Any]
) -> Operation:
    pointer = join("/paths", path, method)
    node = item[method]
    parameters: dict[tuple[str, str], Parameter] = {}
    sources = [
        (p, join("/paths", path, "parameters", i)) for i, p in enumerate(item.get("parameters", []))
    ]
    sources += [
        (p, join(pointer, "parameters", i)) for i, p in enumerate(node.get("parameters", []))
    ]
    for raw, raw_pointer in sources:  # operation-level parameters override path-level ones
        parameter = _parameter(document, raw, raw_pointer)
        if parameter is not None:
            parameters[(parameter.location, parameter.name.lower())] = parameter
    body = None
    if "requestBody" in node:
        raw_body, body_pointer = follow(document, node["requestBody"], f"{pointer}/requestBody")
        body = RequestBody(
            bool(raw_body.get("required")),
            _media(document, raw_body.get("content"), f"{body_pointer}/content"),
        )
    responses = {
        str(status): _response(document, str(status), response, join(pointer, "responses", status))
        for status, response in (node.get("responses") or {}).items()
        if not str(status).startswith("x-")
    }
    return Operation(
        spec=spec,
        method=method,
        path=path,
        operation_id=node.get("operationId", f"{method} {path}"),
        pointer=pointer,
        parameters=list(parameters.values()),
        body=body,
        security=_security(document, node),
        responses=responses,
    )


def compile_operations(document: dict[str, Any], spec: str) -> list[Operation]:
    """Every operation of `document`, in document order."""
    operations = []
    for path, raw in (document.get("paths") or {}).items():
        item, _ = follow(document, raw, join("/paths", path))
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                operations.append(_operation(document, spec, path, method, item))
    return operations

"""The shape of an OpenAPI 3.x document: which object sits under which keyword.

One table serves every pass that has to know *what* a node is rather than just what it holds:
finding all schemas (a property may be called `format`), telling a Reference Object from a
schema `$ref`, and writing keys in one canonical order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .pointers import join

__all__ = ["HTTP_METHODS", "RENDERED_METHODS", "Child", "canonicalize", "misfit", "walk"]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RENDERED_METHODS = tuple(method.upper() for method in HTTP_METHODS)
"""The methods as documentation pages print them (`GET /pets`)."""


@dataclass(frozen=True)
class Child:
    """What a keyword holds: one object, a list of them, or a map from names to them."""

    kind: str
    shape: str = "one"  # "one" | "list" | "map"
    sort: bool = False  # maps only: write names in sorted order
    extensions: bool = False  # maps only: `x-` names are extensions, not entries


ANY = Child("Any")


def _one(kind: str) -> Child:
    return Child(kind)


def _list(kind: str) -> Child:
    return Child(kind, "list")


def _map(kind: str, *, sort: bool = False, extensions: bool = False) -> Child:
    return Child(kind, "map", sort, extensions)


def _leaf(*names: str) -> dict[str, Child]:
    return dict.fromkeys(names, ANY)


_SCHEMA: dict[str, Child] = {
    **_leaf("$ref", "$id", "$schema", "$anchor", "$dynamicRef", "$dynamicAnchor", "$comment"),
    "$defs": _map("Schema", sort=True),
    "definitions": _map("Schema", sort=True),
    **_leaf("title", "description", "deprecated", "readOnly", "writeOnly", "type", "format"),
    **_leaf("contentMediaType", "contentEncoding"),
    "contentSchema": _one("Schema"),
    **_leaf("const", "enum", "default", "examples", "example", "nullable", "multipleOf"),
    **_leaf("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"),
    **_leaf("minLength", "maxLength", "pattern"),
    "items": _one("Schema"),
    "prefixItems": _list("Schema"),
    "additionalItems": _one("Schema"),
    "contains": _one("Schema"),
    **_leaf("minContains", "maxContains", "minItems", "maxItems", "uniqueItems", "required"),
    "properties": _map("Schema"),
    "patternProperties": _map("Schema"),
    "additionalProperties": _one("Schema"),
    "propertyNames": _one("Schema"),
    **_leaf("minProperties", "maxProperties", "dependentRequired"),
    "dependentSchemas": _map("Schema"),
    "unevaluatedItems": _one("Schema"),
    "unevaluatedProperties": _one("Schema"),
    "allOf": _list("Schema"),
    "anyOf": _list("Schema"),
    "oneOf": _list("Schema"),
    "not": _one("Schema"),
    "if": _one("Schema"),
    "then": _one("Schema"),
    "else": _one("Schema"),
    "discriminator": _one("Discriminator"),
    "xml": _one("XML"),
    "externalDocs": _one("ExternalDocs"),
}

_PARAMETER_LIKE: dict[str, Child] = {
    **_leaf("description", "required", "deprecated", "allowEmptyValue", "style", "explode"),
    **_leaf("allowReserved"),
    "schema": _one("Schema"),
    "example": ANY,
    "examples": _map("Example"),
    "content": _map("MediaType"),
}

OBJECTS: dict[str, dict[str, Child]] = {
    "Document": {
        **_leaf("openapi", "swagger"),
        "info": _one("Info"),
        "jsonSchemaDialect": ANY,
        "servers": _list("Server"),
        "security": ANY,
        "tags": _list("Tag"),
        "externalDocs": _one("ExternalDocs"),
        "paths": _one("Paths"),
        "webhooks": _map("PathItem", sort=True),
        "components": _one("Components"),
    },
    "Info": {
        **_leaf("title", "summary", "description", "termsOfService"),
        "contact": _one("Contact"),
        "license": _one("License"),
        "version": ANY,
    },
    "Contact": _leaf("name", "url", "email"),
    "License": _leaf("name", "identifier", "url"),
    "Server": {**_leaf("url", "description"), "variables": _map("ServerVariable")},
    "ServerVariable": _leaf("enum", "default", "description"),
    "Tag": {**_leaf("name", "description"), "externalDocs": _one("ExternalDocs")},
    "ExternalDocs": _leaf("description", "url"),
    "PathItem": {
        **_leaf("$ref", "summary", "description"),
        "servers": _list("Server"),
        "parameters": _list("Parameter"),
        **{method: _one("Operation") for method in HTTP_METHODS},
    },
    "Operation": {
        **_leaf("tags", "summary", "description"),
        "externalDocs": _one("ExternalDocs"),
        "operationId": ANY,
        "parameters": _list("Parameter"),
        "requestBody": _one("RequestBody"),
        "responses": _one("Responses"),
        "callbacks": _map("Callback"),
        **_leaf("deprecated", "security"),
        "servers": _list("Server"),
    },
    "Parameter": {**_leaf("name", "in"), **_PARAMETER_LIKE},
    "Header": _PARAMETER_LIKE,
    "RequestBody": {**_leaf("description"), "content": _map("MediaType"), **_leaf("required")},
    "MediaType": {
        "schema": _one("Schema"),
        "example": ANY,
        "examples": _map("Example"),
        "encoding": _map("Encoding"),
    },
    "Encoding": {
        **_leaf("contentType"),
        "headers": _map("Header"),
        **_leaf("style", "explode", "allowReserved"),
    },
    "Response": {
        **_leaf("description"),
        "headers": _map("Header"),
        "content": _map("MediaType"),
        "links": _map("Link"),
    },
    "Example": _leaf("summary", "description", "value", "externalValue"),
    "Link": {
        **_leaf("operationRef", "operationId", "parameters", "requestBody", "description"),
        "server": _one("Server"),
    },
    "Components": {
        "schemas": _map("Schema", sort=True),
        "responses": _map("Response", sort=True),
        "parameters": _map("Parameter", sort=True),
        "examples": _map("Example", sort=True),
        "requestBodies": _map("RequestBody", sort=True),
        "headers": _map("Header", sort=True),
        "securitySchemes": _map("SecurityScheme", sort=True),
        "links": _map("Link", sort=True),
        "callbacks": _map("Callback", sort=True),
        "pathItems": _map("PathItem", sort=True),
    },
    "SecurityScheme": {
        **_leaf("type", "description", "name", "in", "scheme", "bearerFormat"),
        "flows": _one("OAuthFlows"),
        "openIdConnectUrl": ANY,
    },
    "OAuthFlows": {
        flow: _one("OAuthFlow")
        for flow in ("implicit", "password", "clientCredentials", "authorizationCode")
    },
    "OAuthFlow": _leaf("authorizationUrl", "tokenUrl", "refreshUrl", "scopes"),
    "Discriminator": _leaf("propertyName", "mapping"),
    "XML": _leaf("name", "namespace", "prefix", "attribute", "wrapped"),
    "Schema": _SCHEMA,
}

# Objects made only of named entries.
MAPS: dict[str, Child] = {
    "Paths": _map("PathItem", sort=True, extensions=True),
    "Responses": _map("Response", sort=True, extensions=True),
    "Callback": _map("PathItem", extensions=True),
}


SCALARS: dict[str, dict[str, type]] = {
    "Document": {"security": list},
    "Operation": {"tags": list, "security": list},
    "Parameter": {"name": str, "in": str},
    "Tag": {"name": str},
    "Server": {"url": str},
}
"""Fields outside the object tree whose type every pass relies on: they name or list things."""
_TYPE_NAMES: dict[type, str] = {str: "string", list: "list"}


def _is_reference(kind: str, node: dict[str, Any]) -> bool:
    """A Reference Object replaces the whole object; in a schema `$ref` is a keyword."""
    return kind != "Schema" and "$ref" in node


def _children(kind: str, node: dict[str, Any]) -> Iterator[tuple[str, Child]]:
    if kind in MAPS:
        child = MAPS[kind]
        for name in node:
            if not (child.extensions and name.startswith("x-")):
                yield name, Child(child.kind)
        return
    fields = OBJECTS.get(kind, {})
    for name in node:
        if name in fields and fields[name].kind != "Any":
            yield name, fields[name]


def walk(node: Any, kind: str = "Document", pointer: str = "") -> Iterator[tuple[str, str, Any]]:
    """Every OpenAPI object under `node` as (JSON pointer, kind, object), parents first.

    A Reference Object is yielded with the kind it stands for; its target is not followed.
    """
    for here, shape, expected, value in _slots(node, kind, pointer):
        if not shape and isinstance(value, dict):
            yield here, expected, value


def misfit(document: dict[str, Any]) -> tuple[str, str, Any] | None:
    """The first place in document order, as (JSON pointer, kind, value), where the grammar
    expects an object (a mapping; for a schema, also a boolean), a list or map of them (kind
    `list of Parameter`), or a `string` or `list` field of `SCALARS`, and the document holds
    something else: every later pass may take what it finds there for granted."""
    for pointer, shape, kind, node in _slots(document, "Document", ""):
        if shape:
            if not isinstance(node, list if shape == "list" else dict):
                return pointer, f"{shape} of {kind}", node
        elif not isinstance(node, dict):
            if not (kind == "Schema" and isinstance(node, bool)):
                return pointer, kind, node
        elif not _is_reference(kind, node):
            for name, expected in SCALARS.get(kind, {}).items():
                if name in node and not isinstance(node[name], expected):
                    return join(pointer, name), _TYPE_NAMES[expected], node[name]
    return None


def _slots(node: Any, kind: str, pointer: str) -> Iterator[tuple[str, str, str, Any]]:
    """Every place under `node` that the grammar gives a kind, in document order, as (JSON
    pointer, shape, kind, value): shape "" for one object, "list" or "map" for a container
    of them. A value that is not the container its shape says is yielded, not entered;
    walked without recursion."""
    pending: list[tuple[str, str, str, Any]] = [(pointer, "", kind, node)]
    while pending:
        slot = pending.pop()
        yield slot
        pointer, shape, kind, node = slot
        if shape == "list" and isinstance(node, list):
            children = [(join(pointer, i), "", kind, item) for i, item in enumerate(node)]
        elif shape == "map" and isinstance(node, dict):
            children = [(join(pointer, name), "", kind, item) for name, item in node.items()]
        elif not shape and isinstance(node, dict) and not _is_reference(kind, node):
            children = [
                (join(pointer, name), _shape(child, node[name]), child.kind, node[name])
                for name, child in _children(kind, node)
            ]
        else:
            continue
        pending.extend(reversed(children))


def _shape(child: Child, value: Any) -> str:
    """How a field holds its objects; `items` as a list is the tuple form of older JSON
    Schema drafts, a list of schemas."""
    if child.shape == "one" and child.kind == "Schema" and isinstance(value, list):
        return "list"
    return "" if child.shape == "one" else child.shape


def _response_order(code: str) -> tuple[int, str]:
    return (1, code) if code == "default" else (0, code)


def _ordered_names(names: list[str], child: Child, kind: str) -> list[str]:
    if not child.sort:
        return names
    entries = [n for n in names if not (child.extensions and n.startswith("x-"))]
    extensions = sorted(n for n in names if child.extensions and n.startswith("x-"))
    key = _response_order if kind == "Responses" else None
    return sorted(entries, key=key) + extensions


def canonicalize(node: Any, kind: str = "Document") -> Any:
    """A copy of `node` with every object's keys in one canonical order.

    Known keywords come in the order the specification lists them, then any other keys
    (extensions, unknown keywords) sorted; names that carry meaning in their order (schema
    properties, media types, parameters) keep it, and paths, responses and components sort.
    """
    if isinstance(node, list):
        return [canonicalize(item, kind) for item in node]
    if not isinstance(node, dict) or kind == "Any":
        return node
    if _is_reference(kind, node):
        kind = "Reference"
    if kind in MAPS:
        child = MAPS[kind]
        names = _ordered_names(list(node), child, kind)
        return {
            name: canonicalize(
                node[name],
                "Any" if child.extensions and name.startswith("x-") else child.kind,
            )
            for name in names
        }
    fields = OBJECTS.get(kind, {"$ref": ANY, "summary": ANY, "description": ANY})
    known = [name for name in fields if name in node]
    others = sorted(name for name in node if name not in fields)
    result: dict[str, Any] = {}
    for name in known:
        child = fields[name]
        value = node[name]
        if child.shape == "map" and isinstance(value, dict):
            result[name] = {
                key: canonicalize(value[key], child.kind)
                for key in _ordered_names(list(value), child, "")
            }
        else:
            result[name] = canonicalize(value, child.kind)
    for name in others:
        result[name] = node[name]
    return result

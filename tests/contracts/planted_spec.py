"""The contract the planted server is tested against: Scenario's collections, made self-consistent.

The bundled Scenario spec declares only `200` for every operation, so any honest server answering
401, 400 or 404 would "violate" it. This document keeps the collection operations, declares the
error answers a correct server gives, and adds what the detection test needs Schemathesis to
exercise: a required response header, stateful links and an example of an existing resource.
Only the planted bugs in `planted_server` can then fail a check.
"""

from __future__ import annotations

import copy
from typing import Any

import specs

__all__ = [
    "ASSETS",
    "COLLECTION",
    "ITEM",
    "KEPT",
    "MAX_IDS",
    "MODELS",
    "REQUEST_ID",
    "SEEDED_ID",
    "label",
    "planted_spec",
]

COLLECTION = "/collections"
ITEM = "/collections/{collectionId}"
ASSETS = "/collections/{collectionId}/assets"
MODELS = "/collections/{collectionId}/models"

KEPT: dict[str, tuple[str, ...]] = {
    COLLECTION: ("get", "post"),
    ITEM: ("get", "put", "delete"),
    ASSETS: ("put", "delete"),
    MODELS: ("put", "delete"),
}
"""The operations kept from the Scenario spec, by path."""

REQUEST_ID = "X-Request-Id"
SEEDED_ID = "collection_seeded"
"""A collection the planted server starts with; the spec gives it as the path parameter example."""

MAX_IDS = 49
"""The Scenario descriptions say "Max 49 at once"; the schemas gain that as `maxItems`."""

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}},
}
_ERRORS = {"400": "Invalid request", "401": "Missing or invalid credentials", "404": "Not found"}


def label(method: str, path: str) -> str:
    """An operation as Schemathesis names it: `GET /collections/{collectionId}`."""
    return f"{method.upper()} {path}"


def planted_spec() -> dict[str, Any]:
    """The Scenario collection operations as a contract a correct server can satisfy."""
    source = specs.load("scenario")
    paths: dict[str, Any] = {}
    for path, methods in KEPT.items():
        item = copy.deepcopy(source["paths"][path])
        paths[path] = {method: item[method] for method in methods}
    document: dict[str, Any] = {
        "openapi": source["openapi"],
        "info": {
            "title": "Scenario collections (planted-bug contract)",
            "version": source["info"]["version"],
        },
        "paths": paths,
        "components": {
            "schemas": _referenced_schemas(paths, source["components"]["schemas"]),
            "securitySchemes": {
                "Authorizer": {"type": "apiKey", "name": "Authorization", "in": "header"}
            },
        },
    }
    document["components"]["schemas"]["Error"] = copy.deepcopy(_ERROR)
    _tighten_described_limits(document)
    for path, methods in KEPT.items():
        for method in methods:
            _declare_answers(paths[path][method], path=path, method=method)
    _add_links(paths)
    return document


def _referenced_schemas(node: Any, schemas: dict[str, Any]) -> dict[str, Any]:
    """The component schemas `node` refers to, transitively."""
    kept: dict[str, Any] = {}
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, dict):
            reference = current.get("$ref")
            if isinstance(reference, str) and reference.startswith("#/components/schemas/"):
                name = reference.rsplit("/", 1)[1]
                if name not in kept:
                    kept[name] = copy.deepcopy(schemas[name])
                    pending.append(kept[name])
            pending.extend(current.values())
        elif isinstance(current, list):
            pending.extend(current)
    return dict(sorted(kept.items()))


def _tighten_described_limits(document: dict[str, Any]) -> None:
    """Turn limits the Scenario spec states only in prose into schema keywords.

    Bounds give Schemathesis boundary values to try, which one planted bug depends on.
    """
    for parameter in document["paths"][COLLECTION]["get"]["parameters"]:
        if parameter["name"] == "pageSize":
            parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": 100}
    schemas = document["components"]["schemas"]
    for name, field in (
        ("PutAssetsByCollectionIdRequest", "assetIds"),
        ("DeleteAssetsByCollectionIdRequest", "assetIds"),
        ("PutModelsByCollectionIdRequest", "modelIds"),
        ("DeleteModelsByCollectionIdRequest", "modelIds"),
    ):
        schemas[name]["properties"][field]["maxItems"] = MAX_IDS


def _declare_answers(operation: dict[str, Any], *, path: str, method: str) -> None:
    """Declare the errors a correct server gives, the request id header, and a seeded example."""
    responses = operation["responses"]
    responses["200"]["headers"] = {
        REQUEST_ID: {
            "description": "Identifies the request in the server's logs.",
            "required": True,
            "schema": {"type": "string", "format": "uuid"},
        }
    }
    for status, description in _ERRORS.items():
        if status == "404" and "{" not in path:
            continue
        responses[status] = {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    # Deleting the seeded collection would take it away from every later example.
    if "{" in path and not (path == ITEM and method == "delete"):
        for parameter in operation["parameters"]:
            if parameter["in"] == "path":
                parameter["example"] = SEEDED_ID


def _add_links(paths: dict[str, Any]) -> None:
    """Links that make Schemathesis' stateful phase create, use, delete, then read again."""
    created = "$response.body#/collection/id"
    links: dict[str, Any] = {}
    for path in (ITEM, ASSETS, MODELS):
        for method in KEPT[path]:
            operation_id = paths[path][method]["operationId"]
            links[operation_id] = {
                "operationId": operation_id,
                "parameters": {"collectionId": created},
            }
    paths[COLLECTION]["post"]["responses"]["200"]["links"] = links
    paths[ITEM]["delete"]["responses"]["200"]["links"] = {
        "GetDeletedCollection": {
            "operationId": paths[ITEM]["get"]["operationId"],
            "parameters": {"collectionId": "$request.path.collectionId"},
        }
    }

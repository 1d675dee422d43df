"""OpenAPI links inferred from shapes, so stateful testing has create-read-delete chains.

Most specs declare no links. When `POST /things` answers an object that carries an id, and
`/things/{thingId}` has operations beside it, the id in the answer is obviously what those
operations take: a link says so, and Schemathesis chains the calls.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from specs.grammar import HTTP_METHODS
from specs.pointers import deref, escape

__all__ = ["infer_links"]

_ITEM = re.compile(r"^(?P<base>.*)/\{(?P<param>[^{}/]+)\}$")


def _json_schema(document: dict[str, Any], response: Any) -> Any:
    content = (deref(document, response) or {}).get("content") or {}
    for media_type, media in content.items():
        if "json" in media_type and isinstance(media, dict):
            return deref(document, media.get("schema"))
    return None


def _id_pointer(document: dict[str, Any], schema: Any, param: str, depth: int = 0) -> str | None:
    """Where in a response body the id for `param` is: `/id`, `/thingId`, or one level down."""
    properties = (deref(document, schema) or {}).get("properties") or {}
    for name in (param, "id", "_id", "uuid"):
        if name in properties:
            return "/" + escape(name)
    if depth == 0:
        for name, value in properties.items():
            inner = _id_pointer(document, value, param, depth + 1)
            if (
                inner is not None
                and (deref(document, value) or {}).get("type", "object") == "object"
            ):
                return "/" + escape(name) + inner
    return None


def _success(responses: dict[str, Any]) -> list[str]:
    return sorted(code for code in responses if code.startswith("2"))


def infer_links(document: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """A copy of `document` with inferred links added, and how many were added.

    Responses that already declare links are left alone.
    """
    result = copy.deepcopy(document)
    paths = result.get("paths") or {}
    added = 0
    for item_path, item in paths.items():
        match = _ITEM.match(item_path)
        if not match or not isinstance(item, dict):
            continue
        creator = (paths.get(match.group("base")) or {}).get("post")
        if not isinstance(creator, dict):
            continue
        param = match.group("param")
        targets = [item[m] for m in HTTP_METHODS if isinstance(item.get(m), dict) and m != "post"]
        for code in _success(creator.get("responses") or {}):
            response = deref(result, creator["responses"][code])
            if (
                not isinstance(response, dict)
                or response.get("links")
                or "$ref" in creator["responses"][code]
            ):
                continue
            pointer = _id_pointer(result, _json_schema(result, response), param)
            if pointer is None:
                continue
            links = {}
            for target in targets:
                if "operationId" in target:
                    links[f"x-specmock-{target['operationId']}"] = {
                        "operationId": target["operationId"],
                        "parameters": {f"path.{param}": f"$response.body#{pointer}"},
                    }
            if links:
                response["links"] = links
                added += len(links)
    return result, added

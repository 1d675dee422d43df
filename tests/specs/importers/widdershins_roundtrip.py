"""The round-trip corpus (rendered by data/widdershins/render.py) and what survives a trip:
shared by the round-trip tests and the benchmark."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from specs.importers import Widdershins
from specs.pointers import deref

DATA = Path(__file__).parent / "data" / "widdershins"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RENDERINGS = sorted(p.name for p in (DATA / "rendered").glob("*.md"))


def original(rendering: str) -> dict[str, Any]:
    name = rendering.split(".", maxsplit=1)[0]
    document: dict[str, Any] = json.loads((DATA / "sources" / f"{name}.json").read_text())
    return document


def imported(rendering: str) -> dict[str, Any]:
    text = (DATA / "rendered" / rendering).read_text()
    return Widdershins().read(text, rendering).document


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], list[Any]]]:
    """Each operation with the parameters it takes, path-level ones included."""
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                operation = item[method]
                own = [deref(document, p) for p in operation.get("parameters", [])]
                keys = {(p["name"], p["in"]) for p in own}
                inherited = [deref(document, p) for p in shared]
                merged = own + [p for p in inherited if (p["name"], p["in"]) not in keys]
                yield method, path, operation, merged


def parameter_keys(parameters: list[dict[str, Any]]) -> set[tuple[str, str, bool]]:
    return {(p["name"], p["in"], bool(p.get("required"))) for p in parameters}


def property_names(document: dict[str, Any], schema: Any, seen: int = 0) -> set[str]:
    """The names of the properties a schema declares, its inline compositions' included."""
    if not isinstance(schema, dict) or seen > 8:
        return set()
    names = set(schema.get("properties", {}))
    for key in ("allOf", "anyOf", "oneOf"):
        for member in schema.get(key, []):
            if isinstance(member, dict) and "$ref" not in member:
                names |= property_names(document, member, seen + 1)
    return names

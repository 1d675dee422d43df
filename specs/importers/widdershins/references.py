"""Links to schemas the page does not have: a permissive schema in their place."""

from __future__ import annotations

from typing import Any

from ...pointers import join, parse_ref, split
from ...report import Finding, Severity

__all__ = ["drop_dangling"]


def drop_dangling(document: dict[str, Any], findings: list[Finding]) -> None:
    names = set(document.get("components", {}).get("schemas", {}))
    _visit(document, "", names, findings)


def _visit(node: Any, pointer: str, names: set[str], findings: list[Finding]) -> None:
    keys: list[Any] = list(node) if isinstance(node, dict) else list(range(len(node)))
    for key in keys:
        value, at = node[key], join(pointer, key)
        if isinstance(value, dict) and _dangling(value, names):
            node[key] = {}
            message = f"links to {value['$ref']!r}, a schema the page does not have: any value"
            findings.append(Finding(at, "missing-schema", Severity.INFERRED, message))
        elif isinstance(value, dict | list):
            _visit(value, at, names, findings)


def _dangling(node: dict[str, Any], names: set[str]) -> bool:
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return False
    uri, pointer = parse_ref(ref)
    tokens = split(pointer)
    return (
        not uri
        and tokens[:2] == ["components", "schemas"]
        and tokens[2:3] != []
        and tokens[2] not in names
    )

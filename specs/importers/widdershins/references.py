"""Links to schemas the page does not have: a permissive schema in their place."""

from __future__ import annotations

from typing import Any

from ...pointers import join, parse_ref, split
from ...report import Finding, Severity

__all__ = ["drop_dangling"]


def drop_dangling(document: dict[str, Any], findings: list[Finding]) -> None:
    schemas = document.get("components", {}).get("schemas", {})
    _visit(document, "", set(schemas), findings)
    _break_alias_cycles(schemas, findings)


def _break_alias_cycles(schemas: dict[str, Any], findings: list[Finding]) -> None:
    """A schema that is, through links and compositions alone, its own part describes
    nothing a validator can finish checking (a damaged page can say so): those links become
    permissive."""
    direct = {name: _direct_links(schema) for name, schema in schemas.items()}
    for name, schema in schemas.items():
        looping = {target for target in direct[name] if _reaches(target, name, direct)}
        if looping:
            _replace_links(schema, looping)
            message = f"is its own part through {', '.join(sorted(looping))}: those links any value"
            pointer = join("/components/schemas", name)
            findings.append(Finding(pointer, "link-cycle", Severity.REPAIRED, message))
            direct[name] = direct[name] - looping


_PARTS = ("allOf", "anyOf", "oneOf")


def _direct_links(schema: Any) -> set[str]:
    """The schemas a schema links as itself or as a member of its compositions."""
    if not isinstance(schema, dict):
        return set()
    target = _target(schema)
    links = {target} if target else set()
    for key in _PARTS:
        for member in schema.get(key, []):
            links |= _direct_links(member)
    return links


def _reaches(start: str, goal: str, direct: dict[str, set[str]]) -> bool:
    seen, pending = set(), [start]
    while pending:
        current = pending.pop()
        if current == goal:
            return True
        if current not in seen:
            seen.add(current)
            pending.extend(direct.get(current, ()))
    return False


def _replace_links(schema: dict[str, Any], targets: set[str]) -> None:
    if _target(schema) in targets:
        del schema["$ref"]
    for key in _PARTS:
        for index, member in enumerate(schema.get(key, [])):
            if isinstance(member, dict) and _target(member) in targets and len(member) == 1:
                schema[key][index] = {}
            elif isinstance(member, dict):
                _replace_links(member, targets)


def _target(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return None
    uri, pointer = parse_ref(ref)
    tokens = split(pointer)
    linked = not uri and len(tokens) == 3 and tokens[:2] == ["components", "schemas"]
    return tokens[2] if linked else None


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
    target = _target(node)
    return target is not None and target not in names

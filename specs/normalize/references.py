"""`$ref`s that lead nowhere, replaced by what a reader can still use, and reported."""

from __future__ import annotations

from typing import Any

from ..grammar import walk
from ..pointers import parse_ref, resolve, split
from ..report import Report, Severity

__all__ = ["repair_references"]

UNRESOLVED_KEY = "x-specmock-unresolved-ref"

# What stands in for an object whose reference is broken: it accepts anything and says why.
_PLACEHOLDERS: dict[str, dict[str, Any]] = {
    "Schema": {},
    "Response": {"description": "Unresolved reference"},
    "RequestBody": {"content": {"*/*": {"schema": {}}}},
    "Header": {"schema": {}},
    "Example": {},
    "Link": {},
    "Callback": {},
    "PathItem": {},
}


def _problem(document: dict[str, Any], ref: Any) -> str | None:
    if not isinstance(ref, str):
        return f"`$ref` must be a string, found {ref!r}"
    uri, pointer = parse_ref(ref)
    if uri:
        return f"external reference {ref!r} is not bundled into the document"
    if resolve(document, pointer, default=None) is None:
        return f"reference {ref!r} points at nothing in the document"
    return None


def repair_references(document: dict[str, Any], report: Report) -> None:
    """Give every broken `$ref` a permissive stand-in; keep the original under an `x-` key."""
    dropped: list[str] = []
    for pointer, kind, node in list(walk(document)):
        if "$ref" not in node or (kind not in _PLACEHOLDERS and kind != "Parameter"):
            continue
        problem = _problem(document, node["$ref"])
        if problem is None:
            continue
        ref = node.pop("$ref")
        if kind == "Parameter":
            dropped.append(pointer)
            report.add(
                pointer, "unresolved-ref", Severity.UNREPAIRED, f"{problem}; parameter dropped"
            )
            continue
        if kind != "Schema":
            node.clear()
        node.update(_PLACEHOLDERS[kind])
        node[UNRESOLVED_KEY] = ref
        report.add(
            pointer,
            "unresolved-ref",
            Severity.REPAIRED,
            f"{problem}; replaced by a permissive {kind}",
        )
    for pointer in reversed(dropped):
        *parent, index = split(pointer)
        resolve(document, parent).pop(int(index))

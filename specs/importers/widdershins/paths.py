"""Paths that differ only in their variables' names (`/files/{name}` beside `/files/{path}`)
are one path to OpenAPI, which forbids both: their operations join the first one's item."""

from __future__ import annotations

import re
from typing import Any

from ...pointers import join
from ...report import Finding, Severity

__all__ = ["merge_equivalent_paths"]

_VARIABLE = re.compile(r"\{([^{}]*)\}")


def merge_equivalent_paths(paths: dict[str, Any], findings: list[Finding]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    first: dict[str, str] = {}
    for path, item in paths.items():
        shape = _VARIABLE.sub("{}", path)
        target = first.setdefault(shape, path)
        if target == path or set(item) & set(merged[target]):
            merged[path] = item
            continue
        names = dict(zip(_VARIABLE.findall(path), _VARIABLE.findall(target), strict=True))
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path" and parameter.get("name") in names:
                    parameter["name"] = names[parameter["name"]]
            merged[target][method] = operation
            message = f"shown at {path}, the same path as {target} with other variable names"
            findings.append(
                Finding(join("/paths", target, method), "merged-path", Severity.REPAIRED, message)
            )
    return merged

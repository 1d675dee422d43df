"""Compiled JSON Schema validators for one spec, built on first use and kept.

Each is compiled on a small self-contained root (see `specs.bundling`), not the whole spec.
"""

from __future__ import annotations

import threading
from typing import Any

import jsonschema_rs

from specs.bundling import Bundler
from specs.pointers import join

from .problems import Violation

__all__ = ["SchemaStore"]

# OpenAPI's integer formats are ranges; JSON Schema validators only check string formats.
_INTEGER_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_DATA = frozenset({"enum", "const", "default", "examples", "example"})


def _with_integer_ranges(node: Any) -> Any:
    """A copy of a schema in which `format: int32/int64` also bounds the value."""
    if isinstance(node, list):
        return [_with_integer_ranges(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {k: v if k in _DATA else _with_integer_ranges(v) for k, v in node.items()}
    bounds = _INTEGER_RANGES.get(str(node.get("format")))
    if bounds is not None:
        copy.setdefault("minimum", bounds[0])
        copy.setdefault("maximum", bounds[1])
    return copy


class SchemaStore:
    def __init__(self, document: dict[str, Any]) -> None:
        self._bundler = Bundler(document)
        self._validators: dict[str, Any] = {}
        self._lock = threading.Lock()

    def validator(self, pointer: str, schema: Any) -> Any:
        """The compiled validator of `schema`, found in the document at `pointer`."""
        found = self._validators.get(pointer)
        if found is None:
            with self._lock:
                found = self._validators.get(pointer)
                if found is None:
                    found = jsonschema_rs.Draft202012Validator(
                        _with_integer_ranges(self._bundler.root(schema)), validate_formats=True
                    )
                    self._validators[pointer] = found
        return found

    def violations(self, pointer: str, schema: Any, value: Any, location: str) -> list[Violation]:
        validator = self.validator(pointer, schema)
        if validator.is_valid(value):
            return []
        return [
            Violation(join(location, *error.instance_path).lstrip("/"), error.message)
            for error in validator.iter_errors(value)
        ]

"""Compiled JSON Schema validators for one spec, built on first use and kept.

Compiling against the whole document costs tens of milliseconds per schema on a large spec,
so each validator is compiled against a small bundle: the schema plus exactly the parts of the
document its `$ref`s reach, at their original pointers so the references stay as written.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import jsonschema_rs

from specs.pointers import join, parse_ref, resolve, split

from .problems import Violation

__all__ = ["SchemaStore"]

_TARGET = "x-specmock-target"


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for key, value in node.items():
            if key not in ("enum", "const", "default", "examples", "example"):
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _place(root: dict[str, Any], pointer: str, value: Any) -> None:
    *parents, last = split(pointer)
    node = root
    for token in parents:
        node = node.setdefault(token, {})
    node[last] = value


class SchemaStore:
    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document
        self._validators: dict[str, Any] = {}
        self._lock = threading.Lock()

    def bundle(self, schema: Any) -> dict[str, Any]:
        """A self-contained root schema that validates like `schema` inside the document."""
        root: dict[str, Any] = {"$ref": f"#/{_TARGET}", _TARGET: schema}
        pending, seen = list(_refs(schema)), set()
        while pending:
            uri, pointer = parse_ref(pending.pop())
            if uri or pointer in seen or not pointer:
                continue
            seen.add(pointer)
            target = resolve(self._document, pointer, default=None)
            if target is None:
                continue
            _place(root, pointer, target)
            pending.extend(_refs(target))
        return root

    def validator(self, pointer: str, schema: Any) -> Any:
        """The compiled validator of `schema`, found in the document at `pointer`."""
        found = self._validators.get(pointer)
        if found is None:
            with self._lock:
                found = self._validators.get(pointer)
                if found is None:
                    found = jsonschema_rs.Draft202012Validator(
                        self.bundle(schema), validate_formats=True
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

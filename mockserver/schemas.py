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
                        self._bundler.root(schema), validate_formats=True
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

"""A subschema made self-contained: the schema plus exactly what its `$ref`s reach.

Compiling a validator with a whole large document as its root costs tens of milliseconds; a
root holding only the reachable parts, at their original pointers so every `$ref` resolves
unchanged, compiles in microseconds.
"""

from __future__ import annotations

from typing import Any

from .pointers import parse_ref, resolve, split

__all__ = ["Bundler"]

TARGET = "x-specmock-target"
_DATA_KEYWORDS = frozenset({"enum", "const", "default", "examples", "example"})


def _refs_in(node: Any, found: list[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.append(value)
            elif key not in _DATA_KEYWORDS:
                _refs_in(value, found)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _refs_in(item, found)


class Bundler:
    """Builds self-contained roots for schemas of one document; remembers what refs reach."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document
        self._reach: dict[str, list[str]] = {}

    def _reachable(self, schema: Any) -> list[str]:
        """Pointers of every local target reached from `schema`, shortest first."""
        todo: list[str] = []
        _refs_in(schema, todo)
        seen: set[str] = set()
        pointers: set[str] = set()
        while todo:
            ref = todo.pop()
            if ref in seen:
                continue
            seen.add(ref)
            uri, pointer = parse_ref(ref)
            if uri or not pointer:
                continue
            if ref not in self._reach:
                found: list[str] = []
                _refs_in(resolve(self._document, pointer, default=None), found)
                self._reach[ref] = found
            pointers.add(pointer)
            todo.extend(self._reach[ref])
        return sorted(pointers, key=lambda p: (p.count("/"), p))

    def root(self, schema: Any) -> dict[str, Any]:
        """A root schema that validates exactly like `schema` does inside the document."""
        root: dict[str, Any] = {}
        placed: list[list[str]] = []
        for pointer in self._reachable(schema):
            tokens = split(pointer)
            if resolve(self._document, tokens, default=None) is None:
                continue
            if any(tokens[: len(prefix)] == prefix for prefix in placed):
                continue  # already inside a placed ancestor
            placed.append(tokens)
            self._place(root, tokens)
        root[TARGET] = schema
        root["$ref"] = f"#/{TARGET}"
        return root

    def _place(self, root: dict[str, Any], tokens: list[str]) -> None:
        """Copy the document's node at `tokens` into `root`, mirroring lists on the way."""
        source: Any = self._document
        target: Any = root
        for token in tokens[:-1]:
            key: Any = int(token) if isinstance(source, list) else token
            source = source[key]
            child = target[key] if isinstance(target, list) else target.get(key)
            if not isinstance(child, (dict, list)) or isinstance(child, list) != isinstance(
                source, list
            ):
                child = [{} for _ in source] if isinstance(source, list) else {}
                target[key] = child
            target = child
        key = int(tokens[-1]) if isinstance(source, list) else tokens[-1]
        target[key] = source[key]

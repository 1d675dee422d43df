"""JSON pointers (RFC 6901) and the `#/...` fragments of OpenAPI `$ref`s."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, unquote

__all__ = ["deref", "escape", "follow", "join", "parse_ref", "resolve", "split", "to_ref"]

_MISSING = object()


def escape(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape(token) for token in tokens)


def split(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def resolve(document: Any, pointer: str | Iterable[str], default: Any = _MISSING) -> Any:
    """The value at `pointer`; `default` (or `KeyError`) when there is none."""
    node = document
    for token in split(pointer) if isinstance(pointer, str) else pointer:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif default is _MISSING:
            raise KeyError(pointer)
        else:
            return default
    return node


def parse_ref(ref: str) -> tuple[str, str]:
    """Split a `$ref` into (document URI, JSON pointer); a local ref has an empty URI."""
    uri, _, fragment = ref.partition("#")
    return uri, unquote(fragment)


def to_ref(pointer: str) -> str:
    return "#" + quote(pointer, safe="/~:@!$&'()*+,;=-._")


def follow(document: Any, node: Any, pointer: str = "", limit: int = 32) -> tuple[Any, str]:
    """`node` with local `$ref`s followed, and the pointer of what it finally is.

    An unresolvable or external reference, or a cycle, gives an empty object.
    """
    for _ in range(limit):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node, pointer
        uri, pointer = parse_ref(node["$ref"])
        node = {} if uri else resolve(document, pointer, default={})
    return {}, pointer


def deref(document: Any, node: Any) -> Any:
    """`node` with local `$ref`s followed (see `follow`)."""
    return follow(document, node)[0]

"""Scalar values of layout-damaged YAML, read with YAML 1.2 core-schema rules.

Every scalar is handed to `specs.yamlio.load_yaml` rebuilt as a one-key document, so quoting,
escapes, folding and chomping mean exactly what they mean in YAML. What the damage changed is
undone first: continuation lines get an indentation again, and in collapsed text a double
quote's `\\` line continuation, now followed by a space, is told apart from an escaped space.
"""

from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from typing import Any

import yaml

from ...yamlio import load_yaml

__all__ = ["block", "flow", "key_text", "plain", "plain_lines", "quoted"]

# A single word that YAML 1.2 might read as null, a boolean or a number.
_MAYBE_TYPED = re.compile(r"[-+.~0-9nNtTfF][\w.+-]*")
_COMMENT = re.compile(r"[ \t]#.*$")


@lru_cache(maxsize=4096)
def _load(text: str) -> Any:
    """Cached: every reading in the beam loads the same token again. Callers that may get a
    container back copy it, so no two places in a document share one."""
    return load_yaml("x: " + text)["x"]


@lru_cache(maxsize=4096)
def plain(text: str) -> Any:
    """A plain scalar: a string unless the YAML 1.2 core schema types the whole word."""
    if not _MAYBE_TYPED.fullmatch(text):
        return text
    try:
        value = _load(text)
    except yaml.YAMLError:
        return text
    return value if isinstance(value, (bool, int, float)) or value is None else text


def plain_lines(raw: str) -> Any:
    """A plain scalar over one or more lines: lines fold into one with spaces, and each blank
    line between two is a line break."""
    parts: list[str] = []
    blank = 0
    for line in raw.split("\n"):
        text = _COMMENT.sub("", line).strip()
        if not text:
            blank += 1
            continue
        if parts:
            parts.append("\n" * blank if blank else " ")
        parts.append(text)
        blank = 0
    return plain("".join(parts))


def _continuations(body: str) -> str:
    """Collapsed text of a double-quoted scalar, with each `\\`-newline restored as such.

    Emitters break a long double-quoted line as `\\` + newline (joining without a space) and
    protect a leading space on the next line as `\\ `. Collapsed, the break became a space:
    `\\ ` is a continuation, and a `\\ ` right after one is the escaped space it protected.
    """
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char != "\\":
            out.append(char)
            index += 1
            continue
        if body.startswith("\\ ", index):
            index += 2
            if body.startswith("\\ ", index):
                out.append("\\ ")
                index += 2
            continue
        out.append(body[index : index + 2])
        index += 2
    return "".join(out)


def quoted(raw: str, collapsed: bool) -> Any:
    """A single- or double-quoted scalar, quotes included, possibly over several lines."""
    if collapsed and raw.startswith('"'):
        raw = _continuations(raw)
    return _load(raw.replace("\n", "\n "))


def flow(raw: str) -> Any:
    """A flow collection (`[a, b]`, `{k: v}`), possibly over several lines."""
    return copy.deepcopy(_load(raw.replace("\n", "\n ")))


def block(header: str, lines: list[str], trailing_blank: int) -> str:
    """A literal or folded block scalar from its header and content lines (blank ones empty).

    The indentation indicator is dropped: the indentation it described is gone.
    """
    header = re.sub(r"[1-9]", "", header)
    body = "".join(f"  {line}\n" if line else "\n" for line in lines)
    value = _load(header + "\n" + body + "\n" * trailing_blank)
    return value if isinstance(value, str) else ""


def key_text(raw: str) -> str:
    """A mapping key as the string OpenAPI names it: quotes resolved, `200` is `"200"`."""
    value = quoted(raw, collapsed=False) if raw[:1] in "'\"" else plain(raw)
    return value if isinstance(value, str) else json.dumps(value)

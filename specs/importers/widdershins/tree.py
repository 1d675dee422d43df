"""Property rows (with depths) assembled into one JSON Schema."""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..swagger_ui import typed_value
from .rows import Field

__all__ = ["Node", "assign_enums", "build_tree", "node_schema"]


@dataclass
class Node:
    row: Field | None
    depth: int
    properties: dict[str, Node] = field(default_factory=dict)
    members: list[Node] = field(default_factory=list)
    chain: str | None = None
    """The composition of `members`; None where the page did not title it (a parameters
    table runs every member's rows together)."""
    additional: Node | None = None
    enum: list[str] | None = None


def build_tree(rows: list[Field]) -> tuple[Node, dict[int, Node]]:
    """Each row under the nearest row above it that is one level up; also each row's node by
    its line."""
    root = Node(None, -1)
    by_line: dict[int, Node] = {}
    stack = [root]
    for row in rows:
        while len(stack) > 1 and stack[-1].depth >= row.depth:
            stack.pop()
        parent = stack[-1]
        node = Node(row, row.depth)
        by_line[row.line] = node
        if row.hidden:
            stack.append(node)
            continue
        if row.anonymous:
            parent.members.append(node)
            parent.chain = parent.chain or row.chain
        elif row.additional:
            parent.additional = node
        else:
            parent.properties.setdefault(row.name, node)
        stack.append(node)
    return root, by_line


def assign_enums(
    rows: list[Field], nodes: dict[int, Node], enums: list[tuple[str, str]], enum_refs: set[str]
) -> list[tuple[str, str]]:
    """Hand the `Enumerated Values` entries (name, value) to the rows they belong to, in row
    order; the entries of a row that links an enum schema are that schema's and dropped. Two
    same-named rows' runs meet without a mark; a value seen again starts the next run when a
    row of that name follows.

    Returns the entries no row took.
    """
    index = 0
    later = Counter(row.name for row in rows)
    for row in rows:
        later[row.name] -= 1
        if index >= len(enums) or enums[index][0] != row.name:
            continue
        if (row.type.ref and row.type.ref not in enum_refs) or not (row.type.ref or _scalar(row)):
            continue
        if row.anonymous and not _could_be(row.sample, row.name, enums[index:]):
            continue
        values: list[str] = []
        while index < len(enums) and enums[index][0] == row.name:
            if enums[index][1] in values and later[row.name]:
                break
            values.append(enums[index][1])
            index += 1
        if not row.type.ref:
            nodes[row.line].enum = values
    return enums[index:]


def _could_be(sample: Any, name: str, enums: list[tuple[str, str]]) -> bool:
    """Whether a composition member's sampled value is among the next run's values (the
    sampler takes the first member, and an enum's first value), or nothing tells."""
    if not isinstance(sample, str | int | float | bool):
        return True
    text = sample if isinstance(sample, str) else json.dumps(sample)
    values = []
    for entry, value in enums:
        if entry != name or value in values:
            break
        values.append(value)
    return text in values


def _scalar(row: Field) -> bool:
    """Whether a row could hold enumerated values: a scalar, an open type, or an array in a
    parameters table (whose items' values Widdershins lists there)."""
    kind = row.type.schema.get("type")
    kinds = {kind} if isinstance(kind, str) else set(kind or [])
    if "array" in kinds:
        return row.location != ""
    return not kinds & {"object", "null"} or bool(kinds - {"object", "null"})


def node_schema(node: Node) -> dict[str, Any]:
    row = node.row
    schema: dict[str, Any] = copy.deepcopy(row.type.schema) if row else {}
    if row and row.type.ref:
        return schema
    target = schema["items"] if schema.get("type") == "array" else schema
    if node.members:
        members = [node_schema(member) for member in node.members]
        kind = (row.type.combinator if row else None) or node.chain or "anyOf"
        if kind == "not":
            target["not"] = members[0]
        else:
            target[kind] = members
    if node.properties or node.additional:
        if "type" not in target and not node.members:
            target["type"] = "object"
        if node.properties:
            target["properties"] = {name: node_schema(n) for name, n in node.properties.items()}
            required = [name for name, n in node.properties.items() if n.row and n.row.required]
            if required:
                target["required"] = required
        if node.additional:
            target["additionalProperties"] = node_schema(node.additional)
    if node.enum is not None:
        target["enum"] = [typed_value(value, target) for value in node.enum]
    if row and row.description:
        schema["description"] = row.description
    if row and row.restrictions == "read-only":
        schema["readOnly"] = True
    if row and row.restrictions == "write-only":
        schema["writeOnly"] = True
    return schema

"""Schemas from Widdershins' property tables: the `Schemas` section's, and the inline ones
under a body or response row."""

from __future__ import annotations

from typing import Any

from ...inference import infer_schema
from ...pointers import join
from ...report import Finding, Severity
from .content import MISSING, parse_example
from .page import Page, SchemaPart
from .rows import CHAIN_TITLES, Field, Segment, fields
from .tree import Node, assign_enums, build_tree, node_schema

__all__ = ["SchemaReader"]


class SchemaReader:
    def __init__(self, page: Page, findings: list[Finding]) -> None:
        self.marked = page.marked
        self.findings = findings
        self.expansions: dict[str, int] = {}
        """How many rows each schema's link expands to under an operation (the Schemas
        section itself shows links unexpanded)."""
        self.enum_refs: set[str] = set()
        for part in page.schemas:
            rows = sum(len(segment.table.rows) for segment in part.segments)
            single = _is_single(part)
            self.expansions[part.name] = rows - 1 if single else rows
            if single and part.enums:
                self.enum_refs.add(part.name)

    def component(self, part: SchemaPart) -> dict[str, Any]:
        pointer = join("/components/schemas", part.name)
        example = parse_example(part.example_info, part.example or "")
        rows = fields(part.segments, 0, self.marked, {}, example)
        root, nodes = build_tree(rows)
        self._enums(rows, nodes, part.enums, pointer)
        single = _is_single(part)
        if single and (root.members or root.properties):
            top = (list(root.properties.values()) or root.members)[0]
            if root.properties and root.members and not top.members:
                top.members, top.chain = root.members, root.chain
            schema = node_schema(top)
            schema.pop("description", None)
        else:
            schema = self._array_from_example(node_schema(root), example, pointer)
        if not schema and part.segments:
            schema = {"type": "object"}
        if not schema:
            schema = self._from_example(example, pointer, part.line)
        if part.title and part.title != part.name and "description" not in schema:
            schema["description"] = part.title
        if example is not MISSING and not (isinstance(example, dict) and not example):
            schema["example"] = example
        return schema

    def inline(
        self,
        segments: list[Segment],
        enums: list[tuple[str, str]],
        example: Any,
        pointer: str,
        line: int,
    ) -> dict[str, Any]:
        """The schema a body's or response's rows (one level below it) describe; the example
        fills in when there are no rows, and in a copy without `»` markers it says which rows
        are top-level properties."""
        rows = fields(segments, 1, self.marked, self.expansions, example)
        if not self.marked and isinstance(example, dict):
            self._keep_example_keys(rows, example, pointer)
        root, nodes = build_tree(rows)
        self._enums(rows, nodes, enums, pointer)
        schema = self._array_from_example(node_schema(root), example, pointer)
        if not schema:
            schema = self._from_example(example, pointer, line)
        return schema

    def _array_from_example(self, schema: dict[str, Any], example: Any, at: str) -> dict[str, Any]:
        """Widdershins shows an array of inline objects by its items' properties alone; the
        example, a list, tells it apart from an object."""
        if not isinstance(example, list) or "properties" not in schema:
            return schema
        message = "the rows are an array's items: the example is a list"
        self.findings.append(Finding(at, "array-from-example", Severity.INFERRED, message))
        return {"type": "array", "items": schema}

    def table(
        self, segments: list[Segment], enums: list[tuple[str, str]], example: Any, at: str
    ) -> tuple[list[Field], dict[int, Node]]:
        """A parameters table's rows and their nodes: the body row's rows below it, and each
        enumerated value placed."""
        rows = fields(segments, 0, self.marked, self.expansions, example, 1)
        if not self.marked and isinstance(example, dict):
            self._keep_example_keys(rows, example, at, depth=1)
        root, nodes = build_tree(rows)
        self._enums(rows, nodes, enums, at)
        for node in root.properties.values():
            self._settle_chains(node, example, at)
        return rows, nodes

    def _settle_chains(self, node: Node, example: Any, at: str) -> None:
        """Untitled members are all of the schema when the example (sampled from it) shows
        properties of more than one of them, else any of them."""
        if node.row and (node.row.type.ref or node.row.hidden):
            return
        if node.members and node.chain is None and not (node.row and node.row.type.combinator):
            keys = set(example) if isinstance(example, dict) else set()
            shown = sum(1 for member in node.members if keys & set(member.properties))
            node.chain = "allOf" if shown > 1 else "anyOf"
            line = node.members[0].row.line if node.members[0].row else 0
            message = f"untitled members (line {line}): {node.chain}, by the example"
            self.findings.append(Finding(at, "inferred-composition", Severity.INFERRED, message))
        for name, child in node.properties.items():
            self._settle_chains(child, example.get(name) if isinstance(example, dict) else None, at)

    def _keep_example_keys(
        self, rows: list[Field], example: dict[str, Any], pointer: str, depth: int = 0
    ) -> None:
        dropped = 0
        for row in rows:
            if row.depth == depth and not (row.hidden or row.anonymous or row.name in example):
                row.hidden, dropped = True, dropped + 1
        if dropped:
            self.findings.append(
                Finding(
                    pointer,
                    "nesting-from-example",
                    Severity.INFERRED,
                    f"no depth markers: {dropped} nested rows (not keys of the example) "
                    "left out of the top level",
                )
            )

    def _from_example(self, example: Any, pointer: str, line: int) -> dict[str, Any]:
        if example is MISSING:
            message = f"no rows and no example (line {line}): any value"
            self.findings.append(Finding(pointer, "unknown-schema", Severity.INFERRED, message))
            return {}
        message = f"no rows: inferred from the example at line {line}"
        self.findings.append(Finding(pointer, "inferred-schema", Severity.INFERRED, message))
        return infer_schema(example)

    def _enums(
        self, rows: list[Field], nodes: dict[int, Node], enums: list[tuple[str, str]], at: str
    ) -> None:
        left = assign_enums(rows, nodes, enums, self.enum_refs)
        if left:
            names = ", ".join(sorted({name for name, _ in left}))
            message = f"enumerated values for no row that could hold them: {names}"
            self.findings.append(Finding(at, "unplaced-enum", Severity.UNREPAIRED, message))


def _is_single(part: SchemaPart) -> bool:
    """The schema is not an object: its first table's one top-level row is the schema itself
    (named by its title, or anonymous), and its example, if any, is no JSON object."""
    if not part.segments or part.segments[0].title.strip("*").split(" ")[0] in CHAIN_TITLES:
        return False
    top = [row for row in part.segments[0].table.rows if not row.indented]
    top = [row for row in top if not row.cells[0].startswith("»")]
    if len(top) != 1:
        return False
    name = top[0].cells[0].strip()
    if name in ("*anonymous*", part.title):
        return True
    example = parse_example(part.example_info, part.example or "")
    return example is not MISSING and not isinstance(example, dict | list)

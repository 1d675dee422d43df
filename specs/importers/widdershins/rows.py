"""Widdershins' property rows, with the depth each one sits at.

A schema is rendered as a run of tables: the first holds its properties, nested ones below
their parent with `»` markers; each `anyOf`/`oneOf`/`allOf` member opens a table titled
`anyOf` (then `or`, `xor`, `and` for the next members), and `continued` resumes the outer
level. Under an operation, referenced schemas are expanded in place; the Schemas section
shows only the link.

A plain-ASCII copy keeps only whether a row was nested (one leading space). Then depth is
rebuilt from what the rendering implies: a row sits in the innermost open object of the
example (sampled from the same schema, keys in row order) that has its name; the members of
a composition sit below the open (`any`) row before them, rows after a member belong to it;
and the expansion of a referenced schema is as many rows as its own section shows, so it is
skipped whole (the `$ref` says it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .markdown import Row, Table
from .types import COMBINATORS, TypeCell, read_type

__all__ = ["CHAIN_TITLES", "NO_SAMPLE", "Field", "Segment", "fields"]

NO_SAMPLE = object()

CHAIN_TITLES = {
    "anyOf": ("anyOf", True),
    "or": ("anyOf", False),
    "oneOf": ("oneOf", True),
    "xor": ("oneOf", False),
    "allOf": ("allOf", True),
    "and": ("allOf", False),
    "not": ("not", True),
}
"""A block title: the composition its members are in, and whether it starts one."""


@dataclass
class Segment:
    """One table of a schema's run, with the title line before it."""

    title: str
    table: Table


@dataclass
class Field:
    name: str
    type: TypeCell
    type_text: str
    required: bool
    description: str
    restrictions: str
    line: int
    depth: int
    anonymous: bool
    chain: str | None
    """The composition this row is a member of, when it is an anonymous member row."""
    location: str = ""
    hidden: bool = False
    """Left out, with the rows below it: not part of the schema being read."""
    sample: Any = None
    """The value the example shows for this row (NO_SAMPLE when it shows none)."""

    @property
    def additional(self) -> bool:
        return self.name == "**additionalProperties**"


def _field(
    table: Table, row: Row, name: str, cell: TypeCell, depth: int, chain: str | None
) -> Field:
    return Field(
        name=name,
        type=cell,
        type_text=_cell(table, row.cells, "Type"),
        required=_cell(table, row.cells, "Required") == "true",
        description=_text(_cell(table, row.cells, "Description")),
        restrictions=_text(_cell(table, row.cells, "Restrictions")),
        line=row.line,
        depth=depth,
        anonymous=name == "*anonymous*",
        chain=chain,
        location=_cell(table, row.cells, "In"),
    )


def _cell(table: Table, cells: list[str], name: str) -> str:
    try:
        return cells[table.header.index(name)].strip()
    except (ValueError, IndexError):
        return ""


def _text(cell: str) -> str:
    return "" if cell == "none" else cell.replace("<br>", "\n")


class _ExampleDepths:
    """Depths read off the example Widdershins sampled from the same schema: its keys come in
    the rows' order, so each row sits in the innermost open object that has its name."""

    def __init__(self, example: Any, offset: int) -> None:
        self.offset = offset
        root = _object_in(example)
        self.stack: list[tuple[dict[str, Any], set[str]]] = [] if root is None else [(root, set())]

    def place(self, name: str, cell: TypeCell) -> tuple[int, Any] | None:
        """The row's depth and its sampled value, None when the example does not show it.
        An `additionalProperties` row is the innermost open object's."""
        if name == "**additionalProperties**" and self.stack:
            return self.offset + len(self.stack) - 1, NO_SAMPLE
        for level in range(len(self.stack) - 1, -1, -1):
            context, used = self.stack[level]
            if name in context and name not in used:
                del self.stack[level + 1 :]
                used.add(name)
                child = None if cell.ref else _object_in(context[name])
                if child is not None:
                    self.stack.append((child, set()))
                return self.offset + level, context[name]
        return None


def _object_in(value: Any) -> dict[str, Any] | None:
    if isinstance(value, list) and value:
        value = value[0]
    return value if isinstance(value, dict) else None


def fields(
    segments: list[Segment],
    base: int,
    marked: bool,
    expansions: dict[str, int],
    example: Any = None,
    example_depth: int = 0,
) -> list[Field]:
    """The rows of a schema's tables, depths relative to its top level.

    `base` is the depth of the top level's rows (0 in the Schemas section, 1 under a body or
    response row); `expansions` is how many rows each named schema expands to; `example`, the
    sample shown for the schema, whose top-level keys are rows at `example_depth`.
    """
    aligner = _ExampleDepths(example, example_depth)
    result: list[Field] = []
    open_sample: Any = NO_SAMPLE
    chains: list[int] = []
    last_open = -1
    skip = skip_depth = 0
    for segment in segments:
        title = segment.title.strip("*").split(" ")[0]
        kind, starts = CHAIN_TITLES.get(title, (None, False))
        if not skip and kind is None:
            chains = []
        elif not skip and (starts or not chains):
            chains.append(last_open + 1)
        member_seen = False
        for row in segment.table.rows:
            raw = _cell(segment.table, row.cells, "Name")
            markers = len(raw) - len(raw.lstrip("»"))
            name = raw.lstrip("» ").strip()
            if skip and not (row.indented or base):
                skip = 0
            anonymous = name == "*anonymous*"
            cell = read_type(_cell(segment.table, row.cells, "Type"))
            placed = None if skip or kind or anonymous else aligner.place(name, cell)
            aligned = None if marked or placed is None else placed[0]
            sample = placed[1] if placed else NO_SAMPLE
            if anonymous and not member_seen and starts:
                sample = open_sample
            skip_before = skip
            if skip:
                skip -= 1
                depth = skip_depth
            elif marked:
                depth = max(markers - base, 0)
            elif kind and chains and anonymous:
                depth, member_seen = chains[-1], True
            elif kind and chains and member_seen:
                depth = chains[-1] + 1
            elif aligned is not None and (row.indented or base):
                depth = aligned
            else:
                depth = max((1 if row.indented else 0) - base, 0)
            field = _field(segment.table, row, name, cell, depth, kind if anonymous else None)
            field.hidden, field.sample = bool(skip_before), sample
            result.append(field)
            if field.type.is_open or field.type.combinator in COMBINATORS:
                last_open, open_sample = depth, sample
            if not marked and field.type.ref and not skip:
                skip, skip_depth = expansions.get(field.type.ref, 0), depth + 1
    return result

"""Widdershins' property rows, with the depth each one sits at.

A schema is rendered as a run of tables: the first holds its properties, nested ones below
their parent with `»` markers; each `anyOf`/`oneOf`/`allOf` member opens a table titled
`anyOf` (then `or`, `xor`, `and` for the next members), and `continued` resumes the outer
level. Referenced schemas are expanded in place.

A plain-ASCII copy keeps only whether a row was nested (one leading space). Then depth is
rebuilt from what the rendering implies: the members of a composition sit below the open
(`any`) row before them, rows after a member belong to it, and the expansion of a referenced
schema is as many rows as its own section shows, so it is skipped whole (the `$ref` says it).
"""

from __future__ import annotations

from dataclasses import dataclass

from .markdown import Table
from .types import COMBINATORS, TypeCell, read_type

__all__ = ["CHAIN_TITLES", "Field", "Segment", "fields"]

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

    @property
    def additional(self) -> bool:
        return self.name == "**additionalProperties**"


def _cell(table: Table, cells: list[str], name: str) -> str:
    try:
        return cells[table.header.index(name)].strip()
    except (ValueError, IndexError):
        return ""


def _text(cell: str) -> str:
    return "" if cell == "none" else cell.replace("<br>", "\n")


def fields(
    segments: list[Segment], base: int, marked: bool, expansions: dict[str, int]
) -> list[Field]:
    """The rows of a schema's tables, depths relative to its top level.

    `base` is the depth of the top level's rows (0 in the Schemas section, 1 under a body or
    response row); `expansions` is how many rows each named schema expands to.
    """
    result: list[Field] = []
    chains: list[int] = []
    last_open = -1
    skip = skip_depth = 0
    for segment in segments:
        title = segment.title.strip("*").split(" ")[0]
        kind, starts = CHAIN_TITLES.get(title, (None, False))
        if skip:
            pass
        elif kind is None:
            chains = []
        elif starts or not chains:
            chains.append(last_open + 1)
        member_seen = False
        for row in segment.table.rows:
            raw = _cell(segment.table, row.cells, "Name")
            markers = len(raw) - len(raw.lstrip("»"))
            name = raw.lstrip("» ").strip()
            if skip and not (row.indented or base):
                skip = 0
            anonymous = name == "*anonymous*"
            skipping = bool(skip)
            if skip:
                skip -= 1
                depth = skip_depth
            elif marked:
                depth = max(markers - base, 0)
            elif kind and chains and anonymous:
                depth, member_seen = chains[-1], True
            elif kind and chains and member_seen:
                depth = chains[-1] + 1
            else:
                depth = max((1 if row.indented else 0) - base, 0)
            type_text = _cell(segment.table, row.cells, "Type")
            field = Field(
                name=name,
                type=read_type(type_text),
                type_text=type_text,
                required=_cell(segment.table, row.cells, "Required") == "true",
                description=_text(_cell(segment.table, row.cells, "Description")),
                restrictions=_text(_cell(segment.table, row.cells, "Restrictions")),
                line=row.line,
                depth=depth,
                anonymous=anonymous,
                chain=kind if anonymous else None,
                location=_cell(segment.table, row.cells, "In"),
            )
            field.hidden = skipping
            result.append(field)
            if field.type.is_open or field.type.combinator in COMBINATORS:
                last_open = depth
            if not marked and field.type.ref and not skip:
                skip, skip_depth = expansions.get(field.type.ref, 0), depth + 1
    return result

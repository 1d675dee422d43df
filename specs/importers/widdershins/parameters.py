"""An operation's Parameters table: the parameters, and the body row with the rows below it.

Widdershins lists the request body as a parameter `in: body` (named `body`), followed by its
properties one level down, and puts every enumerated value of the table, the body's too, in
one `Enumerated Values` table after it.
"""

from __future__ import annotations

from typing import Any

from ...pointers import join
from ...report import Finding, Severity
from .operations import OperationPart
from .rows import Field, Segment
from .schemas import SchemaReader
from .tree import node_schema

__all__ = ["Body", "parameters_of"]

_LOCATIONS = ("query", "header", "path", "cookie")


class Body:
    """The body row of a Parameters table and the schema its rows describe."""

    def __init__(self, row: Field, schema: dict[str, Any]) -> None:
        self.row = row
        self.schema = schema


def parameters_of(
    part: OperationPart, reader: SchemaReader, example: Any, pointer: str, findings: list[Finding]
) -> tuple[list[dict[str, Any]], Body | None]:
    if part.parameters is None:
        return [], None
    segment = Segment("", part.parameters)
    rows, nodes = reader.table([segment], part.parameter_enums, example, pointer)
    parameters: list[dict[str, Any]] = []
    body: Body | None = None
    for row in rows:
        if row.depth:
            continue
        if row.location == "body":
            if body is None:
                body = Body(row, node_schema(nodes[row.line]))
            continue
        if row.location not in _LOCATIONS:
            message = f"line {row.line}: parameter {row.name!r} is in {row.location!r}; skipped"
            findings.append(Finding(pointer, "unreadable-piece", Severity.UNREPAIRED, message))
            continue
        schema = node_schema(nodes[row.line])
        schema.pop("description", None)
        parameter: dict[str, Any] = {"name": row.name, "in": row.location}
        description = part.details.get(row.name, row.description)
        if description:
            parameter["description"] = description
        if row.required or row.location == "path":
            parameter["required"] = True
        at = join(pointer, "parameters", len(parameters))
        if not row.required and row.location == "path":
            message = "a path parameter shown as optional: required"
            findings.append(Finding(at, "required-path-parameter", Severity.REPAIRED, message))
        if not row.type.known or (row.type.is_open and not schema):
            message = f"line {row.line}: type {row.type_text!r} says nothing: any value"
            findings.append(
                Finding(join(at, "schema"), "unknown-schema", Severity.INFERRED, message)
            )
        parameter["schema"] = schema
        parameters.append(parameter)
    return parameters, body

"""One operation's part of a Widdershins page: the blocks between its `##` heading and the
next, sorted by the fixed labels Widdershins writes (`> Code samples`, the `` `GET /path` ``
line, `> Body parameter`, `Parameters`, `> Example responses`, `Responses`,
`Response Schema`, `Response Headers`, the `<aside>` on authentication)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...grammar import RENDERED_METHODS
from .markdown import Block, Table
from .rows import Segment

__all__ = ["Example", "OperationPart", "read_operation", "status_of"]

_METHOD_PATH = re.compile(rf"^`({'|'.join(RENDERED_METHODS)}) (\S+)`$")
_TEMPLATE = re.compile(r"/[^{}\s]*(?:\{[^{}/\s]+\}[^{}\s]*)*")
_STATUS_EXAMPLE = re.compile(r"^(\d{3}|default) Response$", re.IGNORECASE)
_STATUS_CODE = re.compile(r"^Status Code \*\*(\S+)\*\*$")
_DETAIL = re.compile(r"^\*\*(.+?)\*\*: (.*)$", re.S)
_LABELS = {
    "Code samples": "code",
    "Body parameter": "body",
    "Example responses": "examples",
}
_HEADINGS = {
    "Parameters": "parameters",
    "Responses": "responses",
    "Response Schema": "schema",
    "Response Headers": "headers",
    "Callbacks": "callbacks",
    "Detailed descriptions": "details",
    "Enumerated Values": "enums",
}


@dataclass
class Example:
    info: str
    text: str
    line: int
    label: str = ""
    """The `>` line before it: `200 Response`, or an example's own description."""


@dataclass
class OperationPart:
    heading: str
    line: int
    tag: str
    operation_id: str | None = None
    method: str | None = None
    path: str = ""
    summary: str = ""
    description: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    body_label: str = ""
    body_examples: list[Example] = field(default_factory=list)
    parameters: Table | None = None
    details: dict[str, str] = field(default_factory=dict)
    parameter_enums: list[tuple[str, str]] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    responses: Table | None = None
    response_line: int = 0
    response_schemas: dict[str, list[Segment]] = field(default_factory=dict)
    response_enums: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """By status; `""` for values shown with no status (its schema showed no rows)."""
    response_headers: Table | None = None
    security: str | None = None
    """The aside's list of methods, `""` for an operation that needs none, None if absent."""
    problems: list[tuple[int, str]] = field(default_factory=list)


def read_operation(heading: Block, tag: str, blocks: list[Block]) -> OperationPart:
    part = OperationPart(heading.text, heading.line, tag)
    state = "start"
    status = ""
    title = ""
    label = ""
    for block in blocks:
        if block.kind == "anchor" and block.id.startswith("opId") and not part.operation_id:
            part.operation_id = block.id[len("opId") :]
        elif block.kind == "quote" and block.text in _LABELS:
            state = _LABELS[block.text]
        elif block.kind == "heading" and block.text in _HEADINGS:
            sub = _HEADINGS[block.text]
            state = f"{state.split(':')[0]}:{sub}" if sub in ("details", "enums") else sub
        elif block.kind == "aside":
            _security(part, block.text)
        elif block.kind == "paragraph" and _METHOD_PATH.match(block.text) and not part.method:
            match = _METHOD_PATH.match(block.text)
            assert match is not None
            if _TEMPLATE.fullmatch(match.group(2)):
                part.method, part.path = match.group(1), match.group(2)
            else:
                part.problems.append((block.line, f"{match.group(2)!r} is no path template"))
            state = "prose"
        elif block.kind == "fence" and state == "code":
            part.code.append(block.text)
        elif block.kind == "fence" and state == "body":
            part.body_examples.append(Example(block.info, block.text, block.line, label))
        elif block.kind == "fence" and state == "examples":
            part.examples.append(Example(block.info, block.text, block.line, label))
        elif block.kind == "quote":
            label = block.text
            if state == "body":
                part.body_label = block.text
        elif block.kind == "paragraph" and block.text.startswith("|"):
            part.problems.append((block.line, "a table Markdown cannot read (no `|---|` row?)"))
        elif block.kind == "paragraph" and state == "prose":
            _prose(part, block.text)
        elif block.kind == "paragraph" and state == "parameters:details":
            detail = _DETAIL.match(block.text)
            if detail:
                part.details[detail.group(1)] = detail.group(2)
        elif block.kind == "paragraph" and state.startswith("schema"):
            code = _STATUS_CODE.match(block.text)
            if code:
                status, title, state = code.group(1), "", "schema"
            else:
                title = block.text.strip("*")
        elif block.kind == "table" and block.table is not None:
            _table(part, state, block, status, title)
            title = ""
    return part


def _prose(part: OperationPart, text: str) -> None:
    if not part.summary and not part.description and re.fullmatch(r"\*[^*].*\*", text, re.S):
        part.summary = text[1:-1]
    else:
        part.description.append(text)


def _security(part: OperationPart, text: str) -> None:
    if ":" not in text:
        part.security = ""
        return
    part.security = text.split(":", 1)[1].strip()


def _table(part: OperationPart, state: str, block: Block, status: str, title: str) -> None:
    table = block.table
    assert table is not None
    pairs = [(_first(r.cells), r.cells[1] if len(r.cells) > 1 else "") for r in table.rows]
    if state == "parameters" and table.header[:2] == ["Name", "In"]:
        part.parameters = table
    elif state == "parameters:enums":
        part.parameter_enums.extend(pairs)
    elif state == "responses" and table.header[:1] == ["Status"]:
        part.responses, part.response_line = table, block.line
    elif state == "schema" and status:
        part.response_schemas.setdefault(status, []).append(Segment(title, table))
    elif state == "schema:enums":
        part.response_enums.setdefault(status, []).extend(pairs)
    elif state == "headers":
        part.response_headers = table
    elif state != "callbacks":
        part.problems.append((block.line, f"a table where none was expected ({state})"))


def _first(cells: list[str]) -> str:
    return cells[0].lstrip("» ").strip() if cells else ""


def status_of(label: str) -> str | None:
    """The status an example's `> 200 Response` label names."""
    match = _STATUS_EXAMPLE.match(label)
    return match.group(1) if match else None

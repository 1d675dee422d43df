"""The text of a copied Swagger UI page cut into tags, operations, parameters, bodies and
responses, keeping each piece's line so the importer can say where a fault is.

The copy keeps only what the page showed: headings, the words of each table cell on its own
line, and example bodies. Blocks are found by Swagger UI's fixed labels (`Parameters`,
`Request body`, `Responses`, `Code\\tDescription\\tLinks`), never by indentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .types import TYPE_LINE

__all__ = ["Field", "Operation", "Page", "Response", "Tag", "parse_page"]

METHODS = ("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE")
_LOCATION = re.compile(r"^\((query|path|header|cookie)\)$")
_CODE = re.compile(r"^(\d{3}|default)\t?$")
_MEDIA_TYPE = re.compile(r"^[\w.+-]+/[\w.+*-]+(;.*)?$")
_DEFAULT = re.compile(r"^Default value\s*:\s?(.*)$")
_AVAILABLE = re.compile(r"^Available values\s*:\s?(.*)$")
_LABELS = ("Parameters", "Request body", "Responses")
_OAS = re.compile(r"^OAS \d+(\.\d+)*$")
_VERSION = re.compile(r"^v?\d+(\.\d+)*([-+.\w]*)$")


@dataclass
class Field:
    """A parameter (with its `location`) or a form field (location None)."""

    name: str
    type_line: str
    location: str | None
    required: bool
    line: int
    description: str = ""
    default: str | None = None
    enum: list[str] | None = None


@dataclass
class Response:
    code: str
    description: str
    line: int
    media_type: str | None = None
    body: str = ""
    body_line: int = 0


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    tag: str | None
    line: int
    collapsed: bool = True
    parameters: list[Field] = field(default_factory=list)
    body_media_type: str | None = None
    body: str = ""
    body_line: int = 0
    form: list[Field] | None = None
    responses: list[Response] = field(default_factory=list)


@dataclass
class Tag:
    name: str
    description: str


@dataclass
class Page:
    tags: list[Tag]
    operations: list[Operation]
    title: str | None = None
    version: str | None = None
    description: str = ""


def is_operation_start(lines: list[str], index: int) -> bool:
    return (
        lines[index] in METHODS
        and index + 1 < len(lines)
        and lines[index + 1].startswith("/")
        and " " not in lines[index + 1]
    )


def parse_page(text: str) -> Page:
    lines = text.replace("\r\n", "\n").split("\n")
    tags: list[Tag] = []
    operations: list[Operation] = []
    loose: list[str] = []
    index = 0
    page = Page(tags, operations)
    while index < len(lines):
        if not is_operation_start(lines, index):
            if lines[index].strip():
                loose.append(lines[index].strip())
            index += 1
            continue
        if not operations:
            loose = _header(page, loose)
        if loose:
            tags.append(Tag(loose[0], "\n".join(loose[1:])))
            loose = []
        operation, index = _operation(lines, index, tags[-1].name if tags else None)
        operations.append(operation)
    return page


def _header(page: Page, lines: list[str]) -> list[str]:
    """The page's info block (`Title`, `1.0.0`, `OAS 3.1`, the spec's URL, a description) taken
    from the lines before the first operation; what follows `Authorize` (or the last line of
    the block when there is none) is the first tag heading."""
    oas = next((i for i, line in enumerate(lines) if _OAS.match(line)), None)
    if oas is None:
        return lines
    before = lines[:oas]
    if before and _VERSION.match(before[-1]):
        page.version = before.pop()
    page.title = before[-1] if before else None
    rest = lines[oas + 1 :]
    if rest and rest[0].startswith(("/", "http://", "https://")):
        rest = rest[1:]
    tag_start = rest.index("Authorize") + 1 if "Authorize" in rest else len(rest) - 1
    info = [line for line in rest[:tag_start] if line not in ("Servers", "Authorize")]
    page.description = "\n".join(line for line in info if "://" not in line or " " in line)
    return rest[max(tag_start, 0) :]


def _operation(lines: list[str], start: int, tag: str | None) -> tuple[Operation, int]:
    operation = Operation(lines[start], lines[start + 1].strip(), "", tag, start + 1)
    index = start + 2
    if index < len(lines) and lines[index] not in _LABELS and not is_operation_start(lines, index):
        operation.summary = lines[index].strip()
        index += 1
    if index >= len(lines) or lines[index] != "Parameters":
        return operation, index
    operation.collapsed = False
    end = _next(lines, index + 1, ("Request body", "Responses"))
    operation.parameters = _fields(lines, index + 1, end, with_location=True)
    index = end
    if index < len(lines) and lines[index] == "Request body":
        end = _next(lines, index + 1, ("Responses",))
        _request_body(operation, lines, index + 1, end)
        index = end
    if index < len(lines) and lines[index] == "Responses":
        index = _responses(operation, lines, index + 1)
    return operation, index


def _next(lines: list[str], index: int, labels: tuple[str, ...]) -> int:
    while index < len(lines) and lines[index] not in labels:
        if is_operation_start(lines, index):
            return index
        index += 1
    return index


def _fields(lines: list[str], start: int, end: int, *, with_location: bool) -> list[Field]:
    """Each field is a name line (` *` when required), a type line, then for a parameter its
    `(location)`; the lines up to the next field are its description and notes."""
    fields: list[Field] = []
    index = start
    while index < end:
        line = lines[index]
        current = fields[-1] if fields else None
        if _starts_field(lines, index, end, with_location):
            name, required = line.strip(), False
            if name.endswith(" *"):
                name, required = name[:-2].strip(), True
            location = lines[index + 2].strip()[1:-1] if with_location else None
            fields.append(Field(name, lines[index + 1].strip(), location, required, index + 1))
            index += 3 if with_location else 2
            continue
        text = line.strip()
        if current is not None and text:
            default, available = _DEFAULT.match(text), _AVAILABLE.match(text)
            if default:
                current.default = default.group(1)
            elif available:
                current.enum = [value.strip() for value in available.group(1).split(",")]
            elif text not in ("Name\tDescription", "Name", "Description"):
                current.description = f"{current.description}\n{text}".strip()
        index += 1
    return fields


def _starts_field(lines: list[str], index: int, end: int, with_location: bool) -> bool:
    last = index + 2 if with_location else index + 1
    if last >= end or not lines[index].strip() or not TYPE_LINE.match(lines[index + 1].strip()):
        return False
    if with_location:
        return bool(_LOCATION.match(lines[index + 2].strip()))
    return index + 2 >= end or lines[index + 2].strip() == ""


def _request_body(operation: Operation, lines: list[str], start: int, end: int) -> None:
    index = start
    while index < end and not lines[index].strip():
        index += 1
    if index < end and _MEDIA_TYPE.match(lines[index].strip()):
        operation.body_media_type = lines[index].strip()
        index += 1
    content = "\n".join(lines[index:end]).strip()
    if content.startswith(("{", "[")) or (content and not _has_fields(lines, index, end)):
        operation.body, operation.body_line = content, index + 1
    else:
        operation.form = _fields(lines, index, end, with_location=False)


def _has_fields(lines: list[str], start: int, end: int) -> bool:
    return any(_starts_field(lines, i, end, False) for i in range(start, end))


def _responses(operation: Operation, lines: list[str], index: int) -> int:
    if index < len(lines) and lines[index].startswith("Code\tDescription"):
        index += 1
    while index < len(lines) and _CODE.match(lines[index]):
        response = Response(lines[index].strip(), "", index + 1)
        index += 1
        description: list[str] = []
        while index < len(lines) and lines[index] != "Media type" and not _ends(lines[index]):
            if _CODE.match(lines[index]) or is_operation_start(lines, index):
                break
            description.append(lines[index].strip())
            index += 1
        response.description = "\n".join(d for d in description if d)
        if index < len(lines) and lines[index] == "Media type":
            index += 1
            if index < len(lines) and _MEDIA_TYPE.match(lines[index].strip()):
                response.media_type = lines[index].strip()
                index += 1
            if index < len(lines) and lines[index].strip() == "Controls Accept header.":
                index += 1
            body_start = index
            while index < len(lines) and not _ends(lines[index]):
                if is_operation_start(lines, index):
                    break
                index += 1
            response.body = "\n".join(lines[body_start:index]).strip()
            response.body_line = body_start + 1
        if index < len(lines) and _ends(lines[index]):
            index += 1
        operation.responses.append(response)
    return index


def _ends(line: str) -> bool:
    """The Links cell closes a response row: `\\tNo links`, or the links themselves."""
    return line.startswith("\t") and bool(line.strip())

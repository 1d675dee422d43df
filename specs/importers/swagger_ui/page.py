"""The text of a copied Swagger UI page cut into tags, operations, parameters, bodies and
responses, keeping each piece's line so the importer can say where a fault is.

The copy keeps only what the page showed: headings, the words of each table cell on its own
line, the options of its selects, and example bodies. Blocks are found by Swagger UI's fixed
labels (`Parameters`, `Request body`, `Responses`, `Code\\tDescription\\tLinks`), never by
indentation. Two copies of one page differ: the page's innerText (and Firefox) keep a tab
before each table cell and list every option of a select; Chromium's clipboard drops those
tabs and keeps only the selected option. Both are read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ...grammar import RENDERED_METHODS
from .types import TYPE_LINE

__all__ = ["Field", "Header", "Operation", "Page", "Response", "Tag", "parse_page"]

_LOCATION = re.compile(r"^\((query|path|header|cookie)\)$")
_CODE = re.compile(r"^(\d{3}|[1-5]XX|default)\t?$")
_MEDIA_TYPE = re.compile(r"^[\w.+-]+/[\w.+*-]+(;.*)?$")
_NOTE = re.compile(r"^(Default value|Available values|Example)\s*:\s?(.*)$")
_NO_EXAMPLE = re.compile(r"^Example values are not available for .+ media types\.$")
_LABELS = ("Parameters", "Request body", "Responses")
_OAS = re.compile(r"^OAS \d+(\.\d+)*$")
_SERVER = re.compile(r"^((?:https?://|/)\S*)(?: - (.+))?$")
_VERSION = re.compile(r"^v?\d+(\.\d+)*([-+.\w]*)$")
_DEPRECATED = "Warning: Deprecated"
_CHROME = ("Try it out", "Cancel", "Name\tDescription", "Name", "Description", "No parameters")
"""Controls and table headings of the parameters block, not content."""
_ACCEPT = "Controls Accept header."


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
    example: str | None = None


@dataclass
class Header:
    name: str
    description: str
    type_line: str | None


@dataclass
class Response:
    code: str
    description: str
    line: int
    media_type: str | None = None
    other_media_types: list[str] = field(default_factory=list)
    """Types the page's media type select offered besides the one shown (innerText only)."""
    body: str = ""
    body_line: int = 0
    headers: list[Header] = field(default_factory=list)


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    tag: str | None
    line: int
    collapsed: bool = True
    description: str = ""
    deprecated: bool = False
    parameters: list[Field] = field(default_factory=list)
    body_media_type: str | None = None
    other_body_media_types: list[str] = field(default_factory=list)
    body_description: str = ""
    body: str = ""
    body_line: int = 0
    binary_body: bool = False
    """The page showed no example because the body is a file of its media type."""
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
    servers: list[tuple[str, str | None]] = field(default_factory=list)
    """Each server's URL and description, as the select shows them (`url - description`)."""


def is_operation_start(lines: list[str], index: int) -> bool:
    return (
        lines[index] in RENDERED_METHODS
        and index + 1 < len(lines)
        and lines[index + 1].startswith("/")
        and " " not in lines[index + 1].strip()
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
    """The page's info block (`Title`, `1.0.0`, `OAS 3.1`, the spec's URL, a description, the
    `Servers` select) taken from the lines before the first operation; what follows
    `Authorize`, or else the servers, or else the last line of the block, is the first tag
    heading."""
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
    servers = rest.index("Servers") + 1 if "Servers" in rest else len(rest)
    while servers < len(rest) and (server := _SERVER.match(rest[servers])):
        page.servers.append((server.group(1), server.group(2)))
        servers += 1
    if "Authorize" in rest:
        tag_start = rest.index("Authorize") + 1
    elif page.servers:
        tag_start = servers
    else:
        tag_start = len(rest) - 1
    info = rest[: min(tag_start, rest.index("Servers") if page.servers else len(rest))]
    page.description = "\n".join(line for line in info if line not in ("Servers", "Authorize"))
    return rest[max(tag_start, 0) :]


def _operation(lines: list[str], start: int, tag: str | None) -> tuple[Operation, int]:
    """An operation copied open has a `Parameters` (or body, or responses) label before the
    next one starts; one copied collapsed has only its summary."""
    operation = Operation(lines[start], lines[start + 1].strip(), "", tag, start + 1)
    index = _skip_blank(lines, start + 2)
    stop = _next(lines, index, ())
    label = next((i for i in range(index, stop) if lines[i] in _LABELS), None)
    if index < stop and lines[index] not in _LABELS:
        operation.summary = lines[index].strip()
        index += 1
    if label is None:
        return operation, index
    operation.collapsed = False
    notes = [line.strip() for line in lines[index:label] if line.strip()]
    operation.deprecated = _DEPRECATED in notes
    operation.description = "\n".join(note for note in notes if note != _DEPRECATED)
    index = label
    if lines[index] == "Parameters":
        end = _next(lines, index + 1, ("Request body", "Responses"))
        operation.parameters = _fields(lines, index + 1, end, with_location=True)
        index = end
    if index < len(lines) and lines[index] == "Request body":
        end = _next(lines, index + 1, ("Responses",))
        index = _request_body(operation, lines, index + 1, end)
    if index < len(lines) and lines[index] == "Responses":
        index = _responses(operation, lines, index + 1)
    return operation, index


def _skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _next(lines: list[str], index: int, labels: tuple[str, ...]) -> int:
    while index < len(lines) and lines[index] not in labels:
        if is_operation_start(lines, index):
            return index
        index += 1
    return index


def _fields(lines: list[str], start: int, end: int, *, with_location: bool) -> list[Field]:
    """Each field is a name line (` *` when required), a type line, then for a parameter its
    `(location)`; the lines up to the next field are its description, its notes (`Default
    value : 40`) and the options of its input, which are left out."""
    fields: list[Field] = []
    index = start
    while index < end:
        current = fields[-1] if fields else None
        if _starts_field(lines, index, end, with_location):
            name = lines[index].replace("\xa0", " ").strip()
            required = name.endswith("*")
            name = name.rstrip("*").strip() if required else name
            location = lines[index + 2].strip()[1:-1] if with_location else None
            fields.append(Field(name, lines[index + 1].strip(), location, required, index + 1))
            index += 3 if with_location else 2
            continue
        text = lines[index].strip()
        if current is not None and text and text not in _CHROME:
            _annotate(current, text)
        index += 1
    return fields


def _annotate(current: Field, text: str) -> None:
    note = _NOTE.match(text)
    if note and note.group(1) == "Default value":
        current.default = note.group(2)
    elif note and note.group(1) == "Available values":
        current.enum = [value.strip() for value in note.group(2).split(",")]
    elif note:
        current.example = note.group(2)
    elif not _is_input(current, text):
        current.description = f"{current.description}\n{text}".strip()


def _is_input(current: Field, text: str) -> bool:
    """What the field's input showed: its select's options (one a line, or run together when
    only the selected one was copied), its prefilled default or example, or its placeholder
    (the field's name)."""
    options = {"--", "true", "false", *(current.enum or ())}
    if text in {current.default, current.example, current.name}:
        return True
    pattern = "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))
    return bool(re.fullmatch(f"(?:{pattern})+", text))


def _starts_field(lines: list[str], index: int, end: int, with_location: bool) -> bool:
    last = index + 2 if with_location else index + 1
    name = lines[index].replace("\xa0", " ").strip()
    if last >= end or not name or not TYPE_LINE.match(lines[index + 1].strip()):
        return False
    if with_location:
        return bool(_LOCATION.match(lines[index + 2].strip()))
    return " " not in name.rstrip("*").strip()


def _media_types(lines: list[str], index: int, end: int) -> tuple[list[str], int]:
    found = []
    index = _skip_blank(lines, index)
    while index < end and _MEDIA_TYPE.match(lines[index].strip()):
        found.append(lines[index].strip())
        index += 1
    return found, index


def _request_body(operation: Operation, lines: list[str], start: int, end: int) -> int:
    """Where the body ends: at `end`, or after its JSON example when no `Responses` follow
    (an operation without responses), so that a tag heading after it stays a heading."""
    media, index = _media_types(lines, start, end)
    if media:
        operation.body_media_type, operation.other_body_media_types = media[0], media[1:]
    shown = next((i for i in range(index, end) if lines[i] == "Example Value"), None)
    missing = next((i for i in range(index, end) if _NO_EXAMPLE.match(lines[i].strip())), None)
    if shown is not None or missing is not None:
        notes = lines[index : min(i for i in (shown, missing) if i is not None)]
        operation.body_description = _description(notes)
        if shown is None:
            operation.binary_body = True
            return end
        index = shown + 1 + (shown + 1 < end and lines[shown + 1] == "Schema")
    index = _skip_blank(lines, index)
    if end == len(lines) or lines[end] != "Responses":
        end = _json_end(lines, index, end)
    content = "\n".join(lines[index:end]).strip()
    if shown is not None or content.startswith(("{", "[")) or not _has_fields(lines, index, end):
        operation.body, operation.body_line = content, index + 1
    else:
        operation.form = _fields(lines, index, end, with_location=False)
    return end


def _json_end(lines: list[str], start: int, end: int) -> int:
    """The line after the JSON value that starts at `start`, or `end` when none does."""
    text = "\n".join(lines[start:end])
    try:
        _, length = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return end
    return start + text.count("\n", 0, length) + 1


def _description(lines: list[str]) -> str:
    """Text lines up to the `Examples` select, whose options are example names."""
    text = [line.strip() for line in lines]
    if "Examples" in text or "Examples:" in text:
        text = text[: text.index("Examples" if "Examples" in text else "Examples:")]
    return "\n".join(line for line in text if line)


def _has_fields(lines: list[str], start: int, end: int) -> bool:
    return any(_starts_field(lines, i, end, False) for i in range(start, end))


def _responses(operation: Operation, lines: list[str], index: int) -> int:
    if index < len(lines) and lines[index].startswith("Code\tDescription"):
        index += 1
    while index < len(lines) and _CODE.match(lines[index]):
        response = Response(lines[index].strip(), "", index + 1)
        index = _response(response, lines, index + 1)
        operation.responses.append(response)
    return index


def _response(response: Response, lines: list[str], index: int) -> int:
    """A response row: its description, then `Media type` and the example, then a `Headers:`
    table, then the links cell, which ends the row."""
    start = index
    while index < len(lines) and lines[index] not in ("Media type", "Headers:"):
        if _ends(lines[index]) or _CODE.match(lines[index]) or is_operation_start(lines, index):
            break
        index += 1
    response.description = _description(lines[start:index])
    if index < len(lines) and lines[index] == "Media type":
        media, index = _media_types(lines, index + 1, len(lines))
        if media:
            response.media_type, response.other_media_types = media[0], media[1:]
        if index < len(lines) and lines[index].strip() == _ACCEPT:
            index += 1
        if index < len(lines) and lines[index].startswith("Examples"):
            while index < len(lines) and lines[index] != "Example Value":
                index += 1
        if index < len(lines) and lines[index] == "Example Value":
            index += 1 + (index + 1 < len(lines) and lines[index + 1] == "Schema")
        index = body_start = _skip_blank(lines, index)
        while index < len(lines) and not _ends(lines[index]) and lines[index] != "Headers:":
            if is_operation_start(lines, index):
                break
            index += 1
        response.body = "\n".join(lines[body_start:index]).strip()
        response.body_line = body_start + 1
    if index < len(lines) and lines[index] == "Headers:":
        index = _headers(response, lines, index + 1)
    if index < len(lines) and _ends(lines[index]):
        index += 1
    return index


def _headers(response: Response, lines: list[str], index: int) -> int:
    """Rows of `Name\\t`, a description, and the type (tab-led in innerText)."""
    if index < len(lines) and lines[index].startswith("Name\tDescription"):
        index += 1
    while index < len(lines) and lines[index].endswith("\t") and lines[index].strip():
        header = Header(lines[index].strip(), "", None)
        index += 1
        notes = []
        while index < len(lines) and not lines[index].endswith("\t") and not _ends(lines[index]):
            notes.append(lines[index].strip())
            index += 1
        if index < len(lines) and lines[index].startswith("\t") and lines[index].strip() != _LINKS:
            header.type_line = lines[index].strip()
            index += 1
        elif notes and TYPE_LINE.match(notes[-1]):
            header.type_line = notes.pop()
        header.description = "\n".join(note for note in notes if note)
        response.headers.append(header)
    return index


_LINKS = "No links"


def _ends(line: str) -> bool:
    """The links cell closes a response row: `\\tNo links` (or the links themselves, tab-led),
    or `No links` alone in Chromium's copy."""
    return (line.startswith("\t") and bool(line.strip())) or line == _LINKS

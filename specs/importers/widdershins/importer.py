"""Markdown rendered by Widdershins (v4) from an OpenAPI document, read back into OpenAPI 3.1.

The rendering keeps operations, parameter and property tables, example bodies and the names
of linked schemas, but drops media types (left only in code samples), server URLs when the
source had none, security scheme names other than API keys', and, in a plain-ASCII copy,
the `»` markers that give nesting. What is rebuilt from indirect evidence is reported as
`inferred`; a piece that cannot be read is reported with its line and skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ...errors import MalformedSource
from ...inference import infer_schema
from ...pointers import join
from ...report import Finding, Severity
from ..base import Imported
from .content import (
    FENCE_MEDIA,
    MISSING,
    description_urls,
    header_value,
    parse_example,
    server_urls,
)
from .operations import Example, OperationPart, status_of
from .page import Page, read_page
from .parameters import Body, parameters_of
from .paths import merge_equivalent_paths
from .references import drop_dangling
from .schemas import SchemaReader
from .security import security_of
from .types import read_type

__all__ = ["Widdershins"]

_SNIFF_LIMIT = 200_000
_GENERATOR = re.compile(r"<!-- Generator: Widdershins v\d")
_RESPONSES = "|Status|Meaning|Description|Schema|"
_FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
_KINDS = {"json": "json", "yaml": "yaml", "xml": "xml", "": "text"}
"""What a media type names for each kind of example fence."""


class Widdershins:
    """Markdown from Widdershins: `<h1>` per tag, `##` per operation, tables per part."""

    name = "widdershins"

    def sniff(self, text: str) -> bool:
        head = text[:_SNIFF_LIMIT]
        return bool(_GENERATOR.search(head)) or (_RESPONSES in head and '<a id="opId' in head)

    def read(self, text: str, origin: str) -> Imported:
        page = read_page(text.replace("\r\n", "\n"))
        if not page.operations and not page.schemas:
            raise MalformedSource(
                "no operation (`## ...` with a `` `GET /path` `` line)", origin=origin
            )
        return _Builder(page).build()


class _Builder:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.findings: list[Finding] = []
        self.schemas = SchemaReader(page, self.findings)

    def _add(
        self, pointer: str, code: str, message: str, severity: Severity = Severity.INFERRED
    ) -> None:
        self.findings.append(Finding(pointer, code, severity, message))

    def build(self) -> Imported:
        page = self.page
        info: dict[str, Any] = {"title": page.title or "API", "version": page.version or "0"}
        if not page.title:
            self._add("/info/title", "inferred-title", "the page has no title heading")
        if page.version is None:
            self._add("/info/version", "inferred-version", "the title shows no version")
        if page.description:
            info["description"] = "\n\n".join(page.description)
        info.update(page.info)
        document: dict[str, Any] = {"openapi": "3.1.0", "info": info}
        servers = self._servers()
        if servers:
            document["servers"] = servers
        tags = [{"name": n, **({"description": d} if d else {})} for n, d in page.tags]
        if tags:
            document["tags"] = tags
        schemes, security = security_of(page, self.findings)
        paths: dict[str, Any] = {}
        for part in page.operations:
            assert part.method is not None
            pointer = join("/paths", part.path, part.method.lower())
            if part.method.lower() in paths.get(part.path, {}):
                self._add(
                    pointer,
                    "duplicate-operation",
                    f"line {part.line}: shown twice, first kept",
                    Severity.UNREPAIRED,
                )
                continue
            operation = self._operation(part, pointer)
            if part.line in security:
                operation["security"] = security[part.line]
            paths.setdefault(part.path, {})[part.method.lower()] = operation
        document["paths"] = merge_equivalent_paths(paths, self.findings)
        components: dict[str, Any] = {}
        if page.schemas:
            components["schemas"] = {p.name: self.schemas.component(p) for p in page.schemas}
        if schemes:
            components["securitySchemes"] = schemes
        if components:
            document["components"] = components
        for line, message in page.repairs:
            self._add("", "table-row-rejoined", f"line {line}: {message}", Severity.REPAIRED)
        for line, message in page.problems:
            self._add(
                "", "unreadable-piece", f"line {line}: {message}; skipped", Severity.UNREPAIRED
            )
        drop_dangling(document, self.findings)
        return Imported(document, self.findings)

    def _servers(self) -> list[dict[str, Any]]:
        if self.page.servers:
            return self.page.servers
        bases = Counter(
            url for part in self.page.operations for url in server_urls(part.code, part.path)
        )
        if bases:
            url = bases.most_common(1)[0][0]
            self._add("/servers", "inferred-server", f"the code samples call {url}")
            return [{"url": url}]
        urls = description_urls("\n".join(self.page.description))
        if urls:
            self._add(
                "/servers", "inferred-server", "URLs the description names: " + ", ".join(urls)
            )
        return [{"url": url} for url in urls]

    def _operation(self, part: OperationPart, pointer: str) -> dict[str, Any]:
        operation: dict[str, Any] = {"tags": [part.tag]}
        summary = part.summary or (part.heading if not _generated(part) else "")
        if summary and not part.summary:
            self._add(
                join(pointer, "summary"),
                "summary-from-heading",
                "the heading is taken for the summary",
            )
        if summary:
            operation["summary"] = summary
        if part.description:
            operation["description"] = "\n\n".join(part.description)
        if part.operation_id:
            operation["operationId"] = part.operation_id
        for line, message in part.problems:
            self._add(
                pointer, "unreadable-piece", f"line {line}: {message}; skipped", Severity.UNREPAIRED
            )
        fence = part.body_examples[0] if part.body_examples else None
        example = parse_example(fence.info, fence.text) if fence else MISSING
        parameters, body_row = parameters_of(part, self.schemas, example, pointer, self.findings)
        if parameters:
            operation["parameters"] = parameters
        body = self._request_body(part, body_row, example, join(pointer, "requestBody"))
        if body:
            operation["requestBody"] = body
        operation["responses"] = self._responses(part, join(pointer, "responses"))
        return operation

    def _request_body(
        self, part: OperationPart, body: Body | None, example: Any, pointer: str
    ) -> dict[str, Any] | None:
        if body is None and not part.body_examples:
            return None
        fence = part.body_examples[0] if part.body_examples else None
        media = header_value(part.code, "Content-Type")
        if media is None:
            media = FENCE_MEDIA.get(fence.info, "application/json") if fence else "application/json"
            self._add(
                join(pointer, "content", media),
                "inferred-media-type",
                "no Content-Type in the code samples: from the example's kind",
            )
        at = join(pointer, "content", media, "schema")
        result: dict[str, Any] = {}
        if body is not None:
            result["required"] = body.row.required
            if body.row.description:
                result["description"] = body.row.description
            schema = body.schema
            schema.pop("description", None)
            if not schema and example is not MISSING:
                schema = infer_schema(example)
                self._add(
                    at,
                    "inferred-schema",
                    f"line {body.row.line}: the body's type says nothing: from its example",
                )
        elif example is not MISSING:
            schema = infer_schema(example)
            self._add(
                at,
                "inferred-schema",
                f"no schema shown: inferred from the example at line {fence.line if fence else 0}",
            )
        else:
            schema = {}
            self._add(
                at,
                "unknown-schema",
                f"line {fence.line if fence else part.line}: no schema and no example: any value",
            )
        if not schema and media in _FORMS:
            schema = {"type": "object"}
            self._add(at, "form-object", f"a {media} body is an object of fields")
        entry: dict[str, Any] = {"schema": schema}
        if example is not MISSING:
            entry["example"] = example
        result["content"] = {media: entry}
        return result

    def _responses(self, part: OperationPart, pointer: str) -> dict[str, Any]:
        responses: dict[str, Any] = {}
        table = part.responses
        if table is None:
            self._add(
                pointer,
                "no-responses",
                f"line {part.line}: no Responses table: a `default` response",
            )
            return {"default": {"description": "No responses shown."}}
        examples = self._examples_by_status(part)
        accept = header_value(part.code, "Accept")
        for row in table.rows:
            cells = row.cells + [""] * (4 - len(row.cells))
            status, description, kind = cells[0], cells[2], cells[3]
            if not re.fullmatch(r"\d{3}|default|\dXX", status):
                self._add(
                    pointer,
                    "unreadable-piece",
                    f"line {row.line}: {status!r} is no status; skipped",
                    Severity.UNREPAIRED,
                )
                continue
            text = description.replace("<br>", "\n") if description != "none" else ""
            response: dict[str, Any] = {"description": text}
            content = self._content(
                part,
                status,
                kind,
                examples.get(status),
                accept,
                join(pointer, status, "content"),
                row.line,
            )
            if content:
                response["content"] = content
            headers = self._headers(part, status)
            if headers:
                response["headers"] = headers
            responses[status] = response
        return responses or {"default": {"description": "No responses shown."}}

    def _examples_by_status(self, part: OperationPart) -> dict[str, Example]:
        found: dict[str, Example] = {}
        status: str | None = None
        for example in part.examples:
            status = status_of(example.label) or status
            if status and status not in found:
                found[status] = example
        return found

    def _content(
        self,
        part: OperationPart,
        status: str,
        kind: str,
        example: Example | None,
        accept: str | None,
        pointer: str,
        line: int,
    ) -> dict[str, Any] | None:
        if kind == "None" and example is None:
            return None
        media = _response_media(accept, example)
        if media != accept:
            self._add(
                join(pointer, media),
                "inferred-media-type",
                "the code samples' Accept is missing or of another kind: from the example",
            )
        value = parse_example(example.info, example.text) if example else MISSING
        at = join(pointer, media, "schema")
        cell = read_type(kind)
        if kind == "Inline":
            schema = self.schemas.inline(
                part.response_schemas.get(status, []),
                part.response_enums.get(status) or part.response_enums.get("", []),
                value,
                at,
                example.line if example else line,
            )
        elif kind == "None":
            schema = infer_schema(value) if value is not MISSING else {}
            self._add(
                at,
                "inferred-schema",
                f"no schema shown, but an example (line {example.line if example else line})",
            )
        elif cell.known:
            schema = cell.schema
        else:
            schema = {}
            self._add(at, "unknown-schema", f"line {line}: schema {kind!r} unreadable: any value")
        entry: dict[str, Any] = {"schema": schema}
        if value is not MISSING:
            entry["example"] = value
        return {media: entry}

    def _headers(self, part: OperationPart, status: str) -> dict[str, Any]:
        headers: dict[str, Any] = {}
        if part.response_headers is None:
            return headers
        for row in part.response_headers.rows:
            cells = row.cells + [""] * (5 - len(row.cells))
            if cells[0] != status:
                continue
            schema: dict[str, Any] = read_type(cells[2]).schema
            if cells[3]:
                schema["format"] = cells[3]
            header: dict[str, Any] = {"schema": schema}
            if cells[4] and cells[4] != "none":
                header["description"] = cells[4]
            headers[cells[1]] = header
        return headers


def _response_media(accept: str | None, example: Example | None) -> str:
    """The code samples' `Accept` (Widdershins puts the first response media type there),
    unless this response's example is of another kind (an XML one beside a JSON Accept)."""
    kind = _KINDS.get(example.info, "") if example else ""
    if accept and (not kind or kind in accept):
        return accept
    return FENCE_MEDIA.get(example.info, "application/json") if example else "application/json"


def _generated(part: OperationPart) -> bool:
    """Whether the heading is the name Widdershins makes up (the operation id, else
    `method_path` with `/` as `_`) rather than the summary `--summary` puts there."""
    made = f"{(part.method or '').lower()}_{part.path.split('?')[0].replace('/', '_')}"
    return part.heading in (part.operation_id, made)

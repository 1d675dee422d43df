"""The text a person copies from an expanded Swagger UI page, read back into OpenAPI 3.1.

The page shows no schemas, media types, servers or operation ids, so those are inferred (from
the example bodies) or left to normalization, and every guess is reported as `inferred`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ...errors import MalformedSource
from ...grammar import RENDERED_METHODS
from ...inference import infer_schema
from ...pointers import join, split, to_ref
from ...report import Finding, Severity
from ..base import Imported
from .page import Field, Header, Operation, Page, Response, parse_page
from .types import schema_of, typed_value

__all__ = ["SwaggerUI"]

_PAIR = re.compile(rf"^(?:{'|'.join(RENDERED_METHODS)})\n/\S*\n", re.MULTILINE)
_TABLE = re.compile(
    r"\n(?:Code\tDescription|Parameters\n(?:Try it out\n)?\s*(?:No parameters|Name\tDescription)\n)"
)
"""The responses table, or the parameters block (the only block an operation without
responses shows for sure)."""
_SNIFF_LIMIT = 200_000


class SwaggerUI:
    """Text copied from a Swagger UI page (select all, copy): operations, tables, examples."""

    name = "swagger-ui"

    def sniff(self, text: str) -> bool:
        head = text[:_SNIFF_LIMIT].replace("\r\n", "\n")
        return bool(_PAIR.search(head)) and bool(_TABLE.search(head))

    def read(self, text: str, origin: str) -> Imported:
        page = parse_page(text)
        if not page.operations:
            raise MalformedSource("no operation (a method line, then a /path line)", origin=origin)
        return _Builder(page).build()


@dataclass
class _Use:
    """Where an inferred body schema is used, and the response description to name it by."""

    pointer: str
    hint: str
    line: int
    schema: dict[str, Any]


class _Builder:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.findings: list[Finding] = []
        self.shapes: dict[str, list[_Use]] = {}
        """Inferred body schemas by their JSON text, to share the shapes seen more than once."""

    def build(self) -> Imported:
        page = self.page
        title = page.title or (page.tags[0].name if page.tags else "API")
        info: dict[str, Any] = {"title": title, "version": page.version or "0"}
        if page.description:
            info["description"] = page.description
        document: dict[str, Any] = {"openapi": "3.1.0", "info": info, "paths": {}}
        if page.servers:
            document["servers"] = [
                {"url": url, **({"description": about} if about else {})}
                for url, about in page.servers
            ]
        if page.title is None:
            self._infer("/info/title", "inferred-title", "the page shows no title: its first tag")
        if page.version is None:
            self._infer("/info/version", "inferred-version", "the page shows no version")
        if self.page.tags:
            document["tags"] = [
                {"name": t.name, **({"description": t.description} if t.description else {})}
                for t in self.page.tags
            ]
        for operation in self.page.operations:
            item = document["paths"].setdefault(operation.path, {})
            method = operation.method.lower()
            if method in item:
                # Swagger UI shows an operation under each of its tags.
                item[method].setdefault("tags", []).extend(
                    tag for tag in [operation.tag] if tag and tag not in item[method]["tags"]
                )
                continue
            item[method] = self._operation(operation, join("/paths", operation.path, method))
        self._share(document)
        return Imported(document, self.findings)

    def _infer(self, pointer: str, code: str, message: str) -> None:
        self.findings.append(Finding(pointer, code, Severity.INFERRED, message))

    def _operation(self, source: Operation, pointer: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        if source.tag:
            result["tags"] = [source.tag]
        if source.summary:
            result["summary"] = source.summary
        if source.description:
            result["description"] = source.description
        if source.deprecated:
            result["deprecated"] = True
        if source.collapsed:
            self._infer(
                pointer,
                "collapsed-operation",
                f"copied collapsed (line {source.line}): only method, path and summary are "
                "known; it answers a `default` response",
            )
            result["responses"] = {"default": {"description": "Unknown: copied collapsed."}}
            return result
        if source.parameters:
            result["parameters"] = [self._field(p) for p in source.parameters]
        body = self._request_body(source, join(pointer, "requestBody"))
        if body:
            result["requestBody"] = body
        responses = {}
        for response in source.responses:
            responses[response.code] = self._response(response, join(pointer, "responses"))
        result["responses"] = responses or {"default": {"description": "No responses shown."}}
        return result

    def _field(self, source: Field) -> dict[str, Any]:
        schema = self._field_schema(source)
        parameter: dict[str, Any] = {"name": source.name, "in": source.location}
        if source.description:
            parameter["description"] = source.description
        if source.required or source.location == "path":
            parameter["required"] = True
        parameter["schema"] = schema
        if source.example is not None:
            parameter["example"] = typed_value(source.example, schema)
        return parameter

    def _field_schema(self, source: Field) -> dict[str, Any]:
        schema = schema_of(source.type_line)
        if source.enum is not None:
            schema["enum"] = [typed_value(v, schema) for v in source.enum]
        if source.default is not None:
            schema["default"] = typed_value(source.default, schema)
        return schema

    def _request_body(self, source: Operation, pointer: str) -> dict[str, Any] | None:
        if source.form is not None:
            binary = any("binary" in f.type_line for f in source.form)
            media = source.body_media_type or (
                "multipart/form-data" if binary else "application/x-www-form-urlencoded"
            )
            schema: dict[str, Any] = {"type": "object", "properties": {}}
            for field in source.form:
                schema["properties"][field.name] = self._field_schema(field)
                if field.description:
                    schema["properties"][field.name]["description"] = field.description
            required = [f.name for f in source.form if f.required]
            if required:
                schema["required"] = required
            if source.body_media_type is None:
                self._infer(
                    join(pointer, "content", media),
                    "inferred-media-type",
                    "form fields shown without a media type"
                    + (" (a binary field: multipart)" if binary else ""),
                )
            return {"content": {media: {"schema": schema}}}
        offered = [source.body_media_type, *source.other_body_media_types]
        if source.binary_body and source.body_media_type:
            file = {"schema": {"type": "string", "format": "binary"}}
            content = {media: file for media in offered if media}
        elif source.body:
            content = self._content(
                source.body, offered, join(pointer, "content"), "", source.body_line
            )
        else:
            return None
        result: dict[str, Any] = {"content": content}
        if source.body_description:
            result["description"] = source.body_description
        return result

    def _response(self, source: Response, pointer: str) -> dict[str, Any]:
        result: dict[str, Any] = {"description": source.description or source.code}
        if source.body or source.media_type:
            result["content"] = self._content(
                source.body,
                [source.media_type, *source.other_media_types],
                join(pointer, source.code, "content"),
                source.description,
                source.body_line,
            )
        if source.headers:
            result["headers"] = {h.name: _header(h) for h in source.headers}
        return result

    def _content(
        self, body: str, offered: list[str | None], pointer: str, hint: str, line: int
    ) -> dict[str, Any]:
        """The example under the media type it was shown for; the select's other types with
        nothing said of their bodies (their examples were not on the page)."""
        try:
            example: Any = json.loads(body)
            parsed = True
        except ValueError:
            example, parsed = body, False
        types = [media for media in offered if media]
        media = _shown(types, parsed)
        if media is None:
            media = "application/json" if parsed else "text/plain"
            self._infer(
                join(pointer, media),
                "inferred-media-type",
                "the example " + ("is JSON" if parsed else "is not JSON: plain text"),
            )
        entry: dict[str, Any] = {}
        if body:
            schema = infer_schema(example) if parsed else {"type": "string"}
            entry = {"schema": schema, "example": example}
            key = json.dumps(schema, sort_keys=True)
            use = _Use(join(pointer, media, "schema"), hint, line, schema)
            self.shapes.setdefault(key, []).append(use)
        return {other: {} for other in types} | {media: entry}

    def _share(self, document: dict[str, Any]) -> None:
        """Response shapes seen more than once become one `components/schemas` entry."""
        names: set[str] = set()
        for uses in self.shapes.values():
            schema = uses[0].schema
            hints = [use.hint for use in uses if use.hint]
            if len(uses) < 2 or not hints or schema.get("type") != "object":
                for use in uses:
                    message = f"inferred from the example at line {use.line}"
                    self._infer(use.pointer, "inferred-schema", message)
                continue
            name = _unique(_pascal(hints[0]), names)
            target = join("/components/schemas", name)
            document.setdefault("components", {}).setdefault("schemas", {})[name] = schema
            lines = ", ".join(str(use.line) for use in uses)
            message = f"inferred from {len(uses)} identical examples (lines {lines})"
            self._infer(target, "inferred-schema", message)
            for use in uses:
                _set(document, use.pointer, {"$ref": to_ref(target)})
                self._infer(use.pointer, "shared-schema", f"same shape as {to_ref(target)}")


def _shown(types: list[str], parsed: bool) -> str | None:
    """Which of a select's types the example was shown for. innerText lists every option and
    not which is selected; Swagger UI prefers a JSON type, and a JSON example says which."""
    json_like = [media for media in types if "json" in media]
    if parsed and json_like:
        return json_like[0]
    return next((media for media in types if media not in json_like), types[0] if types else None)


def _header(source: Header) -> dict[str, Any]:
    header: dict[str, Any] = {}
    if source.description:
        header["description"] = source.description
    header["schema"] = schema_of(source.type_line) if source.type_line else {}
    return header


def _pascal(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    return "".join(w[:1].upper() + w[1:] for w in words) or "Body"


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}{number}", number + 1
    taken.add(candidate)
    return candidate


def _set(document: dict[str, Any], pointer: str, value: Any) -> None:
    *parents, last = split(pointer)
    node = document
    for token in parents:
        node = node[token]
    node[last] = value

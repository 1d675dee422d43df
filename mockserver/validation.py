"""The fast request validator: parameters and body against the operation's schemas.

Everything that depends only on the spec is prepared when an operation is first used; a
request then costs a few dictionary lookups and compiled-schema checks. openapi-core is the
reference this validator is tested against (see `reference`).
"""

from __future__ import annotations

from typing import Any

from specs.pointers import deref

from .bodies import BodyError, FormShape, RawBody, decode_body
from .media import essence, match_declared
from .operations import MediaType, Operation
from .parameters import ParameterReader, RawParameters
from .problems import Problem, Violation
from .schemas import SchemaStore

__all__ = ["RequestValidator"]


def _form_shape(document: dict[str, Any], media: MediaType) -> FormShape | None:
    base = essence(media.name)
    if base not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return None
    schema = deref(document, media.schema)
    properties = deref(document, schema.get("properties")) if isinstance(schema, dict) else None
    return FormShape(document, properties or {})


class RequestValidator:
    """Validates requests for one operation."""

    def __init__(self, document: dict[str, Any], operation: Operation, store: SchemaStore) -> None:
        self.operation = operation
        self._store = store
        self._readers = [ParameterReader(document, p) for p in operation.parameters]
        body = operation.body
        self._media = body.media if body else {}
        self._shapes = {name: _form_shape(document, m) for name, m in self._media.items()}

    def media_problem(self, raw: RawBody | None) -> Problem | None:
        """415 when a body comes in a media type the operation does not accept."""
        body = self.operation.body
        if body is None or raw is None or not raw.present:
            return None
        if match_declared(raw.content_type or "application/octet-stream", self._media) is None:
            accepted = ", ".join(self._media)
            return Problem(
                415,
                "unsupported-media-type",
                f"the body is {raw.content_type or 'untyped'}; the operation accepts {accepted}",
                [Violation("header/Content-Type", f"expected one of: {accepted}")],
                {"Accept-Post" if self.operation.method == "post" else "Accept-Patch": accepted},
            )
        return None

    def violations(self, params: RawParameters, raw: RawBody | None) -> list[Violation]:
        found: list[Violation] = []
        for reader in self._readers:
            parameter = reader.parameter
            location = f"{parameter.location}/{parameter.name}"
            try:
                present, value = reader.read(params)
            except ValueError as error:
                found.append(Violation(location, str(error)))
                continue
            if not present:
                if parameter.required:
                    found.append(Violation(location, "required parameter is missing"))
                continue
            if parameter.schema is not None:
                found += self._store.violations(
                    parameter.schema_pointer, parameter.schema, value, location
                )
        found += self._body_violations(raw)
        return found

    def _body_violations(self, raw: RawBody | None) -> list[Violation]:
        body = self.operation.body
        if body is None:
            return []
        if raw is None or not raw.present:
            return [Violation("body", "request body is required")] if body.required else []
        declared = match_declared(raw.content_type or "application/octet-stream", self._media)
        if declared is None:
            return []
        media = self._media[declared]
        try:
            check, value = decode_body(raw, self._shapes[declared])
        except BodyError as error:
            return [Violation("body", str(error))]
        if not check or media.schema is None:
            return []
        return self._store.violations(media.schema_pointer, media.schema, value, "body")

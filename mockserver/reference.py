"""openapi-core on the same normalized spec: the reference the fast validator is held to.

It is also a validator the server can run (`specmock serve --validator openapi-core`), at
about a hundred times the cost per request.
"""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import unquote, urlencode

from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.validation.request.exceptions import (
    MissingRequiredParameter,
    MissingRequiredRequestBody,
    ParameterValidationError,
    SecurityValidationError,
)
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from .errors import ReferenceFailure
from .problems import Problem, Violation

__all__ = ["ReferenceValidator"]

_ORIGIN = "http://127.0.0.1"


def _causes(error: BaseException) -> list[BaseException]:
    chain = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _violations(error: BaseException) -> list[Violation]:
    location = "body"
    if isinstance(error, ParameterValidationError):
        location = f"{error.location}/{error.name}"
    for cause in _causes(error):
        if isinstance(cause, InvalidSchemaValue):
            return [
                Violation(
                    "/".join([location, *map(str, getattr(e, "absolute_path", ()))]),
                    str(getattr(e, "message", e)),
                )
                for e in cause.schema_errors
            ] or [Violation(location, str(cause))]
    if isinstance(error, (MissingRequiredParameter, MissingRequiredRequestBody)):
        return [Violation(location, str(error))]
    return [Violation(location, "; ".join(str(c) for c in _causes(error) if str(c)))]


def _status(error: BaseException) -> int:
    for cause in _causes(error):
        if isinstance(cause, SecurityValidationError):
            return 401
        if isinstance(cause, MediaTypeNotFound):
            return 415
        if isinstance(cause, OperationNotFound):
            return 405
        if isinstance(cause, PathNotFound):
            return 404
    return 400


class ReferenceValidator:
    """Validates requests exactly as openapi-core does, against the mount's own base path."""

    def __init__(self, document: dict[str, Any], base_path: str) -> None:
        self.base_path = base_path
        spec = {**document, "servers": [{"url": f"{_ORIGIN}{base_path}"}]}
        # The spec was validated when it was normalized; openapi-core need not do it again.
        config = Config(spec_validator_cls=None)  # type: ignore[arg-type]
        self._api = OpenAPI.from_dict(spec, config=config)

    def problem(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        body: tuple[str, bytes, list[tuple[str, str]], list[tuple[str, bytes]]] | None,
    ) -> Problem | None:
        """None when openapi-core accepts the request; else the problem it amounts to."""
        data: Any = None
        content_type = None
        if body is not None:
            content_type, raw, form, files = body
            data = raw
            if form or files:
                data = {**dict(form), **{n: (io.BytesIO(c), n) for n, c in files}}
                content_type = None
        environ = EnvironBuilder(
            method=method.upper(),
            path=unquote(self.base_path + path),
            base_url=_ORIGIN,
            query_string=urlencode(query),
            headers=[(k, v) for k, v in headers.items() if k != "host"],
            data=data,
            content_type=content_type,
        ).get_environ()
        try:
            result = self._api.unmarshal_request(WerkzeugOpenAPIRequest(Request(environ)))
        except Exception as error:
            reason = f"{type(error).__name__}: {error}"
            raise ReferenceFailure(
                f"openapi-core cannot validate {method.upper()} {path}: {reason}"
            ) from error
        if not result.errors:
            return None
        status = max(_status(e) for e in result.errors)
        violations = [v for error in result.errors for v in _violations(error)]
        return Problem(status, "invalid-request", "openapi-core rejects the request", violations)

"""The Flask adapter: HTTP in, `Mount.handle`, HTTP out. All contract logic is in `mount`."""

from __future__ import annotations

import base64
import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, urlsplit

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from .bodies import RawBody
from .journal import Journal
from .media import essence
from .mount import Incoming, Mount, Outcome
from .problems import PROBLEM_JSON, Problem, Violation
from .responses import Reply

__all__ = ["DEFAULT_MAX_BODY", "create_app"]

DEFAULT_MAX_BODY = 10 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
MAX_TARGET_BYTES = 16 * 1024
_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
_JOURNAL_BODY_BYTES = 64 * 1024
_CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "*"}

logger = logging.getLogger("specmock")


def _raw_target(environ: dict[str, Any]) -> str:
    """The request target as the client sent it, still percent-encoded (`%2F` stays `%2F`)."""
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if not raw:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
        return quote(path, safe="/%:@!$&'()*+,;=-._~")
    if "://" in raw:
        parts = urlsplit(raw)
        raw = parts.path + (f"?{parts.query}" if parts.query else "")
    return str(raw)


def _problem_response(problem: Problem, instance: str) -> Response:
    response = Response(problem.to_json(instance), problem.status, mimetype=PROBLEM_JSON)
    response.headers.update(problem.headers)
    return response


def _reply_response(reply: Reply, head: bool) -> Response:
    body: Any = b"" if head else (reply.stream if reply.stream is not None else reply.body)
    response = Response(body, reply.status)
    response.headers.pop("Content-Type", None)
    response.headers.update(reply.headers)
    if reply.stream is not None:
        response.headers["Cache-Control"] = "no-cache"
    return response


def _body() -> RawBody | None:
    content_type = request.headers.get("Content-Type", "")
    if essence(content_type) == "multipart/form-data":
        form = list(request.form.items(multi=True))
        files = [(name, storage.read()) for name, storage in request.files.items(multi=True)]
        return RawBody(content_type, b"", form, files)
    data = request.get_data(cache=True)
    return RawBody(content_type, data) if data or content_type else None


def _journal_body(body: RawBody | None) -> Any:
    if body is None:
        return None
    if body.form or body.files:
        return {"form": body.form, "files": [[name, len(content)] for name, content in body.files]}
    data = body.data[:_JOURNAL_BODY_BYTES]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(data).decode()}


class _Dispatcher:
    def __init__(self, mounts: Sequence[Mount], journal: Journal) -> None:
        # Longest base path first, so `/a/b` wins over `/a`.
        self.mounts = sorted(mounts, key=lambda m: len(m.base_path), reverse=True)
        self.journal = journal

    def mount_for(self, path: str) -> tuple[Mount, str] | None:
        for mount in self.mounts:
            base = mount.base_path
            if path == base or path.startswith(base + "/") or not base:
                return mount, path[len(base) :] or "/"
        return None

    def __call__(self, path: str = "") -> Response:
        target = _raw_target(request.environ)
        raw_path = target.split("?", 1)[0]
        body = _body()
        outcome, mount = self._outcome(target, raw_path, body)
        head = request.method == "HEAD"
        if isinstance(outcome.result, Problem):
            response = _problem_response(outcome.result, raw_path)
        else:
            response = _reply_response(outcome.result, head)
        response.headers.update(_CORS)
        self._record(mount, outcome, response.status_code, body)
        return response

    def _outcome(
        self, target: str, raw_path: str, body: RawBody | None
    ) -> tuple[Outcome, Mount | None]:
        if len(target) > MAX_TARGET_BYTES:
            return Outcome(
                Problem(414, "uri-too-long", f"the request target exceeds {MAX_TARGET_BYTES} bytes")
            ), None
        size = sum(len(k) + len(v) for k, v in request.headers.items())
        if size > MAX_HEADER_BYTES:
            return Outcome(
                Problem(
                    431,
                    "headers-too-large",
                    f"the headers total {size} bytes; the limit is {MAX_HEADER_BYTES}",
                )
            ), None
        found = self.mount_for(raw_path)
        if found is None:
            bases = ", ".join(m.base_path or "/" for m in self.mounts)
            return Outcome(
                Problem(404, "not-found", f"no spec is mounted here; mounted: {bases}")
            ), None
        mount, relative = found
        headers: dict[str, str] = {}
        for key, value in request.headers.items():
            key = key.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        incoming = Incoming(
            method=request.method,
            path=relative,
            query=list(request.args.items(multi=True)),
            headers=headers,
            cookies=dict(request.cookies),
            body=body,
        )
        return mount.handle(incoming), mount

    def _record(
        self, mount: Mount | None, outcome: Outcome, status: int, body: RawBody | None
    ) -> None:
        result = outcome.result
        violations = result.violations if isinstance(result, Problem) else []
        self.journal.record(
            {
                "spec": mount.name if mount else None,
                "operationId": outcome.operation.operation_id if outcome.operation else None,
                "method": request.method,
                "path": request.path,
                "query": list(request.args.items(multi=True)),
                "headers": dict(request.headers.items()),
                "body": _journal_body(body),
                "status": status,
                "valid": not isinstance(result, Problem),
                "violations": [v.to_dict() for v in violations],
            }
        )


def create_app(
    mounts: Sequence[Mount],
    *,
    journal: Journal | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> Flask:
    """The mock as a WSGI application, serving every mount at its base path."""
    app = Flask("specmock")
    app.config["MAX_CONTENT_LENGTH"] = max_body
    app.json.sort_keys = False  # type: ignore[attr-defined]
    dispatcher = _Dispatcher(mounts, journal or Journal())
    app.extensions["specmock"] = dispatcher

    @app.get("/__specmock/health")
    def health() -> Any:
        return {
            "status": "ok",
            "specs": [
                {"name": m.name, "basePath": m.base_path or "/", "operations": len(m.operations)}
                for m in mounts
            ],
        }

    @app.route("/__specmock/requests", methods=["GET", "DELETE"])
    def requests() -> Any:
        if request.method == "DELETE":
            dispatcher.journal.clear()
            return Response(status=204)
        return {"requests": dispatcher.journal.entries()}

    for rule in ("/", "/<path:path>"):
        app.add_url_rule(
            rule, "mock", dispatcher, methods=_METHODS, provide_automatic_options=False
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        status = error.code or 400
        kind = {413: "body-too-large", 405: "method-not-allowed"}.get(status, "bad-request")
        problem = Problem(status, kind, error.description or error.name)
        if status == 413:
            problem.violations.append(Violation("body", f"the limit is {max_body} bytes"))
        response = _problem_response(problem, request.path)
        response.headers.update(_CORS)
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        logger.exception("specmock: unexpected error on %s %s", request.method, request.path)
        problem = Problem(500, "mock-error", f"the mock failed: {type(error).__name__}: {error}")
        return _problem_response(problem, request.path)

    return app

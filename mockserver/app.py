"""The Flask adapter: HTTP in, `Mount.handle`, HTTP out. All contract logic is in `mount`."""

from __future__ import annotations

import base64
import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException
from werkzeug.http import parse_cookie

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
    body: Any = b"" if head else (iter(reply.events) if reply.events is not None else reply.body)
    response = Response(body, reply.status)
    response.headers.pop("Content-Type", None)
    response.headers.update(reply.headers)
    if reply.events is not None:
        response.headers["Cache-Control"] = "no-cache"
    return response


def _body() -> RawBody | None:
    content_type = request.environ.get("CONTENT_TYPE", "")
    if essence(content_type) == "multipart/form-data":
        form = list(request.form.items(multi=True))
        files = [(name, storage.read()) for name, storage in request.files.items(multi=True)]
        return RawBody(content_type, b"", form, files, request.content_length or 0)
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


def _headers(environ: dict[str, Any]) -> dict[str, str]:
    """Request headers, names in lower case, read straight from the WSGI environ."""
    headers = {
        key[5:].replace("_", "-").lower(): value
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if environ.get(key):
            headers[key.replace("_", "-").lower()] = environ[key]
    return headers


def _query(environ: dict[str, Any]) -> list[tuple[str, str]]:
    text = environ.get("QUERY_STRING", "").encode("latin-1").decode("utf-8", "replace")
    return parse_qsl(text, keep_blank_values=True)


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
        environ = request.environ
        target = _raw_target(environ)
        raw_path = target.split("?", 1)[0]
        headers = _headers(environ)
        query = _query(environ)
        body = _body()
        outcome, mount = self._outcome(target, raw_path, headers, query, body)
        if isinstance(outcome.result, Problem):
            response = _problem_response(outcome.result, raw_path)
        else:
            response = _reply_response(outcome.result, request.method == "HEAD")
        response.headers.update(_CORS)
        self.journal.record(
            {
                "spec": mount.name if mount else None,
                "operationId": outcome.operation.operation_id if outcome.operation else None,
                "method": request.method,
                "path": raw_path,
                "query": query,
                "headers": headers,
                "body": _journal_body(body),
                "status": response.status_code,
                "valid": outcome.problem is None,
                "violations": [v.to_dict() for v in outcome.violations],
            }
        )
        return response

    def _outcome(
        self,
        target: str,
        raw_path: str,
        headers: dict[str, str],
        query: list[tuple[str, str]],
        body: RawBody | None,
    ) -> tuple[Outcome, Mount | None]:
        if len(target) > MAX_TARGET_BYTES:
            detail = f"the request target exceeds {MAX_TARGET_BYTES} bytes"
            return Outcome(Problem(414, "uri-too-long", detail)), None
        size = sum(len(k) + len(v) for k, v in headers.items())
        if size > MAX_HEADER_BYTES:
            detail = f"the headers total {size} bytes; the limit is {MAX_HEADER_BYTES}"
            return Outcome(Problem(431, "headers-too-large", detail)), None
        found = self.mount_for(raw_path)
        if found is None:
            bases = ", ".join(m.base_path or "/" for m in self.mounts)
            detail = f"no spec is mounted here; mounted: {bases}"
            return Outcome(Problem(404, "not-found", detail)), None
        mount, relative = found
        cookie = headers.get("cookie")
        incoming = Incoming(
            method=request.method,
            path=relative,
            query=query,
            headers=headers,
            cookies=dict(parse_cookie(cookie)) if cookie else {},
            body=body,
        )
        return mount.handle(incoming), mount


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

    @app.delete("/__specmock/state")
    def state() -> Response:
        for mount in mounts:
            mount.tombstones.clear()
        return Response(status=204)

    for rule in ("/", "/<path:path>"):
        app.add_url_rule(
            rule, "mock", dispatcher, methods=_METHODS, provide_automatic_options=False
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        status = error.code or 400
        if status in (404, 405) and not request.path.startswith("/__specmock/"):
            # What Flask does not route (QUERY, BREW; a newline in the path) the mounts judge.
            return dispatcher()
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

"""One spec served at a base path: a request in, a reply or a problem out. No Flask here.

The order of checks follows what a real server does: route (404, 405), credentials (401),
body media type (415), acceptable response (406), then parameters and body (400, listing
every violation at once).
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from specs.normalize import refusal_status

from .bodies import RawBody
from .codings import apply_coding
from .errors import ReferenceFailure
from .media import best_match
from .operations import Operation, compile_operations
from .parameters import RawParameters
from .preferences import parse_prefer
from .problems import Problem, Violation
from .responses import Reply, ResponseBuilder, choose_status
from .routing import Router
from .schemas import SchemaStore
from .security import check_credentials
from .state import Tombstones
from .validation import RequestValidator

if TYPE_CHECKING:
    from .reference import ReferenceValidator

__all__ = ["VALIDATORS", "Incoming", "Mount", "Outcome"]

VALIDATORS = ("fast", "openapi-core")

logger = logging.getLogger("specmock")


@dataclass
class Incoming:
    """An HTTP request as the mock sees it; the adapter fills it from its framework."""

    method: str
    path: str
    """Percent-encoded, relative to the mount's base path, starting with `/`."""
    query: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    """Keys in lower case; repeated headers joined with `, `."""
    cookies: dict[str, str] = field(default_factory=dict)
    body: RawBody | None = None

    @property
    def key(self) -> str:
        """Identifies the request for seeding: the same request gives the same fixture."""
        query = "&".join(f"{k}={v}" for k, v in self.query)
        digest = zlib.crc32(self.body.data) if self.body else 0
        return f"{self.method} {self.path}?{query}#{digest}"


@dataclass
class Outcome:
    result: Reply | Problem
    operation: Operation | None = None
    violations: list[Violation] = field(default_factory=list)
    problem: Problem | None = None
    """Why the request was refused, also when the refusal is answered as the spec declares."""

    def __post_init__(self) -> None:
        if isinstance(self.result, Problem):
            self.problem = self.result


def _cors_preflight(allowed: list[str], headers: dict[str, str]) -> Reply:
    return Reply(
        204,
        {
            "Access-Control-Allow-Methods": ", ".join(allowed),
            "Access-Control-Allow-Headers": headers.get("access-control-request-headers", "*"),
            "Access-Control-Max-Age": "600",
            "Allow": ", ".join(allowed),
        },
    )


def _scalars(value: Any, limit: int = 200) -> set[str]:
    """String and integer leaves of a JSON value, as a created resource's id could be."""
    found: set[str] = set()
    pending = [value]
    while pending and len(found) < limit:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, (str, int)) and not isinstance(item, bool):
            found.add(str(item))
    return found


class Mount:
    def __init__(
        self,
        name: str,
        document: dict[str, Any],
        base_path: str,
        *,
        seed: int = 0,
        credentials: Collection[str] | None = None,
        validator: str = "fast",
        tombstones: Tombstones | None = None,
    ) -> None:
        self.name = name
        self.document = document
        self.base_path = base_path.rstrip("/")
        self.operations = compile_operations(document, name)
        self.router = Router(self.operations)
        self.credentials = frozenset(credentials) if credentials is not None else None
        self._store = SchemaStore(document)
        self.responses = ResponseBuilder(document, seed)
        self._validators: dict[str, RequestValidator] = {}
        self.tombstones = tombstones or Tombstones()
        self.default_prefer = ""
        """A `Prefer` header value applied to requests that send none (tests set it)."""
        self.reference: ReferenceValidator | None = None
        if validator == "openapi-core":
            from .reference import ReferenceValidator  # noqa: PLC0415 - heavy; only when asked

            self.reference = ReferenceValidator(document, self.base_path)

    def validator(self, operation: Operation) -> RequestValidator:
        found = self._validators.get(operation.pointer)
        if found is None:
            found = RequestValidator(self.document, operation, self._store)
            self._validators[operation.pointer] = found
        return found

    def handle(self, incoming: Incoming) -> Outcome:
        decoded = (unquote(segment).split("/") for segment in incoming.path.split("/"))
        if any(part in (".", "..") for parts in decoded for part in parts):
            return Outcome(
                Problem(
                    400,
                    "invalid-path",
                    "the path contains a `.` or `..` segment",
                    [Violation("path", "dot-segments are not allowed")],
                )
            )
        match = self.router.match(incoming.path)
        if match is None:
            return Outcome(
                Problem(404, "not-found", f"no operation of {self.name!r} matches this path")
            )
        method = incoming.method.lower()
        if method == "options" and "options" not in match.operations:
            return Outcome(_cors_preflight(match.allowed, incoming.headers))
        if method == "head" and "head" not in match.operations:
            method = "get"
        operation = match.operations.get(method)
        if operation is None:
            allowed = ", ".join(match.allowed)
            return Outcome(
                Problem(
                    405,
                    "method-not-allowed",
                    f"{incoming.method} is not declared for {match.template}; allowed: {allowed}",
                    headers={"Allow": allowed},
                )
            )
        return self._as_declared(self._handle_operation(operation, match.parameters, incoming))

    def _as_declared(self, outcome: Outcome) -> Outcome:
        """A refusal the operation documents (its status, `4XX` or `default`, or a status that
        says the same, like 422 for 400) is answered with the documented media type and body;
        the problem's detail goes in a header."""
        problem, operation = outcome.problem, outcome.operation
        if problem is None or operation is None:
            return outcome
        status = refusal_status(problem.status, operation.responses)
        if status != problem.status:
            problem = replace(problem, status=status)
            outcome = Outcome(problem, operation, outcome.violations)
        reply = self.responses.declared(operation, problem.status)
        if reply is None:
            return outcome
        reply.headers.update(problem.headers)
        reply.headers["Specmock-Problem"] = problem.detail.encode("ascii", "replace").decode()
        return Outcome(reply, operation, outcome.violations, problem)

    def _contract_problem(
        self, operation: Operation, params: RawParameters, incoming: Incoming
    ) -> Problem | None:
        """Credentials (401), body media type (415), then every parameter and body violation."""
        if self.reference is not None:
            body = incoming.body
            raw = (body.content_type, body.data, body.form, body.files) if body else None
            try:
                return self.reference.problem(
                    incoming.method, incoming.path, incoming.query, incoming.headers, raw
                )
            except ReferenceFailure as error:
                logger.warning("specmock: %s; validating with the fast path instead", error)
        validator = self.validator(operation)
        problem = check_credentials(operation, params, self.credentials)
        problem = problem or validator.media_problem(incoming.body)
        if problem is not None:
            return problem
        violations = validator.violations(params, incoming.body)
        if not violations:
            return None
        count = len(violations)
        detail = f"the request breaks the contract of {operation.operation_id} in {count} places"
        return Problem(400, "invalid-request", detail, violations)

    def _handle_operation(
        self, operation: Operation, path: dict[str, str], incoming: Incoming
    ) -> Outcome:
        params = RawParameters(path, incoming.query, incoming.headers, incoming.cookies)
        problem = self._contract_problem(operation, params, incoming)
        if problem is not None:
            return Outcome(problem, operation, problem.violations)
        if self.tombstones.covers(incoming.path):
            detail = "the resource was deleted by an earlier request"
            return Outcome(Problem(404, "not-found", detail), operation)
        preferences = parse_prefer([incoming.headers.get("prefer") or self.default_prefer])
        chosen = choose_status(operation, preferences)
        if isinstance(chosen, Problem):
            return Outcome(chosen, operation)
        status, response = chosen
        media = None
        if response.media:
            name = best_match(incoming.headers.get("accept"), list(response.media))
            if name is None:
                offered = ", ".join(response.media)
                problem = Problem(
                    406,
                    "not-acceptable",
                    f"the response can be {offered}; the Accept header allows none of them",
                    [Violation("header/Accept", f"expected one of: {offered}")],
                )
                return Outcome(problem, operation)
            media = response.media[name]
            examples = media.node.get("examples") or {}
            if preferences.example is not None and preferences.example not in examples:
                names = ", ".join(examples) or "none"
                detail = f"Prefer: example={preferences.example}; the declared examples: {names}"
                return Outcome(Problem(400, "unsatisfiable-preference", detail), operation)
        reply = self.responses.build(operation, status, response, media, preferences, incoming.key)
        if reply.status < 300:
            self._remember(operation, incoming.path.rstrip("/"), reply)
        reply = apply_coding(reply, response, incoming.headers.get("accept-encoding"))
        return Outcome(reply, operation)

    def _remember(self, operation: Operation, path: str, reply: Reply) -> None:
        """Deleting a resource makes it gone; creating one with a deleted id brings it back."""
        if operation.method == "delete" and operation.path.endswith("}"):
            self.tombstones.add(path)
        elif operation.method == "post" and reply.body[:1] in (b"{", b"["):
            self.tombstones.revive(path, _scalars(json.loads(reply.body)))

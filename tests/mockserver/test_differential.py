"""The fast validator and openapi-core agree on valid versus invalid, request by request."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

import specs
from mockserver import Incoming, Mount, Problem
from mockserver.bodies import RawBody
from mockserver.errors import ReferenceFailure
from mockserver.fixtures import FixtureGenerator
from mockserver.operations import Operation
from mockserver.parameters import schema_types
from mockserver.reference import ReferenceValidator

from .spec_requests import SpecRequest, build_request


def incoming(request: SpecRequest) -> Incoming:
    headers = {k.lower(): v for k, v in request.headers.items()}
    body = None
    if request.json_body is not None:
        body = RawBody(
            headers.get("content-type", "application/json"), json.dumps(request.json_body).encode()
        )
    elif request.body is not None:
        body = RawBody(headers.get("content-type", ""), request.body)
    return Incoming(
        request.method, request.path, list(request.query), headers, dict(request.cookies), body
    )


def _wrong(value: Any) -> Any:
    return {"unexpected": "object"} if not isinstance(value, dict) else "not an object"


def variants(
    operation: Operation, request: SpecRequest, document: dict[str, Any]
) -> Iterator[tuple[str, SpecRequest]]:
    """The valid request, then copies broken (or harmlessly changed) in one place each."""
    yield "valid", request
    extra = copy.deepcopy(request)
    extra.query.append(("specmock_unknown", "1"))
    yield "unknown query parameter", extra
    for parameter in operation.parameters:
        if parameter.location not in ("query", "header"):
            continue
        names = {parameter.name.lower(), parameter.name}
        if parameter.required:
            dropped = copy.deepcopy(request)
            dropped.query = [(k, v) for k, v in dropped.query if k not in names]
            dropped.headers = {k: v for k, v in dropped.headers.items() if k not in names}
            yield f"without {parameter.location} {parameter.name}", dropped
        types = schema_types(document, parameter.schema)
        if types and types <= {"integer", "number", "boolean"}:
            wrong = copy.deepcopy(request)
            wrong.query = [
                (k, "not-a-number") if k == parameter.name else (k, v) for k, v in wrong.query
            ]
            if parameter.location == "query" and all(k != parameter.name for k, _ in request.query):
                wrong.query.append((parameter.name, "not-a-number"))
            if parameter.location == "header":
                wrong.headers[parameter.name] = "not-a-number"
            yield f"{parameter.location} {parameter.name} of the wrong type", wrong
    if operation.security and all(operation.security):
        anonymous = copy.deepcopy(request)
        anonymous.headers = {
            k: v for k, v in anonymous.headers.items() if k.lower() != "authorization"
        }
        for scheme in operation.security[0]:
            anonymous.headers.pop(scheme.parameter or "", None)
            anonymous.query = [(k, v) for k, v in anonymous.query if k != scheme.parameter]
        yield "without credentials", anonymous
    if isinstance(request.json_body, dict):
        for key in list(request.json_body)[:3]:
            dropped = copy.deepcopy(request)
            del dropped.json_body[key]
            yield f"body without {key}", dropped
            wrong = copy.deepcopy(request)
            wrong.json_body[key] = _wrong(wrong.json_body[key])
            yield f"body {key} of the wrong type", wrong
    if request.json_body is not None:
        broken = copy.deepcopy(request)
        broken.json_body = None
        broken.body = b"{not json"
        yield "malformed body", broken


def _verdict(problem: Problem | None) -> str:
    return "accepted" if problem is None else "rejected"


@pytest.mark.parametrize("name", specs.names())
def test_fast_validator_agrees_with_openapi_core(name: str) -> None:
    document = specs.load(name)
    fast = Mount(name, document, "")
    reference = ReferenceValidator(document, "")
    generator = FixtureGenerator(document)
    compared, rejected, unvalidatable = 0, 0, []
    disagreements = []
    for operation in fast.operations:
        request = build_request(operation, generator)
        for label, variant in variants(operation, request, document):
            sent = incoming(variant)
            fast.tombstones.clear()  # a DELETE among the variants must not hide a resource
            ours = fast.handle(sent).problem
            body = sent.body
            raw = (body.content_type, body.data, body.form, body.files) if body else None
            try:
                theirs = reference.problem(sent.method, sent.path, sent.query, sent.headers, raw)
            except ReferenceFailure as failure:
                unvalidatable.append(str(failure))
                continue
            compared += 1
            rejected += theirs is not None
            if (ours is None) != (theirs is None):
                rejecting = theirs or ours
                detail = rejecting.violations[:2] if rejecting else []
                verdicts = f"fast {_verdict(ours)}, openapi-core {_verdict(theirs)}"
                disagreements.append(f"{operation.label} [{label}]: {verdicts}: {detail}")
    summary = f"{compared} requests compared ({rejected} invalid)"
    print(
        f"\n{name}: {summary}, {len(disagreements)} disagreements; "
        f"{len(unvalidatable)} requests openapi-core could not validate"
    )
    assert compared >= 100
    assert rejected >= compared // 4
    assert disagreements == []
    # openapi-core 0.23 reads a parameter's `type` as one string; OpenAPI 3.1 type lists
    # (`[integer, "null"]`) make it raise. Those requests are the only ones left out.
    assert all("Expected a string value" in reason for reason in unvalidatable)

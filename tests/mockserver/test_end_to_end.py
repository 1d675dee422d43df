"""Every operation of every bundled spec, over HTTP, against the real server."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import requests
from openapi_core import Config, OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

import specs
from mockserver.fixtures import FixtureGenerator
from mockserver.operations import compile_operations

from .spec_requests import SpecRequest, build_request


@cache
def reference(name: str, url: str) -> OpenAPI:
    document = {**specs.load(name), "servers": [{"url": url}]}
    return OpenAPI.from_dict(document, config=Config(spec_validator_cls=None))


def send(url: str, request: SpecRequest, **headers: str) -> requests.Response:
    return requests.request(
        request.method,
        url + request.path,
        params=request.query,
        headers={**request.headers, **headers},
        cookies=request.cookies,
        data=request.body if request.form is None else request.form,
        json=request.json_body,
        files=request.files,
        timeout=30,
    )


def check(name: str, url: str, response: requests.Response) -> list[str]:
    """openapi-core's verdict on a response, as messages (empty when valid)."""
    api = reference(name, url)
    result = api.unmarshal_response(
        RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
    )
    return [f"{e}: {getattr(e, '__cause__', '')}" for e in result.errors]


def test_every_operation_answers_a_valid_response(server: Any, bundled: str) -> None:
    url = server.urls[bundled]
    document = specs.load(bundled)
    generator = FixtureGenerator(document)
    # The mock remembers deletions: delete last (deepest paths first), so every other operation
    # still finds its resource.
    operations = sorted(
        compile_operations(document, bundled),
        key=lambda o: (o.method == "delete", -o.path.count("/")),
    )
    requests.delete(f"{server.origin}/__specmock/state", timeout=10)
    failures = []
    for operation in operations:
        request = build_request(operation, generator)
        response = send(url, request)
        if response.status_code >= 400:
            failures.append(f"{operation.label}: {response.status_code} {response.text[:300]}")
            continue
        errors = check(bundled, url, response)
        if errors:
            failures.append(f"{operation.label}: {errors[:2]}")
    passed = len(operations) - len(failures)
    print(f"\n{bundled}: {passed}/{len(operations)} operations answered with a valid response")
    assert failures == []


def test_dynamic_responses_are_valid_and_seeded(server: Any, bundled: str) -> None:
    url = server.urls[bundled]
    document = specs.load(bundled)
    generator = FixtureGenerator(document)
    requests.delete(f"{server.origin}/__specmock/state", timeout=10)
    # Deletions are remembered, so the same DELETE twice is not the same answer twice.
    operations = [o for o in compile_operations(document, bundled) if o.method != "delete"]
    for operation in operations[:25]:
        request = build_request(operation, generator, seed=7)
        first = send(url, request, Prefer="dynamic=true")
        second = send(url, request, Prefer="dynamic=true")
        assert first.status_code < 400, (operation.label, first.text[:300])
        assert first.content == second.content, operation.label
        assert check(bundled, url, first) == [], operation.label


@pytest.mark.parametrize("code", ["401", "404", "500"])
def test_prefer_code_is_honoured_when_declared(server: Any, code: str) -> None:
    url = server.urls["scenario"]
    response = requests.get(
        f"{url}/assets", headers={"Prefer": f"code={code}", "Authorization": "t"}, timeout=10
    )
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    assert "declares 200" in response.json()["detail"]

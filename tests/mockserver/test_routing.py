from __future__ import annotations

import pytest

from mockserver.operations import Operation
from mockserver.routing import Router


def operation(method: str, path: str) -> Operation:
    return Operation("t", method, path, f"{method}{path}", f"/paths/{path}/{method}", [], None, [])


ROUTER = Router(
    [
        operation("get", "/users/{id}"),
        operation("delete", "/users/{id}"),
        operation("get", "/users/me"),
        operation("get", "/files/{name}.{ext}"),
        operation("post", "/"),
    ]
)


@pytest.mark.parametrize(
    ("path", "template", "parameters"),
    [
        ("/users/me", "/users/me", {}),
        ("/users/42", "/users/{id}", {"id": "42"}),
        ("/users/42/", "/users/{id}", {"id": "42"}),
        ("/users/a%2Fb", "/users/{id}", {"id": "a/b"}),
        ("/files/report.pdf", "/files/{name}.{ext}", {"name": "report", "ext": "pdf"}),
        ("/", "/", {}),
    ],
)
def test_match(path, template, parameters):
    found = ROUTER.match(path)
    assert found is not None
    assert (found.template, found.parameters) == (template, parameters)


@pytest.mark.parametrize("path", ["/users", "/users/1/2", "/nothing", "/users/"])
def test_no_match(path):
    assert ROUTER.match(path) is None


def test_allowed_methods():
    found = ROUTER.match("/users/1")
    assert found is not None
    assert found.allowed == ["DELETE", "GET", "OPTIONS"]

from __future__ import annotations

import pytest

from mockserver.operations import Operation, SecurityScheme
from mockserver.parameters import RawParameters
from mockserver.security import check_credentials

BEARER = SecurityScheme("bearer", "http", scheme="bearer")
KEY = SecurityScheme("key", "apiKey", location="query", parameter="api_key")
COOKIE = SecurityScheme("session", "apiKey", location="cookie", parameter="sid")


def operation(*alternatives: list[SecurityScheme]) -> Operation:
    return Operation("t", "get", "/", "op", "/paths/~1/get", [], None, list(alternatives))


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        (RawParameters(headers={"authorization": "Bearer abc"}), True),
        (RawParameters(headers={"authorization": "Basic abc"}), False),
        (RawParameters(headers={"authorization": "Bearer "}), False),
        (RawParameters(query=[("api_key", "k")]), True),
        (RawParameters(cookies={"sid": "s"}), False),
        (RawParameters(), False),
    ],
)
def test_any_alternative_suffices(raw, ok):
    problem = check_credentials(operation([BEARER], [KEY]), raw)
    assert (problem is None) is ok
    if problem is not None:
        assert problem.status == 401
        assert "Bearer" in problem.headers["WWW-Authenticate"]


def test_all_schemes_of_an_alternative_are_needed():
    raw = RawParameters(headers={"authorization": "Bearer abc"})
    assert check_credentials(operation([BEARER, COOKIE]), raw) is not None
    raw.cookies["sid"] = "s"
    assert check_credentials(operation([BEARER, COOKIE]), raw) is None


def test_empty_alternative_allows_anonymous_access():
    assert check_credentials(operation([BEARER], []), RawParameters()) is None
    assert check_credentials(operation(), RawParameters()) is None


def test_known_credentials_reject_made_up_ones():
    raw = RawParameters(headers={"authorization": "Bearer made-up"})
    problem = check_credentials(operation([BEARER]), raw, known={"real"})
    assert problem is not None
    assert problem.violations[0].message == "credentials for 'bearer' are not valid"
    raw.headers["authorization"] = "Bearer real"
    assert check_credentials(operation([BEARER]), raw, known={"real"}) is None

"""Hostile requests each get their 4xx as problem+json, and the server keeps serving."""

from __future__ import annotations

import socket
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

AUTH = {"Authorization": "token"}


def problem(response: requests.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text[:500]
    assert response.headers["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"]
    return body


def raw_request(origin: str, data: bytes) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(origin)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as connection:
        connection.sendall(data)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in header_lines)}
    return int(status_line.split()[1]), headers, body


@pytest.fixture
def scenario(server: Any) -> str:
    url: str = server.urls["scenario"]
    return url


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"name": ', "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"name": "\xff\xfe"}', "not valid UTF-8"),
    ],
    ids=["malformed", "nested-100000-deep", "invalid-utf8"],
)
def test_unreadable_json_bodies(scenario, data, message):
    response = requests.post(
        f"{scenario}/assets",
        data=data,
        headers={**AUTH, "Content-Type": "application/json"},
        timeout=30,
    )
    body = problem(response, 400)
    assert body["errors"][0]["location"] == "body"
    assert message in body["errors"][0]["message"]


def test_wrong_content_type(scenario):
    response = requests.post(
        f"{scenario}/assets",
        data=b"<a/>",
        headers={**AUTH, "Content-Type": "application/xml"},
        timeout=10,
    )
    body = problem(response, 415)
    assert body["errors"][0]["location"] == "header/Content-Type"


def test_body_over_the_limit(scenario):
    response = requests.post(
        f"{scenario}/assets",
        data=b"x" * (11 * 1024 * 1024),
        headers={**AUTH, "Content-Type": "application/json"},
        timeout=30,
    )
    problem(response, 413)


@pytest.mark.parametrize(
    "path", ["/assets/../../etc/passwd", "/assets/..%2F..%2Fetc%2Fpasswd", "/assets/%2e%2e"]
)
def test_dot_segments_in_path_parameters(server, path):
    origin = urlsplit(server.urls["scenario"])
    head = "Host: x\r\nAuthorization: t\r\nConnection: close\r\n"
    request = f"GET {origin.path}{path} HTTP/1.1\r\n{head}\r\n"
    status, headers, _ = raw_request(server.origin, request.encode())
    assert 400 <= status < 500
    assert headers["content-type"] == "application/problem+json"


def test_one_megabyte_header(scenario):
    response = requests.get(
        f"{scenario}/assets", headers={**AUTH, "X-Big": "a" * (1024 * 1024)}, timeout=30
    )
    problem(response, 431)


def test_unknown_path(server):
    body = problem(requests.get(f"{server.urls['scenario']}/no/such/thing", timeout=10), 404)
    assert body["instance"].endswith("/no/such/thing")
    problem(requests.get(f"{server.origin}/nowhere", timeout=10), 404)


def test_unknown_method(scenario):
    response = requests.patch(f"{scenario}/assets", headers=AUTH, timeout=10)
    problem(response, 405)
    assert "GET" in response.headers["Allow"]
    request = (
        f"BREW {urlsplit(scenario).path}/assets HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    status, headers, _ = raw_request(scenario, request.encode())
    assert status == 405
    assert headers["content-type"] == "application/problem+json"


def test_missing_credentials(scenario):
    response = requests.get(f"{scenario}/assets", timeout=10)
    body = problem(response, 401)
    assert body["errors"][0]["location"] == "header/Authorization"
    assert response.headers["WWW-Authenticate"]


def test_unacceptable_accept(scenario):
    problem(
        requests.get(f"{scenario}/assets", headers={**AUTH, "Accept": "image/png"}, timeout=10), 406
    )


def test_a_normal_request_still_succeeds_afterwards(scenario):
    response = requests.get(f"{scenario}/assets", headers=AUTH, timeout=10)
    assert response.status_code == 200
    assert isinstance(response.json(), dict)

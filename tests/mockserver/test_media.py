from __future__ import annotations

import pytest

from mockserver.media import best_match, match_declared

OFFERED = ["application/json", "text/plain"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/json"),
        ("", "application/json"),
        ("*/*", "application/json"),
        ("text/plain", "text/plain"),
        ("text/*", "text/plain"),
        ("application/json;q=0.5, text/plain", "text/plain"),
        ("text/plain;q=0, */*", "application/json"),
        ("image/png", None),
        ("application/json;q=0", None),
    ],
)
def test_best_match(accept, expected):
    assert best_match(accept, OFFERED) == expected


@pytest.mark.parametrize(
    ("content_type", "declared", "expected"),
    [
        ("application/json; charset=utf-8", ["application/json"], "application/json"),
        ("image/png", ["image/*"], "image/*"),
        ("text/csv", ["*/*"], "*/*"),
        ("application/xml", ["application/json"], None),
    ],
)
def test_match_declared(content_type, declared, expected):
    assert match_declared(content_type, declared) == expected

"""A declared `Content-Encoding` is negotiated and applied, so clients decode what they get."""

from __future__ import annotations

import gzip
import zlib
from typing import Any

import pytest

from mockserver.codings import apply_coding
from mockserver.operations import Header, Response
from mockserver.responses import Reply

BODY = b'{"answer": 42}'


def declaring(schema: Any, *, required: bool = False) -> Response:
    header = Header("Content-Encoding", required, schema, "/h")
    return Response("200", "/r", {}, {"Content-Encoding": header})


ENUM = {"type": "string", "enum": ["gzip", "br"]}


@pytest.mark.parametrize(
    ("schema", "required", "accept", "expected"),
    [
        (ENUM, False, "gzip, deflate", "gzip"),
        (ENUM, False, "br", None),
        (ENUM, False, None, None),
        (ENUM, True, None, "gzip"),
        (ENUM, True, "br", "gzip"),
        (ENUM, False, "gzip;q=0, *", None),
        ({"type": "string"}, False, "*", "gzip"),
        ({"const": "deflate"}, False, "gzip, deflate;q=0.5", "deflate"),
        ({"enum": ["deflate", "gzip"]}, False, "deflate;q=0.1, gzip", "gzip"),
        ({"enum": ["br"]}, True, "gzip", None),
    ],
)
def test_the_coding_is_negotiated(
    schema: Any, required: bool, accept: str | None, expected: str | None
) -> None:
    reply = apply_coding(Reply(200, {}, BODY), declaring(schema, required=required), accept)
    assert reply.headers.get("Content-Encoding") == expected
    assert reply.headers["Vary"] == "Accept-Encoding"
    decode = {"gzip": gzip.decompress, "deflate": zlib.decompress, None: bytes}[expected]
    assert decode(reply.body) == BODY


def test_a_response_without_the_header_is_untouched() -> None:
    reply = Reply(200, {}, BODY)
    assert apply_coding(reply, Response("200", "/r", {}, {}), "gzip") is reply
    assert reply.headers == {}


def test_event_streams_are_compressed_event_by_event() -> None:
    events = (b"data: 1\n\n", b"data: 2\n\n")
    reply = apply_coding(Reply(200, {}, events=events), declaring(ENUM), "gzip")
    assert reply.headers["Content-Encoding"] == "gzip"
    assert reply.events is not None
    decoder = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    # Each chunk decodes to its event as soon as it arrives, before the stream ends.
    assert [decoder.decompress(chunk) for chunk in reply.events[:2]] == list(events)


def test_an_empty_body_gets_no_coding() -> None:
    reply = apply_coding(Reply(204, {}), declaring(ENUM, required=True), "gzip")
    assert "Content-Encoding" not in reply.headers
    assert reply.body == b""

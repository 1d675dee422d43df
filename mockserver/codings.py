"""Content codings: a declared `Content-Encoding` is applied to the body, never just claimed.

A response that declares the header gets the body compressed with a declared coding the
client accepts (RFC 9110 `Accept-Encoding` negotiation). When none fits and the header is
optional, the body goes out as is and the header is left off; a required header is honoured
with the first declared coding the mock can produce (gzip or deflate).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from .media import quality_values
from .operations import Header, Response
from .responses import Reply

__all__ = ["apply_coding"]

_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
"""The codings the mock can produce, as zlib window bits (gzip and zlib framing)."""


def _declared_codings(header: Header) -> list[str]:
    schema = header.schema if isinstance(header.schema, dict) else {}
    values = schema["enum"] if isinstance(schema.get("enum"), list) else []
    if "const" in schema:
        values = [schema["const"]]
    offered = [v.strip().lower() for v in values if isinstance(v, str)] or ["gzip"]
    return [coding for coding in offered if coding in _WBITS]


def _choose(header: Header, accept_encoding: str | None) -> str | None:
    declared = _declared_codings(header)
    if accept_encoding:
        qualities = dict(quality_values(accept_encoding))
        wildcard = qualities.get("*", 0.0)
        ranked = sorted(declared, key=lambda c: -qualities.get(c, wildcard))
        if ranked and qualities.get(ranked[0], wildcard) > 0:
            return ranked[0]
    return declared[0] if header.required and declared else None


def _compress_stream(events: tuple[bytes, ...], wbits: int) -> Iterator[bytes]:
    """Each event flushed on its own, so a streaming client decodes it as it arrives."""
    compressor = zlib.compressobj(wbits=wbits)
    for event in events:
        yield compressor.compress(event) + compressor.flush(zlib.Z_SYNC_FLUSH)
    yield compressor.flush()


def apply_coding(reply: Reply, response: Response, accept_encoding: str | None) -> Reply:
    """`reply` with its body encoded as the response's `Content-Encoding` header declares."""
    header = next(
        (h for name, h in response.headers.items() if name.lower() == "content-encoding"), None
    )
    if header is None:
        return reply
    reply.headers["Vary"] = "Accept-Encoding"
    coding = _choose(header, accept_encoding)
    if coding is None or (not reply.body and reply.events is None):
        return reply
    wbits = _WBITS[coding]
    reply.headers[header.name] = coding
    if reply.events is not None:
        events = tuple(_compress_stream(reply.events, wbits))
        return Reply(reply.status, reply.headers, events=events)
    compressor = zlib.compressobj(wbits=wbits)
    return Reply(reply.status, reply.headers, compressor.compress(reply.body) + compressor.flush())

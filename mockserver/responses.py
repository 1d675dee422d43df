"""What the mock answers: which status, which media type, which body and headers.

The lowest declared 2xx wins (else `default`), unless `Prefer` asks for another. A body is
the spec's own example where it has one (normalization has moved aside every example that
breaks its schema), else a fixture generated from the schema. Static answers depend only on
the seed and the operation, so they are built once and reused.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from specs.pointers import deref

from .fixtures import FixtureGenerator, sample_file, sse_events
from .media import essence, is_json, is_text
from .operations import Header, MediaType, Operation, Response
from .preferences import Preferences
from .problems import Problem

__all__ = ["Reply", "ResponseBuilder", "choose_status"]

_NO_BODY = frozenset({204, 205, 304})
_FRAMING = frozenset({"content-encoding", "content-length", "transfer-encoding"})
"""Headers that describe the bytes on the wire: the server sets them (`codings`), no fixture."""


@dataclass
class Reply:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    events: tuple[bytes, ...] | None = None
    """Set instead of `body` for server-sent events: sent one by one, flushed as they go."""


def _numeric(code: str) -> int | None:
    return int(code) if code.isdigit() else None


def choose_status(operation: Operation, preferences: Preferences) -> tuple[int, Response] | Problem:
    """The status to answer with and the declared response that describes it."""
    responses = operation.responses
    if preferences.code is not None:
        code = preferences.code
        if not code.isdigit() or not 100 <= int(code) <= 599:
            return Problem(400, "invalid-preference", f"Prefer: code={code} is not an HTTP status")
        for key in (code, f"{code[0]}XX", f"{code[0]}xx", "default"):
            if key in responses:
                return int(code), responses[key]
        declared = ", ".join(responses)
        return Problem(
            400,
            "unsatisfiable-preference",
            f"Prefer: code={code}; the operation declares {declared}",
        )
    numeric = sorted((n, key) for key in responses if (n := _numeric(key)) is not None)
    for number, key in numeric:
        if 200 <= number < 300:
            return number, responses[key]
    for key in ("2XX", "2xx", "default"):
        if key in responses:
            return 200, responses[key]
    if numeric:
        number, key = numeric[0]
        return number, responses[key]
    return 200, Response("200", "", {}, {})


def _concrete(media_type: str) -> str:
    """A media type range as the type actually sent: `*/*` and `application/*` become JSON."""
    base = essence(media_type)
    if base in ("*/*", "application/*"):
        return "application/json"
    if base.endswith("/*"):
        return {
            "image": "image/png",
            "audio": "audio/wav",
            "video": "video/mp4",
            "text": "text/plain",
        }.get(base.split("/")[0], "application/octet-stream")
    return media_type


def _header_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_header_text(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{_header_text(v)}" for k, v in value.items())
    return "" if value is None else str(value)


class ResponseBuilder:
    """Builds replies for one spec; thread-safe, with static replies cached."""

    def __init__(self, document: dict[str, Any], seed: int) -> None:
        self._document = document
        self._seed = seed
        self.generator = FixtureGenerator(document)
        self._cache: dict[tuple[str, int, str, str | None], Reply] = {}
        self._lock = threading.Lock()

    def build(
        self,
        operation: Operation,
        status: int,
        response: Response,
        media: MediaType | None,
        preferences: Preferences,
        request_key: str,
    ) -> Reply:
        if preferences.dynamic:
            seed = f"{self._seed}:{request_key}"
            return self._reply(operation, status, response, media, preferences, seed)
        key = (operation.pointer, status, media.name if media else "", preferences.example)
        cached = self._cache.get(key)
        if cached is None:
            seed = f"{self._seed}:{operation.pointer}:{status}"
            cached = self._reply(operation, status, response, media, preferences, seed)
            with self._lock:
                self._cache[key] = cached
        return Reply(cached.status, dict(cached.headers), cached.body, cached.events)

    def declared(self, operation: Operation, status: int) -> Reply | None:
        """The reply the operation documents for an error status, or None if it has none."""
        family = str(status)[0]
        for key in (str(status), f"{family}XX", f"{family}xx", "default"):
            response = operation.responses.get(key)
            if response is not None:
                media = list(response.media.values())
                media.sort(key=lambda m: not is_json(_concrete(m.name)))  # JSON first
                first = media[0] if media else None
                return self.build(operation, status, response, first, Preferences(), "")
        return None

    def _reply(
        self,
        operation: Operation,
        status: int,
        response: Response,
        media: MediaType | None,
        preferences: Preferences,
        seed: str,
    ) -> Reply:
        headers = {
            name: _header_text(self._header(h, seed))
            for name, h in response.headers.items()
            if name.lower() not in _FRAMING
        }
        if media is None or status in _NO_BODY:
            return Reply(status, headers)
        sent = _concrete(media.name)
        headers["Content-Type"] = sent
        base = essence(sent)
        if base == "text/event-stream":
            events = sse_events(self.generator, media.schema or {}, seed)
            return Reply(status, headers, events=tuple(events))
        if not (is_json(sent) or is_text(sent)):
            return Reply(status, headers, sample_file(base))
        value = self._value(media, preferences, seed, operation)
        if is_json(sent):
            return Reply(status, headers, json.dumps(value, ensure_ascii=False).encode())
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return Reply(status, headers, text.encode())

    def _value(
        self, media: MediaType, preferences: Preferences, seed: str, operation: Operation
    ) -> Any:
        node = media.node
        if preferences.example is not None:
            return deref(self._document, node["examples"][preferences.example]).get("value")
        if not preferences.dynamic:
            if "example" in node:
                return node["example"]
            for named in (node.get("examples") or {}).values():
                resolved = deref(self._document, named)
                if isinstance(resolved, dict) and "value" in resolved:
                    return resolved["value"]
        return self.generator.generate(media.schema or {}, seed, name=operation.operation_id)

    def _header(self, header: Header, seed: str) -> Any:
        return self.generator.generate(
            header.schema or {"type": "string"}, f"{seed}:{header.name}", name=header.name
        )

"""The importer for OpenAPI YAML that lost its indentation, or was collapsed onto one line.

Such text is still block YAML with every key and dash in place; only nesting is gone. It is
rebuilt by `search` under the OpenAPI grammar, twice: the first reading teaches the key order
the document keeps and what its schemas declare (`Habits`), the second uses it. A second
reading that moved much of the first one shows the first too wrong to learn from, so a third
learns from the second.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ...errors import MalformedSource
from ...report import Finding, Severity
from ..base import Imported, check_version
from .habits import Habits
from .search import BEAM, Failure, Reading, read
from .tokens import TEXT, Token, scan_flow, scan_quoted, tokenize

__all__ = ["LayoutDamaged"]

_GONE = object()

_VERSION = re.compile(r"(?:^|\s)(?:openapi|swagger):\s+['\"]?\d")
_LINE_VERSION = re.compile(r"^(?:openapi|swagger)\s*:", re.MULTILINE)
# A field that must hold an object, with an unindented key (not its child) on the next line.
_FLAT = re.compile(
    r"^(?:info|paths|components|webhooks)[ \t]*:[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[^\s#-]",
    re.MULTILINE,
)
# What a document must hold besides its version (collapsed text has nothing else to go by).
_CONTENT = re.compile(r"(?:^|\s)(?:paths|components|webhooks):\s")
FIRST_BEAM = 4
"""The first reading only teaches habits: a narrow beam will do."""
WIDENINGS = (1, 3, 9)
RELEARN = 0.1
"""The share of leaves the second reading moves beyond which a third one learns from it.
A first reading that knows no schema yet reads a large example written before its schema
(sorted keys put `example` before `properties`) as it can; on APIs.guru's documents, a
second reading moves up to 2 % of leaves where a third gains nothing, and 10 to 160 % where
it does (the Amadeus flight offers: 1,213 of 1,943 leaves misplaced after two readings,
615 after three)."""
RELAPSE = 0.1
"""Cost per token by which a third reading may exceed the second before the second is kept.
Habits that fit the text make its reading cheaper; a third reading that costs far more than
the one it learnt from shows that reading's habits misfit the text: a schema read wrong,
which the examples written for it then had to follow. On APIs.guru's documents, third
readings that cost more, up to 0.06 a token, gain or lose up to 95 leaves; at 0.12 and 0.18
they misplaced 1,050 and 1,166 leaves more (epa.gov's SDW, azure.com's App Service provider)."""


class LayoutDamaged:
    """Claims only damaged text: one line holding `openapi:` and its content, or lines where a
    field that must hold an object (`info:`, `paths:`) has an unindented key under it.
    Undamaged YAML and JSON are left to `OpenAPIDocument`."""

    name = "layout-damaged-yaml"

    def sniff(self, text: str) -> bool:
        body = text.strip()
        if not body or body[0] in "{[":
            return False
        if "\n" not in body:
            return bool(_VERSION.search(body) and _CONTENT.search(body))
        return bool(_LINE_VERSION.search(text) and _FLAT.search(text))

    def read(self, text: str, origin: str) -> Imported:
        collapsed = "\n" not in text.strip()
        tokens = tokenize(text, collapsed)
        if not tokens or tokens[-1].kind != TEXT:
            where = tokens[-1] if tokens else None
            raise MalformedSource(
                "the text ends without a value: it looks truncated"
                + (f" (near {_near(text, where)!r})" if where else ""),
                origin=origin,
                line=where.line if where else None,
                column=where.column if where else None,
            )
        try:
            with _collector_paused():
                reading = _best(text, tokens, collapsed)
        except Failure as failure:
            token = tokens[failure.position]
            what = f"{token.text!r} cannot be placed in any open object here"
            if _unclosed(text, token):
                what = f"the quoted scalar or flow collection {token.text!r} never closes"
            raise MalformedSource(
                f"{what} (near {_near(text, token)!r})",
                origin=origin,
                line=token.line,
                column=token.column,
            ) from None
        document = reading.document
        self._check(document, origin)
        form = "collapsed onto one line" if collapsed else "without indentation"
        findings = [
            Finding(
                "",
                "layout-restored",
                Severity.INFERRED,
                f"the YAML was {form}; its nesting was rebuilt from the OpenAPI grammar",
            )
        ]
        findings += [
            Finding(pointer, "layout-ambiguity", Severity.INFERRED, message)
            for pointer, message in reading.notes
        ]
        return Imported(document, findings)

    @staticmethod
    def _check(document: dict[str, Any], origin: str) -> None:
        check_version(document, origin)
        if not any(name in document for name in ("paths", "components", "webhooks")):
            raise MalformedSource(
                "the document has no paths, components or webhooks: it looks truncated",
                origin=origin,
                pointer="",
            )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The search makes millions of short-lived frames and tuples, none in a cycle: freed as
    they go, they only make the cyclic collector run, some 3 % of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _best(text: str, tokens: list[Token], collapsed: bool) -> Reading:
    """The reading kept: the second, or the third where the second moved much of the first
    and the third does not cost much more."""
    first = _first(text, tokens, collapsed)
    reading = _learning(text, tokens, collapsed, first)
    if reading is not first and _moved(first.document, reading.document) > RELEARN:
        third = _learning(text, tokens, collapsed, reading)
        if third.cost - reading.cost <= RELAPSE * len(tokens):
            reading = third
    return reading


def _first(text: str, tokens: list[Token], collapsed: bool) -> Reading:
    """The reading that teaches habits: with none, or else assuming sorted keys."""
    try:
        return _widening(text, tokens, collapsed, Habits(), FIRST_BEAM)
    except Failure:
        return _widening(text, tokens, collapsed, Habits.sorted(), FIRST_BEAM)


def _learning(text: str, tokens: list[Token], collapsed: bool, teacher: Reading) -> Reading:
    """The reading with the habits `teacher` shows; `teacher` itself if there is none."""
    try:
        return _widening(text, tokens, collapsed, Habits.of(teacher.document), BEAM)
    except Failure:
        return teacher


def _moved(before: dict[str, Any], after: dict[str, Any]) -> float:
    """The share of the leaves of `after` that `before` does not have in the same place.
    Walked without recursion: a reading can nest deeper than Python's recursion allows."""
    moved = total = 0
    pending: list[tuple[Any, Any]] = [(before, after)]
    while pending:
        old, new = pending.pop()
        if isinstance(new, dict) and new:
            known = old if isinstance(old, dict) else {}
            pending.extend((known.get(key, _GONE), value) for key, value in new.items())
        elif isinstance(new, list) and new:
            items = old if isinstance(old, list) else []
            pending.extend(
                (items[i] if i < len(items) else _GONE, value) for i, value in enumerate(new)
            )
        else:
            moved += old != new or type(old) is not type(new)
            total += 1
    return moved / max(total, 1)


def _widening(
    text: str, tokens: list[Token], collapsed: bool, habits: Habits, beam: int
) -> Reading:
    """The best reading, the beam widened if it loses every reading on the way (the one
    that fits can look worst for a while, until later keys speak for it)."""
    for widening in WIDENINGS[:-1]:
        try:
            return read(text, tokens, collapsed, habits, beam * widening)
        except Failure:
            continue
    return read(text, tokens, collapsed, habits, beam * WIDENINGS[-1])


def _near(text: str, token: Token) -> str:
    """The text around `token`, on one line, for an error message."""
    return text[max(0, token.start - 60) : token.end + 20].replace("\n", " ")


def _unclosed(text: str, token: Token) -> bool:
    """Whether `token` opens a quoted scalar or flow collection that never closes."""
    if token.kind != TEXT or token.text[0] not in "'\"[{":
        return False
    scan = scan_quoted if token.text[0] in "'\"" else scan_flow
    return scan(text, token.start) is None

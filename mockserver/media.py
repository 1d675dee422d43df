"""Media types: parsing `Content-Type`, matching declared ranges, and negotiating `Accept`."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["best_match", "essence", "is_json", "is_text", "match_declared", "quality_values"]


def essence(content_type: str) -> str:
    """`application/json; charset=utf-8` -> `application/json`."""
    return content_type.split(";", 1)[0].strip().lower()


def is_json(media_type: str) -> bool:
    base = essence(media_type)
    return base == "application/json" or base.endswith("+json")


def is_text(media_type: str) -> bool:
    base = essence(media_type)
    return base.startswith("text/") or base in ("application/xml", "application/yaml")


def match_declared(content_type: str, declared: Iterable[str]) -> str | None:
    """The declared media type (maybe a range like `image/*`) that covers `content_type`."""
    base = essence(content_type)
    options = {essence(d): d for d in declared}
    major = base.split("/", 1)[0]
    for candidate in (base, f"{major}/*", "*/*"):
        if candidate in options:
            return options[candidate]
    return None


def quality_values(header: str) -> list[tuple[str, float]]:
    """`a;q=0.5, b` -> [("a", 0.5), ("b", 1.0)]: an `Accept`-style list with its weights."""
    ranges = []
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        quality = 1.0
        for parameter in pieces[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((pieces[0].lower(), quality))
    return ranges


def _covers(media_range: str, media_type: str) -> int:
    """How specifically a range covers a type: 3 exact, 2 `type/*`, 1 `*/*`, 0 not at all."""
    base = essence(media_type)
    if media_range == base:
        return 3
    if media_range.endswith("/*") and base.split("/", 1)[0] == media_range[:-2]:
        return 2
    if media_range == "*/*" or base == "*/*":
        return 1
    return 0


def best_match(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the client prefers, by RFC 9110 rules; None if none is acceptable.

    Without an `Accept` header everything is acceptable and the first offer wins.
    """
    if not offered:
        return None
    if not accept or not accept.strip():
        return offered[0]
    ranges = quality_values(accept)
    best: tuple[float, int, int] | None = None
    chosen = None
    for index, media_type in enumerate(offered):
        scores = [(q, _covers(r, media_type)) for r, q in ranges if _covers(r, media_type)]
        if not scores:
            continue
        quality, specificity = max(scores, key=lambda s: (s[1], s[0]))
        if quality <= 0:
            continue
        key = (quality, specificity, -index)
        if best is None or key > best:
            best, chosen = key, media_type
    return chosen

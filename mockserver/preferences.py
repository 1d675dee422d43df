"""Prism's `Prefer` header, so that users switching from Prism keep their tests.

`Prefer: code=404`, `Prefer: example=not-found`, `Prefer: dynamic=true`, combined with commas
or spread over several headers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Preferences", "parse_prefer"]


@dataclass(frozen=True)
class Preferences:
    code: str | None = None
    example: str | None = None
    dynamic: bool = False


def parse_prefer(values: Iterable[str]) -> Preferences:
    found: dict[str, str] = {}
    for value in values:
        for part in value.split(","):
            name, _, setting = part.strip().partition("=")
            if name:
                found[name.strip().lower()] = setting.strip().strip('"')
    return Preferences(
        code=found.get("code") or None,
        example=found.get("example") or None,
        dynamic=found.get("dynamic", "").lower() == "true",
    )

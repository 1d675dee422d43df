"""What an importer is: a recognizer and a reader for one source format."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..errors import MalformedSource
from ..report import Finding

__all__ = ["Embedded", "Imported", "Importer", "check_version"]

_SUPPORTED = re.compile(r"3\.[01](?:\.\d+)?")


@dataclass
class Imported:
    """An OpenAPI document read from a source, with what the reading noticed."""

    document: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Embedded:
    """A source that only carries other files (a diff, an archive): read one of those next.

    `members` are (name, text) pairs in the order the source holds them.
    """

    members: list[tuple[str, str]]


class Importer(Protocol):
    """One source format. `sniff` must be cheap and must not raise."""

    name: str

    def sniff(self, text: str) -> bool: ...

    def read(self, text: str, origin: str) -> Imported | Embedded: ...


def check_version(document: dict[str, Any], origin: str) -> None:
    """Refuse what is not OpenAPI 3.0 or 3.1, and keep the version a string (YAML may have
    read `3.0` as a number)."""
    version = str(document.get("openapi", document.get("swagger", "")))
    if not _SUPPORTED.fullmatch(version):
        raise MalformedSource(
            f"OpenAPI version {version!r} is not supported; expected 3.0.x or 3.1.x",
            origin=origin,
            pointer="/openapi" if "openapi" in document else "/swagger",
        )
    document["openapi"] = version

"""What an importer is: a recognizer and a reader for one source format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..report import Finding

__all__ = ["Embedded", "Imported", "Importer"]


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

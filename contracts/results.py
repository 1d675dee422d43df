"""What a conformance run found: counts per operation and check, and each distinct failure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["Counts", "Failure", "VerifyResult"]


class Counts(NamedTuple):
    passed: int
    failed: int


@dataclass(frozen=True)
class Failure:
    """One distinct way the server (or the spec) breaks the contract, with a reproduction."""

    operation: str
    """Label such as `GET /assets/{assetId}`."""
    check: str
    """Schemathesis' check name, e.g. `status_code_conformance`."""
    title: str
    message: str
    curl: str
    status: int | None = None
    phase: str = ""

    @property
    def reason(self) -> str:
        """The message's first line: short enough for a table row."""
        return (self.message.strip().splitlines() or [self.title])[0]

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.operation, self.check, self.title, self.reason)


@dataclass
class VerifyResult:
    operations: dict[str, dict[str, Counts]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    """The server's failures, one per distinct (operation, check, reason)."""
    spec_defects: list[Failure] = field(default_factory=list)
    """Failures the spec forces on any server (see `defects`)."""
    errors: list[str] = field(default_factory=list)
    """Operations Schemathesis could not test, and why."""
    inferred_links: int = 0
    elapsed: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failures or self.errors else 0

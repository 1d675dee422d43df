"""Findings: what normalization repaired, guessed or could not repair, and where."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Finding", "Report", "Severity"]


class Severity(enum.StrEnum):
    REPAIRED = "repaired"
    """The document said something invalid; it was changed and the original kept."""
    INFERRED = "inferred"
    """Something the document did not say was filled in."""
    UNREPAIRED = "unrepaired"
    """A fault that remains: the user has to look at it."""
    DEFECT = "defect"
    """The spec contradicts itself in a way no rewrite can settle without inventing contract;
    tools that test against it are told (the conformance suite reports it as the spec's)."""


@dataclass(frozen=True, order=True)
class Finding:
    """One thing normalization did or saw, at a JSON pointer of the normalized document."""

    pointer: str
    code: str
    severity: Severity
    message: str

    def to_dict(self) -> dict[str, str]:
        return {
            "pointer": self.pointer,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }

    def __str__(self) -> str:
        return f"{self.severity.value:<10} {self.code:<24} {self.pointer or '/'}: {self.message}"


@dataclass
class Report:
    """The findings of one normalization, kept in a stable order."""

    origin: str
    findings: list[Finding] = field(default_factory=list)

    def add(self, pointer: str, code: str, severity: Severity, message: str) -> None:
        self.findings.append(Finding(pointer, code, severity, message))

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(sorted(self.findings))

    def __len__(self) -> int:
        return len(self.findings)

    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    def summary(self) -> str:
        if not self.findings:
            return f"{self.origin}: nothing to repair"
        by_severity = Counter(f.severity.value for f in self.findings)
        parts = ", ".join(f"{by_severity[s.value]} {s.value}" for s in Severity if by_severity[s])
        return f"{self.origin}: {len(self.findings)} findings ({parts})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "counts": self.counts(),
            "findings": [f.to_dict() for f in self],
        }

"""RFC 9457 problem details: every refusal of the mock, with each violation and its location."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

__all__ = ["PROBLEM_JSON", "Problem", "Violation"]

PROBLEM_JSON = "application/problem+json"
_TYPE_BASE = "https://specmock.dev/problems/"


@dataclass(frozen=True)
class Violation:
    """One way a request breaks the contract. `location` reads like `body/messages/0/role`."""

    location: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"location": self.location, "message": self.message}


@dataclass
class Problem:
    status: int
    kind: str
    """Short slug naming the problem type, e.g. `invalid-request`."""
    detail: str
    violations: list[Violation] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return HTTPStatus(self.status).phrase

    def to_dict(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": _TYPE_BASE + self.kind,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if instance is not None:
            body["instance"] = instance
        if self.violations:
            body["errors"] = [v.to_dict() for v in self.violations]
        return body

    def to_json(self, instance: str | None = None) -> bytes:
        return json.dumps(self.to_dict(instance), ensure_ascii=False).encode()

"""Failures that no server could avoid: the spec contradicts itself.

An operation that declares no 4xx response (and no `default`) leaves a correct server two
choices when it gets invalid input or no credentials: accept it (failing negative-data or auth
checks) or answer an undocumented status (failing status-code conformance). The second is
reported as the spec's defect, not the server's; the normalizer's report names the same
operations (`no-client-error-response`). The same holds for an operation that declares client
errors but none that says "invalid input" (400, 422) or "missing credentials" (401, 403)
(`no-invalid-input-response`, `no-unauthorized-response`).
"""

from __future__ import annotations

from typing import Any

from specs.normalize import documents_refusal

__all__ = ["is_spec_defect"]


def is_spec_defect(check: str, status: int | None, responses: dict[str, Any]) -> bool:
    """Whether a failure of `check` with this response status is forced by the spec."""
    return (
        check == "status_code_conformance"
        and status is not None
        and 400 <= status < 500
        and not documents_refusal(status, responses)
    )

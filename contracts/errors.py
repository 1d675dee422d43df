"""Errors of the conformance suite: what stops a run before it starts, said in one line.

ContractsError
├── InvalidOptions      an option or config value is wrong (which, and why)
└── ServerUnreachable   the base URL does not answer
"""

from __future__ import annotations

__all__ = ["ContractsError", "InvalidOptions", "ServerUnreachable"]


class ContractsError(Exception):
    """Root of the conformance suite's errors."""


class InvalidOptions(ContractsError):
    """An option, or a value in the `[tool.specmock.verify]` config, is not usable."""


class ServerUnreachable(ContractsError):
    """Nothing answers at the base URL."""

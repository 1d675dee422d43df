"""Errors of the mock server. A request that breaks the contract is not an error here: it is
answered with a `Problem`. These are for what stops the mock from serving at all.

    MockError
    └── MountError        a spec cannot be served (start-up)
"""

from __future__ import annotations

__all__ = ["MockError", "MountError"]


class MockError(Exception):
    """Root of the mock server's errors."""


class MountError(MockError):
    """A spec cannot be mounted: the message says which and why."""

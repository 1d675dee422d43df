"""Errors of the mock server. A request that breaks the contract is not an error here: it is
answered with a `Problem`. These are for what stops the mock from serving at all.

    MockError
    ├── MountError        a spec cannot be served (start-up)
    └── ReferenceFailure  openapi-core itself fails on a request (the fast path takes over)
"""

from __future__ import annotations

__all__ = ["MockError", "MountError", "ReferenceFailure"]


class MockError(Exception):
    """Root of the mock server's errors."""


class MountError(MockError):
    """A spec cannot be mounted: the message says which and why."""


class ReferenceFailure(MockError):
    """openapi-core raised instead of validating, e.g. on an OpenAPI 3.1 type list in a
    parameter's schema, which its style deserializers read as a single string."""

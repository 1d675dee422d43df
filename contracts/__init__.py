"""Conformance checks: fuzz a live implementation of a spec with Schemathesis and report
every way it breaks the contract, separating the spec's own defects from the server's.

    from contracts import VerifyOptions, verify
    result = verify("scenario", VerifyOptions(base_url="http://127.0.0.1:8000/v1"))
    result.failures, result.spec_defects, result.exit_code
"""

from __future__ import annotations

from .errors import ContractsError, InvalidOptions, ServerUnreachable
from .links import infer_links
from .options import ALL_CHECKS, PHASES, VerifyOptions, parse_header, read_pyproject
from .results import Counts, Failure, VerifyResult
from .runner import Progress, verify

__all__ = [
    "ALL_CHECKS",
    "PHASES",
    "ContractsError",
    "Counts",
    "Failure",
    "InvalidOptions",
    "Progress",
    "ServerUnreachable",
    "VerifyOptions",
    "VerifyResult",
    "infer_links",
    "parse_header",
    "read_pyproject",
    "verify",
]

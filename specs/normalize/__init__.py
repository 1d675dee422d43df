"""Normalization: any imported OpenAPI 3.x document turned into the one form the rest consumes.

The passes run in a fixed order, each on the result of the one before: the 3.1 upgrade first
(later passes validate with 3.1 semantics), then references (values are checked against
schemas that resolve), operations, and values. Last, keys are put in canonical order.
"""

from __future__ import annotations

import copy
from typing import Any

from ..grammar import canonicalize
from ..report import Report
from .operations import (
    IGNORED_PARAMETERS,
    complete_operations,
    declares_client_errors,
    derive_operation_id,
    documents_refusal,
    iter_operations,
    refusal_status,
)
from .references import repair_references
from .upgrade import TARGET_VERSION, upgrade
from .values import SchemaChecker, repair_values

__all__ = [
    "IGNORED_PARAMETERS",
    "TARGET_VERSION",
    "SchemaChecker",
    "declares_client_errors",
    "derive_operation_id",
    "documents_refusal",
    "iter_operations",
    "normalize",
    "refusal_status",
]

_PASSES = (upgrade, repair_references, complete_operations, repair_values)


def normalize(document: dict[str, Any], report: Report) -> dict[str, Any]:
    """The normalized copy of `document`; what was changed goes into `report`."""
    result = copy.deepcopy(document)
    for step in _PASSES:
        step(result, report)
    canonical: dict[str, Any] = canonicalize(result)
    return canonical

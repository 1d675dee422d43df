"""Conformance checks as pytest items: one per operation of the spec.

Schemathesis tests a whole spec far faster than one operation at a time (and its stateful
phase needs them together), so the first item to run starts one run for every selected
operation, and each item reports the failures on its own operation. Under pytest-xdist each
worker makes that run for itself; the items are the same on every worker.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import pytest

import specs
from specs.grammar import HTTP_METHODS

from .options import VerifyOptions
from .results import Failure, VerifyResult
from .runner import verify

__all__ = [
    "ConformanceFailure",
    "ConformanceItem",
    "ConformanceRun",
    "ConformanceSettings",
    "conformance_items",
]


@dataclass(frozen=True)
class ConformanceSettings:
    base_url: str
    spec: str
    headers: dict[str, str] = field(default_factory=dict)
    max_examples: int = 10
    seed: int | None = None


class ConformanceFailure(AssertionError):
    """The server broke the contract; the message lists each failure with its reproduction."""

    def __init__(self, failures: list[Failure]) -> None:
        self.failures = failures
        lines = []
        for index, failure in enumerate(failures, start=1):
            lines.append(f"{index}. [{failure.check}] {failure.title}: {failure.reason}")
            lines += [f"   {line}" for line in failure.curl.splitlines()]
        super().__init__("\n".join(lines))


class ConformanceRun:
    """One `verify` run over the selected operations, made when first needed."""

    def __init__(self, settings: ConformanceSettings, document: dict[str, Any]) -> None:
        self.settings = settings
        self.document = document
        self.selected: list[str] = []
        """operationIds of the items pytest kept after deselection."""
        self._result: VerifyResult | None = None
        self._lock = threading.Lock()

    def result(self) -> VerifyResult:
        with self._lock:
            if self._result is None:
                options = VerifyOptions(
                    base_url=self.settings.base_url,
                    headers=dict(self.settings.headers),
                    include={"operation_id": sorted(set(self.selected))},
                    max_examples=self.settings.max_examples,
                    seed=self.settings.seed,
                )
                self._result = verify(self.document, options)
            return self._result


class ConformanceItem(pytest.Item):
    """The conformance checks of `specmock verify`, as they concern one operation."""

    def __init__(self, *, run: ConformanceRun, operation_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.run = run
        self.operation_id = operation_id

    def runtest(self) -> None:
        result = self.run.result()
        for defect in result.spec_defects:
            if defect.operation == self.name:
                self.add_report_section("call", "spec defect", f"{defect.title}: {defect.reason}")
        failures = [f for f in result.failures if f.operation == self.name]
        failures += [
            Failure(self.name, "error", "could not be tested", error, "")
            for error in result.errors
            if error.startswith(self.name + ":")
        ]
        if failures:
            raise ConformanceFailure(failures)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ConformanceFailure):
            return f"{self.name} breaks the contract:\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[str, int | None, str]:
        return self.run.settings.spec, None, f"conformance of {self.name}"


def conformance_items(
    parent: pytest.Collector, settings: ConformanceSettings
) -> list[ConformanceItem]:
    """The items, sorted, so that every xdist worker collects the same ones."""
    document = specs.load(settings.spec)
    run = ConformanceRun(settings, document)
    items = []
    for path, item in sorted((document.get("paths") or {}).items()):
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if isinstance(operation, dict):
                items.append(
                    ConformanceItem.from_parent(
                        parent,
                        name=f"{method.upper()} {path}",
                        run=run,
                        operation_id=operation["operationId"],
                    )
                )
    return items

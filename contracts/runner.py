"""Runs Schemathesis' engine in-process on a normalized spec and collects what it finds."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests
import schemathesis
from schemathesis.config import ConfigError, SchemathesisConfig
from schemathesis.engine import events, from_schema
from schemathesis.reporting.har import HarWriter

import specs
from specs.grammar import HTTP_METHODS

from .defects import is_spec_defect
from .errors import InvalidOptions, ServerUnreachable
from .forms import drop_unsendable_form_cases
from .links import infer_links
from .options import VerifyOptions
from .results import Counts, Failure, VerifyResult

__all__ = ["Progress", "verify"]

Progress = Callable[[str, str, str], None]
"""Called as (phase, operation label, status) when a test scenario finishes."""


def _responses_by_label(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        f"{method.upper()} {path}": item[method].get("responses") or {}
        for path, item in (document.get("paths") or {}).items()
        for method in HTTP_METHODS
        if isinstance(item, dict) and isinstance(item.get(method), dict)
    }


def _check_reachable(url: str, timeout: float) -> None:
    try:
        requests.get(url, timeout=timeout, allow_redirects=False)
    except requests.RequestException as error:
        reason = type(error).__name__
        raise ServerUnreachable(f"nothing answers at {url} ({reason})") from None


def _load(
    spec: str | Path | dict[str, Any], options: VerifyOptions
) -> tuple[Any, SchemathesisConfig, dict[str, Any], int]:
    document = spec if isinstance(spec, dict) else specs.load(spec)
    document, inferred = infer_links(document)
    try:
        config = SchemathesisConfig.from_dict(options.schemathesis_config())
    except ConfigError as error:
        raise InvalidOptions(str(error).splitlines()[0]) from None
    schema: Any = schemathesis.openapi.from_dict(document, config=config)
    # Each include narrows the selection further; each exclude removes more.
    for name, values in options.include.items():
        schema = schema.include(**{name: values})
    for name, values in options.exclude.items():
        schema = schema.exclude(**{name: values})
    drop_unsendable_form_cases(schema)
    return schema, config, document, inferred


class _Collector:
    """Folds the engine's events into a `VerifyResult`."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.result = VerifyResult()
        self._responses = _responses_by_label(document)
        self._seen: set[tuple[str, str, str, str]] = set()

    def scenario(self, phase: str, recorder: Any) -> None:
        for case_id, checks in recorder.checks.items():
            node = recorder.cases.get(case_id)
            label = node.value.operation.label if node is not None else recorder.label
            counts = self.result.operations.setdefault(label, {})
            for check in checks:
                passed, failed = counts.get(check.name, Counts(0, 0))
                info = check.failure_info
                counts[check.name] = Counts(passed + (info is None), failed + (info is not None))
                if info is not None:
                    self._failure(
                        phase, label, check.name, info, recorder.interactions.get(case_id)
                    )

    def _failure(self, phase: str, label: str, check: str, info: Any, interaction: Any) -> None:
        response = getattr(interaction, "response", None)
        status = getattr(response, "status_code", None)
        failure = Failure(
            operation=label,
            check=check,
            title=info.failure.title,
            message=info.failure.message or info.failure.title,
            curl=info.code_sample or "",
            status=status,
            phase=phase,
        )
        if failure.key in self._seen:
            return
        self._seen.add(failure.key)
        defect = is_spec_defect(check, status, self._responses.get(label, {}))
        (self.result.spec_defects if defect else self.result.failures).append(failure)


def verify(
    spec: str | Path | dict[str, Any],
    options: VerifyOptions,
    *,
    progress: Progress | None = None,
) -> VerifyResult:
    """Fuzz the server at `options.base_url` against `spec` (a bundled name, a file, or a
    normalized document) with every phase and check asked for."""
    schema, config, document, inferred = _load(spec, options)
    _check_reachable(options.base_url, options.timeout)
    collector = _Collector(document)
    collector.result.inferred_links = inferred
    har = HarWriter(options.reports["har"], config.output) if "har" in options.reports else None
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        if har is not None:
            har.open()
            stack.callback(har.close)
        for event in from_schema(schema).execute():
            if isinstance(event, events.ScenarioFinished):
                collector.scenario(str(event.phase), event.recorder)
                if har is not None:
                    har.write(event.recorder)
                if progress is not None:
                    progress(str(event.phase), event.recorder.label, str(event.status))
            elif isinstance(event, events.NonFatalError):
                collector.result.errors.append(f"{event.label}: {event.info.message}")
            elif isinstance(event, events.FatalError):
                raise InvalidOptions(f"Schemathesis stopped: {event.exception}")
    collector.result.elapsed = time.monotonic() - started
    return collector.result

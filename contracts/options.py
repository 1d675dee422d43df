"""What a conformance run is asked to do, and its translation into Schemathesis' config.

The same keys work on the command line and in a `[tool.specmock.verify]` table of
`pyproject.toml`; the command line wins.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import InvalidOptions

__all__ = ["ALL_CHECKS", "PHASES", "VerifyOptions", "parse_header", "read_pyproject"]

# Every check Schemathesis has that needs no extra setup, in its CLI names.
ALL_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "ignored_auth",
    "use_after_free",
    "ensure_resource_availability",
)
PHASES = ("examples", "coverage", "fuzzing", "stateful")
_FILTERS = ("path", "method", "tag", "operation_id")
_RATE = re.compile(r"^\d+/(?:s|m|h)$")


@dataclass
class VerifyOptions:
    base_url: str
    headers: dict[str, str] = field(default_factory=dict)
    include: dict[str, list[str]] = field(default_factory=dict)
    """Filter name (path, method, tag, operation_id) -> values; an operation must match."""
    exclude: dict[str, list[str]] = field(default_factory=dict)
    max_examples: int = 20
    seed: int | None = None
    workers: int = 1
    max_response_time: float | None = None
    """Seconds; slower responses fail the `max_response_time` check."""
    checks: tuple[str, ...] = ALL_CHECKS
    phases: tuple[str, ...] = PHASES
    rate_limit: str | None = None
    """Like `10/s` or `600/m`."""
    timeout: float = 10.0
    continue_on_failure: bool = False
    """Keep testing an operation after its first failure, to find every distinct one."""
    reports: dict[str, Path] = field(default_factory=dict)
    """Format (junit, json, har) -> where to write it."""

    def __post_init__(self) -> None:
        unknown = sorted(set(self.checks) - set(ALL_CHECKS))
        if unknown:
            raise InvalidOptions(f"unknown check {unknown[0]!r}; known: {', '.join(ALL_CHECKS)}")
        unknown = sorted(set(self.phases) - set(PHASES))
        if unknown:
            raise InvalidOptions(f"unknown phase {unknown[0]!r}; known: {', '.join(PHASES)}")
        for table in (self.include, self.exclude):
            for name in table:
                if name not in _FILTERS:
                    raise InvalidOptions(f"unknown filter {name!r}; known: {', '.join(_FILTERS)}")
        if self.rate_limit is not None and not _RATE.match(self.rate_limit):
            raise InvalidOptions(
                f"rate limit {self.rate_limit!r} is not like 10/s, 600/m or 1000/h"
            )
        if not re.match(r"^https?://[^/]", self.base_url):
            raise InvalidOptions(f"base URL {self.base_url!r} is not an http(s) URL")
        bad = sorted(set(self.reports) - {"junit", "json", "har"})
        if bad:
            raise InvalidOptions(f"unknown report format {bad[0]!r}; known: junit, json, har")

    def schemathesis_config(self) -> dict[str, Any]:
        """The run's settings in `schemathesis.toml` form, for `SchemathesisConfig.from_dict`."""
        checks: dict[str, Any] = {"enabled": False}
        checks.update({name: {"enabled": True} for name in self.checks})
        if self.max_response_time is not None:
            checks["max_response_time"] = self.max_response_time
        config: dict[str, Any] = {
            # No crash cache: a run is reproduced by its seed, and leaves no files behind.
            "cache": {"enabled": False},
            "base-url": self.base_url.rstrip("/"),
            "headers": dict(self.headers),
            "workers": self.workers,
            "request-timeout": self.timeout,
            "continue-on-failure": self.continue_on_failure,
            "generation": {"max-examples": self.max_examples},
            "checks": checks,
            "phases": {phase: {"enabled": phase in self.phases} for phase in PHASES},
        }
        if "stateful" in self.phases:
            config["phases"]["stateful"]["inference"] = {
                "algorithms": ["location-headers", "dependency-analysis"]
            }
        if self.seed is not None:
            config["seed"] = self.seed
        if self.rate_limit is not None:
            config["rate-limit"] = self.rate_limit
        return config


def parse_header(text: str) -> tuple[str, str]:
    """`Name: value` -> (name, value); `$VAR` or `${VAR}` in the value reads the environment.

    Secrets then stay out of shell history and CI logs: `--header 'Authorization: $TOKEN'`.
    """
    name, separator, value = text.partition(":")
    if not separator or not name.strip():
        raise InvalidOptions(f"header {text!r} is not like 'Name: value'")

    def expand(match: re.Match[str]) -> str:
        variable = match.group(1) or match.group(2)
        if variable not in os.environ:
            raise InvalidOptions(f"header {name.strip()!r} uses ${variable}, which is not set")
        return os.environ[variable]

    value = re.sub(r"\$\{(\w+)\}|\$(\w+)", expand, value.strip())
    return name.strip(), value


def read_pyproject(path: Path) -> dict[str, Any]:
    """The `[tool.specmock.verify]` table, keys with dashes turned into option names."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise InvalidOptions(f"{path}: {error}") from None
    table = data.get("tool", {}).get("specmock", {}).get("verify", {})
    known = {f.name for f in fields(VerifyOptions)} | {"spec"}
    result = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise InvalidOptions(f"{path}: [tool.specmock.verify] has unknown key {key!r}")
        result[name] = value
    return result

"""OpenAPI 3.0 / 3.1 documents written as JSON or YAML."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from ..errors import MalformedSource
from ..report import Finding, Severity
from ..yamlio import load_yaml
from .base import Imported, check_version

__all__ = ["OpenAPIDocument"]

_JSON_VERSION_KEY = re.compile(r'"(?:openapi|swagger)"\s*:')
_YAML_VERSION_KEY = re.compile(r"^(?:openapi|swagger)\s*:", re.MULTILINE)


class _DuplicateKeys:
    """JSON allows repeated keys and keeps the last; that loses data, so it is reported."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                self.keys.append(key)
            result[key] = value
        return result


def _string_keys(value: Any) -> Any:
    """YAML reads `200:` as an integer key; every key of an OpenAPI document is a string."""
    if isinstance(value, dict):
        return {
            (k if isinstance(k, str) else json.dumps(k)): _string_keys(v) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_string_keys(item) for item in value]
    return value


class OpenAPIDocument:
    name = "openapi"

    def sniff(self, text: str) -> bool:
        head = text.lstrip()
        if head.startswith("{"):
            return bool(_JSON_VERSION_KEY.search(text))
        return bool(_YAML_VERSION_KEY.search(text))

    def read(self, text: str, origin: str) -> Imported:
        findings: list[Finding] = []
        if text.lstrip().startswith("{"):
            duplicates = _DuplicateKeys()
            document = self._parse_json(text, origin, duplicates)
            findings += [
                Finding("", "duplicate-key", Severity.UNREPAIRED, f"key {k!r} repeats; last kept")
                for k in duplicates.keys
            ]
        else:
            document = _string_keys(self._parse_yaml(text, origin))
        if not isinstance(document, dict):
            raise MalformedSource(
                f"expected a mapping at the top level, found {type(document).__name__}",
                origin=origin,
                pointer="",
            )
        check_version(document, origin)
        return Imported(document, findings)

    @staticmethod
    def _parse_json(text: str, origin: str, hook: _DuplicateKeys) -> Any:
        try:
            return json.loads(text, object_pairs_hook=hook)
        except json.JSONDecodeError as error:
            raise MalformedSource(
                f"invalid JSON: {error.msg}", origin=origin, line=error.lineno, column=error.colno
            ) from None
        except RecursionError:
            raise MalformedSource("JSON nested too deeply to read", origin=origin) from None

    @staticmethod
    def _parse_yaml(text: str, origin: str) -> Any:
        try:
            return load_yaml(text)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            problem = " ".join(filter(None, [error.context, error.problem]))
            raise MalformedSource(
                f"invalid YAML: {problem}",
                origin=origin,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
            ) from None
        except yaml.YAMLError as error:
            raise MalformedSource(f"invalid YAML: {error}", origin=origin) from None

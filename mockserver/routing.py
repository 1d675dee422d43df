"""Path templates compiled once; a request path matched to its operations in one pass.

OpenAPI says a concrete path wins over a templated one (`/users/me` before `/users/{id}`), so
templates are tried in order of specificity: more literal segments first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from .operations import Operation

__all__ = ["Match", "Router"]

_VARIABLE = re.compile(r"\{([^{}/]+)\}")


@dataclass(frozen=True)
class Match:
    template: str
    parameters: dict[str, str]
    operations: dict[str, Operation]

    @property
    def allowed(self) -> list[str]:
        return sorted({method.upper() for method in self.operations} | {"OPTIONS"})


@dataclass(frozen=True)
class _Route:
    template: str
    pattern: re.Pattern[str]
    names: tuple[str, ...]
    operations: dict[str, Operation]


def _compile(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    names: list[str] = []
    parts: list[str] = []
    position = 0
    for variable in _VARIABLE.finditer(template):
        parts.append(re.escape(template[position : variable.start()]))
        parts.append("([^/]+)")
        names.append(variable.group(1))
        position = variable.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts) + "/?"), tuple(names)


def _specificity(template: str) -> tuple[int, int, str]:
    segments = template.strip("/").split("/")
    literal = sum(1 for s in segments if not _VARIABLE.search(s))
    return (-literal, -len(_VARIABLE.sub("", template)), template)


class Router:
    def __init__(self, operations: list[Operation]) -> None:
        by_path: dict[str, dict[str, Operation]] = {}
        for operation in operations:
            by_path.setdefault(operation.path, {})[operation.method] = operation
        routes = []
        for template in sorted(by_path, key=_specificity):
            pattern, names = _compile(template)
            routes.append(_Route(template, pattern, names, by_path[template]))
        # Bucket by segment count: a path can only match templates with as many segments.
        self._buckets: dict[int, list[_Route]] = {}
        for route in routes:
            self._buckets.setdefault(route.template.strip("/").count("/"), []).append(route)

    def match(self, path: str) -> Match | None:
        """The route of a raw (still percent-encoded) request path, or None."""
        for route in self._buckets.get(path.strip("/").count("/"), ()):
            found = route.pattern.fullmatch(path)
            if found:
                values = {n: unquote(v) for n, v in zip(route.names, found.groups(), strict=True)}
                return Match(route.template, values, route.operations)
        return None

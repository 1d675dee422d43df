"""Security: schemes from `# Authentication`, requirements from each operation's aside.

Only API keys show their scheme's name; HTTP and OAuth 2 schemes are nameless on the page,
so they take, in page order, the names the operations' asides use that no API key has.
"""

from __future__ import annotations

import re
from typing import Any

from ...pointers import join
from ...report import Finding, Severity
from .page import Page

__all__ = ["security_of"]

_SCOPES = re.compile(r"^(.*?)\s*\(\s*Scopes:\s*(.*?)\s*\)$")
_NONE = "None"


def security_of(
    page: Page, findings: list[Finding]
) -> tuple[dict[str, Any], dict[int, list[dict[str, list[str]]]]]:
    """The security schemes by name, and each operation's requirements by its heading line."""
    requirements = {
        part.line: _requirements(part.security)
        for part in page.operations
        if part.security is not None
    }
    schemes: dict[str, Any] = {}
    named = {name for name, _ in page.schemes if name}
    used = [
        name
        for alternatives in requirements.values()
        for requirement in alternatives
        for name in requirement
    ]
    spare = [name for name in dict.fromkeys(used) if name not in named]
    for shown, scheme in page.schemes:
        name = shown
        if name is None:
            name = spare.pop(0) if spare else f"{scheme['type']}{len(schemes) + 1}"
            message = (
                f"the page does not name this {scheme['type']} scheme: named by the operations"
            )
            findings.append(
                Finding(
                    join("/components/securitySchemes", name),
                    "inferred-scheme-name",
                    Severity.INFERRED,
                    message,
                )
            )
        schemes[name] = scheme
    for line, alternatives in requirements.items():
        for requirement in alternatives:
            for name in [n for n in requirement if n not in schemes]:
                del requirement[name]
                message = f"line {line}: security scheme {name!r} is not described; dropped"
                findings.append(
                    Finding(
                        "/components/securitySchemes",
                        "unknown-scheme",
                        Severity.UNREPAIRED,
                        message,
                    )
                )
        requirements[line] = _unique(alternatives)
    return schemes, requirements


def _requirements(text: str | None) -> list[dict[str, list[str]]]:
    """`A, B & C ( Scopes: read )` -> [{A: []}, {B: [], C: [read]}]; `None` is no
    authentication (an empty requirement)."""
    if not text:
        return []
    alternatives: list[dict[str, list[str]]] = []
    for alternative in text.split(", "):
        requirement: dict[str, list[str]] = {}
        for item in alternative.split(" & "):
            scopes = _SCOPES.match(item.strip())
            name = scopes.group(1) if scopes else item.strip()
            if name and name != _NONE:
                requirement[name] = scopes.group(2).split() if scopes else []
        alternatives.append(requirement)
    return alternatives


def _unique(alternatives: list[dict[str, list[str]]]) -> list[dict[str, list[str]]]:
    seen: list[dict[str, list[str]]] = []
    for requirement in alternatives:
        if requirement not in seen:
            seen.append(requirement)
    return seen

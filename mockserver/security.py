"""Whether a request carries the credentials an operation's security requirements ask for.

A mock cannot check a real token. By default any credential of the right shape is accepted;
given a set of known credentials it accepts only those, so a client (or a fuzzer that sends
made-up tokens) sees the 401 the real API would answer.
"""

from __future__ import annotations

from collections.abc import Collection

from .operations import Operation, SecurityScheme
from .parameters import RawParameters
from .problems import Problem, Violation

__all__ = ["check_credentials"]


def _credential(scheme: SecurityScheme, raw: RawParameters) -> tuple[str | None, str]:
    """(the credential presented or None, where it was looked for)."""
    if scheme.type == "apiKey":
        name = scheme.parameter or ""
        if scheme.location == "query":
            values = raw.query_values(name)
            return (values[0] if values and values[0] else None), f"query/{name}"
        if scheme.location == "cookie":
            return raw.cookies.get(name) or None, f"cookie/{name}"
        return raw.headers.get(name.lower()) or None, f"header/{name}"
    authorization = raw.headers.get("authorization", "")
    expected = scheme.scheme if scheme.type == "http" else "bearer"
    kind, _, token = authorization.partition(" ")
    if kind.lower() != expected or not token.strip():
        return None, "header/Authorization"
    return token.strip(), "header/Authorization"


def _challenge(alternatives: list[list[SecurityScheme]]) -> str:
    schemes = []
    for scheme in (s for alternative in alternatives for s in alternative):
        if scheme.type == "http" and scheme.scheme:
            schemes.append(scheme.scheme.capitalize())
        elif scheme.type in ("oauth2", "openIdConnect"):
            schemes.append("Bearer")
        else:
            schemes.append(f'ApiKey name="{scheme.parameter}", in="{scheme.location}"')
    return ", ".join(dict.fromkeys(schemes))


def check_credentials(
    operation: Operation, raw: RawParameters, known: Collection[str] | None = None
) -> Problem | None:
    """None when some alternative of the requirements is met; else the 401 to answer."""
    if not operation.security or any(not alternative for alternative in operation.security):
        return None
    violations: list[Violation] = []
    for alternative in operation.security:
        missing = []
        for scheme in alternative:
            credential, location = _credential(scheme, raw)
            if credential is None:
                missing.append(Violation(location, f"credentials for {scheme.name!r} are missing"))
            elif known is not None and credential not in known:
                missing.append(
                    Violation(location, f"credentials for {scheme.name!r} are not valid")
                )
        if not missing:
            return None
        violations.extend(missing)
    return Problem(
        401,
        "unauthorized",
        "the operation requires credentials the request does not carry",
        list(dict.fromkeys(violations)),
        {"WWW-Authenticate": _challenge(operation.security)},
    )

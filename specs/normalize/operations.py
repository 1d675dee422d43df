"""Every operation made addressable and complete: a unique id, tags, responses, path parameters."""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any

from ..grammar import HTTP_METHODS
from ..pointers import deref, join
from ..report import Report, Severity
from .values import set_aside

__all__ = [
    "IGNORED_PARAMETERS",
    "complete_operations",
    "declares_client_errors",
    "derive_operation_id",
    "documents_refusal",
    "iter_operations",
    "refusal_status",
]

_TEMPLATE = re.compile(r"\{([^{}/]+)\}")
_WORD = re.compile(r"[A-Za-z0-9]+")
DEFAULT_TAG = "default"


def iter_operations(document: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(pointer, path, method, operation) for each operation, in document order."""
    found = []
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                found.append((join("/paths", path, method), path, method, item[method]))
    return found


def _camel(words: list[str]) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words)


def derive_operation_id(method: str, path: str) -> str:
    """`GET /assets/{assetId}/tags` -> `getAssetsByAssetIdTags`."""
    parts: list[str] = []
    for segment in path.strip("/").split("/"):
        match = _TEMPLATE.fullmatch(segment)
        words = _WORD.findall(match.group(1) if match else segment)
        parts.append(("By" if match else "") + _camel(words))
    return method + "".join(parts)


def _unique_ids(operations: list[tuple[str, str, str, dict[str, Any]]], report: Report) -> None:
    taken: set[str] = set()
    pending = []
    for pointer, path, method, operation in operations:
        given = operation.get("operationId")
        if isinstance(given, str) and given and given not in taken:
            taken.add(given)
        else:
            pending.append((pointer, path, method, operation))
    for pointer, path, method, operation in pending:
        base = derive_operation_id(method, path)
        candidate, counter = base, 2
        while candidate in taken:
            candidate, counter = f"{base}{counter}", counter + 1
        taken.add(candidate)
        given = operation.get("operationId")
        why = "missing" if given in (None, "") else f"{given!r} is already used"
        operation["operationId"] = candidate
        report.add(
            f"{pointer}/operationId",
            "operation-id",
            Severity.INFERRED,
            f"{why}; set to {candidate!r}",
        )


def _default_tag(path: str) -> str:
    literal = [s for s in path.strip("/").split("/") if s and not _TEMPLATE.fullmatch(s)]
    return literal[0] if literal else DEFAULT_TAG


def _responses(pointer: str, operation: dict[str, Any], report: Report) -> None:
    responses = operation.get("responses")
    if not isinstance(responses, dict) or not any(not k.startswith("x-") for k in responses):
        operation["responses"] = {"default": {"description": "Unspecified response"}}
        report.add(f"{pointer}/responses", "no-responses", Severity.INFERRED, "added `default`")
        return
    for code, response in responses.items():
        if (
            isinstance(response, dict)
            and "$ref" not in response
            and not response.get("description")
        ):
            try:
                phrase = HTTPStatus(int(code)).phrase
            except ValueError:
                phrase = "Response"
            response["description"] = phrase
            report.add(
                join(pointer, "responses", code, "description"),
                "response-description",
                Severity.INFERRED,
                f"missing; set to {phrase!r}",
            )


def _path_parameters(
    document: dict[str, Any],
    pointer: str,
    path: str,
    item: dict[str, Any],
    operation: dict[str, Any],
    report: Report,
) -> None:
    own = operation.setdefault("parameters", [])
    declared = {
        parameter.get("name")
        for parameter in (deref(document, p) for p in [*item.get("parameters", []), *own])
        if isinstance(parameter, dict) and parameter.get("in") == "path"
    }
    for name in _TEMPLATE.findall(path):
        if name not in declared:
            own.append({"name": name, "in": "path", "required": True, "schema": {"type": "string"}})
            report.add(
                f"{pointer}/parameters",
                "path-parameter",
                Severity.INFERRED,
                f"path parameter {name!r} was not declared; added as a string",
            )
    for index, parameter in enumerate(own):
        if parameter.get("in") == "path" and parameter.get("required") is not True:
            parameter["required"] = True
            report.add(
                join(pointer, "parameters", index, "required"),
                "path-parameter",
                Severity.REPAIRED,
                "path parameters are always required",
            )
    if not own:
        del operation["parameters"]


IGNORED_PARAMETERS = "x-specmock-ignored-parameters"
_IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})


def _ignored_headers(
    document: dict[str, Any], pointer: str, owner: dict[str, Any], report: Report
) -> None:
    """Header parameters OpenAPI says to ignore (`Accept`, `Content-Type`, `Authorization`:
    media types and security schemes describe them), moved aside so no tool sends them."""
    parameters = owner.get("parameters")
    if not isinstance(parameters, list):
        return
    kept, ignored = [], owner.get(IGNORED_PARAMETERS, [])
    for parameter in parameters:
        target = deref(document, parameter)
        if (
            isinstance(target, dict)
            and target.get("in") == "header"
            and str(target.get("name", "")).lower() in _IGNORED_HEADERS
        ):
            report.add(
                join(pointer, IGNORED_PARAMETERS, len(ignored)),
                "ignored-parameter",
                Severity.REPAIRED,
                f"a header parameter named {target['name']!r} is ignored by OpenAPI; moved here",
            )
            ignored.append(parameter)
        else:
            kept.append(parameter)
    set_aside(owner, "parameters", kept, IGNORED_PARAMETERS, ignored)


def declares_client_errors(responses: dict[str, Any]) -> bool:
    """Whether any declared response covers a 4xx status (a `default` does)."""
    return any(code == "default" or str(code).upper().startswith("4") for code in responses)


_REFUSALS = {
    "invalid input": (400, 422),
    "missing credentials": (401, 403),
    "a request for a deleted resource": (404,),
}
"""Refusals every server gives, each with the statuses that say it."""
_REFUSAL_CODES = {
    "invalid input": "no-invalid-input-response",
    "missing credentials": "no-unauthorized-response",
    "a request for a deleted resource": "no-not-found-response",
}


def refusal_status(status: int, responses: dict[str, Any]) -> int:
    """The status to refuse with: `status`, or where the responses do not cover it, a declared
    one that says the same (a 400 becomes the declared 422)."""
    declared = {str(code).upper() for code in responses}
    if declared & {str(status), f"{str(status)[0]}XX", "DEFAULT"}:
        return status
    for statuses in _REFUSALS.values():
        if status in statuses:
            return next((s for s in statuses if str(s) in declared), status)
    return status


def documents_refusal(status: int, responses: dict[str, Any]) -> bool:
    """Whether the responses document a refusal with `status`.

    Invalid input, missing credentials and a gone resource are judged by meaning (a 400 is
    documented by a declared 422 too, not by a 409); any other 4xx by any declared client error.
    """
    if not declares_client_errors(responses):
        return False
    if not any(status in statuses for statuses in _REFUSALS.values()):
        return True
    declared = {str(code).upper() for code in responses}
    return bool(declared & {str(refusal_status(status, responses)), "4XX", "DEFAULT"})


def _secured(document: dict[str, Any], operation: dict[str, Any]) -> bool:
    requirements = operation.get("security", document.get("security")) or []
    return bool(requirements) and {} not in requirements


def _deletable(document: dict[str, Any], path: str) -> bool:
    """Whether `path` names a resource a DELETE can remove (the item itself or beneath it)."""
    return any(
        other.endswith("}")
        and isinstance(item, dict)
        and "delete" in item
        and (path == other or path.startswith(other + "/"))
        for other, item in document["paths"].items()
    )


def _client_errors(
    document: dict[str, Any], pointer: str, path: str, operation: dict[str, Any], report: Report
) -> None:
    responses = operation["responses"]
    if not declares_client_errors(responses):
        report.add(
            f"{pointer}/responses",
            "no-client-error-response",
            Severity.DEFECT,
            "declares no 4xx response and no default: a server that rejects invalid input or "
            "missing credentials must answer an undocumented status",
        )
        return
    takes_input = bool(
        operation.get("parameters")
        or document["paths"][path].get("parameters")
        or "requestBody" in operation
    )
    applies = {
        "invalid input": takes_input,
        "missing credentials": _secured(document, operation),
        "a request for a deleted resource": _deletable(document, path),
    }
    for meaning, statuses in _REFUSALS.items():
        if applies[meaning] and not documents_refusal(statuses[0], responses):
            codes = ", ".join(map(str, statuses))
            report.add(
                f"{pointer}/responses",
                _REFUSAL_CODES[meaning],
                Severity.DEFECT,
                f"declares no {codes}, 4XX or default response: a server that rejects "
                f"{meaning} must answer an undocumented status",
            )


def _tags(document: dict[str, Any], used: list[str], report: Report) -> None:
    declared = document.setdefault("tags", [])
    names = {tag.get("name") for tag in declared if isinstance(tag, dict)}
    missing = sorted(set(used) - names)
    declared.extend({"name": name} for name in missing)
    if missing:
        report.add(
            "/tags",
            "tag",
            Severity.INFERRED,
            f"{len(missing)} tags used by operations but not declared; added: {', '.join(missing)}",
        )


def complete_operations(document: dict[str, Any], report: Report) -> None:
    operations = iter_operations(document)
    _unique_ids(operations, report)
    for path, item in (document.get("paths") or {}).items():
        if isinstance(item, dict):
            _ignored_headers(document, join("/paths", path), item, report)
    used: list[str] = []
    for pointer, path, _, operation in operations:
        _ignored_headers(document, pointer, operation, report)
        if not operation.get("tags"):
            operation["tags"] = [_default_tag(path)]
            report.add(
                f"{pointer}/tags",
                "tag",
                Severity.INFERRED,
                f"none given; set to {operation['tags']}",
            )
        used.extend(t for t in operation["tags"] if isinstance(t, str))
        _responses(pointer, operation, report)
        _path_parameters(document, pointer, path, document["paths"][path], operation, report)
        _client_errors(document, pointer, path, operation, report)
    _tags(document, used, report)

"""Defaults and examples that contradict their own schema, repaired or moved aside.

A mock that serves such a value, or a fuzzer that trusts it, fails for the spec's fault. The
original always stays in the document under an `x-specmock-` key, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ..grammar import walk
from ..pointers import deref, join, to_ref
from ..report import Report, Severity

__all__ = ["SchemaChecker", "repair_values", "set_aside"]

ORIGINAL_DEFAULT = "x-specmock-original-default"
INVALID_EXAMPLES = "x-specmock-invalid-examples"
INVALID_EXAMPLE = "x-specmock-invalid-example"
_DOCUMENT_URI = "urn:specmock:document"
_QUOTES = ("'", '"')


class SchemaChecker:
    """Validates values against schemas of one document, `$ref`s into it included."""

    def __init__(self, document: dict[str, Any]) -> None:
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(_DOCUMENT_URI, resource)

    def errors(self, schema_pointer: str, value: Any) -> list[str]:
        """Why `value` breaks the schema at `schema_pointer`, one line per violation."""
        validator = _validator_class()(
            {"$ref": _DOCUMENT_URI + to_ref(schema_pointer)}, registry=self._registry
        )
        return [
            error.message
            + (f" (at {join('', *error.absolute_path)})" if error.absolute_path else "")
            for error in validator.iter_errors(value)
        ]


@cache
def _validator_class() -> Any:
    """Draft 2020-12, but a `pattern` Python cannot compile is not checked: specs write
    ECMA-262 regexes (`\\p{L}`, in 99 of APIs.guru's 2,639 documents), and a value is
    not set aside for the engine's fault."""
    # Imported on use: jsonschema costs 50 ms of start-up to programs that only load specs.
    from jsonschema import Draft202012Validator, ValidationError, validators  # noqa: PLC0415

    def pattern(validator: Any, regex: str, instance: Any, schema: Any) -> Iterator[Any]:
        if not validator.is_type(instance, "string"):
            return
        try:
            if re.search(regex, instance):
                return
        except re.error:
            return
        yield ValidationError(f"{instance!r} does not match {regex!r}")

    return validators.extend(Draft202012Validator, {"pattern": pattern})  # type: ignore[no-untyped-call]


def _unquoted(value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] and value[0] in _QUOTES:
        return value[1:-1]
    return None


def _repair_default(
    checker: SchemaChecker, pointer: str, schema: dict[str, Any], report: Report
) -> None:
    errors = checker.errors(pointer, schema["default"])
    if not errors:
        return
    original = schema.pop("default")
    schema[ORIGINAL_DEFAULT] = original
    candidate = _unquoted(original)
    if candidate is not None and not checker.errors(pointer, candidate):
        schema["default"] = candidate
        action = f"stray quotes removed: {candidate!r}"
    else:
        action = "removed"
    report.add(
        f"{pointer}/default",
        "invalid-default",
        Severity.REPAIRED,
        f"default {original!r} breaks its schema: {errors[0]}; {action}",
    )


def _split_examples(
    checker: SchemaChecker, pointer: str, examples: list[Any], report: Report, where: str
) -> tuple[list[Any], list[Any]]:
    valid: list[Any] = []
    invalid: list[Any] = []
    for index, example in enumerate(examples):
        errors = checker.errors(pointer, example)
        (invalid if errors else valid).append(example)
        if errors:
            report.add(
                join(where, index),
                "invalid-example",
                Severity.REPAIRED,
                f"example breaks its schema: {errors[0]}; moved to {INVALID_EXAMPLES}",
            )
    return valid, invalid


def _repair_schema_examples(
    checker: SchemaChecker, pointer: str, schema: dict[str, Any], report: Report
) -> None:
    examples = schema.get("examples")
    if not isinstance(examples, list):
        return
    valid, invalid = _split_examples(checker, pointer, examples, report, f"{pointer}/examples")
    set_aside(schema, "examples", valid, INVALID_EXAMPLES, invalid)


def _named_examples(document: dict[str, Any], node: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for name, example in list((node.get("examples") or {}).items()):
        resolved = deref(document, example)
        if isinstance(resolved, dict) and "value" in resolved:
            yield name, resolved["value"]


def _repair_carrier_examples(
    checker: SchemaChecker,
    document: dict[str, Any],
    pointer: str,
    node: dict[str, Any],
    report: Report,
) -> None:
    """`example` and `examples` of a parameter, header or media type, against its `schema`."""
    if not isinstance(node.get("schema"), dict):
        return
    schema_pointer = f"{pointer}/schema"
    if "example" in node:
        errors = checker.errors(schema_pointer, node["example"])
        if errors:
            node[INVALID_EXAMPLE] = node.pop("example")
            report.add(
                f"{pointer}/example",
                "invalid-example",
                Severity.REPAIRED,
                f"example breaks its schema: {errors[0]}; moved to {INVALID_EXAMPLE}",
            )
    invalid = {}
    for name, value in _named_examples(document, node):
        errors = checker.errors(schema_pointer, value)
        if errors:
            invalid[name] = node["examples"].pop(name)
            report.add(
                join(pointer, "examples", name),
                "invalid-example",
                Severity.REPAIRED,
                f"example breaks its schema: {errors[0]}; moved to {INVALID_EXAMPLES}",
            )
    set_aside(node, "examples", node.get("examples"), INVALID_EXAMPLES, invalid)


def set_aside(owner: dict[str, Any], key: str, kept: Any, aside_key: str, aside: Any) -> None:
    """Keep `kept` under `key` and what contradicts the spec under `aside_key`, so nothing is
    lost; a `key` left empty goes, since an empty list or map of examples is itself invalid."""
    if not aside:
        return
    owner[aside_key] = aside
    if kept:
        owner[key] = kept
    else:
        del owner[key]


def repair_values(document: dict[str, Any], report: Report) -> None:
    checker = SchemaChecker(document)
    for pointer, kind, node in list(walk(document)):
        if "$ref" in node and kind != "Schema":
            continue
        if kind == "Schema":
            if "default" in node:
                _repair_default(checker, pointer, node, report)
            _repair_schema_examples(checker, pointer, node, report)
        elif kind in ("Parameter", "Header", "MediaType"):
            _repair_carrier_examples(checker, document, pointer, node, report)

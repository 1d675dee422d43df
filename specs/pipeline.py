"""From a source file to a normalized document: read, detect, import, normalize, check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import MalformedSource, SourceNotFound, UnknownFormat
from .grammar import misfit
from .importers import Embedded, Imported, detect
from .normalize import normalize
from .pointers import join
from .report import Report
from .validity import validity_findings
from .yamlio import dump_yaml

__all__ = ["Normalized", "import_text", "normalize_file", "normalize_text", "read_source"]

_MAX_NESTING = 8  # containers inside containers: a diff inside a diff is already unusual
MAX_DEPTH = 200
"""Mappings and lists inside each other in a document. API descriptions stay well under 50;
the normalizer's passes recurse, and Python's stack gives out near 300."""
_SHOWN = 12  # levels of the pointer named when a document nests too deep


@dataclass
class Normalized:
    document: dict[str, Any]
    report: Report

    def to_yaml(self) -> str:
        return dump_yaml(self.document)


def read_source(path: str | Path) -> str:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceNotFound("no such file", origin=str(path)) from None
    except IsADirectoryError:
        raise SourceNotFound("is a directory, not a file", origin=str(path)) from None
    except OSError as error:
        raise SourceNotFound(error.strerror or str(error), origin=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise MalformedSource(
            f"not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start})",
            origin=str(path),
            line=line,
        ) from None


def import_text(text: str, origin: str) -> Imported:
    """The OpenAPI document a source text holds, unwrapping containers such as diffs."""
    for _ in range(_MAX_NESTING):
        importer = detect(text)
        if importer is None:
            raise UnknownFormat(
                "not a format specmock can import (OpenAPI 3.x JSON or YAML, text copied from "
                "a Swagger UI page, Widdershins markdown, or a registry diff that adds one of "
                "those)",
                origin=origin,
            )
        result = importer.read(text, origin)
        if isinstance(result, Imported):
            _check_structure(result.document, origin)
            return result
        origin, text = _member(result, origin)
    raise MalformedSource("containers nested too deeply", origin=origin)


_FOUND = {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean"}


def _check_structure(document: dict[str, Any], origin: str) -> None:
    """Refuse, naming the place, a document whose objects are not where the grammar puts
    them (`parameters: [null]`, `allOf` as a mapping): every later pass relies on them."""
    _check_depth(document, origin)
    found = misfit(document)
    if found is None:
        return
    pointer, kind, value = found
    if kind in ("string", "list"):
        expected = f"a {kind}"
    elif " of " in kind:
        shape, _, of = kind.partition(" of ")
        expected = f"a {shape} of {of} objects"
    else:
        expected = f"a {kind} object"
    what = "nothing (null)" if value is None else _FOUND.get(type(value), "a number")
    raise MalformedSource(f"{expected} expected here, found {what}", origin=origin, pointer=pointer)


def _check_depth(document: Any, origin: str) -> None:
    """Refuse a document that nests deeper than `MAX_DEPTH`, naming where, before a
    recursive pass runs out of stack on it."""
    pending: list[tuple[Any, int, str]] = [(document, 0, "")]
    while pending:
        value, depth, pointer = pending.pop()
        if depth > MAX_DEPTH:
            raise MalformedSource(
                f"mappings and lists nest more than {MAX_DEPTH} deep under this place",
                origin=origin,
                pointer=pointer,
            )
        entries = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in entries:
            if isinstance(child, (dict, list)):
                here = join(pointer, key) if depth < _SHOWN else pointer
                pending.append((child, depth + 1, here))


def _member(embedded: Embedded, origin: str) -> tuple[str, str]:
    for name, text in embedded.members:
        if detect(text) is not None:
            return f"{origin}!{name}", text
    names = ", ".join(name for name, _ in embedded.members)
    raise UnknownFormat(f"none of the files it holds is in a known format: {names}", origin=origin)


def normalize_text(text: str, origin: str) -> Normalized:
    imported = import_text(text, origin)
    report = Report(origin, list(imported.findings))
    document = normalize(imported.document, report)
    report.extend(validity_findings(document))
    return Normalized(document, report)


def normalize_file(path: str | Path, origin: str | None = None) -> Normalized:
    return normalize_text(read_source(path), origin or str(path))

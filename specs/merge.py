"""One normalized document enriched from another that describes the same operations.

Two renderings of one API lose different things: a Swagger UI copy keeps examples and
nullable unions but no schemas or media types, a Widdershins page keeps schemas but not what
its tables flatten. Operations are matched by method and path template (the names of path
parameters may differ). What the primary lacks, or only guessed (its report marks the guess
`inferred`), is taken from the other and reported `enriched`; where both state a value and
they differ, the primary's is kept and both are reported as a `merge-conflict`. A schema the
other refers to is brought over with its components, renamed when the name is taken.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from .normalize import iter_operations, normalize
from .pipeline import Normalized
from .pointers import follow, join, parse_ref, resolve, split, to_ref
from .report import Finding, Report, Severity
from .validity import validity_findings

__all__ = ["CONFLICT", "ENRICHED", "enrich", "inline", "same"]

ENRICHED = "enriched"
CONFLICT = "merge-conflict"
_FIELDS = (
    "operationId",
    "summary",
    "description",
    "deprecated",
    "parameters",
    "requestBody",
    "responses",
)
"""What an operation takes from its match; tags, security and servers are the primary's."""
_PATH_PARAMETER = re.compile(r"\{([^}]*)\}")
_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[`*_#<>]")
"""Markdown links (their text kept), autolinks, and emphasis, code, heading and quote marks."""
_WHOLE = frozenset({"example", "value", "default", "const", "enum"})
"""Values that are one datum: two different ones conflict, they are never mixed."""
_DEPTH = 8
"""How deep references are followed when two values are compared."""


def enrich(primary: Normalized, other: Normalized, origin: str) -> Normalized:
    """`primary` enriched from `other` (read from `origin`), its report extended by every fill
    and conflict."""
    return _Merge(primary, other, origin).run()


def _template(path: str) -> str:
    return _PATH_PARAMETER.sub("{}", path)


def _guesses(report: Report) -> tuple[set[str], set[str]]:
    """What a report says was guessed, and apart from it the media types named by guess (the
    name is the guess there, not what the entry holds)."""
    guessed = {f.pointer for f in report if f.severity is Severity.INFERRED}
    media = {g for g in guessed if split(g)[-2:-1] == ["content"]}
    return guessed - media, media


def _under(pointer: str, prefixes: set[str]) -> bool:
    return any(pointer == p or pointer.startswith(p + "/") for p in prefixes)


def _text(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 120 else text[:117] + "..."


class _Refs:
    """The other document's components copied into the primary as its values are."""

    def __init__(self, target: dict[str, Any], source: dict[str, Any]) -> None:
        self.target, self.source = target, source
        self.moved: dict[str, str] = {}
        """The other's component pointers to the primary's."""
        self.added: list[str] = []

    def bring(self, value: Any) -> Any:
        """A copy of `value` whose local references point at the primary's components."""
        if isinstance(value, list):
            return [self.bring(item) for item in value]
        if not isinstance(value, dict):
            return value
        result = {key: self.bring(item) for key, item in value.items() if key != "$ref"}
        ref = value.get("$ref")
        if isinstance(ref, str):
            uri, pointer = parse_ref(ref)
            result["$ref"] = ref if uri else to_ref(self._component(pointer))
        return result

    def _component(self, pointer: str) -> str:
        if pointer in self.moved:
            return self.moved[pointer]
        tokens = split(pointer)
        if len(tokens) != 3 or tokens[0] != "components":
            return pointer
        kind, name = tokens[1], tokens[2]
        value = resolve(self.source, pointer, default=None)
        taken = self.target.setdefault("components", {}).setdefault(kind, {})
        candidate, number = name, 2
        while candidate in taken and not same(self.target, taken[candidate], self.source, value):
            candidate, number = f"{name}{number}", number + 1
        target = join("/components", kind, candidate)
        self.moved[pointer] = target
        if candidate not in taken:
            taken[candidate] = {}
            taken[candidate] = self.bring(value)
            self.added.append(target)
        return target


def inline(document: dict[str, Any], value: Any, depth: int = _DEPTH) -> Any:
    """`value` with local references replaced by what they point at, to `depth` levels."""
    if isinstance(value, list):
        return [inline(document, item, depth) for item in value]
    if not isinstance(value, dict):
        return value
    ref = value.get("$ref")
    if isinstance(ref, str) and depth > 0:
        uri, pointer = parse_ref(ref)
        if not uri:
            return inline(document, resolve(document, pointer, default={}), depth - 1)
    return {key: inline(document, item, depth) for key, item in value.items()}


def same(first_document: Any, first: Any, second_document: Any, second: Any) -> bool:
    """Whether two values say the same once references are followed (names aside)."""
    return bool(inline(first_document, first) == inline(second_document, second))


class _Merge:
    def __init__(self, primary: Normalized, other: Normalized, origin: str) -> None:
        self.document = copy.deepcopy(primary.document)
        self.other = other.document
        self.origin = origin
        self.report = primary.report
        self.guessed, self.media_guesses = _guesses(primary.report)
        self.renamed: dict[str, str] = {}
        """Guessed media types the other named, old pointer to new."""
        self.other_guessed, self.other_media_guesses = _guesses(other.report)
        self.replaced: set[str] = set()
        self.findings: list[Finding] = []
        self.refs = _Refs(self.document, self.other)
        self.visited: set[tuple[str, str]] = set()

    def run(self) -> Normalized:
        index = {
            (method, _template(path)): (path, method)
            for _, path, method, _ in iter_operations(self.document)
        }
        matched = 0
        for other_pointer, other_path, method, operation in iter_operations(self.other):
            found = index.get((method, _template(other_path)))
            if found is None:
                continue
            path = found[0]
            matched += 1
            renames = dict(
                zip(
                    _PATH_PARAMETER.findall(other_path),
                    _PATH_PARAMETER.findall(path),
                    strict=True,
                )
            )
            pointer = join("/paths", path, method)
            self._operation(path, method, other_path, operation, pointer, other_pointer, renames)
        self._prune()
        total = len(iter_operations(self.document))
        self._note("", ENRICHED, f"{matched} of {total} operations matched in {self.origin}")
        kept = [
            Finding(self._moved(f.pointer), f.code, f.severity, f.message)
            for f in self.report.findings
            if f.pointer not in self.renamed
        ]
        kept = [f for f in kept if not _under(f.pointer, self.replaced)]
        report = Report(self.report.origin, [*kept, *self.findings])
        again = Report(self.report.origin)
        document = normalize(self.document, again)
        known = set(report.findings)
        report.extend(f for f in [*again, *validity_findings(document)] if f not in known)
        return Normalized(document, report)

    def _note(self, pointer: str, code: str, message: str) -> None:
        severity = Severity.UNREPAIRED if code == CONFLICT else Severity.INFERRED
        self.findings.append(Finding(pointer, code, severity, message))

    def _is_guess(self, pointer: str) -> bool:
        return _under(self._original(pointer), self.guessed)

    def _moved(self, pointer: str) -> str:
        for old, new in self.renamed.items():
            if pointer.startswith(old + "/"):
                return new + pointer[len(old) :]
        return pointer

    def _original(self, pointer: str) -> str:
        for old, new in self.renamed.items():
            if pointer.startswith(new + "/"):
                return old + pointer[len(new) :]
        return pointer

    def _operation(
        self,
        path: str,
        method: str,
        other_path: str,
        operation: dict[str, Any],
        pointer: str,
        other_pointer: str,
        renames: dict[str, str],
    ) -> None:
        target = self.document["paths"][path][method]
        shared = self.other["paths"][other_path].get("parameters", [])
        parameters: dict[tuple[Any, Any], tuple[Any, str]] = {}
        for pointer_of, nodes in (
            (join("/paths", other_path, "parameters"), shared),
            (join(other_pointer, "parameters"), operation.get("parameters", [])),
        ):
            for i, node in enumerate(nodes):
                parameter = inline(self.other, node, 1)
                parameters[parameter.get("in"), parameter.get("name")] = (node, join(pointer_of, i))
        for key in _FIELDS:
            if key == "parameters":
                self._parameters(path, target, pointer, list(parameters.values()), renames)
            elif key in operation:
                self._value(target, key, operation[key], pointer, other_pointer)

    def _parameters(
        self,
        path: str,
        target: dict[str, Any],
        pointer: str,
        parameters: list[tuple[Any, str]],
        renames: dict[str, str],
    ) -> None:
        places = [
            (join(pointer, "parameters", i), p) for i, p in enumerate(target.get("parameters", []))
        ]
        places += [
            (join("/paths", path, "parameters", i), p)
            for i, p in enumerate(self.document["paths"][path].get("parameters", []))
        ]
        own: dict[tuple[Any, Any], tuple[str, Any]] = {}
        for at, node in places:
            parameter = inline(self.document, node, 1)
            own.setdefault((parameter.get("in"), parameter.get("name")), (at, node))
        for node, other_at in parameters:
            parameter = dict(inline(self.other, node, 1))
            if parameter.get("in") == "path" and parameter.get("name") in renames:
                parameter["name"] = renames[parameter["name"]]
            key = (parameter.get("in"), parameter.get("name"))
            if key not in own:
                added = target.setdefault("parameters", [])
                at = join(pointer, "parameters", len(added))
                added.append(self.refs.bring(parameter))
                own[key] = (at, added[-1])
                self._note(at, ENRICHED, f"parameter {key[1]!r} in {key[0]} from {other_at}")
            elif "$ref" not in own[key][1]:
                self._merge(own[key][1], parameter, own[key][0], other_at)
            elif not same(self.document, own[key][1], self.other, node):
                self._conflict(own[key][0], own[key][1], node, other_at)

    def _merge(self, target: dict[str, Any], source: dict[str, Any], at: str, other: str) -> None:
        for key, value in source.items():
            self._value(target, key, value, at, other)

    def _value(self, parent: dict[str, Any], key: str, value: Any, at: str, other: str) -> None:
        at, other = join(at, key), join(other, key)
        if key not in parent and other in self.other_media_guesses and parent:
            return
        if key not in parent:
            parent[key] = self.refs.bring(value)
            guess = " (a guess there)" if _under(other, self.other_guessed) else ""
            self._note(at, ENRICHED, f"from {other}{guess}")
            return
        if _under(other, self.other_guessed):
            return
        current = parent[key]
        if same(self.document, current, self.other, value) or _same_text(key, current, value):
            return
        if key == "content" and isinstance(current, dict) and isinstance(value, dict):
            self._name_media_types(current, value, at, other)
        if self._is_guess(at):
            parent[key] = self.refs.bring(value)
            self.replaced.add(at)
            self._note(at, ENRICHED, f"replaces a guess ({_text(current)}) with {other}")
        elif isinstance(current, dict) and isinstance(value, dict) and key not in _WHOLE:
            self._into(current, value, at, other)
        elif key == "type" and _adds_null(current, value):
            parent[key] = value
            self._note(at, ENRICHED, f"nullable, as {other} says")
        else:
            self._conflict(at, current, value, other)

    def _into(self, current: dict[str, Any], value: dict[str, Any], at: str, other: str) -> None:
        """Merge one object into another, following references on either side (into the
        primary's component, which then gains for all its users), each pair once."""
        target, at = follow(self.document, current, at)
        source, other = follow(self.other, value, other)
        if (at, other) in self.visited or not isinstance(target, dict):
            return
        self.visited.add((at, other))
        if isinstance(source, dict):
            self._merge(target, source, at, other)

    def _name_media_types(
        self, current: dict[str, Any], value: dict[str, Any], at: str, other: str
    ) -> None:
        """A media type the primary guessed takes the name the other gives it (one of the
        other's types the primary lacks, JSON for JSON), keeping what its entry holds."""
        for media in list(current):
            pointer = join(at, media)
            if pointer not in self.media_guesses or media in value:
                continue
            free = [name for name in value if name not in current]
            alike = [name for name in free if ("json" in name) == ("json" in media)]
            if not free:
                continue
            name = (alike or free)[0]
            current[name] = current.pop(media)
            self.renamed[pointer] = join(at, name)
            message = f"the media type was a guess ({media}); {join(other, name)} names it"
            self._note(join(at, name), ENRICHED, message)

    def _conflict(self, at: str, current: Any, value: Any, other: str) -> None:
        message = f"kept {_text(current)}; {other} says {_text(value)}"
        self._note(at, CONFLICT, message)

    def _prune(self) -> None:
        """Guessed components that no operation refers to any more (their users now have the
        other's schemas) are dropped, with their findings; a component brought over under
        another name because a guess had its own takes it back."""
        schemas = self.document.get("components", {}).get("schemas", {})
        pruned = True
        while pruned:
            text, pruned = json.dumps(self.document), False
            for name in list(schemas):
                pointer = join("/components/schemas", name)
                if pointer in self.guessed and json.dumps(to_ref(pointer)) not in text:
                    del schemas[name]
                    self.replaced.add(pointer)
                    pruned = True
        for source, target in self.refs.moved.items():
            name, kind = split(source)[-1], split(target)[1]
            taken = self.document["components"][kind]
            if target in self.refs.added and name not in taken:
                taken[name] = taken.pop(split(target)[-1])
                _retarget(self.document, to_ref(target), to_ref(join("/components", kind, name)))
        if "schemas" in self.document.get("components", {}) and not schemas:
            del self.document["components"]["schemas"]


def _retarget(node: Any, old: str, new: str) -> None:
    """Every `$ref` to `old` made one to `new`."""
    if isinstance(node, list):
        for item in node:
            _retarget(item, old, new)
    elif isinstance(node, dict):
        if node.get("$ref") == old:
            node["$ref"] = new
        for item in node.values():
            _retarget(item, old, new)


def _same_text(key: str, first: Any, second: Any) -> bool:
    """Descriptions that differ only in markup: a rendering shows Markdown as text."""
    if key not in ("description", "summary") or not isinstance(first, str):
        return False
    return isinstance(second, str) and _plain(first) == _plain(second)


def _plain(text: str) -> str:
    return " ".join(_MARKUP.sub(lambda match: match.group(1) or "", text).split())


def _adds_null(current: Any, value: Any) -> bool:
    """The other's type is the primary's made nullable: what a lossy rendering drops."""
    kinds = [current] if isinstance(current, str) else current
    others = [value] if isinstance(value, str) else value
    return (
        isinstance(kinds, list)
        and isinstance(others, list)
        and set(others) == {*kinds, "null"}
        and "null" not in kinds
    )

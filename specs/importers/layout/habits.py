"""The key order a document keeps, learnt from a first reading of it.

Generators write each kind of object's keys in one fixed order, or sorted. Once a first
reading shows the habit, a key that breaks it (one that sorts before its predecessor, or one
that elsewhere always precedes a key already present) most likely starts a new object, so it
costs where it breaks the habit and is free where it keeps it. Likewise a keyword that the
document writes beside a schema's `$ref` (a `title` on each branch) is no mistake there.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Any

from ...grammar import OBJECTS, walk
from ...pointers import parse_ref
from .evidence import UNLIKE_NAME, carrier_schema, ref_sibling_cost
from .frames import Frame
from .shapes import EXTENSION, MAP, OBJECT, RARE_EXTENSION

__all__ = ["Habits"]

OUT_OF_ORDER = 1.5
UNSORTED = 3.0
UNKNOWN_SCHEME = 2.0
"""A security requirement naming no scheme the first reading found: `x-maturity` after
an operation's `security: [{}]` is the operation's extension."""
UNUSUAL_NAME = 2.0
MINORITY_NAME = UNLIKE_NAME
"""A name written unlike most in maps of its kind, where its map holds one name: too few for
the map's own names to tell (`evidence._name_cost`), so a lower-case property after the first
component schema would otherwise be free as a component and cost only at the next one."""
_SURE_NAMES = 0.9  # share of names alike above which a name unlike them is unusual
_SEEN_NAMES = 4
_SEEN_EXTENSIONS = 3  # objects of a kind with an extension before it is the document's habit
_SEEN_SIBLINGS = 3  # schemas with a keyword beside `$ref` before it is the document's habit
_SURE = 0.98  # share of sorted neighbours above which a kind counts as sorted
_SURE_DOCUMENT = 0.85  # and above which every kind does (a first reading of a sorted corpus
# document scores 0.92 or more, of one in authored order 0.70 at most)
_SEEN = 12  # neighbour pairs needed before that share counts
_UNSORTED_ROOT = 2  # root keys out of order (one may be a first reading's mistake)
_SEEN_EXCEPTION = 3  # a pair of keys always written out of sorted order, before it is a habit


class Habits:
    def __init__(self) -> None:
        self._before: Counter[tuple[str, str, str]] = Counter()
        self._sorted: Counter[tuple[str, bool]] = Counter()
        self._capital: Counter[tuple[str, bool]] = Counter()
        self._whole = 0.0
        self._schemas: dict[str, dict[str, Any]] = {}
        self._ref_siblings: Counter[str] = Counter()
        self._examples: dict[str, dict[str, Any]] = {}
        """For a shared example (`#/components/examples/...`), the schema of the first media
        type, parameter or header that refers to it."""
        self._schemes: frozenset[str] = frozenset()
        self._extensions: Counter[tuple[str, str]] = Counter()
        self._appended: set[tuple[str, str]] = set()
        """Keys of a kind written after all others, out of sorted order (see `_appended`)."""
        self._appended_keys: frozenset[str] = frozenset()
        self._broken: dict[tuple[str, str], dict[str, float]] = {}
        """For a kind and a key, the keys it comes before far more often than after, and
        how surely: the key after one of them breaks the document's order."""

    @classmethod
    def of(cls, document: dict[str, Any]) -> Habits:
        """The habits of a document: objects by kind, named maps by their field, data."""
        habits = cls()
        shared: list[tuple[str, str]] = []
        for pointer, kind, node in walk(document):
            habits._learn(kind, list(node))
            habits._extensions.update((kind, key) for key in node if key.startswith("x-"))
            if kind == "Example" and isinstance(ref := node.get("$ref"), str):
                shared.append((parse_ref(ref)[1], pointer))
            if kind == "Schema":
                habits._schemas[pointer] = node
                if "$ref" in node:
                    habits._ref_siblings.update(n for n in node if _annotates(n))
            for name, child in OBJECTS.get(kind, {}).items():
                value = node.get(name)
                if child.shape == "map" and isinstance(value, dict):
                    habits._learn(f"{kind}.{name}", list(value), pairs=False)
                    habits._capital.update((f"{kind}.{name}", n[:1].isupper()) for n in value)
                elif child.kind == "Any":
                    habits._learn_data(value)
        schemes = document.get("components", {})
        schemes = schemes.get("securitySchemes") if isinstance(schemes, dict) else None
        if isinstance(schemes, dict):
            habits._schemes = frozenset(schemes)
        for target, pointer in shared:
            carrier = carrier_schema(pointer)
            if carrier is not None and (schema := habits._schemas.get(carrier)):
                habits._examples.setdefault(target, schema)
        for (kind, first, second), before in habits._before.items():
            after = habits._before[kind, second, first]
            if before > 2 * after + 1:
                broken = habits._broken.setdefault((kind, first), {})
                broken[second] = (before - after) / (before + after + 1)
        habits._appended = _appended(habits._before)
        habits._appended_keys = frozenset(key for _, key in habits._appended)
        ordered = sum(n for (_, up), n in habits._sorted.items() if up)
        habits._whole = ordered / max(sum(habits._sorted.values()), 1)
        return habits

    @classmethod
    def sorted(cls) -> Habits:
        """The one habit assumed when a document cannot be read without habits: sorted keys
        (a key that sorts before its predecessor opens a new object). A sorted document that
        nests deep can lose every reading before any key breaks the order enough to tell."""
        habits = cls()
        habits._whole = 1.0
        return habits

    def schema(self, ref: str) -> dict[str, Any] | None:
        """The schema a local `$ref` names, as the first reading has it; for a shared
        example, the schema of the first carrier that refers to it."""
        uri, pointer = parse_ref(ref)
        if uri:
            return None
        return self._schemas.get(pointer) or self._examples.get(pointer)

    def _learn(self, kind: str, keys: list[str], pairs: bool = True) -> None:
        for earlier, later in pairwise(keys):
            self._sorted[kind, earlier < later] += 1
        if pairs:
            for index, later in enumerate(keys):
                for earlier in keys[:index]:
                    self._before[kind, earlier, later] += 1

    def _learn_data(self, value: Any) -> None:
        """Key order in example and extension data, walked without recursion: a first
        reading can nest data deeper than Python's recursion allows (prose whose dashes it
        read as lists of lists)."""
        pending = [value]
        while pending:
            value = pending.pop()
            if isinstance(value, dict):
                self._learn("any", list(value), pairs=False)
                pending.extend(value.values())
            elif isinstance(value, list):
                pending.extend(value)

    def sorted_share(self, kind: str) -> float | None:
        """How surely objects of `kind` keep their keys sorted: the share of neighbouring
        keys in order, in that kind or, when the whole document is sorted, in all of it.
        A first reading's own mistakes leave some pairs out of order in a sorted document,
        and many kinds have too few keys to tell on their own. But a root with keys out of
        order is not sorted: converters that sort every object often keep the root in the
        specification's order (`openapi`, `servers`, `info`, `externalDocs`...)."""
        unsorted_root = kind == "Document" and self._sorted[kind, False] >= _UNSORTED_ROOT
        if self._whole >= _SURE_DOCUMENT and not unsorted_root:
            return 1.0
        ordered, unordered = self._sorted[kind, True], self._sorted[kind, False]
        if ordered + unordered < _SEEN:
            return None
        return ordered / (ordered + unordered)

    def appends(self, key: str) -> bool:
        """Whether the document appends `key` out of sorted order to objects of some kind."""
        return key in self._appended_keys

    def _appends(self, kind: str, key: str, last: str) -> bool:
        """Whether `key`, out of sorted order after `last`, is one the document appends to
        objects of `kind`, never written before `last`."""
        return (kind, key) in self._appended and not self._before[kind, key, last]

    def capital_share(self, kind: str) -> float | None:
        """The share of names that begin with a capital letter in maps of `kind`, if known."""
        upper, lower = self._capital[kind, True], self._capital[kind, False]
        if upper + lower < _SEEN_NAMES:
            return None
        return upper / (upper + lower)

    def cost(self, frame: Frame, key: str, forced: bool = False) -> float:
        """Cost of appending `key` to `frame`; `forced` where no other open object would
        take it in sorted order, so that a key the document appends out of order (see
        `_appended`) is free here, as it is wherever else it may go."""
        if not self._sorted and self._whole < _SURE_DOCUMENT:
            return 0.0
        shape = frame.shape
        cost = 0.0
        if shape.container == MAP and (share := self.capital_share(shape.kind)) is not None:
            usual = share if key[:1].isupper() else 1 - share
            cost += UNUSUAL_NAME * max(0.0, (1 - _SURE_NAMES - usual) / (1 - _SURE_NAMES))
            if len(frame.keys) == 1 and usual < 0.5:
                cost += MINORITY_NAME
        if (
            frame.last is not None
            and key < frame.last
            and not (forced and self._appends(shape.kind, key, frame.last))
        ):
            share = self.sorted_share(shape.kind)
            if share is not None and share > _SURE:
                cost += UNSORTED * (share - _SURE) / (1 - _SURE)
        if shape.kind == "requirement" and self._schemes and key not in self._schemes:
            cost += UNKNOWN_SCHEME
        if key.startswith("x-") and self._extensions[shape.kind, key] >= _SEEN_EXTENSIONS:
            child = shape.child(key)
            if child is not None and child[1] == RARE_EXTENSION:
                cost -= RARE_EXTENSION - EXTENSION  # the document writes it there, as a habit
        if shape.container != OBJECT:
            return cost
        if (
            shape.kind == "Schema"
            and "$ref" in frame.keys
            and self._ref_siblings[key] >= _SEEN_SIBLINGS
        ):
            cost -= ref_sibling_cost(key)  # the document writes it there, as a habit
        broken = self._broken.get((shape.kind, key))
        if not broken:
            return cost
        found = [broken[earlier] for earlier in frame.keys if earlier in broken]
        return cost + OUT_OF_ORDER * max(found, default=0.0)


def _annotates(name: str) -> bool:
    """Whether `name`, beside a schema's `$ref`, may be the document's habit: not the `$ref`
    itself, nor a keyword that holds schemas (`properties`, `allOf`, `items`). Those there
    are a first reading's mistake, which the next reading must not learn (`properties` read
    into the `- $ref` item of an `allOf` before it). APIs.guru's directory writes
    annotations there (`description` in 380 of 2,639 documents, `readOnly` in 114) and
    schemas almost never (`properties` in 2)."""
    child = OBJECTS["Schema"].get(name)
    return name != "$ref" and (child is None or child.kind != "Schema")


def _appended(before: Counter[tuple[str, str, str]]) -> set[tuple[str, str]]:
    """(kind, key) of the keys a document writes after the sorted ones: converters that
    sort keys and then append some (`schema` and `examples` after a Parameter's
    `x-ms-parameter-location`, `content` after a Response's `description`). Such a key
    follows some key it sorts before, at least `_SEEN_EXCEPTION` times and never the other
    way, and precedes only keys appended too; a key a first reading misplaced between
    two others (an extension read into the operation before `responses`) is not one."""
    found = {
        (kind, later)
        for (kind, earlier, later), n in before.items()
        if later < earlier and n >= _SEEN_EXCEPTION and not before[kind, later, earlier]
    }
    followers: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for (kind, earlier, later), n in before.items():
        if n and (kind, earlier) in found:
            followers.setdefault((kind, earlier), set()).add((kind, later))
    while stray := {key for key in found if not followers.get(key, set()) <= found}:
        found -= stray
    return found

"""Open containers of a reading, shared between readings and never changed in place.

A reading copies only the frame it changes. Entries are a linked list, and a closed map or
list is kept as its frame until something needs its value (`value`), so closing a large map
costs nothing until the document is built.
"""

from __future__ import annotations

from typing import Any

from ...pointers import join
from .shapes import ANY_DATA, OBJECT, Shape

__all__ = ["Frame", "data"]


class Frame:
    """An open mapping or sequence; `pending` is the key or index whose value is read next."""

    __slots__ = (
        "_coarse",
        "_signature",
        "_value",
        "base",
        "below",
        "closing",
        "coarse_below",
        "count",
        "data_below",
        "entries",
        "hint",
        "keys",
        "last",
        "nested",
        "path",
        "pending",
        "schema",
        "seq",
        "shape",
        "slot",
        "strict",
    )

    def __init__(
        self,
        shape: Shape,
        seq: bool,
        path: str,
        schema: Any = None,
        hint: frozenset[str] | None = None,
        strict: bool = True,
    ) -> None:
        self.shape = shape
        self.schema = schema
        """For example data: the schema (a frame or a mapping) it is an instance of."""
        self.hint = hint
        """For an example object: the property names its schema declares."""
        self.strict = strict
        """Whether that schema is surely the example's: else names it lacks are not
        unlikely, only unconfirmed."""
        self.seq = seq
        self.path = path
        self.entries: tuple[Any, ...] | None = None
        self.keys: frozenset[str] = frozenset()
        self.count = 0
        self.last: str | None = None
        self.nested: tuple[tuple[Any, frozenset[str]], ...] = ()
        """The keys of each closed mapping it holds: later evidence may ask for them
        (`required` of `properties`), so readings that differ there differ."""
        self.pending: str | int | None = None
        self.slot: Shape = shape
        self._signature = 0
        self._value: Any = None
        self.closing: tuple[float, float] | None = None
        self.base = 0.0
        self.below = 0
        self.coarse_below = 0
        self.data_below = False
        self._coarse = 0
        """`chain` of the frame below it: a frame never moves onto another stack."""
        """The settled closing cost of the frames below it (`State.outlook`)."""
        """What closing it would cost (`evidence.closing_cost`), once asked."""

    def _copy(self) -> Frame:
        other = Frame.__new__(Frame)
        other.shape, other.seq, other.path = self.shape, self.seq, self.path
        other.schema, other.hint, other.strict = self.schema, self.hint, self.strict
        other.entries, other.keys, other.count = self.entries, self.keys, self.count
        other.last, other.pending, other.slot = self.last, self.pending, self.slot
        other.nested = self.nested
        other._value = None
        other._signature = 0
        other.closing = None
        other.base = self.base
        other.below = self.below
        other.coarse_below = self.coarse_below
        other.data_below = self.data_below
        other._coarse = 0
        return other

    @property
    def chain(self) -> int:
        """What readings with this stack of open frames share, down to the root: each
        frame's kind, keys, and what it reads next."""
        if not self._signature:
            signature = (self.below, id(self.shape), self.pending, self.keys, self.nested)
            self._signature = hash(signature) or 1
        return self._signature

    @property
    def coarse(self) -> int:
        """`chain` without the keys, and with free data counted as one frame however it
        nests: readings that differ only there are variants of one reading."""
        if not self._coarse:
            if self.shape.container != ANY_DATA:
                self._coarse = hash((self.coarse_below, id(self.shape), self.pending)) or 1
            elif self.data_below:
                self._coarse = self.coarse_below
            else:
                self._coarse = hash((self.coarse_below, ANY_DATA)) or 1
        return self._coarse

    def expect(self, key: str | int, slot: Shape) -> Frame:
        """This frame reading the value of `key` (a mapping key or a list index) next."""
        other = self._copy()
        other.pending, other.slot = key, slot
        if isinstance(key, str):
            other.keys = self.keys | {key}
            other.last = key
        return other

    def fill(self, value: Any) -> Frame:
        """This frame with the pending value given (a scalar, or a closed `Frame`)."""
        other = self._copy()
        if isinstance(value, Frame) and not value.seq and self.shape.container == OBJECT:
            other.nested = (*self.nested, (self.pending, value.keys))
        other.entries = (self.pending, value, self.entries)
        other.count += 1
        other.pending = None
        return other

    def here(self) -> str:
        return join(self.path, self.pending) if self.pending is not None else self.path

    def value(self) -> Any:
        """The container's value, nested frames included; computed once, innermost first
        (a wrong reading may nest deeper than Python's recursion allows)."""
        pending = [self]
        while pending:
            frame = pending[-1]
            if frame._value is not None:
                pending.pop()
                continue
            items = frame._entries()
            inner = [v for _, v in items if isinstance(v, Frame) and v._value is None]
            if inner:
                pending.extend(inner)
                continue
            pending.pop()
            if frame.seq:
                frame._value = [data(value) for _, value in items]
            else:
                frame._value = {key: data(value) for key, value in items}
        return self._value

    def _entries(self) -> list[tuple[Any, Any]]:
        items = []
        node = self.entries
        while node is not None:
            items.append((node[0], node[1]))
            node = node[2]
        items.reverse()
        return items

    def items(self) -> list[Any]:
        """The values of a sequence, nested containers left as frames (cheap)."""
        return [value for _, value in self._entries()]

    def shallow(self) -> dict[Any, Any]:
        """The entries of a mapping, nested containers left as frames (cheap)."""
        result: dict[Any, Any] = {}
        node = self.entries
        while node is not None:
            result.setdefault(node[0], node[1])
            node = node[2]
        return result


def data(value: Any) -> Any:
    """A value with any frame in it turned into its container."""
    return value.value() if isinstance(value, Frame) else value

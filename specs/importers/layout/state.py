"""What a reading is while the search runs, and what the search gives back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .evidence import settled_cost
from .frames import Frame

__all__ = ["AFTER", "BLOCK", "PLAIN", "VALUE", "Emit", "Failure", "Reading", "State"]

AFTER, VALUE, PLAIN, BLOCK = 0, 1, 2, 3
"""What a reading expects next: a key or dash, a value, more of a plain or a block scalar."""


class State:
    """One reading: its cost so far, the token it is at, what it expects there (`mode`, with
    `aux` the token where a scalar or a spaced key began), and its open frames. `trail` and
    `notes` are linked lists of its decisions and of the close calls it won."""

    __slots__ = ("aux", "cost", "mode", "notes", "pos", "result", "stack", "trail")

    def outlook(self) -> float:
        """Its cost with what closing its open objects would cost now: a reading that
        keeps a faulty object open must not look better for it."""
        top = self.stack[-1] if self.stack else None
        return self.cost + (top.base + settled_cost(top) if top else 0.0)

    def __init__(
        self,
        cost: float,
        pos: int,
        mode: int,
        stack: tuple[Frame, ...],
        aux: int,
        trail: Any,
        notes: Any,
    ) -> None:
        self.cost = cost
        self.pos = pos
        self.mode = mode
        self.stack = stack
        self.aux = aux
        self.trail = trail
        self.notes = notes
        self.result: Any = None

    def signature(self) -> tuple[int, int, int]:
        return (self.mode, self.aux, self.stack[-1].chain if self.stack else 0)

    def variant_of(self) -> tuple[int, int, int]:
        """The reading this one is a variant of (see `Frame.coarse`)."""
        return (self.mode, self.aux, self.stack[-1].coarse if self.stack else 0)


class Failure(Exception):
    """No reading gets past the token at `position` (an index into the tokens)."""

    def __init__(self, position: int) -> None:
        super().__init__(position)
        self.position = position


class Reading:
    """The best reading: the document, its cost, and close calls as (pointer, message)."""

    def __init__(self, document: dict[str, Any], cost: float, notes: list[tuple[str, str]]):
        self.document = document
        self.cost = cost
        self.notes = notes


Emit = Callable[[State], None]

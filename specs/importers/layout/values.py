"""Values: nested containers, quoted and flow scalars, and where plain and block scalars end.

A plain scalar cannot hold `: `, so in either damage it ends at the next key; in collapsed
text the words before that key may belong to the key (`Option One:`), and a lone `-` may be
text. A block scalar may hold anything: it ends at some later key or dash, each a decision.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any

import yaml

from . import scalars
from .evidence import (
    example_schema,
    listed_cost,
    one_word,
    placement_cost,
    schema_names,
    settled_cost,
    vouched,
)
from .frames import Frame
from .placing import DASH_IN_TEXT, SHADOWED, SPACED_KEY_WORDS, Placing, key_cost, unbalanced
from .shapes import ANY_DATA, MAP
from .state import AFTER, BLOCK, PLAIN, VALUE, Emit, State
from .tokens import BLOCK_HEADER, DASH, KEY, TEXT, Token, scan_flow, scan_quoted

__all__ = ["Reader"]

EMPTY_VALUE = 3.0  # `key:` with nothing under it: emitters write `null`
SWALLOWED = 1.0  # a key or dash read as text of a block scalar
SWALLOWED_LINE = 4.0  # a line that begins with a field name: text seldom reads `type: object`
SWALLOWED_FEW = 4
"""With line breaks kept, a block scalar's lines that read as prose (a markdown bullet, a key
of several words: `For models of the SDXL family:`) cost as swallowed up to this many; a
long text holds more, and they say nothing more. Lines that begin with a name (`code:`,
`- name:`) cost each, and those that begin with a field name more."""
CUT_SENTENCE = 2.0
"""Collapsed text: prose that ends in words after its last sentence, begun in lower case
(`... or a number. string and`), has taken the first words of the next key: 180 of
268,187 descriptions and summaries in APIs.guru end so."""
_PROSE = frozenset({"description", "summary"})
_FRAGMENT = re.compile(r"[.!?] +[a-z][^.!?]*$")
UNLIKE_ITEM = 2.0  # collapsed text: an item of several words among one-word items
_ALIKE_ITEMS = 2


NAMED_REACH = 16  # words of the longest name in an open map that a collapsed key may take


class Reader(Placing):
    """Every move a reading can make from where it is (`expand`)."""

    def value(self, state: State, emit: Emit) -> None:
        """The top frame waits for a value: a nested container, a scalar, or nothing."""
        top = state.stack[-1]
        slot = top.slot
        if state.pos == len(self.tokens):
            self.finish(self._filled(state, None, state.pos), emit)
            return
        token = self.tokens[state.pos]
        if token.kind == KEY:
            if not token.part:
                self._nested(state, self.keys[state.pos], state.pos, 0.0, emit)
            self.after(self._filled(state, None, state.pos, EMPTY_VALUE), emit)
        elif token.kind == DASH:
            if slot.sequence:
                schema = example_schema(top, self.habits.schema)
                frame = Frame(slot, True, top.here(), schema, strict=vouched(top))
                self._push(state, 0.0, frame.expect(0, slot.item or slot), emit)
            self.after(self._filled(state, None, state.pos, EMPTY_VALUE), emit)
        else:
            self._scalar(state, token, emit)

    def _nested(self, state: State, key: str, at: int, cost: float, emit: Emit) -> None:
        """The value is a mapping whose first key, at token `at`, is `key`."""
        top = state.stack[-1]
        slot = top.slot
        if not slot.mapping or (found := slot.child(key)) is None:
            return
        shape, cost = found[0], cost + found[1]
        schema = example_schema(top, self.habits.schema)
        names = schema_names(schema, self.habits.schema)
        frame = Frame(slot, False, top.here(), schema, names, vouched(top))
        cost += placement_cost(frame, key, self._peek(at))
        if slot.container == MAP:
            cost += self._target(frame.path, key)
        self._push(state, cost, frame.expect(key, shape), emit, at)

    def _push(
        self, state: State, cost: float, frame: Frame, emit: Emit, at: int | None = None
    ) -> None:
        at = state.pos if at is None else at
        below = state.stack[-1]
        frame.base = below.base + settled_cost(below)
        frame.below = below.chain
        frame.coarse_below = below.coarse
        frame.data_below = below.shape.container == ANY_DATA
        trail = (at, frame, state.trail)
        stack = (*state.stack, frame)
        emit(State(state.cost + cost, at + 1, VALUE, stack, 0, trail, state.notes))

    def _scalar(self, state: State, token: Token, emit: Emit) -> None:
        if token.text[0] in "'\"[{":
            if state.pos not in self._enclosed:
                self._enclosed[state.pos] = self._enclosed_value(token)
            read = self._enclosed[state.pos]
            if read is not None:
                emit(self._filled(state, read[0], read[1]))
        elif BLOCK_HEADER.fullmatch(token.text.split(" #")[0].strip()):
            emit(self._moved(state, state.pos + 1, BLOCK, state.pos, 0.0))
        else:
            self.plain(self._moved(state, state.pos + 1, PLAIN, state.pos, 0.0), emit)

    def _enclosed_value(self, token: Token) -> tuple[Any, int] | None:
        """A quoted scalar's or flow collection's value and the token after it; None where
        YAML cannot read one there (not this reading)."""
        quoted = token.text[0] in "'\""
        end = (scan_quoted if quoted else scan_flow)(self.source, token.start)
        if end is None:
            return None
        raw = self.source[token.start : end]
        after = self._skip(end)
        if after is None:
            return None
        try:
            return (scalars.quoted(raw, self.collapsed) if quoted else scalars.flow(raw)), after
        except yaml.YAMLError:
            return None

    def _skip(self, end: int) -> int | None:
        """The token after a scalar that ends at offset `end`, if nothing but a comment or
        space follows it on its token."""
        index = bisect_left(self.starts, end)
        rest = self.source[end : self.tokens[index - 1].end]
        if rest.strip() and not rest.lstrip().startswith("#"):
            return None
        return index

    def plain(self, state: State, emit: Emit) -> None:
        """A plain scalar ends at the next key, or at a dash unless the dash is its text."""
        end = self.next[state.pos]
        start = state.aux
        if self.collapsed and end < len(self.tokens) and self.tokens[end].kind == KEY:
            self._spaced_keys(state, end, emit)
        raw = self.source[self.tokens[start].start : self.tokens[end - 1].end]
        if self.collapsed:
            cost = unbalanced(raw) + (key_cost(self.keys[end]) if end < len(self.keys) else 0)
            cost += _words_cost(state.stack[-1], raw, whole=True)
            emit(self._filled(state, scalars.plain(raw), end, cost))
        else:
            emit(self._filled(state, scalars.plain_lines(raw), end))
        if end < len(self.tokens) and self.tokens[end].kind == DASH and self._text_line(end + 1):
            emit(self._moved(state, end + 1, PLAIN, state.aux, DASH_IN_TEXT))

    def _spaced_keys(self, state: State, end: int, emit: Emit) -> None:
        """Collapsed text: the words before a key may be part of it (`Option One:`)."""
        start = state.aux
        top = state.stack[-1]
        if not top.slot.takes_text:
            # No text can go here (a map of named examples): every word is the key's, however
            # many (`Create or update a database's blob auditing policy:`).
            if (spaced := self.spaced_key(start, end, forced=True)) is not None:
                self._nested(state, spaced[0], end, spaced[1], emit)
            return
        forced = one_word(top)
        reach = SPACED_KEY_WORDS if forced else self.spaced_reach(end)
        if end - reach > start:
            reach = max(reach, _named_reach(state.stack))
        dashes = 0.0
        for first in range(end - 1, max(start, end - reach) - 1, -1):
            if self.tokens[first].kind == DASH and first > start:
                dashes += DASH_IN_TEXT  # `Create or Update rule - AlertingAction:`
                continue
            if self.tokens[first].kind != TEXT:
                break
            spaced = self.spaced_key(first, end, forced and first == start + 1)
            if spaced is None:
                continue  # `` `null` default): `` may yet begin a word earlier
            key, cost = spaced
            cost += dashes
            if first == start:
                # All the value's words and a field an open object lacks (`example: 70
                # minLength: 1` in a schema, `type: test_type parameters:` in an example
                # of `components`): more likely the value, then that field.
                shadowed = _lacking(state.stack, self.keys[end])
                self._nested(state, key, end, cost + (SHADOWED if shadowed else 0.0), emit)
                continue
            raw = self.source[self.tokens[start].start : self.tokens[first - 1].end]
            cost += unbalanced(raw) + _words_cost(state.stack[-1], raw, whole=False)
            filled = self._filled(state, scalars.plain(raw), end, cost)
            filled.aux = first
            emit(filled)

    def _text_line(self, index: int) -> bool:
        """Whether a dash's line can be text: a plain scalar cannot hold `key: ` (lines)."""
        if self.collapsed or index >= len(self.tokens):
            return True
        token = self.tokens[index]
        return token.first or token.kind == TEXT

    def block(self, state: State, emit: Emit) -> None:
        """A block scalar's text ends where a key or dash starts structure again."""
        end = self.next[state.pos]
        header = self.tokens[state.aux]
        stop = self.tokens[end].start if end < len(self.tokens) else len(self.source)
        text = self.source[header.end : stop]
        trailing = 0
        if self.collapsed:
            lines = [" ".join(text.split())]
        else:
            pieces = text.split("\n")
            whole = stop == len(self.source) and not text.endswith("\n")
            lines = [line.strip() for line in pieces[1 : None if whole else -1]]
            while lines and not lines[-1]:
                lines.pop()
                trailing += 1
        value = scalars.block(header.text.split(" #")[0].strip(), lines, trailing)
        emit(self._filled(state, value, end))
        if end < len(self.tokens):
            emit(self._moved(state, end + 1, BLOCK, state.aux, self._swallowed(state, end)))

    def _swallowed(self, state: State, end: int) -> float:
        """Cost of reading the key or dash at `end` as text of a block scalar: dear for a
        line that begins with a field of an open object (data keys are anyone's words)."""
        if self.collapsed:
            return SWALLOWED
        key = self.keys[end] if self.tokens[end].kind == KEY else None
        if key is not None and any(key in frame.shape.fields for frame in state.stack):
            return SWALLOWED_LINE
        if not self.prose[end]:
            return SWALLOWED
        swallowed = self.prose_before[end] - self.prose_before[state.aux + 1]
        return SWALLOWED if swallowed < SWALLOWED_FEW else 0.0

    def expand(self, state: State, emit: Emit) -> None:
        if state.mode == AFTER:
            self.after(state, emit)
        elif state.mode == VALUE:
            self.value(state, emit)
        elif state.mode == PLAIN:
            self.plain(state, emit)
        else:
            self.block(state, emit)


def _lacking(stack: tuple[Frame, ...], field: str) -> bool:
    """Whether an open object could still take `field`."""
    return any(field in frame.shape.fields and field not in frame.keys for frame in stack)


def _named_reach(stack: tuple[Frame, ...]) -> int:
    """How many words a key may take in collapsed text where an open map already names its
    entries with that many (named examples: `Create or Update rule - AlertingAction`)."""
    return max((_longest(frame.keys) for frame in stack if frame.shape.container == MAP), default=0)


@lru_cache(maxsize=4096)
def _longest(names: frozenset[str]) -> int:
    return min(max((len(name.split()) for name in names), default=0), NAMED_REACH)


def _words_cost(frame: Frame, raw: str, whole: bool) -> float:
    """Collapsed text: what says the words of a plain scalar run into the next key. Items
    of one list are written alike (after `- available - pending`, `- sold enum (with
    default):` more likely has the key `enum (with default)`), a default is one of the
    schema's `enum` values, and prose ends with a sentence. A one-word value up to the
    key (`whole`) was checked as its key was placed."""
    if frame.seq:
        if frame.count < _ALIKE_ITEMS or " " not in raw.strip():
            return 0.0
        alike = all(isinstance(item, str) and " " not in item for item in frame.items())
        return UNLIKE_ITEM if alike else 0.0
    if whole and " " not in raw.strip():
        return 0.0
    cut = frame.pending in _PROSE and _FRAGMENT.search(" ".join(raw.split()))
    return listed_cost(frame, scalars.plain(raw)) + (CUT_SENTENCE if cut else 0.0)

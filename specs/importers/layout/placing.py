"""Where a key or a dash goes: into which open mapping or list, closing what lies above.

Every open container that the grammar lets take the key is a candidate. Its cost is what the
evidence says of the key there (`evidence.placement_cost`, a glimpse of the value, the
document's habits, `$ref`s that name it), plus what closing the containers above would say.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate
from typing import Any

from ...pointers import join, parse_ref, split
from . import scalars
from .evidence import (
    LONG_TEXT,
    UNSEEN,
    WRONG_CONTAINER,
    carried_cost,
    closing_cost,
    described_cost,
    described_names,
    mapping_names,
    placement_cost,
    required_names,
    self_reference,
    value_cost,
)
from .frames import Frame
from .habits import Habits
from .shapes import ANY_DATA, MAP, Shape
from .state import AFTER, VALUE, Emit, State
from .tokens import DASH, KEY, TEXT, Token, plain_key

__all__ = ["MARGIN", "SPACED_KEY_WORDS", "Placing", "key_cost", "spaced_key_cost", "unbalanced"]

MARGIN = 30.0  # a reading this much worse than the best is dropped
LOCAL = 4.0  # of one reading's candidates, only those this close to its best are tried
CANDIDATES = 5  # and at most this many
TIE = 0.001  # with nothing else to go by, a key stays in the innermost container
SHADOWED = 1.0  # an entry named like a field of an open object (see `_shadowed`)
SHADOW_FIT = 2.0  # that field's reading must cost at most this to cast the shadow
_NAMED = (MAP, ANY_DATA)
REFERENCED = -2.0  # a named entry that a `$ref` points to (a bonus)
SELF_REFERENCE = 5.0  # a `$ref` to the object that holds it
SPACED_KEY = 1.5  # an extra word of a key in collapsed text (`Option One:`)
SPACED_KEY_MORE = 0.5  # each word after it: a name with spaces seldom stops at two words
SPACED_KEY_WORDS = 8
SPACED_KEY_SHORT = 3  # words before a key word that can stand alone
DASH_IN_TEXT = 2.0  # a lone `-` read as text of a plain scalar, not as a list item
UNBALANCED = 2.0  # a collapsed key or value split off with a bracket left open
BRACKETED_KEY = 3.0
"""Collapsed text: a key that begins with a bracket (`(null):`) has lost its first words to
the value before it (3 such keys in 2.5 million in APIs.guru, to 6,171 with spaces)."""
MIXED_ITEMS = 1.5  # a list item of another kind than the one before
REQUIRED_NAMED = -1.0  # a property its schema's `required` names, read or still ahead (a bonus)
_REQUIRING = frozenset({"required", "allOf", "anyOf", "oneOf"})
UNDESCRIBED = 1.0  # a property its schema's description does not name, beside all it does
_DESCRIBED = 2  # names a description must quote before it counts as a list of properties
REQUIRED_AHEAD = 2000  # tokens ahead in which a `required` list may name a property
UNLIKE_RECORD = 1.0
"""A key that the record before it in a list of example data lacks, where this record has
that one's keys and no other so far: instances of one schema are alike (`{apis: [{...},
{...}], total: 2}`). An extension's records (`x-code-samples`) often have optional keys."""
Candidate = tuple[int, float, "Shape | None"]


def _kind(value: Any) -> type | None:
    """What a value is, for comparing list items: a mapping, a list, a scalar, or unknown."""
    if value is UNSEEN:
        return None
    if isinstance(value, Frame):
        return list if value.seq else dict
    if value is dict or value is list:
        return value
    return dict if isinstance(value, dict) else list if isinstance(value, list) else str


def spaced_key_cost(words: int) -> float:
    """Cost of a collapsed key with `words` extra words before its last one."""
    return SPACED_KEY + SPACED_KEY_MORE * (words - 1)


def key_cost(key: str) -> float:
    """Cost of a collapsed key for the brackets it leaves open or begins with."""
    return unbalanced(key) + (BRACKETED_KEY if key.startswith(("(", "[")) else 0.0)


@lru_cache(maxsize=8192)
def unbalanced(text: str) -> float:
    """Collapsed text splits keys from values by guesswork; a split that leaves a bracket
    open on one side is the less likely one."""
    for opening, closing in ("()", "[]"):
        if text.count(opening) != text.count(closing):
            return UNBALANCED
    return 0.0


def _mixed(frame: Frame, kind: type | None) -> float:
    """Lists hold items of one kind: a list among scalars is more likely a new item of an
    outer list."""
    if kind is None or frame.entries is None:
        return 0.0
    return MIXED_ITEMS if _kind(frame.entries[1]) not in (kind, None) else 0.0


class Placing:
    """The tokens of one text and the decisions about keys and dashes in them."""

    def __init__(self, source: str, tokens: list[Token], collapsed: bool, habits: Habits) -> None:
        self.source = source
        self.tokens = tokens
        self.collapsed = collapsed
        self.habits = habits
        self.keys = [scalars.key_text(t.text) if t.kind == KEY else "" for t in tokens]
        self.starts = [t.start for t in tokens]
        self.next = self._candidates()
        self.prose = [self._prose(index) for index in range(len(tokens))]
        self.prose_before = [0, *accumulate(self.prose)]
        self.targets = self._targets()
        self._targeted = frozenset(split(target)[-1] for target in self.targets if target)
        self.required = self._required_ahead()
        # What depends on the text alone, asked again by every reading that gets there.
        self._peeks: dict[int, Any] = {}
        self._fits: dict[tuple[int, int], float] = {}
        self._spaced: dict[tuple[int, int, bool], tuple[str, float] | None] = {}
        self._enclosed: dict[int, tuple[Any, int] | None] = {}

    def _targets(self) -> frozenset[str]:
        """The local pointers that `$ref`s anywhere in the text point to."""
        found = set()
        for index, token in enumerate(self.tokens[:-1]):
            if token.kind == KEY and self.keys[index] == "$ref":
                value = self.tokens[index + 1].text.strip("'\"")
                if value.startswith("#/"):
                    found.add(parse_ref(value)[1])
        return frozenset(found)

    def _target(self, path: str, key: str) -> float:
        """A bonus for a named entry that some `$ref` points to."""
        if key not in self._targeted:
            return 0.0  # most keys: no `$ref` ends in their name
        return REFERENCED if join(path, key) in self.targets else 0.0

    def _required_ahead(self) -> list[frozenset[str] | None]:
        """For each key, the names of the first `required` list after it that names it, if
        near: a schema's `required` often follows its properties, too late to keep the
        reading that placed them right in the beam."""
        lists: list[tuple[int, frozenset[str]]] = []
        tokens = self.tokens
        for index, token in enumerate(tokens[:-2]):
            if token.kind != KEY or self.keys[index] != "required":
                continue
            listed = []
            item = index + 1
            while item + 1 < len(tokens) and tokens[item].kind == DASH:
                if tokens[item + 1].kind != TEXT:
                    break
                listed.append(str(scalars.plain(tokens[item + 1].text.split(" ")[0])))
                item += 2
            if listed:
                lists.append((index, frozenset(listed)))
        result: list[frozenset[str] | None] = [None] * len(tokens)
        nearest: dict[str, tuple[int, frozenset[str]]] = {}
        for index in range(len(tokens) - 1, -1, -1):
            while lists and lists[-1][0] > index:
                at, names = lists.pop()
                nearest.update(dict.fromkeys(names, (at, names)))
            # A list names the last key of its name before it: once is enough.
            found = nearest.pop(self.keys[index], None) if tokens[index].kind == KEY else None
            if found is not None and found[0] - index <= REQUIRED_AHEAD:
                result[index] = found[1]
        return result

    def _prose(self, index: int) -> bool:
        """Whether a line that begins at token `index` reads as prose if it is text: a key
        of several words, or a dash before words that are not a one-word key."""
        token = self.tokens[index]
        if self.collapsed or not token.first or token.kind == TEXT:
            return False
        if token.kind == DASH:
            after = index + 1
            return after < len(self.tokens) and (
                self.tokens[after].kind == TEXT or " " in self.keys[after]
            )
        return " " in self.keys[index]

    def _candidates(self) -> list[int]:
        """For each token, the first token from it on that may be structure."""
        result = [len(self.tokens)] * (len(self.tokens) + 1)
        for index in range(len(self.tokens) - 1, -1, -1):
            token = self.tokens[index]
            structure = token.kind != TEXT and (self.collapsed or token.first)
            result[index] = index if structure else result[index + 1]
        return result

    # Decisions.

    def after(self, state: State, emit: Emit) -> None:
        """A value is complete: the token at `pos` is a key or dash of some open container.

        Each open container that may take it is a candidate; the closings needed to reach it
        are costed only down to the deepest candidate worth trying.
        """
        if state.pos == len(self.tokens):
            self.finish(state, emit)
            return
        token = self.tokens[state.pos]
        if token.kind == TEXT and self.collapsed and state.aux == 0:
            self._spaced_after(state, emit)
        if token.kind == TEXT or not (self.collapsed or token.first):
            return
        if token.part and state.aux == 0:
            return
        if token.kind == KEY:
            candidates = self._key_candidates(state)
        else:
            kind = _kind(self._peek(state.pos))
            candidates = [
                (depth, _mixed(frame, kind) - TIE * depth, None)
                for depth, frame in reversed(list(enumerate(state.stack)))
                if frame.seq
            ]
        if candidates:
            self._place(state, candidates, emit)

    def _spaced_after(self, state: State, emit: Emit) -> None:
        """Collapsed text: after a quoted or flow value, words then a key are one key, a
        lone `-` among them included (`Create or Update rule - AlertingAction:`)."""
        end, cost = self._key_after(state.pos)
        if end >= len(self.tokens) or self.tokens[end].kind != KEY:
            return
        key = self.source[self.tokens[state.pos].start : self.tokens[end].start]
        if plain_key(key + self.tokens[end].text):
            cost += spaced_key_cost(end - state.pos)
            self.after(self._moved(state, end, AFTER, state.pos, cost), emit)

    def _key_candidates(self, state: State) -> list[Candidate]:
        """(depth, cost, shape of its value) of each open mapping that may take the key.

        What the grammar and the value's first token say is cheap and decides most keys;
        the finer evidence is weighed only for candidates that it leaves in the running.
        """
        stack = state.stack
        key = self._key(state)
        peek = self._peek(state.pos)
        rough: list[tuple[int, float, Shape]] = []
        for depth in range(len(stack) - 1, -1, -1):
            frame = stack[depth]
            if frame.seq or key in frame.keys or (found := frame.shape.child(key)) is None:
                continue
            shape, cost = found
            rough.append((depth, cost + self._fit(shape, peek, state.pos) - TIE * depth, shape))
        if not rough:
            return []
        cut = min(cost for _, cost, _ in rough) + LOCAL - REFERENCED
        described = key == "description"
        # Where the key is a field and keeps the sorted order, for a key the document
        # appends out of it (`Habits.cost`).
        in_order = (
            {
                depth
                for depth, _, _ in rough
                if key in stack[depth].shape.fields and (stack[depth].last or "") < key
            }
            if self.habits.appends(key)
            else set()
        )
        candidates: list[Candidate] = []
        for depth, grammar, shape in rough:
            if grammar > cut:
                continue
            frame = stack[depth]
            inner = stack[depth + 1] if depth + 1 < len(stack) else None
            cost = grammar + placement_cost(frame, key, peek, inner)
            cost += self.habits.cost(frame, key, not in_order - {depth})
            cost += carried_cost(stack, depth, key)
            if described:
                cost += described_cost(stack, depth)
            if frame.shape.container == MAP:
                cost += self._target(frame.path, key)
            candidates.append((depth, cost, shape))
        candidates = self._required_named(
            self._shadowed(candidates, stack, key), stack, key, state.pos
        )
        return self._unlike_neighbours(candidates, stack, key)

    def _place(self, state: State, candidates: list[Candidate], emit: Emit) -> None:
        """Each candidate worth trying, with the cost of closing what lies above it."""
        best = min(cost for _, cost, _ in candidates)
        candidates = [c for c in candidates if c[1] <= best + LOCAL]
        if len(candidates) > CANDIDATES:
            # The innermost stays in any case: most keys belong there, whatever they cost.
            innermost, *outer = candidates
            kept = sorted(outer, key=lambda c: c[1])[: CANDIDATES - 1]
            candidates = [innermost, *sorted(kept, key=lambda c: -c[0])]
        stack = state.stack
        closing = 0.0
        child: Frame | None = None
        wanted = iter(candidates)
        depth, cost, shape = next(wanted)
        placed_any = False
        for level in range(len(stack) - 1, candidates[-1][0] - 1, -1):
            frame = stack[level] if child is None else stack[level].fill(child)
            if level == depth:
                if shape is None:
                    placed = frame.expect(frame.count, frame.shape.item or frame.shape)
                else:
                    placed = frame.expect(self._key(state), shape)
                self._decide(state, cost + closing, (*stack[:level], placed), emit)
                placed_any = True
                depth, cost, shape = next(wanted, (-1, 0.0, None))
            closing += closing_cost(frame)
            child = frame
            # Closings this dear are not worth trying, unless the key has no place otherwise:
            # a reading gone wrong deep down may still find the right place further out.
            if closing > MARGIN and placed_any:
                break

    @staticmethod
    def _shadowed(
        candidates: list[Candidate], stack: tuple[Frame, ...], key: str
    ) -> list[Candidate]:
        """A key that names a field of an open object, and would fit there, more likely is
        that field than an entry named like it in a map or in data."""
        if not any(
            cost <= SHADOW_FIT and key in stack[depth].shape.fields for depth, cost, _ in candidates
        ):
            return candidates
        return [
            (depth, cost + SHADOWED if stack[depth].shape.container in _NAMED else cost, shape)
            for depth, cost, shape in candidates
        ]

    def _required_named(
        self, candidates: list[Candidate], stack: tuple[Frame, ...], key: str, pos: int
    ) -> list[Candidate]:
        """A property goes where its schema's `required` names it: the list the schema
        already has, or else the one ahead that names the key and most of the properties
        a candidate already holds."""
        ahead = self.required[pos]
        named: set[int] = set()
        overlaps: dict[int, int] = {}
        for depth, _, _ in candidates:
            schema = stack[depth - 1] if depth else None
            if schema is None or schema.pending != "properties" or schema.shape.kind != "Schema":
                continue
            if not schema.keys.isdisjoint(_REQUIRING):
                if key in required_names(schema):
                    named.add(depth)
            elif ahead is not None:
                overlaps[depth] = len(stack[depth].keys & ahead)
        if overlaps and (best := max(overlaps.values())):
            named.update(depth for depth, overlap in overlaps.items() if overlap == best)
        if not named:
            return candidates
        return [(d, c + REQUIRED_NAMED if d in named else c, s) for d, c, s in candidates]

    @staticmethod
    def _unlike_neighbours(
        candidates: list[Candidate], stack: tuple[Frame, ...], key: str
    ) -> list[Candidate]:
        """What a candidate already holds can say it is complete. A schema whose
        description quotes the names of all the properties read so far, and no others, has
        no more: a key it does not name belongs further out. A record of example data that
        has the keys of the record before it, and no others, gets no key that one lacks."""
        result = candidates
        for index, (depth, cost, shape) in enumerate(candidates):
            if not depth:
                continue
            frame, parent = stack[depth], stack[depth - 1]
            if parent.pending == "properties":
                named = described_names(parent)
                listed = len(named) >= _DESCRIBED and frame.keys == named
                extra = UNDESCRIBED if listed and key not in named else 0.0
            elif parent.seq and parent.entries is not None and parent.shape.container == ANY_DATA:
                # (A candidate never holds the key already.)
                same = not frame.seq and mapping_names(parent.entries[1]) == frame.keys
                same = same and not any(part.startswith("x-") for part in split(parent.path))
                extra = UNLIKE_RECORD if same else 0.0
            else:
                continue
            if extra:
                result = result if result is not candidates else list(candidates)
                result[index] = (depth, cost + extra, shape)
        return result

    def _key(self, state: State) -> str:
        """The key at `pos`; in collapsed text it may begin words earlier, at `aux`."""
        if state.aux == 0:
            return self.keys[state.pos]
        key = self.source[self.tokens[state.aux].start : self.tokens[state.pos].start]
        return scalars.key_text(key + self.tokens[state.pos].text)

    def spaced_reach(self, end: int) -> int:
        """How many words before the key at `end` may be part of it in collapsed text: a
        key word that can stand alone rarely has more than two before it; one that closes a
        bracket (`required):`) cannot stand alone."""
        alone = not self.tokens[end].part and not unbalanced(self.keys[end])
        return SPACED_KEY_SHORT if alone else SPACED_KEY_WORDS

    def spaced_key(self, first: int, end: int, forced: bool = False) -> tuple[str, float] | None:
        """The key that the words from token `first` and the key at `end` make, and its
        cost, if YAML can read them as one plain key. `forced`: the value before them takes
        one word, so they must be the key's, and how many they are is no evidence."""
        known = (first, end, forced)
        if known not in self._spaced:
            self._spaced[known] = self._spaced_key(first, end, forced)
        return self._spaced[known]

    def _spaced_key(self, first: int, end: int, forced: bool) -> tuple[str, float] | None:
        key = self.source[self.tokens[first].start : self.tokens[end].start]
        key += self.tokens[end].text
        if not plain_key(key):
            return None
        words = 1 if forced else end - first
        return scalars.key_text(key), spaced_key_cost(words) + key_cost(key)

    def _fit(self, shape: Shape, peek: Any, pos: int) -> float:
        """Cost of what the value of the key at `pos` begins with, in a slot of `shape`:
        a nested mapping's first key must be one the slot's object takes. In collapsed
        text, words that run into a key may be that first key (`mapping: Option One: ...`)."""
        known = (id(shape), pos)
        if known not in self._fits:
            self._fits[known] = self._fit_once(shape, peek, pos)
        return self._fits[known]

    def _fit_once(self, shape: Shape, peek: Any, pos: int) -> float:
        if peek is UNSEEN:
            return 0.0
        if peek is list:
            return 0.0 if shape.sequence else WRONG_CONTAINER
        if peek is dict:
            found = shape.child(self.keys[pos + 1]) if shape.mapping else None
            return WRONG_CONTAINER if found is None else found[1]
        cost = value_cost(shape, peek)
        if not (self.collapsed and shape.mapping):
            return cost
        end, dashes = self._key_after(pos + 1)
        if end >= len(self.tokens) or self.tokens[end].kind != KEY:
            return cost
        # Where no text can go (a map of named examples), every word is the key's.
        forced = not shape.takes_text
        if not forced and end - (pos + 1) > self.spaced_reach(end):
            return cost
        spaced = self.spaced_key(pos + 1, end, forced)
        found = shape.child(spaced[0]) if spaced is not None else None
        if spaced is None or found is None:
            return cost
        return min(cost, spaced[1] + found[1] + dashes)

    def _key_after(self, pos: int) -> tuple[int, float]:
        """The first key or dash from token `pos` on, past lone dashes that may be words of
        a collapsed key (`Create or Update rule - AlertingAction:`), and what reading them
        as words costs."""
        end = self.next[pos]
        cost = 0.0
        while end + 1 < len(self.tokens) and self.tokens[end].kind == DASH:
            end = self.next[end + 1]
            cost += DASH_IN_TEXT
        return end, cost

    def _peek(self, pos: int) -> Any:
        """A glimpse of the value of the key at `pos`: a one-word scalar, `dict` or `list`
        for a nested container, `LONG_TEXT` for longer text, or `UNSEEN`."""
        if pos not in self._peeks:
            self._peeks[pos] = self._glimpse(pos)
        return self._peeks[pos]

    def _glimpse(self, pos: int) -> Any:
        if pos + 1 >= len(self.tokens):
            return UNSEEN
        after = self.tokens[pos + 1]
        if after.kind != TEXT or (after.first and not self.collapsed):
            if after.kind == KEY:
                return dict
            return list if after.kind == DASH else UNSEEN
        if after.text[0] in "[{'\"":
            return UNSEEN
        if self.collapsed and pos + 2 < len(self.tokens) and self.next[pos + 2] != pos + 2:
            return LONG_TEXT
        return scalars.plain(after.text) if " " not in after.text else LONG_TEXT

    def _decide(self, state: State, cost: float, stack: tuple[Frame, ...], emit: Emit) -> None:
        trail = (state.pos, stack[-1], state.trail)
        emit(State(state.cost + cost, state.pos + 1, VALUE, stack, 0, trail, state.notes))

    def finish(self, state: State, emit: Emit) -> None:
        cost = state.cost
        child: Frame | None = None
        for open_frame in reversed(state.stack):
            frame = open_frame if child is None else open_frame.fill(child)
            cost += closing_cost(frame)
            child = frame
        final = State(cost, len(self.tokens) + 1, AFTER, (), 0, state.trail, state.notes)
        final.result = child
        emit(final)

    # Helpers.

    def _filled(self, state: State, value: Any, pos: int, cost: float = 0.0) -> State:
        top = state.stack[-1]
        cost += state.cost + value_cost(top.slot, value, top)
        if top.pending == "$ref" and isinstance(value, str) and self_reference(top.path, value):
            cost += SELF_REFERENCE
        stack = (*state.stack[:-1], top.fill(value))
        return State(cost, pos, AFTER, stack, 0, state.trail, state.notes)

    def _moved(self, state: State, pos: int, mode: int, aux: int, cost: float) -> State:
        return State(state.cost + cost, pos, mode, state.stack, aux, state.trail, state.notes)

"""Beam search over the readings of layout-damaged YAML.

A reading is a stack of open containers. At each key it decides which open mapping the key
belongs to (closing everything above it), at each dash which open list (`placing`); a block
scalar decides where its text ends, and in collapsed text a plain scalar decides where the
next key begins (`values`). Every decision is scored with `evidence`.

Readings advance token by token. Those that reach a token with the same open containers are
merged, the cheaper surviving; a merge of two readings of nearly equal cost is a close call,
reported as a note. Of the rest the `beam` best are kept, ranked by cost plus what their open
objects already show (`State.outlook`), and at most a few variants of one reading, so that
near-copies cannot crowd out a different reading whose evidence is still to come.
"""

from __future__ import annotations

import heapq
from typing import Any

from .frames import Frame
from .habits import Habits
from .placing import MARGIN
from .shapes import DOCUMENT
from .state import AFTER, BLOCK, PLAIN, Failure, Reading, State
from .tokens import Token
from .values import Reader

__all__ = ["BEAM", "Failure", "Reading", "read"]

BEAM = 10
CLOSE_CALL = 1.5
VARIANTS = 3
SCALARS = (PLAIN, BLOCK)


def _divergence(winner: Any, loser: Any) -> tuple[str, str] | None:
    """Where two readings that meet again first placed a token differently: the pointers
    the winner and the loser gave it."""
    seen: dict[int, Frame] = {}
    shared: set[int] = set()
    node = loser
    for _ in range(64):
        if node is None:
            break
        seen[node[0]] = node[1]
        shared.add(id(node))
        node = node[2]
    found = None
    node = winner
    for _ in range(64):
        if node is None or id(node) in shared:
            break
        other = seen.get(node[0])
        if other is not None and other.here() != node[1].here():
            found = (node[1].here(), other.here())
        node = node[2]
    return found


def _prune(states: list[State], beam: int) -> list[State]:
    """The readings worth going on with, of those that reached one token."""
    best: dict[tuple[Any, ...], State] = {}
    for state in states:
        signature = state.signature()
        rival = best.get(signature)
        if rival is None:
            best[signature] = state
            continue
        winner, loser = (state, rival) if state.cost < rival.cost else (rival, state)
        if loser.cost - winner.cost < CLOSE_CALL:
            winner.notes = (winner.trail, loser.trail, loser.cost - winner.cost, winner.notes)
        best[signature] = winner
    scored = sorted((s.outlook(), i, s) for i, s in enumerate(best.values()))
    variants: dict[tuple[int, int, int], int] = {}
    kept: list[State] = []
    scalars: set[int] = set()
    for outlook, _, state in scored:
        if outlook > scored[0][0] + MARGIN:
            break
        if len(kept) >= beam:
            # A scalar that may still go on (a block swallowing what looks like keys) is kept
            # beside the beam: the readings that end it early often die a few tokens later.
            if state.mode in SCALARS and state.aux not in scalars:
                scalars.add(state.aux)
                kept.append(state)
            continue
        group = state.variant_of()
        variants[group] = variants.get(group, 0) + 1
        if variants[group] <= VARIANTS:
            kept.append(state)
            if state.mode in SCALARS:
                scalars.add(state.aux)
    return kept


def read(
    source: str, tokens: list[Token], collapsed: bool, habits: Habits, beam: int = BEAM
) -> Reading:
    """The cheapest reading of `tokens` as an OpenAPI document; `Failure` if there is none.

    `beam` readings are kept at each token."""
    search = Reader(source, tokens, collapsed, habits)
    root = Frame(DOCUMENT, False, "")
    agenda: dict[int, list[State]] = {0: [State(0.0, 0, AFTER, (root,), 0, None, None)]}
    queue = [0]
    finals: list[State] = []
    furthest = 0

    def emit(state: State) -> None:
        if state.pos > len(tokens):
            finals.append(state)
            return
        if state.pos not in agenda:
            agenda[state.pos] = []
            heapq.heappush(queue, state.pos)
        agenda[state.pos].append(state)

    while queue:
        position = heapq.heappop(queue)
        states = _prune(agenda.pop(position), beam)
        furthest = position
        for state in states:
            search.expand(state, emit)
    if not finals:
        raise Failure(min(furthest, len(tokens) - 1))
    best = _prune(finals, 1)[0]
    return Reading(best.result.value(), best.cost, _notes(best.notes))


def _notes(node: Any) -> list[tuple[str, str]]:
    """(pointer, message) of each close call the best reading won, one per pointer."""
    found: dict[str, str] = {}
    while node is not None:
        winner, loser, margin, node = node
        split = _divergence(winner, loser)
        if split is not None:
            chosen, other = split
            found.setdefault(chosen, f"could also be {other or '/'} ({margin:.1f} less likely)")
    return sorted(found.items())

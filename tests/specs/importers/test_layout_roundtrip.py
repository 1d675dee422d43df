"""The round trip on a small committed corpus: write each document as block YAML, damage
the layout, read it back. `tests/benchmarks/layout_roundtrip.py` runs the same on a large one."""

from __future__ import annotations

from pathlib import Path

import pytest

from specs.yamlio import load_yaml
from tests.benchmarks.layout_roundtrip import DAMAGES, EMITTERS, Score, corpus, roundtrip

CORPUS = Path(__file__).parent / "data" / "layout"
# Measured: 80-90 % of documents exact and 96-98 % of leaves placed, in every combination.
EXACT_FLOOR = 0.7
LEAF_FLOOR = 0.94


@pytest.fixture(scope="module")
def scores() -> dict[tuple[str, str], Score]:
    return roundtrip(list(corpus(CORPUS)))


def test_the_corpus_is_varied_and_readable():
    documents = dict(corpus(CORPUS))
    assert len(documents) >= 10
    assert {str(d["openapi"])[:3] for d in documents.values()} == {"3.0", "3.1"}
    for path in CORPUS.iterdir():
        assert isinstance(load_yaml(path.read_text(encoding="utf-8")), dict)


@pytest.mark.parametrize("emitter", EMITTERS)
@pytest.mark.parametrize("damage", DAMAGES)
def test_round_trip_stays_above_its_floor(scores, emitter, damage):
    score = scores[emitter, damage]
    assert score.failed == 0, score.misses
    assert score.exact / score.documents >= EXACT_FLOOR, score.misses
    assert score.placed / score.leaves >= LEAF_FLOOR

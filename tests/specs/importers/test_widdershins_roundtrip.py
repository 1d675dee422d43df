"""OpenAPI documents nobody here wrote, rendered by Widdershins and imported back: every
operation, parameter, response code and schema property name survives."""

from __future__ import annotations

import pytest

from .widdershins_roundtrip import (
    METRICS,
    RENDERINGS,
    imported,
    operations,
    original,
    parameter_keys,
    property_names,
    recovery,
)


def test_the_corpus_has_documents_of_several_shapes() -> None:
    assert len({name.split(".")[0] for name in RENDERINGS}) >= 5
    assert any(name.endswith(".ascii.md") for name in RENDERINGS)
    assert any(name.endswith(".default.md") for name in RENDERINGS)


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_operations_parameters_and_responses_survive(rendering: str) -> None:
    source, result = original(rendering), imported(rendering)
    expected = {
        (m, p): (parameter_keys(ps), set(o["responses"])) for m, p, o, ps in operations(source)
    }
    found = {
        (m, p): (parameter_keys(ps), set(o["responses"])) for m, p, o, ps in operations(result)
    }
    assert found == expected


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_schema_property_names_survive(rendering: str) -> None:
    source, result = original(rendering), imported(rendering)
    schemas = source.get("components", {}).get("schemas", {})
    found = result.get("components", {}).get("schemas", {})
    assert set(found) == set(schemas)
    for name, schema in schemas.items():
        assert property_names(result, found[name]) == property_names(source, schema), name


FLOORS = {"types": 0.92, "formats": 0.92, "enums": 0.82, "nesting": 0.92}
"""Just below what tests/benchmarks/widdershins_roundtrip.py measured over the corpus."""


def test_schema_details_recovered_hold_their_floor() -> None:
    totals = {metric: [0, 0] for metric in METRICS}
    for rendering in RENDERINGS:
        for metric, (hit, total) in recovery(rendering).items():
            totals[metric][0] += hit
            totals[metric][1] += total
    shares = {metric: hit / total for metric, (hit, total) in totals.items()}
    assert all(shares[metric] >= floor for metric, floor in FLOORS.items()), shares

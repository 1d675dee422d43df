"""A conformance run finds every planted violation on its operation, and reports nothing else.

This is what makes a clean `verify` result mean something: the same run, against a server with
known bugs, must name each bug, the operation it is on, and the check that caught it.
"""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from contracts import VerifyOptions, VerifyResult, verify

from .planted_server import PLANTS, TOKEN, Plant, RunningServer
from .planted_spec import COLLECTION, ITEM, MODELS, label, planted_spec

CORRECT = (label("POST", COLLECTION), label("DELETE", ITEM))
"""Operations with no plant: they must pass every check."""

COLLATERAL = {
    # Plant 1's 500 is also a status the operation does not document.
    (label("GET", COLLECTION), "status_code_conformance"),
    # Plant 8 ignores credentials, so a request without the Authorization header passes too.
    (label("PUT", MODELS), "missing_required_header"),
    # Plant 10 answers 418 to a valid request, which is also rejecting valid data.
    (label("DELETE", MODELS), "positive_data_acceptance"),
}
"""Failures a plant causes besides its own; anything outside these and the plants is a bug."""

SEED = 1
"""Seeds 1 to 25 each found every plant and nothing else; a run takes about five seconds."""


def _run(server: RunningServer) -> VerifyResult:
    options = VerifyOptions(
        base_url=server.url,
        headers={"Authorization": TOKEN},
        max_examples=30,
        seed=SEED,
        workers=1,
    )
    return verify(planted_spec(), options)


@pytest.fixture(scope="module")
def result(planted_server: RunningServer) -> VerifyResult:
    return _run(planted_server)


def _found(result: VerifyResult) -> list[tuple[str, str]]:
    return sorted({(failure.operation, failure.check) for failure in result.failures})


def test_the_planted_spec_is_valid_openapi() -> None:
    validate(planted_spec())


@pytest.mark.parametrize("plant", PLANTS, ids=lambda plant: f"{plant.number}-{plant.check}")
def test_each_plant_is_reported_on_its_operation(result: VerifyResult, plant: Plant) -> None:
    assert (plant.operation, plant.check) in _found(result), (
        f"plant {plant.number} ({plant.bug}) was not reported as {plant.check} on "
        f"{plant.operation}; reported: {_found(result)}"
    )


@pytest.mark.parametrize("operation", CORRECT)
def test_correct_operations_pass_every_check(result: VerifyResult, operation: str) -> None:
    failures = [f"{f.check}: {f.reason}" for f in result.failures if f.operation == operation]
    assert not failures, f"{operation} has no plant, yet failed: {failures}"
    passed = {check for check, counts in result.operations[operation].items() if counts[0]}
    assert {"status_code_conformance", "ignored_auth"} <= passed, (
        f"{operation} was hardly exercised; checks that passed: {sorted(passed)}"
    )


def test_nothing_but_the_plants_is_reported(result: VerifyResult) -> None:
    expected = {(plant.operation, plant.check) for plant in PLANTS} | COLLATERAL
    unexpected = [
        f"{f.operation} {f.check}: {f.reason}\n{f.curl}"
        for f in result.failures
        if (f.operation, f.check) not in expected
    ]
    assert not unexpected, "\n\n".join(unexpected)


def test_the_run_fails_and_blames_the_server(result: VerifyResult) -> None:
    assert result.spec_defects == []
    assert result.exit_code == 1


def test_without_plants_the_run_is_clean(clean_server: RunningServer) -> None:
    """The contract is one a server can keep, so every failure above is a plant's doing."""
    clean = _run(clean_server)
    reported = [f"{f.operation} {f.check}: {f.reason}\n{f.curl}" for f in clean.failures]
    assert not reported, "\n\n".join(reported)
    assert (clean.spec_defects, clean.exit_code) == ([], 0)

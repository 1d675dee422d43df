from __future__ import annotations

import pytest

import specs
from specs.report import Report

pytest_plugins = ["pytester"]

BUNDLED = specs.names()


@pytest.fixture(params=BUNDLED)
def bundled(request: pytest.FixtureRequest) -> str:
    """Each bundled spec's name in turn."""
    name: str = request.param
    return name


@pytest.fixture
def report() -> Report:
    return Report("<test>")

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .planted_server import RunningServer, start_planted_server


@pytest.fixture(scope="module")
def planted_server() -> Iterator[RunningServer]:
    """The planted server on a free loopback port; each test module gets a fresh store."""
    running = start_planted_server()
    try:
        yield running
    finally:
        running.stop()

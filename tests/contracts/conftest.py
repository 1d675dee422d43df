from __future__ import annotations

from collections.abc import Iterator

import pytest

from .planted_server import RunningServer, create_planted_app, start_planted_server


@pytest.fixture(scope="module")
def planted_server() -> Iterator[RunningServer]:
    """The planted server on a free loopback port; each test module gets a fresh store."""
    running = start_planted_server()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def clean_server() -> Iterator[RunningServer]:
    """The same server with every plant switched off: the control run."""
    running = start_planted_server(create_planted_app(plants=()))
    try:
        yield running
    finally:
        running.stop()

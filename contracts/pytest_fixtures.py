"""The plugin's fixtures: mock servers for the code under test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .live_mock import MockServer

__all__ = ["specmock_server", "specmock_url"]

ServerFactory = Callable[..., MockServer]


def _scope(fixture_name: str, config: pytest.Config) -> str:
    return str(config.getini("specmock_scope"))


@pytest.fixture(scope=_scope)  # type: ignore[arg-type]
def specmock_server() -> Iterator[ServerFactory]:
    """A factory: `specmock_server("scenario", seed=1)` starts a mock, stopped after the scope."""
    started: list[MockServer] = []

    def start(spec: str | Path, **options: Any) -> MockServer:
        server = MockServer(spec, **options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()


@pytest.fixture
def specmock_url(request: pytest.FixtureRequest, specmock_server: ServerFactory) -> str:
    """The base URL of a mock of the spec named by `@pytest.mark.specmock(SPEC, **options)`."""
    marker = request.node.get_closest_marker("specmock")
    if marker is None or not marker.args:
        pytest.fail(
            "specmock_url needs a marker naming the spec: @pytest.mark.specmock('scenario')"
        )
    return specmock_server(marker.args[0], **marker.kwargs).url

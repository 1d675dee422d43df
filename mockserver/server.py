"""Running the mock on gunicorn: a production WSGI server, several worker processes.

The app is built once in the master (`preload_app`), so spec loading and compilation happen
once and the forked workers share them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

__all__ = ["run"]


class _Application(BaseApplication):  # type: ignore[misc]
    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self._app = app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        # Keep the collector off the loaded spec: its passes would write to every object's
        # header and un-share the pages the forked workers inherit.
        gc.collect()
        gc.freeze()
        return self._app


def run(
    app: Flask,
    *,
    host: str,
    port: int,
    workers: int,
    threads: int = 4,
    on_ready: Callable[[list[str]], None],
) -> None:
    """Serve until interrupted; `on_ready` gets the bound addresses (`http://host:port`)."""

    def when_ready(server: Any) -> None:
        on_ready(
            [f"http://{host}:{listener.sock.getsockname()[1]}" for listener in server.LISTENERS]
        )

    _Application(
        app,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "preload_app": True,
            "accesslog": None,
            "loglevel": "warning",
            "when_ready": when_ready,
            "graceful_timeout": 2,
            "keepalive": 5,
            # The app answers oversized targets and headers itself, as problem+json.
            "limit_request_line": 0,
            "limit_request_field_size": 4 * 1024 * 1024,
            "limit_request_fields": 1000,
        },
    ).run()

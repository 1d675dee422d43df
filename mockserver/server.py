"""Running the mock on gunicorn: a production WSGI server, several worker processes.

The app is built once in the master (`preload_app`), so spec loading and compilation happen
once and the forked workers share them. Each worker listens on its own `SO_REUSEPORT` socket:
with one shared socket, whichever worker wakes first takes a new keep-alive connection, and
under load one worker can end up with nearly all of them while the other idles.
"""

from __future__ import annotations

import errno
import gc
import socket
from collections.abc import Callable
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from .errors import MountError

__all__ = ["claim_port", "run"]


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


def claim_port(host: str, port: int) -> int:
    """The port to serve on (a free one for 0); refused if another program holds it.

    With `SO_REUSEPORT` a second server could silently share a busy port, so it is tried
    once without that flag first.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            reason = (
                "is in use"
                if error.errno == errno.EADDRINUSE
                else f"cannot be bound: {error.strerror}"
            )
            raise MountError(f"{host}:{port} {reason}") from None
        bound: int = probe.getsockname()[1]
        return bound


def run(
    app: Flask,
    *,
    host: str,
    port: int,
    workers: int,
    threads: int = 2,
    on_ready: Callable[[str], None],
) -> None:
    """Serve until interrupted; `on_ready` gets the address (`http://host:port`)."""
    port = claim_port(host, port)
    address = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    _Application(
        app,
        {
            "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "reuse_port": True,
            "preload_app": True,
            "accesslog": None,
            "loglevel": "warning",
            # Workers bind their own sockets, so the first one to start says when to connect.
            "post_worker_init": lambda worker: on_ready(address) if worker.age == 1 else None,
            "graceful_timeout": 2,
            "keepalive": 5,
            # The app answers oversized targets and headers itself, as problem+json.
            "limit_request_line": 0,
            "limit_request_field_size": 4 * 1024 * 1024,
            "limit_request_fields": 1000,
        },
    ).run()

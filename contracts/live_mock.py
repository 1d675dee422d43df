"""The mock server in-process, on a free loopback port: what a test needs in one object."""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlencode

from werkzeug.serving import WSGIRequestHandler, make_server

from mockserver import Journal, build_mounts, create_app

__all__ = ["MockServer"]


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Tests read the journal; a line per request on stderr would only be noise."""


class MockServer:
    """A running mock of one spec. Use as a context manager, or call `close()`."""

    def __init__(
        self,
        spec: str | Path,
        *,
        seed: int = 0,
        credentials: list[str] | None = None,
        validator: str = "fast",
    ) -> None:
        self._directory = Path(tempfile.mkdtemp(prefix="specmock-pytest-"))
        self._journal = Journal(self._directory)
        mounts = build_mounts(
            [str(spec)],
            seed=seed,
            credentials=credentials,
            validator=validator,
            state=self._directory,
        )
        self.mount = mounts[0]
        app = create_app(mounts, journal=self._journal)
        self._server = make_server(
            "127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler
        )
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="specmock", daemon=True
        )
        self._thread.start()
        self.origin = f"http://127.0.0.1:{self._server.server_port}"
        self.url = self.origin + self.mount.base_path
        """The spec's base URL on this server: prefix every path of the spec with it."""

    def url_for(self, operation_id: str, **params: Any) -> str:
        """The URL of an operation: path parameters filled in, the others as the query string."""
        for operation in self.mount.operations:
            if operation.operation_id == operation_id:
                path = operation.path
                query = {}
                for name, value in params.items():
                    if "{" + name + "}" in path:
                        path = path.replace("{" + name + "}", quote(str(value), safe=""))
                    else:
                        query[name] = value
                missing = [
                    p.name
                    for p in operation.parameters
                    if p.location == "path" and "{" + p.name + "}" in path
                ]
                if missing:
                    raise TypeError(f"{operation_id} needs path parameter {missing[0]!r}")
                return self.url + path + (f"?{urlencode(query, doseq=True)}" if query else "")
        known = ", ".join(sorted(o.operation_id for o in self.mount.operations))
        raise KeyError(f"no operation {operation_id!r} in {self.mount.name}; known: {known}")

    @property
    def requests(self) -> list[dict[str, Any]]:
        """What the server received, oldest first, each with how it validated."""
        return self._journal.entries()

    def prefer(
        self, *, code: int | None = None, example: str | None = None, dynamic: bool | None = None
    ) -> None:
        """Answer as if every request sent this `Prefer` header (one it sends itself wins)."""
        parts = [f"code={code}"] if code is not None else []
        parts += [f"example={example}"] if example is not None else []
        parts += [f"dynamic={'true' if dynamic else 'false'}"] if dynamic is not None else []
        self.mount.default_prefer = ", ".join(parts)

    def reset(self) -> None:
        """Forget requests, deletions and preferences: a fresh mock for the next test."""
        self._journal.clear()
        self.mount.tombstones.clear()
        self.mount.default_prefer = ""

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        shutil.rmtree(self._directory, ignore_errors=True)

    def __enter__(self) -> MockServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

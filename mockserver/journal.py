"""The request journal: what the mock received and how it validated, for tests to inspect.

Each server process appends JSON lines to its own file in a shared folder, so the journal
reads the same whatever worker answers `GET /__specmock/requests`. Appends are single
`write`s to a file opened once in append mode, and each process keeps at most about twice
`limit` entries (it rotates two files).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["Journal"]


class Journal:
    def __init__(self, directory: str | Path | None = None, *, limit: int = 1000) -> None:
        self.directory = Path(directory or tempfile.mkdtemp(prefix="specmock-journal-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self.limit = limit
        self._lock = threading.Lock()
        self._count = 0
        self._pid = -1
        self._descriptor = -1

    def _open(self) -> int:
        """This process's file, opened once; a forked worker opens its own."""
        if self._pid != os.getpid():
            self._pid, self._count = os.getpid(), 0
            path = self.directory / f"{self._pid}.jsonl"
            self._descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        if self._count >= self.limit:
            path = self.directory / f"{self._pid}.jsonl"
            path.replace(path.with_suffix(".old"))
            os.close(self._descriptor)
            self._descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            self._count = 0
        return self._descriptor

    def record(self, entry: dict[str, Any]) -> None:
        entry = {"seq": time.time_ns(), **entry}
        line = (json.dumps(entry, ensure_ascii=False, default=str) + "\n").encode()
        with self._lock:
            os.write(self._open(), line)
            self._count += 1

    def entries(self) -> list[dict[str, Any]]:
        """All entries of every process, oldest first."""
        found = []
        for path in self.directory.glob("*.*"):
            try:
                lines = path.read_bytes().splitlines()
            except OSError:
                continue
            for line in lines:
                try:
                    found.append(json.loads(line))
                except ValueError:
                    continue  # a line being written right now
        found.sort(key=lambda entry: entry.get("seq", 0))
        return found

    def clear(self) -> None:
        # Truncate rather than delete: other workers keep appending to their open files.
        with self._lock:
            for path in self.directory.glob("*.*"):
                with contextlib.suppress(OSError):
                    os.truncate(path, 0)
            self._count = 0

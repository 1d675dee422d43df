"""The request journal: what the mock received and how it validated, for tests to inspect.

Each server process appends JSON lines to its own file in a shared folder, so the journal
reads the same whatever worker answers `GET /__specmock/requests`. Appends are single
`write`s in append mode, and each process keeps at most `limit` entries (two files it rotates).
"""

from __future__ import annotations

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

    def _file(self) -> Path:
        return self.directory / f"{os.getpid()}.jsonl"

    def record(self, entry: dict[str, Any]) -> None:
        entry = {"seq": time.time_ns(), **entry}
        line = (json.dumps(entry, ensure_ascii=False, default=str) + "\n").encode()
        with self._lock:
            current = self._file()
            if self._pid != os.getpid():  # a forked worker starts its own file
                self._pid, self._count = os.getpid(), 0
            if self._count >= self.limit:
                current.replace(current.with_suffix(".old"))
                self._count = 0
            descriptor = os.open(current, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(descriptor, line)
            finally:
                os.close(descriptor)
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
        with self._lock:
            for path in self.directory.glob("*.*"):
                path.unlink(missing_ok=True)
            self._count = 0

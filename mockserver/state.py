"""What the mock remembers between requests: the resources a client deleted.

A stateless mock answers 200 for a resource right after it answered 204 to deleting it; a
client (or the use-after-free check) rightly calls that a bug. Paths are kept in a file all
worker processes append to, re-read only when it changed.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

__all__ = ["Tombstones"]


class Tombstones:
    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._paths: set[str] = set()
        self._stamp: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def add(self, path: str) -> None:
        with self._lock:
            self._paths.add(path)
            if self._path is not None:
                descriptor = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                try:
                    os.write(descriptor, (path + "\n").encode())
                finally:
                    os.close(descriptor)

    def _refresh(self) -> None:
        if self._path is None:
            return
        try:
            stat = self._path.stat()
        except FileNotFoundError:
            self._paths, self._stamp = set(), None
            return
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp != self._stamp:
            self._paths = set(self._path.read_text(encoding="utf-8").splitlines())
            self._stamp = stamp

    def covers(self, path: str) -> bool:
        """Whether `path` is a deleted resource or lies under one."""
        with self._lock:
            self._refresh()
            if not self._paths:
                return False
            return path in self._paths or any(path.startswith(p + "/") for p in self._paths)

    def revive(self, collection: str, ids: set[str]) -> None:
        """Forget deletions of `collection/<id>` for these ids: the resources exist again.

        A static mock answers every create with the same body, so the id it hands out may be
        one a client deleted before.
        """
        with self._lock:
            self._refresh()
            back = {f"{collection}/{i}" for i in ids} & self._paths
            if not back:
                return
            self._paths -= back
            if self._path is not None:
                temporary = self._path.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_text("".join(p + "\n" for p in sorted(self._paths)), "utf-8")
                temporary.replace(self._path)

    def clear(self) -> None:
        with self._lock:
            self._paths, self._stamp = set(), None
            if self._path is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.truncate(self._path, 0)

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

_ANNOUNCE = re.compile(r"specmock: (\S+) \((\d+) operations\) at (http://\S+)")


@dataclass
class RunningServer:
    process: subprocess.Popen[str]
    urls: dict[str, str]
    """Spec name -> the URL its base path is served at."""
    origin: str


def start_server(*args: str, timeout: float = 60) -> RunningServer:
    """`specmock serve` as a user runs it, on a free loopback port."""
    command = [
        sys.executable,
        "-c",
        "from specs.cli import main; main()",
        "serve",
        "--port",
        "0",
        *args,
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    urls: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    for line in process.stdout:
        found = _ANNOUNCE.match(line)
        if found:
            urls[found.group(1)] = found.group(3).rstrip("/")
        if line.startswith("specmock: journal at"):
            origin = line.split()[3].removesuffix("/__specmock/requests;")
            return RunningServer(process, urls, origin)
        if time.monotonic() > deadline:
            break
    process.kill()
    _, errors = process.communicate()
    raise RuntimeError(f"the server did not start: {errors}")


def stop_server(server: RunningServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
    if server.process.stdout:
        server.process.stdout.close()
    if server.process.stderr:
        server.process.stderr.close()


@pytest.fixture(scope="session")
def server() -> Iterator[RunningServer]:
    """Every bundled spec, served by one real server process."""
    running = start_server("--workers", "1")
    yield running
    stop_server(running)

"""`specmock verify` refuses bad usage and unreachable servers with one line and exit 2."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

SPECMOCK = [sys.executable, "-c", "from specs.cli import main; main()", "verify"]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SPECMOCK, *args], capture_output=True, text=True, timeout=120, check=False, env=env
    )


def test_unreachable_server():
    result = run("scenario", "--base-url", f"http://127.0.0.1:{closed_port()}/v1")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "nothing answers at http://127.0.0.1:" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scenario"], "--base-url"),
        (["--base-url", "http://127.0.0.1:1"], "SPEC"),
        (["nosuch", "--base-url", "http://127.0.0.1:1"], "no bundled spec named 'nosuch'"),
        (["scenario", "--base-url", "http://127.0.0.1:1", "--checks", "nope"], "unknown 'nope'"),
        (["scenario", "--base-url", "http://127.0.0.1:1", "--include", "colour=red"], "KIND=VALUE"),
        (["scenario", "--base-url", "http://127.0.0.1:1", "--report", "junit"], "FORMAT=PATH"),
        (
            ["scenario", "--base-url", "http://127.0.0.1:1", "--auth-env", "SPECMOCK_NOT_SET"],
            "is not set",
        ),
        (["scenario", "--base-url", "http://127.0.0.1:1", "--max-examples", "0"], "max-examples"),
    ],
)
def test_bad_usage(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr

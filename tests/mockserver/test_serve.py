"""`specmock serve` as a process: announcement, workers sharing a journal, streaming, Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import requests

from .conftest import start_server, stop_server

FEATURES = Path(__file__).parent / "data" / "features.yaml"


def test_two_workers_share_one_journal_and_stream_events():
    server = start_server(str(FEATURES), "--workers", "2")
    try:
        url = server.urls["features"]
        assert url.endswith("/api/v2")
        assert url.startswith("http://127.0.0.1:")
        requests.delete(f"{server.origin}/__specmock/requests", timeout=10)
        for _ in range(20):
            assert requests.get(f"{url}/pets/1/photo", timeout=10).status_code == 200
        entries = requests.get(f"{server.origin}/__specmock/requests", timeout=10).json()[
            "requests"
        ]
        assert len(entries) == 20
        with requests.post(f"{url}/stream", json={}, stream=True, timeout=10) as response:
            assert response.headers["Content-Type"].startswith("text/event-stream")
            body = b"".join(response.iter_content(None))
        assert body.count(b"data: ") >= 2
    finally:
        stop_server(server)


def test_ctrl_c_stops_cleanly():
    server = start_server(str(FEATURES), "--workers", "1")
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=15) == 0
    assert server.process.stderr is not None
    assert "Traceback" not in server.process.stderr.read()
    stop_server(server)


def test_unknown_spec_is_one_line_and_exit_2(tmp_path):
    command = [sys.executable, "-c", "from specs.cli import main; main()", "serve", "nosuch"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no bundled spec named 'nosuch'" in result.stderr
    missing = tmp_path / "missing.yaml"
    result = subprocess.run(
        [*command[:-1], str(missing)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "no such file" in result.stderr

"""Throughput, latency, cold start and memory of the mock, side by side with Stoplight Prism.

    python tests/benchmarks/mock_throughput.py [--duration 10] [--connections 16] [--prism DIR]

Both servers serve the same normalized spec (Scenario, the largest) on loopback with request
validation on, and `wrk` drives the same two requests at each: a GET with query parameters
and a POST with a JSON body. Prism comes from npm (`npm install --prefix DIR
@stoplight/prism-cli`); wrk from Debian (`apt-get install wrk`). Every load is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import specs

SPEC = "scenario"
WARM_UP = 2  # seconds of load before each measured run
HEADERS = {"Authorization": "benchmark-token", "Content-Type": "application/json"}
GET_PATH = "/assets?pageSize=10&sortDirection=desc&type=txt2img"
POST_PATH = "/assets"
POST_BODY = {"image": "https://cdn.example.com/a.png", "name": "Raven Summit", "canvas": "c"}


@dataclass
class Server:
    name: str
    command: list[str]
    base: str  # where the spec's paths start


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def first_response(url: str, timeout: float = 60.0) -> float:
    """Seconds until `url` answers at all (any status)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            request = urllib.request.Request(url, headers=HEADERS)
            with urllib.request.urlopen(request, timeout=5):
                return time.monotonic() - start
        except urllib.error.HTTPError:
            return time.monotonic() - start
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def memory_megabytes(pid: int) -> tuple[float, float]:
    """(PSS, RSS) of a process and all its descendants.

    PSS splits pages shared between forked workers among them, so it is the fair figure for
    a multi-process server; RSS counts each shared page once per process.
    """
    pss = rss = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            pss += int(re.search(r"^Pss:\s+(\d+)", rollup, re.MULTILINE).group(1))  # type: ignore[union-attr]
            rss += int(re.search(r"^Rss:\s+(\d+)", rollup, re.MULTILINE).group(1))  # type: ignore[union-attr]
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            pending.extend(int(c) for c in children)
        except (OSError, AttributeError):
            continue
    return pss / 1024, rss / 1024


def wrk(url: str, duration: int, connections: int, script: Path | None) -> Load:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=duration + 30, check=True
    ).stdout

    def latency(label: str) -> float:
        found = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        if not found:
            return float("nan")
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return Load(rate, latency("50"), latency("99"), int(non_2xx.group(1)) if non_2xx else 0)


def measure(
    server: Server, port: int, duration: int, connections: int, post_script: Path
) -> dict[str, object]:
    process = subprocess.Popen(
        server.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        origin = f"http://127.0.0.1:{port}{server.base}"
        cold = first_response(origin + GET_PATH)
        check = urllib.request.Request(
            origin + POST_PATH, data=json.dumps(POST_BODY).encode(), headers=HEADERS
        )
        try:
            with urllib.request.urlopen(check, timeout=10) as response:
                post_status = response.status
        except urllib.error.HTTPError as error:
            post_status = error.code
        # A short warm-up first (JIT in Node, first compilations in Python), the same for both.
        wrk(origin + GET_PATH, WARM_UP, connections, None)
        wrk(origin + POST_PATH, WARM_UP, connections, post_script)
        get = wrk(origin + GET_PATH, duration, connections, None)
        post = wrk(origin + POST_PATH, duration, connections, post_script)
        memory = memory_megabytes(process.pid)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    return {"cold": cold, "get": get, "post": post, "memory": memory, "post_status": post_status}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per endpoint")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="specmock worker processes")
    parser.add_argument(
        "--prism", type=Path, default=Path("/work/peers/prism"), help="npm prefix holding prism-cli"
    )
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    prism = options.prism / "node_modules" / ".bin" / "prism"
    spec_file = specs.path(SPEC)
    base = "/v1"
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "post.lua"
        script.write_text(f'wrk.method = "POST"\nwrk.body = {json.dumps(json.dumps(POST_BODY))}\n')
        specmock_port, prism_port = free_port(), free_port()
        servers = [
            (
                Server(
                    "specmock",
                    [
                        sys.executable,
                        "-c",
                        "from specs.cli import main; main()",
                        "serve",
                        SPEC,
                        "--port",
                        str(specmock_port),
                        "--workers",
                        str(options.workers),
                    ],
                    base,
                ),
                specmock_port,
            ),
        ]
        if prism.exists():
            servers.append(
                (
                    Server(
                        "prism",
                        [
                            str(prism),
                            "mock",
                            str(spec_file),
                            "-p",
                            str(prism_port),
                            "-h",
                            "127.0.0.1",
                        ],
                        "",
                    ),
                    prism_port,
                )
            )
        else:
            print(f"prism not found at {prism}; measuring specmock alone", file=sys.stderr)
        results = {
            s.name: measure(s, port, options.duration, options.connections, script)
            for s, port in servers
        }
    load_shape = f"wrk -t2 -c{options.connections} -d{options.duration}s"
    print(f"{SPEC}: {load_shape} on 127.0.0.1; validation on in both")
    print(
        f"{'server':<10} {'endpoint':<22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}"
    )
    for name, result in results.items():
        for label, key in (
            (f"GET {GET_PATH.split('?', maxsplit=1)[0]}?…", "get"),
            (f"POST {POST_PATH}", "post"),
        ):
            load: Load = result[key]  # type: ignore[assignment]
            rate, p50, p99 = load.requests_per_second, load.p50_ms, load.p99_ms
            print(f"{name:<10} {label:<22} {rate:>8.0f} {p50:>8.2f} {p99:>8.2f} {load.non_2xx:>8}")
    print(f"{'server':<10} {'cold start s':>12} {'PSS MB':>8} {'RSS MB':>8} {'POST status':>12}")
    for name, result in results.items():
        pss, rss = result["memory"]  # type: ignore[misc]
        cold, status = result["cold"], result["post_status"]
        print(f"{name:<10} {cold:>12.2f} {pss:>8.0f} {rss:>8.0f} {status:>12}")
    if "prism" in results:
        ours, theirs = results["specmock"], results["prism"]
        for key in ("get", "post"):
            a, b = ours[key], theirs[key]
            print(
                f"ratio {key}: {a.requests_per_second / b.requests_per_second:.1f}x req/s, "  # type: ignore[attr-defined]
                f"p99 {a.p99_ms / b.p99_ms:.2f}x"
            )  # type: ignore[attr-defined]
        memory = ours["memory"][0] / theirs["memory"][0]  # type: ignore[index]
        print(
            f"ratio cold start: {ours['cold'] / theirs['cold']:.2f}x, memory (PSS): {memory:.2f}x"
        )  # type: ignore[operator]


if __name__ == "__main__":
    main()

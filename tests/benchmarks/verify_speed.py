"""Wall time and peak memory of `specmock verify` beside plain `schemathesis run`.

    python tests/benchmarks/verify_speed.py [--spec scenario] [--max-examples 5] [--seed 1]

Both fuzz the same mock server (started here on loopback) with the same spec file, checks,
phases, examples per operation and seed; each run is bounded by its example count.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import specs
from contracts import ALL_CHECKS, PHASES

TOKEN = "benchmark-token"
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.mockserver.conftest import start_server, stop_server  # noqa: E402


def timed(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one child process."""
    started = time.monotonic()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/tmp"
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", default="scenario")
    parser.add_argument("--max-examples", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()
    st = shutil.which("schemathesis") or str(Path(sys.executable).parent / "schemathesis")
    spec_file = str(specs.path(options.spec))
    server = start_server(options.spec, "--workers", "2", "--credential", TOKEN)
    try:
        url = server.urls[options.spec]
        common = [
            "--max-examples",
            str(options.max_examples),
            "--seed",
            str(options.seed),
            "--workers",
            "1",
        ]
        ours = [
            sys.executable,
            "-c",
            "from specs.cli import main; main()",
            "verify",
            options.spec,
            "--base-url",
            url,
            "-H",
            f"Authorization: {TOKEN}",
            "-q",
            *common,
        ]
        theirs = [
            st,
            "run",
            spec_file,
            "--url",
            url,
            "-H",
            f"Authorization: {TOKEN}",
            "--checks",
            ",".join(ALL_CHECKS),
            "--phases",
            ",".join(PHASES),
            *common,
        ]
        results: dict[str, list[tuple[float, float, int]]] = {
            "specmock verify": [],
            "schemathesis run": [],
        }
        for _ in range(options.repeat):
            for name, command in (("specmock verify", ours), ("schemathesis run", theirs)):
                results[name].append(timed(command))
    finally:
        stop_server(server)
    print(
        f"{options.spec}: {options.max_examples} examples per operation, seed {options.seed}, "
        f"all checks and phases, best of {options.repeat}"
    )
    print(f"{'tool':<18} {'wall s':>8} {'peak RSS MB':>12} {'exit':>5}")
    best = {}
    for name, runs in results.items():
        wall, _, code = min(runs)
        best[name] = wall
        print(f"{name:<18} {wall:>8.2f} {max(r[1] for r in runs):>12.0f} {code:>5}")
    print(f"ratio verify/run: {best['specmock verify'] / best['schemathesis run']:.2f}")


if __name__ == "__main__":
    main()

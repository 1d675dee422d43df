"""`specmock normalize` and `specmock specs`, run as a user runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from specs import catalog, load_yaml

SPECMOCK = [sys.executable, "-c", "from specs.cli import main; main()"]

MINIMAL = """openapi: 3.0.3
info: {title: Pets, version: '1'}
paths:
  /pets/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: string, nullable: true, enum: [off, on]}
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SPECMOCK, *args], capture_output=True, text=True, cwd=cwd, timeout=120, check=False
    )


def test_normalize_writes_yaml_to_stdout_and_report_to_stderr(tmp_path):
    source = tmp_path / "pets.yaml"
    source.write_text(MINIMAL)
    result = run("normalize", str(source))
    assert result.returncode == 0, result.stderr
    document = load_yaml(result.stdout)
    assert document["openapi"] == "3.1.0"
    operation = document["paths"]["/pets/{id}"]["get"]
    assert operation["operationId"] == "getPetsById"
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"type": ["string", "null"], "enum": ["off", "on", None]}
    assert "/paths/~1pets~1{id}/get/operationId" in result.stderr
    assert result.stderr.startswith(f"{source}: ")


def test_normalize_to_a_file_is_deterministic(tmp_path):
    source = tmp_path / "pets.yaml"
    source.write_text(MINIMAL)
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert run("normalize", str(source), "-o", str(first), "-q").returncode == 0
    assert run("normalize", str(source), "-o", str(second), "-q").returncode == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("# Just some notes\n\nNothing to see.\n", "not a format specmock can import"),
        ('{"openapi": "3.1.0", "info": {"title": "cut', "line 1, column 40: invalid JSON"),
        ("openapi: 3.1.0\ninfo:\n  title: [x\n", "line 4, column 1: invalid YAML"),
        ("openapi: 3.1.0\ninfo: !!python/object/apply:os.system [echo hi]\n", "line 2"),
        ("openapi: 3.1.0 info: title: x version: 1\n", "line 1, column 20: invalid YAML"),
        (
            '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},'
            f' "x-deep": {"[" * 300}{"]" * 300}}}',
            "at /x-deep/0/0/0/0/0/0/0/0/0/0/0: mappings and lists nest more than 200 deep",
        ),
        (
            "openapi: 3.1.0 info: title: t version: '1' paths: {} components: examples: E: "
            f"value: {'- ' * 300}x",
            "at /components/examples/E/value/0/0/0/0/0/0/0/0: mappings and lists nest more",
        ),
        (
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n"
            "    get:\n      parameters: [null]\n      responses: {}\n",
            "at /paths/~1a/get/parameters/0: a Parameter object expected here, found nothing",
        ),
    ],
)
def test_bad_input_is_one_line_naming_file_and_position(tmp_path, content, expected):
    source = tmp_path / "spec.txt"
    if content is not None:
        source.write_text(content)
    result = run("normalize", str(source))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"specmock: error: {source}")
    assert expected in lines[0]


def test_binary_file_is_refused_with_its_offset(tmp_path):
    source = tmp_path / "image.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("normalize", str(source))
    assert result.returncode == 2
    assert "not UTF-8 text (byte 0x89 at offset 0)" in result.stderr


def test_venice_diff_is_unwrapped_and_its_member_named_in_errors(tmp_path):
    source = (catalog.SOURCES_DIR / "venice.registry-diff.txt").read_text(encoding="utf-8")
    result = run("normalize", str(catalog.SOURCES_DIR / "venice.registry-diff.txt"))
    assert result.returncode == 0, result.stderr
    assert load_yaml(result.stdout)["info"]["title"] == "Venice.ai API"
    # A flow collection that never closes, inside the member: the error says which member.
    broken = tmp_path / "broken.diff.txt"
    broken.write_text(source.replace("\nurl: https://", "\nurl: [https://", 1), encoding="utf-8")
    result = run("normalize", str(broken))
    assert result.returncode == 2
    assert "broken.diff.txt!data/swagger.yaml, line 3, column 6: " in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["normalize"],
        ["normalize", "--all", "x.json"],
        ["normalize", "x.json", "--check"],
        ["normalize", "--bogus"],
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_check_mode_confirms_committed_specs_are_current():
    result = run("normalize", "--all", "--check", "-q")
    assert result.returncode == 0, result.stderr


def test_specs_lists_bundled_specs_with_counts():
    result = run("specs")
    assert result.returncode == 0
    header, *rows = result.stdout.splitlines()
    assert header.split()[:5] == ["NAME", "VERSION", "PATHS", "OPERATIONS", "SCHEMAS"]
    scenario = next(row.split() for row in rows if row.startswith("scenario"))
    assert scenario[2:5] == ["90", "108", "249"]

"""The mock conforms to every bundled spec: `specmock verify` finds no server failure in it."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import specs
from specs import catalog
from specs.grammar import HTTP_METHODS
from specs.pointers import join
from specs.report import Severity

from ..mockserver.conftest import start_server, stop_server

TOKEN = "self-conformance-token"
SPECMOCK = [sys.executable, "-c", "from specs.cli import main; main()"]


def credential_header(document: dict[str, Any]) -> str:
    """The header that carries TOKEN the way the spec's first security scheme wants it."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    for scheme in schemes.values():
        if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
            return f"{scheme['name']}: {TOKEN}"
        if scheme.get("type") == "http" and str(scheme.get("scheme")).lower() == "basic":
            return f"Authorization: Basic {TOKEN}"
    return f"Authorization: Bearer {TOKEN}"


def test_the_mock_passes_its_own_conformance_suite(bundled: str, tmp_path: Path) -> None:
    server = start_server(bundled, "--workers", "1", "--credential", TOKEN)
    try:
        junit, report = tmp_path / "junit.xml", tmp_path / "report.json"
        command = [
            *SPECMOCK,
            "verify",
            bundled,
            "--base-url",
            server.urls[bundled],
            "--header",
            credential_header(specs.load(bundled)),
            "--max-examples",
            "3",
            "--seed",
            "1",
            "-q",
            "--report",
            f"junit={junit}",
            "--report",
            f"json={report}",
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    finally:
        stop_server(server)
    summary = json.loads(report.read_text())
    assert summary["failures"] == [], result.stdout[-3000:]
    assert summary["errors"] == []
    assert result.returncode == 0, result.stderr
    # Every spec defect is on an operation the normalizer's report names as self-contradicting.
    findings = json.loads(catalog.entry(bundled).report_path.read_text())["findings"]
    named = {f["pointer"] for f in findings if f["severity"] == Severity.DEFECT.value}
    labels = {defect["operation"] for defect in summary["specDefects"]}
    for label in labels:
        method, path = label.split(" ", 1)
        assert join("/paths", path, method.lower(), "responses") in named, label
    # JUnit: one test case per operation, none failing.
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    operations = {
        f"{method.upper()} {path}"
        for path, item in specs.load(bundled)["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }
    assert {case.get("name") for case in cases} == operations
    assert not any(case.find("failure") is not None for case in cases)
    defects = len(summary["specDefects"])
    print(f"\n{bundled}: {len(cases)} operations conform; {defects} spec defects on {len(labels)}")

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from contracts import Counts, Failure, VerifyResult
from contracts.reports import render_summary, write_json, write_junit

FAILURE = Failure(
    operation="GET /things/{id}",
    check="response_schema_conformance",
    title="Response violates schema",
    message="'name' is a required property\n\nSchema at /properties",
    curl="curl -X GET http://127.0.0.1:8000/things/1",
    status=200,
    phase="fuzzing",
)
DEFECT = Failure(
    "POST /things",
    "status_code_conformance",
    "Undocumented status code",
    "Received: 400",
    "curl -X POST",
    400,
)


def result() -> VerifyResult:
    return VerifyResult(
        operations={
            "GET /things/{id}": {
                "response_schema_conformance": Counts(4, 1),
                "not_a_server_error": Counts(5, 0),
            },
            "POST /things": {"status_code_conformance": Counts(2, 1)},
        },
        failures=[FAILURE],
        spec_defects=[DEFECT],
        elapsed=1.5,
    )


def test_junit_has_one_case_per_operation_and_failures_with_messages(tmp_path):
    path = tmp_path / "junit.xml"
    write_junit(result(), path, suite="things")
    suite = ET.parse(path).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"GET /things/{id}", "POST /things"}
    failure = cases["GET /things/{id}"].find("failure")
    assert failure is not None
    assert failure.get("message") == "Response violates schema: 'name' is a required property"
    assert failure.get("type") == "response_schema_conformance"
    assert "curl -X GET http://127.0.0.1:8000/things/1" in (failure.text or "")
    assert cases["POST /things"].find("failure") is None
    assert "spec defect" in (cases["POST /things"].findtext("system-out") or "")


def test_json_report(tmp_path):
    path = tmp_path / "report.json"
    write_json(result(), path)
    data = json.loads(path.read_text())
    assert data["exitCode"] == 1
    assert data["operations"]["POST /things"] == {
        "status_code_conformance": {"passed": 2, "failed": 1}
    }
    assert data["failures"][0]["curl"] == FAILURE.curl
    assert data["specDefects"][0]["operation"] == "POST /things"


def test_summary_table_and_failures():
    text = render_summary(result())
    assert "GET /things/{id}" in text
    assert "4/1" in text
    assert "1. GET /things/{id}  [response_schema_conformance]  Response violates schema" in text
    assert "   curl -X GET http://127.0.0.1:8000/things/1" in text
    assert "1 spec defects" in text
    assert text.splitlines()[-1].startswith(
        "FAILED: 2 operations, 1 server failures, 1 spec defects"
    )

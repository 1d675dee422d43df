"""What a run found, for people (a table and a list of failures) and for CI (JUnit, JSON)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from .options import ALL_CHECKS
from .results import Failure, VerifyResult

__all__ = ["render_summary", "write_json", "write_junit"]

# Column headings for the summary table, in the order of ALL_CHECKS.
SHORT_NAMES = {
    "not_a_server_error": "5xx",
    "status_code_conformance": "status",
    "content_type_conformance": "ctype",
    "response_headers_conformance": "headers",
    "response_schema_conformance": "schema",
    "negative_data_rejection": "neg",
    "positive_data_acceptance": "pos",
    "missing_required_header": "req-hdr",
    "unsupported_method": "method",
    "allow_header_conformance": "allow",
    "ignored_auth": "auth",
    "use_after_free": "uaf",
    "ensure_resource_availability": "avail",
    "max_response_time": "time",
}
_SHOWN_DEFECTS = 20


def _table(result: VerifyResult) -> list[str]:
    ran = [
        c
        for c in [*ALL_CHECKS, "max_response_time"]
        if any(c in o for o in result.operations.values())
    ]
    if not ran:
        return ["no checks ran"]
    header = ["operation", *(SHORT_NAMES.get(c, c) for c in ran)]
    rows = [header]
    for label in sorted(result.operations):
        counts = result.operations[label]
        cells = [label]
        for check in ran:
            found = counts.get(check)
            cells.append(
                "-"
                if found is None
                else f"{found.passed}/{found.failed}"
                if found.failed
                else str(found.passed)
            )
        rows.append(cells)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    legend = ", ".join(f"{SHORT_NAMES.get(c, c)}={c}" for c in ran)
    return [*lines, "", "cells: checks passed, or passed/failed; " + legend]


def _failure_lines(index: int, failure: Failure) -> list[str]:
    lines = [
        f"{index}. {failure.operation}  [{failure.check}]  {failure.title}",
        f"   {failure.reason}",
    ]
    lines += [f"   {line}" for line in failure.curl.splitlines()]
    return lines


def render_summary(result: VerifyResult) -> str:
    lines = [*_table(result), ""]
    if result.failures:
        lines.append(f"{len(result.failures)} failures of the server:")
        for index, failure in enumerate(result.failures, start=1):
            lines += _failure_lines(index, failure)
        lines.append("")
    if result.errors:
        lines.append(f"{len(result.errors)} operations could not be tested:")
        lines += [f"  {error}" for error in result.errors]
        lines.append("")
    if result.spec_defects:
        lines.append(
            f"{len(result.spec_defects)} spec defects (no server could pass these; see the "
            "normalization report's `no-client-error-response` findings):"
        )
        for failure in result.spec_defects[:_SHOWN_DEFECTS]:
            lines.append(f"  {failure.operation}: {failure.title}: {failure.reason}")
        if len(result.spec_defects) > _SHOWN_DEFECTS:
            more = len(result.spec_defects) - _SHOWN_DEFECTS
            lines.append(f"  ... and {more} more (--report json lists all)")
        lines.append("")
    verdict = "FAILED" if result.exit_code else "passed"
    lines.append(
        f"{verdict}: {len(result.operations)} operations, {len(result.failures)} server failures, "
        f"{len(result.spec_defects)} spec defects, {len(result.errors)} errors "
        f"in {result.elapsed:.1f} s"
    )
    return "\n".join(lines)


def _failure_dict(failure: Failure) -> dict[str, Any]:
    return {
        "operation": failure.operation,
        "check": failure.check,
        "title": failure.title,
        "message": failure.message,
        "status": failure.status,
        "phase": failure.phase,
        "curl": failure.curl,
    }


def write_json(result: VerifyResult, path: Path) -> None:
    data = {
        "exitCode": result.exit_code,
        "elapsedSeconds": round(result.elapsed, 3),
        "inferredLinks": result.inferred_links,
        "operations": {
            label: {check: {"passed": c.passed, "failed": c.failed} for check, c in checks.items()}
            for label, checks in sorted(result.operations.items())
        },
        "failures": [_failure_dict(f) for f in result.failures],
        "specDefects": [_failure_dict(f) for f in result.spec_defects],
        "errors": result.errors,
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_junit(result: VerifyResult, path: Path, suite: str) -> None:
    """One test case per operation; each distinct failure a `<failure>` with its reproduction."""
    by_operation: dict[str, list[Failure]] = {}
    for failure in result.failures:
        by_operation.setdefault(failure.operation, []).append(failure)
    defects: dict[str, list[Failure]] = {}
    for failure in result.spec_defects:
        defects.setdefault(failure.operation, []).append(failure)
    root = ET.Element("testsuites")
    failed = sum(1 for label in result.operations if label in by_operation)
    testsuite = ET.SubElement(
        root,
        "testsuite",
        name=suite,
        tests=str(len(result.operations)),
        failures=str(failed),
        errors=str(len(result.errors)),
        time=f"{result.elapsed:.3f}",
    )
    for label in sorted(result.operations):
        case = ET.SubElement(testsuite, "testcase", classname=suite, name=label)
        for failure in by_operation.get(label, []):
            element = ET.SubElement(
                case, "failure", message=f"{failure.title}: {failure.reason}", type=failure.check
            )
            element.text = f"{failure.message}\n\nReproduce with:\n{failure.curl}"
        if label in defects:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"spec defect: {f.title}: {f.reason}" for f in defects[label])
    for error in result.errors:
        case = ET.SubElement(testsuite, "testcase", classname=suite, name=error.split(":", 1)[0])
        ET.SubElement(case, "error", message=error)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)

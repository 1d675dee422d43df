"""The bundled specs: valid, reproducible from their sources, and complete."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

import specs
from specs import catalog
from specs.errors import SourceNotFound
from specs.grammar import HTTP_METHODS
from specs.normalize import IGNORED_PARAMETERS as IGNORED
from specs.pointers import deref
from specs.report import Severity


@cache
def rebuilt(name: str) -> specs.Normalized:
    return catalog.build(name)


def test_every_bundled_spec_has_a_byte_identical_source_in_the_package():
    for entry in catalog.CATALOG:
        assert entry.source_path.is_file()
        assert entry.source_path.parent == catalog.SOURCES_DIR


def test_committed_spec_is_valid_openapi_3_1(bundled):
    document = specs.load(bundled)
    assert document["openapi"] == "3.1.0"
    errors = [str(e.message) for e in OpenAPIV31SpecValidator(document).iter_errors()]
    assert errors == []


def test_rebuild_reproduces_committed_spec_byte_for_byte(bundled):
    normalized = rebuilt(bundled)
    assert normalized.to_yaml() == catalog.path(bundled).read_text(encoding="utf-8")
    committed_report = json.loads(catalog.entry(bundled).report_path.read_text(encoding="utf-8"))
    assert normalized.report.to_dict() == committed_report


def test_rebuild_leaves_no_unrepaired_fault(bundled):
    unrepaired = [str(f) for f in rebuilt(bundled).report if f.severity is Severity.UNREPAIRED]
    assert unrepaired == []


def _inventory(document: dict[str, Any]) -> dict[str, set[Any]]:
    found: dict[str, set[Any]] = {
        k: set() for k in ("paths", "operations", "parameters", "responses")
    }
    for path, item in document.get("paths", {}).items():
        found["paths"].add(path)
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            found["operations"].add((method, path))
            # Parameters OpenAPI ignores are kept aside, not lost.
            aside = [*item.get(IGNORED, []), *operation.get(IGNORED, [])]
            for parameter in (
                deref(document, p) for p in [*shared, *operation.get("parameters", []), *aside]
            ):
                found["parameters"].add((method, path, parameter["in"], parameter["name"]))
            for code in operation.get("responses", {}):
                found["responses"].add((method, path, str(code)))
    found["schemas"] = set(document.get("components", {}).get("schemas", {}))
    return found


def test_nothing_is_lost(bundled):
    entry = catalog.entry(bundled)
    source = specs.import_text(specs.read_source(entry.source_path), entry.source).document
    before, after = _inventory(source), _inventory(specs.load(bundled))
    for kind, items in before.items():
        assert items, f"the source has no {kind}: the inventory is not looking"
        assert items <= after[kind], f"{kind} lost: {sorted(items - after[kind])[:5]}"


def test_scenario_counts_match_the_source_description():
    inventory = _inventory(specs.load("scenario"))
    assert len(inventory["operations"]) == 108
    assert len(inventory["schemas"]) == 249


def test_scenario_self_contradicting_defaults_are_repaired():
    codes = [f for f in rebuilt("scenario").report if f.code == "invalid-default"]
    assert len(codes) == 17
    document = specs.load("scenario")
    fmt = document["components"]["schemas"]["PostRemoveBackgroundInferencesRequest"]["properties"][
        "format"
    ]
    assert fmt["default"] == "png"
    assert fmt["x-specmock-original-default"] == "'png'"


def test_names_and_paths():
    assert "scenario" in specs.names()
    assert specs.path("scenario").name == "scenario.yaml"


def test_unknown_name_lists_the_bundled_ones():
    with pytest.raises(SourceNotFound, match="bundled: imagine, novelai, rostro, scenario, venice"):
        specs.load("nosuchspec")


def test_load_normalizes_any_file(tmp_path):
    source = tmp_path / "mine.json"
    source.write_text('{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {}}')
    assert specs.load(source)["openapi"] == "3.1.0"

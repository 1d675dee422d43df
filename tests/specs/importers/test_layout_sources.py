"""The bundled sources whose YAML lost its layout: Venice (a registry diff of YAML without
indentation) and NovelAI (YAML collapsed onto one line)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

import specs
from specs.catalog import SOURCES_DIR
from specs.grammar import HTTP_METHODS
from specs.pointers import parse_ref, resolve

SOURCES = {
    "venice": ("venice.registry-diff.txt", 17, 20, 12),
    "novelai": ("novelai.collapsed-yaml.txt", 43, 52, 51),
}


@cache
def normalized(name: str) -> specs.Normalized:
    return specs.normalize_file(SOURCES_DIR / SOURCES[name][0])


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        item[method]
        for item in document["paths"].values()
        for method in HTTP_METHODS
        if method in item
    ]


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in refs(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in refs(value)]
    return []


@pytest.mark.parametrize("name", SOURCES)
def test_rebuilt_document_has_every_path_operation_and_schema(name):
    _, paths, count, schemas = SOURCES[name]
    document = normalized(name).document
    assert len(document["paths"]) == paths
    assert len(operations(document)) == count
    assert len(document["components"]["schemas"]) == schemas


@pytest.mark.parametrize("name", SOURCES)
def test_every_operation_id_of_the_source_survives(name):
    source = (SOURCES_DIR / SOURCES[name][0]).read_text(encoding="utf-8")
    normalized_ = normalized(name)
    invented = [f for f in normalized_.report if f.code == "operation-id"]
    assert len(operations(normalized_.document)) - len(invented) == source.count("operationId:")


@pytest.mark.parametrize("name", SOURCES)
def test_every_ref_resolves_and_the_document_is_valid(name):
    document = normalized(name).document
    for ref in refs(document):
        uri, pointer = parse_ref(ref)
        assert uri == "", ref
        assert resolve(document, pointer, None) is not None, ref
    assert [e.message for e in OpenAPIV31SpecValidator(document).iter_errors()] == []


@pytest.mark.parametrize("name", SOURCES)
def test_the_rebuild_is_reported(name):
    codes = normalized(name).report.counts()
    assert codes["layout-restored"] == 1

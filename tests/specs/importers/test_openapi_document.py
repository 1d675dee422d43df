from __future__ import annotations

import pytest

from specs.errors import MalformedSource
from specs.importers import OpenAPIDocument, detect

importer = OpenAPIDocument()


@pytest.mark.parametrize(
    "text",
    [
        '{"openapi": "3.0.3", "info": {}, "paths": {}}',
        '  {\n  "info": {},\n  "openapi": "3.1.0"}',
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n",
        "# comment\ninfo: {}\nopenapi: '3.0.0'\n",
        "swagger: '2.0'\n",
    ],
)
def test_sniffs_openapi_json_and_yaml(text):
    assert importer.sniff(text)
    assert isinstance(detect(text), OpenAPIDocument)


@pytest.mark.parametrize("text", ["# Title\n\nSome markdown", '{"name": "x"}', "GET /pets\n"])
def test_other_text_is_not_sniffed(text):
    assert not importer.sniff(text)


def test_reads_yaml_with_1_2_scalars():
    result = importer.read("openapi: 3.0.0\ninfo: {title: t, version: 1.0}\nx-mode: off\n", "a")
    assert result.document["x-mode"] == "off"
    assert result.document["openapi"] == "3.0.0"


def test_unquoted_version_number_is_read_as_text():
    assert importer.read("openapi: 3.1\ninfo: {}\n", "a").document["openapi"] == "3.1"


def test_json_syntax_error_has_line_and_column():
    with pytest.raises(MalformedSource) as caught:
        importer.read('{"openapi": "3.1.0",\n  "info": {"title": }\n}', "spec.json")
    assert (caught.value.line, caught.value.column) == (2, 21)
    assert str(caught.value).startswith("spec.json, line 2, column 21: invalid JSON")


def test_yaml_syntax_error_has_line():
    with pytest.raises(MalformedSource) as caught:
        importer.read("openapi: 3.1.0\ninfo:\n  title: [unclosed\n", "spec.yaml")
    assert caught.value.line == 4


def test_truncated_json_is_malformed():
    with pytest.raises(MalformedSource, match="invalid JSON"):
        importer.read('{"openapi": "3.1.0", "paths": {"/a": {', "cut.json")


def test_python_tag_is_refused_with_its_line():
    text = "openapi: 3.1.0\ninfo: !!python/object/apply:os.system ['true']\n"
    with pytest.raises(MalformedSource, match="python/object") as caught:
        importer.read(text, "evil.yaml")
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("swagger: '2.0'\ninfo: {}\n", "'2.0' is not supported"),
        ("openapi: 4.0.0\n", "'4.0.0' is not supported"),
        ("- openapi: 3.1.0\n", "expected a mapping"),
    ],
)
def test_unsupported_documents_are_refused(text, match):
    with pytest.raises(MalformedSource, match=match):
        importer.read(text, "x.yaml")


def test_duplicate_json_keys_are_reported():
    result = importer.read('{"openapi": "3.1.0", "info": {}, "info": {"title": "b"}}', "d.json")
    assert [f.code for f in result.findings] == ["duplicate-key"]
    assert result.document["info"] == {"title": "b"}


def test_duplicate_yaml_keys_are_an_error():
    with pytest.raises(MalformedSource, match="duplicate key 'info'") as caught:
        importer.read("openapi: 3.1.0\ninfo: {}\ninfo: {}\n", "d.yaml")
    assert caught.value.line == 3


def test_yaml_keys_become_strings():
    text = "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses: {200: {description: x}}"
    document = importer.read(text, "k.yaml").document
    assert list(document["paths"]["/a"]["get"]["responses"]) == ["200"]

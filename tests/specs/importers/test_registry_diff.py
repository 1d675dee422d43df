from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from specs.catalog import SOURCES_DIR
from specs.errors import MalformedSource
from specs.importers import Embedded, RegistryDiff, added_files


def render(path: str, lines: list[str]) -> str:
    """A file as a registry diff page shows an added file, blank lines with no content."""
    out = [
        "pkg 1.0 → 1.1",
        f"- {path} +{len(lines)} -0",
        path,
        "ADDED",
        "|",
        f"@@ -0,0 +1,{len(lines)} @@",
        "|",
    ]
    for number, line in enumerate(lines, start=1):
        out += ["|", "|", str(number), "|", "+"]
        if line:
            out.append(line)
    return "\n".join([*out, "|"])


line_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"))


@given(st.lists(line_text | st.sampled_from(["|", "+", "", "7", "@@ -0,0 +1,3 @@"]), min_size=1))
def test_recovers_any_added_file_exactly(lines):
    (added,) = added_files(render("data/file.txt", lines))
    assert added.path == "data/file.txt"
    assert added.text == "\n".join(lines) + "\n"


def test_skipped_line_numbers_are_blank_lines():
    text = "f.yaml\nADDED\n|\n@@ -0,0 +1,4 @@\n|\n|\n1\n|\n+\na: 1\n|\n|\n4\n|\n+\nb: 2"
    (added,) = added_files(text)
    assert added.text == "a: 1\n\n\nb: 2\n"


def test_every_added_file_is_found():
    text = render("a.txt", ["one"]) + "\n" + render("b/c.yaml", ["x: 1", "", "y: 2"])
    assert [(f.path, f.text) for f in added_files(text)] == [
        ("a.txt", "one\n"),
        ("b/c.yaml", "x: 1\n\ny: 2\n"),
    ]


def test_truncated_diff_names_the_missing_line():
    text = render("f.txt", ["one", "two", "three"]).split("\n|\n|\n3\n")[0]
    with pytest.raises(MalformedSource, match="expected line number 3 of 3") as caught:
        added_files(text, "diff.txt")
    assert caught.value.origin == "diff.txt"
    assert caught.value.line is not None


def test_venice_swagger_is_recovered_line_for_line():
    text = (SOURCES_DIR / "venice.registry-diff.txt").read_text(encoding="utf-8")
    importer = RegistryDiff()
    assert importer.sniff(text)
    result = importer.read(text, "venice")
    assert isinstance(result, Embedded)
    ((path, swagger),) = result.members
    lines = swagger.split("\n")[:-1]
    assert path == "data/swagger.yaml"
    assert len(lines) == 4791  # the hunk header's count
    assert lines[0] == "externalDocs:"
    assert lines[8] == "openapi: 3.0.0"
    assert lines[-1] == "- error"
    assert lines.count("") == 16
    assert lines[1978] == ""  # line 1979 is blank in the diff: `+` with no content record
    assert not any(line.startswith(" ") for line in lines)  # the indentation really is gone


def test_not_a_diff_is_not_sniffed():
    assert not RegistryDiff().sniff('{"openapi": "3.1.0"}')

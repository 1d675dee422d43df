from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from specs.yamlio import DuplicateKey, dump_yaml, load_yaml


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("off", "off"),
        ("on", "on"),
        ("yes", "yes"),
        ("No", "No"),
        ("2024-01-31", "2024-01-31"),
        ("2024-01-31T10:00:00Z", "2024-01-31T10:00:00Z"),
        ("017", 17),
        ("0o17", 15),
        ("0x1F", 31),
        ("1e3", 1000.0),
        ("-.inf", float("-inf")),
        ("true", True),
        ("FALSE", False),
        ("~", None),
        ("null", None),
        ("1_000", "1_000"),
        ("12:30", "12:30"),
    ],
)
def test_scalars_follow_yaml_1_2_core_schema(text, expected):
    assert load_yaml(f"value: {text}\n") == {"value": expected}


def test_enum_of_switch_words_stays_strings():
    assert load_yaml("enum: [auto, off, on]") == {"enum": ["auto", "off", "on"]}


def test_python_tags_are_refused():
    with pytest.raises(yaml.constructor.ConstructorError, match="python/object"):
        load_yaml("!!python/object:os.system {}")


def test_duplicate_keys_are_an_error_with_the_line():
    with pytest.raises(DuplicateKey) as caught:
        load_yaml("a: 1\nb: 2\na: 3\n")
    assert caught.value.problem_mark is not None
    assert caught.value.problem_mark.line == 2


@pytest.mark.parametrize("text", ["{a: b}: c\n", "? [a, b]\n: c\n"])
def test_a_key_that_is_a_mapping_or_a_list_is_a_yaml_error_with_the_line(text):
    with pytest.raises(yaml.constructor.ConstructorError, match="unhashable key") as caught:
        load_yaml(text)
    assert caught.value.problem_mark is not None
    assert caught.value.problem_mark.line == 0


def test_merge_keys_still_work():
    assert load_yaml("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n")["derived"] == {"x": 1, "y": 2}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_dump_reads_back_identically(value):
    assert load_yaml(dump_yaml({"v": value})) == {"v": value}


@pytest.mark.parametrize(
    "text", ["off", "on", "yes", "1e3", "0o17", "017", "2024-01-01", "null", ""]
)
def test_strings_that_look_like_other_types_are_quoted(text):
    assert load_yaml(dump_yaml([text])) == [text]
    assert yaml.safe_load(dump_yaml([text])) == [text]


def test_multiline_strings_are_literal_blocks():
    assert dump_yaml({"d": "one\ntwo\n"}) == "d: |\n  one\n  two\n"

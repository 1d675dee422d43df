from __future__ import annotations

import pytest

from specs.importers.layout.scalars import block, flow, key_text, plain, plain_lines, quoted
from specs.importers.layout.tokens import DASH, KEY, TEXT, scan_flow, scan_quoted, tokenize


def kinds(text: str, collapsed: bool) -> list[tuple[int, str]]:
    return [(t.kind, t.text) for t in tokenize(text, collapsed)]


def test_a_line_is_dashes_then_a_key_then_the_rest_as_text():
    assert kinds("- - name: Rex the dog\nurl: http://x.example/a # b: c\n", collapsed=False) == [
        (DASH, "-"),
        (DASH, "-"),
        (KEY, "name"),
        (TEXT, "Rex the dog"),
        (KEY, "url"),
        (TEXT, "http://x.example/a # b: c"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        r"Images (example: \"a\") or IDs (example: \"b\")",
        'The epoch (example: "000001")',
        'The models (example: ["a", "b"]) to use',
    ],
)
def test_a_line_whose_value_yaml_cannot_read_is_text(line):
    # A plain scalar cannot hold `: `, and nothing may follow a closed quote or bracket.
    assert kinds(f"description: |-\n{line}\n", collapsed=False)[2] == (TEXT, line)


def test_only_tokens_that_begin_a_line_can_be_structure():
    tokens = tokenize("- a: 1\ncontinued text\n\n\nb:\n", collapsed=False)
    assert [t.first for t in tokens] == [True, False, False, True, True]
    assert tokens[4].blank == 2


def test_a_colon_inside_a_word_is_not_a_key():
    assert kinds("a: http://h:80/x", collapsed=True) == [(KEY, "a"), (TEXT, "http://h:80/x")]


def test_collapsed_words_ending_in_a_colon_are_keys_and_a_lone_dash_is_a_dash():
    assert kinds("tags: - a - b c: x", collapsed=True) == [
        (KEY, "tags"),
        (DASH, "-"),
        (TEXT, "a"),
        (DASH, "-"),
        (TEXT, "b"),
        (KEY, "c"),
        (TEXT, "x"),
    ]


@pytest.mark.parametrize("collapsed", [False, True])
def test_a_quoted_key_is_one_token_even_with_a_colon_inside(collapsed):
    text = "'200': x\n'a: b': y\n" if not collapsed else "'200': x 'a: b': y"
    keys = [t.text for t in tokenize(text, collapsed) if t.kind == KEY]
    assert keys == ["'200'", "'a: b'"]
    assert [key_text(k) for k in keys] == ["200", "a: b"]


@pytest.mark.parametrize("collapsed", [False, True])
def test_an_explicit_key_takes_its_value_after_the_colon(collapsed):
    text = "? a very long key\n: type: object\n"
    tokens = tokenize(" ".join(text.split()) if collapsed else text, collapsed)
    assert [(t.kind, t.text) for t in tokens][:2] == [(KEY, "a very long key"), (KEY, "type")]


@pytest.mark.parametrize("collapsed", [False, True])
def test_an_explicit_key_runs_over_lines_up_to_its_colon(collapsed):
    # PyYAML writes a key longer than 128 characters after `? `, folded like any plain scalar.
    text = "? Gets the first page of accounts,\nif any, within a group.\n: value: '1'\nb: 2\n"
    tokens = tokenize(" ".join(text.split()) if collapsed else text, collapsed)
    assert [(t.kind, t.text) for t in tokens][:3] == [
        (KEY, "Gets the first page of accounts, if any, within a group."),
        (KEY, "value"),
        (TEXT, "'1'"),
    ]
    assert tokens[3].line == (1 if collapsed else 4)


def test_an_explicit_key_without_its_colon_ahead_is_one_line():
    tokens = tokenize("? key\nother: x\n", collapsed=False)
    assert [(t.kind, t.text) for t in tokens] == [(KEY, "key"), (KEY, "other"), (TEXT, "x")]


def test_a_word_that_can_only_end_a_longer_key_is_marked():
    (_, key, _) = tokenize("enum *required: x", collapsed=True)
    assert key.kind == KEY
    assert key.part


def test_scanning_quoted_scalars_and_flow_collections():
    source = """x "a \\" b" 'it''s' [a, 'b]', {c: d}] ['open"""
    assert source[2 : scan_quoted(source, 2)] == '"a \\" b"'
    assert source[11 : scan_quoted(source, 11)] == "'it''s'"
    assert source[19 : scan_flow(source, 19)] == "[a, 'b]', {c: d}]"
    assert scan_flow(source, source.rindex("[")) is None


def test_plain_scalars_follow_yaml_1_2():
    assert [plain(w) for w in ("off", "on", "2024-01-01", "true", "null", "017", "1.5")] == [
        "off",
        "on",
        "2024-01-01",
        True,
        None,
        17,
        1.5,
    ]


def test_plain_scalar_over_lines_folds_and_keeps_blank_lines_as_breaks():
    assert plain_lines("one\ntwo\n\nthree # note") == "one two\nthree"


def test_collapsed_double_quotes_tell_a_continuation_from_an_escaped_space():
    assert quoted('"deprecating\\ \\ Kayra"', collapsed=True) == "deprecating Kayra"
    assert quoted('"a\\n\\ \\ b"', collapsed=True) == "a\n b"
    assert quoted('"joined\\ here"', collapsed=True) == "joinedhere"
    assert quoted('"line one\nline two"', collapsed=False) == "line one line two"


def test_block_scalars_keep_their_chomping():
    assert block("|", ["a", "", "b"], 0) == "a\n\nb\n"
    assert block("|-", ["a"], 0) == "a"
    assert block(">", ["a", "b", "", "c"], 0) == "a b\nc\n"
    assert block("|+", ["a"], 2) == "a\n\n\n"
    assert block("|2-", ["a"], 0) == "a"


def test_a_flow_collection_read_twice_is_two_containers():
    # Scalars are read once and cached: a container must not be shared by two documents.
    first = flow("{tags: [a, b]}")
    first["tags"].append("c")
    assert flow("{tags: [a, b]}") == {"tags": ["a", "b"]}

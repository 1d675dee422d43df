"""Tokens of block YAML that lost its layout: keys, sequence dashes and runs of text.

Two damages are read. With the line breaks kept and the indentation gone ("lines"), a line is
`- ` markers, then maybe a `key:`, then the rest of the line as one text token. Collapsed onto
one line ("words"), every space-separated word is a token: a word ending in `:` is a key and
a lone `-` a dash, because a plain YAML scalar can contain neither `: ` nor a leading `- `; the
parser still decides which of them are text inside quoted or block scalars.

Quoted scalars and flow collections can hold keys and dashes of their own; the parser scans
them from their first token's offset (`scan_quoted`, `scan_flow`) and skips what they cover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "BLOCK_HEADER",
    "DASH",
    "KEY",
    "TEXT",
    "Token",
    "plain_key",
    "scan_flow",
    "scan_quoted",
    "tokenize",
]

KEY, DASH, TEXT = 0, 1, 2

BLOCK_HEADER = re.compile(r"[|>](?:[1-9][-+]?|[-+][1-9]?)?")
_QUOTED = {
    '"': re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL),
    "'": re.compile(r"'(?:[^']|'')*'"),
}
_KEY_END = re.compile(r":(?=[ \t]|$)")
_KEY_LINES = 20  # lines an explicit key may run over
# Characters that cannot begin a plain scalar (YAML 1.2 c-indicator), save `-?:` before a
# non-space character.
_INDICATORS = frozenset("#'\"[]{},&*!|>%@`")
_WORD = re.compile(r"\S+")


@dataclass(slots=True)
class Token:
    """One token; `text` is the key (decoded) for KEY, the raw source text otherwise."""

    kind: int
    start: int
    end: int
    text: str
    line: int
    column: int
    first: bool = False
    """Starts its line (the lines damage): only there can a key or a dash be structure."""
    blank: int = 0
    """Blank lines just before this token's line."""
    part: bool = False
    """A key that can only end a longer one (collapsed text: `enum *required:`)."""


def scan_quoted(source: str, start: int) -> int | None:
    """End offset of the quoted scalar that begins at `start`, or None if it never closes."""
    pattern = _QUOTED.get(source[start : start + 1])
    match = pattern.match(source, start) if pattern else None
    return match.end() if match else None


def scan_flow(source: str, start: int) -> int | None:
    """End offset of the flow collection that begins at `start`, or None if it never closes.

    Quotes open a quoted scalar only where a flow scalar can begin, so `[it's]` is one word.
    """
    depth = 0
    index = start
    previous = ""
    while index < len(source):
        char = source[index]
        if char in "'\"" and previous in "[{,:":
            end = scan_quoted(source, index)
            if end is None:
                return None
            index, previous = end, "'"
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
        if not char.isspace():
            previous = char
        index += 1
    return None


def plain_key(text: str) -> bool:
    """Whether `text` can be a plain (unquoted) mapping key."""
    if not text or " #" in text or text[0].isspace():
        return False
    if text[0] in _INDICATORS:
        return False
    return not (text[0] in "-?:" and (len(text) == 1 or text[1].isspace()))


def _quoted_key(source: str, start: int, stop: int) -> tuple[str, int] | None:
    """(raw quoted key, offset after its colon) when a quoted key begins at `start`."""
    end = scan_quoted(source, start)
    if end is None or end > stop:
        return None
    colon = end
    while colon < stop and source[colon] in " \t":
        colon += 1
    if source[colon : colon + 1] == ":" and (colon + 1 == stop or source[colon + 1] in " \t\n"):
        return source[start:end], colon + 1
    return None


def _tokenize_lines(source: str) -> list[Token]:
    tokens: list[Token] = []
    blank = 0
    offset = 0
    lines = source.split("\n")
    key_lines = 0  # continuation lines of an explicit key, already taken
    for number, raw in enumerate(lines, start=1):
        line_start = offset
        offset += len(raw) + 1
        stripped = raw.strip()
        if key_lines:
            key_lines -= 1
            continue
        if not stripped or stripped.startswith("#"):
            blank += not stripped
            continue
        index = line_start + len(raw) - len(raw.lstrip())
        stop = line_start + len(raw.rstrip())
        first = True
        if source.startswith("? ", index):  # an explicit key: its value follows after `: `
            key_lines = _explicit_key_lines(lines, number)
            rest = lines[number : number + key_lines]
            text = " ".join([stripped[2:], *map(str.strip, rest)])
            if rest:
                stop = offset + sum(len(line) + 1 for line in rest[:-1]) + len(rest[-1].rstrip())
            tokens.append(Token(KEY, index, stop, text.strip(), number, 1))
            _mark(tokens, True, blank)
            blank = 0
            continue
        if source.startswith(": ", index) or (index + 1 == stop and source[index] == ":"):
            index += 2
            first = False
        while source.startswith("-", index) and (index + 1 == stop or source[index + 1] in " \t"):
            tokens.append(Token(DASH, index, index + 1, "-", number, index - line_start + 1))
            index += 1
            while index < stop and source[index] in " \t":
                index += 1
            first = _mark(tokens, first, blank)
        if index < stop:
            key = _line_key(source, index, stop)
            if key is not None:
                text, after = key
                tokens.append(Token(KEY, index, after, text, number, index - line_start + 1))
                first = _mark(tokens, first, blank)
                index = after
                while index < stop and source[index] in " \t":
                    index += 1
        if index < stop:
            tokens.append(
                Token(TEXT, index, stop, source[index:stop], number, index - line_start + 1)
            )
            _mark(tokens, first, blank)
        blank = 0
    return tokens


def _explicit_key_lines(lines: list[str], after: int) -> int:
    """How many lines after line `after` (numbered from 1) continue the explicit key on it: a
    key too long for one line (PyYAML writes those after `? `) goes on up to the line that
    begins with the `:` of its value. None, if no such line follows soon."""
    for count, line in enumerate(lines[after : after + _KEY_LINES]):
        stripped = line.strip()
        if stripped == ":" or stripped.startswith(": "):
            return count
        if not stripped or _KEY_END.search(stripped):
            return 0
    return 0


def _mark(tokens: list[Token], first: bool, blank: int) -> bool:
    if first:
        tokens[-1].first = True
        tokens[-1].blank = blank
    return False


def _line_key(source: str, index: int, stop: int) -> tuple[str, int] | None:
    """(raw key, offset after its colon) when the line at `index` holds a key."""
    if source[index] in "'\"":
        return _quoted_key(source, index, stop)
    match = _KEY_END.search(source, index, stop)
    if match is None:
        return None
    text = source[index : match.start()].rstrip()
    if not plain_key(text) or _junk_after_value(source, match.end(), stop):
        return None
    return text, match.end()


def _junk_after_value(source: str, index: int, stop: int) -> bool:
    """Whether what follows a key on its line is no YAML value: a quoted scalar or flow
    collection with text after it (`(example: "000001") or`), or a plain scalar holding `: `
    (`(example: \\"a\\") or (example: \\"b\\")`). Such a line is text, not a key."""
    while index < stop and source[index] in " \t":
        index += 1
    if index == stop:
        return False
    if source[index] not in "'\"[{":
        comment = source.find(" #", index, stop)
        return _KEY_END.search(source, index, stop if comment < 0 else comment) is not None
    end = (scan_quoted if source[index] in "'\"" else scan_flow)(source, index)
    if end is None or end > stop:
        return False
    rest = source[end:stop].strip()
    return bool(rest) and not rest.startswith("#")


def _tokenize_words(source: str) -> list[Token]:
    tokens: list[Token] = []
    words = list(_WORD.finditer(source))
    index = 0
    while index < len(words):
        word = words[index]
        start, end, text = word.start(), word.end(), word.group()
        if text == "-":
            tokens.append(Token(DASH, start, end, text, 1, start + 1))
        elif text == "?" and (explicit := _explicit_key(source, words, index)):
            colon = explicit
            raw = source[end : words[colon].start()].strip()
            tokens.append(Token(KEY, start, words[colon].end(), raw, 1, start + 1))
            index = colon
        elif text[0] in "'\"" and (key := _quoted_key(source, start, len(source))):
            raw, after = key
            tokens.append(Token(KEY, start, after, raw, 1, start + 1))
            while index + 1 < len(words) and words[index + 1].start() < after:
                index += 1
        elif (
            text.endswith(":")
            and len(text) > 1
            and text[0] not in "'\"[{"
            and not (index + 1 < len(words) and _glued(source, words[index + 1].start()))
        ):
            whole = plain_key(text[:-1])
            tokens.append(Token(KEY, start, end, text[:-1], 1, start + 1, part=not whole))
        else:
            tokens.append(Token(TEXT, start, end, text, 1, start + 1))
        index += 1
    return tokens


def _glued(source: str, start: int) -> bool:
    """Whether the quoted scalar or flow collection at `start` has text glued to its end
    (`(example: "a dog")`): no value and no quoted key (`'200':`), so the word before it
    is text, not a key."""
    if source[start] not in "'\"[{":
        return False
    end = (scan_quoted if source[start] in "'\"" else scan_flow)(source, start)
    return (
        end is not None and end < len(source) and not (source[end].isspace() or source[end] == ":")
    )


def _explicit_key(source: str, words: list[re.Match[str]], index: int) -> int | None:
    """Index of the `:` word that ends an explicit `? key` begun at word `index`."""
    for later in range(index + 1, min(index + 200, len(words))):
        if words[later].group() == ":":
            return later
    return None


def tokenize(source: str, collapsed: bool) -> list[Token]:
    """The tokens of `source`: one line collapsed from many, or lines without indentation.

    A KEY token's `text` is the key as written (quotes included); see `scalars.key_text`.
    """
    return _tokenize_words(source) if collapsed else _tokenize_lines(source)

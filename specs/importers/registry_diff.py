"""Files added in a package-registry diff page, recovered line for line.

Registry diff viewers render a file as interleaved records; copied out as text, each line of an
added file becomes::

    |
    |
    42          <- its line number in the new file
    |
    +
    content     <- absent when the line is blank

preceded by a header: the file's path, `ADDED`, and a hunk header `@@ -0,0 +1,N @@`. Line
numbers are the ground truth: a skipped number is a blank line too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import MalformedSource
from .base import Embedded

__all__ = ["AddedFile", "RegistryDiff", "added_files"]

_HUNK = re.compile(r"^@@ -0(?:,0)? \+1(?:,(\d+))? @@$")
_STATUS = "ADDED"
_PIPE = "|"
_PLUS = "+"
# `|` lines between one record's content and the next line number; after a file's last
# line, where no number follows, one fewer.
_SEPARATOR = 2


@dataclass(frozen=True)
class AddedFile:
    path: str
    text: str
    line: int
    """Where its hunk header is in the diff (1-based)."""


def _headers(lines: list[str]) -> list[tuple[int, str, int]]:
    """(index of the hunk header, path, declared line count) of every added file."""
    found = []
    for index, line in enumerate(lines):
        match = _HUNK.match(line)
        if not match:
            continue
        back = index - 1
        while back >= 0 and lines[back] == _PIPE:
            back -= 1
        if back >= 1 and lines[back].lstrip(_PIPE) == _STATUS:
            found.append((index, lines[back - 1].lstrip(_PIPE), int(match.group(1) or 1)))
    return found


def _content(lines: list[str], index: int, gap: int) -> tuple[str, int]:
    """The content after a `+` marker at `index`, and where the next record starts.

    A blank line has no content record, so the separator run follows at once; a content
    line that is itself `|` shows as a run one longer than the separator. `gap` is the
    separator's length here (shorter after a file's last line, where no number follows).
    """
    run = 0
    while index + run < len(lines) and lines[index + run] == _PIPE:
        run += 1
    if index >= len(lines) or 0 < run <= gap:
        return "", index
    return lines[index], index + 1


def _recover(lines: list[str], start: int, count: int, path: str, origin: str) -> str:
    recovered: list[str] = []
    index = start + 1
    while len(recovered) < count:
        while index < len(lines) and lines[index] == _PIPE:
            index += 1
        if index >= len(lines) or not lines[index].isdigit():
            raise MalformedSource(
                f"{path}: expected line number {len(recovered) + 1} of {count}",
                origin=origin,
                line=index + 1,
            )
        number = int(lines[index])
        if number <= len(recovered) or number > count:
            raise MalformedSource(
                f"{path}: line number {number} out of order after {len(recovered)}",
                origin=origin,
                line=index + 1,
            )
        recovered.extend([""] * (number - 1 - len(recovered)))
        index += 1
        while index < len(lines) and lines[index] == _PIPE:
            index += 1
        if index >= len(lines) or lines[index] != _PLUS:
            raise MalformedSource(
                f"{path}: expected '+' before the content of line {number}",
                origin=origin,
                line=index + 1,
            )
        content, index = _content(
            lines, index + 1, _SEPARATOR if number < count else _SEPARATOR - 1
        )
        recovered.append(content)
    return "\n".join(recovered) + "\n"


def added_files(text: str, origin: str = "<diff>") -> list[AddedFile]:
    """Every file that the diff adds whole, with its exact text."""
    lines = text.split("\n")
    return [
        AddedFile(path, _recover(lines, start, count, path, origin), start + 1)
        for start, path, count in _headers(lines)
    ]


class RegistryDiff:
    name = "registry-diff"

    def sniff(self, text: str) -> bool:
        return any(_HUNK.match(line) for line in text.split("\n", 5000)[:5000]) and bool(
            re.search(r"^\|?ADDED$", text, re.MULTILINE)
        )

    def read(self, text: str, origin: str) -> Embedded:
        files = added_files(text, origin)
        if not files:
            raise MalformedSource(
                "the diff adds no whole file that could be recovered", origin=origin
            )
        return Embedded([(added.path, added.text) for added in files])

"""A Widdershins page as a flat run of blocks, from markdown-it-py's token stream.

Widdershins writes some headings as HTML (`<h1 id=...>`, `<h2 id="tocS_...">`), anchors as
`<a id=...>` and security notes as `<aside>`; those are read out of the one HTML token that
holds them. Every block keeps its 1-based line so findings can point at the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["Block", "Row", "Table", "walk"]

_HTML_HEADING = re.compile(r"<h([1-6])(?:\s+id=\"([^\"]*)\")?[^>]*>(.*?)</h\1>", re.S)
_ANCHOR = re.compile(r"<a\s+id=\"([^\"]*)\"\s*>\s*</a>")
_ASIDE = re.compile(r"<aside[^>]*>(.*?)</aside>", re.S)
_TAG = re.compile(r"<[^>]+>")
_PIPE = re.compile(r"(?<!\\)\|")


@dataclass
class Row:
    cells: list[str]
    line: int
    indented: bool
    """The first cell starts with a space in the source: Widdershins' nesting, whose `»`
    markers a plain-ASCII copy has lost."""


@dataclass
class Table:
    header: list[str]
    rows: list[Row]


@dataclass
class Block:
    """One piece of the page. `kind` is heading, anchor, paragraph, quote (a `>` line), item
    (a list item's text, `level` its list depth), fence, table, aside, html, or repair (what
    was mended to read the page, in `text`)."""

    kind: str
    line: int
    text: str = ""
    level: int = 0
    id: str = ""
    info: str = ""
    table: Table | None = field(default=None, repr=False)


def walk(text: str) -> list[Block]:
    lines = _without_front_matter(text.split("\n"))
    tokens = MarkdownIt("commonmark").enable("table").parse("\n".join(lines))
    blocks: list[Block] = []
    containers: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = token.map[0] + 1 if token.map else 0
        if token.type in ("blockquote_open", "list_item_open"):
            containers.append(token.type)
        elif token.type in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif token.type == "heading_open":
            blocks.append(Block("heading", line, tokens[index + 1].content, int(token.tag[1:])))
            index += 2
        elif token.type == "html_block":
            blocks.extend(_html(token.content, line))
        elif token.type == "paragraph_open":
            content = tokens[index + 1].content
            blocks.extend(_paragraph(content, line, containers))
            index += 2
        elif token.type == "fence":
            blocks.append(Block("fence", line, token.content, info=token.info.strip()))
        elif token.type == "table_open":
            table, index = _table(tokens, index, lines)
            blocks.append(Block("table", line, table=table))
            repairs, end = _rejoin(table, lines)
            for first, last in repairs:
                message = f"a line break inside a table row: lines {first}-{last} read as one row"
                blocks.append(Block("repair", first, message))
            while end and index + 1 < len(tokens) and _before(tokens[index + 1], end):
                index += 1
        index += 1
    return blocks


def _before(token: Token, end: int) -> bool:
    return token.map is None or token.map[0] < end


def _rejoin(table: Table, lines: list[str]) -> tuple[list[tuple[int, int]], int]:
    """Widdershins writes a multi-line description into a cell as is, which cuts its row (a
    row's line always ends with `|`): the row's lines are joined with `<br>`, and when that
    ran past the table's end, the rows after it are read too.

    Returns the (first, last) lines of each joined row, and the last line read past the
    table's end (0 for none)."""
    rows: list[Row] = []
    repairs: list[tuple[int, int]] = []
    absorbed = -1
    for row in table.rows:
        start = row.line - 1
        if start <= absorbed:
            continue
        rows.append(row)
        end = start
        while end + 1 < len(lines) and lines[end + 1].strip() and not _closed(lines[end]):
            end += 1
        if end > start and _closed(lines[end]):
            row.cells = _cells("<br>".join(line.strip() for line in lines[start : end + 1]))
            repairs.append((start + 1, end + 1))
            absorbed = end
    last = rows[-1].line - 1 if rows else -1
    if absorbed <= last:
        table.rows = rows
        return repairs, 0
    while absorbed + 1 < len(lines) and lines[absorbed + 1].lstrip().startswith("|"):
        absorbed += 1
        rows.append(Row(_cells(lines[absorbed]), absorbed + 1, lines[absorbed].startswith("| ")))
    table.rows = rows
    return repairs, absorbed + 1


def _closed(line: str) -> bool:
    return line.rstrip().endswith("|")


def _cells(line: str) -> list[str]:
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip().replace("\\|", "|") for cell in _PIPE.split(inner)]


def _without_front_matter(lines: list[str]) -> list[str]:
    """Widdershins' YAML header (for Shins) blanked out, keeping the line numbers."""
    if not lines or lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        return lines
    end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---")
    return [""] * (end + 1) + lines[end + 1 :]


def _paragraph(content: str, line: int, containers: list[str]) -> list[Block]:
    anchors = _ANCHOR.findall(content)
    if anchors and not _ANCHOR.sub("", content).strip():
        return [Block("anchor", line, id=anchor) for anchor in anchors]
    if "blockquote_open" in containers:
        return [Block("quote", line, content)]
    if "list_item_open" in containers:
        return [Block("item", line, content, containers.count("list_item_open"))]
    return [Block("paragraph", line, content)]


def _html(content: str, line: int) -> list[Block]:
    found: list[tuple[int, Block]] = []
    for match in _HTML_HEADING.finditer(content):
        at = line + content.count("\n", 0, match.start())
        heading = Block("heading", at, text_of(match.group(3)), int(match.group(1)))
        heading.id = match.group(2) or ""
        found.append((match.start(), heading))
    for match in _ANCHOR.finditer(content):
        at = line + content.count("\n", 0, match.start())
        found.append((match.start(), Block("anchor", at, id=match.group(1))))
    for match in _ASIDE.finditer(content):
        at = line + content.count("\n", 0, match.start())
        found.append((match.start(), Block("aside", at, text_of(match.group(1)))))
    if not found:
        return [Block("html", line, content)]
    return [block for _, block in sorted(found, key=lambda pair: pair[0])]


def text_of(html: str) -> str:
    """The text of a bit of inline HTML: tags dropped, `<br>` kept as a line break."""
    text = re.sub(r"<br\s*/?>", "\n", html)
    return _TAG.sub("", text).strip()


def _table(tokens: list[Token], start: int, lines: list[str]) -> tuple[Table, int]:
    header: list[str] = []
    rows: list[Row] = []
    cells: list[str] = []
    in_body = False
    row_line = 0
    index = start
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tr_open":
            cells = []
            row_line = token.map[0] if token.map else 0
        elif token.type == "inline":
            cells.append(token.content.replace("\\|", "|"))
        elif token.type == "tr_close":
            if in_body:
                source = lines[row_line].lstrip() if row_line < len(lines) else ""
                indented = source.startswith("| ") or source.startswith("|\t")
                rows.append(Row(cells, row_line + 1, indented))
            else:
                header = cells
        index += 1
    return Table(header, rows), index

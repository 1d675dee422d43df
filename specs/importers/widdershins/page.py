"""A Widdershins page cut into its parts: the title block, `# Authentication`, one `<h1>` per
tag with an `##` per operation, and `# Schemas` with one `<h2 id="tocS_Name">` per schema."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .markdown import Block, text_of, walk
from .operations import OperationPart, read_operation
from .rows import Segment

__all__ = ["Page", "SchemaPart", "read_page"]

_HREF = re.compile(r"<a href=\"([^\"]*)\">(.*?)</a>")
_VERSION = re.compile(r"^(.*\S)\s+v(\d\S*)$|^(.*\S)\s+(v\S*)$")
_API_KEY = re.compile(r"^API Key \((.+)\)$")
_API_KEY_WHERE = re.compile(r"^Parameter Name: \*\*(.+?)\*\*, in: (\w+)\.\s*(.*)$", re.S)
_HTTP = re.compile(r"^HTTP Authentication, scheme: (\S+)\s*(.*)$", re.S)
_OAUTH = re.compile(r"^oAuth2 authentication\.\s*(.*)$", re.S)
_FLOW = re.compile(r"^Flow: (\w+)")
_FLOW_URL = re.compile(r"^(Authorization|Token|Refresh) URL = \[([^\]]*)\]")
_VARIABLE = re.compile(r"^\*\*(.+?)\*\* - (.*?)\s*Default: (.*)$", re.S)


@dataclass
class SchemaPart:
    name: str
    line: int
    example: str | None = None
    example_info: str = ""
    title: str = ""
    segments: list[Segment] = field(default_factory=list)
    enums: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Page:
    title: str = ""
    version: str | None = None
    description: list[str] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    servers: list[dict[str, Any]] = field(default_factory=list)
    schemes: list[tuple[str | None, dict[str, Any]]] = field(default_factory=list)
    """Security schemes in page order; only API keys show their name."""
    tags: list[tuple[str, str]] = field(default_factory=list)
    operations: list[OperationPart] = field(default_factory=list)
    schemas: list[SchemaPart] = field(default_factory=list)
    marked: bool = False
    """Nested rows carry `»` depth markers."""
    problems: list[tuple[int, str]] = field(default_factory=list)
    repairs: list[tuple[int, str]] = field(default_factory=list)


def read_page(text: str) -> Page:
    blocks = walk(text)
    page = Page(marked="»" in text)
    page.repairs = [(block.line, block.text) for block in blocks if block.kind == "repair"]
    sections = _split(blocks, lambda b: b.kind == "heading" and b.level == 1 and _top(b))
    for heading, body in sections:
        if heading is None or (not page.title and heading.id and not page.tags):
            if heading is not None:
                _title(page, heading.text)
            _header(page, body)
        elif heading.text == "Authentication" and not heading.id:
            _authentication(page, body)
        elif heading.text == "Schemas" and not heading.id:
            _schemas(page, body)
        else:
            _tag(page, heading, body)
    return page


def _top(block: Block) -> bool:
    """A part's heading: Widdershins' own `<h1 id>`, or its `# Authentication`/`# Schemas`."""
    return bool(block.id) or block.text in ("Authentication", "Schemas")


def _split(blocks: list[Block], starts: Any) -> list[tuple[Block | None, list[Block]]]:
    parts: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if starts(block):
            parts.append((block, []))
        else:
            parts[-1][1].append(block)
    return parts if parts[0][1] else parts[1:]


def _title(page: Page, text: str) -> None:
    match = _VERSION.match(text)
    if match and match.group(1):
        page.title, page.version = match.group(1), match.group(2)
    elif match:
        page.title, page.version = match.group(3), match.group(4)
    else:
        page.title = text


def _header(page: Page, blocks: list[Block]) -> None:
    expect_servers = False
    for block in blocks:
        if block.kind == "paragraph" and block.text.strip() == "Base URLs:":
            expect_servers = True
        elif block.kind == "item" and expect_servers:
            _server(page, block)
        elif block.kind == "paragraph" and _info_line(page, block.text):
            expect_servers = False
        elif block.kind in ("paragraph", "heading"):
            expect_servers = False
            prefix = "#" * block.level + " " if block.kind == "heading" else ""
            page.description.append(prefix + block.text)


def _server(page: Page, block: Block) -> None:
    link = _HREF.search(block.text)
    variable = _VARIABLE.match(block.text)
    if block.level == 1 and link:
        page.servers.append({"url": link.group(1)})
    elif block.level == 2 and variable and page.servers:
        entry: dict[str, Any] = {"default": variable.group(3).strip()}
        if variable.group(2):
            entry["description"] = variable.group(2)
        page.servers[-1].setdefault("variables", {})[variable.group(1)] = entry
    elif block.level == 3 and page.servers and page.servers[-1].get("variables"):
        last = list(page.servers[-1]["variables"].values())[-1]
        last.setdefault("enum", []).append(block.text.strip())


def _info_line(page: Page, text: str) -> bool:
    """Terms, contact and license lines; False for a paragraph of the description."""
    found = False
    for raw in text.split("\n"):
        line = raw.strip()
        links = _HREF.findall(line)
        if line.endswith("Terms of service</a>") and links:
            page.info["termsOfService"] = links[0][0]
        elif line.startswith(("Email:", "Web:")) and links:
            contact = page.info.setdefault("contact", {})
            for href, name in links:
                if href.startswith("mailto:"):
                    contact["email"] = href[len("mailto:") :]
                else:
                    contact["url"] = href
                if name != "Support":
                    contact["name"] = text_of(name)
        elif line.startswith("License:"):
            page.info["license"] = (
                {"name": text_of(links[0][1]), "url": links[0][0]}
                if links
                else {"name": line[len("License:") :].strip()}
            )
        else:
            continue
        found = True
    return found


def _authentication(page: Page, blocks: list[Block]) -> None:
    current: dict[str, Any] | None = None
    flow: dict[str, Any] | None = None
    for block in blocks:
        text = block.text.strip()
        if block.kind == "item" and _API_KEY.match(text):
            current = {"type": "apiKey"}
            page.schemes.append((_API_KEY.match(text).group(1), current))  # type: ignore[union-attr]
        elif block.kind == "item" and current is not None and _API_KEY_WHERE.match(text):
            where = _API_KEY_WHERE.match(text)
            assert where is not None
            current.update(name=where.group(1), **{"in": where.group(2)})
            if where.group(3):
                current["description"] = where.group(3)
        elif block.kind == "item" and _HTTP.match(text):
            match = _HTTP.match(text)
            assert match is not None
            current = {"type": "http", "scheme": match.group(1)}
            if match.group(2):
                current["description"] = match.group(2)
            page.schemes.append((None, current))
        elif block.kind == "item" and _OAUTH.match(text):
            match = _OAUTH.match(text)
            assert match is not None
            current = {"type": "oauth2", "flows": {}}
            if match.group(1):
                current["description"] = match.group(1)
            page.schemes.append((None, current))
        elif block.kind == "item" and current and "flows" in current and _FLOW.match(text):
            flow = {"scopes": {}}
            current["flows"][_FLOW.match(text).group(1)] = flow  # type: ignore[union-attr]
        elif block.kind == "item" and flow is not None and _FLOW_URL.match(text):
            url = _FLOW_URL.match(text)
            assert url is not None
            flow[f"{url.group(1).lower()}Url"] = url.group(2)
        elif block.kind == "table" and flow is not None and block.table is not None:
            for row in block.table.rows:
                flow["scopes"][row.cells[0]] = row.cells[1] if len(row.cells) > 1 else ""


def _tag(page: Page, heading: Block, blocks: list[Block]) -> None:
    operations = _split(blocks, lambda b: b.kind == "heading" and b.level == 2)
    description = []
    for start, body in operations:
        if start is None:
            description = [b.text for b in body if b.kind == "paragraph"]
            continue
        part = read_operation(start, heading.text, body)
        if part.method is None:
            page.problems.extend(part.problems)
            page.problems.append((start.line, f"operation {start.text!r} has no `METHOD /path`"))
        else:
            page.operations.append(part)
    page.tags.append((heading.text, "\n\n".join(description)))


def _schemas(page: Page, blocks: list[Block]) -> None:
    parts = _split(blocks, lambda b: b.kind == "heading" and b.level == 2)
    for start, body in parts:
        if start is None:
            continue
        name = start.id[len("tocS_") :] if start.id.startswith("tocS_") else start.text
        page.schemas.append(_schema(SchemaPart(name, start.line), body, page))


def _schema(part: SchemaPart, blocks: list[Block], page: Page) -> SchemaPart:
    state, title = "head", ""
    for block in blocks:
        if block.kind == "fence" and part.example is None and state == "head":
            part.example, part.example_info = block.text, block.info
        elif block.kind == "heading" and block.text == "Properties":
            state, part.title, title = "rows", title, ""
        elif block.kind == "heading" and block.text == "Enumerated Values":
            state = "enums"
        elif block.kind == "paragraph" and block.text.startswith("|"):
            page.problems.append((block.line, "a table Markdown cannot read (no `|---|` row?)"))
        elif block.kind == "paragraph":
            title = block.text
        elif block.kind == "table" and block.table is not None and state == "enums":
            part.enums.extend(
                (row.cells[0], row.cells[1] if len(row.cells) > 1 else "")
                for row in block.table.rows
            )
        elif block.kind == "table" and block.table is not None:
            if "Name" not in block.table.header or "Type" not in block.table.header:
                page.problems.append((block.line, "a property table without Name and Type"))
                continue
            part.segments.append(Segment(title, block.table))
            title = ""
    if state == "head" and not part.title:
        part.title = title
    return part

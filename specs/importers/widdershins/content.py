"""What the code samples and example fences say about bodies: media types and example values.

Widdershins shows a request's media type only in the code samples' `Content-Type` header
(and a response's in `Accept`), and the kind of fence an example is in (json, yaml, xml, or
plain for text) names its class.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from ...errors import SpecError
from ...yamlio import load_yaml

__all__ = [
    "FENCE_MEDIA",
    "MISSING",
    "description_urls",
    "header_value",
    "parse_example",
    "server_urls",
]

FENCE_MEDIA = {
    "json": "application/json",
    "yaml": "application/yaml",
    "xml": "application/xml",
    "": "text/plain",
}
MISSING = object()
"""An example that says nothing: Widdershins writes `false` when it could not sample one."""
_HEADER = r"['\"]?{name}['\"]?\s*:\s*['\"]?([\w.+-]+/[\w.+*-]+)"
_URL = re.compile(r"https?://[^\s'\"<>`)]+")


def header_value(code: list[str], name: str) -> str | None:
    """The media type a header of the code samples is set to (the first sample that sets it)."""
    pattern = re.compile(_HEADER.format(name=re.escape(name)), re.IGNORECASE)
    for sample in code:
        match = pattern.search(sample)
        if match:
            return match.group(1)
    return None


def parse_example(info: str, text: str) -> Any:
    """An example fence's value; MISSING for Widdershins' `false` placeholder or an empty or
    unreadable fence, the text itself for plain text and XML."""
    body = text.strip()
    if not body or body == "false":
        return MISSING
    if info == "json":
        try:
            return json.loads(body)
        except ValueError:
            return MISSING
    if info == "yaml":
        try:
            return load_yaml(body)
        except (SpecError, yaml.YAMLError):
            return MISSING
    if info == "" and body.startswith('"'):
        try:
            return json.loads(body)
        except ValueError:
            return body
    return body


def server_urls(code: list[str], path: str) -> list[str]:
    """Base URLs the code samples put before `path`."""
    found = []
    for sample in code:
        for match in _URL.finditer(sample):
            url = match.group(0)
            at = url.find(path) if path != "/" else len(url.rstrip("/"))
            if at > 0 and (url[at:].split("?")[0] == path or path == "/"):
                found.append(url[:at].rstrip("/"))
    return found


def description_urls(text: str) -> list[str]:
    """Absolute URLs a description names, in order, trailing punctuation dropped."""
    urls = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:'\"")
        if url not in urls:
            urls.append(url)
    return urls

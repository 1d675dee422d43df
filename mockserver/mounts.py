"""Which spec is served where: bundled names or files, each at its base path."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import specs

from .errors import MountError
from .mount import Mount
from .state import Tombstones

__all__ = ["base_path", "build_mounts"]

_VARIABLE = re.compile(r"\{([^{}]+)\}")


def base_path(document: dict[str, Any]) -> str:
    """The path of the first server URL (`https://api.x.com/v1` -> `/v1`), variables filled in."""
    servers = document.get("servers") or []
    if not servers or not isinstance(servers[0], dict):
        return ""
    server = servers[0]
    variables = server.get("variables") or {}

    def fill(match: re.Match[str]) -> str:
        variable = variables.get(match.group(1)) or {}
        return str(variable.get("default", ""))

    url = _VARIABLE.sub(fill, str(server.get("url", "")))
    return "/" + urlsplit(url).path.strip("/") if urlsplit(url).path.strip("/") else ""


def _name(spec: str) -> str:
    return spec if spec in specs.names() else Path(spec).stem.split(".")[0]


def build_mounts(
    spec_args: Sequence[str],
    *,
    seed: int = 0,
    credentials: Collection[str] | None = None,
    validator: str = "fast",
    state: Path | None = None,
) -> list[Mount]:
    """Mounts for the given specs (every bundled spec when none is given).

    One named spec is served at its own base path; several, or all bundled ones by default,
    are each prefixed with `/<name>`.
    `state` is a folder the mounts keep what they remember in (deleted resources), shared by
    worker processes; without it each process remembers on its own.
    """
    chosen = list(spec_args) or specs.names()
    documents = []
    for spec in chosen:
        try:
            documents.append((_name(spec), specs.load(spec)))
        except specs.SpecError as error:
            raise MountError(str(error)) from None
    names = [name for name, _ in documents]
    if len(set(names)) != len(names):
        raise MountError(f"two specs would be mounted under the same name: {', '.join(names)}")
    prefix = not spec_args or len(documents) > 1
    return [
        Mount(
            name,
            document,
            (f"/{name}" if prefix else "") + base_path(document),
            seed=seed,
            credentials=credentials,
            validator=validator,
            tombstones=Tombstones(state / f"{name}.deleted") if state else None,
        )
        for name, document in documents
    ]

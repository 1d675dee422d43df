"""The bundled specs: which source each comes from, and where its normalized form lives."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import MalformedSource, SourceNotFound
from .pipeline import Normalized, normalize_file
from .yamlio import load_yaml

__all__ = [
    "CATALOG",
    "OPENAPI_DIR",
    "REPORTS_DIR",
    "SOURCES_DIR",
    "Entry",
    "build",
    "entry",
    "load",
    "names",
    "path",
    "write",
]

PACKAGE_DIR = Path(__file__).parent
SOURCES_DIR = PACKAGE_DIR / "sources"
OPENAPI_DIR = PACKAGE_DIR / "openapi"
REPORTS_DIR = PACKAGE_DIR / "reports"


@dataclass(frozen=True)
class Entry:
    name: str
    source: str
    """File name under `specs/sources/`."""

    @property
    def source_path(self) -> Path:
        return SOURCES_DIR / self.source

    @property
    def spec_path(self) -> Path:
        return OPENAPI_DIR / f"{self.name}.yaml"

    @property
    def report_path(self) -> Path:
        return REPORTS_DIR / f"{self.name}.json"


# Sources whose format has an importer. The others in `specs/sources/` join as theirs land.
CATALOG: tuple[Entry, ...] = (
    Entry("imagine", "imagine.swagger-ui.txt"),
    Entry("novelai", "novelai.collapsed-yaml.txt"),
    Entry("rostro", "rostro.widdershins.md"),
    Entry("scenario", "scenario.openapi.json"),
    Entry("venice", "venice.registry-diff.txt"),
)


def names() -> list[str]:
    return [e.name for e in CATALOG]


def entry(name: str) -> Entry:
    for candidate in CATALOG:
        if candidate.name == name:
            return candidate
    raise SourceNotFound(f"no bundled spec named {name!r}; bundled: {', '.join(names())}")


def path(name: str) -> Path:
    return entry(name).spec_path


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "specmock"


def _load_bundled(spec_path: Path) -> dict[str, Any]:
    """Parse a committed spec, through a JSON copy keyed by content hash.

    JSON parses about fifty times faster than YAML, and a mock's start-up waits on this.
    """
    data = spec_path.read_bytes()
    cached = _cache_dir() / f"{spec_path.stem}-{hashlib.sha256(data).hexdigest()[:24]}.json"
    try:
        document = json.loads(cached.read_bytes())
    except (OSError, ValueError):
        document = load_yaml(data.decode("utf-8"))
        with contextlib.suppress(OSError):
            cached.parent.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
            temporary.replace(cached)
    if not isinstance(document, dict):
        raise MalformedSource("normalized spec is not a mapping", origin=str(spec_path))
    return document


def load(spec: str | Path) -> dict[str, Any]:
    """A normalized document: a bundled spec by name, or any source file normalized now."""
    if isinstance(spec, str) and spec in names():
        return _load_bundled(path(spec))
    candidate = Path(spec)
    if not candidate.exists() and isinstance(spec, str) and "/" not in spec and "." not in spec:
        entry(spec)  # raises, listing the bundled names
    return normalize_file(candidate).document


def build(name: str) -> Normalized:
    """Normalize a bundled spec from its source, as `specmock normalize --all` does."""
    source = entry(name)
    return normalize_file(source.source_path, origin=source.source)


def write(name: str, normalized: Normalized) -> None:
    source = entry(name)
    source.spec_path.parent.mkdir(parents=True, exist_ok=True)
    source.report_path.parent.mkdir(parents=True, exist_ok=True)
    source.spec_path.write_text(normalized.to_yaml(), encoding="utf-8")
    report = json.dumps(normalized.report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    source.report_path.write_text(report, encoding="utf-8")

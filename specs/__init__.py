"""Specs: API descriptions in any supported format, turned into normalized OpenAPI 3.1.

Later parts of the toolkit read specs only through this package::

    import specs
    specs.names()            # ['scenario', ...]
    specs.load("scenario")   # the normalized document as a dict
"""

from __future__ import annotations

from .catalog import build, load, names, path
from .errors import MalformedSource, SourceNotFound, SpecError, UnknownFormat
from .merge import enrich
from .pipeline import Normalized, import_text, normalize_file, normalize_text, read_source
from .report import Finding, Report, Severity
from .yamlio import dump_yaml, load_yaml

__all__ = [
    "Finding",
    "MalformedSource",
    "Normalized",
    "Report",
    "Severity",
    "SourceNotFound",
    "SpecError",
    "UnknownFormat",
    "build",
    "dump_yaml",
    "enrich",
    "import_text",
    "load",
    "load_yaml",
    "names",
    "normalize_file",
    "normalize_text",
    "path",
    "read_source",
]

"""Importers: one module per source format, each general for its format.

Detection asks each importer in turn whether a text is its kind; the most specific formats are
asked first, so a container (a diff) is recognized before the document it holds.
"""

from __future__ import annotations

from .base import Embedded, Imported, Importer
from .layout import LayoutDamaged
from .openapi_document import OpenAPIDocument
from .registry_diff import AddedFile, RegistryDiff, added_files
from .swagger_ui import SwaggerUI
from .widdershins import Widdershins

__all__ = [
    "IMPORTERS",
    "AddedFile",
    "Embedded",
    "Imported",
    "Importer",
    "LayoutDamaged",
    "OpenAPIDocument",
    "RegistryDiff",
    "SwaggerUI",
    "Widdershins",
    "added_files",
    "detect",
]

IMPORTERS: tuple[Importer, ...] = (
    RegistryDiff(),
    SwaggerUI(),
    Widdershins(),
    LayoutDamaged(),
    OpenAPIDocument(),
)


def detect(text: str) -> Importer | None:
    """The importer whose format `text` is, or None."""
    return next((importer for importer in IMPORTERS if importer.sniff(text)), None)

"""Text copied from a Swagger UI page: the page's layout, its type summaries, and the importer."""

from __future__ import annotations

from .importer import SwaggerUI
from .page import Page, parse_page
from .types import schema_of, typed_value

__all__ = ["Page", "SwaggerUI", "parse_page", "schema_of", "typed_value"]

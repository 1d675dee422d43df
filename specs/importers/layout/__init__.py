"""OpenAPI YAML whose layout was damaged: indentation stripped, or collapsed onto one line."""

from __future__ import annotations

from .importer import LayoutDamaged

__all__ = ["LayoutDamaged"]

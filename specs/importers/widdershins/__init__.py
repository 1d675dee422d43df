"""Markdown rendered by Widdershins: the page's blocks, its parts, type cells, property rows
and the importer."""

from __future__ import annotations

from .importer import Widdershins
from .markdown import Block, walk
from .page import Page, read_page
from .types import TypeCell, read_type

__all__ = ["Block", "Page", "TypeCell", "Widdershins", "read_page", "read_type", "walk"]

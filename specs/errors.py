"""Errors raised while reading and normalizing API descriptions.

Every error says where the fault is, so a user can open the file at that spot::

    SpecError
    ├── SourceNotFound      the file or bundled name does not exist
    ├── UnknownFormat       no importer recognizes the text
    └── MalformedSource     an importer recognized the text but cannot read it
"""

from __future__ import annotations

__all__ = ["MalformedSource", "SourceNotFound", "SpecError", "UnknownFormat"]


class SpecError(Exception):
    """Root of the errors of the `specs` package.

    `origin` names the file (or `file!member` for a file embedded in another), `line` and
    `column` are 1-based, and `pointer` is a JSON pointer into the parsed document.
    """

    def __init__(
        self,
        message: str,
        *,
        origin: str | None = None,
        line: int | None = None,
        column: int | None = None,
        pointer: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.origin = origin
        self.line = line
        self.column = column
        self.pointer = pointer

    @property
    def location(self) -> str:
        parts = [self.origin or "<input>"]
        if self.line is not None:
            parts.append(f"line {self.line}")
            if self.column is not None:
                parts.append(f"column {self.column}")
        if self.pointer is not None:
            parts.append(f"at {self.pointer or '/'}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class SourceNotFound(SpecError):
    """The source file or bundled spec name does not exist."""


class UnknownFormat(SpecError):
    """No importer recognizes the source text as its format."""


class MalformedSource(SpecError):
    """The source looks like a known format but cannot be read as one."""

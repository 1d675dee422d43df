"""The `specmock` command: `normalize` and `specs` here; other packages add theirs.

Subcommands are found through the `specmock.commands` entry points, so this package does not
import the mock server or the conformance suite.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, TypeVar

import click

from . import catalog
from .errors import SpecError
from .merge import enrich
from .normalize import iter_operations
from .pipeline import Normalized, normalize_file
from .report import Report

__all__ = ["fail_cleanly", "main", "normalize_command", "specs_command"]

F = TypeVar("F", bound=Callable[..., Any])
USAGE_ERROR = 2


def fail_cleanly(function: F) -> F:
    """Turn a `SpecError` into one line on stderr and exit code 2, never a traceback."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except SpecError as error:
            click.echo(f"specmock: error: {error}", err=True)
            sys.exit(USAGE_ERROR)

    return wrapper  # type: ignore[return-value]


class _Commands(click.Group):
    def _found(self) -> dict[str, Any]:
        return {ep.name: ep for ep in entry_points(group="specmock.commands")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self._found())

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = self._found().get(cmd_name)
        command = found.load() if found else None
        return command if isinstance(command, click.Command) else None


@click.group(cls=_Commands)
@click.version_option(package_name="specmock")
def main() -> None:
    """Normalize API descriptions, mock them, and check servers against them."""


def _print_report(report: Report, verbose: bool) -> None:
    click.echo(report.summary(), err=True)
    if verbose:
        for finding in report:
            click.echo(f"  {finding}", err=True)


@click.command("normalize")
@click.argument("source", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the normalized spec here instead of stdout.",
)
@click.option(
    "--all",
    "all_",
    is_flag=True,
    help="Rebuild every bundled spec in specs/openapi/ from specs/sources/.",
)
@click.option(
    "--check",
    is_flag=True,
    help="With --all: fail if a committed spec differs from a rebuild; write nothing.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the report as JSON here.",
)
@click.option(
    "--enrich",
    "enrich_from",
    metavar="OTHER",
    help="Fill what SOURCE lost (or only guessed) from OTHER, a file or bundled spec that "
    "describes the same operations; every fill and conflict goes into the report.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the report's summary line.")
@fail_cleanly
def normalize_command(
    source: Path | None,
    output: Path | None,
    all_: bool,
    check: bool,
    report_path: Path | None,
    enrich_from: str | None,
    quiet: bool,
) -> None:
    """Turn SOURCE (any supported format) into normalized OpenAPI 3.1 YAML.

    The report of what was repaired or inferred goes to stderr, one JSON pointer per line.
    """
    if all_ == (source is not None):
        raise click.UsageError("give either SOURCE or --all")
    if not all_ and check:
        raise click.UsageError("--check works only with --all")
    if all_ and enrich_from is not None:
        raise click.UsageError("--enrich works only with SOURCE")
    if all_:
        _normalize_all(check, quiet)
        return
    assert source is not None
    normalized = normalize_file(source)
    if enrich_from is not None:
        other = (
            catalog.build(enrich_from)
            if enrich_from in catalog.names() and not Path(enrich_from).exists()
            else normalize_file(enrich_from)
        )
        normalized = enrich(normalized, other, enrich_from)
    _print_report(normalized.report, not quiet)
    if report_path is not None:
        report_path.write_text(json.dumps(normalized.report.to_dict(), indent=2) + "\n")
    if output is None:
        click.echo(normalized.to_yaml(), nl=False)
    else:
        output.write_text(normalized.to_yaml(), encoding="utf-8")


def _normalize_all(check: bool, quiet: bool) -> None:
    stale = []
    for name in catalog.names():
        normalized: Normalized = catalog.build(name)
        _print_report(normalized.report, not quiet)
        spec_path = catalog.path(name)
        if not check:
            catalog.write(name, normalized)
        elif (
            not spec_path.exists() or spec_path.read_text(encoding="utf-8") != normalized.to_yaml()
        ):
            stale.append(name)
    if stale:
        click.echo(
            f"specmock: out of date: {', '.join(stale)}; run `specmock normalize --all`", err=True
        )
        sys.exit(1)


@click.command("specs")
@fail_cleanly
def specs_command() -> None:
    """List the bundled specs with their sizes."""
    rows = [("NAME", "VERSION", "PATHS", "OPERATIONS", "SCHEMAS", "SOURCE")]
    for name in catalog.names():
        document = catalog.load(name)
        rows.append(
            (
                name,
                str(document.get("info", {}).get("version", "")),
                str(len(document.get("paths") or {})),
                str(len(iter_operations(document))),
                str(len((document.get("components") or {}).get("schemas") or {})),
                catalog.entry(name).source,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )

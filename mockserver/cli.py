"""`specmock serve`: the mock server on the bundled specs or on any spec file."""

from __future__ import annotations

import shutil
import sys

import click

from specs.cli import USAGE_ERROR

from .app import DEFAULT_MAX_BODY, create_app
from .errors import MountError
from .journal import Journal
from .mount import VALIDATORS
from .mounts import build_mounts
from .server import run

__all__ = ["serve_command"]


@click.command("serve")
@click.argument("spec", nargs=-1)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to bind; 0 picks a free one.",
)
@click.option(
    "--seed", default=0, show_default=True, type=int, help="Seed of every generated fixture."
)
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Worker processes."
)
@click.option(
    "--credential",
    "credentials",
    multiple=True,
    help="A token or API key the mock accepts (repeatable); without any, every "
    "credential of the right shape is accepted.",
)
@click.option(
    "--validator",
    type=click.Choice(VALIDATORS),
    default="fast",
    show_default=True,
    help="Request validator: the compiled fast path, or openapi-core itself.",
)
@click.option(
    "--max-body",
    default=DEFAULT_MAX_BODY,
    show_default=True,
    type=click.IntRange(1),
    help="Largest request body in bytes; larger ones get 413.",
)
def serve_command(
    spec: tuple[str, ...],
    host: str,
    port: int,
    seed: int,
    workers: int,
    credentials: tuple[str, ...],
    validator: str,
    max_body: int,
) -> None:
    """Serve SPEC (bundled names or OpenAPI files; all bundled specs by default) as a mock."""
    journal = Journal()

    def announce(address: str) -> None:
        for mount in mounts:
            operations = len(mount.operations)
            where = f"{address}{mount.base_path or '/'}"
            click.echo(f"specmock: {mount.name} ({operations} operations) at {where}")
        click.echo(f"specmock: journal at {address}/__specmock/requests; Ctrl-C stops")

    try:
        mounts = build_mounts(
            spec,
            seed=seed,
            credentials=credentials or None,
            validator=validator,
            state=journal.directory,
        )
        app = create_app(mounts, journal=journal, max_body=max_body)
        run(app, host=host, port=port, workers=workers, on_ready=announce)
    except MountError as error:
        click.echo(f"specmock: error: {error}", err=True)
        sys.exit(USAGE_ERROR)
    finally:
        shutil.rmtree(journal.directory, ignore_errors=True)

"""`specmock verify`: the conformance suite from the command line, for CI."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

import specs
from specs.cli import USAGE_ERROR

from .errors import ContractsError
from .options import ALL_CHECKS, PHASES, VerifyOptions, parse_header, read_pyproject
from .reports import render_summary, write_json, write_junit
from .runner import verify

__all__ = ["verify_command"]

_FILTER_KINDS = {"path": "path", "method": "method", "tag": "tag", "operation-id": "operation_id"}
_MARKS = {
    "success": "ok",
    "failure": "FAIL",
    "error": "ERROR",
    "skip": "skip",
    "interrupted": "stop",
}


def _filters(values: tuple[str, ...], option: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for value in values:
        kind, separator, text = value.partition("=")
        if not separator or kind not in _FILTER_KINDS or not text:
            kinds = ", ".join(_FILTER_KINDS)
            raise click.BadParameter(
                f"{value!r} is not KIND=VALUE with KIND one of {kinds}", param_hint=option
            )
        found.setdefault(_FILTER_KINDS[kind], []).append(text.upper() if kind == "method" else text)
    return found


def _reports(values: tuple[str, ...]) -> dict[str, Path]:
    found = {}
    for value in values:
        kind, separator, path = value.partition("=")
        if not separator or not path:
            raise click.BadParameter(f"{value!r} is not FORMAT=PATH", param_hint="--report")
        found[kind] = Path(path)
    return found


def _names(text: str | None, known: tuple[str, ...], option: str) -> tuple[str, ...] | None:
    if text is None:
        return None
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    if names == ("all",):
        return known
    unknown = [n for n in names if n not in known]
    if unknown:
        raise click.BadParameter(
            f"unknown {unknown[0]!r}; known: {', '.join(known)}", param_hint=option
        )
    return names


def _progress(phase: str, label: str, status: str) -> None:
    click.echo(f"  {_MARKS.get(status, status):<5} {phase:<9} {label}")


@click.command("verify")
@click.argument("spec", required=False)
@click.option("--base-url", help="Where the implementation under test is served.")
@click.option(
    "-H",
    "--header",
    "headers",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="Sent with every request (repeatable); $VAR in the value reads the environment.",
)
@click.option(
    "--auth-env",
    metavar="VAR",
    help="Send the Authorization header with the value of this environment variable.",
)
@click.option(
    "--include",
    multiple=True,
    metavar="KIND=VALUE",
    help="Test only matching operations; KIND is path, method, tag or operation-id.",
)
@click.option("--exclude", multiple=True, metavar="KIND=VALUE", help="Skip matching operations.")
@click.option("--max-examples", type=click.IntRange(1), help="Test cases per operation and phase.")
@click.option("--seed", type=int, help="Make the run reproducible.")
@click.option("--workers", type=click.IntRange(1, 64), help="Operations tested in parallel.")
@click.option(
    "--max-response-time",
    type=click.FloatRange(0, min_open=True),
    metavar="SECONDS",
    help="Fail responses slower than this.",
)
@click.option(
    "--checks", metavar="A,B", help=f"Checks to run (default all): {', '.join(ALL_CHECKS)}."
)
@click.option("--phases", metavar="A,B", help=f"Phases to run (default all): {', '.join(PHASES)}.")
@click.option("--rate-limit", metavar="N/s", help="At most this many requests, like 10/s or 600/m.")
@click.option(
    "--timeout", type=click.FloatRange(0, min_open=True), help="Seconds to wait for a response."
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT=PATH",
    help="Also write a report: junit=PATH, json=PATH or har=PATH (repeatable).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("pyproject.toml"),
    show_default=True,
    help="Where a [tool.specmock.verify] table may set any of these options.",
)
@click.option(
    "--continue-on-failure",
    is_flag=True,
    default=None,
    help="Keep testing an operation after its first failure, to find every distinct one.",
)
@click.option("-q", "--quiet", is_flag=True, help="No live progress, only the summary.")
def verify_command(**given: Any) -> None:
    """Fuzz the server at --base-url against SPEC (a bundled name or an OpenAPI file).

    Exit status: 0 no failures, 1 failures found, 2 bad usage or unreachable server.
    """
    try:
        settings = read_pyproject(given.pop("config_path"))
        quiet = given.pop("quiet")
        headers = dict(parse_header(h) for h in settings.pop("headers", []))
        headers.update(parse_header(h) for h in given.pop("headers"))
        auth_env = given.pop("auth_env")
        if auth_env:
            if auth_env not in os.environ:
                raise click.BadParameter(f"${auth_env} is not set", param_hint="--auth-env")
            headers["Authorization"] = os.environ[auth_env]
        spec = given.pop("spec") or settings.pop("spec", None)
        if spec is None:
            raise click.UsageError("give SPEC (a bundled name or a file), or `spec` in the config")
        checks = _names(given.pop("checks"), ALL_CHECKS, "--checks")
        phases = _names(given.pop("phases"), PHASES, "--phases")
        options = {
            **settings,
            **{k: v for k, v in given.items() if v not in (None, ())},
            "headers": headers,
        }
        for option, kind in (("include", "--include"), ("exclude", "--exclude")):
            if given[option]:
                options[option] = _filters(given[option], kind)
        if given["reports"]:
            options["reports"] = _reports(given["reports"])
        if checks is not None:
            options["checks"] = checks
        if phases is not None:
            options["phases"] = phases
        if "base_url" not in options:
            raise click.UsageError("give --base-url (or base-url in the config)")
        verify_options = VerifyOptions(**options)
        result = verify(spec, verify_options, progress=None if quiet else _progress)
    except (ContractsError, specs.SpecError) as error:
        click.echo(f"specmock: error: {error}", err=True)
        sys.exit(USAGE_ERROR)
    click.echo(render_summary(result))
    reports = verify_options.reports
    if "junit" in reports:
        write_junit(result, reports["junit"], suite=str(spec))
    if "json" in reports:
        write_json(result, reports["json"])
    sys.exit(result.exit_code)

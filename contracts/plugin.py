"""The pytest plugin's hooks. Fixtures live in `pytest_fixtures`, conformance items in
`conformance_items`; this module only wires them into pytest."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

from .conformance_items import ConformanceItem, ConformanceSettings, conformance_items
from .options import parse_header

SETTINGS = pytest.StashKey[ConformanceSettings | None]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("specmock", "specmock: API mocks and conformance tests")
    group.addoption(
        "--specmock-verify", metavar="URL", help="Run conformance tests against this base URL."
    )
    group.addoption(
        "--specmock-spec", metavar="SPEC", help="The spec (bundled name or file) to test against."
    )
    group.addoption(
        "--specmock-header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="Header for every conformance request (repeatable; $VAR reads the environment).",
    )
    group.addoption(
        "--specmock-max-examples", type=int, metavar="N", help="Test cases per operation and phase."
    )
    group.addoption("--specmock-seed", type=int, metavar="N", help="Seed of the conformance tests.")
    parser.addini("specmock_verify", "Base URL to run conformance tests against.")
    parser.addini("specmock_spec", "Spec of the conformance tests.")
    parser.addini(
        "specmock_headers", "Headers of the conformance requests.", type="linelist", default=[]
    )
    parser.addini("specmock_max_examples", "Test cases per operation and phase.", default="10")
    parser.addini("specmock_scope", "Scope of the specmock_server fixture.", default="function")


def _settings(
    url: str, spec: str, headers: list[str], max_examples: int, seed: int | None
) -> ConformanceSettings:
    return ConformanceSettings(
        base_url=url,
        spec=spec,
        headers=dict(parse_header(h) for h in headers),
        max_examples=max_examples,
        seed=seed,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "specmock(spec, **options): the spec `specmock_url` mocks.")
    config.addinivalue_line(
        "markers",
        "specmock_verify(spec, base_url, headers=(), max_examples=10, seed=None): on a test "
        "module, add a conformance test per operation of spec against base_url.",
    )
    config.pluginmanager.import_plugin("contracts.pytest_fixtures")
    url = config.getoption("specmock_verify") or config.getini("specmock_verify")
    spec = config.getoption("specmock_spec") or config.getini("specmock_spec")
    if bool(url) != bool(spec):
        raise pytest.UsageError("--specmock-verify and --specmock-spec go together")
    settings = None
    if url:
        settings = _settings(
            url,
            spec,
            [*config.getini("specmock_headers"), *config.getoption("specmock_header")],
            config.getoption("specmock_max_examples")
            or int(config.getini("specmock_max_examples")),
            config.getoption("specmock_seed"),
        )
    config.stash[SETTINGS] = settings


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report = yield
    if isinstance(collector, pytest.Module) and report.passed:
        marker = collector.get_closest_marker("specmock_verify")
        if marker is not None:
            options: dict[str, Any] = {
                **dict(zip(("spec", "base_url"), marker.args, strict=False)),
                **marker.kwargs,
            }
            settings = _settings(
                options["base_url"],
                options["spec"],
                list(options.get("headers", ())),
                int(options.get("max_examples", 10)),
                options.get("seed"),
            )
            report.result.extend(conformance_items(collector, settings))
    return report


def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    settings = config.stash.get(SETTINGS, None)
    if settings is not None:
        items.extend(conformance_items(session, settings))


def pytest_collection_finish(session: pytest.Session) -> None:
    # After deselection (-k, -m): each shared run tests only what is left.
    for item in session.items:
        if isinstance(item, ConformanceItem):
            item.run.selected.append(item.operation_id)

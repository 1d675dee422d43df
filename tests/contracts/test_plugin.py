"""The pytest plugin, run by pytest itself (`pytester`): fixtures, marker, conformance items."""

from __future__ import annotations

import pytest

from specs import dump_yaml

from .planted_server import PLANTS, TOKEN, RunningServer
from .planted_spec import planted_spec
from .test_detection import COLLATERAL

USING_FIXTURES = """
import pytest
import requests

AUTH = {"Authorization": "t"}


def test_factory_url_for_and_journal(specmock_server):
    server = specmock_server("scenario", seed=1)
    url = server.url_for("GetCollectionsByCollectionId", collectionId="c 1")
    assert url == server.url + "/collections/c%201"
    assert requests.get(url, headers=AUTH, timeout=10).status_code == 200
    assert requests.get(server.url + "/collections/c1", timeout=10).status_code == 401
    sent = server.requests
    assert [(r["operationId"], r["status"], r["valid"]) for r in sent] == [
        ("GetCollectionsByCollectionId", 200, True),
        ("GetCollectionsByCollectionId", 401, False),
    ]


def test_prefer_and_reset(specmock_server):
    server = specmock_server("scenario")
    server.prefer(dynamic=True)
    first = requests.get(server.url + "/tags?limit=1", headers=AUTH, timeout=10).json()
    server.prefer(dynamic=False)
    static = requests.get(server.url + "/tags?limit=1", headers=AUTH, timeout=10).json()
    assert isinstance(first, dict) and isinstance(static, dict)
    server.reset()
    assert server.requests == []


def test_url_for_refuses_unknown_operations(specmock_server):
    server = specmock_server("scenario")
    with pytest.raises(KeyError, match="GetAssets"):
        server.url_for("NoSuchOperation")


@pytest.mark.specmock("scenario", seed=3)
def test_marker_gives_a_base_url(specmock_url):
    response = requests.get(specmock_url + "/assets", headers=AUTH, timeout=10)
    assert response.status_code == 200


def test_url_fixture_without_marker_says_what_to_do(specmock_url):
    pass
"""


def test_fixtures_and_marker(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(USING_FIXTURES)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, errors=1)
    result.stdout.fnmatch_lines(["*specmock_url needs a marker naming the spec*"])


def test_fixtures_under_xdist(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(USING_FIXTURES)
    result = pytester.runpytest("-p", "no:cacheprovider", "-n", "2")
    result.assert_outcomes(passed=4, errors=1)


def test_session_scope_is_configurable(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nspecmock_scope = session\n")
    pytester.makepyfile(
        """
        SEEN = []

        def test_one(specmock_server):
            SEEN.append(specmock_server)

        def test_two(specmock_server):
            assert SEEN == [specmock_server]
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_conformance_items_fail_on_the_planted_bugs(
    pytester: pytest.Pytester, planted_server: RunningServer
) -> None:
    spec = pytester.path / "planted.yaml"
    spec.write_text(dump_yaml(planted_spec()))
    document_operations = [
        f"{method.upper()} {path}"
        for path, item in planted_spec()["paths"].items()
        for method in item
        if method in {"get", "put", "post", "delete", "patch"}
    ]
    broken = {plant.operation for plant in PLANTS} | {operation for operation, _ in COLLATERAL}
    result = pytester.runpytest(
        "-p",
        "no:cacheprovider",
        f"--specmock-verify={planted_server.url}",
        f"--specmock-spec={spec}",
        f"--specmock-header=Authorization: {TOKEN}",
        "--specmock-max-examples=30",
        "--specmock-seed=1",
    )
    result.assert_outcomes(passed=len(document_operations) - len(broken), failed=len(broken))
    result.stdout.fnmatch_lines(["*breaks the contract*", "*curl -X*"])


def test_conformance_options_must_come_together(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("-p", "no:cacheprovider", "--specmock-verify=http://127.0.0.1:1")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--specmock-verify and --specmock-spec go together*"])


def test_a_module_marker_turns_conformance_on(
    pytester: pytest.Pytester, planted_server: RunningServer
) -> None:
    spec = pytester.path / "planted.yaml"
    spec.write_text(dump_yaml(planted_spec()))
    pytester.makepyfile(
        test_conformance=f"""
        import pytest

        pytestmark = pytest.mark.specmock_verify(
            {str(spec)!r}, {planted_server.url!r},
            headers=["Authorization: {TOKEN}"], max_examples=30, seed=1,
        )
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-k", "POST or DELETE and not assets")
    result.assert_outcomes(passed=2, failed=1, deselected=6)

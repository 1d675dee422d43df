from __future__ import annotations

from pathlib import Path

import pytest
from schemathesis.config import SchemathesisConfig

from contracts import ALL_CHECKS, InvalidOptions, VerifyOptions, parse_header, read_pyproject


def test_defaults_enable_every_check_and_phase():
    config = VerifyOptions(base_url="http://127.0.0.1:1/v1").schemathesis_config()
    assert config["checks"]["enabled"] is False
    assert {name for name, value in config["checks"].items() if name != "enabled"} == set(
        ALL_CHECKS
    )
    assert all(
        config["phases"][phase]["enabled"]
        for phase in ("examples", "coverage", "fuzzing", "stateful")
    )
    SchemathesisConfig.from_dict(config)  # Schemathesis accepts it


def test_every_option_reaches_the_config():
    options = VerifyOptions(
        base_url="http://127.0.0.1:1/v1/",
        headers={"X-Key": "k"},
        max_examples=7,
        seed=3,
        workers=2,
        max_response_time=0.5,
        checks=("not_a_server_error",),
        phases=("fuzzing",),
        rate_limit="10/s",
        timeout=4,
        continue_on_failure=True,
    )
    config = options.schemathesis_config()
    assert config["base-url"] == "http://127.0.0.1:1/v1"
    assert config["headers"] == {"X-Key": "k"}
    assert config["generation"] == {"max-examples": 7}
    assert (config["seed"], config["workers"], config["rate-limit"], config["request-timeout"]) == (
        3,
        2,
        "10/s",
        4,
    )
    assert config["checks"] == {
        "enabled": False,
        "not_a_server_error": {"enabled": True},
        "max_response_time": 0.5,
    }
    assert [p for p, v in config["phases"].items() if v["enabled"]] == ["fuzzing"]
    assert config["continue-on-failure"] is True
    SchemathesisConfig.from_dict(config)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"checks": ("nope",)}, "unknown check 'nope'"),
        ({"phases": ("later",)}, "unknown phase 'later'"),
        ({"rate_limit": "fast"}, "is not like 10/s"),
        ({"include": {"colour": ["red"]}}, "unknown filter 'colour'"),
        ({"reports": {"pdf": Path("x")}}, "unknown report format 'pdf'"),
        ({"base_url": "localhost:8000"}, "is not an http(s) URL"),
    ],
)
def test_bad_options_say_which_and_why(kwargs, message):
    with pytest.raises(InvalidOptions, match=message.replace("(", r"\(").replace(")", r"\)")):
        VerifyOptions(**{"base_url": "http://127.0.0.1:1", **kwargs})


def test_headers_read_secrets_from_the_environment(monkeypatch):
    monkeypatch.setenv("SPECMOCK_TOKEN", "s3cret")
    assert parse_header("Authorization: Bearer $SPECMOCK_TOKEN") == (
        "Authorization",
        "Bearer s3cret",
    )
    assert parse_header("X-Key:${SPECMOCK_TOKEN}") == ("X-Key", "s3cret")
    with pytest.raises(InvalidOptions, match="SPECMOCK_UNSET"):
        parse_header("X-Key: $SPECMOCK_UNSET")
    with pytest.raises(InvalidOptions, match="not like 'Name: value'"):
        parse_header("no colon")


def test_pyproject_table(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.specmock.verify]\nspec = "scenario"\nmax-examples = 4\nbase-url = "http://x"\n'
    )
    assert read_pyproject(pyproject) == {
        "spec": "scenario",
        "max_examples": 4,
        "base_url": "http://x",
    }
    assert read_pyproject(tmp_path / "missing.toml") == {}
    pyproject.write_text("[tool.specmock.verify]\nmax-exampels = 4\n")
    with pytest.raises(InvalidOptions, match="unknown key 'max-exampels'"):
        read_pyproject(pyproject)

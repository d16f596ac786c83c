"""The settings table drives the environment, the CLI and the docs."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from click.testing import CliRunner
from flask import Flask

from conftest import REPO
from demoi.cli import cli
from demoi.errors import ConfigError
from demoi.server import app_settings
from demoi.settings import SETTINGS, load_settings, markdown_table

DOCS = REPO / "docs" / "settings.md"


def test_every_setting_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"| `{setting.env_var}` |" in text, f"{setting.env_var} is not in docs/settings.md"


def test_the_docs_table_is_the_generated_one() -> None:
    text = DOCS.read_text(encoding="utf-8")
    block = re.search(r"<!-- settings-table.*?-->\n(.*?)<!-- /settings-table -->", text, re.S)
    assert block, "docs/settings.md lost its settings-table markers"
    assert block.group(1) == markdown_table(), "regenerate with `demoi settings --markdown`"


def test_the_issue_requires_these_settings() -> None:
    names = {setting.env_var for setting in SETTINGS}
    assert {
        "DEMOI_STORE",
        "DEMOI_STORE_BACKEND",
        "DEMOI_BASE_URI",
        "DEMOI_HOST",
        "DEMOI_PORT",
        "DEMOI_QUERY_TIMEOUT",
        "DEMOI_MAX_RESULT_ROWS",
        "DEMOI_MAX_UPLOAD_SIZE",
        "DEMOI_TOKENS",
        "DEMOI_ALLOWED_HOSTS",
        "DEMOI_DEFAULT_LANGUAGE",
    } <= names


def test_precedence_default_environment_option() -> None:
    assert load_settings(environ={})["port"] == 8000
    assert load_settings(environ={"DEMOI_PORT": "8081"})["port"] == 8081
    settings = load_settings({"port": "9000"}, environ={"DEMOI_PORT": "8081"})
    assert settings["port"] == 9000 and settings.source("port") == "option"
    assert (
        load_settings({"port": None}, environ={"DEMOI_PORT": "8081"}).source("port")
        == "environment"
    )


def test_base_uri_defaults_to_the_servers_own_address() -> None:
    settings = load_settings(environ={"DEMOI_HOST": "0.0.0.0", "DEMOI_PORT": "8123"})
    assert settings.base_uri == "http://0.0.0.0:8123/"
    assert load_settings(environ={"DEMOI_BASE_URI": "https://data.kalamata.gr"}).base_uri == (
        "https://data.kalamata.gr/"
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEMOI_PORT", "eighty"),
        ("DEMOI_PORT", "70000"),
        ("DEMOI_MAX_RESULT_ROWS", "0"),
        ("DEMOI_QUERY_TIMEOUT", "-1"),
        ("DEMOI_DEFAULT_LANGUAGE", "fr"),
        ("DEMOI_UNION_DEFAULT_GRAPH", "maybe"),
        ("DEMOI_BASE_URI", "ftp://x/"),
        ("DEMOI_STORE_BACKEND", "mysql"),
    ],
)
def test_bad_values_name_the_variable(variable: str, value: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        load_settings(environ={variable: value})


def test_lists_and_booleans() -> None:
    settings = load_settings(
        environ={
            "DEMOI_ALLOWED_HOSTS": "query.wikidata.org, data.europa.eu,",
            "DEMOI_UNION_DEFAULT_GRAPH": "no",
        }
    )
    assert settings["allowed_hosts"] == ("query.wikidata.org", "data.europa.eu")
    assert settings["union_default_graph"] is False


def test_create_app_reads_prefixed_environment_then_config(
    make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEMOI_MAX_RESULT_ROWS", "5")
    monkeypatch.setenv("DEMOI_DEFAULT_LANGUAGE", "en")
    app = make_app(DEFAULT_LANGUAGE="el")
    settings = app_settings(app)
    assert settings["max_result_rows"] == 5
    assert settings["default_language"] == "el"


def test_demoi_settings_shows_value_and_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMOI_PORT", "8080")
    result = CliRunner().invoke(cli, ["settings", "--store", "/tmp/elsewhere"])
    assert result.exit_code == 0
    lines = {line.split("=", 1)[0]: line for line in result.output.splitlines()}
    assert set(lines) == {setting.env_var for setting in SETTINGS}
    assert "DEMOI_PORT=8080\t[environment]" in lines["DEMOI_PORT"]
    assert "DEMOI_STORE=/tmp/elsewhere\t[option]" in lines["DEMOI_STORE"]
    assert "[default]" in lines["DEMOI_HOST"]


def test_a_bad_environment_value_is_a_usage_error_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEMOI_PORT", "eighty")
    result = CliRunner().invoke(cli, ["settings"])
    assert result.exit_code == 2
    assert "DEMOI_PORT" in result.output and "Traceback" not in result.output

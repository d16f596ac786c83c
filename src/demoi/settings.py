"""One table of settings drives the environment (``DEMOI_*``), the CLI options, ``demoi settings``
and docs/settings.md (tests/test_settings.py fails when a setting is not documented there).

Precedence, lowest first: the default here, the ``DEMOI_<NAME>`` environment variable, an explicit
override (a CLI option, or the mapping given to ``create_app``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from demoi.errors import ConfigError

ENV_PREFIX = "DEMOI_"


def _parse_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected true or false, got {text!r}")


def _parse_list(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())


def _parse_positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError(f"expected a positive whole number, got {text!r}")
    return value


def _parse_count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(f"expected a whole number, 0 or more, got {text!r}")
    return value


def _parse_rate_limit(text: str) -> str:
    """flask-limiter's notation (``300/minute;5000/hour``); empty switches the limit off."""
    if not text.strip():
        return ""
    from limits import parse_many

    try:
        parse_many(text)
    except ValueError:
        raise ValueError(f"expected limits such as '300/minute;5000/hour', got {text!r}") from None
    return text.strip()


def _parse_positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise ValueError(f"expected a positive number, got {text!r}")
    return value


def _parse_language(text: str) -> str:
    if text not in {"el", "en"}:
        raise ValueError(f"expected el or en, got {text!r}")
    return text


def _parse_backend(text: str) -> str:
    if text != "oxigraph":
        raise ValueError(f"expected oxigraph (the only backend so far), got {text!r}")
    return text


def _parse_base_uri(text: str) -> str:
    if not text:
        return text
    if not (text.startswith("http://") or text.startswith("https://")):
        raise ValueError(f"expected an http(s) IRI, got {text!r}")
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(text)
    except ValueError as error:
        raise ValueError(f"{text!r} is not an IRI ({error})") from None
    return text if text.endswith("/") else text + "/"


#: The ΑΦΜ space is about 10^8 numbers: a short key would let anyone try them all against the
#: published pseudonyms, so the pseudonymisation key must at least be long.
MIN_SECRET_LENGTH = 16


def _parse_secret(text: str) -> str:
    if text and (len(text) < MIN_SECRET_LENGTH or len(set(text)) < MIN_SECRET_LENGTH // 2):
        raise ValueError(
            f"the key must be at least {MIN_SECRET_LENGTH} characters, not a repetition (a random "
            "one, e.g. "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`), or empty"
        )
    return text


def _parse_port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise ValueError(f"expected a port number from 0 to 65535, got {text!r}")
    return value


@dataclass(frozen=True)
class Setting:
    name: str
    type_name: str
    default: Any
    help: str
    parse: Callable[[str], Any]
    #: A secret is never shown: ``demoi settings`` says only whether it is set.
    secret: bool = False

    @property
    def env_var(self) -> str:
        return ENV_PREFIX + self.name.upper()

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "path", "demoi-store", "Folder of the embedded Oxigraph store.", str),
    Setting(
        "store_backend",
        "choice",
        "oxigraph",
        "Store backend: oxigraph (embedded, on disk).",
        _parse_backend,
    ),
    Setting(
        "base_uri",
        "IRI",
        "",
        "Base IRI for minted IRIs and graph names; empty means the server's own address, "
        "http://HOST:PORT/.",
        _parse_base_uri,
    ),
    Setting("host", "text", "127.0.0.1", "Address the server listens on.", str),
    Setting("port", "integer", 8000, "Port the server listens on.", _parse_port),
    Setting(
        "query_timeout",
        "seconds",
        30.0,
        "Time limit for one SPARQL query, in seconds.",
        _parse_positive_float,
    ),
    Setting(
        "dump_timeout",
        "seconds",
        120.0,
        "Time limit for the query behind one CSV dump (/dump/<code>/<dataset>.csv), in seconds; "
        "it runs in a query worker that is killed past it.",
        _parse_positive_float,
    ),
    Setting(
        "validation_timeout",
        "seconds",
        60.0,
        "Time limit for one validation asked over the web (/validate, /api/validate), in "
        "seconds; it runs in a child process that is killed past it. At most "
        "DEMOI_QUERY_WORKERS validations run at once.",
        _parse_positive_float,
    ),
    Setting(
        "max_result_rows",
        "integer",
        10000,
        "Most rows a SELECT returns; longer results are cut and marked as truncated.",
        _parse_positive_int,
    ),
    Setting(
        "max_concurrent_queries",
        "integer",
        64,
        "Most SPARQL queries admitted at once: on /sparql, running in a query worker or waiting "
        "for one (at most the time limit); more are answered 503 at once.",
        _parse_positive_int,
    ),
    Setting(
        "query_workers",
        "integer",
        2,
        "Processes that evaluate the queries sent to /sparql, started as queries need them; a "
        "query past its time limit is stopped by killing its process, and the others go on.",
        _parse_positive_int,
    ),
    Setting(
        "serve_from_memory",
        "boolean",
        False,
        "Query workers also load the store into memory (one copy each, about 600 MB for 1M "
        "triples) and answer from it once loaded, from the disk copy until then and after every "
        "write until the new copy is loaded; 2-5x faster queries.",
        _parse_bool,
    ),
    Setting(
        "result_cache_entries",
        "integer",
        256,
        "Serialised /sparql results kept in memory, least recently used out first, keyed by the "
        "query, its dataset, base IRI and format and the store's version (every write empties "
        "the cache); 0 turns the cache off.",
        _parse_count,
    ),
    Setting(
        "rate_limit",
        "limits",
        "300/minute;5000/hour",
        "Requests allowed per client IP address (flask-limiter notation); empty means no limit.",
        _parse_rate_limit,
    ),
    Setting(
        "token_rate_limit",
        "limits",
        "600/minute",
        "Requests allowed per write token, counted instead of the IP limit when a request "
        "carries a token; empty means no limit.",
        _parse_rate_limit,
    ),
    Setting(
        "trusted_proxies",
        "integer",
        0,
        "Reverse proxies in front of demoi whose X-Forwarded-For, -Proto and -Host headers it "
        "believes (the client address for rate limits, the scheme and host of its own IRIs); "
        "0 believes none, as any client can send them.",
        _parse_count,
    ),
    Setting(
        "threads",
        "integer",
        8,
        "Threads of the production server (waitress) answering requests at once.",
        _parse_positive_int,
    ),
    Setting(
        "max_upload_size",
        "bytes",
        50 * 1024 * 1024,
        "Largest request body the server accepts, in bytes.",
        _parse_positive_int,
    ),
    Setting(
        "tokens",
        "path",
        "",
        "File of write tokens (JSON, hashed; `demoi token` manages it), with its audit log beside "
        "it as FILE.audit.jsonl; empty means the SPARQL endpoint takes no updates.",
        str,
    ),
    Setting(
        "eu_shapes_dir",
        "path",
        "",
        "Folder holding the official SHACL files of the EU profiles (DCAT-AP 3.0.1, DCAT-AP HVD "
        "3.0.0, CPSV-AP 3.2.0), searched in subfolders too; demoi does not ship them. Empty: "
        "`--profile dcat-ap|hvd|cpsv-ap` explains where to download them.",
        str,
    ),
    Setting(
        "indicators_dir",
        "path",
        "",
        "Folder of the indicator definitions of the Catalogue of Indicators, one Turtle file per "
        "indicator (docs/indicators.md). Empty: the catalogue demoi ships (indicators/); a "
        "deployment whose monitoring committee approves its own points this to its copy.",
        str,
    ),
    Setting(
        "pseudonymisation_secret",
        "secret",
        "",
        "Key of the keyed pseudonyms (HMAC-SHA256) that privacy policies ask for: the same key "
        "gives the same pseudonym in every run, so joins still work. Keep it secret and keep it: "
        "a new key gives new pseudonyms; at least 16 characters. Empty: a policy that "
        "pseudonymises is refused.",
        _parse_secret,
        secret=True,
    ),
    Setting(
        "suppression_threshold",
        "integer",
        5,
        "k of the small-count rule: privacy policies that suppress counts blank every count "
        "from 1 to k-1 in the aggregates they cover.",
        _parse_positive_int,
    ),
    Setting(
        "allowed_hosts",
        "list",
        (),
        "Comma-separated hosts that SPARQL SERVICE and LOAD may fetch from; empty means they "
        "fetch nothing. Remote JSON-LD contexts and owl:imports are never fetched.",
        _parse_list,
    ),
    Setting(
        "default_language", "el or en", "el", "Language of labels and messages.", _parse_language
    ),
    Setting(
        "operator_name",
        "text",
        "demoi",
        "Name of the body that runs this demoi platform: the publisher of the platform's "
        "catalogue (/catalog), beside each municipality's own.",
        str,
    ),
    Setting(
        "operator_email",
        "text",
        "",
        "Contact e-mail of the platform operator: the catalogue's contact point for a "
        "municipality that has not set its own (demoi catalog contact).",
        str,
    ),
    Setting(
        "catalogue_page_size",
        "integer",
        100,
        "Datasets per page of the DCAT-AP catalogue (/catalog?page=N, Hydra paging); a "
        "harvester may ask for up to 1000 with page_size.",
        _parse_positive_int,
    ),
    Setting(
        "union_default_graph",
        "boolean",
        True,
        "Queries without a dataset see the union of all named graphs as their default graph.",
        _parse_bool,
    ),
)

SETTINGS_BY_NAME: dict[str, Setting] = {setting.name: setting for setting in SETTINGS}
DEFAULT_MAX_CONCURRENT_QUERIES: int = SETTINGS_BY_NAME["max_concurrent_queries"].default


@dataclass(frozen=True)
class ResolvedSetting:
    setting: Setting
    value: Any
    source: str  # "default", "environment" or "option"


class Settings(Mapping[str, Any]):
    """The resolved value of every setting, with where it came from."""

    def __init__(self, resolved: Mapping[str, ResolvedSetting]):
        self._resolved = dict(resolved)

    def __getitem__(self, name: str) -> Any:
        return self._resolved[name].value

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._resolved)

    def __len__(self) -> int:
        return len(self._resolved)

    def source(self, name: str) -> str:
        return self._resolved[name].source

    def resolved(self) -> list[ResolvedSetting]:
        return list(self._resolved.values())

    @property
    def store_path(self) -> Path:
        return Path(self["store"])

    @property
    def base_uri(self) -> str:
        return str(self["base_uri"]) or f"http://{self['host']}:{self['port']}/"


def markdown_table() -> str:
    """The settings as the Markdown table in docs/settings.md (a test keeps the two equal)."""
    rows = ["| Environment variable | Type | Default | What it does |", "|---|---|---|---|"]
    for setting in SETTINGS:
        default = setting.default
        if isinstance(default, tuple):
            default = ",".join(default)
        elif isinstance(default, bool):
            default = str(default).lower()
        shown = f"`{default}`" if default != "" else "(empty)"
        rows.append(f"| `{setting.env_var}` | {setting.type_name} | {shown} | {setting.help} |")
    return "\n".join(rows) + "\n"


def coerce(setting: Setting, value: Any, origin: str) -> Any:
    """Parse a value (from the environment, a command line or a config mapping) into the
    setting's type; Flask's ``from_prefixed_env`` may already have turned text into JSON types."""
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value)
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif not isinstance(value, str):
        value = str(value)
    try:
        return setting.parse(value)
    except ValueError as error:
        raise ConfigError(f"{origin}: {error}") from None


def load_settings(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Resolve every setting: default, then ``DEMOI_*`` environment variable, then overrides.

    Overrides whose value is ``None`` are ignored, so unset CLI options fall through.
    """
    environ = os.environ if environ is None else environ
    overrides = overrides or {}
    unknown = set(overrides) - set(SETTINGS_BY_NAME)
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    resolved: dict[str, ResolvedSetting] = {}
    for setting in SETTINGS:
        value, source = setting.default, "default"
        if setting.env_var in environ:
            value = coerce(setting, environ[setting.env_var], setting.env_var)
            source = "environment"
        if overrides.get(setting.name) is not None:
            value = coerce(setting, overrides[setting.name], setting.option)
            source = "option"
        resolved[setting.name] = ResolvedSetting(setting, value, source)
    return Settings(resolved)

"""Running a YARRRML mapping with morph-kgc, in process.

demoi hands morph-kgc clean UTF-8 CSV tables (see ``sources``): a mapping names each table it
reads as ``<table>.csv`` and demoi points that name at the table's file, so mappings never hold
paths. It also sets the mapping's ``id`` prefix to the deployment's minted namespace, because
minted IRIs live under ``DEMOI_BASE_URI``.

morph-kgc parses and normalises a mapping on every run, which costs about a second — five times
what running a small mapping costs. A national demo makes thousands of lifts through 21 mappings,
so the parsed rules are kept (per mapping text, prefixes and table names) with placeholder table
paths, and each run substitutes its own files. That needs morph-kgc's two internal steps
(``retrieve_mappings`` and ``_materialize_mapping_group_to_set``) rather than its
``materialize_set``, which chains them; uv.lock pins the morph-kgc release they were read from
and tests/test_dependencies.py runs a mapping through them.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

SOURCE_SECTION = "source"
#: Where the cached rules say a table is; each run puts its own file there.
PLACEHOLDER_FOLDER = "/demoi-table-placeholder"


@contextmanager
def _root_logger_left_alone() -> Iterator[None]:
    """morph-kgc calls logging.basicConfig() on every run; a library must not configure the
    application's logging. basicConfig does nothing when the root logger has a handler, so
    one is lent for the duration of the call."""
    root = logging.getLogger()
    lent = None if root.handlers else logging.NullHandler()
    if lent:
        root.addHandler(lent)
    try:
        yield
    finally:
        if lent:
            root.removeHandler(lent)


def _point_sources_at(document: dict[str, Any], tables: Mapping[str, str]) -> None:
    """Replace each ``<table>.csv`` a mapping reads by the path of that table's file."""
    for rules in document.get("mappings", {}).values():
        sources = rules.get("sources", [])
        for position, source in enumerate(sources):
            if isinstance(source, list) and source and isinstance(source[0], str):
                name, _, formulation = source[0].partition("~")
                table = name.removesuffix(".csv")
                if table in tables:
                    suffix = f"~{formulation}" if formulation else ""
                    sources[position] = [f"{tables[table]}{suffix}", *source[1:]]


@dataclass(frozen=True)
class _ParsedMapping:
    """morph-kgc's normalised rules of one mapping, reading its tables at placeholder paths."""

    config: Any  # morph_kgc.config.Config
    rules: Any  # pandas.DataFrame, the RML rules
    functions: Any  # pandas.DataFrame, the FnO function calls


def _placeholder(table: str) -> str:
    return f"{PLACEHOLDER_FOLDER}/{table}.csv"


@lru_cache(maxsize=64)
def _parsed(
    text: str, file_name: str, prefixes: tuple[tuple[str, str], ...], tables: tuple[str, ...]
) -> _ParsedMapping:
    from morph_kgc.args_parser import load_config_from_argument
    from morph_kgc.mapping.mapping_parser import retrieve_mappings

    yaml = YAML(typ="safe", pure=True)
    document = yaml.load(text)
    document.setdefault("prefixes", {}).update(dict(prefixes))
    _point_sources_at(document, {table: _placeholder(table) for table in tables})
    with tempfile.TemporaryDirectory(prefix="demoi-mapping-") as folder:
        mapping_file = Path(folder) / file_name
        with mapping_file.open("w", encoding="utf-8") as output:
            yaml.dump(document, output)
        config = load_config_from_argument(
            "[CONFIGURATION]\nnumber_of_processes=1\nlogging_level=ERROR\n"
            f"[{SOURCE_SECTION}]\nmappings={mapping_file}\n"
        )
        rules, functions, http_api = retrieve_mappings(config)
    config.set("CONFIGURATION", "http_api_df", http_api.to_csv())
    return _ParsedMapping(config, rules, functions)


def materialize(yarrrml: Path, tables: Mapping[str, Path], prefixes: Mapping[str, str]) -> bytes:
    """Run ``yarrrml`` over the CSV ``tables`` (name -> file); return sorted N-Triples."""
    # Imported here: morph-kgc pulls in pandas and duckdb, slow for other commands.
    from morph_kgc.constants import RML_TRIPLES_MAP_CLASS
    from morph_kgc.materializer import _materialize_mapping_group_to_set

    with _root_logger_left_alone():
        parsed = _parsed(
            yarrrml.read_text(encoding="utf-8"),
            yarrrml.name,
            tuple(sorted(prefixes.items())),
            tuple(sorted(tables)),
        )
        files = {_placeholder(table): str(path) for table, path in tables.items()}
        rules = parsed.rules.copy()
        rules["logical_source_value"] = rules["logical_source_value"].map(
            lambda value: files.get(value, value)
        )
        asserted = rules.loc[rules["triples_map_type"] == RML_TRIPLES_MAP_CLASS]
        statements: set[str] = set()
        for _, group in asserted.groupby(by="mapping_partition"):
            statements.update(
                _materialize_mapping_group_to_set(group, rules, parsed.functions, parsed.config)
            )
    return "".join(f"{statement} .\n" for statement in sorted(statements)).encode("utf-8")

"""Running a YARRRML mapping with morph-kgc, in process.

demoi hands morph-kgc clean UTF-8 CSV tables (see ``sources``): a mapping names each table it
reads as ``<table>.csv`` and demoi points that name at the table's file, so mappings never hold
paths. It also sets the mapping's ``id`` prefix to the deployment's minted namespace, because
minted IRIs live under ``DEMOI_BASE_URI``.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

SOURCE_SECTION = "source"


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


def _point_sources_at(document: dict[str, Any], tables: Mapping[str, Path]) -> None:
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


def materialize(yarrrml: Path, tables: Mapping[str, Path], prefixes: Mapping[str, str]) -> bytes:
    """Run ``yarrrml`` over the CSV ``tables`` (name -> file); return sorted N-Triples."""
    import morph_kgc  # imported here: it pulls in pandas and duckdb, slow for other commands

    yaml = YAML(typ="safe", pure=True)
    document = yaml.load(yarrrml.read_text(encoding="utf-8"))
    document.setdefault("prefixes", {}).update(prefixes)
    _point_sources_at(document, tables)
    with tempfile.TemporaryDirectory(prefix="demoi-mapping-") as folder:
        mapping_file = Path(folder) / yarrrml.name
        with mapping_file.open("w", encoding="utf-8") as output:
            yaml.dump(document, output)
        config = (
            "[CONFIGURATION]\nnumber_of_processes=1\nlogging_level=ERROR\n"
            f"[{SOURCE_SECTION}]\nmappings={mapping_file}\n"
        )
        with _root_logger_left_alone():
            statements = morph_kgc.materialize_set(config)
    return "".join(f"{statement} .\n" for statement in sorted(statements)).encode("utf-8")

"""Running a YARRRML mapping with morph-kgc, in process.

demoi hands morph-kgc a clean UTF-8 CSV (see ``tabular``) through the config's ``file_path``
(so mappings never hold paths), and sets the mapping's ``id`` prefix to the deployment's
minted namespace, because minted IRIs live under ``DEMOI_BASE_URI``.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

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


def materialize(yarrrml: Path, source: Path, prefixes: Mapping[str, str]) -> bytes:
    """Run ``yarrrml`` over the CSV ``source``; return sorted N-Triples."""
    import morph_kgc  # imported here: it pulls in pandas and duckdb, slow for other commands

    yaml = YAML(typ="safe", pure=True)
    document = yaml.load(yarrrml.read_text(encoding="utf-8"))
    document.setdefault("prefixes", {}).update(prefixes)
    with tempfile.TemporaryDirectory(prefix="demoi-mapping-") as folder:
        mapping_file = Path(folder) / yarrrml.name
        with mapping_file.open("w", encoding="utf-8") as output:
            yaml.dump(document, output)
        config = (
            "[CONFIGURATION]\nnumber_of_processes=1\nlogging_level=ERROR\n"
            f"[{SOURCE_SECTION}]\nmappings={mapping_file}\nfile_path={source}\n"
        )
        with _root_logger_left_alone():
            statements = morph_kgc.materialize_set(config)
    return "".join(f"{statement} .\n" for statement in sorted(statements)).encode("utf-8")

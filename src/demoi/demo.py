"""The demo graph that `make run` serves: the standards and the bundled example exports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from demoi.lifting import get_mapping, lift
from demoi.publishing import load_file, publish_lifted
from demoi.resources import standards_path
from demoi.store import Store

#: (file under examples/, mapping, municipality, year)
EXAMPLE_EXPORTS = (
    ("budget/4401-2024-expense.utf16.csv", "budget-expense", "4401", "2024"),
    ("budget/4401-2024-revenue.utf16.csv", "budget-revenue", "4401", "2024"),
    ("budget/0701-2024-expense.cp1253.csv", "budget-expense", "0701", "2024"),
)


def standards_graph(base_uri: str, folder: str, file: Path) -> str:
    """The graph a standards file is loaded into, e.g. ``ontologies/codelists/municipalities.ttl``
    -> ``{base}graph/standards/codelists/municipalities``."""
    relative = file.relative_to(standards_path(folder)).with_suffix("").as_posix()
    prefix = "" if folder == "ontologies" else f"{folder}/"
    return f"{base_uri}graph/standards/{prefix}{relative}"


def load_standards(store: Store, *, base_uri: str) -> Iterator[str]:
    """One graph per standards file; one line per folder, since there are dozens of files
    (`demoi graphs` lists them)."""
    for folder in ("ontologies", "shapes"):
        files = sorted(standards_path(folder).rglob("*.ttl"))
        triples = 0
        for file in files:
            graph = standards_graph(base_uri, folder, file)
            triples += load_file(store, file, graph, ox.RdfFormat.TURTLE, base_uri=base_uri)
        where = standards_graph(base_uri, folder, standards_path(folder) / "<file>.ttl")
        yield f"{where}: {triples} triples from {len(files)} files in {folder}/"


def build_demo(store: Store, *, base_uri: str) -> Iterator[str]:
    yield from load_standards(store, base_uri=base_uri)
    examples = standards_path("examples")
    for file, mapping, municipality, year in EXAMPLE_EXPORTS:
        lifted = lift(
            examples / file,
            get_mapping(mapping),
            municipality=municipality,
            parameters={"year": year},
            base_uri=base_uri,
        )
        published = publish_lifted(store, lifted, base_uri=base_uri)
        yield f"{published.graph}: {published.triples} triples from {file}"

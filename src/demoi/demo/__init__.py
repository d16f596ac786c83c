"""The demo graph that `make run` serves: the standards and the bundled example exports."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from demoi.lifting import get_mapping, lift
from demoi.publishing import load_file, publish_lifted
from demoi.resources import standards_path, standards_root
from demoi.store import Store

#: Where the real public data lives beside a checkout (``shared:`` sources of demo.toml).
SHARED_DATA = ("shared", "data", "external")


@dataclass(frozen=True)
class DemoLift:
    """One lift of examples/demo.toml."""

    source: str
    mapping: str
    municipality: str
    parameters: dict[str, str]
    sheet: str | None = None
    dataset: str | None = None


def demo_lifts() -> list[DemoLift]:
    """The lifts examples/demo.toml lists; an entry with ``municipalities`` is one per code."""
    spec = tomllib.loads((standards_path("examples") / "demo.toml").read_text(encoding="utf-8"))
    lifts = []
    for entry in spec["lift"]:
        for code in entry.get("municipalities", [entry.get("municipality")]):
            lifts.append(
                DemoLift(
                    source=entry["source"],
                    mapping=entry["mapping"],
                    municipality=code,
                    parameters=dict(entry.get("parameters", {})),
                    sheet=entry.get("sheet"),
                    dataset=entry.get("dataset"),
                )
            )
    return lifts


def source_file(source: str) -> Path | None:
    """An examples/ file, or a ``shared:`` file when ../shared is beside the checkout (an
    installed wheel has no shared data: those lifts are skipped)."""
    if not source.startswith("shared:"):
        return standards_path("examples") / source
    shared = standards_root().parent.joinpath(*SHARED_DATA)
    path = shared / source.removeprefix("shared:")
    return path if path.is_file() else None


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
    for entry in demo_lifts():
        path = source_file(entry.source)
        if path is None:
            yield f"skipped {entry.source}: ../shared/data/external is not beside this demoi"
            continue
        lifted = lift(
            path,
            get_mapping(entry.mapping),
            municipality=entry.municipality,
            parameters=entry.parameters,
            base_uri=base_uri,
            sheet=entry.sheet,
            dataset=entry.dataset,
        )
        published = publish_lifted(store, lifted, base_uri=base_uri)
        yield f"{published.graph}: {published.triples} triples from {entry.source}"

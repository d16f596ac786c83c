"""The demo graph that `make run` serves: the standards, then for each chosen municipality one
graph per dataset, lifted from real data where there is some and from generated sources
otherwise, all through the pipeline `demoi lift` runs (read, guard, map, validate, publish)."""

from __future__ import annotations

import importlib
import math
import multiprocessing
import shutil
import tempfile
import time
import tomllib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from demoi.demo.generated import GENERATOR_MODULES, GENERATORS, rng_for
from demoi.errors import DataError, DemoiError, UsageError
from demoi.lifting import Lifted, get_mapping, lift
from demoi.municipalities import get_municipality, municipalities
from demoi.publishing import load_file, publish_lifted
from demoi.resources import standards_path, standards_root
from demoi.store import Store

#: Where the real public data lives beside a checkout (``shared:`` sources of demo.toml).
SHARED_DATA = ("shared", "data", "external")
#: What `demoi demo` and `make run` build without --municipalities: Kalamata, Heraklion (Crete),
#: Thessaloniki and Athens.
DEFAULT_MUNICIPALITIES = ("4401", "7101", "0701", "4501")
#: Lift processes: the machine `make run` targets has two cores; one store writer publishes.
WORKERS = 2
#: Lifts submitted ahead of the one being published.
LOOK_AHEAD = 8


@dataclass(frozen=True)
class DemoLift:
    """One lift of the demo: a file, its mapping, the municipality and the options."""

    source: Path
    shown: str  # how the output names the source: its demo.toml name or generated path
    mapping: str
    municipality: str
    parameters: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    dataset: str | None = None

    def graph(self, base_uri: str) -> str:
        return get_mapping(self.mapping).graph(
            base_uri, self.municipality, self.parameters, self.dataset
        )


@dataclass(frozen=True)
class DemoEntry:
    """One ``[[lift]]`` of examples/demo.toml; ``municipalities = "all"`` applies it to every
    municipality the demo builds."""

    source: str
    mapping: str
    municipalities: tuple[str, ...] | None  # None: all
    parameters: dict[str, str]
    sheet: str | None = None
    dataset: str | None = None


def demo_entries() -> list[DemoEntry]:
    spec = tomllib.loads((standards_path("examples") / "demo.toml").read_text(encoding="utf-8"))
    entries = []
    for entry in spec["lift"]:
        codes = entry.get("municipalities", [entry.get("municipality")])
        entries.append(
            DemoEntry(
                source=entry["source"],
                mapping=entry["mapping"],
                municipalities=None if codes == "all" else tuple(codes),
                parameters=dict(entry.get("parameters", {})),
                sheet=entry.get("sheet"),
                dataset=entry.get("dataset"),
            )
        )
    return entries


def source_file(source: str) -> Path | None:
    """An examples/ file, or a ``shared:`` file when ../shared is beside the checkout (an
    installed wheel has no shared data: the generated source is used instead)."""
    if not source.startswith("shared:"):
        return standards_path("examples") / source
    shared = standards_root().parent.joinpath(*SHARED_DATA)
    path = shared / source.removeprefix("shared:")
    return path if path.is_file() else None


def parse_municipalities(text: str) -> list[str]:
    """``all``, or ELSTAT codes separated by commas (each checked against the code list)."""
    if text.strip().lower() == "all":
        return sorted(municipalities())
    codes = [code.strip() for code in text.split(",") if code.strip()]
    if not codes:
        raise UsageError("--municipalities: give ELSTAT codes separated by commas, or all")
    for code in codes:
        try:
            get_municipality(code)
        except UsageError as error:
            raise UsageError(f"--municipalities: {error}") from None
    return list(dict.fromkeys(codes))


def load_generators() -> None:
    """Import the generator modules, which register themselves in GENERATORS."""
    for module in GENERATOR_MODULES:
        importlib.import_module(module)


def plan(
    codes: list[str], *, seed: int, scale: float, sources: Path, base_uri: str, kept: bool = True
) -> list[DemoLift]:
    """The demo's lifts, municipality by municipality (see ``planned``)."""
    return list(
        planned(codes, seed=seed, scale=scale, sources=sources, base_uri=base_uri, kept=kept)
    )


def planned(
    codes: list[str], *, seed: int, scale: float, sources: Path, base_uri: str, kept: bool = True
) -> Iterator[DemoLift]:
    """The demo's lifts, one municipality's after another, its files written as it comes.

    The rule of real data first: for each municipality, the demo.toml entries whose source is
    present come first, in their order; a generated source is lifted only for a graph (the
    municipality × dataset × period) that no present entry fills. So a sample or real file
    replaces the generated file of its graph (the City of Athens' own budget file instead of a
    generated budget-expense and budget-revenue of 4501), and a ``shared:`` file missing (an
    installed wheel) falls back to the generated one. Generated files are written to
    ``sources/<code>/`` (named so in the output when ``kept``, else ``generated:<code>/…``).
    """
    load_generators()
    entries = demo_entries()
    for code in codes:
        filled: set[str] = set()
        for lift_ in _real_lifts(code, entries):
            graph = lift_.graph(base_uri)
            if graph not in filled:
                filled.add(graph)
                yield lift_
        municipality = get_municipality(code)
        folder = sources / code
        for name, generate in GENERATORS.items():
            for generated in generate(municipality, rng_for(seed, code, name), scale):
                target = folder / generated.filename
                shown = str(target) if kept else f"generated:{code}/{generated.filename}"
                made = DemoLift(
                    target, shown, generated.mapping, code, generated.parameters,
                    generated.sheet, generated.dataset,
                )  # fmt: skip
                graph = made.graph(base_uri)
                if graph in filled:
                    continue
                filled.add(graph)
                folder.mkdir(parents=True, exist_ok=True)
                target.write_bytes(generated.content)
                yield made


def _real_lifts(code: str, entries: list[DemoEntry]) -> Iterator[DemoLift]:
    """The demo.toml entries of a municipality whose source is present."""
    for entry in entries:
        if entry.municipalities is not None and code not in entry.municipalities:
            continue
        path = source_file(entry.source)
        if path is not None:
            yield DemoLift(
                path, entry.source, entry.mapping, code, entry.parameters, entry.sheet,
                entry.dataset,
            )  # fmt: skip


def lift_one(entry: DemoLift, base_uri: str) -> Lifted | str:
    """Run in a worker: the lift, or the error's message (a DemoiError does not survive the
    trip back from the worker: it is rebuilt in the main process)."""
    try:
        return lift(
            entry.source,
            get_mapping(entry.mapping),
            municipality=entry.municipality,
            parameters=entry.parameters,
            base_uri=base_uri,
            sheet=entry.sheet,
            dataset=entry.dataset,
        )
    except DemoiError as error:
        return str(error)


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


@dataclass
class DemoOptions:
    municipalities: list[str] = field(default_factory=lambda: list(DEFAULT_MUNICIPALITIES))
    scale: float = 1.0
    seed: int = 0
    sources: Path | None = None  # keep the generated files there; None: a temporary folder
    workers: int = WORKERS
    #: The folder of indicator definitions to compute at the end (the setting indicators_dir);
    #: None: the shipped catalogue.
    indicators: Path | None = None

    def __post_init__(self) -> None:
        # Checked here, where the CLI builds the options before it opens (or creates) the
        # store: an infinite scale would only fail in a generator, after the standards load.
        if not (math.isfinite(self.scale) and self.scale > 0):
            raise UsageError(f"--scale {self.scale}: give a number greater than 0")


def build_demo(store: Store, *, base_uri: str, options: DemoOptions | None = None) -> Iterator[str]:
    """Load the standards, then lift and publish every source of the plan; yields one line per
    graph and a final summary."""
    chosen = options or DemoOptions()
    started = time.monotonic()
    yield from load_standards(store, base_uri=base_uri)
    kept = chosen.sources is not None
    folder = (
        chosen.sources
        if chosen.sources is not None
        else Path(tempfile.mkdtemp(prefix="demoi-demo-"))
    )
    graphs = triples = 0
    try:
        lifts = planned(
            chosen.municipalities,
            seed=chosen.seed,
            scale=chosen.scale,
            sources=folder,
            base_uri=base_uri,
            kept=kept,
        )
        for entry, lifted in _lifted(lifts, base_uri, chosen.workers):
            if isinstance(lifted, str):
                raise DataError(f"demo source {entry.shown}: {lifted}")
            published = publish_lifted(store, lifted, base_uri=base_uri)
            graphs += 1
            triples += published.triples
            yield f"{published.graph}: {published.triples} triples from {entry.shown}"
    finally:
        if not kept:
            shutil.rmtree(folder, ignore_errors=True)
    yield from _indicators(store, base_uri, chosen.indicators)
    seconds = time.monotonic() - started
    where = f"; sources kept in {folder}" if kept else ""
    yield (
        f"demo: {len(chosen.municipalities)} municipalities, {graphs} graphs, "
        f"{triples} triples, {seconds:.0f} s{where}"
    )


def _indicators(store: Store, base_uri: str, folder: Path | None) -> Iterator[str]:
    """The Catalogue of Indicators computed over what was just published, as
    ``demoi indicators compute`` does, so the demo's /indicators pages have values."""
    from demoi.indicators.definitions import read_definitions
    from demoi.indicators.publication import publish_indicators

    yield from publish_indicators(store, base_uri, read_definitions(base_uri, folder).values())


def _lifted(
    lifts: Iterator[DemoLift], base_uri: str, workers: int
) -> Iterator[tuple[DemoLift, Lifted | str]]:
    """Each lift with its result, in plan order. Lifting is the costly step and independent per
    file, so it runs in worker processes; the caller publishes one at a time (one store writer),
    and the plan's next files are generated while the workers lift."""
    if workers <= 1:
        for entry in lifts:
            yield entry, lift_one(entry, base_uri)
        return
    # spawn, not fork: the parent holds an open store (RocksDB threads) that a fork would copy.
    context = multiprocessing.get_context("spawn")
    # One process per pool, and each mapping always lifted by the same one: a process keeps the
    # morph-kgc rules it parsed (lifting/morph.py), the larger part of a small lift's cost.
    pools = [ProcessPoolExecutor(1, mp_context=context) for _ in range(workers)]
    affinity: dict[str, int] = {}
    pending: deque[tuple[DemoLift, Future[Lifted | str]]] = deque()
    try:
        for entry in lifts:
            worker = affinity.setdefault(entry.mapping, len(affinity) % workers)
            pending.append((entry, pools[worker].submit(lift_one, entry, base_uri)))
            # A bounded look-ahead: the workers stay busy, lifted graphs do not pile up in memory.
            while len(pending) > LOOK_AHEAD:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        for pool in pools:
            pool.shutdown(cancel_futures=True)

"""Computing the Catalogue of Indicators: demoi's isolated, checked publication against each
formula run once over the whole store, and the cost of the Data Cube integrity constraints.

    uv run python benchmarks/indicators.py                       # builds /tmp/s8e/store40
    uv run python benchmarks/indicators.py --store /tmp/s8e/store40 --slow-ic12

The data: a demo store of `--municipalities` municipalities (default 40 real ELSTAT codes spread
over the country, Kalamata, Thessaloniki, Athens and Heraklion among them) at `--scale` (0.1),
built with `demoi demo` when `--store` does not exist. The demo computes the indicators at its
end; here they are computed again, timed on their own.

What is measured, per approved indicator and in total:

- demoi: `publish_indicators(store, base, definitions)`, as `demoi indicators compute` runs
  it: the formula once per municipality over that municipality's graphs, the cube built, checked
  with the `statistics` SHACL profile and IC-1 … IC-21, and published atomically with its
  PROV-O record. The stages are timed by wrapping the library's functions (reading the store's
  graphs and catalogue records once; compute; building the triples; SHACL; the ICs; the rest
  of `cube.publish`, i.e. the provenance record and `replace_graph`);
- what a user would do instead: each formula once, `store.query(formula)` over the default
  union of all graphs: no isolation, no checks, no publication;
- the formulas' isolation done three ways, row for row against demoi's: the query dataset
  demoi uses (the municipality's lifted graphs and its catalogue graph), the same with the
  standards graphs (what demoi did before this benchmark), and its graphs copied into an
  in-memory store (the larger fix the profile suggested);
- IC-12 on the biggest published cube, the linear grouping (`fast=True`) against the spec's
  pairwise query (`fast=False`), and the whole IC run, constraint by constraint, on a synthetic
  cube of 332 municipalities × 10 years (`--slow-ic12` adds the spec's IC-12 on it, ~77 s);
- a cProfile of one more `publish_indicators` run, top 15 by cumulative time.

Measured, never asserted. Republishing an unchanged cube writes only its difference (the
provenance record), as a second `demoi indicators compute` does.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import platform
import pstats
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from demoi.indicators import cube, integrity, publication
from demoi.indicators.compute import Computation, Value, read_inputs, readable_graphs
from demoi.indicators.definitions import Definition, read_definitions
from demoi.municipalities import municipalities
from demoi.store import Store, open_store
from demoi.store.base import Dataset
from demoi.validation import validate_ntriples

BASE = "http://demoi.test/"
#: 40 real codes spread over the 332 (every 8th, with the four big cities in place of their
#: neighbours), so that every region is in the run.
DEFAULT_CODES = (
    "0101,0205,0502,0701,0711,0902,1201,1302,1405,1703,1808,2101,2206,2401,2601,2705,2806,"
    "2908,3204,3701,3804,3905,4101,4205,4401,4501,4604,4612,4801,4901,4909,5004,5202,5302,"
    "5702,6005,6202,6504,6903,7101"
)
STAGES = ("inputs", "compute", "build", "shacl", "ics", "publish")


class StageTimer:
    """Seconds per (indicator, stage), gathered by wrapping the library's functions in place;
    the indicator is the one `compute` was last called for."""

    def __init__(self) -> None:
        self.seconds: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.current = "(run)"

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[self.current][stage] += seconds

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if stage == "compute":
                self.current = args[2].identifier
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(stage, time.perf_counter() - started)

        return timed


@contextlib.contextmanager
def patched(timer: StageTimer) -> Iterator[None]:
    """Wrap the stages where `publish_indicators` looks them up; put them back after."""
    where = (
        (publication, "read_inputs"),
        (publication, "compute"),
        (cube, "cube_triples"),
        (cube, "validate_ntriples"),
        (integrity, "check_cube"),
        (cube, "publish"),
    )
    originals: dict[tuple[Any, str], Callable[..., Any]] = {
        (module, name): getattr(module, name) for module, name in where
    }
    stage_of = {
        "read_inputs": "inputs",
        "compute": "compute",
        "cube_triples": "build",
        "validate_ntriples": "shacl",
        "check_cube": "ics",
        "publish": "publish",
    }
    try:
        for (module, name), function in originals.items():
            setattr(module, name, timer.wrap(stage_of[name], function))
        yield
    finally:
        for (module, name), function in originals.items():
            setattr(module, name, function)


def build_store(path: Path, codes: str, scale: float) -> None:
    command = [
        "demoi", "demo", "--store", str(path), "--municipalities", codes,
        "--scale", str(scale), "--base-uri", BASE,
    ]  # fmt: skip
    print(f"building the store: {' '.join(command)}", flush=True)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    print(f"built in {time.perf_counter() - started:.0f} s (indicators included)", flush=True)


def publishable(definitions: dict[str, Definition]) -> list[Definition]:
    return [d for d in definitions.values() if d.is_public]


def run_demoi(store: Store, definitions: list[Definition]) -> tuple[StageTimer, float]:
    timer = StageTimer()
    with patched(timer):
        started = time.perf_counter()
        for _line in publication.publish_indicators(store, BASE, definitions):
            pass
        total = time.perf_counter() - started
    # cube.publish encloses build, SHACL and the ICs: what is left is provenance + the write.
    for stages in timer.seconds.values():
        stages["publish"] -= stages["build"] + stages["shacl"] + stages["ics"]
    return timer, total


def run_union(
    store: Store, definitions: list[Definition], repeat: int
) -> dict[str, tuple[float, int]]:
    """Each formula once over the union of every graph, best of `repeat`, and its row count."""
    found: dict[str, tuple[float, int]] = {}
    for definition in definitions:
        best, rows = float("inf"), 0
        for _ in range(repeat):
            started = time.perf_counter()
            rows = len(store.query(definition.formula).rows)
            best = min(best, time.perf_counter() - started)
        found[definition.identifier] = (best, rows)
    return found


def published_observations(store: Store, identifier: str) -> int:
    query = f"""PREFIX qb: <http://purl.org/linked-data/cube#>
SELECT (COUNT(?o) AS ?n) WHERE {{ GRAPH <{cube.cube_graph(BASE, identifier)}> {{
  ?o a qb:Observation }} }}"""
    count = store.query(query).rows[0][0]
    assert isinstance(count, ox.Literal)
    return int(count.value)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def ic12_on_biggest(store: Store, identifier: str) -> None:
    graph = cube.cube_graph(BASE, identifier)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)]
    background = cube.integrity_background()
    observations = published_observations(store, identifier)
    print(f"\n## IC-12 on the biggest cube: {identifier} ({observations} observations)\n")
    print("| check | seconds | violations |\n|---|---:|---:|")
    for fast in (True, False):
        seconds, broken = timed(partial(integrity.check_cube, triples, background, fast=fast))
        print(f"| check_cube(fast={fast}) (all 22 constraints) | {seconds:.2f} | {len(broken)} |")
    checked = integrity.scratch_store(triples, background)
    integrity.normalise(checked)
    for fast in (True, False):
        seconds, _ = timed(partial(integrity._ic12_details, checked, fast=fast))
        label = "grouping in Python" if fast else "the spec's pairwise ASK"
        print(f"| IC-12 alone, {label} | {seconds:.3f} | |")


def synthetic_cube(definition: Definition, codes: list[str], years: int) -> list[ox.Triple]:
    values = tuple(
        Value(code, str(2015 + y), Decimal(f"{(i * 7 + y) % 100}.5"), None,
              (f"{BASE}graph/{code}/budget-expense/{2015 + y}",))
        for i, code in enumerate(codes)
        for y in range(years)
    )  # fmt: skip
    return cube.cube_triples(BASE, Computation(definition, values, ()))


def ics_on_synthetic(definition: Definition, years: int, slow_ic12: bool) -> None:
    codes = sorted(municipalities())
    triples = synthetic_cube(definition, codes, years)
    background = cube.integrity_background()
    count = len(codes) * years
    print(f"\n## The checks on a synthetic cube: {len(codes)} × {years} = {count} observations,")
    print(f"{len(triples)} triples, background {len(background)} triples\n")
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    seconds, report = timed(lambda: validate_ntriples(ntriples, "statistics", "en", "x"))
    print("| step | seconds |\n|---|---:|")
    print(f"| SHACL, statistics profile (conforms: {report.conforms}) | {seconds:.2f} |")
    seconds, checked = timed(lambda: integrity.scratch_store(triples, background))
    print(f"| IC: load cube + background into a scratch store | {seconds:.2f} |")
    seconds, _ = timed(lambda: integrity.normalise(checked))
    print(f"| IC: normalise (phases 1 and 2) | {seconds:.2f} |")
    total = 0.0
    for constraint in integrity.load_constraints():
        if constraint.id == "IC-12":
            seconds, details = timed(lambda: integrity._ic12_details(checked, fast=True))
        else:
            seconds, details = timed(partial(integrity._violation_details, checked, constraint))
        total += seconds
        print(f"| IC: {constraint.id} ({len(details)} violations) | {seconds:.3f} |")
    print(f"| IC: every constraint | {total:.2f} |")
    seconds, broken = timed(lambda: integrity.check_cube(triples, background, fast=True))
    print(f"| check_cube(fast=True), end to end | {seconds:.2f} ({len(broken)} violations) |")
    if slow_ic12:
        seconds, _ = timed(lambda: integrity._ic12_details(checked, fast=False))
        print(f"| IC-12, the spec's pairwise ASK | {seconds:.2f} |")


def profile(store: Store, definitions: list[Definition], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _line in publication.publish_indicators(store, BASE, definitions):
        pass
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(f"\n## cProfile of publish_indicators, top {top} by cumulative time\n")
    print("```")
    print(out.getvalue().strip())
    print("```")


def formula_variants(store: Store, definitions: list[Definition]) -> None:
    """The profile's fix, tried without touching src/: the same per-municipality isolation with
    fewer graphs in the query's dataset, or with the municipality's graphs copied into a small
    in-memory store; each compared row for row with demoi's dataset."""
    inputs = read_inputs(store, BASE)
    codes = sorted({published.code for published in inputs.published})
    seconds: dict[str, float] = defaultdict(float)
    differ: dict[str, set[str]] = defaultdict(set)
    standards = tuple(g for g in inputs.graphs if g.startswith(f"{BASE}graph/standards/"))
    for code in codes:
        own = readable_graphs(BASE, code, inputs.published, inputs.graphs)
        demoi_dataset = Dataset(own, own)
        with_standards = Dataset((*own, *standards), (*own, *standards))
        started = time.perf_counter()
        copy = ox.Store()
        for graph in own:
            copy.extend(store.quads(graph))
        seconds["copy"] += time.perf_counter() - started
        for definition in definitions:
            found = {}
            for name, dataset in (("demoi", demoi_dataset), ("standards", with_standards)):
                started = time.perf_counter()
                rows = store.query(definition.formula, dataset=dataset).rows
                seconds[name] += time.perf_counter() - started
                found[name] = sorted(str(list(row)) for row in rows)
            started = time.perf_counter()
            solutions = copy.query(definition.formula, use_default_graph_as_union=True)
            assert isinstance(solutions, ox.QuerySolutions)
            variables = solutions.variables
            found["copy"] = sorted(str([s[v] for v in variables]) for s in solutions)
            seconds["copy"] += time.perf_counter() - started
            for name in ("standards", "copy"):
                if found[name] != found["demoi"]:
                    differ[name].add(definition.identifier)
    runs = len(codes) * len(definitions)
    print(f"\n## The formulas' isolation, three ways ({runs} formula runs)\n")
    print("| dataset of each municipality's formula run | seconds | speed-up | same rows |")
    print("|---|---:|---:|---|")
    variants = (
        ("demoi: its lifted graphs and its catalogue graph (query dataset)", "demoi"),
        ("the same plus the 68 standards graphs (demoi before the benchmark)", "standards"),
        ("its graphs copied into an in-memory store (copy included)", "copy"),
    )
    for label, name in variants:
        same = "reference" if name == "demoi" else ", ".join(sorted(differ[name])) or "yes"
        speed_up = seconds["demoi"] / max(seconds[name], 1e-6)
        print(f"| {label} | {seconds[name]:.2f} | {speed_up:.1f}× | {same} |")


def report_run(
    timer: StageTimer, total: float, union: dict[str, tuple[float, int]], store: Store
) -> None:
    print("\n## demoi's publication against each formula over the union\n")
    header = "| indicator | obs | demoi compute | SHACL | ICs | build + publish | demoi total "
    print(header + "| union query (rows) | demoi / union |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    sums: dict[str, float] = defaultdict(float)
    union_sum = 0.0
    for identifier, stages in timer.seconds.items():
        if identifier == "(run)":
            continue
        mine = sum(stages.values())
        for stage in STAGES:
            sums[stage] += stages[stage]
        union_seconds, rows = union[identifier]
        union_sum += union_seconds
        print(
            f"| {identifier} | {published_observations(store, identifier)} "
            f"| {stages['compute']:.2f} | {stages['shacl']:.2f} | {stages['ics']:.2f} "
            f"| {stages['build'] + stages['publish']:.2f} | {mine:.2f} "
            f"| {union_seconds:.3f} ({rows}) | {mine / max(union_seconds, 1e-6):.0f}× |"
        )
    inputs = timer.seconds["(run)"]["inputs"]
    print(
        f"| **all** (+ reading inputs {inputs:.2f} s) | | {sums['compute']:.2f} "
        f"| {sums['shacl']:.2f} | {sums['ics']:.2f} | {sums['build'] + sums['publish']:.2f} "
        f"| {total:.2f} | {union_sum:.2f} | {total / max(union_sum, 1e-6):.0f}× |"
    )


def machine() -> str:
    load = os.getloadavg()[0]
    return (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
        f"load {load:.1f}, Python {platform.python_version()}, pyoxigraph {version('pyoxigraph')}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/s8e/store40"))
    parser.add_argument("--municipalities", default=DEFAULT_CODES)
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=3, help="union queries: best of N")
    parser.add_argument("--years", type=int, default=10, help="synthetic cube's years")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--slow-ic12", action="store_true", help="spec's IC-12 on 332 × 10")
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args(argv)
    if not args.store.exists():
        build_store(args.store, args.municipalities, args.scale)
    print(f"# Indicators benchmark: {machine()}")
    definitions = publishable(read_definitions(BASE))
    with open_store(args.store, create=False) as store:
        graphs = store.graphs()
        print(f"store {args.store}: {len(graphs)} graphs, {sum(g.triples for g in graphs)} "
              f"triples; {len(definitions)} approved indicators")  # fmt: skip
        timer, total = run_demoi(store, definitions)
        union = run_union(store, definitions, args.repeat)
        report_run(timer, total, union, store)
        biggest = max(definitions, key=lambda d: published_observations(store, d.identifier))
        ic12_on_biggest(store, biggest.identifier)
        formula_variants(store, definitions)
        by_id = {d.identifier: d for d in definitions}
        ics_on_synthetic(by_id.get("budget-execution-rate", biggest), args.years, args.slow_ic12)
        if not args.no_profile:
            profile(store, definitions, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

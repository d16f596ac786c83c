"""Loading speed: demoi's atomic replace (transactional and bulk) beside what a user would pick
instead — pyoxigraph's own load/bulk_load (not atomic across a replace) and rdflib's parser.

    uv run python benchmarks/load.py [--triples 1000000] [--rdflib]

Prints one line per tool: seconds and triples per second. Not a test: numbers depend on the
machine; see benchmarks/README.md for the last recorded run.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from demoi.store import OxigraphStore

GRAPH = "http://bench.example/graph/4401/budget-expense/2024"
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


def write_ntriples(path: Path, count: int) -> None:
    fin = "https://w3id.org/demoi/def/finance#"
    with path.open("w", encoding="utf-8") as output:
        for i in range(count // 4):
            line = f"<http://bench.example/id/line/{i}>"
            output.write(f'{line} <{fin}kaeCode> "{6000 + i % 4000}.{i % 100:02d}" .\n')
            output.write(f'{line} <{fin}paid> "{i * 3 % 100000}.50"^^<{XSD_DECIMAL}> .\n')
            output.write(f'{line} <http://www.w3.org/2000/01/rdf-schema#label> "Γραμμή {i}"@el .\n')
            output.write(
                f"{line} <{fin}municipality> <https://w3id.org/demoi/code/municipality/4401> .\n"
            )


def timed(name: str, count: int, work: Callable[[], object]) -> None:
    started = time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    print(f"{name:<58} {seconds:8.2f} s {count / seconds:10,.0f} triples/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=200_000)
    parser.add_argument("--rdflib", action="store_true", help="also time rdflib (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = root / "data.nt"
        write_ntriples(data, args.triples)
        count = args.triples
        print(f"{count:,} triples, {data.stat().st_size / 1e6:.0f} MB of N-Triples")

        for bulk in (False, True):
            mode = "bulk, staged" if bulk else "in memory, one update"
            demoi = OxigraphStore(root / f"demoi-{bulk}")
            for state in ("new graph", "replacing it"):
                timed(
                    f"demoi replace_graph ({mode}), {state}",
                    count,
                    lambda: demoi.replace_graph(GRAPH, data, ox.RdfFormat.N_TRIPLES, bulk=bulk),  # noqa: B023
                )
            demoi.close()

        raw = ox.Store(str(root / "raw"))
        target = ox.NamedNode(GRAPH)
        timed(
            "pyoxigraph Store.load (no replace)",
            count,
            lambda: raw.load(path=str(data), format=ox.RdfFormat.N_TRIPLES, to_graph=target),
        )
        raw.clear()
        timed(
            "pyoxigraph Store.bulk_load (no replace, not atomic)",
            count,
            lambda: raw.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES, to_graph=target),
        )
        if args.rdflib:
            import rdflib

            timed(
                "rdflib Graph.parse (in memory)",
                count,
                lambda: rdflib.Graph().parse(data, format="nt"),
            )


if __name__ == "__main__":
    main()

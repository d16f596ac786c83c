"""Lifting a budget-execution export end to end, stage by stage, beside morph-kgc alone.

    uv run python benchmarks/lift.py --rows 100000

Writes a synthetic expenditure export in the shape municipal accounting systems produce
(Windows-1253, `;`-separated, trailing `;`, Greek numbers), then times demoi's stages — read and
normalise, personal-data guard, mapping (morph-kgc), validation (compiled shapes, falling
back to pySHACL), atomic publish into a fresh on-disk store — and morph-kgc alone, run as a user
would run it (``morph_kgc.materialize_set`` with a config file), on the same mapping over the
already clean CSV. Both parse the mapping once (demoi's cache of parsed rules is emptied first).
The issue's target: demoi's own work adds less than 50% to morph-kgc's time.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import morph_kgc
import pyoxigraph as ox
from ruamel.yaml import YAML

from demoi.lifting import get_mapping, lift
from demoi.lifting.mappings import Mapping
from demoi.lifting.morph import _parsed, _point_sources_at
from demoi.lifting.sources import ReadOptions, read_source
from demoi.publishing import check_lifted, publish_lifted
from demoi.store.oxigraph import OxigraphStore

HEADER = "Υπηρεσία;Κ.Α.;Περιγραφή;Προϋπολογισθέντα;Διαμορφωθέντα;Δεσμευθέντα;Ενταλθέντα;Πληρωθέντα;"
BASE = "http://127.0.0.1:8000/"
T = TypeVar("T")


def greek(amount: float) -> str:
    whole, cents = f"{amount:.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return ".".join(groups) + "," + cents


def write_export(path: Path, rows: int, seed: int = 2024) -> None:
    rng = random.Random(seed)
    lines = [HEADER]
    for number in range(rows):
        service = f"{rng.choice([0, 10, 15, 20, 25, 30, 35, 40, 45, 50, 70]):02d}"
        kae = f"{rng.randint(6000, 7999)}.{number // 9000:02d}.{number % 9000:04d}"
        adjusted = rng.uniform(1000, 900000)
        committed = adjusted * rng.uniform(0.5, 1)
        authorised = committed * rng.uniform(0.5, 1)
        paid = authorised * rng.uniform(0.5, 1)
        amounts = ";".join(greek(a) for a in (adjusted, adjusted, committed, authorised, paid))
        lines.append(f"{service};{kae};Δαπάνη {number};{amounts};")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="cp1253")


def timed(label: str, results: list[tuple[str, float]], work: Callable[[], T]) -> T:
    started = time.perf_counter()
    value = work()
    results.append((label, time.perf_counter() - started))
    return value


def morph_kgc_alone(mapping: Mapping, clean: Path, folder: Path) -> int:
    """morph-kgc on its own: the mapping (with the minted prefix and the CSV's path written in)
    and a config file, as its documentation shows; returns the number of triples."""
    yaml = YAML(typ="safe", pure=True)
    document = yaml.load(mapping.yarrrml.read_text(encoding="utf-8"))
    document.setdefault("prefixes", {})["id"] = f"{BASE}id/"
    _point_sources_at(document, {"source": str(clean)})
    mapping_file = folder / "mapping.yml"
    with mapping_file.open("w", encoding="utf-8") as output:
        yaml.dump(document, output)
    config = (
        "[CONFIGURATION]\nnumber_of_processes=1\nlogging_level=ERROR\n"
        f"[source]\nmappings={mapping_file}\n"
    )
    return len(morph_kgc.materialize_set(config))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    mapping = get_mapping("budget-expense")
    with tempfile.TemporaryDirectory(prefix="demoi-bench-") as folder:
        source = Path(folder) / "export.csv"
        write_export(source, args.rows)
        results: list[tuple[str, float]] = []
        data = timed(
            "demoi: read and normalise",
            results,
            lambda: read_source(source, mapping, ReadOptions()),
        )
        clean = Path(folder) / "source.csv"
        table = data.tables["source"]
        rows = [[*row, "4401", "2024"] for row in table.rows]
        clean.write_bytes(
            type(table)([*table.columns, "municipality", "year"], rows, "utf-8").to_csv()
        )
        triples = timed(
            "morph-kgc alone (clean CSV)",
            results,
            lambda: morph_kgc_alone(mapping, clean, Path(folder)),
        )
        _parsed.cache_clear()
        lifted = timed(
            "demoi: lift (read, normalise, guard, morph-kgc)",
            results,
            lambda: lift(
                source, mapping, municipality="4401", parameters={"year": "2024"}, base_uri=BASE
            ),
        )
        timed("demoi: validate (compiled shapes)", results, lambda: check_lifted(lifted, "en"))
        store = OxigraphStore(Path(folder) / "store")
        timed(
            "demoi: validate and publish",
            results,
            lambda: publish_lifted(store, lifted, base_uri=BASE),
        )
    print(f"{args.rows:,} rows, {triples:,} triples, pyoxigraph {ox.__version__}")
    print("| stage | seconds | rows/s | triples/s |\n|---|---:|---:|---:|")
    for label, seconds in results:
        print(
            f"| {label} | {seconds:.1f} | {args.rows / seconds:,.0f} | {triples / seconds:,.0f} |"
        )
    morph = dict(results)["morph-kgc alone (clean CSV)"]
    own = dict(results)["demoi: lift (read, normalise, guard, morph-kgc)"] - morph
    own += dict(results)["demoi: validate and publish"]
    print(f"demoi's own work: {own:.1f} s, {100 * own / morph:.0f}% of morph-kgc's time")


if __name__ == "__main__":
    main()

"""Whole-graph validation of the national demo graph against every area's shapes, at 1M and 5M
triples: demoi's compiled engine, pySHACL on an rdflib graph (the reference) and pyshacl-turbo.

    uv run python benchmarks/validate.py --dump /tmp/national.nq
    uv run python benchmarks/validate.py --sizes 1000000 --systems demoi pyshacl turbo
    uv run python benchmarks/validate.py --sizes 5000000 --systems demoi

The data: the national demo dump (N-Quads of `demoi demo --municipalities all --scale 1`, about
25 minutes to build on 2 cores; built with `--build-command` when `--dump` is missing). A size
of at most the dump's triples is its named graphs, whole, in the dump's order, until the size is
reached, as one graph of distinct triples. A larger size replicates that union: copy k rewrites
every IRI the demo minted (under `--base`) with the segment `rK/` after the base, and every blank
node label with the suffix `rK`, so each copy is distinct data, as k times as many
municipalities would be; the code lists and vocabularies they point to stay shared.

The shapes: the union of `demoi.validation.area_shapes(area)` for every area with a shapes file
(12 functional areas and the catalogue), validated in one go over the whole graph. Blank-node
shapes are given IRIs (`urn:demoi:shape:N`), the same rules, so that each system's results name
the same shapes.

Each system runs in its own subprocess, so that its peak memory (ru_maxrss) is its own:

- demoi: `demoi.parallel_shapes.validate` on the N-Triples bytes, what `demoi validate` runs
  on large data (end to end: the compiled profile, the literal stand-ins, loading the store,
  forking `--workers` processes (default: the cores this process may use) that share the
  checks; "parse" is loading the store). Its CPU seconds include the workers', its peak memory
  is the parent's and the largest worker's (copy-on-write: the store they share is in both);
- demoi-serial: `demoi.validation.validate_fast`, the same engine in one process;
- pySHACL: `rdflib.Graph.parse` (parse), then `demoi.validation.validate_graph` (validate);
- pyshacl-turbo: in a throwaway environment outside the project (`--turbo-python`, made with
  `uv venv /tmp/turbo && uv pip install --python /tmp/turbo pyshacl-turbo pyoxigraph`), over an
  Oxigraph store: `Store.load` (parse), then `pyshacl_turbo.validate` (validate).

Results are compared as tests/test_compiled_shapes.py `keys` does (severity, focus, path (a
complex path only as present), value, shape, component), with every data blank node as `[]`
because the systems label them differently. Measured, never asserted: the targets of issue 6
are printed as PASS or FAIL with the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH as SHACL

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DUMP = Path("/tmp/national.nq")
DEFAULT_BASE = "http://127.0.0.1:8000/"
DEFAULT_BUILD = (
    "uv run demoi demo --municipalities all --scale 1 --store {store} && "
    "uv run demoi dump {dump} --store {store}"
)
SYSTEMS = ("demoi", "demoi-serial", "pyshacl", "turbo")
SH = "http://www.w3.org/ns/shacl#"

# The worker for pyshacl-turbo runs in its own environment (rdflib, pyoxigraph, pyshacl-turbo;
# no demoi), so it is plain source handed to that interpreter.
TURBO_WORKER = r"""
import json, resource, sys, time
import pyoxigraph as ox
import rdflib
import pyshacl_turbo

data_path, shapes_path, out_path = sys.argv[1:4]
shapes = rdflib.Graph().parse(shapes_path, format="nt")
cpu = time.process_time()
started = time.perf_counter()
store = ox.Store()
store.load(path=data_path, format=ox.RdfFormat.N_TRIPLES)
parsed = time.perf_counter()
conforms, report, _ = pyshacl_turbo.validate(
    store, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
)
done = time.perf_counter()
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
rows = []
for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
    def get(p):
        v = report.value(result, p)
        return None if v is None else (["bnode", str(v)] if isinstance(v, rdflib.BNode) else str(v))
    rows.append([get(SH.resultSeverity), get(SH.focusNode), get(SH.resultPath), get(SH.value),
                 get(SH.sourceShape), get(SH.sourceConstraintComponent)])
json.dump(rows, open(out_path, "w"))
print(json.dumps({"parse": parsed - started, "validate": done - parsed,
                  "cpu": time.process_time() - cpu,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@dataclass
class Measured:
    system: str
    triples: int
    parse: float
    validate: float
    total: float
    cpu: float
    peak_mb: float
    results: int
    phases: str = ""
    note: str = ""


# -- the data --------------------------------------------------------------------------------


def ensure_dump(dump: Path, build_command: str) -> None:
    if dump.is_file():
        return
    store = dump.with_suffix(".store")
    command = build_command.format(store=shlex.quote(str(store)), dump=shlex.quote(str(dump)))
    print(f"{dump} is missing; building it (about 25 minutes): {command}", flush=True)
    subprocess.run(command, shell=True, check=True, cwd=REPO)


def graphs_in_order(dump: Path) -> Iterator[list[ox.Triple]]:
    """The dump's named graphs, whole, in the order they first appear."""
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS):
        name = str(quad.graph_name)
        graphs.setdefault(name, []).append(ox.Triple(quad.subject, quad.predicate, quad.object))
    yield from graphs.values()


def cut(dump: Path, size: int) -> list[ox.Triple]:
    """Whole graphs until ``size`` distinct triples are reached (or the dump ends)."""
    found: dict[ox.Triple, None] = {}
    for graph in graphs_in_order(dump):
        if len(found) >= size:
            break
        found.update(dict.fromkeys(graph))
    return list(found)


# A blank node label where a term starts (not inside a literal); renaming on the text is what
# keeps writing 5M triples to seconds (parsing and serialising them again takes minutes).
_BLANK = re.compile(rb"(^|\s)_:([A-Za-z0-9_.-]*[A-Za-z0-9_-])")


def replica(ntriples: bytes, copy: int, base: str) -> bytes:
    """The same data as distinct data: minted IRIs and blank nodes renamed for the copy."""
    if copy == 0:
        return ntriples
    mark = f"r{copy}".encode()
    renamed = ntriples.replace(b"<" + base.encode(), b"<" + base.encode() + mark + b"/")
    return _BLANK.sub(lambda m: m.group(1) + b"_:" + m.group(2) + mark, renamed)


def prepare(dump: Path, size: int, folder: Path, base: str) -> tuple[Path, int]:
    """The N-Triples file of ``size`` triples (cached in ``folder``) and its exact count."""
    path = folder / f"national-{size}.nt"
    count_file = path.with_suffix(".count")
    if path.is_file() and count_file.is_file():
        return path, int(count_file.read_text())
    triples = cut(dump, size)
    one = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    copies = max(1, round(size / len(triples))) if size > len(triples) else 1
    partial = path.with_suffix(".part")
    with partial.open("wb") as output:
        for copy in range(copies):
            output.write(replica(one, copy, base))
    partial.replace(path)
    count = len(triples) * copies
    count_file.write_text(str(count))
    return path, count


def all_shapes_ntriples() -> bytes:
    """Every area's shapes in one graph, blank-node shapes given IRIs, as N-Triples."""
    from demoi.validation import area_shapes  # the project's, not needed by the turbo worker

    union = rdflib.Graph()
    for area in areas():
        for triple in area_shapes(area):
            union.add(triple)
    return skolemise_shapes(union).serialize(format="nt", encoding="utf-8")


def areas() -> list[str]:
    folder = REPO / "shapes"
    return sorted(p.stem for p in folder.glob("*.ttl") if not p.stem.endswith("-recommended"))


def skolemise_shapes(graph: rdflib.Graph) -> rdflib.Graph:
    """The shapes with each blank-node shape (one with sh:path, or held by sh:property or
    sh:node) as an IRI; paths and lists stay as they are."""
    nodes = {
        n
        for n in [
            *graph.subjects(SHACL.path, None),
            *graph.objects(None, SHACL.property),
            *graph.objects(None, SHACL.node),
        ]
        if isinstance(n, rdflib.BNode)
    }
    names: dict[object, rdflib.URIRef] = {
        n: rdflib.URIRef(f"urn:demoi:shape:{i}") for i, n in enumerate(sorted(nodes))
    }
    skolemised = rdflib.Graph()
    for s, p, o in graph:
        skolemised.add((names.get(s, s), p, names.get(o, o)))
    return skolemised


# -- the systems (each in its own process) ---------------------------------------------------


def key_rows(rows: Iterable[Sequence[object]], shapes_nt: Path) -> Counter[tuple[object, ...]]:
    """tests/test_compiled_shapes.py ``keys`` (without messages), data blank nodes as ``[]``."""
    shapes = rdflib.Graph().parse(shapes_nt, format="nt")

    def plain(term: object) -> object:
        if isinstance(term, list):  # a blank node, as a worker reports it
            return "[]"
        return term

    def local(term: object) -> object:
        return term.rsplit("#", 1)[-1] if isinstance(term, str) else term

    found: Counter[tuple[object, ...]] = Counter()
    for severity, focus, path, value, shape, component in rows:
        shape_path = shapes.value(rdflib.URIRef(str(shape)), SHACL.path)
        if isinstance(shape_path, rdflib.BNode) and path is not None:
            path = "complex path"
        found[
            (local(severity), plain(focus), plain(path), plain(value), shape, local(component))
        ] += 1
    return found


def finding_rows(report: object, data: Path) -> list[list[object]]:
    """The findings as rows, blank nodes marked: a finding holds terms as strings, so a blank
    node is told from a literal by its label being one of the data's."""
    blank = {m.group(1).decode() for m in re.finditer(rb"_:(\S+)", data.read_bytes())}

    def term(text: str | None) -> object:
        return ["bnode", text] if text in blank else text

    return [
        [f.severity, term(f.focus), f.path, term(f.value), f.shape, f.component]
        for f in report.findings  # type: ignore[attr-defined]
    ]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_demoi(data: Path, shapes_nt: Path, out: Path, workers: int = 1) -> dict[str, object]:
    from demoi import parallel_shapes
    from demoi.validation import validate_fast

    shapes = rdflib.Graph().parse(shapes_nt, format="nt")
    ntriples = data.read_bytes()
    timings: dict[str, float] = {}
    cpu = time.process_time() + children_cpu()
    started = time.perf_counter()
    if workers > 1:
        report = parallel_shapes.validate(ntriples, shapes, "en", workers=workers, timings=timings)
    else:
        report = validate_fast(ntriples, shapes, "en", timings=timings)
    total = time.perf_counter() - started
    cpu = time.process_time() + children_cpu() - cpu
    out.write_text(json.dumps(finding_rows(report, data)))
    parse = timings.get("load", 0.0)
    phases = {name: round(seconds, 2) for name, seconds in timings.items()}
    # The workers' own seconds overlap the parent's "check": the rest is the report.
    spent = sum(v for k, v in timings.items() if not k.startswith("worker"))
    phases["report"] = round(total - spent, 2)
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if workers > 1:
        phases["largest worker MB"] = round(worker_mb)
    return {
        "parse": parse,
        "validate": total - parse,
        "cpu": cpu,
        "peak_mb": peak_mb() + (worker_mb if workers > 1 else 0),
        "phases": phases,
    }


def run_pyshacl(data: Path, shapes_nt: Path, out: Path) -> dict[str, object]:
    from demoi.validation import validate_graph

    shapes = rdflib.Graph().parse(shapes_nt, format="nt")
    cpu = time.process_time()
    started = time.perf_counter()
    graph = rdflib.Graph().parse(data, format="nt")
    parsed = time.perf_counter()
    report = validate_graph(graph, shapes, "en")
    done = time.perf_counter()
    cpu = time.process_time() - cpu
    out.write_text(json.dumps(finding_rows(report, data)))
    return {
        "parse": parsed - started,
        "validate": done - parsed,
        "cpu": cpu,
        "peak_mb": peak_mb(),
    }


def measure(
    system: str,
    data: Path,
    triples: int,
    shapes_nt: Path,
    folder: Path,
    turbo_python: str,
    workers: int = 1,
) -> tuple[Measured, Counter[tuple[object, ...]] | None]:
    out = folder / f"results-{system}-{triples}.json"
    if system == "turbo":
        if not Path(turbo_python).is_file():
            return Measured(system, triples, 0, 0, 0, 0, 0, 0, note=f"no {turbo_python}"), None
        command = [turbo_python, "-c", TURBO_WORKER, str(data), str(shapes_nt), str(out)]
    else:
        command = [sys.executable, __file__, "worker", system, str(data), str(shapes_nt), str(out)]
        command.append(str(workers if system == "demoi" else 1))
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - started
    if completed.returncode != 0:
        reason = (completed.stderr.strip().splitlines() or ["failed"])[-1]
        return Measured(system, triples, 0, 0, wall, 0, 0, 0, note=f"failed: {reason}"), None
    numbers = json.loads(completed.stdout.strip().splitlines()[-1])
    rows = json.loads(out.read_text())
    keys = key_rows(rows, shapes_nt)
    measured = Measured(
        system,
        triples,
        numbers["parse"],
        numbers["validate"],
        numbers["parse"] + numbers["validate"],
        numbers["cpu"],
        numbers["peak_mb"],
        len(rows),
        phases=" ".join(f"{k} {v}" for k, v in numbers.get("phases", {}).items()),
    )
    return measured, keys


# -- the run ---------------------------------------------------------------------------------


def table(measured: list[Measured], same: dict[tuple[str, int], str]) -> str:
    lines = [
        "| system | triples | parse s | validate s | total s | CPU s | peak MB | results "
        "| × pySHACL (wall / CPU) | identical to pySHACL |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    reference = {m.triples: m for m in measured if m.system == "pyshacl" and not m.note}
    for m in measured:
        if m.note:
            lines.append(f"| {m.system} | {m.triples:,} | | | | | | | | {m.note} |")
            continue
        base = reference.get(m.triples)
        ratio = f"{base.total / m.total:.1f} / {base.cpu / m.cpu:.1f}" if base else ""
        lines.append(
            f"| {m.system} | {m.triples:,} | {m.parse:.1f} | {m.validate:.1f} | {m.total:.1f} "
            f"| {m.cpu:.1f} | {m.peak_mb:,.0f} | {m.results:,} | {ratio} "
            f"| {same.get((m.system, m.triples), '')} |"
        )
    return "\n".join(lines)


def verdicts(measured: list[Measured], same: dict[tuple[str, int], str]) -> list[str]:
    found = []
    by = {(m.system, m.triples): m for m in measured if not m.note}
    for (system, triples), m in sorted(by.items()):
        if not system.startswith("demoi"):
            continue
        reference = by.get(("pyshacl", triples))
        if reference is not None:
            ratio = reference.total / m.total
            identical = same.get((system, triples))
            ok = ratio >= 20 and identical == "yes"
            found.append(
                f"{system}, {triples:,} triples: {ratio:.1f}× pySHACL end to end (CPU "
                f"{reference.cpu / m.cpu:.1f}×), identical: {identical} (target ≥20× and "
                f"identical): {'PASS' if ok else 'FAIL'}"
            )
        if triples >= 2_000_000:
            verdict = "PASS" if m.total < 120 else "FAIL"
            found.append(
                f"{system}, {triples:,} triples: {m.total:.1f} s (target < 120 s): {verdict}"
            )
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", type=Path, default=DEFAULT_DUMP)
    parser.add_argument(
        "--build-command",
        default=DEFAULT_BUILD,
        help="run (with {store} and {dump} filled in) when --dump is missing",
    )
    parser.add_argument("--base", default=DEFAULT_BASE, help="the IRIs the demo minted")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    parser.add_argument(
        "--pyshacl-max",
        type=int,
        default=1_000_000,
        help="sizes above this are not run on pySHACL or turbo (pySHACL takes minutes a million)",
    )
    parser.add_argument("--turbo-python", default="/tmp/turbo/bin/python")
    parser.add_argument(
        "--workers",
        type=int,
        default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1,
        help="demoi's processes (default: the cores this process may use; demoi-serial: 1)",
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "demoi-validate")
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    args = parser.parse_args(argv)

    args.work.mkdir(parents=True, exist_ok=True)
    ensure_dump(args.dump, args.build_command)
    shapes_nt = args.work / "shapes.nt"
    shapes_nt.write_bytes(all_shapes_ntriples())
    measured: list[Measured] = []
    same: dict[tuple[str, int], str] = {}
    for size in args.sizes:
        data, triples = prepare(args.dump, size, args.work, args.base)
        print(f"{triples:,} triples ({data.stat().st_size / 1e6:,.0f} MB): {data}", flush=True)
        keys: dict[str, Counter[tuple[object, ...]]] = {}
        for system in args.systems:
            if system in ("pyshacl", "turbo") and size > args.pyshacl_max:
                continue
            m, found = measure(
                system,
                data,
                triples,
                args.work / "shapes.nt",
                args.work,
                args.turbo_python,
                args.workers,
            )
            measured.append(m)
            print(f"  {json.dumps(asdict(m))}", flush=True)
            if found is not None:
                keys[system] = found
        if "pyshacl" in keys:
            for system, found in keys.items():
                same[(system, triples)] = (
                    "yes"
                    if found == keys["pyshacl"]
                    else (
                        f"no ({sum((found - keys['pyshacl']).values())} extra, "
                        f"{sum((keys['pyshacl'] - found).values())} missing)"
                    )
                )
    print()
    print(table(measured, same))
    print()
    for line in verdicts(measured, same):
        print(line)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "measured": [asdict(m) for m in measured],
                    "identical": {f"{s} {t}": v for (s, t), v in same.items()},
                },
                indent=1,
            )
        )
    return 0


def worker(system: str, data: str, shapes_nt: str, out: str, workers: str = "1") -> None:
    if system == "pyshacl":
        measured = run_pyshacl(Path(data), Path(shapes_nt), Path(out))
    else:
        measured = run_demoi(Path(data), Path(shapes_nt), Path(out), int(workers))
    print(json.dumps(measured))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "worker":
        sys.path.insert(0, str(REPO / "src"))
        worker(*sys.argv[2:7])
    else:
        sys.exit(main())

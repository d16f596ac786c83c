"""The whole-graph validation benchmark at a tiny scale, so that it cannot rot: it cuts and
replicates a real dump (the Kalamata mapping cases' outputs), runs demoi and pySHACL each in its
own process and finds their results identical. No timing is asserted: benchmarks/validate.py
only prints numbers."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pyoxigraph as ox
import pytest

from conftest import REPO, load_benchmark

BASE = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("validate")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """N-Quads of real lifted data in several graphs: the outputs of the Kalamata cases."""
    path = tmp_path_factory.mktemp("dump") / "small.nq"
    cases = sorted((REPO / "tests" / "cases" / "mappings").glob("*/*-kalamata/expected.nq"))
    path.write_bytes(b"".join(case.read_bytes() for case in cases))
    return path


def test_a_cut_takes_whole_graphs_until_the_size(bench: ModuleType, dump: Path) -> None:
    graphs = list(bench.graphs_in_order(dump))
    first = len(set(graphs[0]))
    triples = bench.cut(dump, first + 1)  # one more than the first graph: the second is whole
    assert len(triples) == len(set(graphs[0]) | set(graphs[1]))
    assert len(bench.cut(dump, 10**9)) == len({t for graph in graphs for t in graph})


def test_a_replica_renames_minted_iris_and_blank_nodes_only(bench: ModuleType) -> None:
    line = (
        f"<{BASE}id/x> <https://w3id.org/demoi/def/finance#municipality> "
        "<https://w3id.org/demoi/code/municipality/4401> .\n"
        f'_:b1 <http://www.w3.org/2000/01/rdf-schema#label> "_:b1 <{BASE}id/y>" .\n'
    ).encode()
    assert bench.replica(line, 0, BASE) == line
    copy = bench.replica(line, 2, BASE).decode()
    assert f"<{BASE}r2/id/x>" in copy
    assert "<https://w3id.org/demoi/code/municipality/4401>" in copy  # shared codes stay
    assert copy.startswith(f"<{BASE}r2/id/x>") and "\n_:b1r2 " in copy
    assert '"_:b1 <' in copy  # inside a literal nothing is renamed but the IRI text
    triples = list(ox.parse(copy.encode(), format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) == 2


def test_the_benchmark_runs_and_demoi_matches_pyshacl(
    bench: ModuleType, dump: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "run.json"
    bench.main(
        [
            "--dump", str(dump),
            "--sizes", "2000", "9000",
            "--systems", "demoi", "demoi-serial", "pyshacl", "turbo",
            "--workers", "2",
            "--pyshacl-max", "10000",
            "--turbo-python", str(tmp_path / "no-such-python"),
            "--work", str(tmp_path / "work"),
            "--json", str(results),
        ]
    )  # fmt: skip
    run = json.loads(results.read_text())
    measured = {(m["system"], m["triples"]): m for m in run["measured"]}
    sizes = sorted({m["triples"] for m in run["measured"]})
    assert len(sizes) == 2 and sizes[1] > sizes[0]  # the larger one: replicated copies
    for size in sizes:
        pyshacl = measured[("pyshacl", size)]
        for system in ("demoi", "demoi-serial"):
            demoi = measured[(system, size)]
            assert demoi["results"] == pyshacl["results"] > 0  # the samples break some rules
            assert run["identical"][f"{system} {size}"] == "yes"
            assert demoi["peak_mb"] > 0 and demoi["cpu"] > 0
        # demoi shared the checks between two workers; demoi-serial did not fork
        assert "worker 2 check" in measured[("demoi", size)]["phases"]
        assert "worker" not in measured[("demoi-serial", size)]["phases"]
        assert "no-such-python" in measured[("turbo", size)]["note"]
    printed = capsys.readouterr().out
    assert "| demoi |" in printed and "× pySHACL" in printed

"""The compiled shapes evaluated by forked workers (demoi.parallel_shapes) give the results of the
single-process evaluation, the same list in the same order, and so pySHACL's; a worker that dies
is an error, not a hang; with other threads running, one process does the work."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from conftest import FRESH_PROCESS, REPO
from demoi import compiled_shapes, conformance, parallel_shapes, profiles
from demoi.validation import area_shapes, validate_fast, validate_graph
from test_compiled_shapes import MAPPING_OUTPUTS, keys, mapping_output
from test_shape_cases import CASES, case_data

NATIONAL_DUMP = Path("/tmp/national.nq")  # benchmarks/validate.py's default, when built
AREAS = sorted(p.stem for p in (REPO / "shapes").glob("*.ttl") if "-" not in p.stem)


@cache
def every_shape() -> rdflib.Graph:
    """Every area's shapes in one graph, as the whole-platform benchmark validates."""
    union = rdflib.Graph()
    for area in AREAS:
        union += area_shapes(area)
    return union


@cache
def cases_graph() -> rdflib.Graph:
    """Every shape case's data and every mapping case's output in one graph (the data of each
    parsed on its own, so that blank nodes of different cases stay different)."""
    graph = rdflib.Graph()
    for case in CASES:
        graph += case_data(case.parent)
    for expected in MAPPING_OUTPUTS:
        graph.parse(data=mapping_output(expected), format="nt")
    return graph


@cache
def cases_ntriples() -> bytes:
    """The cases' graph with its own blank node labels, so that pySHACL's report on it names
    the blank nodes as the compiled engine does."""
    return cases_graph().serialize(format="nt", encoding="utf-8")


def national_slice(size: int) -> bytes:
    """The national dump's first ``size`` distinct triples, if it was built; otherwise the cases
    repeated with their IRIs and blank nodes renamed per copy, to the same size."""
    if NATIONAL_DUMP.is_file():
        found: dict[ox.Triple, None] = {}
        for quad in ox.parse(path=str(NATIONAL_DUMP), format=ox.RdfFormat.N_QUADS):
            found[ox.Triple(quad.subject, quad.predicate, quad.object)] = None
            if len(found) >= size:
                break
        return ox.serialize(list(found), format=ox.RdfFormat.N_TRIPLES) or b""
    one = cases_ntriples()
    copies, lines = [], one.count(b"\n")
    for copy in range(size // lines + 1):
        mark = f"r{copy}".encode()
        copies.append(
            one.replace(
                b"<http://127.0.0.1:8000/", b"<http://127.0.0.1:8000/" + mark + b"/"
            ).replace(b"_:", b"_:" + mark)
        )
    return b"".join(copies)


def single_process(shapes: rdflib.Graph, ntriples: bytes) -> list[compiled_shapes.Result]:
    return compiled_shapes.evaluate(shapes, ntriples).results


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


# Each test runs in a pytest of its own (tests/conftest.py): a whole test run has the threads
# of the stores other tests opened, where demoi rightly refuses to fork.
pytestmark = pytest.mark.fresh_process


@pytest.fixture(autouse=True)
def forkable() -> Iterator[None]:
    """Every test here but the one about threads runs where forking is allowed: without that,
    a parallel test would test the fallback and pass for the wrong reason. (In the run that
    only hands the tests to a fresh process, the bodies do not run: nothing to check.)"""
    if os.environ.get(FRESH_PROCESS) != "1":
        yield
        return
    assert parallel_shapes.can_fork(), f"threads running: {threading.enumerate()}"
    yield
    assert no_children_left()


@pytest.mark.parametrize("workers", [2, 3])
def test_the_workers_results_are_the_single_process_results_in_order(workers: int) -> None:
    ntriples = cases_ntriples()
    expected = single_process(every_shape(), ntriples)
    timings: dict[str, float] = {}
    found = parallel_shapes.evaluate(every_shape(), ntriples, workers=workers, timings=timings)
    assert len(expected) > 500  # the cases break many rules
    assert found.results == expected
    assert found.for_pyshacl == compiled_shapes.evaluate(every_shape(), ntriples).for_pyshacl
    ran = {name.split(" check")[0] for name in timings if name.endswith(" check")}
    assert ran == {f"worker {n}" for n in range(1, workers + 1)}
    shared = sum(timings[f"worker {n} shapes"] for n in range(1, workers + 1))
    targeted = compiled_shapes.compiled(every_shape()).targeted
    assert found.for_pyshacl  # the cases hold literals Oxigraph cannot: some shapes are left
    assert shared == len([s for s in targeted if s.node not in found.for_pyshacl])
    assert all(timings[f"worker {n} shapes"] > 0 for n in range(1, workers + 1))


def test_the_parallel_report_is_pyshacls() -> None:
    ntriples = cases_ntriples()
    shapes = every_shape()
    found = parallel_shapes.validate(ntriples, shapes, "en", cases_graph(), workers=2)
    graph = cases_graph()
    expected = validate_graph(graph, shapes, "en")
    assert keys(found, shapes, with_messages=True) == keys(expected, shapes, with_messages=True)
    assert found == validate_fast(ntriples, shapes, "en", graph=graph)


@pytest.mark.parametrize("workers", [2, 3])
def test_a_slice_of_the_national_graph_gives_the_same_results(workers: int) -> None:
    ntriples = national_slice(60_000)
    expected = single_process(every_shape(), ntriples)
    found = parallel_shapes.evaluate(every_shape(), ntriples, workers=workers)
    assert expected and found.results == expected


def test_a_worker_that_dies_is_an_error_naming_it_not_a_hang() -> None:
    def die(result: compiled_shapes.Result) -> compiled_shapes.Result:
        os.kill(os.getpid(), signal.SIGKILL)  # runs in a worker: the first result kills it
        return result

    started = time.monotonic()
    with pytest.raises(parallel_shapes.WorkerDied, match=r"killed by signal 9 \(SIGKILL\)"):
        parallel_shapes.evaluate(every_shape(), cases_ntriples(), workers=2, convert=die)
    assert time.monotonic() - started < 60
    assert no_children_left()


def test_an_error_in_a_worker_is_raised_as_it_is() -> None:
    def refuse(result: compiled_shapes.Result) -> compiled_shapes.Result:
        raise compiled_shapes.Unsupported(f"no {result.component} here")

    with pytest.raises(compiled_shapes.Unsupported, match="no .*ConstraintComponent here"):
        parallel_shapes.evaluate(every_shape(), cases_ntriples(), workers=2, convert=refuse)


def test_with_other_threads_running_one_process_does_the_work() -> None:
    ntriples = cases_ntriples()
    expected = single_process(every_shape(), ntriples)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, name="a server's thread")
    other.start()
    try:
        assert not parallel_shapes.can_fork()
        timings: dict[str, float] = {}
        found = parallel_shapes.evaluate(every_shape(), ntriples, workers=2, timings=timings)
    finally:
        stop.set()
        other.join()
    assert found.results == expected
    assert "fork" not in timings and not any(name.startswith("worker") for name in timings)


def test_the_validator_shares_large_data_among_the_cores() -> None:
    """conformance.check_triples forks workers from PARALLEL_FROM_TRIPLES on (seen by a fork
    hook of the interpreter's own), with the outcome of one process."""
    if parallel_shapes.available_cores() < 2:
        pytest.fail("this test needs two cores to see the workers")
    ntriples = national_slice(parallel_shapes.PARALLEL_FROM_TRIPLES)
    triples = list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) >= parallel_shapes.PARALLEL_FROM_TRIPLES
    chosen = profiles.load("all")
    forks: list[int] = []
    os.register_at_fork(after_in_parent=lambda: forks.append(os.getpid()))
    parallel = conformance.check_triples(triples, chosen)
    forked = len(forks)
    assert forked >= 2  # the first pass's workers at least
    below = triples[: parallel_shapes.PARALLEL_FROM_TRIPLES - 1]
    conformance.check_triples(below, chosen)
    assert len(forks) == forked  # below the threshold: one process
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, name="a server's thread")
    other.start()
    try:
        one_process = conformance.check_triples(triples, chosen)
    finally:
        stop.set()
        other.join()
    assert len(forks) == forked
    assert parallel.results and parallel.results == one_process.results

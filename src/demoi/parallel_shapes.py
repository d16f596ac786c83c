"""The compiled shapes (:mod:`demoi.compiled_shapes`) evaluated by several processes at once.

The checks of a large graph are hundreds of independent SPARQL queries and Python loops, one
targeted shape at a time, on one core. Here the data is loaded once, then ``workers`` processes
are forked: each inherits the loaded store (copy-on-write: the Oxigraph store is only read), takes
the next group of shapes (those checking one path, which share its values) off a shared counter
until none is left (the costliest first, by an estimate from the number of instances of their
target classes) and sends their results back.
The results are merged in the order of the profile's targeted shapes, so they are the list the
single-process ``Evaluation(profile, data).validate(skipped)`` gives: same results, same order.

Forking is only safe from a process with one thread (a lock another thread holds would stay
held in the child for ever), so :func:`can_fork` checks that, and evaluation falls back to one
process otherwise. ``os.fork`` rather than ``multiprocessing.Process``: the web server's
validations run in daemonic ``multiprocessing`` children, which may not start processes of
their own, and the workers need nothing of multiprocessing's but the fork.

A worker that dies (killed, out of memory) makes :class:`WorkerDied`, not a hang: its pipe ends
when it does. The workers ask the kernel to kill them when their parent dies, so a validation
killed past its timeout leaves no worker behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pickle
import selectors
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import rdflib
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from demoi import compiled_shapes, validation
from demoi.compiled_shapes import Data, Evaluated, Evaluation, Profile, Result, Shape
from demoi.errors import DemoiError

# Below this many triples a second core saves half a second at most, and loses as much when
# other work holds the cores (benchmarks/results/validate.md); conformance.check_triples uses it.
PARALLEL_FROM_TRIPLES = 200_000


class WorkerDied(DemoiError):
    """A worker process ended without sending its results."""

    exit_code = 3
    code = "validation-worker-died"


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this process may fork: a POSIX system and no thread but this one, Python's or
    native (a library's pool): a lock held by another thread would stay held in the child."""
    if not hasattr(os, "fork") or threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: Python's own threads were all there is to know
        return True


# ---------------------------------------------------------------------------------------------
# Evaluation


@dataclass(frozen=True)
class WorkerReport:
    """What one worker did, for timings: how many shapes, and its wall and CPU seconds."""

    shapes: int
    seconds: float
    cpu: float


def evaluate(
    shapes: rdflib.Graph,
    ntriples: bytes,
    *,
    workers: int = 2,
    timings: dict[str, float] | None = None,
    convert: Callable[[Result], Any] | None = None,
) -> Evaluated:
    """``compiled_shapes.evaluate`` with the checks shared by ``workers`` forked processes:
    the same results in the same order. ``timings`` also receives ``fork`` (starting the
    workers), ``check`` (until the last result arrived), ``merge`` and each worker's own
    ``worker N check`` / ``worker N cpu``. With ``convert``, the results are each converted
    by it (in the workers)."""
    clock = _Clock(timings)
    profile = compiled_shapes.compiled(shapes)
    clock.lap("compile")
    data = compiled_shapes.load(ntriples)
    clock.lap("load")
    left = left_for_pyshacl(profile, data)
    for_pyshacl: list[rdflib.URIRef | str] = sorted(n for n in left if isinstance(n, rdflib.URIRef))
    if any(s.node in left and not isinstance(s.node, rdflib.URIRef) for s in profile.targeted):
        raise compiled_shapes.Unsupported("a blank-node shape with SPARQL over stand-in literals")
    results = evaluate_loaded(profile, data, left, workers=workers, clock=clock, convert=convert)
    return Evaluated(results, for_pyshacl)


def evaluate_loaded(
    profile: Profile,
    data: Data,
    skipped: Iterable[Node] = (),
    *,
    workers: int = 2,
    clock: _Clock | None = None,
    convert: Callable[[Result], Any] | None = None,
) -> list[Any]:
    """``Evaluation(profile, data).validate(skipped)``, by ``workers`` processes when this
    process may fork and there is more than one shape to share; with ``convert``, each result
    converted (by the workers: it is work shared too, and what they send is then smaller)."""
    clock = clock or _Clock(None)
    left_out = set(skipped)
    indices = [i for i, s in enumerate(profile.targeted) if s.node not in left_out]
    if workers < 2 or len(indices) < 2 or not can_fork():
        results = Evaluation(profile, data).validate(left_out)
        clock.lap("check")
        return [convert(r) for r in results] if convert else results
    cost = _cost_estimate(profile, data)
    families = sorted(
        _families(profile, indices), key=lambda f: sum(cost(i) for i in f), reverse=True
    )
    chosen = min(workers, len(families))
    by_shape, reports = _run_workers(profile, data, families, chosen, clock, convert)
    merged = [result for i in indices for result in by_shape[i]]
    clock.lap("merge")
    for number, report in enumerate(reports, 1):
        clock.add(f"worker {number} check", report.seconds)
        clock.add(f"worker {number} cpu", report.cpu)
        clock.add(f"worker {number} shapes", report.shapes)
    return merged


def left_for_pyshacl(profile: Profile, data: Data) -> set[Node]:
    """The shapes ``compiled_shapes.evaluate`` leaves to pySHACL over this data: those whose
    SPARQL could read a stand-in literal, with every shape they nest.

    The same steps as in ``compiled_shapes.evaluate``, which does not expose them on their own
    (it loads and checks in one call); they use its helpers, so they cannot drift apart.
    """
    left: set[Node] = set()
    if not data.stand_ins:
        return left
    graph = profile.graph
    for shape in profile.targeted:
        if compiled_shapes._uses_sparql(graph, shape.node, set(), top=True):
            nested = compiled_shapes._nested_shapes(graph, shape.node)
            if not compiled_shapes._sparql_avoids(profile, nested, data.stand_in_predicates):
                left |= nested
    # pySHACL skips the named shapes nested in one it checks unless they are listed too.
    while True:
        more = {
            n
            for s in profile.targeted
            if s.node in left
            for n in compiled_shapes._nested_shapes(graph, s.node)
        }
        if more <= left:
            return left
        left |= more


def _families(profile: Profile, indices: Iterable[int]) -> list[list[int]]:
    """The shapes grouped by the path they check: one worker takes a whole group, so the path's
    values, read once, serve every shape of it (the shapes files give each constraint on a path
    its own shape: a count, a datatype, a class)."""
    groups: dict[str, list[int]] = {}
    for index in indices:
        shape = profile.targeted[index]
        groups.setdefault(shape.path.sparql if shape.path else str(shape.node), []).append(index)
    return list(groups.values())


def _cost_estimate(profile: Profile, data: Data) -> Callable[[int], float]:
    """A shape's cost, roughly: the instances of its target classes times its checks (one
    query over rdf:type for all the classes). Shapes with SPARQL, or targets that are not
    classes, count as costly: they are scheduled first, so no long one starts last."""
    counts: dict[str, int] = {}
    query = f"SELECT ?class (COUNT(*) AS ?n) WHERE {{ ?x <{RDF.type}> ?class }} GROUP BY ?class"
    for row in data.query(query):
        counts[row[0].value] = int(row[1].value)
    largest = max(counts.values(), default=1)
    graph = profile.graph

    def cost(index: int) -> float:
        shape = profile.targeted[index]
        classes = [str(c) for c in graph.objects(shape.node, SH.targetClass)]
        if (shape.node, RDF.type, rdflib.RDFS.Class) in graph:
            classes.append(str(shape.node))
        focus = sum(counts.get(c, 0) for c in classes)
        if len(classes) < len(shape.targets) or _holds_sparql(graph, shape):
            focus = max(focus, largest)
        return focus * max(1, len(shape.checks)) + len(shape.target_nodes)

    return cost


def _holds_sparql(graph: rdflib.Graph, shape: Shape) -> bool:
    holders = [shape.node, *graph.objects(shape.node, SH.property)]
    return any((holder, SH.sparql, None) in graph for holder in holders)


# ---------------------------------------------------------------------------------------------
# The workers


def _run_workers(
    profile: Profile,
    data: Data,
    order: Sequence[list[int]],
    workers: int,
    clock: _Clock,
    convert: Callable[[Result], Any] | None,
) -> tuple[dict[int, list[Any]], list[WorkerReport]]:
    """Fork the workers, gather what each sends, and wait for them all."""
    import multiprocessing  # only for a counter in shared memory with its lock

    context = multiprocessing.get_context("fork")
    taken = context.RawValue("l", 0)
    lock = context.Lock()

    def next_shapes() -> list[int] | None:
        with lock:
            position = taken.value
            taken.value = position + 1
        return order[position] if position < len(order) else None

    children: dict[int, tuple[int, int]] = {}  # read end → (worker number, pid)
    parent = os.getpid()
    try:
        for number in range(1, workers + 1):
            reading, writing = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                os.close(reading)
                _worker_main(profile, data, next_shapes, writing, parent, convert)
            os.close(writing)
            children[reading] = (number, pid)
        clock.lap("fork")
        by_shape, reports = _gather(children)
        clock.lap("check")
        return by_shape, reports
    finally:
        _end(children)


def _worker_main(
    profile: Profile,
    data: Data,
    next_shapes: Callable[[], list[int] | None],
    out: int,
    parent: int,
    convert: Callable[[Result], Any] | None,
) -> None:
    """Evaluate shapes until none is left, send them, and exit without running the parent's
    clean-ups (atexit, buffered files it holds: they are the parent's to flush)."""
    status = 0
    try:
        _die_with_parent(parent)
        started, cpu = time.perf_counter(), time.process_time()
        found: dict[int, list[Any]] = {}
        evaluation = Evaluation(profile, data)
        every = {shape.node for shape in profile.targeted}
        while (indices := next_shapes()) is not None:
            for index in indices:
                node = profile.targeted[index].node
                results = evaluation.validate(every - {node})
                found[index] = [convert(r) for r in results] if convert else results
        report = WorkerReport(len(found), time.perf_counter() - started, time.process_time() - cpu)
        message: tuple[str, object] = ("results", (found, report))
    except BaseException as error:  # noqa: BLE001 - whatever it is, the parent raises it
        status = 1
        message = ("error", _sendable(error))
    try:
        with os.fdopen(out, "wb") as pipe:
            pickle.dump(message, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # noqa: BLE001 - the parent sees a worker that died
        status = 2
    os._exit(status)


def _sendable(error: BaseException) -> BaseException:
    """The error itself if it survives pickling (Unsupported must, for the fallback to
    pySHACL), else a RuntimeError with its text and where it was raised."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - any error in pickling means: send its text
        where = "".join(traceback.format_exception(error)[-3:])
        return RuntimeError(f"{type(error).__name__}: {error}\n{where}")


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when its parent dies (prctl PR_SET_PDEATHSIG), so a
    validation killed past its timeout stops its workers too. Hand-written: no library of the
    project wraps prctl, and it is one call. Elsewhere the parent's ``finally`` is all."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return
    pr_set_pdeathsig = 1
    ctypes.CDLL(libc_name, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _gather(
    children: dict[int, tuple[int, int]],
) -> tuple[dict[int, list[Any]], list[WorkerReport]]:
    """Read every worker's pipe to its end (all at once: one worker blocked writing a full
    pipe must not wait for another), and unpickle each as it ends."""
    chunks: dict[int, list[bytes]] = {fd: [] for fd in children}
    by_shape: dict[int, list[Any]] = {}
    reports: list[WorkerReport] = []
    with selectors.DefaultSelector() as selector:
        for fd in children:
            selector.register(fd, selectors.EVENT_READ)
        open_pipes = len(children)
        while open_pipes:
            for key, _ in selector.select():
                fd = int(key.fd)
                chunk = os.read(fd, 1 << 20)
                if chunk:
                    chunks[fd].append(chunk)
                    continue
                selector.unregister(fd)
                open_pipes -= 1
                found, report = _received(b"".join(chunks.pop(fd)), *children[fd], len(children))
                by_shape.update(found)
                reports.append(report)
    return by_shape, sorted(reports, key=lambda r: -r.seconds)


def _received(
    sent: bytes, number: int, pid: int, workers: int
) -> tuple[dict[int, list[Any]], WorkerReport]:
    try:
        kind, payload = pickle.loads(sent)
    except Exception:  # noqa: BLE001 - nothing or half a message: the worker died writing it
        raise WorkerDied(
            f"validation worker {number} of {workers} (process {pid}) died before sending its "
            f"results: {_how_it_ended(pid)}; nothing was changed. If it was killed for memory, "
            "validate on a machine with more of it."
        ) from None
    if kind == "error":
        assert isinstance(payload, BaseException)
        raise payload
    found, report = payload
    return found, report


def _how_it_ended(pid: int) -> str:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return "its exit status is unknown"
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        return f"killed by signal {number} ({signal.Signals(number).name})"
    return f"exit status {os.WEXITSTATUS(status)}"


def _end(children: dict[int, tuple[int, int]]) -> None:
    """Close the pipes, kill the workers still running (an error ended the gathering early)
    and reap every one, so that none is left behind as a zombie."""
    for fd, (_, pid) in children.items():
        try:
            os.close(fd)
        except OSError:
            pass  # already closed
        try:
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except ChildProcessError:
            pass  # reaped already, by _how_it_ended


class _Clock:
    """Seconds between laps, into the caller's dict (nothing is timed without one)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.add(name, now - self.last)
        self.last = now

    def add(self, name: str, value: float) -> None:
        if self.timings is not None:
            self.timings[name] = self.timings.get(name, 0.0) + value


# ---------------------------------------------------------------------------------------------
# As validation.validate_fast


def validate(
    ntriples: bytes,
    shapes: rdflib.Graph,
    language: str = "el",
    graph: rdflib.Graph | None = None,
    *,
    workers: int = 2,
    timings: dict[str, float] | None = None,
) -> validation.Report:
    """``validation.validate_fast`` with the checks shared by ``workers`` processes: the same
    report. pySHACL still answers for the shapes the compiled engine leaves to it, and for
    the whole graph where the engine cannot compile the shapes."""
    try:
        evaluated = evaluate(
            shapes,
            ntriples,
            workers=workers,
            timings=timings,
            convert=lambda result: validation._finding(result, language),
        )
    except compiled_shapes.Unsupported:
        if graph is None:
            graph = rdflib.Graph().parse(data=ntriples, format="nt")
        return validation.validate_graph(graph, shapes, language)
    findings: list[validation.Finding] = list(evaluated.results)  # type: ignore[arg-type]
    if evaluated.for_pyshacl:
        if graph is None:
            graph = rdflib.Graph().parse(data=ntriples, format="nt")
        only = validation.validate_graph(graph, shapes, language, only=evaluated.for_pyshacl)
        findings.extend(only.findings)
    return validation._sorted(findings)

"""The program a query worker process runs (see demoi.store.workers): open the checkpoint it is
told to, evaluate, cut to the row limit, serialise, send the bytes back.

``python -m demoi.store.worker_main FD``: FD is the worker's end of a socket pair. It imports
only what a worker needs, so that a worker starts quickly.
"""

from __future__ import annotations

import itertools
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from typing import Any

import pyoxigraph as ox

from demoi.formats import FORMATS_BY_NAME, CannotWrite, result_bytes
from demoi.iris import is_staging
from demoi.store.base import Dataset, QueryResult, Row
from demoi.store.oxigraph import dataset_options, take
from demoi.store.workers import QueryTask, WorkerAnswer

_NEVER = threading.Event()


class Checkpoint:
    """One opened checkpoint. It never changes, so whether it holds a staging graph (a load
    was under way when it was made) is looked up once, not on every query: listing the graphs
    cost 16 ms a query on the national demo's 6,700 graphs."""

    def __init__(self, path: str):
        self.path = path
        self.store = ox.Store.read_only(path)
        self.has_staging = any(
            isinstance(graph, ox.NamedNode) and is_staging(graph.value)
            for graph in self.store.named_graphs()
        )
        self.memory: ox.Store | None = None
        self._loading: threading.Thread | None = None
        self._abandoned = threading.Event()

    def engine(self, in_memory: bool) -> tuple[ox.Store, str]:
        """The copy to answer from: the in-memory one once it is loaded (loading starts on the
        first query that asks for it), the checkpoint on disk until then."""
        if not in_memory:
            return self.store, "disk"
        if self._loading is None:
            self._loading = threading.Thread(
                target=self._load_into_memory, name="demoi-memory-copy", daemon=True
            )
            self._loading.start()
        memory = self.memory
        return (memory, "memory") if memory is not None else (self.store, "disk")

    def _load_into_memory(self) -> None:
        copy = ox.Store()
        quads = self.store.quads_for_pattern(None, None, None, None)
        while not self._abandoned.is_set():
            batch = list(itertools.islice(quads, MEMORY_BATCH))
            if not batch:
                self.memory = copy
                return
            copy.bulk_extend(batch)

    def abandon(self) -> None:
        """A newer checkpoint replaces this one: stop filling a copy nobody will read."""
        self._abandoned.set()


#: Quads copied into memory at a time, between checks that the copy is still wanted.
MEMORY_BATCH = 100_000


def serve(connection: multiprocessing.connection.Connection) -> None:
    """Answer tasks until the server closes its end of the pipe (or dies)."""
    opened: Checkpoint | None = None
    while True:
        try:
            path, version, task = connection.recv()
        except (EOFError, OSError):
            return
        if opened is None or opened.path != path:
            if opened is not None:
                opened.abandon()
            opened = None  # RocksDB closes the old checkpoint when its last reference goes
            opened = Checkpoint(path)
        connection.send(answer(opened, version, task))


def answer(checkpoint: Checkpoint, version: int, task: QueryTask) -> WorkerAnswer:
    store, engine = checkpoint.engine(task.in_memory)
    try:
        result = evaluate(store, checkpoint.has_staging, task)
    except SyntaxError as error:
        return WorkerAnswer(error="syntax", message=str(error.args[0] if error.args else error))
    except (OSError, ValueError, RuntimeError) as error:
        return WorkerAnswer(error="error", message=str(error))
    kind = "graph" if result.kind == "graph" else "table"
    name = task.formats.get(kind)
    if name is None:  # the client accepts no format that carries this kind of result
        return WorkerAnswer(kind=result.kind, version=version)
    try:
        body = result_bytes(result, FORMATS_BY_NAME[name])
    except CannotWrite as error:
        return WorkerAnswer(kind=result.kind, error="cannot-write", message=str(error))
    return WorkerAnswer(result.kind, name, body, result.truncated, version=version, engine=engine)


def evaluate(store: ox.Store, has_staging: bool, task: QueryTask) -> QueryResult:
    options: dict[str, Any]
    if task.default_graphs is None and task.named_graphs is None:
        options = {}  # the query's own FROM / FROM NAMED choose the dataset
    else:
        dataset = Dataset(task.default_graphs or (), task.named_graphs or ())
        options = dataset_options(
            store, dataset, task.union_default_graph, staging_possible=has_staging
        )
    answer = store.query(task.query, base_iri=task.base_iri, **options)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("boolean", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        triples, truncated = take(answer, task.max_rows, _NEVER)
        return QueryResult("graph", triples=triples, truncated=truncated)
    variables = [variable.value for variable in answer.variables]
    solutions, truncated = take(answer, task.max_rows, _NEVER)
    rows: list[Row] = [tuple(solution[name] for name in variables) for solution in solutions]
    return QueryResult("solutions", variables=variables, rows=rows, truncated=truncated)


def end_with_the_server() -> None:
    """Exit when the server process is gone, even in the middle of a query: a server ended by
    SIGKILL or SIGTERM cannot kill its workers, and a query may run for hours."""
    server = os.getppid()

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="demoi-watch-server", daemon=True).start()


def main() -> None:
    # The server decides when a worker ends: by closing the socket, or by killing it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_the_server()
    serve(multiprocessing.connection.Connection(int(sys.argv[1])))


if __name__ == "__main__":
    main()

"""Query worker processes: SPARQL queries that can really be cancelled.

pyoxigraph 0.5 cannot stop a query it is evaluating: a sort or an aggregate past its time limit
runs on, holding a core. So the queries of ``/sparql`` run in worker processes that the server
kills (SIGKILL) when a query passes its limit; a fresh worker takes the place of a killed one
and the other workers go on answering.

How a worker reads the store (what ``demoi serve`` operators need to know):

* The server process alone opens the store read-write (RocksDB allows one writer process).
  A worker cannot open the same folder, so it reads a *checkpoint*: a copy of the store made by
  ``Store.backup``, which on one filesystem hard-links RocksDB's immutable files instead of
  copying them. Checkpoints live in the folder ``<store>.checkpoints`` beside the store (it
  must be on the same filesystem; it is emptied when the server starts and removed when it
  stops), one sub-folder per store version that a running worker still reads.
* Every write bumps the store's version. The first query after a write makes a new checkpoint
  (writes themselves pay nothing), and every worker moves to it before its next query, so a
  query sent after a write returned sees that write. A checkpoint no worker reads any more is
  deleted; its disk cost is only the files the store has since compacted away.
* Each worker is a Python process with pyoxigraph and its own RocksDB caches: count on about
  100 MB of memory per worker on the 1M-triple national demo (measured: 35-85 MB resident after
  a few aggregates), on top of the server's (``query_workers``, default 2). Workers start as
  queries need them (a second one only when two queries overlap) and stop with the store
  (``Store.close``), when the pool is collected, or within a second of the server process
  ending however it ends (each worker watches its parent). A worker started by a server that
  was killed leaves ``<store>.checkpoints`` behind; the next server empties it.
* ``max_concurrent_queries`` bounds the queries admitted at once (running in a worker or waiting
  for one); more are refused at once with 503 ``busy``. A query waits for a free worker at most
  its time limit.

Measured on the national demo (1.3M quads, 450 MB on disk; 2 cores shared with other work):

* ``Store.backup`` of the store: 14 ms with nothing new, 100-125 ms after a write (RocksDB
  flushes its memtable first); the checkpoint costs no disk space until compaction.
* ``Store.read_only`` of a checkpoint opens in 24 ms; a full scan (COUNT of every quad) takes
  the same 0.7 s there as on the read-write store.
* A query through a worker costs what it costs in-process (27-48 ms against 21-77 ms for the
  same LIMIT queries, noise dominating); the pipe adds 0.3-0.6 ms. The first query after a
  write pays the checkpoint and the workers' cold caches: 0.2-0.35 s.
* A worker starts in 0.12-0.18 s (a fresh interpreter importing pyoxigraph and the writers).
  multiprocessing's spawn and forkserver were measured first and dropped: both re-run the
  server's main script (``demoi``, ``pytest``) in every new process, 0.5-0.9 s a worker.
* ``uv run pytest tests/test_server.py tests/test_w3c_protocol.py``, run back to back: 38.8 s
  before the workers, 37.5 s after (a worker start and a checkpoint per test app are lost in
  the noise of a machine shared with other jobs).

Why workers read checkpoints on disk, not copies in memory: loading the national demo into an
in-memory ``Store`` took 10.8 s and 600 MB, per worker and again after every write, and made
its queries 0.9-2.8 times as fast (an aggregate per graph 0.82 s against 0.71 s on disk,
ORDER BY + LIMIT 40 ms against 112 ms, COUNT DISTINCT the same); the result cache answers a
repeated query in under a millisecond instead.

Why not open the live store: ``Store.read_only`` on the server's own folder does open (31 ms,
measured), but RocksDB's read-only mode assumes nobody writes: the server's compactions delete
files a worker may not have opened yet. pyoxigraph 0.5 has no secondary mode (the RocksDB
mode made for following a writer). A checkpoint is never written to, so reading it is safe,
and it is exactly one store version.
"""

from __future__ import annotations

import contextlib
import multiprocessing.connection
import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from demoi.errors import Busy, QueryTimeout

#: The package folder's parent, so a worker imports the same demoi as the server.
_SOURCE = str(Path(__file__).resolve().parents[2])


@dataclass(frozen=True)
class QueryTask:
    """What a worker needs to answer one query; every field pickles cheaply."""

    query: str
    #: Dataset as IRIs: ``None`` means the store's default (see ``worker_main.dataset_options``).
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    union_default_graph: bool
    base_iri: str | None
    max_rows: int | None
    #: The format (formats.py short name) to write each kind of result in; None: not acceptable.
    formats: Mapping[str, str | None]
    #: Answer from an in-memory copy of the checkpoint once the worker has loaded it.
    in_memory: bool = False


@dataclass(frozen=True)
class WorkerAnswer:
    """A worker's reply: the serialised result, or the error it met."""

    kind: str = ""
    format_name: str | None = None
    body: bytes = b""
    truncated: bool = False
    #: "syntax" (message carries pyoxigraph's text), "cannot-write", "error" or "".
    error: str = ""
    message: str = ""
    #: The store version of the checkpoint the query ran on.
    version: int = 0
    #: Which copy answered: "disk" (the checkpoint) or "memory" (its in-memory copy).
    engine: str = "disk"


@dataclass
class _Checkpoint:
    version: int
    path: Path
    readers: int = 0


@dataclass
class _Worker:
    process: subprocess.Popen[bytes] | None = None
    connection: multiprocessing.connection.Connection | None = None
    checkpoint: _Checkpoint | None = None

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


class QueryWorkers:
    """A pool of ``size`` worker processes over checkpoints of one store.

    ``make_checkpoint(path)`` writes a checkpoint of the store to ``path`` and returns the
    store version it holds; ``current_version()`` is the store's version now.
    """

    def __init__(
        self,
        folder: Path,
        *,
        size: int,
        admitted: int,
        make_checkpoint: Callable[[Path], int],
        current_version: Callable[[], int],
    ):
        self.folder = folder
        self.size = size
        self._make_checkpoint = make_checkpoint
        self._current_version = current_version
        self._admission = threading.BoundedSemaphore(max(admitted, size))
        self._admitted = max(admitted, size)
        # Last in, first out: the warm worker that just finished takes the next query, and the
        # others start only when queries overlap.
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        for _ in range(size):
            self._idle.put(_Worker())
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._latest: _Checkpoint | None = None
        self._closed = False
        shutil.rmtree(folder, ignore_errors=True)  # left by a server that was killed
        # A pool nobody closed (a server ending without closing its store) still ends its
        # workers and removes its checkpoints, when collected or when Python exits.
        weakref.finalize(self, _end_all, self._workers, folder)

    # -- the public operation --------------------------------------------------------------

    def run(self, task: QueryTask, timeout: float | None) -> WorkerAnswer:
        """Answer ``task`` in a worker; past ``timeout`` seconds the worker is killed."""
        if not self._admission.acquire(blocking=False):
            raise Busy(
                f"{self._admitted} queries are already being answered or waiting; try again "
                "shortly (DEMOI_MAX_CONCURRENT_QUERIES)"
            )
        try:
            started = time.monotonic()
            worker = self._take_worker(timeout)
            waited = time.monotonic() - started
            remaining = None if timeout is None else max(0.0, timeout - waited)
            return self._run_in(worker, task, remaining, timeout)
        finally:
            self._admission.release()

    def start(self) -> None:
        """Start every worker now rather than on the first queries that need them."""
        taken: list[_Worker] = []
        try:
            while len(taken) < self.size:
                taken.append(self._take_worker(None))
        finally:
            for worker in taken:
                self._idle.put(worker)

    def pids(self) -> list[int]:
        """The process ids of the workers alive now (for tests and the health check)."""
        with self._lock:
            return [w.process.pid for w in self._workers if w.alive and w.process and w.process.pid]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._workers)
        for worker in workers:
            self._stop(worker)
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- workers -----------------------------------------------------------------------------

    def _take_worker(self, timeout: float | None) -> _Worker:
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"no query worker became free within the {timeout:g} s limit "
                "(DEMOI_QUERY_TIMEOUT); the server is busy, try again shortly"
            ) from None
        if not worker.alive:
            if worker.process is not None:  # ended on its own (killed from outside, crashed)
                self._stop(worker)
            try:
                self._start(worker)
            except BaseException:
                self._idle.put(worker)
                raise
        return worker

    def _start(self, worker: _Worker) -> None:
        """A fresh interpreter running demoi.store.worker_main, talking over a socket pair.

        Not multiprocessing: its spawn and forkserver methods re-run the server's main script
        (``demoi``, ``pytest``) in every new process, which took 0.5-0.9 s a worker when
        measured (the forkserver's preloading of ``__main__`` does not take effect in Python
        3.11), against 0.12-0.18 s for a bare interpreter importing pyoxigraph and the writers.
        """
        if self._closed:
            raise RuntimeError("the query workers are closed")
        ours, theirs = socket.socketpair()
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [_SOURCE, environment.get("PYTHONPATH")])
        )
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "demoi.store.worker_main", str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=environment,
                # Out of the terminal's process group: Ctrl-C is the server's to handle.
                start_new_session=True,
            )
        finally:
            theirs.close()
        worker.process = process
        worker.connection = multiprocessing.connection.Connection(ours.detach())
        with self._lock:
            self._workers.append(worker)

    def _stop(self, worker: _Worker) -> None:
        """Kill the worker's process (the only way to stop a query in pyoxigraph) and reap it."""
        if worker.process is not None:
            with contextlib.suppress(ProcessLookupError):
                worker.process.kill()
            worker.process.wait(5)
        if worker.connection is not None:
            worker.connection.close()
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)
            self._leave(worker)
        worker.process, worker.connection = None, None

    def _run_in(
        self, worker: _Worker, task: QueryTask, remaining: float | None, limit: float | None
    ) -> WorkerAnswer:
        keep = False
        try:
            checkpoint = self._checkpoint_for(worker)
            assert worker.connection is not None
            worker.connection.send((str(checkpoint.path), checkpoint.version, task))
            if not worker.connection.poll(remaining):
                raise QueryTimeout(
                    f"the query ran longer than the {limit:g} s limit (DEMOI_QUERY_TIMEOUT) "
                    "and was stopped"
                )
            answer: WorkerAnswer = worker.connection.recv()
            keep = True
            return answer
        except (EOFError, OSError):
            # Killed from outside or crashed mid-query: not the client's fault, and a fresh
            # worker takes its place, so the same request may well succeed (503, not 500).
            raise Busy(
                "the worker process answering this query ended unexpectedly; a fresh one takes "
                "its place: try again"
            ) from None
        finally:
            if not keep:
                self._stop(worker)
            self._idle.put(worker)

    # -- checkpoints -------------------------------------------------------------------------

    def _checkpoint_for(self, worker: _Worker) -> _Checkpoint:
        """The newest checkpoint, made now if the store changed since the last; the worker is
        counted among its readers (and leaves the one it read before)."""
        with self._lock:
            latest = self._latest
            if latest is None or latest.version != self._current_version():
                path = self.folder / f"{uuid.uuid4().hex}"
                self.folder.mkdir(parents=True, exist_ok=True)
                latest = _Checkpoint(self._make_checkpoint(path), path)
                previous, self._latest = self._latest, latest
                if previous is not None and previous.readers == 0:
                    shutil.rmtree(previous.path, ignore_errors=True)
            if worker.checkpoint is not latest:
                self._leave(worker)
                worker.checkpoint = latest
                latest.readers += 1
            return latest

    def _leave(self, worker: _Worker) -> None:
        """The worker no longer reads its checkpoint; delete it if nobody needs it. (Lock held.)"""
        checkpoint, worker.checkpoint = worker.checkpoint, None
        if checkpoint is None:
            return
        checkpoint.readers -= 1
        if checkpoint.readers == 0 and checkpoint is not self._latest:
            shutil.rmtree(checkpoint.path, ignore_errors=True)


def _end_all(workers: list[_Worker], folder: Path) -> None:
    for worker in list(workers):
        if worker.process is not None:
            with contextlib.suppress(ProcessLookupError):
                worker.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.process.wait(5)
    shutil.rmtree(folder, ignore_errors=True)


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


__all__ = ["QueryTask", "QueryWorkers", "WorkerAnswer", "process_exists"]

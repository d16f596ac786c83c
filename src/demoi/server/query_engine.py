"""How /sparql answers a query: in a query worker process that is killed past the time limit
(demoi.store.workers explains the processes and their checkpoints), through a cache of
serialised results.

The cache keeps ``result_cache_entries`` answers (and at most CACHE_BYTES of them), least
recently used out first, keyed by the
query text, the dataset parameters, the base IRI, the formats negotiated for the request and
the store's version. Every write bumps the version, so an answer is served from the cache only
while the store is exactly as it was when the answer was computed; entries of older versions
are dropped at the first lookup after a write. A truncated answer is cached like any other,
with its truncation mark. A query that calls NOW, RAND, UUID or STRUUID is never cached: its
answer changes without any write.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

from demoi.query_guard import tokens
from demoi.store import Dataset, OxigraphStore, Store, WorkerAnswer

#: Most bytes of answers the cache holds: 256 entries of 10,000-row answers would otherwise
#: hold a gigabyte or more. An answer larger than this alone is not cached.
CACHE_BYTES = 128 * 1024 * 1024


#: SPARQL functions whose value is not fixed by the store: the clock and chance.
VOLATILE_FUNCTIONS = frozenset({"NOW", "RAND", "UUID", "STRUUID"})


def is_volatile(query: str) -> bool:
    """Whether ``query`` calls a function of VOLATILE_FUNCTIONS (read with the query guard's
    lexer, so the words in strings, IRIs and comments do not count)."""
    stream = list(tokens(query))
    return any(
        token.kind == "word" and token.text.upper() in VOLATILE_FUNCTIONS and following.text == "("
        for token, following in zip(stream, stream[1:], strict=False)
    )


@dataclass(frozen=True)
class QueryRequest:
    query: str
    dataset: Dataset
    base_iri: str
    #: formats.py name per kind of result ("table", "graph"); None: the client accepts none.
    formats: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class Answer:
    result: WorkerAnswer
    cached: bool


class ResultCache:
    """A thread-safe LRU of worker answers for one store version at a time.

    Hand-written on an OrderedDict (a dozen lines) because the cache must be emptied as a
    whole when the version moves, which functools.lru_cache cannot do per key space, and the
    project takes no dependency for it.
    """

    def __init__(self, entries: int, max_bytes: int = CACHE_BYTES):
        self.entries = entries
        self.max_bytes = max_bytes
        self._bytes = 0
        self._answers: OrderedDict[Hashable, WorkerAnswer] = OrderedDict()
        self._version = -1
        self._lock = threading.Lock()

    def get(self, key: Hashable, version: int) -> WorkerAnswer | None:
        with self._lock:
            self._forget_older(version)
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key: Hashable, answer: WorkerAnswer) -> None:
        if self.entries == 0 or answer.error or len(answer.body) > self.max_bytes:
            return
        with self._lock:
            if answer.version < self._version:
                return  # computed before a write that has since returned
            self._forget_older(answer.version)
            previous = self._answers.pop(key, None)
            self._bytes -= len(previous.body) if previous else 0
            self._answers[key] = answer
            self._bytes += len(answer.body)
            while len(self._answers) > self.entries or self._bytes > self.max_bytes:
                _, evicted = self._answers.popitem(last=False)
                self._bytes -= len(evicted.body)

    def __len__(self) -> int:
        return len(self._answers)

    def _forget_older(self, version: int) -> None:
        if version > self._version:
            self._answers.clear()
            self._bytes = 0
            self._version = version


class QueryEngine:
    """Answers /sparql queries for one app: the cache in front of the store's workers."""

    def __init__(
        self,
        store: Store,
        *,
        cache_entries: int,
        timeout: float | None,
        max_rows: int | None,
        union_default_graph: bool,
        allowed_hosts: tuple[str, ...],
    ):
        if not isinstance(store, OxigraphStore):
            raise TypeError("query workers need the embedded Oxigraph store")
        self.store = store
        self.cache = ResultCache(cache_entries)
        self.timeout = timeout
        self.max_rows = max_rows
        self.union_default_graph = union_default_graph
        self.allowed_hosts = allowed_hosts

    def answer(self, request: QueryRequest) -> Answer:
        volatile = is_volatile(request.query)
        version = self.store.version
        cached = None if volatile else self.cache.get(request, version)
        if cached is not None:
            return Answer(cached, cached=True)
        result = self.store.query_in_worker(
            request.query,
            formats=dict(request.formats),
            dataset=request.dataset,
            timeout=self.timeout,
            max_rows=self.max_rows,
            union_default_graph=self.union_default_graph,
            allowed_hosts=self.allowed_hosts,
            base_iri=request.base_iri,
        )
        if not volatile:
            self.cache.put(request, result)
        return Answer(result, cached=False)

"""The embedded store: pyoxigraph 0.5 on disk (RocksDB).

Atomicity comes from Oxigraph's transactions. A graph is replaced by one update that writes the
new content and records the provenance: from data parsed and checked in memory (``DELETE DATA``
of what is gone and ``INSERT DATA`` of what is new, or ``DROP`` and ``INSERT DATA``: see
``_replacing``; a first publication adds the data and its records in one ``Store.extend``,
which is as atomic and cheaper: see ``_add_first``), or, for large files, from a hidden staging
graph (``urn:demoi:staging:<uuid>``) filled by Oxigraph's bulk loader (``ADD``), which lowers
the peak memory by about a third. A parse error leaves the target untouched.
benchmarks/README.md has the measurements behind this design.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pyoxigraph as ox

from demoi.errors import (
    Busy,
    Location,
    QuerySyntaxError,
    QueryTimeout,
    RdfSyntaxError,
    StoreBusy,
    UsageError,
)
from demoi.input_guard import check_rdf_source
from demoi.iris import is_staging, staging_graph
from demoi.query_guard import (
    check_dataset_graphs,
    check_query,
    check_update,
    has_dataset_clause,
)
from demoi.settings import DEFAULT_MAX_CONCURRENT_QUERIES, SETTINGS_BY_NAME
from demoi.store.base import ALL_GRAPHS, Dataset, GraphInfo, QueryResult, Row, Store
from demoi.store.sparql_text import Change, join_operations
from demoi.store.workers import QueryTask, QueryWorkers, WorkerAnswer

T = TypeVar("T")

#: IRI schemes an engine could fetch a FROM graph by; other IRIs only name graphs.
FETCHABLE_SCHEMES = frozenset({"http", "https", "ftp", "ftps", "file"})

DEFAULT_QUERY_WORKERS: int = SETTINGS_BY_NAME["query_workers"].default
QUERY_SPEC = "https://www.w3.org/TR/sparql11-query/#grammar"
#: Above this many triples a replaced graph is dropped rather than compared with the new content
#: (comparing holds the old content in memory, about half a kilobyte a triple).
DIFF_LIMIT = 2_000_000


def _location_of(error: SyntaxError, file: str | None) -> Location | None:
    if error.lineno is None:
        return Location(file) if file else None
    return Location(file, error.lineno, error.offset)


def _syntax_message(error: SyntaxError) -> str:
    return str(error.args[0]) if error.args else str(error)


MAX_MESSAGE = 300


def rdf_syntax_error(
    error: SyntaxError | ValueError, file: str | None, rdf_format: ox.RdfFormat
) -> RdfSyntaxError:
    """The parser's complaint, placed (file, line, column) and linked to the syntax's spec."""
    if not isinstance(error, SyntaxError):  # e.g. an invalid IRI or language tag
        return RdfSyntaxError(str(error), location=Location(file) if file else None)
    message = _syntax_message(error)
    if len(message) > MAX_MESSAGE:  # the RDF/XML parser can quote a whole non-XML file
        message = message[:MAX_MESSAGE] + "…"
    if "remote context" in message:
        # pyoxigraph has no document loader set, so nothing is fetched; say so plainly.
        message = "the JSON-LD refers to a remote @context, which demoi never fetches; inline it"
    return RdfSyntaxError(message, location=_location_of(error, file), spec=rdf_format.iri)


_QUERY_POSITION = re.compile(r"^error at (\d+):(\d+): ")


def _query_syntax_error(error: SyntaxError) -> QuerySyntaxError:
    """pyoxigraph says ``error at LINE:COLUMN: ...``; the position becomes a Location."""
    message = _syntax_message(error)
    position = _QUERY_POSITION.match(message)
    if position is None:
        return QuerySyntaxError(message, spec=QUERY_SPEC)
    return QuerySyntaxError(
        message[position.end() :],
        location=Location(None, int(position.group(1)), int(position.group(2))),
        spec=QUERY_SPEC,
    )


class OxigraphStore(Store):
    def __init__(
        self,
        path: Path,
        *,
        create: bool = True,
        max_concurrent_queries: int = DEFAULT_MAX_CONCURRENT_QUERIES,
        query_workers: int = DEFAULT_QUERY_WORKERS,
        serve_from_memory: bool = False,
    ):
        self.path = Path(path)
        self._serve_from_memory = serve_from_memory
        self._evaluations = _Evaluations(max_concurrent_queries)
        self._max_concurrent_queries = max_concurrent_queries
        self._query_workers = query_workers
        self._workers: QueryWorkers | None = None
        self._workers_lock = threading.Lock()
        self._version = 0
        # One write at a time from this process: a first publication checks the store, then
        # writes, and no other write of ours may come in between.
        self._writes = threading.RLock()
        # How many loads of ours are staging right now: while none is, queries need not list
        # the store's graphs to hide staging ones (16 ms a query with 6,700 graphs, measured).
        self._stagings = 0
        self._stagings_lock = threading.Lock()
        if not create and not self.path.is_dir():
            raise UsageError(
                f"no store at {self.path}: publish data first (demoi lift or demoi load), "
                "or point DEMOI_STORE / --store at an existing store"
            )
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path))
            self._remove_abandoned_staging()
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreBusy(
                    f"the store {self.path} is in use by another process "
                    "(is `demoi serve` running on it?); stop it or use another --store"
                ) from None
            raise UsageError(f"cannot open the store {self.path}: {error}") from None

    def _remove_abandoned_staging(self) -> None:
        """A staging graph found on opening was left by a load that was killed: RocksDB lets
        one process at a time open the store, so no load of another can be under way."""
        for graph in list(self._store.named_graphs()):
            if isinstance(graph, ox.NamedNode) and is_staging(graph.value):
                self._store.remove_graph(graph)

    # -- writing -------------------------------------------------------------------------

    def replace_graph(
        self,
        graph: str,
        source: Path | bytes,
        rdf_format: ox.RdfFormat,
        *,
        base_iri: str | None = None,
        bulk: bool = False,
        provenance_update: str | Change = "",
        source_name: str | None = None,
    ) -> int:
        name = source_name or (str(source) if isinstance(source, Path) else None)
        _require_file(source)
        check_rdf_source(source, rdf_format, name)
        target = ox.NamedNode(graph)
        if not bulk:
            parsed = self._parse(source, rdf_format, base_iri=base_iri, file=name)
            triples = set(_triples_of_default_graph(parsed, name))
            with self._writes:
                record = provenance_update
                if isinstance(record, Change) and triples and self._is_first(target, record):
                    self._add_first(target, triples, record)
                else:
                    operations = self._replacing(target, triples)
                    self._run_update(join_operations(*operations, _sparql(provenance_update)))
            # Counted, not len(triples): the store keeps "01"^^xsd:integer as "1" and @EN as
            # @en, so two parsed triples may be one stored.
            return self._count(target)
        staging = ox.NamedNode(staging_graph())
        with self._staging():
            return self._replace_from_staging(
                target, staging, source, rdf_format, base_iri, name, provenance_update
            )

    def _replace_from_staging(
        self,
        target: ox.NamedNode,
        staging: ox.NamedNode,
        source: Path | bytes,
        rdf_format: ox.RdfFormat,
        base_iri: str | None,
        name: str | None,
        provenance_update: str | Change,
    ) -> int:
        self._store.add_graph(staging)
        try:
            self._stage(staging, source, rdf_format, base_iri=base_iri, file=name)
            # Every write in Oxigraph costs tens of microseconds a quad, so the swap does the
            # least work that is still one transaction: drop the old content, add the staged.
            # MOVE would also empty the staging graph inside the transaction; that is done
            # after it instead, where no reader or crash can see a half-replaced graph.
            self._run_update(
                join_operations(
                    f"DROP SILENT GRAPH {target}",
                    f"ADD GRAPH {staging} TO GRAPH {target}",
                    _sparql(provenance_update),
                )
            )
        finally:
            self._store.remove_graph(staging)
        return self._count(target)

    @contextmanager
    def _staging(self) -> Iterator[None]:
        with self._stagings_lock:
            self._stagings += 1
        try:
            yield
        finally:
            with self._stagings_lock:
                self._stagings -= 1

    def _is_first(self, target: ox.NamedNode, record: Change) -> bool:
        """Whether this is the graph's first publication: no such graph, and nothing of the
        record's to delete (no earlier provenance or catalogue record of it)."""
        if self._store.contains_named_graph(target):
            return False
        return not any(self._store.query(f"ASK {{ {pattern} }}") for pattern in record.removed)

    def _add_first(self, target: ox.NamedNode, triples: set[ox.Triple], record: Change) -> None:
        """A first publication: the data and its record added in one transaction by
        ``Store.extend``, which is atomic and costs half the time and memory of the same quads
        in an ``INSERT DATA`` update (benchmarks/README.md)."""
        data = (ox.Quad(t.subject, t.predicate, t.object, target) for t in triples)
        try:
            self._store.extend(itertools.chain(data, record.added))
        except OSError as error:
            raise UsageError(f"cannot write to the store {self.path}: {error}") from None
        self._version += 1

    def _replacing(self, target: ox.NamedNode, triples: set[ox.Triple]) -> list[str]:
        """The operations that make ``target`` hold exactly ``triples``, in one update.

        Every quad written or deleted in an Oxigraph transaction costs tens of microseconds,
        while reading one costs a few, so only the difference is written: republishing an
        export that changed in a few lines (the usual monthly budget export) writes those lines,
        not the whole graph. Blank nodes have no identity across two parses and cannot appear
        in DELETE DATA, so a graph with any is dropped and written whole, as is a large one
        (the old content is held in memory to compare); an empty replacement leaves an empty
        graph.
        """
        old_count = self._count(target) if self._store.contains_named_graph(target) else 0
        comparable = (
            0 < old_count <= DIFF_LIMIT
            and triples
            and not any(_has_blank_node(triple) for triple in triples)
        )
        old = (
            {
                ox.Triple(quad.subject, quad.predicate, quad.object)
                for quad in self._store.quads_for_pattern(None, None, None, target)
            }
            if comparable
            else set()
        )
        if not triples:
            # Emptied, the graph still exists (a Graph Store PUT of an empty body creates it).
            return [f"DROP SILENT GRAPH {target}", f"CREATE SILENT GRAPH {target}"]
        if not comparable or any(_has_blank_node(triple) for triple in old):
            return [f"DROP SILENT GRAPH {target}", _graph_data("INSERT", target, triples)]
        return [
            _graph_data("DELETE", target, old - triples),
            _graph_data("INSERT", target, triples - old),
        ]

    def _stage(
        self,
        staging: ox.NamedNode,
        source: Path | bytes,
        rdf_format: ox.RdfFormat,
        *,
        base_iri: str | None,
        file: str | None,
    ) -> None:
        """Stream ``source`` into the staging graph; a syntax error names the place."""
        if rdf_format.supports_datasets:
            # A dataset syntax may name graphs; each quad is checked on its way in.
            parsed = self._parse(source, rdf_format, base_iri=base_iri, file=file)
            self._store.bulk_extend(
                ox.Quad(triple.subject, triple.predicate, triple.object, staging)
                for triple in _triples_of_default_graph(parsed, file)
            )
            return
        # A triples syntax goes straight into the staging graph, parsed by Oxigraph itself.
        options: dict[str, Any] = {"format": rdf_format, "base_iri": base_iri, "to_graph": staging}
        if isinstance(source, Path):
            options["path"] = str(source)
        else:
            options["input"] = source
        try:
            self._store.bulk_load(**options)
        except (SyntaxError, ValueError) as error:
            raise rdf_syntax_error(error, file, rdf_format) from None

    def _parse(
        self,
        source: Path | bytes,
        rdf_format: ox.RdfFormat,
        *,
        base_iri: str | None,
        file: str | None,
    ) -> Iterator[ox.Quad]:
        if isinstance(source, Path):
            quads = ox.parse(path=str(source), format=rdf_format, base_iri=base_iri)
        else:
            quads = ox.parse(source, format=rdf_format, base_iri=base_iri)
        try:
            yield from quads
        except (SyntaxError, ValueError) as error:
            raise rdf_syntax_error(error, file, rdf_format) from None

    def drop(self, graph: str, *, provenance_update: str = "") -> bool:
        target = ox.NamedNode(graph)
        existed = self._store.contains_named_graph(target)
        if existed:
            self._run_update(join_operations(f"DROP GRAPH {target}", provenance_update))
        return existed

    def update(
        self, update: str, *, allowed_hosts: tuple[str, ...] = (), base_iri: str | None = None
    ) -> None:
        check_update(update, allowed_hosts)
        self._run_update(update, base_iri=base_iri)

    def _run_update(self, update: str, *, base_iri: str | None = None) -> None:
        """Run an update demoi wrote itself from data its own parsers accepted."""
        try:
            with self._writes:
                self._store.update(update, base_iri=base_iri)
                self._version += 1
        except SyntaxError as error:
            raise _query_syntax_error(error) from None

    def revert(self, added: Iterable[ox.Quad], removed: Iterable[ox.Quad]) -> None:
        # Quad by quad through the API, under the write lock: found in re-review, an INSERT DATA
        # of the old quads failed when a blank node was in two graphs, and the write stayed.
        with self._writes:
            for quad in added:
                self._store.remove(quad)
            self._store.extend(list(removed))
            self._version += 1

    @property
    def version(self) -> int:
        """How many writes this store object has made: every write adds one, so a result
        computed at one version is still right while the version is the same."""
        return self._version

    def checkpoint(self, target: Path) -> int:
        """Write a consistent copy of the store to ``target`` (RocksDB hard-links its files)
        and return the version it holds; no write of ours can come in between."""
        with self._writes:
            self._store.backup(str(target))
            return self._version

    # -- reading -------------------------------------------------------------------------

    def graphs(self) -> list[GraphInfo]:
        solutions = self._store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        assert isinstance(solutions, ox.QuerySolutions)
        counts = {
            solution["g"].value: int(solution["n"].value)
            for solution in solutions
            if isinstance(solution["g"], ox.NamedNode)
        }
        for name in self._store.named_graphs():
            if isinstance(name, ox.NamedNode):
                counts.setdefault(name.value, 0)
        return [
            GraphInfo(iri, count) for iri, count in sorted(counts.items()) if not is_staging(iri)
        ]

    def _count(self, graph: ox.NamedNode) -> int:
        solutions = self._store.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
        )
        assert isinstance(solutions, ox.QuerySolutions)
        return int(next(solutions)["n"].value)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        graph_name = ox.NamedNode(graph) if graph else None
        for quad in self._store.quads_for_pattern(None, None, None, graph_name):
            name = quad.graph_name
            if isinstance(name, ox.NamedNode) and is_staging(name.value):
                continue
            yield quad

    def query(
        self,
        query: str,
        *,
        dataset: Dataset = ALL_GRAPHS,
        timeout: float | None = None,
        max_rows: int | None = None,
        union_default_graph: bool = True,
        allowed_hosts: tuple[str, ...] = (),
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run ``query``; without a dataset, the default graph is the union of named graphs
        when ``union_default_graph`` (Oxigraph's ``use_default_graph_as_union``).
        SERVICE may only reach ``allowed_hosts`` (none by default)."""
        if self._guard(query, dataset, allowed_hosts, base_iri):
            options: dict[str, Any] = {}  # the query's FROM / FROM NAMED choose the dataset
        else:
            options = dataset_options(
                self._store, dataset, union_default_graph, staging_possible=self._stagings > 0
            )
        options["base_iri"] = base_iri
        try:
            return self._evaluations.run(
                lambda stop: self._evaluate(query, options, max_rows, stop), timeout
            )
        except SyntaxError as error:
            raise _query_syntax_error(error) from None

    def query_in_worker(
        self,
        query: str,
        *,
        formats: Mapping[str, str | None],
        dataset: Dataset = ALL_GRAPHS,
        timeout: float | None = None,
        max_rows: int | None = None,
        union_default_graph: bool = True,
        allowed_hosts: tuple[str, ...] = (),
        base_iri: str | None = None,
    ) -> WorkerAnswer:
        """Run ``query`` in a worker process (demoi.store.workers) that is killed past
        ``timeout``, and get the result serialised in ``formats[kind]`` (formats.py names,
        ``kind`` "table" or "graph"; None: the client accepts none). The answer is at least as
        new as every write that returned before this call."""
        query_chooses = self._guard(query, dataset, allowed_hosts, base_iri)
        task = QueryTask(
            query,
            default_graphs=None if query_chooses else dataset.default_graphs,
            named_graphs=None if query_chooses else dataset.named_graphs,
            union_default_graph=union_default_graph,
            base_iri=base_iri,
            max_rows=max_rows,
            formats=dict(formats),
            in_memory=self._serve_from_memory,
        )
        answer = self._query_workers_pool().run(task, timeout)
        if answer.error == "syntax":
            raise _query_syntax_error(SyntaxError(answer.message))
        if answer.error == "error":
            raise RuntimeError(f"the query failed in its worker: {answer.message}")
        return answer

    def _guard(
        self, query: str, dataset: Dataset, allowed_hosts: tuple[str, ...], base_iri: str | None
    ) -> bool:
        """Refuse what the query guard refuses; say whether the query's own FROM / FROM NAMED
        choose its dataset (the protocol's dataset, when given, overrides them)."""
        is_local = self._local_graph_test(base_iri)
        check_query(query, allowed_hosts, is_local)
        check_dataset_graphs(
            (*dataset.default_graphs, *dataset.named_graphs), allowed_hosts, is_local
        )
        return not dataset.is_specified and has_dataset_clause(query)

    def _local_graph_test(self, base_iri: str | None) -> Callable[[str], bool]:
        """What FROM may name without an allow-listed host: a graph of this store, or any IRI
        on the server the query was sent to (host and port; a graph not published yet is just
        empty)."""
        own_server = urlsplit(base_iri).netloc.lower() if base_iri else None

        def is_local(iri: str) -> bool:
            parts = urlsplit(iri)
            if parts.scheme.lower() not in FETCHABLE_SCHEMES:
                return True  # urn:, tag: and the like name a graph; nothing can fetch them
            if own_server and parts.netloc.lower() == own_server:
                return True
            try:
                return self._store.contains_named_graph(ox.NamedNode(iri))
            except ValueError:  # not an IRI: Oxigraph's parser reports it
                return True

        return is_local

    def _query_workers_pool(self) -> QueryWorkers:
        with self._workers_lock:
            if self._workers is None:
                self._workers = QueryWorkers(
                    self.path.with_name(self.path.name + ".checkpoints"),
                    size=self._query_workers,
                    admitted=self._max_concurrent_queries,
                    make_checkpoint=self.checkpoint,
                    current_version=lambda: self._version,
                )
            return self._workers

    def start_query_workers(self) -> None:
        """Start the query workers now (they otherwise start on the first queries)."""
        self._query_workers_pool().start()

    def query_worker_pids(self) -> list[int]:
        """The process ids of the query workers alive now."""
        return self._workers.pids() if self._workers is not None else []

    def _evaluate(
        self, query: str, options: dict[str, Any], max_rows: int | None, stop: threading.Event
    ) -> QueryResult:
        answer = self._store.query(query, **options)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("boolean", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            triples, truncated = take(answer, max_rows, stop)
            return QueryResult("graph", triples=triples, truncated=truncated)
        variables = [variable.value for variable in answer.variables]
        solutions, truncated = take(answer, max_rows, stop)
        rows: list[Row] = [tuple(solution[name] for name in variables) for solution in solutions]
        return QueryResult("solutions", variables=variables, rows=rows, truncated=truncated)

    # -- whole store ---------------------------------------------------------------------

    def dump(self, target: Path) -> int:
        partial = target.with_name(target.name + ".partial")
        counted = _Counter(self.quads())
        try:
            with partial.open("wb") as output:
                ox.serialize(counted, output, ox.RdfFormat.N_QUADS)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return counted.count

    def restore(self, source: Path) -> int:
        """Stage every graph of the dump, then swap the whole store in one update."""
        staged: dict[str, ox.NamedNode] = {}  # target graph ("" = default) -> staging graph

        def into_staging(quad: ox.Quad) -> ox.Quad:
            name = quad.graph_name
            key = name.value if isinstance(name, ox.NamedNode) else ""
            if isinstance(name, ox.BlankNode):
                raise RdfSyntaxError(
                    "blank-node graph names cannot be restored", location=Location(str(source))
                )
            if key not in staged:
                staged[key] = ox.NamedNode(staging_graph())
                self._store.add_graph(staged[key])
            return ox.Quad(quad.subject, quad.predicate, quad.object, staged[key])

        _require_file(source)
        check_rdf_source(source, ox.RdfFormat.N_QUADS, str(source))
        quads = self._parse(source, ox.RdfFormat.N_QUADS, base_iri=None, file=str(source))
        with self._staging():
            self._restore_from(quads, into_staging, staged)
        return len(self._store)

    def _restore_from(
        self,
        quads: Iterable[ox.Quad],
        into_staging: Callable[[ox.Quad], ox.Quad],
        staged: dict[str, ox.NamedNode],
    ) -> None:
        try:
            self._store.bulk_extend(map(into_staging, quads))
            # As in replace_graph: drop everything, add the staged graphs, in one transaction;
            # the staging graphs are emptied after it.
            operations = [f"DROP GRAPH {ox.NamedNode(info.iri)}" for info in self.graphs()]
            operations.append("DROP DEFAULT")
            for key, staging in staged.items():
                destination = f"GRAPH {ox.NamedNode(key)}" if key else "DEFAULT"
                operations.append(f"ADD GRAPH {staging} TO {destination}")
            self._run_update(join_operations(*operations))
        finally:
            for staging in staged.values():
                self._store.remove_graph(staging)

    def close(self) -> None:
        if self._workers is not None:
            self._workers.close()
            self._workers = None
        if not hasattr(self, "_store"):
            return
        self._store.flush()
        # pyoxigraph has no close(); RocksDB unlocks when the last reference goes away.
        del self._store


class _Counter(Iterator[ox.Quad]):
    def __init__(self, quads: Iterable[ox.Quad]):
        self._quads = iter(quads)
        self.count = 0

    def __next__(self) -> ox.Quad:
        quad = next(self._quads)
        self.count += 1
        return quad


def _sparql(update: str | Change) -> str:
    return update if isinstance(update, str) else update.sparql()


def _has_blank_node(triple: ox.Triple) -> bool:
    """Also inside an RDF 1.2 triple term (``<<( _:b ex:p ex:o )>>``): DELETE DATA refuses a
    blank node wherever it is."""
    return any(
        isinstance(term, ox.BlankNode) or (isinstance(term, ox.Triple) and _has_blank_node(term))
        for term in (triple.subject, triple.object)
    )


def _graph_data(operation: str, graph: ox.NamedNode, triples: set[ox.Triple]) -> str:
    """``INSERT DATA`` or ``DELETE DATA`` of ``triples`` in ``graph``; "" when there are none."""
    if not triples:
        return ""
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return f"{operation} DATA {{ GRAPH {graph} {{\n{body.decode()}\n}} }}"


def _require_file(source: Path | bytes) -> None:
    if isinstance(source, Path) and not source.is_file():
        raise UsageError(f"{source}: no such file")


def _triples_of_default_graph(quads: Iterable[ox.Quad], file: str | None) -> Iterator[ox.Triple]:
    """The quads as triples; a quad in a named graph is an error (one file, one graph)."""
    for quad in quads:
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            raise RdfSyntaxError(
                f"the data has quads in the named graph {quad.graph_name}; a graph is loaded "
                "from a triples format (Turtle, N-Triples, RDF/XML) or from default-graph "
                "quads, and whole datasets with `demoi restore`",
                location=Location(file),
            )
        yield ox.Triple(quad.subject, quad.predicate, quad.object)


def dataset_options(
    store: ox.Store, dataset: Dataset, union: bool, *, staging_possible: bool = True
) -> dict[str, Any]:
    """pyoxigraph's query options for ``dataset`` (no dataset: the store's default graph, or the
    union of the named graphs when ``union``), with staging graphs hidden. Without
    ``staging_possible`` the caller knows no staging graph exists, and the graphs are not listed."""
    if dataset.is_specified:
        return {
            "default_graph": [ox.NamedNode(g) for g in dataset.default_graphs] or None,
            "named_graphs": [ox.NamedNode(g) for g in dataset.named_graphs] or None,
        }
    if not staging_possible:
        return {"use_default_graph_as_union": union}
    # Staging graphs exist only while a load of this process is under way (the RocksDB
    # lock keeps other processes out); once the server takes writes, queries run beside
    # loads, and the graph being staged must not show.
    graphs = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
    visible = [g for g in graphs if not is_staging(g.value)]
    if len(visible) == len(graphs):
        return {"use_default_graph_as_union": union}
    # A load is being staged: its graph must not show through GRAPH ?g or the union.
    default: list[ox.NamedNode | ox.DefaultGraph] = [*visible] if union else [ox.DefaultGraph()]
    return {"default_graph": default, "named_graphs": visible}


def take(items: Iterable[T], limit: int | None, stop: threading.Event) -> tuple[list[T], bool]:
    """At most ``limit`` items, and whether there were more; stops early when told to."""
    taken: list[T] = []
    for item in items:
        if stop.is_set():
            break
        taken.append(item)
        if limit is not None and len(taken) > limit:
            return taken[:limit], True
    return taken, False


class _Evaluations:
    """Runs queries with a time limit and a cap on how many evaluate at once.

    pyoxigraph cannot cancel a query, but it releases the GIL while evaluating, so each query
    runs on a daemon thread and the caller gets QueryTimeout when the limit passes. The
    abandoned evaluation is told to stop at its next row (streaming queries stop there; a
    sort or an aggregate finishes its work first) and keeps its place under the cap until it
    has, so runaway queries cannot pile up: past the cap, new queries are refused as Busy.
    """

    def __init__(self, limit: int):
        self.limit = limit
        self._slots = threading.BoundedSemaphore(limit)

    def run(self, work: Callable[[threading.Event], T], timeout: float | None) -> T:
        if not self._slots.acquire(blocking=False):
            raise Busy(
                f"{self.limit} queries are already being evaluated (some may be past their time "
                "limit); try again shortly (DEMOI_MAX_CONCURRENT_QUERIES)"
            )
        stop = threading.Event()
        if timeout is None:
            try:
                return work(stop)
            finally:
                self._slots.release()
        outcome: dict[str, Any] = {}

        def evaluate() -> None:
            try:
                outcome["value"] = work(stop)
            except BaseException as error:  # handed over to the caller's thread
                outcome["error"] = error
            finally:
                self._slots.release()

        worker = threading.Thread(target=evaluate, name="demoi-query", daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            stop.set()
            raise QueryTimeout(
                f"the query ran longer than the {timeout:g} s limit (DEMOI_QUERY_TIMEOUT)"
            )
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]  # type: ignore[no-any-return]

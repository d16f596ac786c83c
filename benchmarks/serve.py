"""Serving the integrator query mix over HTTP, beside Oxigraph in-process, rdflib-endpoint and
Virtuoso, with the result cache off and on.

    uv run python benchmarks/serve.py --store /tmp/national --dump /tmp/national.nq
    uv run python benchmarks/serve.py --quick --store /tmp/small-store

The data: the national demo store, built once (about 25 minutes on 2 cores) with

    uv run demoi demo --municipalities all --scale 1 --store /tmp/national

332 municipalities, 6,309 graphs, 1,039,802 triples (1,300,652 quads with provenance, catalogue
records and the standards). The store is never written: `demoi serve` runs on a copy, the
other systems read an N-Quads dump of it (made once, `--dump`). Writes (Graph Store PUTs that
empty the result cache) go to a small separate store made from the dump.

Seven queries, over the demo's own vocabulary and the union default graph, each run by 1, 8
and 32 concurrent clients for a fixed time (`--duration`), then the seven as a mix: `demoi serve`
as a real subprocess on a free loopback port (rate limits off, result cache off), the same
queries in-process on pyoxigraph (the on-disk store and an in-memory store loaded from the dump,
1 and 8 threads), rdflib-endpoint serving the dump in an rdflib Dataset (a separate environment:
`uv run --with rdflib-endpoint[web]`), and Virtuoso 7.2 (Debian's virtuoso-t, started on
127.0.0.1 with a generated virtuoso.ini, the dump bulk-loaded with ld_dir / rdf_loader_run).
The clients are several processes of threads with one keep-alive connection each; how fast they
go against a trivial endpoint is printed first, so one can see they are not the bottleneck.
Measured, never asserted: the targets of issue 5 are printed as PASS or FAIL with the numbers.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

PREFIXES = """PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
PREFIX common: <https://w3id.org/demoi/def/common#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX gtfs: <http://vocab.gtfs.org/terms#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX epo: <http://data.europa.eu/a4g/ontology#>
"""

#: The integrator mix. "lookup" is a template: each request names another sampled IRI.
QUERIES: dict[str, str] = {
    "lookup": "SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}",
    "filter_order_limit": (
        "SELECT ?line ?label ?paid WHERE { ?line a fin:ExpenditureLine ; rdfs:label ?label ; "
        "fin:paid ?paid . FILTER(?paid > 100000) } ORDER BY DESC(?paid) LIMIT 20"
    ),
    "aggregate": (
        "SELECT ?municipality ?year (SUM(?paid) AS ?total) (COUNT(?line) AS ?lines) WHERE { "
        "?line a fin:ExpenditureLine ; fin:municipality ?municipality ; fin:fiscalYear ?year ; "
        "fin:paid ?paid } GROUP BY ?municipality ?year ORDER BY ?municipality ?year"
    ),
    "join": (
        "SELECT ?person ?family ?organisation WHERE { ?membership org:member ?person . "
        "?membership org:organization ?organisation . ?person foaf:familyName ?family }"
    ),
    "optional": (
        "SELECT ?stop ?name ?wheelchair WHERE { ?stop a gtfs:Stop ; foaf:name ?name . "
        "OPTIONAL { ?stop gtfs:wheelchairAccessible ?wheelchair } }"
    ),
    "count_distinct": (
        "SELECT ?municipality (COUNT(DISTINCT ?contractor) AS ?contractors) WHERE { "
        "?contract a epo:Contract ; common:municipality ?municipality ; "
        "proc:contractor ?contractor } GROUP BY ?municipality"
    ),
    # The start is bound by its type: Virtuoso refuses a transitive path open at both ends.
    # DISTINCT: engines differ in how many times a path found in several graphs is counted.
    "path": (
        "SELECT DISTINCT ?unit ?ancestor WHERE { ?unit a org:OrganizationalUnit ; "
        "org:subOrganizationOf+ ?ancestor }"
    ),
}
MIX = tuple(QUERIES)

#: Resources an integrator looks up: the typed things of every functional area.
LOOKUP_CLASSES = (
    "https://w3id.org/demoi/def/finance#ExpenditureLine",
    "https://w3id.org/demoi/def/finance#RevenueLine",
    "https://w3id.org/demoi/def/decisions#Decision",
    "http://data.europa.eu/a4g/ontology#Contract",
    "http://data.europa.eu/m8g/PublicEvent",
    "http://vocab.gtfs.org/terms#Stop",
    "https://w3id.org/demoi/def/statistics#IndicatorObservation",
    "https://w3id.org/demoi/def/places#MunicipalFacility",
    "http://www.w3.org/ns/org#OrganizationalUnit",
)

RESULTS_JSON = "application/sparql-results+json"
#: Answered with one row by a ready endpoint holding any data.
PROBE = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"


def query_text(name: str, iri: str | None = None) -> str:
    body = QUERIES[name].format(iri=iri) if name == "lookup" else QUERIES[name]
    return PREFIXES + body


def sample_iris(store: ox.Store, count: int, seed: int = 5) -> list[str]:
    """IRIs of typed resources, drawn at random (but the same each run) from the whole store."""
    values = " ".join(f"<{c}>" for c in LOOKUP_CLASSES)
    found = sorted(
        {
            solution["s"].value
            for solution in store.query(  # type: ignore[union-attr]
                f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s a ?c }} VALUES ?c {{ {values} }} "
                "FILTER(isIRI(?s)) }"
            )
        }
    )
    return random.Random(seed).sample(found, min(count, len(found)))


# -- statistics ------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile, interpolated between ranks as numpy's default ("linear") does."""
    if not values:
        raise ValueError("no values")
    if len(values) == 1:
        return values[0]
    if p == 100:
        return max(values)
    # statistics.quantiles' inclusive method is the same linear interpolation; cut points
    # are at 1..99 %, so whole percentiles are exact.
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[int(p) - 1] if p >= 1 else min(values)


@dataclass
class Sample:
    label: str
    seconds: float
    ok: bool
    status: int = 200  # HTTP status; 0 when the connection failed


@dataclass
class Measured:
    system: str
    clients: int
    query: str
    requests: int
    errors: str  # how many failed and why: "0", or "12 (503×12)"
    rate: float
    p50: float
    p95: float
    p99: float
    rows: int | None = None


def summarise(
    system: str, clients: int, label: str, samples: Sequence[Sample], elapsed: float
) -> Measured:
    good = sorted(s.seconds for s in samples if s.ok)
    failed = Counter(s.status for s in samples if not s.ok)
    errors = str(sum(failed.values()))
    if failed:
        errors += " (" + ", ".join(f"{status}×{n}" for status, n in sorted(failed.items())) + ")"
    if not good:
        nan = float("nan")
        return Measured(system, clients, label, 0, errors, 0.0, nan, nan, nan)
    return Measured(
        system,
        clients,
        label,
        len(good),
        errors,
        len(good) / elapsed,
        percentile(good, 50) * 1000,
        percentile(good, 95) * 1000,
        percentile(good, 99) * 1000,
    )


# -- workloads -------------------------------------------------------------------------------


@dataclass
class Workload:
    """What the clients send: a label per request (cycled, or drawn by weight) and for each
    label one or more query texts (drawn at random per request)."""

    variants: dict[str, list[str]]
    weights: dict[str, float] | None = None
    write_every: int = 0  # a Graph Store PUT every N requests of each client (0: none)

    def picker(self, seed: int) -> Callable[[int], tuple[str, str]]:
        rng = random.Random(seed)
        labels = list(self.variants)
        weights = [self.weights[label] for label in labels] if self.weights else None

        def pick(number: int) -> tuple[str, str]:
            if weights:
                label = rng.choices(labels, weights)[0]
            else:
                label = labels[(number + seed) % len(labels)]
            return label, rng.choice(self.variants[label])

        return pick


def single_query(name: str, iris: Sequence[str]) -> Workload:
    if name == "lookup":
        return Workload({name: [query_text(name, iri) for iri in iris]})
    return Workload({name: [query_text(name)]})


def mix_workload(iris: Sequence[str]) -> Workload:
    return Workload({name: single_query(name, iris).variants[name] for name in MIX})


def portal_workload(iris: Sequence[str], distinct: int = 40, exponent: float = 1.1) -> Workload:
    """A portal's traffic: a few dozen distinct queries (the six fixed ones of the mix and
    lookups of popular resources), asked with Zipf-distributed frequencies."""
    texts = [query_text(name) for name in MIX if name != "lookup"]
    texts += [query_text("lookup", iri) for iri in iris[: max(0, distinct - len(texts))]]
    random.Random(7).shuffle(texts)
    variants = {f"q{rank:02d}": [text] for rank, text in enumerate(texts, 1)}
    weights = {label: 1 / rank**exponent for rank, label in enumerate(variants, 1)}
    return Workload(variants, weights)


# -- HTTP clients ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    path: str
    token: str = ""  # for the Graph Store PUTs of a write workload
    write_graph: str = ""


def _connection(endpoint: Endpoint) -> http.client.HTTPConnection:
    return http.client.HTTPConnection(endpoint.host, endpoint.port, timeout=300)


WRITE_BODY = (
    "<urn:bench:s> <urn:bench:p> {n} .\n<urn:bench:s> <http://www.w3.org/2000/01/rdf-schema#label>"
    ' "bench write {n}" .\n'
)


def _send(
    connection: http.client.HTTPConnection, endpoint: Endpoint, query: str
) -> tuple[int, bytes]:
    target = endpoint.path + "?" + urllib.parse.urlencode({"query": query})
    connection.request("GET", target, headers={"Accept": RESULTS_JSON})
    response = connection.getresponse()
    return response.status, response.read()


def _put(connection: http.client.HTTPConnection, endpoint: Endpoint, number: int) -> int:
    target = "/graph-store?" + urllib.parse.urlencode({"graph": endpoint.write_graph})
    connection.request(
        "PUT",
        target,
        body=WRITE_BODY.format(n=number).encode(),
        headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {endpoint.token}"},
    )
    response = connection.getresponse()
    response.read()
    return response.status


def _client_thread(
    endpoint: Endpoint, workload: Workload, seed: int, start: float, deadline: float,
    samples: list[Sample],
) -> None:  # fmt: skip
    pick = workload.picker(seed)
    connection = _connection(endpoint)
    number = 0
    while time.time() < start:
        time.sleep(0.001)
    while time.time() < deadline:
        number += 1
        writing = workload.write_every and number % workload.write_every == 0
        label = "write" if writing else ""
        began = time.perf_counter()
        try:
            if writing:
                status = _put(connection, endpoint, number)
                ok = status in (200, 201, 204)
            else:
                label, query = pick(number)
                status, _body = _send(connection, endpoint, query)
                ok = status == 200
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = _connection(endpoint)
            status, ok = 0, False
        samples.append(Sample(label, time.perf_counter() - began, ok, status))
    connection.close()


def _client_process(
    endpoint: Endpoint, workload: Workload, seeds: Sequence[int], start: float, deadline: float,
    queue: multiprocessing.Queue,  # type: ignore[type-arg]
) -> None:  # fmt: skip
    samples: list[Sample] = []
    threads = [
        threading.Thread(
            target=_client_thread, args=(endpoint, workload, seed, start, deadline, samples)
        )
        for seed in seeds
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put([(s.label, s.seconds, s.ok, s.status) for s in samples])


def run_http(
    endpoint: Endpoint, workload: Workload, clients: int, duration: float, processes: int = 4
) -> tuple[list[Sample], float]:
    """`clients` keep-alive connections spread over up to `processes` processes (so the
    client's own Python is not the bottleneck), each sending requests back to back for
    `duration` seconds; returns every request's sample and the time it took."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    count = max(1, min(processes, clients))
    seeds = [list(range(clients))[i::count] for i in range(count)]
    start = time.time() + 0.3
    deadline = start + duration
    workers = [
        context.Process(
            target=_client_process, args=(endpoint, workload, part, start, deadline, queue)
        )
        for part in seeds
    ]
    for worker in workers:
        worker.start()
    collected: list[Sample] = []
    for _ in workers:
        collected += [Sample(*row) for row in queue.get()]
    for worker in workers:
        worker.join()
    # A request still running at the deadline is waited for: the elapsed time includes it.
    return collected, max(duration, time.time() - start)


def run_inprocess(
    store: ox.Store, workload: Workload, threads: int, duration: float
) -> tuple[list[Sample], float]:
    """The engine's own limit: the same queries evaluated and serialised as SPARQL JSON
    (as the server does) by `threads` threads of this process."""
    samples: list[Sample] = []
    start = time.time()
    deadline = start + duration

    def work(seed: int) -> None:
        pick = workload.picker(seed)
        number = 0
        while time.time() < deadline:
            number += 1
            label, query = pick(number)
            began = time.perf_counter()
            result = store.query(query, use_default_graph_as_union=True)
            assert isinstance(result, ox.QuerySolutions)  # every query of the mix is a SELECT
            result.serialize(format=ox.QueryResultsFormat.JSON)
            samples.append(Sample(label, time.perf_counter() - began, True))

    workers = [threading.Thread(target=work, args=(seed,)) for seed in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return samples, time.time() - start


def count_rows(endpoint: Endpoint, query: str) -> int:
    connection = _connection(endpoint)
    try:
        status, body = _send(connection, endpoint, query)
    finally:
        connection.close()
    if status != 200:
        raise RuntimeError(f"HTTP {status}: {body[:300]!r}")
    return len(json.loads(body)["results"]["bindings"])


def inprocess_rows(store: ox.Store, query: str) -> int:
    return len(list(store.query(query, use_default_graph_as_union=True)))  # type: ignore[arg-type]


# -- systems under test ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(ready: Callable[[], bool], timeout: float, what: str, process=None) -> None:  # type: ignore[no-untyped-def]
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            if ready():
                return
        except (OSError, http.client.HTTPException, RuntimeError, ValueError, KeyError):
            pass  # not up yet
        time.sleep(0.5)
    raise RuntimeError(f"{what} not ready after {timeout:.0f} s")


def http_ok(port: int, path: str) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        return connection.getresponse().status == 200
    finally:
        connection.close()


def all_from_memory(port: int, clients: int = 8) -> bool:
    """Whether concurrent queries (enough to reach every worker) are all answered from the
    workers' in-memory copies; each query also starts its worker's copy loading."""
    engines: list[str] = []

    def ask() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t } LIMIT 1")
            connection.request("GET", f"/sparql?query={query}")
            response = connection.getresponse()
            response.read()
            engines.append(response.getheader("X-Demoi-Engine") or "")
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(0.5)
    return engines.count("memory") == clients


def stop(process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def demoi_executable() -> str:
    beside = Path(sys.executable).with_name("demoi")
    return str(beside) if beside.exists() else "demoi"


@contextmanager
def demoi_server(
    store: Path, log: Path, *, cache_entries: int, tokens: Path | None = None
) -> Iterator[Endpoint]:
    """`demoi serve` as an operator runs it, with the rate limits off."""
    port = free_port()
    environment = {
        **os.environ,
        "DEMOI_STORE": str(store),
        "DEMOI_HOST": "127.0.0.1",
        "DEMOI_PORT": str(port),
        "DEMOI_RATE_LIMIT": "",
        "DEMOI_TOKEN_RATE_LIMIT": "",
        "DEMOI_RESULT_CACHE_ENTRIES": str(cache_entries),
        "DEMOI_TOKENS": str(tokens or ""),
        # Every client queued, none refused: with the default (4) the clients past the fourth
        # are answered 503 at once, which measures refusals, not queries.
        "DEMOI_MAX_CONCURRENT_QUERIES": "64",
    }
    with log.open("ab") as output:
        process = subprocess.Popen(
            [demoi_executable(), "serve"], env=environment, stdout=output, stderr=output
        )
    try:
        wait_until(lambda: http_ok(port, "/healthz"), 300, "demoi serve", process)
        if environment.get("DEMOI_SERVE_FROM_MEMORY", "").lower() in {"1", "true", "yes", "on"}:
            wait_until(lambda: all_from_memory(port), 600, "the in-memory copies", process)
        yield Endpoint("127.0.0.1", port, "/sparql")
    finally:
        stop(process)


RDFLIB_LAUNCHER = """
import sys, time
import uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint
dump, port = sys.argv[1], int(sys.argv[2])
started = time.time()
dataset = Dataset(default_union=True)
dataset.parse(dump, format="nquads")
print(f"rdflib loaded {len(dataset)} quads in {time.time() - started:.0f} s", flush=True)
app = SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
"""


@contextmanager
def rdflib_server(dump: Path, folder: Path, load_timeout: float) -> Iterator[Endpoint]:
    """rdflib-endpoint in its own environment (not a dependency of demoi)."""
    port = free_port()
    launcher = folder / "rdflib_launcher.py"
    launcher.write_text(RDFLIB_LAUNCHER, encoding="utf-8")
    command = [
        "uv", "run", "--no-project", "--python", "3.11", "--with", "rdflib-endpoint[web]",
        "python", str(launcher), str(dump), str(port),
    ]  # fmt: skip
    log = folder / "rdflib.log"
    with log.open("ab") as output:
        process = subprocess.Popen(command, stdout=output, stderr=output, cwd=folder)
    try:
        wait_until(
            lambda: count_rows(Endpoint("127.0.0.1", port, "/sparql"), PROBE) == 1,
            load_timeout,
            "rdflib-endpoint",
            process,
        )
        yield Endpoint("127.0.0.1", port, "/sparql")
    finally:
        stop(process)


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 64
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
AllowOSCalls = 0
DirsAllowed = ., {data_dir}
NumberOfBuffers = 340000
MaxDirtyBuffers = 250000
MaxQueryMem = 2G
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 10
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 64
ServerThreads = 40
MaxKeepAlives = 64
KeepAliveTimeout = 60
EnabledDavVSP = 0
HTTPProxyEnabled = 0
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 10000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 300
"""


def isql(sql_port: int, statements: str, timeout: float = 1800) -> str:
    completed = subprocess.run(
        ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={statements}"],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if completed.returncode != 0 or "*** Error" in completed.stdout:
        raise RuntimeError(f"isql: {completed.stdout[-500:]} {completed.stderr[-500:]}")
    return completed.stdout


WKT = b"^^<http://www.opengis.net/ont/geosparql#wktLiteral>"
CRS_WKT = b'"<http://www.opengis.net/def/crs/'


def virtuoso_dump(dump: Path, folder: Path) -> tuple[Path, int]:
    """The dump as Virtuoso 7.2 can load it: its loader rejects the whole file at a WKT literal
    that names its reference system (GeoSPARQL's "<crs> POINT(...)"), so those few literals
    become plain strings. No query of the mix reads them. Returns the copy and how many."""
    copy = folder / "virtuoso-data" / dump.name
    copy.parent.mkdir()
    changed = 0
    with dump.open("rb") as source, copy.open("wb") as output:
        for line in source:
            if CRS_WKT in line and WKT in line:
                line = line.replace(WKT, b"")
                changed += 1
            output.write(line)
    return copy, changed


def bulk_load(sql_port: int, dump: Path, attempts: int = 3) -> None:
    """ld_dir + rdf_loader_run. Virtuoso 7.2's loader sometimes stops at "40001 Transaction
    deadlock" (seen once in three runs on this data); loading is idempotent (quads are a set),
    so the file is marked to load again and the loader rerun."""
    isql(sql_port, f"ld_dir('{dump.parent}', '{dump.name}', 'urn:demoi:bench:default');")
    failures = ""
    for _attempt in range(attempts):
        isql(sql_port, "rdf_loader_run(); checkpoint;")
        failures = isql(sql_port, "SELECT ll_file, ll_error FROM DB.DBA.load_list "
                        "WHERE ll_error IS NOT NULL;")  # fmt: skip
        if "0 Rows" in failures:
            return
        isql(sql_port, "UPDATE DB.DBA.load_list SET ll_state = 0, ll_error = NULL; checkpoint;")
    raise RuntimeError(f"Virtuoso did not load {dump}: {failures[-800:]}")


@contextmanager
def virtuoso_server(dump: Path, folder: Path) -> Iterator[tuple[Endpoint, float]]:
    """Virtuoso 7.2 on loopback with a fresh database; yields its endpoint and load time."""
    sql_port, http_port = free_port(), free_port()
    database = folder / "virtuoso"
    database.mkdir()
    ini = database / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(
            dir=database, sql_port=sql_port, http_port=http_port, data_dir=dump.parent
        ),
        encoding="utf-8",
    )
    log = folder / "virtuoso.out"
    with log.open("ab") as output:
        process = subprocess.Popen(
            ["virtuoso-t", "+foreground", "+configfile", str(ini)],
            stdout=output,
            stderr=output,
            cwd=database,
        )
    try:
        wait_until(lambda: isql(sql_port, "SELECT 1;", 10) != "", 120, "virtuoso", process)
        started = time.perf_counter()
        bulk_load(sql_port, dump)
        loaded = time.perf_counter() - started
        endpoint = Endpoint("127.0.0.1", http_port, "/sparql")
        wait_until(lambda: count_rows(endpoint, PROBE) == 1, 60, "virtuoso's /sparql", process)
        yield endpoint, loaded
    finally:
        stop(process)
        if process.returncode is None:
            process.kill()


TRIVIAL_APP = """
import sys
from waitress import serve
BODY = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"1"}}]}}'
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/sparql-results+json"),
                              ("Content-Length", str(len(BODY)))])
    return [BODY]
serve(app, host="127.0.0.1", port=int(sys.argv[1]), threads=8, _quiet=True)
"""


@contextmanager
def trivial_server(folder: Path) -> Iterator[Endpoint]:
    """A constant answer from waitress: what the clients reach when the server does nothing."""
    port = free_port()
    script = folder / "trivial.py"
    script.write_text(TRIVIAL_APP, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # waitress reports every queued task
    )
    try:
        wait_until(lambda: http_ok(port, "/sparql"), 30, "trivial server", process)
        yield Endpoint("127.0.0.1", port, "/sparql")
    finally:
        stop(process)


# -- stores ----------------------------------------------------------------------------------


def dump_store(store: Path, dump: Path) -> None:
    """N-Quads of the whole store, for the systems that cannot read an Oxigraph folder."""
    partial = dump.with_suffix(".part")
    ox.Store.read_only(str(store)).dump(str(partial), ox.RdfFormat.N_QUADS)
    partial.replace(dump)


def small_store(dump: Path, folder: Path, municipalities: Sequence[str]) -> Path:
    """A separate store with the graphs of a few municipalities, for the write workloads."""
    marks = tuple(f"/graph/{code}/" for code in municipalities)
    subset = folder / "small.nq"
    with dump.open("rb") as source, subset.open("wb") as output:
        for line in source:
            if any(mark.encode() in line for mark in marks):
                output.write(line)
    path = folder / "small-store"
    ox.Store(str(path)).bulk_load(path=str(subset), format=ox.RdfFormat.N_QUADS)
    return path


def admin_token(tokens: Path) -> str:
    completed = subprocess.run(
        [demoi_executable(), "token", "create", "--admin"],
        env={**os.environ, "DEMOI_TOKENS": str(tokens)},
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.strip().splitlines()[-1]


# -- the run ---------------------------------------------------------------------------------


@dataclass
class Report:
    rows: list[Measured] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    row_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    extra: list[Measured] = field(default_factory=list)

    def note(self, text: str) -> None:
        print(text, flush=True)
        self.notes.append(text)

    def add(self, measured: Measured, extra: bool = False) -> None:
        print(format_row(measured), flush=True)
        (self.extra if extra else self.rows).append(measured)

    def find(self, system: str, clients: int, query: str) -> Measured | None:
        for measured in self.rows + self.extra:
            if (measured.system, measured.clients, measured.query) == (system, clients, query):
                return measured
        return None


HEADER = "| system | clients | query | requests | req/s | p50 ms | p95 ms | p99 ms | errors |"


def format_row(m: Measured) -> str:
    return (
        f"| {m.system} | {m.clients} | {m.query} | {m.requests} | {m.rate:,.1f} | {m.p50:,.1f} "
        f"| {m.p95:,.1f} | {m.p99:,.1f} | {m.errors} |"
    )


def measure_each(
    report: Report, system: str, clients_list: Sequence[int], iris: Sequence[str],
    duration: float, run: Callable[[Workload, int], tuple[list[Sample], float]],
) -> None:  # fmt: skip
    """Each query alone, then the mix, at each number of clients."""
    for clients in clients_list:
        for name in MIX:
            samples, elapsed = run(single_query(name, iris), clients)
            report.add(summarise(system, clients, name, samples, elapsed))
        samples, elapsed = run(mix_workload(iris), clients)
        report.add(summarise(system, clients, "mix", samples, elapsed))


def check_rows(
    report: Report, system: str, rows_of: Callable[[str], int], iris: Sequence[str]
) -> None:
    counts = {name: rows_of(query_text(name, iris[0] if iris else None)) for name in MIX}
    report.row_counts[system] = counts
    report.note(f"rows per query, {system}: {counts}")


def targets(report: Report, server: str, inprocess: str, rdflib: str, virtuoso: str) -> list[str]:
    lines = []

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    served, engine = report.find(server, 8, "mix"), report.find(inprocess, 8, "mix")
    if served and engine:
        lines.append(
            f"- {verdict(served.rate >= engine.rate / 2)} at 8 clients, at least half the "
            f"in-process rate: {served.rate:,.1f} req/s served, {engine.rate:,.1f} in-process "
            f"({served.rate / engine.rate:.0%})"
        )
    slow = report.find(rdflib, 8, "mix")
    if served and slow:
        factor = served.rate / slow.rate if slow.rate else float("inf")
        lines.append(
            f"- {verdict(factor >= 10)} at 8 clients, at least 10× rdflib-endpoint: "
            f"{served.rate:,.1f} against {slow.rate:,.2f} req/s ({factor:,.1f}×)"
        )
    for clients in (1, 8, 32):
        lookups = report.find(server, clients, "lookup")
        if lookups:
            lines.append(
                f"- {verdict(lookups.p99 < 100)} p99 of IRI lookups under 100 ms at {clients} "
                f"client(s): {lookups.p99:,.1f} ms"
            )
    for name in MIX:
        ours, theirs = report.find(server, 1, name), report.find(virtuoso, 1, name)
        if ours and theirs:
            factor = ours.p50 / theirs.p50
            lines.append(
                f"- {verdict(factor <= 1.5)} {name} no more than 1.5× Virtuoso's time (p50, one "
                f"client): {ours.p50:,.1f} ms against {theirs.p50:,.1f} ms ({factor:.2f}×)"
            )
    return lines


SERVED, DISK, MEMORY = (
    "demoi serve, cache off",
    "oxigraph in-process, disk",
    "oxigraph in-process, memory",
)
VIRTUOSO, RDFLIB = "virtuoso 7.2", "rdflib-endpoint"
CLIENT = "client vs trivial waitress"
TRIVIAL, TRIVIAL_QUERY = "trivial", "SELECT (1 AS ?one) WHERE {}"
PORTAL = "portal (Zipf, 40 queries)"
COMPARED = (SERVED, DISK, MEMORY, VIRTUOSO, RDFLIB)


def side_by_side(report: Report, clients: int, value: str) -> list[str]:
    """One row per query, one column per system: p50 ms or req/s at `clients` clients."""
    lines = [
        "| query | " + " | ".join(COMPARED) + " | memory, × faster |",
        "|---|" + "---:|" * (len(COMPARED) + 1),
    ]
    for name in (TRIVIAL, *MIX, "mix"):
        found = [report.find(system, clients, name) for system in COMPARED]
        cells = [f"{getattr(m, value):,.1f}" if m else "" for m in found]
        disk, memory = found[1], found[2]
        ratio = ""
        if disk and memory:
            ratio = f"{disk.p50 / memory.p50:.1f}×" if value == "p50" else (
                f"{memory.rate / disk.rate:.1f}×")  # fmt: skip
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {ratio} |")
    return lines


def cache_lines(report: Report) -> list[str]:
    """The same workload with the cache off and on, side by side."""
    runs: dict[tuple[str, str], dict[str, Measured]] = {}
    for m in report.extra:
        server, _, state = m.system.rpartition(", cache ")
        runs.setdefault((server, m.query), {})[state] = m
    lines = []
    for (server, query), by_state in runs.items():
        off, on = by_state.get("off"), by_state.get("on")
        if off and on and off.rate:
            lines.append(
                f"- {server}, {query}: {off.rate:,.1f} req/s (p50 {off.p50:,.1f} ms, p99 "
                f"{off.p99:,.1f} ms) with the cache off, {on.rate:,.1f} req/s (p50 {on.p50:,.1f} "
                f"ms, p99 {on.p99:,.1f} ms) on: {on.rate / off.rate:.1f}×"
            )
    return lines


def query_lines() -> list[str]:
    return [f"- {name}: `{QUERIES[name].replace('{{', '{').replace('}}', '}')}`" for name in MIX]


def markdown(report: Report, title: str, target_lines: list[str]) -> str:
    parts = [f"# {title}", ""]
    parts += [f"- {note}" for note in report.notes]
    parts += ["", "## Targets", "", *target_lines]
    parts += ["", "## One client (one thread): p50 ms", "", *side_by_side(report, 1, "p50")]
    parts += ["", "## Eight clients (threads): requests/s", "", *side_by_side(report, 8, "rate")]
    parts += ["", "## Result cache", "", *cache_lines(report)]
    parts += [
        "",
        "## The queries",
        "",
        "Prefixes as in benchmarks/serve.py; lookups name another sampled IRI each time.",
        "",
        *query_lines(),
    ]
    parts += ["", "## Every measurement", "", HEADER]
    parts += ["|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    parts += [format_row(m) for m in report.rows]
    if report.extra:
        parts += ["", "## Result cache, writes", "", HEADER]
        parts += ["|---|---:|---|---:|---:|---:|---:|---:|---:|"]
        parts += [format_row(m) for m in report.extra]
    return "\n".join(parts) + "\n"


def measure_cache(
    report: Report, store: Path, folder: Path, iris: Sequence[str], args: argparse.Namespace
) -> None:
    """A portal's repeated queries with the cache off and on, without and with writes."""
    portal = portal_workload(iris)
    tokens = folder / "tokens.json"
    token = admin_token(tokens)
    for entries in (0, args.cache_entries):
        name = f"demoi serve (small store, writes), cache {'on' if entries else 'off'}"
        with demoi_server(store, folder / "demoi.log", cache_entries=entries, tokens=tokens) as e:
            endpoint = Endpoint(
                e.host, e.port, e.path, token, f"http://{e.host}:{e.port}/graph/bench"
            )
            for write_every in (0, args.write_every):
                workload = Workload(portal.variants, portal.weights, write_every)
                samples, elapsed = run_http(endpoint, workload, 8, args.duration, args.processes)
                reads = [s for s in samples if s.label != "write"]
                label = "portal" + (f", PUT every {write_every}" if write_every else "")
                report.add(summarise(name, 8, label, reads, elapsed), extra=True)
                writes = [s for s in samples if s.label == "write"]
                if writes:
                    report.add(summarise(name, 8, label + ": the PUTs", writes, elapsed), True)


class Run:
    """One benchmark run: its options, its scratch folder, the sampled IRIs and the report."""

    def __init__(self, args: argparse.Namespace, folder: Path):
        self.args, self.folder, self.report = args, folder, Report()
        self.clients = [int(c) for c in args.clients.split(",")]
        self.dump: Path = args.dump or folder / "store.nq"
        if not self.dump.exists():
            dump_store(args.store, self.dump)
        disk = ox.Store.read_only(str(args.store))
        self.iris = sample_iris(disk, args.iris)
        self.report.note(
            f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, pyoxigraph {ox.__version__}, "
            f"store {args.store} ({len(disk):,} quads), {len(self.iris)} IRIs sampled for "
            f"lookups, {args.duration:g} s per measurement, client processes: {args.processes}"
        )
        check_rows(self.report, "oxigraph in-process", lambda q: inprocess_rows(disk, q), self.iris)

    def timed_note(self, started: float, text: str) -> None:
        self.report.note(text.format(seconds=time.perf_counter() - started))

    def inprocess(self, system: str, store: ox.Store) -> None:
        duration = self.args.duration
        measure_each(self.report, system, [1, 8], self.iris, duration,
                     lambda w, c: run_inprocess(store, w, c, duration))  # fmt: skip

    def over_http(self, system: str, endpoint: Endpoint, clients: Sequence[int]) -> None:
        duration, processes = self.args.duration, self.args.processes
        check_rows(self.report, system, lambda q: count_rows(endpoint, q), self.iris)
        # What a request costs before the engine has anything to do.
        samples, elapsed = run_http(endpoint, Workload({TRIVIAL: [TRIVIAL_QUERY]}), 1, duration)
        self.report.add(summarise(system, 1, TRIVIAL, samples, elapsed))
        measure_each(self.report, system, clients, self.iris, duration,
                     lambda w, c: run_http(endpoint, w, c, duration, processes))  # fmt: skip

    def client(self) -> None:
        with trivial_server(self.folder) as endpoint:
            for clients in self.clients:
                samples, elapsed = run_http(endpoint, Workload({"trivial": ["ASK {}"]}), clients,
                                            self.args.duration, self.args.processes)  # fmt: skip
                self.report.add(summarise(CLIENT, clients, "constant", samples, elapsed))

    def disk(self) -> None:
        self.inprocess(DISK, ox.Store.read_only(str(self.args.store)))

    def memory(self) -> None:
        started = time.perf_counter()
        memory = ox.Store()
        memory.bulk_load(path=str(self.dump), format=ox.RdfFormat.N_QUADS)
        self.timed_note(started, "in-memory Oxigraph loaded the dump in {seconds:.1f} s")
        self.inprocess(MEMORY, memory)

    def served_store(self) -> Path:
        """demoi serve opens its store for writing: it gets a copy, the original stays as is."""
        served = self.folder / "served-store"
        if not served.exists():
            started = time.perf_counter()
            shutil.copytree(self.args.store, served)
            self.timed_note(started, "copied the store for demoi serve in {seconds:.1f} s")
        return served

    def demoi(self) -> None:
        with demoi_server(self.served_store(), self.folder / "demoi.log", cache_entries=0) as e:
            self.over_http(SERVED, e, self.clients)

    def cache(self) -> None:
        portal = portal_workload(self.iris)
        for entries in (0, self.args.cache_entries):
            name = f"demoi serve, cache {'on' if entries else 'off'}"
            log = self.folder / "demoi.log"
            with demoi_server(self.served_store(), log, cache_entries=entries) as endpoint:
                samples, elapsed = run_http(endpoint, portal, 8, self.args.duration,
                                            self.args.processes)  # fmt: skip
                self.report.add(summarise(name, 8, PORTAL, samples, elapsed), True)
        codes = self.args.write_municipalities
        small = small_store(self.dump, self.folder, codes.split(","))
        small_iris = sample_iris(ox.Store.read_only(str(small)), 40)
        self.report.note(f"writes go to a separate store holding the graphs of {codes}")
        measure_cache(self.report, small, self.folder, small_iris, self.args)

    def virtuoso(self) -> None:
        loadable, changed = virtuoso_dump(self.dump, self.folder)
        with virtuoso_server(loadable, self.folder) as (endpoint, loaded):
            self.report.note(
                f"Virtuoso bulk-loaded the dump in {loaded:.1f} s ({changed} WKT literals "
                "with a reference system loaded as plain strings: its loader rejects them)"
            )
            self.over_http(VIRTUOSO, endpoint, self.clients)

    def rdflib(self) -> None:
        started = time.perf_counter()
        with rdflib_server(self.dump, self.folder, self.args.rdflib_load_timeout) as endpoint:
            self.timed_note(started, "rdflib-endpoint loaded the dump in {seconds:.0f} s")
            clients = [int(c) for c in self.args.rdflib_clients.split(",")]
            self.over_http(RDFLIB, endpoint, clients)


SYSTEMS = ("client", "disk", "memory", "demoi", "cache", "virtuoso", "rdflib")


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/national"))
    parser.add_argument("--dump", type=Path, help="N-Quads of the store (made if missing)")
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument("--duration", type=float, help="seconds per measurement (8; quick: 1)")
    parser.add_argument(
        "--clients", help="numbers of clients, comma-separated (1,8,32; quick: 1,8)"
    )
    parser.add_argument(
        "--systems",
        help=f"which to measure, comma-separated, of {','.join(SYSTEMS)} (default: all; with "
        "--quick all but rdflib, whose load takes minutes)",
    )
    parser.add_argument("--processes", type=int, default=4, help="client processes")
    parser.add_argument("--iris", type=int, help="IRIs sampled for lookups (500; quick: 50)")
    parser.add_argument("--rdflib-clients", default="1,8")
    parser.add_argument("--rdflib-load-timeout", type=float, default=1200)
    parser.add_argument("--cache-entries", type=int, default=256)
    parser.add_argument("--write-every", type=int, default=20)
    parser.add_argument("--write-municipalities", default="4401,7101,0701,4501")
    parser.add_argument("--output", type=Path, help="write the tables as Markdown here")
    args = parser.parse_args(argv)
    args.duration = args.duration or (1.0 if args.quick else 8.0)
    args.clients = args.clients or ("1,8" if args.quick else "1,8,32")
    args.iris = args.iris or (50 if args.quick else 500)
    default = [name for name in SYSTEMS if not (args.quick and name == "rdflib")]
    args.systems = args.systems.split(",") if args.systems else default
    unknown = set(args.systems) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown systems: {', '.join(sorted(unknown))}")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_arguments(argv)
    with tempfile.TemporaryDirectory(prefix="demoi-serve-bench-") as temporary:
        run = Run(args, Path(temporary))
        for name in SYSTEMS:
            if name in args.systems:
                # Other work on the machine shows in every number: say how busy it was.
                load = os.getloadavg()[0]
                run.report.note(f"{name}: starting with a load average of {load:.1f}")
                try:
                    getattr(run, name)()
                except Exception as error:  # a long run goes on with the other systems
                    run.report.note(f"{name}: not measured, {type(error).__name__}: {error}")
                if args.output:
                    save(run.report, args.output)
    report = run.report
    target_lines = targets(report, SERVED, DISK, RDFLIB, VIRTUOSO)
    print("\n".join(["", "Targets:", *target_lines, "", *side_by_side(report, 1, "p50")]))
    print("\n".join(["", *side_by_side(report, 8, "rate"), "", *cache_lines(report)]))


def save(report: Report, output: Path) -> None:
    """Written after each system, so a run cut short keeps what it measured."""
    target_lines = targets(report, SERVED, DISK, RDFLIB, VIRTUOSO)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(markdown(report, "Serving benchmark", target_lines), "utf-8")


if __name__ == "__main__":
    main()

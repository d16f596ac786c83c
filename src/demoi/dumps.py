"""Dataset dumps: every published graph of a municipality's dataset (or of one period) in one
file, as Turtle, N-Triples, JSON-LD, or CSV for tabular datasets. The server serves them at
``{base}dump/<code>/<dataset>[/<period>].<ext>`` (demoi.server.dumps) and the catalogue links
to them as download distributions.

The CSV of a dataset is the answer of its mapping's table query,
``mappings/<area>/<mapping name>.table.rq`` (a SELECT, one row per observation or line), run
with the dataset's graphs as the default graph and the store's base as the base IRI (the
queries take code lists' labels from ``<graph/standards/>`` only). A cell that a spreadsheet
would read as a formula is written with a leading ``'`` (``neutralised``).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from demoi.catalogue import RESERVED_DATASETS
from demoi.formats import csv_term
from demoi.iris import MAPPING_PLANS, dataset_graph, is_reserved, provenance_graph
from demoi.server.ld_page import PREFIXES
from demoi.store import OxigraphStore
from demoi.store.base import Dataset, Store

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
TABLE_QUERY_SUFFIX = ".table.rq"
_SEGMENT = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CODE = re.compile(r"^[0-9]{4}$")
#: A graph of a municipality's dataset: ``.../graph/<code>/<dataset>[/<period>]``.
_DATASET_GRAPH = re.compile(r"/graph/([0-9]{4})/([a-z0-9][a-z0-9-]*)(?:/[a-z0-9][a-z0-9-]*)?$")
#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A number as a spreadsheet reads one: kept as it is, sign and all, for machine readers.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
#: Characters of CSV written to the output at a time.
_CSV_CHUNK = 1 << 16


@dataclass(frozen=True)
class DumpFormat:
    ext: str
    media_type: str
    #: The notation in the EU file-type authority table (dct:format of a distribution).
    file_type: str
    rdf_format: ox.RdfFormat | None = None

    @property
    def file_type_iri(self) -> str:
        return FILE_TYPES + self.file_type


DUMP_FORMATS: dict[str, DumpFormat] = {
    fmt.ext: fmt
    for fmt in (
        DumpFormat("ttl", "text/turtle", "RDF_TURTLE", ox.RdfFormat.TURTLE),
        DumpFormat("nt", "application/n-triples", "RDF_N_TRIPLES", ox.RdfFormat.N_TRIPLES),
        DumpFormat("jsonld", "application/ld+json", "JSON_LD", ox.RdfFormat.JSON_LD),
        DumpFormat("csv", "text/csv", "CSV"),
    )
}


# -- table queries ------------------------------------------------------------------------


def table_query_path(mapping: Mapping) -> Path | None:
    """``<name>.table.rq`` beside the mapping's descriptor, if the mapping has one."""
    if mapping.descriptor is None:
        return None
    path = mapping.descriptor.with_name(mapping.name + TABLE_QUERY_SUFFIX)
    return path if path.is_file() else None


@cache
def _table_queries() -> dict[str, dict[str, str]]:
    """Dataset id -> mapping name -> table query text, for every mapping with a table query."""
    # Imported here: demoi.lifting brings the lifting's libraries (a third of a second), which
    # the server needs only when a CSV is first asked for.
    from demoi.lifting.mappings import available_mappings

    found: dict[str, dict[str, str]] = {}
    for name, mapping in sorted(available_mappings().items()):
        path = table_query_path(mapping)
        if path is not None:
            found.setdefault(mapping.dataset, {})[name] = path.read_text(encoding="utf-8")
    return found


def table_query(dataset_id: str) -> str | None:
    """The table query of ``dataset_id`` (the first, by mapping name, of the mappings that
    publish into it and have one), or None when the dataset has no CSV."""
    queries = _table_queries().get(dataset_id, {})
    return next(iter(queries.values()), None)


def mapping_table_query(mapping_name: str) -> str | None:
    for queries in _table_queries().values():
        if mapping_name in queries:
            return queries[mapping_name]
    return None


def lifted_table_query(store: Store, base: str, graphs: list[str]) -> str | None:
    """The table query of the mapping the graphs were lifted with, by their provenance: a
    dataset lifted under an id of its own (``demoi lift --dataset``, as the demo's
    water-meter-readings) has no mapping of that id, but its plan names the mapping."""
    if not graphs:
        return None
    values = " ".join(f"<{graph}>" for graph in graphs)
    answer = store.query(
        "PREFIX prov: <http://www.w3.org/ns/prov#> SELECT DISTINCT ?plan WHERE { "
        f"VALUES ?graph {{ {values} }} GRAPH <{provenance_graph(base)}> {{ "
        "?graph prov:wasGeneratedBy ?activity . "
        "?activity prov:qualifiedAssociation/prov:hadPlan ?plan } } ORDER BY ?plan"
    )
    for plan, *_rest in answer.rows:
        if isinstance(plan, ox.NamedNode) and plan.value.startswith(MAPPING_PLANS):
            query = mapping_table_query(plan.value.removeprefix(MAPPING_PLANS))
            if query is not None:
                return query
    return None


def dataset_table_query(store: Store, base: str, dataset: str, graphs: list[str]) -> str | None:
    return table_query(dataset) or lifted_table_query(store, base, graphs)


# -- graphs -------------------------------------------------------------------------------


def dump_graphs(
    store: Store, base: str, code: str, dataset: str, period: str | None = None
) -> list[str]:
    """The published graphs a dump holds, sorted: ``{base}graph/<code>/<dataset>`` and every
    ``{base}graph/<code>/<dataset>/<period>``, or with ``period`` that one graph. Empty for
    what is no dataset: a malformed code or segment, or a graph demoi keeps itself."""
    segments = (dataset,) if period is None else (dataset, period)
    if not _CODE.match(code) or not all(_SEGMENT.match(part) for part in segments):
        return []
    if dataset in RESERVED_DATASETS:
        return []
    whole = dataset_graph(base, code, dataset)
    if period is not None:
        wanted = dataset_graph(base, code, dataset, period)
        found = _graphs_starting_with(store, wanted)
        return [wanted] if wanted in found else []
    periods = re.compile(re.escape(whole) + r"(/[a-z0-9][a-z0-9-]*)?")
    return sorted(
        graph
        for graph in _graphs_starting_with(store, whole)
        if periods.fullmatch(graph) and not is_reserved(graph)
    )


def _graphs_starting_with(store: Store, prefix: str) -> set[str]:
    # The store hides staging graphs from GRAPH ?g; a graph may be empty and still published.
    literal = ox.Literal(prefix)
    answer = store.query(
        f"SELECT ?g WHERE {{ GRAPH ?g {{}} FILTER(STRSTARTS(STR(?g), {literal})) }}"
    )
    return {term.value for (term, *_rest) in answer.rows if isinstance(term, ox.NamedNode)}


def dataset_of(graph: str) -> str | None:
    """The dataset id a municipality's graph IRI names, or None."""
    matched = _DATASET_GRAPH.search(graph)
    return matched.group(2) if matched else None


# -- writing ------------------------------------------------------------------------------


def _triples(store: Store, graphs: Iterable[str]) -> Iterator[ox.Triple]:
    # Store.quads reads lazily, so a dump never holds a whole graph in memory; each quad's
    # blank nodes keep their store identity, so their labels survive in the output.
    for graph in graphs:
        for quad in store.quads(graph):
            yield quad.triple


def write_dump(
    store: Store,
    graphs: list[str],
    ext: str,
    output: BinaryIO,
    *,
    prefixes: dict[str, str] | None = None,
    table: str | None = None,
    timeout: float | None = None,
    in_worker: bool = False,
) -> None:
    """Write the union of ``graphs`` to ``output`` in the dump format ``ext``. RDF formats
    stream (the triples of each graph in turn; a triple in two graphs is written twice);
    ``prefixes`` shorten Turtle. CSV runs ``table`` (by default the table query of the
    graphs' dataset) with the graphs as the default graph, with no row limit and ``timeout``
    seconds at most (QueryTimeout past it; ``in_worker``: see ``csv_dump``)."""
    fmt = DUMP_FORMATS[ext]
    if fmt.rdf_format is not None:
        ox.serialize(
            _triples(store, graphs),
            output,
            fmt.rdf_format,
            prefixes=PREFIXES if prefixes is None else prefixes,
        )
        return
    for chunk in csv_dump(store, graphs, table=table, timeout=timeout, in_worker=in_worker):
        output.write(chunk)


def csv_dump(
    store: Store,
    graphs: list[str],
    *,
    table: str | None = None,
    timeout: float | None = None,
    in_worker: bool = False,
) -> Iterator[bytes]:
    """The CSV dump of ``graphs``, in chunks. The query runs (to its end, since the table
    queries sort) before the first chunk is yielded, so a timeout raises before any byte.
    ``in_worker``: in a query worker process of an OxigraphStore, which is killed past
    ``timeout`` and keeps the evaluation's memory out of the calling process."""
    query = table or _graphs_table_query(graphs)
    if query is None:
        raise ValueError(f"no table query for the graphs {graphs}")
    dataset = Dataset(default_graphs=tuple(graphs))
    base = base_of(graphs)
    if in_worker and isinstance(store, OxigraphStore):
        answer = store.query_in_worker(
            query, formats={"table": "csv"}, dataset=dataset, timeout=timeout, base_iri=base
        )
        # The worker writes SPARQL CSV: read back, decoded as it is read, to neutralise its
        # cells row by row.
        body = io.TextIOWrapper(io.BytesIO(answer.body), encoding="utf-8", newline="")
        rows: Iterator[list[str]] = csv.reader(body)
    else:
        result = store.query(query, dataset=dataset, timeout=timeout, max_rows=None, base_iri=base)
        cells = ([csv_term(term) for term in row] for row in result.rows)
        rows = itertools.chain([result.variables], cells)
    return _csv_chunks(rows)


def _csv_chunks(rows: Iterator[list[str]]) -> Iterator[bytes]:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(next(rows))  # the header: variable names, never a formula
    for row in rows:
        writer.writerow([neutralised(cell) for cell in row])
        if text.tell() >= _CSV_CHUNK:
            yield text.getvalue().encode()
            text.seek(0)
            text.truncate()
    yield text.getvalue().encode()


def neutralised(cell: str) -> str:
    """``cell`` with a leading ``'`` when a spreadsheet would run it as a formula (``=``,
    ``+``, ``-``, ``@``, tab, carriage return), unless it is a number: ``-120.50`` and ``+30``
    stay as they are, for the programs that read the CSV."""
    if cell.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def base_of(graphs: list[str]) -> str | None:
    """The store's base IRI, from the name of a dataset's graph (``{base}graph/<code>/...``)."""
    for graph in graphs:
        matched = _DATASET_GRAPH.search(graph)
        if matched:
            return graph[: matched.start() + 1]
    return None


def _graphs_table_query(graphs: list[str]) -> str | None:
    for dataset in sorted({found for graph in graphs if (found := dataset_of(graph))}):
        query = table_query(dataset)
        if query is not None:
            return query
    return None

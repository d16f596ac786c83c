"""The store interface every backend implements.

The embedded Oxigraph backend (``demoi.store.oxigraph``) is the default; a remote SPARQL 1.1
server implements the same methods with the Graph Store and Update protocols. Terms are
pyoxigraph's (``NamedNode``, ``Literal``, ``BlankNode``, ``Quad``), which every backend can
produce by parsing what it reads.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from demoi.store.sparql_text import Change

QueryKind = Literal["solutions", "boolean", "graph"]
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Row = tuple[Term | None, ...]


@dataclass(frozen=True)
class GraphInfo:
    iri: str
    triples: int


@dataclass
class QueryResult:
    """A query's answer, already cut to the row limit, ready to serialize in any format."""

    kind: QueryKind
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    #: True when the answer had more rows (or triples) than the limit allowed.
    truncated: bool = False


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a query runs over, as the SPARQL protocol lets a client choose it."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def is_specified(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


#: No dataset given: the store's own default graph and all named graphs.
ALL_GRAPHS = Dataset()


class Store(abc.ABC):
    """A quad store with atomic, whole-graph replacement."""

    @abc.abstractmethod
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
        """Replace the content of ``graph`` with the RDF in ``source``; return the triple count.

        Atomic: on any error (a syntax error at line N included) the previous content stays.
        ``bulk`` streams the file into a staging graph instead of parsing it into memory; the
        swap is still one transaction, which Oxigraph buffers, so it lowers the peak memory
        (by a third, measured) but does not bound it, and is not faster (benchmarks/README.md).
        ``provenance_update`` (SPARQL Update operations, or a ``Change``) is applied in the
        same transaction.
        """

    @abc.abstractmethod
    def drop(self, graph: str, *, provenance_update: str = "") -> bool:
        """Remove ``graph``; return whether it existed."""

    @abc.abstractmethod
    def graphs(self) -> list[GraphInfo]:
        """Every named graph with its triple count, sorted by IRI (staging graphs hidden)."""

    @abc.abstractmethod
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
        """Run a SPARQL 1.1 query; raise QuerySyntaxError (with the position) or QueryTimeout.
        Relative IRIs resolve against ``base_iri`` (the endpoint's, for a protocol request)."""

    @abc.abstractmethod
    def update(
        self, update: str, *, allowed_hosts: tuple[str, ...] = (), base_iri: str | None = None
    ) -> None:
        """Run a SPARQL 1.1 update, atomically; LOAD and SERVICE only to ``allowed_hosts``;
        relative IRIs resolve against ``base_iri``."""

    @abc.abstractmethod
    def revert(self, added: Iterable[ox.Quad], removed: Iterable[ox.Quad]) -> None:
        """Take a write back: remove the quads it added, add back those it removed. Blank nodes
        keep their identity, which an INSERT DATA of the old quads would not."""

    @abc.abstractmethod
    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        """Every quad of ``graph`` (or of the whole store), staging graphs excluded."""

    @abc.abstractmethod
    def dump(self, target: Path) -> int:
        """Write every quad as N-Quads to ``target``; return the count. Atomic on disk."""

    @abc.abstractmethod
    def restore(self, source: Path) -> int:
        """Replace the whole store with the N-Quads in ``source``, atomically."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the store (flush and unlock)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

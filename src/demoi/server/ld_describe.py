"""What the store and the standards say about one IRI: its description, its incoming links,
the labels of the IRIs around it, and, for a named graph, what the graph holds.

A page costs a few bounded queries on the store, whatever the IRI: one for the description,
one for the incoming links (with their count), one batched for labels, and for a graph one for
its size and one for a page of its resources. The standards' triples come from the in-memory
copy (ld_standards), and the store's copies of them are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from demoi.server.ld_standards import Standards
from demoi.store import Store

SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
#: Where a label comes from, best first.
LABEL_PROPERTIES = tuple(
    ox.NamedNode(iri)
    for iri in (
        SKOS + "prefLabel",
        RDFS + "label",
        DCTERMS + "title",
        "http://xmlns.com/foaf/0.1/name",
        "https://schema.org/name",
        "http://schema.org/name",
        "http://www.w3.org/ns/locn#geographicName",
    )
)
_LABEL_RANK = {prop.value: rank for rank, prop in enumerate(LABEL_PROPERTIES)}
#: Marks, in the label query's answer, an IRI the store describes without a label.
_KNOWN = ox.NamedNode("urn:demoi:known")

MAX_DESCRIPTION_QUADS = 10_000
MAX_INCOMING = 50
MAX_COUNTED = 10_000
MAX_LABELLED = 2_000
RESOURCES_PER_PAGE = 100
#: How many blank nodes deep the store's description goes (the standards' has no limit);
#: demoi's data nests blank nodes two deep at most (validation results in provenance).
BLANK_DEPTH = 3


@dataclass
class Context:
    store: Store
    standards: Standards
    timeout: float

    def select(self, query: str, max_rows: int) -> list[tuple[ox.NamedNode | None, ...]]:
        result = self.store.query(query, timeout=self.timeout, max_rows=max_rows)
        return result.rows  # type: ignore[return-value]

    @property
    def not_standards(self) -> str:
        """A filter that leaves out the store's copies of the standards graphs."""
        prefix = ox.Literal(self.standards.graph_prefix)
        return f"FILTER(!STRSTARTS(STR(?g), {prefix}))"


@dataclass
class Incoming:
    links: list[ox.Quad] = field(default_factory=list)
    total: int = 0
    #: False when there are more than ``total`` (the count stopped at MAX_COUNTED).
    complete: bool = True


@dataclass
class Labels:
    by_iri: dict[str, list[ox.Literal]] = field(default_factory=dict)
    #: IRIs that the store or the standards describe (so this server has a page for them).
    known: set[str] = field(default_factory=set)


@dataclass
class GraphContent:
    triples: int
    resources: list[ox.NamedNode]
    has_more: bool


def _store_description_query(context: Context, iri: str) -> str:
    node = ox.NamedNode(iri)
    same_document = ox.Literal(iri + "#")
    branches = [f"{{ {node} ?p ?o BIND({node} AS ?s) }}"]
    chain = f"{node} ?p1 ?b1 FILTER(isBlank(?b1) || STRSTARTS(STR(?b1), {same_document}))"
    for depth in range(1, BLANK_DEPTH + 1):
        last = f"?b{depth}"
        branches.append(f"{{ {chain} {last} ?p ?o BIND({last} AS ?s) }}")
        chain += f" {last} ?p{depth + 1} ?b{depth + 1} FILTER(isBlank(?b{depth + 1}))"
    return (
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { "
        + " UNION ".join(branches)
        + f" }} {context.not_standards} }}"
    )


def _quads(rows: Iterable[Sequence[object]]) -> list[ox.Quad]:
    return [ox.Quad(s, p, o, g) for g, s, p, o in rows]  # type: ignore[arg-type]


def description(context: Context, iri: str) -> list[ox.Quad]:
    """Every quad with ``iri`` as subject, in every graph, with the blank nodes it reaches and
    the hash IRIs of the same document (``…/def/finance#paid`` for ``…/def/finance``,
    ``…/2024-05-28#result`` for an observation)."""
    stored = _quads(
        context.select(_store_description_query(context, iri), max_rows=MAX_DESCRIPTION_QUADS)
    )
    subjects = [ox.NamedNode(iri), *context.standards.document_terms.get(iri, [])]
    standard = [quad for subject in subjects for quad in context.standards.cbd(subject)]
    return list(dict.fromkeys([*standard, *stored]))


def incoming(context: Context, iri: str) -> Incoming:
    node = ox.NamedNode(iri)
    pattern = f"GRAPH ?g {{ ?s ?p {node} }} {context.not_standards}"
    # The count stops at MAX_COUNTED: a code every line links to has as many links as the
    # store has lines, and counting them all would make its page as slow as the store is big.
    counted = f"SELECT ?g ?s ?p WHERE {{ {pattern} }} LIMIT {MAX_COUNTED + 1}"
    rows = context.select(
        f"SELECT ?g ?s ?p ?n WHERE {{ {{ SELECT (COUNT(*) AS ?n) WHERE {{ {counted} }} }} "
        f"OPTIONAL {{ SELECT ?g ?s ?p WHERE {{ {pattern} }} LIMIT {MAX_INCOMING} }} }}",
        max_rows=MAX_INCOMING,
    )
    found = Incoming()
    for graph, subject, predicate, count in rows:
        found.total = int(count.value) if isinstance(count, ox.Literal) else 0
        found.complete = found.total <= MAX_COUNTED
        found.total = min(found.total, MAX_COUNTED)
        if subject is not None:
            found.links.append(ox.Quad(subject, predicate, node, graph))  # type: ignore[arg-type]
    for quad in context.standards.incoming(iri):
        found.total += 1
        if len(found.links) < MAX_INCOMING:
            found.links.append(quad)
    return found


def labels(context: Context, iris: Iterable[str]) -> Labels:
    """The labels of ``iris`` (best property first), from the standards, then one query."""
    found = Labels()
    ask_store = []
    for iri in dict.fromkeys(iris):
        node = ox.NamedNode(iri)
        standard = [
            quad.object
            for prop in LABEL_PROPERTIES
            for quad in context.standards.store.quads_for_pattern(node, prop, None)
            if isinstance(quad.object, ox.Literal)
        ]
        if standard:
            found.by_iri[iri] = standard
            found.known.add(iri)
        elif context.standards.describes(iri):
            found.known.add(iri)
        else:
            ask_store.append(node)
    for start in range(0, len(ask_store), MAX_LABELLED):
        _store_labels(context, ask_store[start : start + MAX_LABELLED], found)
    return found


def _store_labels(context: Context, nodes: Sequence[ox.NamedNode], found: Labels) -> None:
    values = " ".join(str(node) for node in nodes)
    properties = " ".join(str(prop) for prop in LABEL_PROPERTIES)
    # Each branch binds ?x itself: an EXISTS in a UNION branch sees only that branch's ?x.
    query = (
        f"SELECT ?x ?p ?l WHERE {{ {{ VALUES ?x {{ {values} }} VALUES ?p {{ {properties} }} "
        f"?x ?p ?l FILTER(isLiteral(?l)) }} UNION {{ VALUES ?x {{ {values} }} "
        f"FILTER EXISTS {{ ?x ?any ?value }} BIND({_KNOWN} AS ?p) }} }}"
    )
    rows = context.select(query, max_rows=len(nodes) * 20)
    ranked: dict[str, list[tuple[int, ox.Literal]]] = {}
    for subject, prop, label in rows:
        assert subject is not None and prop is not None
        found.known.add(subject.value)
        if isinstance(label, ox.Literal):
            ranked.setdefault(subject.value, []).append((_LABEL_RANK[prop.value], label))
    for iri, pairs in ranked.items():
        found.by_iri[iri] = [label for _, label in sorted(pairs, key=lambda pair: pair[0])]


def graph_exists(context: Context, graph: str) -> bool:
    if context.standards.has_graph(graph):
        return True
    result = context.store.query(
        f"ASK {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}", timeout=context.timeout
    )
    return bool(result.boolean)


def graph_content(context: Context, graph: str, page: int) -> GraphContent:
    """The graph's size and one page of the IRIs it describes, in IRI order."""
    node = ox.NamedNode(graph)
    offset = (page - 1) * RESOURCES_PER_PAGE
    if context.standards.has_graph(graph):
        quads = list(context.standards.store.quads_for_pattern(None, None, None, node))
        subjects = sorted(
            {quad.subject for quad in quads if isinstance(quad.subject, ox.NamedNode)},
            key=lambda subject: subject.value,
        )
        window = subjects[offset : offset + RESOURCES_PER_PAGE + 1]
        return _content(len(quads), window)
    count = context.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }}", 1)
    total = count[0][0]
    rows = context.select(
        f"SELECT DISTINCT ?s WHERE {{ GRAPH {node} {{ ?s ?p ?o }} FILTER(isIRI(?s)) }} "
        f"ORDER BY ?s LIMIT {RESOURCES_PER_PAGE + 1} OFFSET {offset}",
        max_rows=RESOURCES_PER_PAGE + 1,
    )
    window = [row[0] for row in rows if isinstance(row[0], ox.NamedNode)]
    return _content(int(total.value) if isinstance(total, ox.Literal) else 0, window)


def _content(triples: int, window: list[ox.NamedNode]) -> GraphContent:
    return GraphContent(triples, window[:RESOURCES_PER_PAGE], len(window) > RESOURCES_PER_PAGE)

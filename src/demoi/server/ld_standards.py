"""The standards (vocabularies, code lists, shapes) as an in-memory store for the linked-data
pages, loaded once per process from the packaged files.

A deployment that never loaded the standards into its own store must still serve
``/def/finance`` or ``/code/municipality/4401``, so the pages never depend on the store holding
them. Each file goes into the graph ``demoi demo`` loads it into
(``{base}graph/standards/<path>``, as ``demoi.demo.standards_graph`` names it): the pages then
take these graphs from here and skip the store's copies, so nothing is shown twice.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from demoi.resources import standards_path

STANDARDS_FOLDERS = ("ontologies", "shapes")
_LOCK = threading.Lock()


def standards_graph_prefix(base: str) -> str:
    return f"{base}graph/standards/"


@dataclass
class Standards:
    store: ox.Store
    graph_prefix: str
    #: Hash IRIs by the document they belong to: ``…/def/finance`` -> ``{…#paid, …}``.
    document_terms: dict[str, list[ox.NamedNode]] = field(default_factory=dict)
    #: The vocabularies' own prefixes (``fin:``, ``demoi:``), for Turtle and TriG.
    prefixes: dict[str, str] = field(default_factory=dict)

    def describes(self, iri: str) -> bool:
        node = ox.NamedNode(iri)
        return next(self.store.quads_for_pattern(node, None, None), None) is not None

    def has_graph(self, graph: str) -> bool:
        return self.store.contains_named_graph(ox.NamedNode(graph))

    def cbd(self, subject: ox.NamedNode | ox.BlankNode) -> list[ox.Quad]:
        """The concise bounded description: the subject's quads and those of every blank
        node they reach, however deep (RDF lists in shapes are chains of blank nodes)."""
        found: list[ox.Quad] = []
        pending: list[ox.NamedNode | ox.BlankNode] = [subject]
        seen: set[ox.NamedNode | ox.BlankNode] = {subject}
        while pending:
            for quad in self.store.quads_for_pattern(pending.pop(), None, None):
                found.append(quad)
                value = quad.object
                if isinstance(value, ox.BlankNode) and value not in seen:
                    seen.add(value)
                    pending.append(value)
        return found

    def incoming(self, iri: str) -> Iterator[ox.Quad]:
        return self.store.quads_for_pattern(None, None, ox.NamedNode(iri))


def _files() -> Iterator[tuple[str, ox.RdfFormat, str]]:
    for folder in STANDARDS_FOLDERS:
        root = standards_path(folder)
        for path in sorted(root.rglob("*.ttl")):
            relative = path.relative_to(root).with_suffix("").as_posix()
            prefix = "" if folder == "ontologies" else f"{folder}/"
            yield str(path), ox.RdfFormat.TURTLE, prefix + relative


def _index_documents(store: ox.Store) -> dict[str, list[ox.NamedNode]]:
    terms: dict[str, set[ox.NamedNode]] = defaultdict(set)
    for quad in store:
        subject = quad.subject
        if isinstance(subject, ox.NamedNode) and "#" in subject.value:
            terms[subject.value.partition("#")[0]].add(subject)
    return {
        document: sorted(found, key=lambda node: node.value) for document, found in terms.items()
    }


VANN = "http://purl.org/vocab/vann/"


def _prefixes(store: ox.Store) -> dict[str, str]:
    found = {}
    for quad in store.quads_for_pattern(
        None, ox.NamedNode(VANN + "preferredNamespacePrefix"), None
    ):
        namespaces = store.quads_for_pattern(
            quad.subject, ox.NamedNode(VANN + "preferredNamespaceUri"), None
        )
        namespace = next(namespaces, None)
        prefix = quad.object
        if (
            isinstance(prefix, ox.Literal)
            and namespace is not None
            and isinstance(namespace.object, ox.Literal | ox.NamedNode)
        ):
            found[prefix.value] = namespace.object.value
    return found


@lru_cache(maxsize=4)
def _load(base: str) -> Standards:
    store = ox.Store()
    prefix = standards_graph_prefix(base)
    for path, rdf_format, relative in _files():
        store.load(path=path, format=rdf_format, to_graph=ox.NamedNode(prefix + relative))
    return Standards(store, prefix, _index_documents(store), _prefixes(store))


def standards_for(base: str) -> Standards:
    """The standards with graph names under ``base``; loaded once per base (a server has one)."""
    with _LOCK:  # two first requests at once must not both load the files
        return _load(base)

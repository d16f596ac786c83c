"""What a resource page shows, built from the quads of a description: sections (the resource
and the hash IRIs of its document), property rows with labels in the page's language, values
linked to where they dereference, incoming links and graphs. The template only lays it out;
Jinja escapes every value."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

import pyoxigraph as ox

from demoi.iris import STANDARDS_BASE
from demoi.server.ld_describe import RDF_TYPE, Incoming, Labels
from demoi.store.base import Term

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PLAIN_DATATYPES = {XSD + "string", RDF + "langString"}
#: The standards' paths this server answers at (w3id.org redirects them here).
STANDARDS_PATHS = ("def/", "code/", "shapes/", "mapping/")
#: Prefixes for names without a label (a property of a vocabulary demoi does not copy).
PREFIXES = {
    "rdf": RDF,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": XSD,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "qb": "http://purl.org/linked-data/cube#",
    "sosa": "http://www.w3.org/ns/sosa/",
    "org": "http://www.w3.org/ns/org#",
    "void": "http://rdfs.org/ns/void#",
    "sh": "http://www.w3.org/ns/shacl#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "vann": "http://purl.org/vocab/vann/",
    "qudt": "http://qudt.org/schema/qudt/",
    "gtfs": "http://vocab.gtfs.org/terms#",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "locn": "http://www.w3.org/ns/locn#",
    "adms": "http://www.w3.org/ns/adms#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "time": "http://www.w3.org/2006/time#",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "sdmx-measure": "http://purl.org/linked-data/sdmx/2009/measure#",
}
MAX_NESTING = 6
#: What stays as it is when an IRI's path becomes a URI (reserved characters and ``%``).
URI_SAFE = "/:@!$&'()*+,;=-._~#%?"


@dataclass
class Link:
    text: str
    iri: str
    href: str | None


@dataclass
class Value:
    link: Link | None = None
    text: str = ""
    language: str = ""
    datatype: Link | None = None
    #: A blank node's own properties, shown inside the value.
    rows: list[Row] = field(default_factory=list)
    #: An RDF list's members.
    items: list[Value] = field(default_factory=list)


@dataclass
class Row:
    property: Link
    values: list[Value]


@dataclass
class Section:
    iri: str
    anchor: str | None
    title: str
    types: list[Link]
    rows: list[Row]


@dataclass
class IncomingRow:
    #: None for a blank node.
    subject: Link | None
    property: Link
    graph: Link | None


class Linker:
    """Labels and hrefs for IRIs, in one language."""

    def __init__(self, base: str, root: str, labels: Labels, language: str):
        self.base, self.root, self.labels, self.language = base, root, labels, language

    def href(self, iri: str) -> str | None:
        if iri.startswith(self.base + "graph/"):  # graphs are shown only when they exist
            return self.root + quote(iri[len(self.base) :], safe=URI_SAFE)
        served_here = next(
            (
                iri[len(namespace) :]
                for namespace, paths in ((self.base, ("id/",)), (STANDARDS_BASE, STANDARDS_PATHS))
                if iri.startswith(namespace) and iri[len(namespace) :].startswith(paths)
            ),
            None,
        )
        if iri not in self.labels.known:
            # Named here but described nowhere: no dead link to this server.
            if served_here is not None or not iri.startswith(("http://", "https://")):
                return None
            return iri
        if served_here is not None:
            # As a URI: a Greek ΑΔΑ in a decision's IRI is percent-encoded UTF-8 on the wire.
            return self.root + quote(served_here, safe=URI_SAFE)
        return self.root + "resource?iri=" + quote(iri, safe="")

    def label(self, iri: str) -> str:
        found = self.labels.by_iri.get(iri, [])
        for wanted in (self.language, "other", "", None):
            for literal in found:
                language = literal.language or ""
                if wanted is None or language == wanted:
                    return literal.value
                if wanted == "other" and language and language != self.language:
                    return literal.value
        graphs = self.base + "graph/"
        if iri.startswith(graphs):  # a graph's name says what it holds: 4401/decisions/2025
            return iri[len(graphs) :]
        return _fallback(iri)

    def link(self, iri: str) -> Link:
        return Link(self.label(iri), iri, self.href(iri))

    def property_link(self, iri: str) -> Link:
        if iri in self.labels.by_iri:
            return self.link(iri)
        return Link(curie(iri), iri, self.href(iri))


def curie(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    vocabularies = STANDARDS_BASE + "def/"
    if iri.startswith(vocabularies) and "#" in iri:
        area, _, name = iri[len(vocabularies) :].partition("#")
        return f"{area}:{name}"
    return _fallback(iri)


def _fallback(iri: str) -> str:
    """The IRI's last segment, for a resource nobody labelled."""
    trimmed = iri.rstrip("/")
    for separator in ("#", "/", ":"):
        head, found, tail = trimmed.rpartition(separator)
        if found and tail:
            return tail
    return iri


def iris_to_label(quads: Iterable[ox.Quad], incoming: Incoming) -> set[str]:
    found: set[str] = set()
    for quad in [*quads, *incoming.links]:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode):
                found.add(term.value)
        if isinstance(quad.object, ox.Literal):
            found.add(quad.object.datatype.value)
    return found


class SectionBuilder:
    def __init__(self, quads: list[ox.Quad], linker: Linker):
        self.linker = linker
        self.by_subject: dict[ox.NamedNode | ox.BlankNode, list[ox.Quad]] = defaultdict(list)
        for quad in quads:
            self.by_subject[quad.subject].append(quad)  # type: ignore[index]

    def sections(self, iri: str) -> list[Section]:
        """The resource first, then the other hash IRIs of its document (vocabulary terms, an
        observation's ``#result``), each with its anchor."""
        document = iri.partition("#")[0]
        subjects = [ox.NamedNode(iri)] + sorted(
            (
                subject
                for subject in self.by_subject
                if isinstance(subject, ox.NamedNode)
                and subject.value != iri
                and subject.value.startswith(document + "#")
            ),
            key=lambda subject: subject.value,
        )
        return [self._section(subject) for subject in subjects if subject in self.by_subject]

    def _section(self, subject: ox.NamedNode) -> Section:
        quads = self.by_subject[subject]
        types = [
            self.linker.link(q.object.value)
            for q in quads
            if q.predicate == RDF_TYPE and isinstance(q.object, ox.NamedNode)
        ]
        fragment = subject.value.partition("#")[2]
        return Section(
            iri=subject.value,
            anchor=fragment or None,
            title=self.linker.label(subject.value),
            types=_unique_links(types),
            rows=self._rows([q for q in quads if not _is_type(q)], depth=0),
        )

    def _rows(self, quads: list[ox.Quad], depth: int) -> list[Row]:
        values: dict[str, list[Value]] = defaultdict(list)
        seen: set[tuple[str, Term]] = set()
        for quad in quads:
            key = (quad.predicate.value, quad.object)
            if key in seen:  # the same triple in two graphs
                continue
            seen.add(key)
            values[quad.predicate.value].append(self._value(quad.object, depth))
        rows = [
            Row(self.linker.property_link(prop), sorted(found, key=self._value_order))
            for prop, found in values.items()
        ]
        return sorted(rows, key=lambda row: row.property.text.casefold())

    def _value_order(self, value: Value) -> tuple[bool, str]:
        if value.link is not None:
            return (False, value.link.text.casefold())
        return (value.language not in ("", self.linker.language), value.text.casefold())

    def _value(self, term: Term, depth: int) -> Value:
        if isinstance(term, ox.NamedNode):
            return Value(link=self.linker.link(term.value))
        if isinstance(term, ox.Literal):
            datatype = term.datatype.value
            shown = None if datatype in PLAIN_DATATYPES else self.linker.property_link(datatype)
            return Value(text=term.value, language=term.language or "", datatype=shown)
        if isinstance(term, ox.BlankNode) and depth < MAX_NESTING:
            members = self._list_members(term)
            if members is not None:
                return Value(items=[self._value(member, depth + 1) for member in members])
            return Value(rows=self._rows(self.by_subject.get(term, []), depth + 1))
        return Value(text=str(term))

    def _list_members(self, node: ox.BlankNode) -> list[Term] | None:
        members: list[Term] = []
        current: Term = node
        while isinstance(current, ox.BlankNode) and len(members) < 1000:
            quads = {q.predicate.value: q.object for q in self.by_subject.get(current, [])}
            if set(quads) != {RDF + "first", RDF + "rest"}:
                return None
            members.append(quads[RDF + "first"])
            current = quads[RDF + "rest"]
        return members if current == ox.NamedNode(RDF + "nil") else None


def _is_type(quad: ox.Quad) -> bool:
    return quad.predicate == RDF_TYPE and isinstance(quad.object, ox.NamedNode)


def _unique_links(links: list[Link]) -> list[Link]:
    return list({link.iri: link for link in links}.values())


def incoming_rows(incoming: Incoming, linker: Linker) -> list[IncomingRow]:
    rows = []
    for quad in incoming.links:
        subject = quad.subject
        graph = quad.graph_name
        rows.append(
            IncomingRow(
                subject=linker.link(subject.value) if isinstance(subject, ox.NamedNode) else None,
                property=linker.property_link(quad.predicate.value),
                graph=linker.link(graph.value) if isinstance(graph, ox.NamedNode) else None,
            )
        )
    return rows


def graphs_of(quads: Iterable[ox.Quad], iri: str, linker: Linker) -> list[Link]:
    names = {
        quad.graph_name.value
        for quad in quads
        if isinstance(quad.graph_name, ox.NamedNode) and quad.subject == ox.NamedNode(iri)
    }
    return [linker.link(name) for name in sorted(names)]

"""The standards' Turtle as a small read-only index: what the documentation site needs to ask
(the values of a subject's property, RDF lists, labels by language, prefixed names).

Parsed with pyoxigraph (fast on the 28,000 lines of the KAE list, and its syntax errors carry
line and column). The lookups are plain dictionaries rather than SPARQL: the site asks tens of
thousands of one-subject questions, and a dictionary answers each without a query plan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox

from demoi.errors import DataError, Location
from demoi.store.oxigraph import rdf_syntax_error

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SH = "http://www.w3.org/ns/shacl#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
VANN = "http://purl.org/vocab/vann/"

RDF_TYPE = RDF + "type"
LABELS = (RDFS + "label", SKOS + "prefLabel", SH + "name", DCTERMS + "title")
DEFINITIONS = (SKOS + "definition", RDFS + "comment", DCTERMS + "description", SH + "description")
LANGUAGES = ("el", "en")

Node = ox.NamedNode | ox.BlankNode | ox.Literal
Subject = ox.NamedNode | ox.BlankNode


@dataclass(frozen=True)
class Bilingual:
    """A text in Greek and English; a language the source lacks shows the other one."""

    el: str
    en: str

    def __getitem__(self, language: str) -> str:
        return self.el if language == "el" else self.en

    @staticmethod
    def same(text: str) -> Bilingual:
        return Bilingual(text, text)


@dataclass
class FileGraph:
    """One Turtle file: its triples indexed by subject, and the prefixes it declares."""

    relative: str
    by_subject: dict[Subject, dict[str, list[Node]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    prefixes: dict[str, str] = field(default_factory=dict)

    def objects(self, subject: Subject, predicate: str) -> list[Node]:
        found = self.by_subject.get(subject)
        return list(found.get(predicate, ())) if found else []

    def value(self, subject: Subject, predicate: str) -> Node | None:
        values = self.objects(subject, predicate)
        return values[0] if values else None

    def types(self, subject: Subject) -> set[str]:
        return {node.value for node in self.objects(subject, RDF_TYPE) if is_iri(node)}

    def subjects(self) -> list[Subject]:
        return list(self.by_subject)

    def items(self, head: Node) -> list[Node]:
        """The members of an RDF list, in order; a node that is not a list yields nothing."""
        members: list[Node] = []
        node: Node | None = head
        seen: set[Node] = set()
        while isinstance(node, ox.BlankNode) and node not in seen:
            seen.add(node)
            first = self.value(node, RDF + "first")
            if first is None:
                break
            members.append(first)
            node = self.value(node, RDF + "rest")
        return members


def is_iri(node: Node | None) -> bool:
    return isinstance(node, ox.NamedNode)


def parse_file(path: Path, relative: str) -> FileGraph:
    """Raises demoi.errors.RdfSyntaxError naming the file, line and column."""
    graph = FileGraph(relative)
    parser = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    try:
        for triple in parser:
            subject, value = triple.subject, triple.object
            if isinstance(subject, ox.Triple) or isinstance(value, ox.Triple):
                raise DataError(
                    "an RDF 1.2 triple term (<<( … )>>): demoi's standards state triples, they "
                    "do not quote them / όρος-τριάδα RDF 1.2, που τα πρότυπα δεν δέχονται",
                    location=Location(relative),
                )
            graph.by_subject[subject][triple.predicate.value].append(value)
    except (SyntaxError, ValueError) as error:
        raise rdf_syntax_error(error, relative, ox.RdfFormat.TURTLE) from None
    graph.prefixes = dict(parser.prefixes)
    return graph


def local_name(iri: str) -> str:
    """The part after ``#``, else after the last ``/`` (percent-decoded: a code's notation)."""
    if "#" in iri:
        return iri.rpartition("#")[2]
    return unquote(iri.rstrip("/").rpartition("/")[2])


class Vocabulary:
    """Labels, definitions and prefixed names over all the files, for naming any IRI."""

    def __init__(self, graphs: list[FileGraph]) -> None:
        self.labels: dict[str, dict[str, str]] = defaultdict(dict)
        self.definitions: dict[str, dict[str, str]] = defaultdict(dict)
        self.prefixes: dict[str, str] = {}
        for graph in graphs:
            for prefix, namespace in graph.prefixes.items():
                self.prefixes.setdefault(prefix, namespace)
            for subject, properties in graph.by_subject.items():
                if isinstance(subject, ox.NamedNode):
                    self._collect(self.labels[subject.value], properties, LABELS)
                    self._collect(self.definitions[subject.value], properties, DEFINITIONS)
        # Longest namespace first, so ``sdmx-dimension:`` wins over a shorter match.
        self._namespaces = sorted(
            ((namespace, prefix) for prefix, namespace in self.prefixes.items() if prefix),
            key=lambda pair: -len(pair[0]),
        )

    @staticmethod
    def _collect(
        into: dict[str, str], properties: dict[str, list[Node]], predicates: tuple[str, ...]
    ) -> None:
        for predicate in predicates:
            for value in properties.get(predicate, ()):
                if isinstance(value, ox.Literal) and value.language in LANGUAGES:
                    into.setdefault(value.language, value.value)

    def qname(self, iri: str) -> str:
        for namespace, prefix in self._namespaces:
            rest = iri[len(namespace) :]
            if iri.startswith(namespace) and rest and "/" not in rest and "#" not in rest:
                return f"{prefix}:{rest}"
        return iri

    def label(self, iri: str) -> Bilingual:
        found = self.labels.get(iri, {})
        fallback = self.qname(iri)
        return _bilingual(found, fallback)

    def definition(self, iri: str) -> Bilingual | None:
        found = self.definitions.get(iri, {})
        return _bilingual(found, "") if found else None


def _bilingual(found: dict[str, str], fallback: str) -> Bilingual:
    el = found.get("el") or found.get("en") or fallback
    en = found.get("en") or found.get("el") or fallback
    return Bilingual(el, en)


def literal_text(node: Node) -> str:
    if isinstance(node, ox.Literal):
        return node.value
    return node.value if isinstance(node, ox.NamedNode) else "_:" + node.value


def bilingual_literals(values: list[Node]) -> Bilingual | None:
    found: dict[str, str] = {}
    for value in values:
        if isinstance(value, ox.Literal) and value.language in LANGUAGES:
            found.setdefault(value.language, value.value)
    return _bilingual(found, "") if found else None

"""One side of a standards diff, parsed: what every IRI says, with blank nodes and RDF lists
written out canonically so that two files can be compared statement by statement.

A blank node has no name to compare by, so it is compared by what it says: ``[ sh:path x ]``,
and an RDF list by its members ``( a b c )``. The comparison text uses full IRIs, so renaming a
prefix changes nothing; the text shown to editors uses the files' own prefixes.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from demoi.errors import UnreadableInput
from demoi.vocab.trees import Tree

if TYPE_CHECKING:
    import rdflib

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SH = "http://www.w3.org/ns/shacl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = RDF + "type"

#: Prefixes for predicates and datatypes, so that they read the same whatever a file declares.
WELL_KNOWN = {
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "sh": SH,
    "xsd": XSD,
    "dcterms": DCTERMS,
}
#: Parameters whose value is a list read as a set of members (SHACL 4.8.1, 4.3.3, 4.5.1).
MEMBER_LISTS = frozenset({SH + "in", SH + "languageIn", SH + "ignoredProperties"})
_PLAIN_DATATYPES = frozenset(XSD + name for name in ("integer", "decimal", "boolean", "double"))
_MAX_DEPTH = 12
#: What a blank node nested deeper than _MAX_DEPTH (or in a cycle) is written as, with a
#: canonical digest of all it reaches: equal when nothing changed, and a change to it is called
#: breaking, since the diff cannot say what it means.
TOO_COMPLEX = "too complex to compare"
#: The longest blank-node text kept whole; shapes' blank nodes are far shorter.
_LONGEST = 2000
Node = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True)
class Value:
    """One value of a predicate: ``key`` compares, ``shown`` is for editors."""

    key: str
    shown: str
    term: Node

    def number(self) -> Decimal | str:
        """The value to order bounds by: a number, else the lexical form (ISO dates order)."""
        text = self.term.value
        try:
            return Decimal(text)
        except InvalidOperation:
            return text


@dataclass
class Snapshot:
    tree: Tree
    #: IRI subject → predicate → objects.
    statements: dict[str, dict[str, list[Node]]] = field(default_factory=dict)
    blanks: dict[str, dict[str, list[Node]]] = field(default_factory=dict)
    #: IRI subject → the files (relative paths) that say something about it.
    files: dict[str, set[str]] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)
    #: Blank node, IRI writer and depth → its text: see ``text``.
    _texts: dict[tuple[str, Callable[[str], str], int], str] = field(
        default_factory=dict, repr=False, compare=False
    )
    _digests: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def values(self, subject: str, curie: Callable[[str], str]) -> dict[str, dict[str, Value]]:
        """Each predicate's values of a subject, by comparison key."""
        return self.node_values(ox.NamedNode(subject), curie)

    def node_values(self, node: Node, curie: Callable[[str], str]) -> dict[str, dict[str, Value]]:
        """Each predicate's values of an IRI or a blank node (an inline shape), by key."""
        found: dict[str, dict[str, Value]] = {}
        for predicate, objects in self.about(node).items():
            members: list[Node] = []
            for value in objects:
                listed = self.members(value) if predicate in MEMBER_LISTS else None
                members.extend(listed if listed is not None else [value])
            found[predicate] = {
                self.text(member, str): Value(
                    self.text(member, str), self.text(member, curie), member
                )
                for member in members
            }
        return found

    def members(self, node: Node) -> list[Node] | None:
        """The members of an RDF list, or None when the node is not one."""
        items: list[Node] = []
        while isinstance(node, ox.BlankNode):
            description = self.blanks.get(node.value, {})
            if RDF + "first" not in description:
                return None
            items.extend(description[RDF + "first"][:1])
            node = (description.get(RDF + "rest") or [ox.NamedNode(RDF + "nil")])[0]
        if isinstance(node, ox.NamedNode) and node.value == RDF + "nil":
            return items
        return None

    def text(self, node: Node, iri: Callable[[str], str], depth: int = 0) -> str:
        if isinstance(node, ox.NamedNode):
            return iri(node.value)
        if isinstance(node, ox.Literal):
            return _literal(node, iri)
        # Blank nodes shared in a DAG would be written out once per path (k^depth): each is
        # written once per depth and remembered, and a long text is cut to a digest.
        key = (node.value, iri, depth)
        if key not in self._texts:
            self._texts[key] = _bounded(self._blank_text(node, iri, depth))
        return self._texts[key]

    def _blank_text(self, node: ox.BlankNode, iri: Callable[[str], str], depth: int) -> str:
        if depth > _MAX_DEPTH:  # a blank-node cycle: legal RDF, and no shape needs to be this deep
            return f"[ {TOO_COMPLEX} #{self._canonical_digest(node)} ]"
        listed = self.members(node)
        if listed is not None:
            return "( " + " ".join(self.text(m, iri, depth + 1) for m in listed) + " )"
        parts = sorted(
            f"{iri(predicate)} "
            + ", ".join(sorted(self.text(value, iri, depth + 1) for value in values))
            for predicate, values in self.blanks.get(node.value, {}).items()
        )
        return "[ " + " ; ".join(parts) + " ]"

    def _canonical_digest(self, node: ox.BlankNode) -> str:
        """A digest of everything reachable from the blank node, with the blank nodes
        relabelled canonically (rdflib's RDFC-style labelling): the same structure gives the
        same digest on every load, so an unchanged file compares equal, and any change below
        the cut-off changes it (a random token made every such file "changed" on every run)."""
        if node.value in self._digests:
            return self._digests[node.value]
        import rdflib
        from rdflib.compare import to_canonical_graph

        graph = rdflib.Graph()
        seen: set[str] = set()
        pending = [node.value]
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            for predicate, values in self.blanks.get(current, {}).items():
                for value in values:
                    if isinstance(value, ox.BlankNode):
                        pending.append(value.value)
                    graph.add((rdflib.BNode(current), rdflib.URIRef(predicate), _rdflib(value)))
        # The start node is marked, so two structures differing only in where they are
        # entered get different digests.
        graph.add((rdflib.BNode(node.value), rdflib.URIRef(_ENTRY), rdflib.Literal(True)))
        lines = sorted(to_canonical_graph(graph).serialize(format="nt").splitlines())
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]
        self._digests[node.value] = digest
        return digest

    def types(self, subject: str) -> set[str]:
        return {t.value for t in self.statements.get(subject, {}).get(RDF_TYPE, [])}

    def objects(self, subject: str, predicate: str) -> list[Node]:
        return self.statements.get(subject, {}).get(predicate, [])

    def about(self, node: Node) -> dict[str, list[Node]]:
        """What an IRI or a blank node says."""
        if isinstance(node, ox.NamedNode):
            return self.statements.get(node.value, {})
        if isinstance(node, ox.BlankNode):
            return self.blanks.get(node.value, {})
        return {}


_ENTRY = "urn:demoi:diff:entry"


def _rdflib(node: Node) -> rdflib.term.Node:
    import rdflib

    if isinstance(node, ox.NamedNode):
        return rdflib.URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return rdflib.BNode(node.value)
    if node.language:
        return rdflib.Literal(node.value, lang=node.language)
    return rdflib.Literal(node.value, datatype=rdflib.URIRef(node.datatype.value))


def _bounded(text: str) -> str:
    """A blank node's text, or its start and a digest of the whole when it is too long to read:
    equal texts keep equal digests, so the comparison stays exact and each text short."""
    if len(text) <= _LONGEST:
        return text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    cut = f" [ {TOO_COMPLEX} ]" if TOO_COMPLEX in text[_LONGEST:] else ""
    return f"{text[:_LONGEST]} … #{digest}{cut}"


def _literal(node: ox.Literal, iri: Callable[[str], str]) -> str:
    if node.language:
        return f'"{node.value}"@{node.language}'
    datatype = node.datatype.value
    if datatype in _PLAIN_DATATYPES:
        return node.value
    quoted = '"' + node.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return quoted if datatype == XSD + "string" else f"{quoted}^^{iri(datatype)}"


def read(tree: Tree) -> Snapshot:
    """Parse every Turtle file of a side; a file that does not parse is named with its line."""
    from demoi.store.oxigraph import rdf_syntax_error

    snapshot = Snapshot(tree)
    statements: dict[str, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    blanks: dict[str, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    files: dict[str, set[str]] = defaultdict(set)
    for relative, data in sorted(tree.files.items()):
        parser = ox.parse(input=data, format=ox.RdfFormat.TURTLE)
        try:
            for quad in parser:
                subject = quad.subject
                if isinstance(subject, ox.NamedNode):
                    statements[subject.value][quad.predicate.value].append(quad.object)
                    files[subject.value].add(relative)
                elif isinstance(subject, ox.BlankNode):
                    blanks[subject.value][quad.predicate.value].append(quad.object)
        except (SyntaxError, ValueError) as error:
            # Exit 2 like `demoi validate`'s unreadable input: 1 is "breaking changes found".
            located = rdf_syntax_error(error, tree.where(relative), ox.RdfFormat.TURTLE)
            raise UnreadableInput(
                located.message, location=located.location, spec=located.spec
            ) from None
        snapshot.prefixes.update(parser.prefixes)
    snapshot.statements = {s: dict(p) for s, p in statements.items()}
    snapshot.blanks = {b: dict(p) for b, p in blanks.items()}
    snapshot.files = dict(files)
    return snapshot


def curie_maker(*snapshots: Snapshot) -> Callable[[str], str]:
    """Shorten an IRI with the files' prefixes (the well-known ones win), else ``<iri>``."""
    namespaces: dict[str, str] = {}
    for snapshot in snapshots:
        for prefix, namespace in snapshot.prefixes.items():
            namespaces.setdefault(namespace, prefix)
    for prefix, namespace in WELL_KNOWN.items():
        namespaces[namespace] = prefix
    # The longest namespace first, so fin: wins over a broader prefix of the same IRI.
    ordered = sorted(namespaces.items(), key=lambda item: -len(item[0]))

    @cache
    def curie(iri: str) -> str:
        for namespace, prefix in ordered:
            local = iri[len(namespace) :]
            if iri.startswith(namespace) and local and "/" not in local and "#" not in local:
                return f"{prefix}:{local}"
        return f"<{iri}>"

    return curie

"""The standards as data: vocabularies, code lists, shapes and mappings in one store, the
vocabulary checks over them, and their OWL consistency.

Each file is loaded into its own named graph ``urn:demoi:file:<path>`` (path relative to the
standards root, e.g. ``urn:demoi:file:shapes/finance-recommended.ttl``), so a check can tell a
shapes file from a vocabulary and name the file a problem is in. A mapping is loaded as the RML
that morph-kgc makes of it, so checks see the classes and predicates it generates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDFS, XSD

from demoi.errors import DataError, Location, UsageError
from demoi.resources import standards_root
from demoi.store.oxigraph import rdf_syntax_error

FILE_GRAPH_PREFIX = "urn:demoi:file:"
CHECKED_FOLDERS = ("ontologies", "shapes", "mappings")


@dataclass(frozen=True)
class StandardFile:
    path: Path
    relative: str

    @property
    def graph(self) -> ox.NamedNode:
        return ox.NamedNode(FILE_GRAPH_PREFIX + self.relative)


@dataclass(frozen=True)
class CheckFailure:
    check: str
    rows: tuple[str, ...]

    def text(self) -> str:
        return "\n".join(f"{self.check}: {row}" for row in self.rows)


def standard_files(root: Path | None = None) -> list[StandardFile]:
    """Every Turtle file of ontologies/ and shapes/, and every mapping of mappings/."""
    root = root or standards_root()
    found = []
    for folder in CHECKED_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix == ".ttl" or path.name.endswith((".yarrrml.yml", ".yarrrml.yaml")):
                found.append(StandardFile(path, path.relative_to(root).as_posix()))
    return found


def _mapping_as_rml(path: Path) -> rdflib.Graph:
    # morph-kgc's own YARRRML translator, so the checks see exactly the RML it will run.
    from morph_kgc.mapping.yarrrml import load_yarrrml

    graph: rdflib.Graph = load_yarrrml(str(path))
    return graph


def _term(node: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, rdflib.Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        datatype = ox.NamedNode(str(node.datatype)) if node.datatype else None
        return ox.Literal(str(node), datatype=datatype)
    if isinstance(node, rdflib.URIRef) and ":" in node:
        return ox.NamedNode(str(node))
    # morph-kgc names its triples maps with relative IRIs; they are only local names.
    return ox.BlankNode(str(node).replace("-", "_").replace(".", "_") or None)


def _quad(
    triple: tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node], graph: ox.NamedNode
) -> ox.Quad:
    subject, predicate, value = (_term(node) for node in triple)
    assert not isinstance(subject, ox.Literal) and isinstance(predicate, ox.NamedNode)
    return ox.Quad(subject, predicate, value, graph)


def load_standards(root: Path | None = None) -> ox.Store:
    """An in-memory store with one named graph per standards file."""
    return load_files(standard_files(root))


def load_files(files: Iterable[StandardFile]) -> ox.Store:
    """An in-memory store with one named graph per file; a file that does not parse raises
    RdfSyntaxError naming its line and column."""
    store = ox.Store()
    for standard in files:
        if standard.path.suffix == ".ttl":
            try:
                store.load(
                    path=str(standard.path), format=ox.RdfFormat.TURTLE, to_graph=standard.graph
                )
            except (SyntaxError, ValueError) as error:
                raise rdf_syntax_error(error, str(standard.path), ox.RdfFormat.TURTLE) from None
        else:
            try:
                rml = _mapping_as_rml(standard.path)
            except Exception as error:  # morph-kgc raises bare Exceptions for bad YARRRML
                raise DataError(
                    f"not a YARRRML mapping morph-kgc can read: {error}",
                    location=Location(str(standard.path)),
                ) from None
            store.extend(_quad(triple, standard.graph) for triple in rml)
    return store


def checks(root: Path | None = None) -> list[Path]:
    folder = (root or standards_root()) / "ontologies" / "checks"
    return sorted(folder.glob("*-violation.rq"))


def _row_text(row: ox.QuerySolution, variables: list[ox.Variable]) -> str:
    cells = []
    for variable in variables:
        value = row[variable]
        if value is None:
            continue
        text = value.value if isinstance(value, ox.Literal | ox.NamedNode) else str(value)
        if isinstance(value, ox.NamedNode) and text.startswith(FILE_GRAPH_PREFIX):
            text = text.removeprefix(FILE_GRAPH_PREFIX)
        cells.append(f"{variable.value}={text}")
    return " ".join(cells)


def run_check(store: ox.Store, check: Path) -> CheckFailure | None:
    """Run one ``*-violation.rq`` file; a failure lists one readable line per row."""
    solutions = store.query(check.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    variables = list(solutions.variables)
    rows = tuple(_row_text(row, variables) for row in solutions)
    return CheckFailure(check.name, rows) if rows else None


# The datatypes of the OWL 2 datatype map, the only ones HermiT accepts
# (https://www.w3.org/TR/owl2-syntax/#Datatype_Maps). xsd:date, xsd:gYear, xsd:duration and the
# other XML Schema types OWL 2 lacks are legal and useful in RDF ranges, so they are read as
# rdfs:Literal for reasoning only.
OWL2_DATATYPES = frozenset(
    XSD[name]
    for name in (
        "anyURI base64Binary boolean byte dateTime dateTimeStamp decimal double float hexBinary "
        "int integer language long Name NCName negativeInteger NMTOKEN nonNegativeInteger "
        "nonPositiveInteger normalizedString positiveInteger short string token unsignedByte "
        "unsignedInt unsignedLong unsignedShort"
    ).split()
)


class OntologyInconsistent(Exception):
    """HermiT found the vocabularies inconsistent, or found unsatisfiable classes."""


OWL_IMPORTS = "http://www.w3.org/2002/07/owl#imports"


def vocabulary_graph(root: Path | None = None) -> rdflib.Graph:
    """All of ontologies/ (vocabularies and code lists) in one graph, ready for a DL reasoner.

    Parsed by pyoxigraph (which names the line of a syntax error and refuses what rdflib would
    accept and then fail to write, such as an IRI with a space). ``owl:imports`` statements are
    left out: a reasoner follows them, and demoi reasons over its own files only, never over
    what a URL or a local path in a file could bring in."""
    root = root or standards_root()
    files = sorted((root / "ontologies").rglob("*.ttl"))
    if not files:  # a mistyped folder must not pass as "consistent"
        raise UsageError(f"{root}: no Turtle files in {root / 'ontologies'}")
    graph = rdflib.Graph()
    for path in files:
        try:
            quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except (SyntaxError, ValueError) as error:
            raise rdf_syntax_error(error, str(path), ox.RdfFormat.TURTLE) from None
        add_to_rdflib(graph, (q for q in quads if q.predicate.value != OWL_IMPORTS), str(path))
    for subject, predicate, value in list(graph):
        if not isinstance(value, rdflib.URIRef) or not value.startswith(str(XSD)):
            continue
        if value not in OWL2_DATATYPES:
            graph.remove((subject, predicate, value))
            graph.add((subject, predicate, RDFS.Literal))
    return graph


def add_to_rdflib(
    graph: rdflib.Graph, quads: Iterable[ox.Quad], file: str | None = None
) -> rdflib.Graph:
    """pyoxigraph's statements into an rdflib graph, term by term (never through a
    serialisation, which rdflib's parsers may read differently). RDF 1.2 triple terms have no
    place in the standards and are refused, naming the file; a literal's base direction
    (``"…"@en--ltr``) is dropped, since rdflib cannot hold it and neither OWL nor the style
    shapes look at it."""
    for quad in quads:
        where = file
        if where is None and isinstance(quad.graph_name, ox.NamedNode):
            where = quad.graph_name.value.removeprefix(FILE_GRAPH_PREFIX)
        graph.add(
            (
                _rdflib_term(quad.subject, where),
                _rdflib_term(quad.predicate, where),
                _rdflib_term(quad.object, where),
            )
        )
    return graph


def _rdflib_term(node: object, file: str | None) -> rdflib.term.Node:
    if isinstance(node, ox.NamedNode):
        return rdflib.URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return rdflib.BNode(node.value)
    if isinstance(node, ox.Literal):
        if node.language:
            return rdflib.Literal(node.value, lang=node.language)
        if node.datatype.value == str(XSD.string):
            return rdflib.Literal(node.value)
        return rdflib.Literal(node.value, datatype=rdflib.URIRef(node.datatype.value))
    raise DataError(
        "an RDF 1.2 triple term (<<( … )>>): demoi's standards state triples, they do not "
        "quote them",
        location=Location(file) if file else None,
    )


def classify(graph: rdflib.Graph) -> list[str]:
    """Classify with HermiT (owlready2, needs Java); return the unsatisfiable classes.

    Raises OntologyInconsistent when the ontology as a whole is inconsistent.
    """
    from demoi.vocab.reason import reason

    result = reason(graph)
    if not result.consistent:
        raise OntologyInconsistent(result.explanation)
    return result.unsatisfiable

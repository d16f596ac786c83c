"""SHACL shapes evaluated over an in-memory Oxigraph store, with pySHACL's results.

pySHACL walks an rdflib graph (≈12,500 triples/s on budget data); here the data is parsed by
pyoxigraph (about ten times faster), each target and each path is one SPARQL query over the whole
graph, and the constraint components are checked in Python on the rows, with the same rules as
pySHACL 0.40 (``demoi.validation.validate_graph``, the reference). tests/test_compiled_shapes.py
asserts identical results on every shape case, every mapping case and the W3C core suite.

What is not supported is never skipped: :class:`Unsupported` is raised, at compile time for a
shape (a SHACL feature not listed in ``SUPPORTED_PARAMETERS``, a zero-length path, a SPARQL query
Oxigraph will not run or pySHACL refuses, a message template pySHACL would fill in), and the
caller validates the whole graph with pySHACL instead (``demoi.validation.validate_ntriples``).
Shapes whose own SPARQL (sh:sparql, SPARQL targets) would meet a stand-in literal (below) are
left to pySHACL, shape by shape (``Evaluated.for_pyshacl``). As pySHACL reports them, the
results of a shape checked through sh:node are not results of the report (pySHACL nests them
under sh:detail).

Oxigraph keeps most literals as rdflib does, but not all: it stores xsd:decimal "1.50" as "1.5",
xsd:dateTimeStamp as xsd:dateTime, xsd:nonNegativeInteger as xsd:integer and lowercases language
tags, while rdflib has its own normalisations ("01"^^xsd:integer becomes "1"). So every literal
that the store would not keep as rdflib reads it (asked of a scratch Oxigraph store, see
``_stored_literals``) is given to the store as a stand-in literal of a private datatype that
carries rdflib's lexical form and the original datatype or language; the Python side turns it
back into the rdflib literal, so identity, lexical forms, datatypes and ill-typed values are
rdflib's. SPARQL filters clear most values before Python sees them (``Values.candidates``);
they hold only for literals the store keeps as they are, so a stand-in always goes to Python.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote, unquote

import pyoxigraph as ox
import rdflib
from pyshacl.rdfutil.compare import compare_literal
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

Term = rdflib.URIRef | rdflib.BNode | rdflib.Literal


class Unsupported(Exception):
    """A shape or a graph the compiled evaluation cannot give pySHACL's results for."""


# ---------------------------------------------------------------------------------------------
# Data: N-Triples into an Oxigraph store, literals kept as rdflib sees them.

STAND_IN = "urn:demoi:rdflib-literal:"
# Only the literals that may need a stand-in: typed with an XSD or RDF datatype, or with a
# language tag holding a capital letter (written unrolled, it scans several times faster). A
# match never spans lines, so it cannot start at the closing quote of the line before.
_LITERAL = re.compile(
    rb'"([^"\\\n\r]*(?:\\.[^"\\\n\r]*)*)"'
    rb"(?:\^\^<(http://www\.w3\.org/(?:2001/XMLSchema|1999/02/22-rdf-syntax-ns)#[^>]*)>"
    rb"|@([A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*))"
)
# Lexical forms that Oxigraph stores unchanged and rdflib parses without normalising, so these
# literals can go to the store as they are (the common ones in lifted data; anything else
# becomes a stand-in, which is always correct, only slower).
_DAY = rb"[1-9]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])"
_PLAIN_FORMS = {
    # Oxigraph's decimals hold 18 digits after the point: longer ones it would round.
    str(XSD.decimal).encode(): re.compile(rb"-?(?:0|[1-9]\d{0,15})\.\d{0,16}[1-9]"),
    str(XSD.integer).encode(): re.compile(rb"0|-?[1-9]\d{0,17}"),
    str(XSD.gYear).encode(): re.compile(rb"[1-9]\d{3}"),
    str(XSD.date).encode(): re.compile(_DAY),
    str(XSD.boolean).encode(): re.compile(rb"true|false"),
}
_TAGGED_DATATYPES = (str(XSD.string).encode(), str(RDF.langString).encode())
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        return chr(int(code, 16)) if code else _ESCAPES.get(match.group(3), match.group(3))

    return _ESCAPE.sub(one, text) if "\\" in text else text


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


@dataclass
class Data:
    """The data graph in a store, and how to turn its terms into rdflib's."""

    store: ox.Store
    stand_ins: int
    # The predicates of the triples whose object is a stand-in.
    stand_in_predicates: frozenset[str] = frozenset()
    _terms: dict[Any, Term] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The rdflib term of a store term already seen, or None (a falsy empty literal too,
        # so callers write ``known(node) or term(node)``).
        self.known: Callable[[Any], Term | None] = self._terms.get

    def term(self, node: Any) -> Term:
        found = self._terms.get(node)
        if found is None:
            found = self._terms[node] = _to_rdflib(node)
        return found

    def query(self, text: str, **options: Any) -> Iterator[Any]:
        try:
            solutions = self.store.query(text, **options)
        except (SyntaxError, ValueError, RuntimeError) as error:  # Oxigraph refuses the query
            raise Unsupported(f"Oxigraph cannot run {text!r}: {error}") from error
        return iter(solutions)  # type: ignore[arg-type]


def _first(rows: Iterable[Any]) -> Iterator[Any]:
    """The first value of each solution."""
    for row in rows:
        yield row[0]


def _to_rdflib(node: Any) -> Term:
    if isinstance(node, ox.NamedNode):
        return rdflib.URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return rdflib.BNode(node.value)
    datatype = node.datatype.value
    if datatype.startswith(STAND_IN):
        kind, _, original = datatype[len(STAND_IN) :].partition(":")
        if kind == "lang":
            return rdflib.Literal(node.value, lang=unquote(original))
        return rdflib.Literal(node.value, datatype=unquote(original))
    if node.language:
        return rdflib.Literal(node.value, lang=node.language)
    if datatype == str(XSD.string):
        return rdflib.Literal(node.value)
    return rdflib.Literal(node.value, datatype=datatype)


def to_oxigraph(term: Node) -> Any:
    """The store's term for an rdflib term (literals as :func:`load` stores them)."""
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        suffix = f"@{term.language}" if term.language else ""
        if term.datatype is not None:
            suffix = f"^^<{term.datatype}>"
        line = f'<urn:s> <urn:p> "{_escape(str(term))}"{suffix} .\n'.encode()
        store_form = _stored_literals(line)[0]
        return next(iter(ox.parse(store_form, format=ox.RdfFormat.N_TRIPLES))).object
    raise Unsupported(f"no store term for {term!r}")


def _stored_literals(ntriples: bytes) -> tuple[bytes, int, frozenset[str]]:
    """The N-Triples with every literal Oxigraph and rdflib see differently as a stand-in, how
    many, and the predicates of the triples that hold one."""
    forms: dict[bytes, bytes] = {}
    to_check: dict[bytes, tuple[bytes, bytes]] = {}
    # One scan of the text (the costly part): where each literal is, and how it goes to the
    # store; the text is then put together from the spans, not scanned again to substitute.
    spans: list[tuple[int, int, bytes]] = []
    for match in _LITERAL.finditer(ntriples):
        whole = match.group(0)
        spans.append((match.start(), match.end(), whole))
        if whole not in forms and whole not in to_check:
            form = _store_form(match)
            if isinstance(form, tuple):
                to_check[whole] = form
            else:
                forms[whole] = form
    forms.update(_as_oxigraph_keeps(to_check))
    pieces: list[bytes] = []
    predicates: set[bytes] = set()
    last = 0
    for start, end, whole in spans:
        found = forms[whole]
        if found != whole:
            pieces += (ntriples[last:start], found)
            last = end
            # A literal is the last term of its line: the predicate is the IRI just before it.
            head = ntriples[ntriples.rfind(b"\n", 0, start) + 1 : start].rstrip()
            predicates.add(head[head.rfind(b"<") + 1 : -1])
    if not pieces:
        return ntriples, 0, frozenset()
    pieces.append(ntriples[last:])
    named = frozenset(_unescape(predicate.decode()) for predicate in predicates)
    return b"".join(pieces), len(pieces) // 2, named


def _stand_in(lexical: bytes, datatype: bytes) -> bytes:
    return b'"%s"^^<%sdatatype:%s>' % (
        lexical,
        STAND_IN.encode(),
        quote(datatype.decode()).encode(),
    )


def _store_form(match: re.Match[bytes]) -> bytes | tuple[bytes, bytes]:
    """How the literal goes to the store, or (lexical, datatype) of rdflib's reading of it when
    only Oxigraph can tell whether it keeps that as it is."""
    lexical, datatype, language = match.groups()
    if language is not None:  # with a capital letter: rdflib keeps the case, Oxigraph not
        return b'"%s"^^<%s%s>' % (lexical, STAND_IN.encode(), b"lang:" + language)
    plain = _PLAIN_FORMS.get(datatype)
    if plain is not None and plain.fullmatch(lexical):
        return match.group(0)
    if datatype in _TAGGED_DATATYPES:  # Oxigraph merges "x"^^xsd:string with "x", rdflib not
        return _stand_in(_escape(_unescape(lexical.decode())).encode(), datatype)
    # rdflib's own reading of the literal: its lexical form after its normalisation.
    seen = rdflib.Literal(_unescape(lexical.decode()), datatype=datatype.decode())
    normal = _escape(str(seen)).encode()
    expected = _python_types().get(rdflib.URIRef(datatype.decode()))
    if seen.ill_typed or (expected is not None and not isinstance(seen.value, expected)):
        # The store must not hold it as a valid value: the sh:datatype query trusts it. The
        # stand-in carries the lexical form as written, not rdflib's rewriting of it: rdflib
        # reads "none"^^xsd:boolean as an ill-typed "false", and "false" read again would be a
        # well-typed false (sh:datatype xsd:boolean would accept it, pySHACL does not).
        return _stand_in(lexical, datatype)
    if plain is not None and plain.fullmatch(normal):
        return b'"%s"^^<%s>' % (normal, datatype)
    return normal, datatype


def _valid_query() -> str:
    """Each literal, and whether Oxigraph holds it as a valid value of its datatype (casting it
    gives it back); SPARQL over a literal it holds as an unknown form would differ from rdflib's."""
    test = "false"
    for name in (
        "decimal integer double float boolean dateTime date time duration "
        "yearMonthDuration dayTimeDuration"
    ).split():
        test = f"IF(datatype(?o) = <{XSD[name]}>, sameTerm(<{XSD[name]}>(?o), ?o), {test})"
    return f"SELECT ?s ?o (COALESCE({test}, false) AS ?valid) WHERE {{ ?s ?p ?o }}"


_VALID_QUERY = _valid_query()


def _as_oxigraph_keeps(literals: dict[bytes, tuple[bytes, bytes]]) -> dict[bytes, bytes]:
    """The literals Oxigraph stores exactly as written, as they are; the others as stand-ins.

    Asked of Oxigraph itself (a scratch store) rather than of a copy of its canonical forms.
    """
    if not literals:
        return {}
    items = list(literals.items())
    lines = b"".join(
        b'<urn:demoi:literal:%d> <urn:demoi:p> "%s"^^<%s> .\n' % (number, lexical, datatype)
        for number, (_, (lexical, datatype)) in enumerate(items)
    )
    scratch = ox.Store()
    scratch.load(lines, format=ox.RdfFormat.N_TRIPLES)
    stored = {
        int(row[0].value.rsplit(":", 1)[1]): (row[1], row[2].value == "true")
        for row in scratch.query(_VALID_QUERY)  # type: ignore[union-attr]
    }
    found = {}
    for number, (whole, (lexical, datatype)) in enumerate(items):
        literal, valid = stored[number]
        same = (
            valid
            and _escape(literal.value).encode() == lexical
            and literal.datatype.value.encode() == datatype
        )
        found[whole] = b'"%s"^^<%s>' % (lexical, datatype) if same else _stand_in(lexical, datatype)
    return found


def load(ntriples: bytes) -> Data:
    rewritten, stand_ins, predicates = _stored_literals(ntriples)
    store = ox.Store()
    if b"_:" in rewritten:
        # Store.load renames blank nodes; parsed quads keep their labels, as rdflib does.
        store.extend(ox.parse(rewritten, format=ox.RdfFormat.N_TRIPLES))
    else:
        store.load(rewritten, format=ox.RdfFormat.N_TRIPLES)
    return Data(store, stand_ins, predicates)


# ---------------------------------------------------------------------------------------------
# Shapes

SUPPORTED_PARAMETERS = {
    SH[name]
    for name in (
        "path class datatype nodeKind minCount maxCount minExclusive minInclusive maxExclusive "
        "maxInclusive minLength maxLength pattern flags languageIn uniqueLang equals disjoint "
        "lessThan lessThanOrEquals not and or xone node qualifiedValueShape qualifiedMinCount "
        "qualifiedMaxCount qualifiedValueShapesDisjoint closed ignoredProperties hasValue in "
        "sparql property targetClass targetNode targetSubjectsOf targetObjectsOf target "
        "severity message name description deactivated order group defaultValue"
    ).split()
}
SUPPORTED_PARAMETERS.add(RDF.type)
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


@dataclass(frozen=True)
class Result:
    origin: Term  # the focus node whose evaluation gave the result
    focus: Term
    path: str | None
    value: Term | None
    shape: str
    component: str
    severity: str
    messages: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PathSpec:
    sparql: str
    report: str


def _iri(node: Node) -> str:
    if not isinstance(node, rdflib.URIRef):
        raise Unsupported(f"{node!r} is not an IRI")
    return f"<{node}>"


def compile_path(shapes: rdflib.Graph, node: Node) -> PathSpec:
    if isinstance(node, rdflib.URIRef):
        return PathSpec(f"<{node}>", str(node))
    sparql = _path_sparql(shapes, node)
    return PathSpec(sparql, sparql)


def _path_sparql(shapes: rdflib.Graph, node: Node) -> str:
    if isinstance(node, rdflib.URIRef):
        return f"<{node}>"
    kinds = (
        RDF.first,
        SH.inversePath,
        SH.alternativePath,
        SH.oneOrMorePath,
        SH.zeroOrMorePath,
        SH.zeroOrOnePath,
    )
    if sum((node, kind, None) in shapes for kind in kinds) != 1:
        raise Unsupported(f"path {node!r} is not one kind of path")  # validators differ on it
    inverse = shapes.value(node, SH.inversePath)
    if inverse is not None:
        return f"^({_path_sparql(shapes, inverse)})"
    alternatives = shapes.value(node, SH.alternativePath)
    if alternatives is not None:
        members = [
            _path_sparql(shapes, m) for m in rdflib.collection.Collection(shapes, alternatives)
        ]
        return "(" + "|".join(members) + ")"
    more = shapes.value(node, SH.oneOrMorePath)
    if more is not None:
        return f"({_path_sparql(shapes, more)})+"
    if (node, RDF.first, None) in shapes:
        members = [_path_sparql(shapes, m) for m in rdflib.collection.Collection(shapes, node)]
        return "(" + "/".join(members) + ")"
    # Zero-length paths (sh:zeroOrMorePath, sh:zeroOrOnePath) reach nodes outside the graph.
    raise Unsupported(f"path {node!r}")


def _severity(shapes: rdflib.Graph, node: Node) -> str:
    severity = shapes.value(node, SH.severity)
    return str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"


def _shape_messages(shapes: rdflib.Graph, holders: Iterable[Node]) -> tuple[tuple[str, str], ...]:
    found = [
        m for h in holders for m in shapes.objects(h, SH.message) if isinstance(m, rdflib.Literal)
    ]
    return tuple(sorted((m.language or "", str(m)) for m in found))


@dataclass
class Shape:
    node: Node
    name: str
    path: PathSpec | None
    severity: str
    messages: tuple[tuple[str, str], ...]
    checks: list[Callable[[Evaluation, Values], Iterable[Result]]]
    targets: list[str]
    target_nodes: list[Term]


class Profile:
    """The shapes of a shapes graph, compiled; raises :class:`Unsupported` on what it can't do."""

    def __init__(self, shapes: rdflib.Graph) -> None:
        self.graph = shapes
        if any(shapes.triples((None, SH.rule, None))) or any(
            shapes.triples((None, SH.entailment, None))
        ):
            raise Unsupported("SHACL rules or entailment")
        self._compiled: dict[Node, Shape] = {}
        # The shapes' own SPARQL (constraints and targets) by shape, as run over the data.
        self.sparql_texts: dict[Node, list[str]] = {}
        self.targeted = [self.shape(node) for node in self._targeted_nodes()]

    def _targeted_nodes(self) -> list[Node]:
        nodes: set[Node] = set()
        for predicate in TARGETS:
            nodes.update(self.graph.subjects(predicate, None))
        for kind in (SH.NodeShape, SH.PropertyShape):
            for node in self.graph.subjects(RDF.type, kind):
                if self._is_class(node):
                    nodes.add(node)
        return sorted((n for n in nodes if not self._deactivated(n)), key=str)

    def _is_class(self, node: Node) -> bool:
        return (node, RDF.type, RDFS.Class) in self.graph or (
            node,
            RDF.type,
            OWL.Class,
        ) in self.graph

    def _deactivated(self, node: Node) -> bool:
        flag = self.graph.value(node, SH.deactivated)
        return isinstance(flag, rdflib.Literal) and flag.value is True

    def shape(self, node: Node) -> Shape:
        found = self._compiled.get(node)
        if found is None:
            found = self._compiled[node] = self._compile(node)
        return found

    def _compile(self, node: Node) -> Shape:
        g = self.graph
        for predicate in set(g.predicates(node, None)):
            if predicate not in SUPPORTED_PARAMETERS and str(predicate).startswith(str(SH)):
                raise Unsupported(f"{predicate} on {node}")
        path_node = g.value(node, SH.path)
        for message in g.objects(node, SH.message):
            if re.search(r"\{[$?]", str(message)):
                raise Unsupported(f"a message template on {node}")  # pySHACL fills those in
        shape = Shape(
            node=node,
            name=str(node),
            path=compile_path(g, path_node) if path_node is not None else None,
            severity=_severity(g, node),
            messages=_shape_messages(g, [node]),
            checks=[],
            targets=[],
            target_nodes=[],
        )
        self._compiled[node] = shape  # recursive shapes refer to themselves
        if not self._deactivated(node):
            self._compile_targets(shape)
            shape.checks = list(_checks(self, shape))
        return shape

    def _compile_targets(self, shape: Shape) -> None:
        g, node = self.graph, shape.node
        classes = list(g.objects(node, SH.targetClass))
        if self._is_class(node):
            classes.append(node)
        for target_class in classes:
            shape.targets.append(f"?this <{RDF.type}>/<{RDFS.subClassOf}>* {_iri(target_class)} .")
        for target in g.objects(node, SH.targetNode):
            if isinstance(target, rdflib.BNode):
                raise Unsupported("blank node target")
            shape.target_nodes.append(target)  # type: ignore[arg-type]
        for predicate in g.objects(node, SH.targetSubjectsOf):
            shape.targets.append(f"?this {_iri(predicate)} ?any .")
        for predicate in g.objects(node, SH.targetObjectsOf):
            shape.targets.append(f"?any {_iri(predicate)} ?this .")
        for target in g.objects(node, SH.target):
            select = g.value(target, SH.select)
            others = {
                p for p in g.predicates(target, None) if p not in (RDF.type, SH.select, SH.prefixes)
            }
            kinds = set(g.objects(target, RDF.type)) - {SH.SPARQLTarget}
            if select is None or others or kinds:
                raise Unsupported(f"target {target!r}")
            text = self.prefixes(target) + str(select)
            self.sparql_texts.setdefault(node, []).append(text)
            shape.targets.append("{ " + _subquery(text) + " }")

    def prefixes(self, holder: Node) -> str:
        lines = []
        for ontology in self.graph.objects(holder, SH.prefixes):
            for declaration in self.graph.objects(ontology, SH.declare):
                prefix = self.graph.value(declaration, SH.prefix)
                namespace = self.graph.value(declaration, SH.namespace)
                lines.append(f"PREFIX {prefix}: <{namespace}>\n")
        return "".join(lines)


def _subquery(select: str) -> str:
    if re.search(r"^\s*PREFIX", select, re.IGNORECASE | re.MULTILINE):
        raise Unsupported("prefixes in a SPARQL target")  # a subquery cannot declare them
    return select


# ---------------------------------------------------------------------------------------------
# Evaluation


class Evaluation:
    def __init__(self, profile: Profile, data: Data) -> None:
        self.profile = profile
        self.data = data
        self._paths: dict[tuple[str, str | None], dict[Term, list[Term]]] = {}
        self._raw: dict[str, dict[Term, list[Any]]] = {}
        self._targets: dict[str, list[Term]] = {}
        self._instances: dict[str, set[Term]] = {}
        self._selected: dict[str, set[Term]] = {}
        self._nested: dict[tuple[Node, frozenset[Term]], dict[Term, list[Result]]] = {}

    def focus_nodes(self, shape: Shape) -> list[Term]:
        found: dict[Term, None] = dict.fromkeys(shape.target_nodes)
        for pattern in shape.targets:
            targeted = self._targets.get(pattern)
            if targeted is None:
                query = f"SELECT DISTINCT ?this WHERE {{ {pattern} }}"
                term, known = self.data.term, self.data.known
                targeted = [known(node) or term(node) for node in _first(self.data.query(query))]
                self._targets[pattern] = targeted
            found.update(dict.fromkeys(targeted))
        return list(found)

    def path_table(self, path: PathSpec, keep: str | None = None) -> dict[Term, list[Term]]:
        """Subject → its values on the path; with ``keep``, only the values it does not hold for."""
        key = (path.sparql, keep)
        table = self._paths.get(key)
        if table is None:
            distinct: dict[Term, dict[Term, None]] = {}
            term = self.data.term
            # An error in the condition (a value Oxigraph cannot compare) keeps the value too.
            condition = f" FILTER (!COALESCE(({keep}), false))" if keep else ""
            known = self.data.known  # hot loop: a cached term without a call
            for row in self.data.query(_path_query(path, condition)):
                subject, value = row[0], row[1]
                distinct.setdefault(known(subject) or term(subject), {})[
                    known(value) or term(value)
                ] = None
            table = self._paths[key] = {s: list(o) for s, o in distinct.items()}
        return table

    def raw_path_table(self, path: PathSpec) -> dict[Term, list[Any]]:
        """Subject → its values on the path as the store's terms."""
        key = path.sparql
        table = self._raw.get(key)
        if table is None:
            distinct: dict[Term, dict[Any, None]] = {}
            term = self.data.term
            known = self.data.known
            for row in self.data.query(_path_query(path)):
                subject = row[0]
                distinct.setdefault(known(subject) or term(subject), {})[row[1]] = None
            table = self._raw[key] = {s: list(o) for s, o in distinct.items()}
        return table

    def counted(self, path: PathSpec, having: str) -> set[Term]:
        """The subjects whose number of distinct values on the path meets ``having`` (on ?n),
        found by the store: only those cross into Python."""
        if having == "?n >= 1":  # the common sh:minCount 1: no counting at all
            return self._subjects(f"SELECT DISTINCT ?this WHERE {{ ?this {path.sparql} ?o }}")
        return self._subjects(
            f"SELECT ?this WHERE {{ ?this {path.sparql} ?o }} GROUP BY ?this "
            f"HAVING ({having.replace('?n', 'COUNT(DISTINCT ?o)')})"
        )

    def having_value(self, path: PathSpec, value: rdflib.URIRef) -> set[Term]:
        """The subjects with the IRI ``value`` among their values on the path."""
        query = f"SELECT DISTINCT ?this WHERE {{ ?this {path.sparql} <{value}> }}"
        return self._subjects(query)

    def _subjects(self, query: str) -> set[Term]:
        found = self._selected.get(query)
        if found is None:
            term, known = self.data.term, self.data.known
            found = self._selected[query] = {
                known(node) or term(node) for node in _first(self.data.query(query))
            }
        return found

    def instances(self, target_class: Node) -> set[Term]:
        key = str(target_class)
        found = self._instances.get(key)
        if found is None:
            member = f"?x <{RDF.type}>/<{RDFS.subClassOf}>* {_iri(target_class)}"
            query = f"SELECT DISTINCT ?x WHERE {{ {member} }}"
            found = self._instances[key] = {
                self.data.term(row[0]) for row in self.data.query(query)
            }
        return found

    def results(self, shape: Shape, focus: Iterable[Term]) -> list[Result]:
        values = Values(self, shape.path, focus)
        found: list[Result] = []
        for check in shape.checks:
            found.extend(check(self, values))
        return found

    def nested(self, node: Node, candidates: Iterable[Term]) -> dict[Term, list[Result]]:
        """The results of the shape ``node`` on each candidate that has any."""
        nodes = frozenset(candidates)
        key = (node, nodes)
        found = self._nested.get(key)
        if found is None:
            found = self._nested[key] = {}
            for result in self.results(self.profile.shape(node), nodes):
                found.setdefault(result.origin, []).append(result)
        return found

    def failing(self, node: Node, candidates: Iterable[Term]) -> set[Term]:
        """The candidates that do not conform to the shape ``node`` (any result at all)."""
        return set(self.nested(node, candidates))

    def validate(self, skipped: Iterable[Node] = ()) -> list[Result]:
        left_out = set(skipped)
        found: list[Result] = []
        for shape in self.profile.targeted:
            if shape.node not in left_out:
                found.extend(self.results(shape, self.focus_nodes(shape)))
        return found


def _path_query(path: PathSpec, condition: str = "") -> str:
    """SELECT ?this ?o: each subject and its values on the path."""
    return f"SELECT ?this ?o WHERE {{ ?this {path.sparql} ?o{condition} }}"


class Values(Mapping[Term, list[Term]]):
    """The value nodes of each focus node of a shape, fetched only as far as a check needs."""

    def __init__(self, ev: Evaluation, path: PathSpec | None, focus: Iterable[Term]) -> None:
        self.ev = ev
        self.path = path
        self.focus = list(dict.fromkeys(focus))
        self._all: dict[Term, list[Term]] | None = None

    def _table(self) -> dict[Term, list[Term]]:
        if self._all is None:
            if self.path is None:
                self._all = {node: [node] for node in self.focus}
            else:
                table = self.ev.path_table(self.path) if self.focus else {}
                self._all = {node: table.get(node, []) for node in self.focus}
        return self._all

    def __getitem__(self, focus: Term) -> list[Term]:
        return self._table()[focus]

    def __iter__(self) -> Iterator[Term]:
        return iter(self.focus)

    def __len__(self) -> int:
        return len(self.focus)

    def count_failing(self, bound: int, *, minimum: bool) -> Iterator[Term]:
        """The focus nodes with fewer (``minimum``) or more values than ``bound``."""
        if self.path is None or self._all is not None:
            for focus, nodes in self._table().items():
                if (len(nodes) < bound) if minimum else (len(nodes) > bound):
                    yield focus
            return
        if not self.focus or (minimum and bound <= 0):
            return
        if minimum:
            enough = self.ev.counted(self.path, f"?n >= {bound}")
            yield from (focus for focus in self.focus if focus not in enough)
        else:
            too_many = self.ev.counted(self.path, f"?n > {bound}")
            yield from (focus for focus in self.focus if focus in too_many)

    def candidates(self, keep: str | None) -> Iterator[tuple[Term, list[Term]]]:
        """Each focus node with its values for which the SPARQL condition ``keep`` (on ?o) is
        not true; ``keep`` must imply that the check passes, the check decides the rest."""
        if keep is None or self.path is None or self._all is not None:
            yield from self._table().items()
            return
        if not self.focus:
            return
        table = self.ev.path_table(self.path, keep)
        for focus in self.focus:
            found = table.get(focus)
            if found:
                yield focus, found


Check = Callable[[Evaluation, Values], Iterable[Result]]


def _result(shape: Shape, component: str, origin: Term, value: Term | None, **kw: Any) -> Result:
    return Result(
        origin=origin,
        focus=kw.get("focus", origin),
        path=kw.get("path", shape.path.report if shape.path else None),
        value=value,
        shape=shape.name,
        component=component,
        severity=shape.severity,
        messages=kw.get("messages", shape.messages),
    )


def _per_value(
    shape: Shape, component: str, ok: Callable[[Evaluation, Term], bool], keep: str | None = None
) -> Check:
    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        for focus, nodes in values.candidates(keep):
            for value in nodes:
                if not ok(ev, value):
                    yield _result(shape, component, focus, value)

    return check


def _per_string(
    shape: Shape,
    component: str,
    ok: Callable[[Evaluation | None, Term | str], bool],
    blank_ok: bool = False,
) -> Check:
    """A check on str() of the values, run on the store's terms: the lexical form of a literal
    the store keeps as it is is rdflib's; only stand-ins and failing values become rdflib terms."""

    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        if values.path is None:
            yield from _per_value(shape, component, ok)(ev, values)
            return
        table = ev.raw_path_table(values.path) if values.focus else {}
        for focus in values.focus:
            for node in table.get(focus, ()):
                if isinstance(node, ox.BlankNode):
                    passed = blank_ok
                elif isinstance(node, ox.Literal) and node.datatype.value.startswith(STAND_IN):
                    passed = ok(ev, ev.data.term(node))
                else:
                    passed = ok(ev, node.value)
                if not passed:
                    yield _result(shape, component, focus, ev.data.term(node))

    return check


def _list(graph: rdflib.Graph, node: Node) -> list[Node]:
    return list(rdflib.collection.Collection(graph, node))


def _checks(profile: Profile, shape: Shape) -> Iterator[Check]:  # noqa: C901 - one branch a component
    g, node = profile.graph, shape.node

    def objects(predicate: rdflib.URIRef) -> list[Node]:
        return list(g.objects(node, predicate))

    for target_class in objects(SH["class"]):
        yield _per_value(
            shape, "ClassConstraintComponent", _class_ok(target_class), _class_keep(target_class)
        )
    for datatype in objects(SH.datatype):
        keep: str | None = f"isLiteral(?o) && datatype(?o) = <{datatype}>"
        yield _per_value(shape, "DatatypeConstraintComponent", _datatype_ok(datatype), keep)
    for kind in objects(SH.nodeKind):
        yield _per_value(shape, "NodeKindConstraintComponent", _kind_ok(kind), _kind_keep(kind))
    for bound in objects(SH.minCount):
        yield _count(shape, "MinCountConstraintComponent", _integer(bound), minimum=True)
    for bound in objects(SH.maxCount):
        yield _count(shape, "MaxCountConstraintComponent", _integer(bound), minimum=False)
    for name, test, operator in (
        ("minExclusive", lambda c: c > 0, ">"),
        ("minInclusive", lambda c: c >= 0, ">="),
        ("maxExclusive", lambda c: c < 0, "<"),
        ("maxInclusive", lambda c: c <= 0, "<="),
    ):
        for bound in objects(SH[name]):
            component = name[0].upper() + name[1:] + "ConstraintComponent"
            keep = _range_keep(bound, operator)
            yield _per_value(shape, component, _range_ok(bound, test), keep)
    for bound in objects(SH.minLength)[:1]:
        ok = _length_ok(bound, minimum=True)
        yield _per_string(shape, "MinLengthConstraintComponent", ok, ok(None, rdflib.BNode()))
    for bound in objects(SH.maxLength)[:1]:
        yield _per_string(shape, "MaxLengthConstraintComponent", _length_ok(bound, minimum=False))
    flags = g.value(node, SH.flags)
    for pattern in objects(SH.pattern):
        yield _per_string(shape, "PatternConstraintComponent", _pattern_ok(pattern, flags))
    for languages in objects(SH.languageIn)[:1]:
        wanted = {str(lang).lower() for lang in _list(g, languages)}
        yield _per_value(
            shape, "LanguageInConstraintComponent", _language_ok(wanted), _language_keep(wanted)
        )
    unique = [
        u for u in objects(SH.uniqueLang) if isinstance(u, rdflib.Literal) and u.value is True
    ]
    if unique:
        yield _unique_lang(shape)
    for other in objects(SH.equals):
        yield _pair(shape, "EqualsConstraintComponent", other)
    for other in objects(SH.disjoint):
        yield _pair(shape, "DisjointConstraintComponent", other)
    for other in objects(SH.lessThan):
        yield _pair(shape, "LessThanConstraintComponent", other)
    for other in objects(SH.lessThanOrEquals):
        yield _pair(shape, "LessThanOrEqualsConstraintComponent", other)
    for nested in objects(SH["not"]):
        profile.shape(nested)
        yield _logical(shape, "NotConstraintComponent", [nested], lambda passed, n: passed == 0)
    for members in objects(SH["and"]):
        listed = _list(g, members)
        for member in listed:
            profile.shape(member)
        yield _logical(shape, "AndConstraintComponent", listed, lambda passed, n: passed == n)
    for members in objects(SH["or"]):
        listed = _list(g, members)
        for member in listed:
            profile.shape(member)
        yield _logical(shape, "OrConstraintComponent", listed, lambda passed, n: passed > 0)
    for members in objects(SH.xone):
        listed = _list(g, members)
        for member in listed:
            profile.shape(member)
        yield _logical(shape, "XoneConstraintComponent", listed, lambda passed, n: passed == 1)
    for nested in objects(SH.node):
        profile.shape(nested)
        yield _node(shape, nested)
    for qualified in objects(SH.qualifiedValueShape):
        yield from _qualified(profile, shape, qualified)
    for value in objects(SH.hasValue):
        yield _has_value(shape, value)
    for members in objects(SH["in"]):
        listed = _list(g, members)
        allowed = set(listed)
        yield _per_value(
            shape,
            "InConstraintComponent",
            lambda ev, v, a=allowed: v in a,  # type: ignore[misc]
            _in_keep(listed),
        )
    closed = g.value(node, SH.closed)
    if isinstance(closed, rdflib.Literal) and closed.value is True:
        yield _closed(profile, shape)
    for constraint in objects(SH.sparql):
        yield _sparql(profile, shape, constraint)
    for member in objects(SH.property):
        yield _property(profile.shape(member))


# Conditions in SPARQL on a value ?o that imply a check passes, so that only the other values
# are fetched and turned into rdflib terms. They hold for the literals the store keeps as they
# are (see _store_form): a stand-in literal never meets them, and is checked in Python.
NUMERIC = f"<{XSD.integer}>, <{XSD.decimal}>"


def _class_keep(target_class: Node) -> str | None:
    if not isinstance(target_class, rdflib.URIRef):
        return None
    return f"EXISTS {{ ?o <{RDF.type}>/<{RDFS.subClassOf}>* <{target_class}> }}"


def _kind_keep(kind: Node) -> str | None:
    tests = {
        SH.IRI: "isIRI(?o)",
        SH.BlankNode: "isBlank(?o)",
        SH.Literal: "isLiteral(?o)",
        SH.BlankNodeOrIRI: "(isBlank(?o) || isIRI(?o))",
        SH.BlankNodeOrLiteral: "(isBlank(?o) || isLiteral(?o))",
        SH.IRIOrLiteral: "(isIRI(?o) || isLiteral(?o))",
    }
    return tests.get(kind)  # type: ignore[call-overload, no-any-return]


def _plain_sparql(term: Node) -> str | None:
    """The term in SPARQL if the store holds it as itself (not a stand-in, not a blank node)."""
    if isinstance(term, rdflib.URIRef):
        return f"<{term}>"
    if isinstance(term, rdflib.Literal):
        stored = to_oxigraph(term)
        if not stored.datatype.value.startswith(STAND_IN):
            return str(stored)
    return None


def _range_keep(bound: Node, operator: str) -> str | None:
    if not isinstance(bound, rdflib.Literal) or bound.datatype not in (XSD.integer, XSD.decimal):
        return None
    written = _plain_sparql(bound)
    if written is None:
        return None
    return f"isLiteral(?o) && datatype(?o) IN ({NUMERIC}) && ?o {operator} {written}"


def _language_keep(wanted: set[str]) -> str | None:
    if "*" in wanted:
        return 'isLiteral(?o) && lang(?o) != ""'
    quoted = ", ".join(f'"{language}"' for language in sorted(wanted) if language.isalnum())
    return f"isLiteral(?o) && lang(?o) IN ({quoted})" if quoted else None


# Above this many sh:in members, membership is asked of a VALUES block: Oxigraph's time for a
# chain of sameTerm tests grows faster than its length (5,000 members: 12 s on 2,000 values,
# 0.6 s with VALUES); for a few members the chain is as fast (200,000 values: within noise).
_IN_CHAIN_LIMIT = 32


def _in_keep(members: list[Node]) -> str | None:
    written = [_plain_sparql(member) for member in members]
    terms = [w for w in written if w is not None]
    if not terms or len(terms) != len(written):
        return None
    if len(terms) > _IN_CHAIN_LIMIT:
        # A join with VALUES matches same terms only, as sameTerm does.
        return "EXISTS { VALUES ?o { " + " ".join(terms) + " } }"
    return " || ".join(f"sameTerm(?o, {w})" for w in terms)


def _integer(node: Node) -> int:
    if not isinstance(node, rdflib.Literal) or not isinstance(node.value, int):
        raise Unsupported(f"{node!r} is not an integer")
    return node.value


def _class_ok(target_class: Node) -> Callable[[Evaluation, Term], bool]:
    def ok(ev: Evaluation, value: Term) -> bool:
        return not isinstance(value, rdflib.Literal) and value in ev.instances(target_class)

    return ok


@cache
def _python_types() -> dict[Node, type | tuple[type, ...]]:
    from datetime import date, datetime, time
    from decimal import Decimal

    return {
        XSD.string: (str, bytes),
        RDF.langString: (str, bytes),
        XSD.integer: int,
        XSD.float: float,
        XSD.decimal: Decimal,
        XSD.boolean: bool,
        XSD.date: date,
        XSD.time: time,
        XSD.dateTime: datetime,
    }


def _datatype_ok(datatype: Node) -> Callable[[Evaluation, Term], bool]:
    # pySHACL's DatatypeConstraintComponent, rule for rule.
    def actual(value: rdflib.Literal) -> bool:
        expected = _python_types().get(datatype)
        return expected is None or isinstance(value.value, expected)

    def ok(ev: Evaluation, value: Term) -> bool:
        if not isinstance(value, rdflib.Literal):
            return False
        if value.datatype == datatype:
            return False if value.ill_typed is True else actual(value)
        if datatype == RDFS.Literal:
            return True
        if datatype == RDFS.Datatype and value.datatype:
            return True
        if value.datatype is None and value.language is None and datatype == XSD.string:
            return actual(value)
        if datatype == RDF.langString and value.language:
            return actual(value)
        return False

    return ok


def _kind_ok(kind: Node) -> Callable[[Evaluation, Term], bool]:
    allowed = {
        SH.IRI: (rdflib.URIRef,),
        SH.BlankNode: (rdflib.BNode,),
        SH.Literal: (rdflib.Literal,),
        SH.BlankNodeOrIRI: (rdflib.BNode, rdflib.URIRef),
        SH.BlankNodeOrLiteral: (rdflib.BNode, rdflib.Literal),
        SH.IRIOrLiteral: (rdflib.URIRef, rdflib.Literal),
    }.get(kind)  # type: ignore[call-overload]
    if allowed is None:
        raise Unsupported(f"sh:nodeKind {kind}")
    return lambda ev, value: isinstance(value, allowed)


def _range_ok(bound: Node, test: Callable[[int], bool]) -> Callable[[Evaluation, Term], bool]:
    if not isinstance(bound, rdflib.Literal):
        raise Unsupported("a range bound that is not a literal")
    bound_is_string = isinstance(bound.value, str)

    def ok(ev: Evaluation, value: Term) -> bool:
        if not isinstance(value, rdflib.Literal):
            return False
        if bound_is_string != isinstance(value.value, str):
            return False
        try:
            return bool(test(compare_literal(value, bound)))  # type: ignore[no-untyped-call]
        except (TypeError, NotImplementedError):
            return False

    return ok


def _as_string(value: Term | str) -> str:
    if isinstance(value, rdflib.Literal):
        if value.value is not None and value.datatype in (None, RDF.langString, XSD.string):
            return str(value.value)
    return str(value)


def _length_ok(bound: Node, *, minimum: bool) -> Callable[[Evaluation | None, Term | str], bool]:
    if not isinstance(bound, rdflib.Literal) or not isinstance(bound.value, int) or bound.value < 0:
        raise Unsupported("a length bound that is not a non-negative integer")
    limit = bound.value

    def ok(ev: Evaluation | None, value: Term | str) -> bool:
        if minimum and limit == 0:
            return True
        if isinstance(value, rdflib.BNode):
            return False
        length = len(_as_string(value))
        return length >= limit if minimum else length <= limit

    return ok


def _pattern_ok(
    pattern: Node, flags: Node | None
) -> Callable[[Evaluation | None, Term | str], bool]:
    options = 0
    if isinstance(flags, rdflib.Literal):
        text = str(flags.value).lower()
        options |= re.I if "i" in text else 0
        options |= re.M if "m" in text else 0
    compiled = re.compile(str(pattern), options)

    def ok(ev: Evaluation | None, value: Term | str) -> bool:
        return (
            not isinstance(value, rdflib.BNode) and compiled.search(_as_string(value)) is not None
        )

    return ok


def _language_ok(wanted: set[str]) -> Callable[[Evaluation, Term], bool]:
    def ok(ev: Evaluation, value: Term) -> bool:
        if not isinstance(value, rdflib.Literal) or not value.language:
            return False
        language = str(value.language).lower()
        return "*" in wanted or language in wanted or language.split("-")[0] in wanted

    return ok


def _count(shape: Shape, component: str, bound: int, *, minimum: bool) -> Check:
    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        for focus in values.count_failing(bound, minimum=minimum):
            yield _result(shape, component, focus, None)

    return check


def _unique_lang(shape: Shape) -> Check:
    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        for focus, nodes in values.items():
            seen: set[str] = set()
            duplicates: set[str] = set()
            for value in nodes:
                if isinstance(value, rdflib.Literal) and value.language:
                    language = str(value.language).lower()
                    (duplicates if language in seen else seen).add(language)
            for _ in duplicates:
                yield _result(shape, "UniqueLangConstraintComponent", focus, None)

    return check


def _pair(shape: Shape, component: str, other: Node) -> Check:
    other_path = PathSpec(_iri(other), str(other))

    strict = component == "LessThanConstraintComponent"
    if component.startswith("LessThan") and shape.path is not None:
        return _less_than(shape, component, other_path, strict)

    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        table = ev.path_table(other_path)
        for focus, nodes in values.items():
            mine, theirs = set(nodes), set(table.get(focus, []))
            if component == "EqualsConstraintComponent":
                for value in (mine - theirs) | (theirs - mine):
                    yield _result(shape, component, focus, value)
            elif component == "DisjointConstraintComponent":
                for value in mine & theirs:
                    yield _result(shape, component, focus, value)
            else:
                for value in mine:
                    for compared in theirs:
                        if not _less(value, compared, strict):
                            yield _result(shape, component, focus, value)

    return check


def _less_than(shape: Shape, component: str, other: PathSpec, strict: bool) -> Check:
    operator = "<" if strict else "<="
    day = "STRLEN(STR(?o)) = 10 && STRLEN(STR(?x)) = 10"
    # Pairs of plain numbers or plain dates that are in order pass in pySHACL too; the others
    # are checked in Python.
    ordered = (
        f"isLiteral(?o) && isLiteral(?x) && ("
        f"(datatype(?o) IN ({NUMERIC}) && datatype(?x) IN ({NUMERIC}) && ?o {operator} ?x) || "
        f"(datatype(?o) = <{XSD.date}> && datatype(?x) = <{XSD.date}> && {day} "
        f"&& ?o {operator} ?x))"
    )
    path = shape.path.sparql if shape.path else ""
    query = (
        f"SELECT DISTINCT ?s ?o ?x WHERE {{ ?s {path} ?o . ?s {other.sparql} ?x "
        f"FILTER (!COALESCE(({ordered}), false)) }}"
    )

    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        focus = set(values.focus)
        term = ev.data.term
        for row in ev.data.query(query):
            subject = term(row[0])
            if subject in focus and not _less(term(row[1]), term(row[2]), strict):
                yield _result(shape, component, subject, term(row[1]))

    return check


def _less(value: Term, compared: Term, strict: bool) -> bool:
    # pySHACL's sh:lessThan(OrEquals): IRIs and string literals compare as strings, other
    # literals with rdflib's ordering; a blank node is an error there, so pySHACL decides.
    if isinstance(value, rdflib.BNode) or isinstance(compared, rdflib.BNode):
        raise Unsupported("sh:lessThan with a blank node")
    left, left_text = _comparable(value)
    right, right_text = _comparable(compared)
    if left_text != right_text:
        return False
    try:
        return bool(left < right) if strict else bool(left <= right)
    except TypeError as error:
        raise Unsupported(f"cannot compare {value!r} with {compared!r}") from error


def _comparable(term: Term) -> tuple[Any, bool]:
    if isinstance(term, rdflib.URIRef):
        return str(term), True
    if isinstance(term, rdflib.Literal) and isinstance(term.value, str):
        return term.value, True
    return term, False


def _logical(
    shape: Shape, component: str, members: list[Node], ok: Callable[[int, int], bool]
) -> Check:
    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        candidates = {v for nodes in values.values() for v in nodes}
        failing = [ev.failing(member, candidates) for member in members]
        for focus, nodes in values.items():
            for value in nodes:
                passed = sum(value not in fails for fails in failing)
                if not ok(passed, len(members)):
                    yield _result(shape, component, focus, value)

    return check


def _node(shape: Shape, nested: Node) -> Check:
    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        candidates = {v for nodes in values.values() for v in nodes}
        details = ev.nested(nested, candidates)
        for focus, nodes in values.items():
            for value in nodes:
                # The node shape's own results explain this one (pySHACL nests them under
                # sh:detail): they are not results of the report.
                if value in details:
                    yield _result(shape, "NodeConstraintComponent", focus, value)

    return check


def _qualified(profile: Profile, shape: Shape, qualified: Node) -> Iterator[Check]:
    g = profile.graph
    profile.shape(qualified)
    siblings: list[Node] = []
    disjoint = g.value(shape.node, SH.qualifiedValueShapesDisjoint)
    if isinstance(disjoint, rdflib.Literal) and disjoint.value is True:
        for parent in g.subjects(SH.property, shape.node):
            for member in g.objects(parent, SH.property):
                if member != shape.node:
                    for sibling in g.objects(member, SH.qualifiedValueShape):
                        profile.shape(sibling)
                        siblings.append(sibling)
    bounds = [
        (component, _integer(bound), minimum)
        for predicate, component, minimum in (
            (SH.qualifiedMinCount, "QualifiedMinCountConstraintComponent", True),
            (SH.qualifiedMaxCount, "QualifiedMaxCountConstraintComponent", False),
        )
        for bound in g.objects(shape.node, predicate)
    ]
    for component, bound, minimum in bounds:

        def check(
            ev: Evaluation,
            values: Values,
            c: str = component,
            b: int = bound,
            m: bool = minimum,
        ) -> Iterator[Result]:
            candidates = {v for nodes in values.values() for v in nodes}
            failing = ev.failing(qualified, candidates)
            in_siblings = [ev.failing(s, candidates) for s in siblings]
            for focus, nodes in values.items():
                count = sum(
                    1
                    for v in nodes
                    if v not in failing and all(v in fails for fails in in_siblings)
                )
                if (count < b) if m else (count > b):
                    yield _result(shape, c, focus, None)

        yield check


def _has_value(shape: Shape, wanted: Node) -> Check:
    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        if isinstance(wanted, rdflib.URIRef) and values.path is not None and values._all is None:
            # An IRI is the same term in the store as in rdflib: ask the store for the subjects
            # that have it rather than fetch every value of the path (rdf:type: every type).
            having = ev.having_value(values.path, wanted)
            for focus in values.focus:
                if focus not in having:
                    yield _result(shape, "HasValueConstraintComponent", focus, None)
            return
        for focus, nodes in values.items():
            if wanted not in nodes:
                yield _result(shape, "HasValueConstraintComponent", focus, None)

    return check


def _closed(profile: Profile, shape: Shape) -> Check:
    g = profile.graph
    allowed = {
        p for member in g.objects(shape.node, SH.property) for p in g.objects(member, SH.path)
    }
    for ignored in g.objects(shape.node, SH.ignoredProperties):
        allowed.update(_list(g, ignored))
    if shape.path is not None:
        raise Unsupported("sh:closed on a property shape")

    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        for focus, nodes in values.items():
            for value in nodes:
                if isinstance(value, rdflib.Literal):
                    continue
                query = "SELECT $this ?p ?o WHERE { $this ?p ?o }"
                rows = ev.data.query(query, substitutions={ox.Variable("this"): to_oxigraph(value)})
                for row in rows:
                    predicate = ev.data.term(row[1])
                    if predicate not in allowed:
                        yield _result(
                            shape,
                            "ClosedConstraintComponent",
                            focus,
                            ev.data.term(row[2]),
                            path=str(predicate),
                        )

    return check


def _sparql(profile: Profile, shape: Shape, constraint: Node) -> Check:
    g = profile.graph
    select = g.value(constraint, SH.select)
    others = {
        p
        for p in g.predicates(constraint, None)
        if p not in (RDF.type, SH.select, SH.message, SH.prefixes, SH.deactivated)
    }
    if select is None or others:
        raise Unsupported(f"SPARQL constraint {constraint!r}")
    deactivated = g.value(constraint, SH.deactivated)
    if isinstance(deactivated, rdflib.Literal) and deactivated.value is True:
        return lambda ev, values: ()
    text = profile.prefixes(constraint) + str(select)
    if "$shapesGraph" in text or "?shapesGraph" in text:
        raise Unsupported("$shapesGraph")
    if re.search(r"\$PATH\b", text):
        if shape.path is None:
            raise Unsupported("$PATH without a path")
        text = re.sub(r"\$PATH\b", lambda m: shape.path.sparql, text)  # type: ignore[union-attr]
    profile.sparql_texts.setdefault(shape.node, []).append(text)
    binds_shape = re.search(r"[$?]currentShape\b", text) is not None
    binds_this = re.search(r"[$?]this\b", text) is not None
    tagged = [m for m in _shape_messages(g, [shape.node, constraint]) if m[0]]
    messages = tuple(tagged) or _shape_messages(g, [constraint]) or shape.messages
    _pyshacl_accepts(text)
    try:
        ox.Store().query(text)  # refuse what Oxigraph cannot parse while compiling
    except SyntaxError as error:
        raise Unsupported(
            f"Oxigraph cannot parse the SPARQL constraint of {shape.name}: {error}"
        ) from error

    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        for focus in values:
            substitutions = {}
            if binds_this:
                substitutions[ox.Variable("this")] = to_oxigraph(focus)
            if binds_shape:
                substitutions[ox.Variable("currentShape")] = to_oxigraph(shape.node)
            seen: list[tuple[Any, ...]] = []
            for row in ev.data.query(text, substitutions=substitutions):
                bound = {name: row[name] for name in ("failure", "path", "value", "this")}
                if bound["failure"] is not None:
                    raise Unsupported("?failure in a SPARQL constraint")
                this, path, value = (
                    ev.data.term(bound[n]) if bound[n] is not None else None
                    for n in ("this", "path", "value")
                )
                if this is None and path is None and value is None:
                    continue
                key = (this, path, value)
                if key in seen:
                    continue
                seen.append(key)
                if value is None and shape.path is None:
                    value = focus
                yield _result(
                    shape,
                    "SPARQLConstraintComponent",
                    focus,
                    value,
                    focus=this or focus,
                    path=str(path)
                    if path is not None
                    else (shape.path.report if shape.path else None),
                    messages=messages,
                )

    return check


def _pyshacl_accepts(text: str) -> None:
    """Raise Unsupported for a SPARQL constraint pySHACL refuses (MINUS, VALUES, SERVICE, a
    nested SELECT without $this, ...: a validation failure there, not results), so that
    pySHACL, the reference, answers. Its own check, not a copy of its rules: the method reads
    only the class's regular expressions, hence an instance made without __init__."""
    from pyshacl.errors import ValidationFailure
    from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper

    try:
        SPARQLQueryHelper.__new__(SPARQLQueryHelper).check_invalid_sparql(text)  # type: ignore[no-untyped-call]
    except ValidationFailure as failure:
        raise Unsupported(f"pySHACL refuses the SPARQL constraint: {failure.message}") from None


def _property(nested: Shape) -> Check:
    def check(ev: Evaluation, values: Values) -> Iterator[Result]:
        value_nodes = {v: None for nodes in values.values() for v in nodes}
        by_value: dict[Term, list[Result]] = {}
        for found in ev.results(nested, value_nodes):
            by_value.setdefault(found.origin, []).append(found)
        # pySHACL checks the nested shape once per focus node of the holder, so a value node
        # shared by two focus nodes gives its results twice, each with its own origin.
        for focus, nodes in values.items():
            for value in nodes:
                for r in by_value.get(value, []):
                    yield dataclasses.replace(r, origin=focus)

    return check


@cache
def compiled(shapes: rdflib.Graph) -> Profile:
    return Profile(shapes)


@dataclass(frozen=True)
class Evaluated:
    results: list[Result]
    # Targeted shapes left for pySHACL (``pyshacl.validate(use_shapes=...)``): their SPARQL
    # would see stand-in literals, so over this data only pySHACL gives their results.
    for_pyshacl: list[rdflib.URIRef | str]


def evaluate(
    shapes: rdflib.Graph, ntriples: bytes, *, timings: dict[str, float] | None = None
) -> Evaluated:
    """The validation results of the N-Triples against the shapes, as pySHACL gives them, but
    for the shapes it names as left for pySHACL. ``timings``, if given, receives the seconds
    spent compiling the shapes, loading the data and checking it."""
    clock = _Clock(timings)
    profile = compiled(shapes)
    clock.lap("compile")
    data = load(ntriples)
    clock.lap("load")
    left: set[Node] = set()
    if data.stand_ins:
        for shape in profile.targeted:
            if _uses_sparql(profile.graph, shape.node, set(), top=True):
                nested = _nested_shapes(profile.graph, shape.node)
                if not _sparql_avoids(profile, nested, data.stand_in_predicates):
                    left |= nested
        # pySHACL skips the named shapes nested in one it checks unless they are listed too,
        # and then checks them on their own targets as well: those are not checked here.
        while True:
            more = {
                n
                for s in profile.targeted
                if s.node in left
                for n in _nested_shapes(profile.graph, s.node)
            }
            if more <= left:
                break
            left |= more
    for_pyshacl: list[rdflib.URIRef | str] = sorted(n for n in left if isinstance(n, rdflib.URIRef))
    if any(s.node in left and not isinstance(s.node, rdflib.URIRef) for s in profile.targeted):
        raise Unsupported("a blank-node shape with SPARQL over stand-in literals")
    results = Evaluation(profile, data).validate(left)
    clock.lap("check")
    return Evaluated(results, for_pyshacl)


class _Clock:
    """Seconds between laps, into the caller's dict (nothing is timed without one)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[name] = self.timings.get(name, 0.0) + now - self.last
            self.last = now


NESTING = (SH.property, SH.node, SH["not"], SH.qualifiedValueShape)
NESTING_LISTS = (SH["and"], SH["or"], SH.xone)


def _nested(graph: rdflib.Graph, node: Node) -> list[Node]:
    nested = [n for predicate in NESTING for n in graph.objects(node, predicate)]
    for predicate in NESTING_LISTS:
        for members in graph.objects(node, predicate):
            nested.extend(_list(graph, members))
    return nested


def _nested_shapes(graph: rdflib.Graph, node: Node) -> set[Node]:
    """The shape and every shape checking it may check, however deep."""
    found = {node}
    waiting = [node]
    while waiting:
        for nested in _nested(graph, waiting.pop()):
            if nested not in found:
                found.add(nested)
                waiting.append(nested)
    return found


def _sparql_avoids(profile: Profile, shapes: Iterable[Node], predicates: frozenset[str]) -> bool:
    """Whether no SPARQL of these shapes can meet a literal of one of the ``predicates``: each
    query matches triples of named predicates only, none of them one of these. A literal is only
    ever an object, so such a query never binds one, and runs over the store as over rdflib."""
    for node in shapes:
        for text in profile.sparql_texts.get(node, ()):
            read = _query_predicates(text)
            if read is None or read & predicates:
                return False
    return True


@cache
def _query_predicates(text: str) -> frozenset[str] | None:
    """Every predicate the query's triple patterns and paths name; None if one is a variable or
    a negated property set (it could match any predicate). Read with rdflib's SPARQL parser,
    the one pySHACL runs the query with."""
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        query = prepareQuery(text.replace("$", "?"))
    except Exception:  # noqa: BLE001 - any query rdflib cannot read is treated as unknown
        return None
    found: set[str] = set()

    def path_iris(path: Any) -> bool:
        if isinstance(path, rdflib.URIRef):
            found.add(str(path))
            return True
        if isinstance(path, rdflib.paths.NegatedPath) or (
            isinstance(path, CompValue) and path.name == "PathNegatedPropertySet"
        ):
            return False
        if isinstance(path, rdflib.paths.Path):  # translated: sequence, alternative, inverse, +*?
            # SequencePath and AlternativePath hold args, InvPath arg, MulPath path.
            parts = getattr(path, "args", None) or [
                getattr(path, "arg", None) or getattr(path, "path", None)
            ]
            return all(path_iris(part) for part in parts)
        if isinstance(path, CompValue):  # not translated (inside EXISTS): Path* parse nodes
            return all(path_iris(part) for part in path.values() if not isinstance(part, str))
        if isinstance(path, list):
            return all(path_iris(part) for part in path)
        return False  # a variable

    def walk(node: Any) -> bool:
        if isinstance(node, CompValue):
            if node.name == "BGP":
                if not all(path_iris(p) for _, p, _ in node.triples):
                    return False
            elif node.name == "TriplesBlock":  # not translated (inside EXISTS): s p o s p o …
                flat = [term for block in node.triples for term in block]
                if len(flat) % 3 or not all(path_iris(p) for p in flat[1::3]):
                    return False
            return all(walk(value) for key, value in node.items() if key != "triples")
        if isinstance(node, (list, tuple)):
            return all(walk(item) for item in node)
        return True

    return frozenset(found) if walk(query.algebra) else None


def _uses_sparql(graph: rdflib.Graph, node: Node, seen: set[Node], *, top: bool) -> bool:
    """Whether checking ``node`` runs a SPARQL query of the shapes' own (target or rule)."""
    if node in seen:
        return False
    seen.add(node)
    if (node, SH.sparql, None) in graph or (top and (node, SH.target, None) in graph):
        return True
    return any(_uses_sparql(graph, n, seen, top=False) for n in _nested(graph, node))

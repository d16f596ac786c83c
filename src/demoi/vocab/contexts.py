"""JSON-LD contexts built from the vocabularies: one per functional area, and one for all.

A context names the terms a vocabulary defines or declares: the term's local name maps to its
IRI (``"BudgetLine": "fin:BudgetLine"``), with the value's type where the vocabulary says it:
``"@type": "@id"`` for an object property (or a range that is a class or ``skos:Concept``), the
XML Schema datatype of a datatype property (``"fiscalYear": {"@id": "fin:fiscalYear",
"@type": "xsd:gYear"}``), ``"@container": "@language"`` for an ``rdf:langString`` range. The
prefixes are those the Turtle files declare.

An area's context holds ``ontologies/<area>.ttl`` and ``ontologies/common.ttl``; where two IRIs
share a local name, the area's own term keeps it, then common's, then a reused term, and the
others are named prefix-qualified (``"demoi:municipality"``). The all-areas context
(``demoi``) favours no area: a local name two areas' own terms share is prefix-qualified for
both (a reused term still yields to a demoi term). A name that is also a prefix is always
qualified. Docs: docs/jsonld-contexts.md.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from demoi.atomic_write import replace_file
from demoi.errors import UsageError
from demoi.resources import standards_root

#: The name of the all-areas context (``demoi.jsonld``).
ALL_AREAS = "demoi"
COMMON = "common"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
QB = "http://purl.org/linked-data/cube#"
FUNCTIONAL_AREA = ox.NamedNode("https://w3id.org/demoi/def/common#functionalArea")
TYPE = ox.NamedNode(RDF + "type")
RANGE = ox.NamedNode(RDFS + "range")
UNION_OF = ox.NamedNode(OWL + "unionOf")
FIRST = ox.NamedNode(RDF + "first")
REST = ox.NamedNode(RDF + "rest")

CLASS_TYPES = frozenset({OWL + "Class", RDFS + "Class"})
OBJECT_PROPERTY = OWL + "ObjectProperty"
PROPERTY_TYPES = frozenset(
    {
        RDF + "Property",
        OBJECT_PROPERTY,
        OWL + "DatatypeProperty",
        OWL + "AnnotationProperty",
        QB + "DimensionProperty",
        QB + "MeasureProperty",
        QB + "AttributeProperty",
    }
)
#: Ranges that put no type on a value: a plain JSON string is already an xsd:string.
UNTYPED_RANGES = frozenset({XSD + "string", RDFS + "Literal", RDF + "langString"})
LANG_STRING = RDF + "langString"
RDF_DATATYPES = frozenset({RDF + name for name in ("HTML", "XMLLiteral", "JSON", "langString")})
#: rdf:type is written as JSON-LD's own ``@type``, never as a term.
NOT_TERMS = frozenset({TYPE.value})
#: A name JSON-LD reads as a plain term: not empty, not keyword-like (``@context`` would make a
#: processor fetch a URL, ``@id`` is rejected), and without the characters that make a key an IRI
#: or compact IRI (``:``, ``/``, ``#``, ``?``, ``[``, ``]``) or that no reader could type.
TERM_NAME = re.compile(r"[^@:/#?\[\]\s][^:/#?\[\]\s]*")


def is_term_name(name: str) -> bool:
    return TERM_NAME.fullmatch(name) is not None


def scheme(iri: str) -> str:
    """The part before the first ``:``: what JSON-LD would take as a prefix."""
    return iri.partition(":")[0]


@dataclass(frozen=True)
class TermDefinition:
    iri: str
    #: ``@id`` or a datatype IRI, or None when values keep their own form.
    coercion: str | None = None
    language_map: bool = False


@dataclass(frozen=True)
class Context:
    """A JSON-LD context: prefixes and term definitions, with full IRIs."""

    prefixes: dict[str, str]
    terms: dict[str, TermDefinition]

    def document(self) -> dict[str, object]:
        """The context as a JSON-LD document: ``{"@context": {...}}``."""
        return {"@context": self.body()}

    def body(self) -> dict[str, object]:
        """Prefixes and terms; a name that is not a plain term (``@context``, ``@import``, an
        empty prefix) is never written, whatever the vocabularies hold, so nothing in a context
        can make a reader fetch a URL."""
        body: dict[str, object] = {
            name: namespace
            for name, namespace in sorted(self.prefixes.items())
            if is_term_name(name)
        }
        for name, term in sorted(self.terms.items()):
            if is_term_name(name) or _is_qualified(name):
                body[name] = self._definition(term)
        return body

    def text(self) -> str:
        """The document as the command writes it and the server serves it."""
        return json.dumps(self.document(), ensure_ascii=False, indent=2) + "\n"

    def compact_iri(self, iri: str) -> str:
        for name, namespace in sorted(self.prefixes.items()):
            local = iri.removeprefix(namespace)
            if local != iri and local and is_term_name(name) and not local.startswith("//"):
                return f"{name}:{local}"
        return iri

    def _definition(self, term: TermDefinition) -> str | dict[str, str]:
        iri = self.compact_iri(term.iri)
        if term.language_map:
            return {"@id": iri, "@container": "@language"}
        if term.coercion is None:
            return iri
        coercion = term.coercion if term.coercion == "@id" else self.compact_iri(term.coercion)
        return {"@id": iri, "@type": coercion}

    def restricted(self, iris: set[str]) -> Context:
        """The part of the context that IRIs use: the same compaction of data that holds only
        these IRIs, with a context a few lines long instead of hundreds."""
        # An IRI such as geo:37.03,22.11 or fin:x would read back through a prefix or term of
        # that name as another IRI, so such names are left out of this data's context.
        schemes = {scheme(iri) for iri in iris}
        terms = {
            name: term
            for name, term in self.terms.items()
            if term.iri in iris and scheme(name) not in schemes
        }
        needed = iris | {term.iri for term in terms.values()}
        needed |= {term.coercion for term in terms.values() if term.coercion}
        prefixes = {
            name: namespace
            for name, namespace in self.prefixes.items()
            if name not in schemes and any(iri.startswith(namespace) for iri in needed)
        }
        return Context(prefixes, terms)

    def without_coercion(self, iris: set[str]) -> Context:
        """The context with the terms of ``iris`` writing their values in their own form."""
        terms = {
            name: TermDefinition(term.iri) if term.iri in iris and term.coercion == "@id" else term
            for name, term in self.terms.items()
        }
        # A qualified name left with no coercion only restates what its prefix says.
        terms = {
            name: term
            for name, term in terms.items()
            if ":" not in name or term.coercion or term.language_map
        }
        return Context(self.prefixes, terms)


def _is_qualified(name: str) -> bool:
    prefix, _, local = name.partition(":")
    return is_term_name(prefix) and bool(local) and not local.startswith("//")


# -- reading the vocabularies --------------------------------------------------------------


@dataclass
class _Vocabulary:
    """What one Turtle file of ontologies/ contributes."""

    name: str
    namespace: str | None
    prefixes: dict[str, str]
    quads: list[ox.Quad]
    area: str | None = None
    terms: list[str] = field(default_factory=list)

    @property
    def context_name(self) -> str | None:
        """The context this file has of its own: its functional area's, or for a vocabulary
        of no area (privacy) its file's name; common's terms go into every context."""
        if self.area:
            return self.area
        return self.name if self.namespace and self.name != COMMON else None


def _read(path: Path) -> _Vocabulary:
    from demoi.store.oxigraph import rdf_syntax_error

    parser = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    try:
        quads = list(parser)
    except (SyntaxError, ValueError) as error:
        raise rdf_syntax_error(error, str(path), ox.RdfFormat.TURTLE) from None
    ontology = next((q.subject for q in quads if q.object == ox.NamedNode(OWL + "Ontology")), None)
    area = next(
        (q.object.value.rsplit("/", 1)[-1] for q in quads if q.predicate == FUNCTIONAL_AREA),
        None,
    )
    namespace = ontology.value + "#" if isinstance(ontology, ox.NamedNode) else None
    return _Vocabulary(path.stem, namespace, dict(parser.prefixes), quads, area)


@dataclass(frozen=True)
class Standards:
    """The vocabularies of ontologies/, read once."""

    vocabularies: dict[str, _Vocabulary]
    #: Area -> the IRIs its vocabulary and its shapes mention: the terms its data uses.
    mentions: dict[str, set[str]]
    kinds: dict[str, set[str]]  # IRI -> its rdf:types, over every file
    ranges: dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal]]
    lists: dict[ox.BlankNode, list[ox.NamedNode | ox.BlankNode | ox.Literal]]

    @property
    def areas(self) -> list[str]:
        return sorted(v.area for v in self.vocabularies.values() if v.area)

    @property
    def names(self) -> list[str]:
        """Every context but the all-areas one: the areas', then other vocabularies' (privacy)."""
        others = (v.context_name for v in self.vocabularies.values() if not v.area)
        return self.areas + sorted(name for name in others if name)

    def by_area(self, area: str) -> _Vocabulary:
        return next(v for v in self.vocabularies.values() if v.context_name == area)


def read_standards(root: Path | None = None) -> Standards:
    """Parse every vocabulary of ``ontologies/`` (not the code lists). A file that does not
    parse raises RdfSyntaxError (exit 1) with its line and column."""
    root = root or standards_root()
    folder = root / "ontologies"
    if not (folder / f"{COMMON}.ttl").is_file():
        raise UsageError(
            f"{folder / COMMON}.ttl: λείπει· δεν είναι φάκελος προτύπων / "
            "missing: not a standards folder"
        )
    vocabularies = {path.stem: _read(path) for path in sorted(folder.glob("*.ttl"))}
    mentions = {
        vocabulary.context_name: _mentioned(
            vocabulary.quads, root / "shapes", vocabulary.context_name
        )
        for vocabulary in vocabularies.values()
        if vocabulary.context_name
    }
    kinds: dict[str, set[str]] = defaultdict(set)
    ranges: dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal]] = defaultdict(list)
    cells: dict[ox.NamedNode, dict[ox.BlankNode, ox.NamedNode | ox.BlankNode | ox.Literal]] = {
        FIRST: {},
        REST: {},
        UNION_OF: {},
    }
    for vocabulary in vocabularies.values():
        for quad in vocabulary.quads:
            subject, predicate, value = quad.subject, quad.predicate, quad.object
            if predicate == TYPE and isinstance(value, ox.NamedNode):
                kinds[_key(subject)].add(value.value)
            elif predicate == RANGE and isinstance(subject, ox.NamedNode):
                ranges[subject.value].append(_node(value))
            elif predicate in cells and isinstance(subject, ox.BlankNode):
                cells[predicate][subject] = _node(value)
        vocabulary.terms = sorted(
            {
                quad.subject.value
                for quad in vocabulary.quads
                if isinstance(quad.subject, ox.NamedNode)
                and quad.predicate == TYPE
                and isinstance(quad.object, ox.NamedNode)
                and quad.object.value in CLASS_TYPES | PROPERTY_TYPES
                and quad.subject.value not in NOT_TERMS
            }
        )
    unions = _unions(cells[UNION_OF], cells[FIRST], cells[REST])
    return Standards(vocabularies, mentions, dict(kinds), dict(ranges), unions)


def _mentioned(quads: list[ox.Quad], shapes: Path, area: str) -> set[str]:
    """Every IRI of the area's vocabulary and shapes: its data uses other areas' terms too
    (culture's monuments have places' locn:address, mobility's counts qudt:numericValue)."""
    for path in (shapes / f"{area}.ttl", shapes / f"{area}-recommended.ttl"):
        if path.is_file():
            quads = quads + _read(path).quads
    return {
        term.value
        for quad in quads
        for term in (quad.subject, quad.predicate, quad.object)
        if isinstance(term, ox.NamedNode)
    }


def _key(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def _node(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    assert isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal)
    return term


def _unions(
    heads: Mapping[ox.BlankNode, ox.NamedNode | ox.BlankNode | ox.Literal],
    firsts: Mapping[ox.BlankNode, ox.NamedNode | ox.BlankNode | ox.Literal],
    rests: Mapping[ox.BlankNode, ox.NamedNode | ox.BlankNode | ox.Literal],
) -> dict[ox.BlankNode, list[ox.NamedNode | ox.BlankNode | ox.Literal]]:
    """The members of each ``owl:unionOf`` list, keyed by the union's node: ranges such as
    ``[ owl:unionOf ( fin:BudgetLine qb:DataSet ) ]``."""
    members: dict[ox.BlankNode, list[ox.NamedNode | ox.BlankNode | ox.Literal]] = {}
    for union, head in heads.items():
        items, cell = [], head
        while isinstance(cell, ox.BlankNode) and cell in firsts:
            items.append(firsts[cell])
            cell = rests.get(cell, ox.NamedNode(RDF + "nil"))
        members[union] = items
    return members


# -- term definitions ----------------------------------------------------------------------


def _is_datatype(standards: Standards, iri: str) -> bool:
    return (
        iri.startswith(XSD)
        or iri in RDF_DATATYPES
        or iri == RDFS + "Literal"
        or RDFS + "Datatype" in standards.kinds.get(iri, set())
    )


def _is_class(standards: Standards, range_: ox.NamedNode | ox.BlankNode | ox.Literal) -> bool:
    if isinstance(range_, ox.BlankNode):
        members = standards.lists.get(range_, [])
        return bool(members) and all(_is_class(standards, member) for member in members)
    if not isinstance(range_, ox.NamedNode) or _is_datatype(standards, range_.value):
        return False
    known = standards.kinds.get(range_.value, set())
    return range_.value == SKOS + "Concept" or bool(known & CLASS_TYPES)


def definition(standards: Standards, iri: str) -> TermDefinition:
    """How a term's values are written, from its type and range."""
    ranges = standards.ranges.get(iri, [])
    named = {r.value for r in ranges if isinstance(r, ox.NamedNode)}
    if named == {LANG_STRING}:
        return TermDefinition(iri, language_map=True)
    if len(named) == 1 and len(ranges) == 1:
        (range_,) = named
        if _is_datatype(standards, range_):
            return TermDefinition(iri, None if range_ in UNTYPED_RANGES else range_)
    if ranges and all(_is_class(standards, r) for r in ranges):
        return TermDefinition(iri, "@id")
    if OBJECT_PROPERTY in standards.kinds.get(iri, set()) and not named & UNTYPED_RANGES:
        return TermDefinition(iri, "@id")
    return TermDefinition(iri)


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


def _name_terms(
    ranked: Mapping[str, int], prefixes: Mapping[str, str], compact: Context
) -> dict[str, str]:
    """Term name -> IRI. A local name shared by several IRIs goes to the best-ranked one (lowest
    rank) when it alone has that rank; every other IRI is named prefix-qualified."""
    claims: dict[str, list[str]] = defaultdict(list)
    for iri in ranked:
        name = local_name(iri)
        if is_term_name(name):
            claims[name].append(iri)
    names: dict[str, str] = {}
    for name, iris in claims.items():
        best = min(ranked[iri] for iri in iris)
        winners = [iri for iri in iris if ranked[iri] == best]
        for iri in iris:
            if name not in prefixes and iri == winners[0] and len(winners) == 1:
                names[name] = iri
            else:
                qualified = compact.compact_iri(iri)
                # Without a prefix, the full IRI is the only name.
                if qualified != iri and _is_qualified(qualified):
                    names[qualified] = iri
    return names


def _build(standards: Standards, files: list[tuple[_Vocabulary, int]]) -> Context:
    prefixes: dict[str, str] = {}
    ranked: dict[str, int] = {}
    for vocabulary, _ in files:
        for name, namespace in vocabulary.prefixes.items():
            # The first file's prefix wins, the area's own before common's.
            prefixes.setdefault(name, namespace)
    for vocabulary, rank in files:
        for iri in vocabulary.terms:
            own = vocabulary.namespace is not None and iri.startswith(vocabulary.namespace)
            ranked[iri] = min(ranked.get(iri, 99), rank if own else rank + len(files))
    names = _name_terms(ranked, prefixes, Context(prefixes, {}))
    terms = {name: definition(standards, iri) for name, iri in names.items()}
    # A qualified name that only restates its compact IRI adds nothing: the prefix does it.
    return Context(
        prefixes,
        {
            name: term
            for name, term in terms.items()
            if ":" not in name or term.coercion or term.language_map
        },
    )


def build_context(standards: Standards, area: str) -> Context:
    """The context of ``area``, or of all areas for ``demoi``."""
    common = standards.vocabularies[COMMON]
    if area == ALL_AREAS:
        everything = [standards.by_area(name) for name in standards.names] + [common]
        # One rank for all: no area's term takes a shared local name from another.
        return _build(standards, [(vocabulary, 0) for vocabulary in everything])
    if area not in standards.names:
        raise UsageError(
            f"άγνωστο πεδίο / unknown area {area!r}; τα πεδία / the areas: "
            f"{', '.join(standards.names)} (και / and {ALL_AREAS}: όλα / all)"
        )
    own = standards.by_area(area)
    mentioned = standards.mentions[area]
    others = [_mentioned_part(v, mentioned) for v in standards.vocabularies.values()]
    others = [v for v in others if v.terms and v.name not in (own.name, COMMON)]
    # Other vocabularies add the terms the area mentions, and the prefixes of those terms,
    # after the area's own and common's.
    context = _build(standards, [(own, 0), (common, 1)] + [(other, 2) for other in others])
    return _with_every_prefix(standards, context)


def _with_every_prefix(standards: Standards, context: Context) -> Context:
    """The context with the prefixes every vocabulary declares, where the name is free, so
    that an area's data that names another area's class or value gets a compact IRI."""
    prefixes = dict(context.prefixes)
    namespaces = set(prefixes.values())
    for vocabulary in standards.vocabularies.values():
        for name, namespace in sorted(vocabulary.prefixes.items()):
            if name not in prefixes and name not in context.terms and namespace not in namespaces:
                prefixes[name] = namespace
                namespaces.add(namespace)
    return Context(prefixes, context.terms)


def _mentioned_part(vocabulary: _Vocabulary, mentioned: set[str]) -> _Vocabulary:
    terms = [iri for iri in vocabulary.terms if iri in mentioned]
    prefixes = {
        name: namespace
        for name, namespace in vocabulary.prefixes.items()
        if any(local_name(iri) and iri == namespace + local_name(iri) for iri in terms)
    }
    return _Vocabulary(vocabulary.name, vocabulary.namespace, prefixes, [], terms=terms)


def build_contexts(standards: Standards) -> dict[str, Context]:
    """Every area's context and the all-areas one, by name."""
    return {name: build_context(standards, name) for name in [*standards.names, ALL_AREAS]}


def write_contexts(contexts: Mapping[str, Context], out: Path) -> list[Path]:
    """Write ``<name>.jsonld`` into ``out`` (created if missing) for each context. Each file is
    written whole or not at all: a temporary file renamed over the target."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: δεν είναι φάκελος / is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{out}: {error.strerror}") from None
    written = []
    for name, context in contexts.items():
        target = out / f"{name}.jsonld"
        replace_file(target, context.text().encode("utf-8"))
        written.append(target)
    return written


@cache
def standard_context(area: str = ALL_AREAS) -> Context:
    """The context of the installed standards (read once per process), for the server's
    JSON-LD outputs."""
    return build_context(_installed_standards(), area)


@cache
def _installed_standards() -> Standards:
    return read_standards()


def known_areas() -> list[str]:
    """The names of the installed contexts but the all-areas one: the areas, then privacy."""
    return _installed_standards().names


def iris_in(terms: Iterable[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]) -> set[str]:
    """The IRIs (and literal datatypes) among terms: what ``Context.restricted`` keeps."""
    found: set[str] = set()
    for term in terms:
        if isinstance(term, ox.NamedNode):
            found.add(term.value)
        elif isinstance(term, ox.Literal):
            found.add(term.datatype.value)
    return found

"""The documentation site as data: the standards read into one page per area (vocabulary,
its rules, examples, class diagram), one per code list (concept scheme), the index and the
changelog, with every term, concept and shape given an anchor on its page.

Sources: the Turtle of ``ontologies/`` and ``shapes/`` under a standards root, its
``ontologies/CHANGELOG.md``, and the valid example cases of ``tests/cases/shapes/<area>/``
when the root has them (a source checkout; the wheel does not ship tests/).

Anchors: a term of the area's own namespace is anchored by its local name, so
``…/def/finance#BudgetLine`` and ``…/shapes/finance#BudgetLine-kaeCode-count`` land on their
sections; a concept of a code list by the last segment of its IRI (usually its notation, which
the page shows as its code); a reused term
by its prefixed name with ``-`` for ``:`` (``qb-Observation``), which no local name of a demoi
term collides with.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from demoi.errors import DataError, Location, UsageError
from demoi.iris import STANDARDS_BASE
from demoi.vocab.diagram import ClassNode, Diagram
from demoi.vocab.docs_changelog import Changelog, read_changelog
from demoi.vocab.docs_rules import Rule, RuleWriter, node_shape_users, shape_iris
from demoi.vocab.docs_terms import Fact, Refs, Target, Term
from demoi.vocab.docs_turtle import (
    DCTERMS,
    OWL,
    RDF_TYPE,
    RDFS,
    SH,
    SKOS,
    VANN,
    Bilingual,
    FileGraph,
    Node,
    Vocabulary,
    bilingual_literals,
    local_name,
    parse_file,
)

CLASS_TYPES = {OWL + "Class", RDFS + "Class"}
CONCEPT = SKOS + "Concept"
SCHEME = SKOS + "ConceptScheme"
#: Lines of an example shown before it is cut.
EXAMPLE_LINES = 60
EXAMPLES_FOLDER = Path("tests") / "cases" / "shapes"


@dataclass
class Example:
    name: str
    why: str
    turtle: str
    more_lines: int


@dataclass
class Profile:
    """A SHACL profile file of an area (``shapes/<area>.ttl``, ``…-recommended.ttl``)."""

    iri: str
    title: Bilingual
    description: Bilingual | None
    file: str


@dataclass
class AreaPage:
    slug: str
    iri: str
    title: Bilingual
    description: Bilingual | None
    file: str
    prefix: str | None
    namespace: str
    classes: list[Term] = field(default_factory=list)
    properties: list[Term] = field(default_factory=list)
    others: list[Term] = field(default_factory=list)
    concepts: list[Term] = field(default_factory=list)
    reused: list[Term] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    node_rules: list[Rule] = field(default_factory=list)
    property_rules: list[Rule] = field(default_factory=list)
    examples: list[Example] | None = None
    diagram: Diagram = field(default_factory=Diagram)

    @property
    def key(self) -> str:
        return f"area/{self.slug}"


@dataclass
class CodeListPage:
    slug: str
    iri: str
    title: Bilingual
    definition: Bilingual | None
    file: str
    facts: list[Fact] = field(default_factory=list)
    concepts: list[Term] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"code/{self.slug}"


@dataclass
class Site:
    areas: list[AreaPage]
    code_lists: list[CodeListPage]
    changelog: Changelog | None
    #: Every documented IRI (terms, concepts, schemes, shapes, vocabularies, shape files) ->
    #: its place in the site.
    index: dict[str, Target]
    #: Whether the standards root had example cases at all (the wheel has none).
    has_examples: bool

    def area(self, slug: str) -> AreaPage | None:
        return next((area for area in self.areas if area.slug == slug), None)

    def code_list(self, slug: str) -> CodeListPage | None:
        return next((page for page in self.code_lists if page.slug == slug), None)


# -- reading ------------------------------------------------------------------------------


def _graphs(root: Path, folder: str, pattern: str) -> list[FileGraph]:
    return [
        parse_file(path, path.relative_to(root).as_posix())
        for path in sorted((root / folder).glob(pattern))
    ]


def _iri_subjects(graph: FileGraph) -> list[str]:
    return sorted(s.value for s in graph.subjects() if isinstance(s, ox.NamedNode))


def _ontology(graph: FileGraph) -> str | None:
    return next(
        (s for s in _iri_subjects(graph) if OWL + "Ontology" in graph.types(ox.NamedNode(s))),
        None,
    )


def _literal(graph: FileGraph, subject: str, predicate: str) -> str | None:
    value = graph.value(ox.NamedNode(subject), predicate)
    return value.value if isinstance(value, ox.Literal | ox.NamedNode) else None


def _kind(graph: FileGraph, iri: str) -> str:
    subject = ox.NamedNode(iri)
    types = graph.types(subject)
    if types & CLASS_TYPES:
        return "class"
    if SCHEME in types:
        return "scheme"
    # Before properties: an observable property of the code list is a concept first.
    if CONCEPT in types or graph.value(subject, SKOS + "inScheme") is not None:
        return "concept"
    if any(t.endswith("Property") for t in types):
        return "property"
    return "other"


_NOT_AN_ID = re.compile(r"\s")


def _id(text: str) -> str:
    """An HTML id holds no whitespace; anything else is allowed."""
    return _NOT_AN_ID.sub("_", text) or "_"


class Anchors:
    """The anchors of one page, each unique."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self.used: set[str] = set(reserved)

    def claim(self, wanted: str) -> str:
        anchor, number = _id(wanted), 2
        while anchor in self.used:
            anchor, number = f"{_id(wanted)}-{number}", number + 1
        self.used.add(anchor)
        return anchor


#: Section ids of the area page, which no term may take.
AREA_SECTIONS = (
    "overview",
    "diagram",
    "classes",
    "properties",
    "other-terms",
    "concepts",
    "reused",
    "rules",
    "examples",
)


# -- the site -----------------------------------------------------------------------------


class SiteBuilder:
    def __init__(self, root: Path) -> None:
        if not (root / "ontologies").is_dir():
            raise UsageError(
                f"{root} has no ontologies/ folder: not a standards tree / "
                "δεν είναι δέντρο προτύπων (λείπει ο φάκελος ontologies/)"
            )
        self.root = root
        self.vocabularies = [
            g for g in _graphs(root, "ontologies", "*.ttl") if _ontology(g) is not None
        ]
        self.codelists = _graphs(root, "ontologies/codelists", "*.ttl")
        self.shapes = _graphs(root, "shapes", "*.ttl")
        everything = self.vocabularies + self.codelists + self.shapes
        self.vocabulary = Vocabulary(everything)
        self.index: dict[str, Target] = {}
        #: Page key -> IRI -> anchor: a term declared on two pages has a section on each,
        #: while the index sends its IRI to the first.
        self.anchors: dict[str, dict[str, str]] = defaultdict(dict)
        self.refs = Refs(self.vocabulary, self.index)
        self.ontology_graphs = self.vocabularies + self.codelists
        self._reverse = _reverse_index(self.ontology_graphs)
        self._shape_reverse = _reverse_index(self.shapes)

    def build(self) -> Site:
        areas = [self._area_skeleton(graph) for graph in self.vocabularies]
        code_lists = [page for graph in self.codelists for page in self._code_skeletons(graph)]
        examples_root = self.root / EXAMPLES_FOLDER
        for area, graph in zip(areas, self.vocabularies, strict=True):
            self._fill_area(area, graph, examples_root)
        for page in code_lists:
            self._fill_code_list(page)
        return Site(
            areas, code_lists, read_changelog(self.root), self.index, examples_root.is_dir()
        )

    # -- pass 1: every page's terms and anchors, so references can point at them --------

    def _area_skeleton(self, graph: FileGraph) -> AreaPage:
        iri = _ontology(graph)
        assert iri is not None
        slug = Path(graph.relative).stem
        namespace = _literal(graph, iri, VANN + "preferredNamespaceUri") or iri + "#"
        area = AreaPage(
            slug=slug,
            iri=iri,
            title=self.vocabulary.label(iri),
            description=self.vocabulary.definition(iri),
            file=graph.relative,
            prefix=_literal(graph, iri, VANN + "preferredNamespacePrefix"),
            namespace=namespace,
        )
        self.index.setdefault(iri, Target(area.key))
        anchors = Anchors(AREA_SECTIONS)
        own = [s for s in _iri_subjects(graph) if s != iri and s.startswith(namespace)]
        shape_graphs = self._shape_graphs(slug)
        shapes = [s for g in shape_graphs for s in shape_iris(g)]
        # The fragment of a demoi IRI is its anchor: claimed before anything else.
        for term in own + shapes:
            self._place(term, area.key, anchors.claim(local_name(term)))
        for shape_graph in shape_graphs:
            profile = _ontology(shape_graph) or ""
            if profile:
                self.index.setdefault(profile, Target(area.key, "rules"))
            area.profiles.append(
                Profile(
                    profile,
                    self.vocabulary.label(profile) if profile else Bilingual.same(""),
                    self.vocabulary.definition(profile) if profile else None,
                    shape_graph.relative,
                )
            )
        for term in _iri_subjects(graph):
            if term != iri and not term.startswith(namespace) and _is_declared(graph, term):
                anchor = anchors.claim(self.vocabulary.qname(term).replace(":", "-"))
                self._place(term, area.key, anchor)
        return area

    def _shape_graphs(self, slug: str) -> list[FileGraph]:
        names = {f"shapes/{slug}.ttl", f"shapes/{slug}-recommended.ttl"}
        found = [graph for graph in self.shapes if graph.relative in names]
        return sorted(found, key=lambda graph: graph.relative.endswith("-recommended.ttl"))

    def _code_skeletons(self, graph: FileGraph) -> list[CodeListPage]:
        schemes = [s for s in _iri_subjects(graph) if SCHEME in graph.types(ox.NamedNode(s))]
        pages = []
        for scheme in schemes:
            if scheme.startswith(STANDARDS_BASE + "code/"):
                slug = scheme.removeprefix(STANDARDS_BASE + "code/").strip("/")
            elif len(schemes) == 1:
                slug = Path(graph.relative).stem
            else:
                slug = f"{Path(graph.relative).stem}-{local_name(scheme)}"
            page = CodeListPage(
                slug=slug,
                iri=scheme,
                title=self.vocabulary.label(scheme),
                definition=self.vocabulary.definition(scheme),
                file=graph.relative,
            )
            self.index.setdefault(scheme, Target(page.key))
            pages.append(page)
        self._concept_anchors(graph, pages)
        return pages

    def _concept_anchors(self, graph: FileGraph, pages: list[CodeListPage]) -> None:
        if not pages:
            return
        by_scheme = {page.iri: page for page in pages}
        anchors = {page.iri: Anchors(("concepts",)) for page in pages}
        members = _scheme_members(graph, by_scheme)
        for concept in _iri_subjects(graph):
            if _kind(graph, concept) != "concept" and concept not in members:
                continue
            scheme = (
                self._scheme_of(graph, concept, by_scheme) or members.get(concept) or pages[0].iri
            )
            anchor = anchors[scheme].claim(local_name(concept))
            self._place(concept, by_scheme[scheme].key, anchor)

    def _place(self, iri: str, page: str, anchor: str) -> None:
        self.anchors[page][iri] = anchor
        self.index.setdefault(iri, Target(page, anchor))

    @staticmethod
    def _scheme_of(graph: FileGraph, concept: str, schemes: Collection[str]) -> str | None:
        subject = ox.NamedNode(concept)
        for predicate in (SKOS + "inScheme", SKOS + "topConceptOf"):
            for value in graph.objects(subject, predicate):
                if value.value in schemes:
                    return value.value
        return None

    # -- pass 2: the pages' content ------------------------------------------------------

    def _fill_area(self, area: AreaPage, graph: FileGraph, examples: Path) -> None:
        for iri in _iri_subjects(graph):
            if iri == area.iri:
                continue
            own = iri.startswith(area.namespace)
            if not own and not _is_declared(graph, iri):
                continue
            term = self._term(graph, iri, area.key)
            kind = _kind(graph, iri)
            if not own:
                area.reused.append(term)
            elif kind == "class":
                area.classes.append(term)
            elif kind == "property":
                area.properties.append(term)
            elif kind in ("concept", "scheme"):
                area.concepts.append(term)
            else:
                area.others.append(term)
        # Concepts of a scheme the area declares (EU lists used by their IRIs) are the area's.
        area.concepts += [t for t in area.reused if _kind(graph, t.iri) in ("concept", "scheme")]
        area.reused = [t for t in area.reused if t not in area.concepts]
        self._fill_rules(area)
        area.examples = _examples(examples / area.slug, self.root) if examples.is_dir() else None
        area.diagram = self._diagram(area, graph)

    def _fill_rules(self, area: AreaPage) -> None:
        graphs = self._shape_graphs(area.slug)
        users = node_shape_users(graphs)
        for graph in graphs:
            writer = RuleWriter(graph, self.refs)
            for iri in shape_iris(graph):
                rule = writer.rule(iri, users.get(iri, []))
                (area.node_rules if rule.is_node else area.property_rules).append(rule)
        area.node_rules.sort(key=lambda rule: rule.anchor)
        area.property_rules.sort(key=lambda rule: rule.anchor)

    def _fill_code_list(self, page: CodeListPage) -> None:
        graph = next(g for g in self.codelists if g.relative == page.file)
        scheme = ox.NamedNode(page.iri)
        facts = self.refs.fact("πηγή", "source", graph.objects(scheme, DCTERMS + "source"), graph)
        facts += self.refs.fact(
            "σημείωση", "note", graph.objects(scheme, SKOS + "scopeNote"), graph
        )
        page.facts = facts
        page.concepts = [self._term(graph, iri, page.key) for iri in self.anchors[page.key]]
        page.concepts.sort(key=lambda term: _natural(term.code))

    def _term(self, graph: FileGraph, iri: str, page: str) -> Term:
        notations = graph.objects(ox.NamedNode(iri), SKOS + "notation")
        return Term(
            iri=iri,
            anchor=self.anchors[page][iri],
            code=", ".join(n.value for n in notations if isinstance(n, ox.Literal))
            or local_name(iri),
            label=self.vocabulary.label(iri),
            definition=bilingual_literals(graph.objects(ox.NamedNode(iri), SKOS + "definition"))
            or self.vocabulary.definition(iri),
            qname=self.vocabulary.qname(iri),
            facts=self._facts(graph, iri),
        )

    def _facts(self, graph: FileGraph, iri: str) -> list[Fact]:
        node, refs, reverse = ox.NamedNode(iri), self.refs, self._reverse
        kind = _kind(graph, iri)

        def fact(el: str, en: str, predicate: str) -> list[Fact]:
            return refs.fact(el, en, graph.objects(node, predicate), graph)

        facts = fact("τύπος", "type", RDF_TYPE)
        if kind == "class":
            facts += fact("υποκλάση του", "subclass of", RDFS + "subClassOf")
            facts += refs.ref_fact("υποκλάσεις", "subclasses", reverse[RDFS + "subClassOf", iri])
            facts += fact("ξένη προς", "disjoint with", OWL + "disjointWith")
            facts += fact("ισοδύναμη με", "equivalent to", OWL + "equivalentClass")
            facts += refs.ref_fact(
                "ιδιότητες με πεδίο ορισμού αυτή",
                "properties with this domain",
                reverse[RDFS + "domain", iri],
            )
            facts += refs.ref_fact(
                "ιδιότητες με πεδίο τιμών αυτή",
                "properties with this range",
                reverse[RDFS + "range", iri],
            )
            facts += refs.ref_fact(
                "σχήματα που τη στοχεύουν",
                "shapes targeting it",
                self._shape_reverse[SH + "targetClass", iri],
            )
        elif kind == "property":
            facts += fact("πεδίο ορισμού", "domain", RDFS + "domain")
            facts += fact("πεδίο τιμών", "range", RDFS + "range")
            facts += fact("υποϊδιότητα του", "sub-property of", RDFS + "subPropertyOf")
            facts += refs.ref_fact(
                "υποϊδιότητες", "sub-properties", reverse[RDFS + "subPropertyOf", iri]
            )
            facts += fact("αντίστροφη της", "inverse of", OWL + "inverseOf")
            facts += fact(
                "κατάλογος κωδικών", "code list", "http://purl.org/linked-data/cube#codeList"
            )
            facts += refs.ref_fact(
                "κανόνες για αυτή", "rules on it", self._shape_reverse[SH + "path", iri]
            )
        elif kind in ("concept", "scheme"):
            facts += fact("κωδικός", "notation", SKOS + "notation")
            facts += fact("εναλλακτικό όνομα", "alternative label", SKOS + "altLabel")
            facts += fact("κατάλογος", "scheme", SKOS + "inScheme")
            facts += fact("ευρύτερη", "broader", SKOS + "broader")
            facts += refs.ref_fact("στενότερες", "narrower", reverse[SKOS + "broader", iri])
            facts += fact("ταυτίζεται με", "exact match", SKOS + "exactMatch")
            facts += fact("αντιστοιχεί σε", "close match", SKOS + "closeMatch")
            facts += fact("πηγή", "source", DCTERMS + "source")
        facts += fact("σημείωση χρήσης", "scope note", SKOS + "scopeNote")
        facts += fact("παράδειγμα", "example", SKOS + "example")
        facts += fact("ορίζεται στο", "defined by", RDFS + "isDefinedBy")
        facts += fact("δείτε επίσης", "see also", RDFS + "seeAlso")
        facts += fact("καταργημένος", "deprecated", OWL + "deprecated")
        facts += fact("αντικαταστάθηκε από", "replaced by", DCTERMS + "isReplacedBy")
        return facts

    def _diagram(self, area: AreaPage, graph: FileGraph) -> Diagram:
        """The area's own classes, the reused classes it declares, and the classes they
        specialise or point to through object properties (drawn grey when from elsewhere)."""
        shown = {t.iri: t for t in area.classes}
        shown.update({t.iri: t for t in area.reused if _kind(graph, t.iri) == "class"})
        diagram = Diagram()
        outside: set[str] = set()
        for iri in shown:
            for parent in graph.objects(ox.NamedNode(iri), RDFS + "subClassOf"):
                if isinstance(parent, ox.NamedNode):
                    diagram.subclass_edges.append((iri, parent.value))
                    outside.add(parent.value)
        for term in area.properties:
            subject = ox.NamedNode(term.iri)
            if OWL + "ObjectProperty" not in graph.types(subject):
                continue
            domains = _class_iris(graph, graph.objects(subject, RDFS + "domain"))
            # A coded property's range, skos:Concept, would be a box every area points to; its
            # code list says more, in the property's section.
            ranges = _class_iris(graph, graph.objects(subject, RDFS + "range")) - {SKOS + "Concept"}
            for domain in domains & shown.keys():
                for target in ranges:
                    diagram.property_edges.append((domain, target, term.label))
                    outside.add(target)
        for iri in sorted(shown):
            diagram.nodes.append(ClassNode(iri, self.vocabulary.label(iri)))
        for iri in sorted(outside - shown.keys()):
            diagram.nodes.append(ClassNode(iri, self.vocabulary.label(iri), outside=True))
        return diagram


def _scheme_members(graph: FileGraph, schemes: Collection[str]) -> dict[str, str]:
    """Member IRI -> scheme, for the members a scheme lists itself (skos:hasTopConcept, or
    dcterms:hasPart for things that are no concepts, like the standards of code/standard) and
    the file describes."""
    members: dict[str, str] = {}
    for scheme in schemes:
        for predicate in (SKOS + "hasTopConcept", DCTERMS + "hasPart"):
            for member in graph.objects(ox.NamedNode(scheme), predicate):
                if isinstance(member, ox.NamedNode) and _is_declared(graph, member.value):
                    members.setdefault(member.value, scheme)
    return members


def _is_declared(graph: FileGraph, iri: str) -> bool:
    """A term the file describes (a type or a label), not only mentions in a triple's
    subject position for another reason."""
    properties = graph.by_subject.get(ox.NamedNode(iri), {})
    return (
        RDF_TYPE in properties or RDFS + "label" in properties or SKOS + "prefLabel" in properties
    )


def _class_iris(graph: FileGraph, nodes: list[Node]) -> set[str]:
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ox.NamedNode):
            found.add(node.value)
        elif isinstance(node, ox.BlankNode):
            for operator in (OWL + "unionOf", OWL + "intersectionOf"):
                listed = graph.value(node, operator)
                if listed is not None:
                    found |= {m.value for m in graph.items(listed) if isinstance(m, ox.NamedNode)}
    return found


def _reverse_index(graphs: list[FileGraph]) -> defaultdict[tuple[str, str], list[str]]:
    """(predicate, object IRI) -> the IRI subjects that have it, through owl:unionOf too."""
    reverse: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for graph in graphs:
        for subject, properties in graph.by_subject.items():
            if not isinstance(subject, ox.NamedNode):
                continue
            for predicate, values in properties.items():
                for iri in _class_iris(graph, values) | {
                    v.value for v in values if isinstance(v, ox.NamedNode)
                }:
                    reverse[predicate, iri].append(subject.value)
    return reverse


def _natural(text: str) -> list[int | str]:
    """Sort ``2`` before ``10``: a code list's notations are mostly numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _examples(folder: Path, root: Path) -> list[Example]:
    """The valid cases of the area (expected.json with no results) that have a data.ttl.

    A symbolic link is skipped, case folder or file: the site is published, and a link could
    put any local file (a key, a password file) into it."""
    found = []
    inside = root.resolve()
    for case in sorted(folder.iterdir()) if _real_dir(folder, inside) else []:
        expected, data = case / "expected.json", case / "data.ttl"
        if not all(_real_file(path, inside) for path in (expected, data)) or case.is_symlink():
            continue
        meta = _case_meta(expected, root)
        if meta.get("results"):
            continue
        text = _text(data, root)
        _check_turtle(data, root)
        lines = text.splitlines()
        found.append(
            Example(
                case.name,
                str(meta.get("why", "")),
                "\n".join(lines[:EXAMPLE_LINES]),
                max(0, len(lines) - EXAMPLE_LINES),
            )
        )
    return found


def _real_dir(path: Path, inside: Path) -> bool:
    return path.is_dir() and not path.is_symlink() and path.resolve().is_relative_to(inside)


def _real_file(path: Path, inside: Path) -> bool:
    return path.is_file() and not path.is_symlink() and path.resolve().is_relative_to(inside)


def _where(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _text(path: Path, root: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        raise DataError(
            f"not UTF-8 at byte {error.start} / δεν είναι UTF-8",
            location=Location(_where(path, root), line, column),
        ) from None


def _case_meta(expected: Path, root: Path) -> dict[str, object]:
    where = _where(expected, root)
    try:
        meta = json.loads(_text(expected, root))
    except json.JSONDecodeError as error:
        raise DataError(
            f"not JSON: {error.msg} / δεν είναι JSON",
            location=Location(where, error.lineno, error.colno),
        ) from None
    if not isinstance(meta, dict):
        raise DataError(
            'expected a JSON object with "results" / αναμενόταν αντικείμενο JSON',
            location=Location(where, 1, 1),
        )
    return meta


def _check_turtle(path: Path, root: Path) -> None:
    """An example is published as it is: one that does not parse must not be."""
    parse_file(path, _where(path, root))


def build_site(root: Path) -> Site:
    """Raises demoi.errors.DataError (an RdfSyntaxError when a file does not parse) naming the
    file, and UsageError when ``root`` has no ontologies/ folder."""
    return SiteBuilder(root).build()

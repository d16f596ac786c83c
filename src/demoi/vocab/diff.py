"""Compare two versions of the standards: which terms and shape constraints were added, removed,
renamed, deprecated or changed, and whether each change breaks data or queries made for the old
version (docs/releases.md explains the classification).

Terms, vocabularies and shapes are compared by IRI across all the files of a side, so a term
moved from one file to another is not a change; each change names the files it is in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from demoi.vocab.changes import LEVEL_TITLE, Change
from demoi.vocab.constraints import DOCUMENTATION, LOOSENED, TIGHTENED, Sides, verdict
from demoi.vocab.snapshot import (
    DCTERMS,
    OWL,
    RDF,
    RDF_TYPE,
    RDFS,
    SH,
    SKOS,
    TOO_COMPLEX,
    Snapshot,
    Value,
    curie_maker,
    read,
)
from demoi.vocab.trees import Tree
from demoi.vocab.versions import Level, Version, bump_name

_SHAPE_TYPES = frozenset({SH + "NodeShape", SH + "PropertyShape", SH + "SPARQLConstraint"})
_TARGETS = tuple(
    SH + name
    for name in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "target")
)
_SHAPE_MARKERS = frozenset({SH + "path", SH + "select", *_TARGETS})
_TERM_KINDS = (
    ("class", {OWL + "Class", RDFS + "Class"}),
    (
        "property",
        {
            RDF + "Property",
            OWL + "ObjectProperty",
            OWL + "DatatypeProperty",
            OWL + "AnnotationProperty",
        },
    ),
    ("concept scheme", {SKOS + "ConceptScheme"}),
    ("concept", {SKOS + "Concept"}),
)
QB = "http://purl.org/linked-data/cube#"
#: Any change breaks: what a property applies to and takes (rdfs:domain types every subject of
#: the property, so a new domain changes what existing data means, as a new range does for its
#: values); a concept's notation, which data and IRIs carry; a superclass or superproperty, even
#: one added, because demoi validates with the hierarchy (profiles.background adds every
#: rdfs:subClassOf to the data and the shapes target rdf:type/rdfs:subClassOf*): a new superclass
#: puts every sh:Violation shape of it on the subclass's existing data; the imports, which bring
#: in other axioms; keys and property chains, which the reasoner applies.
_ANY_CHANGE_BREAKS = frozenset(
    {
        RDFS + "domain",
        RDFS + "range",
        RDFS + "subClassOf",
        RDFS + "subPropertyOf",
        SKOS + "notation",
        OWL + "imports",
        OWL + "hasKey",
        OWL + "propertyChainAxiom",
    }
)
#: Namespaces of the languages whose statements tools act on (RDF, RDFS, OWL, SHACL, and Data
#: Cube, whose structure the integrity constraints IC-1…IC-21 check): a change to any of their
#: predicates not named elsewhere here breaks. qb:component, qb:codeList, qb:componentAttachment
#: and the rest of a data structure definition are this rule at work.
_SCHEMA_NAMESPACES = (RDF, RDFS, OWL, SH, QB)
#: Types that restrict the data a property may have: added, they can make data inconsistent.
_RESTRICTING_TYPES = frozenset(
    OWL + name
    for name in (
        "FunctionalProperty",
        "InverseFunctionalProperty",
        "AsymmetricProperty",
        "IrreflexiveProperty",
    )
)
#: A removed value breaks the queries and inferences that relied on it; an added one does not.
_REMOVAL_BREAKS = frozenset(
    {
        OWL + "equivalentClass",
        OWL + "equivalentProperty",
        OWL + "inverseOf",
        SKOS + "broader",
        SKOS + "inScheme",
        SKOS + "topConceptOf",
        RDF_TYPE,
    }
)
#: An added value may make existing data inconsistent.
_ADDITION_BREAKS = frozenset({OWL + "disjointWith", OWL + "propertyDisjointWith"})
#: Structure that follows other changes or only adds links: never more than minor.
_STRUCTURE = frozenset(
    {
        SKOS + "narrower",
        SKOS + "hasTopConcept",
        SKOS + "related",
        SKOS + "exactMatch",
        SKOS + "closeMatch",
        SKOS + "broadMatch",
        SKOS + "narrowMatch",
        SKOS + "relatedMatch",
        OWL + "deprecated",
        RDFS + "isDefinedBy",
        DCTERMS + "isReplacedBy",
        DCTERMS + "replaces",
    }
)
#: Text for people, and the facts about a document (who wrote it, under which licence): the
#: only changes that are patch. Anything else is at least minor.
_TEXT = frozenset(
    {
        RDFS + "label",
        RDFS + "comment",
        RDFS + "seeAlso",
        *(
            SKOS + name
            for name in (
                "prefLabel",
                "altLabel",
                "hiddenLabel",
                "definition",
                "note",
                "scopeNote",
                "editorialNote",
                "changeNote",
                "historyNote",
                "example",
            )
        ),
        *(
            DCTERMS + name
            for name in (
                "title",
                "description",
                "source",
                "creator",
                "contributor",
                "publisher",
                "rights",
                "license",
                "bibliographicCitation",
                "created",
                "issued",
                "modified",
            )
        ),
        *(OWL + name for name in ("versionInfo", "priorVersion", "versionIRI")),
    }
)
_LABELS = (RDFS + "label", SKOS + "prefLabel")
#: Shape parameters that are not constraints: what is left of a shape without them is checked.
_NOT_CONSTRAINTS = frozenset(
    {
        *_TARGETS,
        *(
            SH + name
            for name in (
                "property",
                "path",
                "severity",
                "deactivated",
                "message",
                "name",
                "description",
                "order",
                "group",
                "defaultValue",
            )
        ),
    }
)
_MAX_NESTING = 12


@dataclass(frozen=True)
class Diff:
    old: str
    new: str
    changes: tuple[Change, ...]

    @property
    def level(self) -> Level | None:
        return max((change.level for change in self.changes), default=None)

    @property
    def breaking(self) -> list[Change]:
        return [change for change in self.changes if change.level is Level.BREAKING]

    def bump(self, previous: Version | None) -> str:
        """major, minor, patch or none; without a previous version, as for a 1.x release."""
        return bump_name(previous or Version(1, 0, 0), self.level)

    def lines(self, lang: str, previous: Version | None) -> list[str]:
        """The readable report: changes grouped by level, breaking first, then the bump."""
        index = 1 if lang == "el" else 0
        lines: list[str] = []
        for level in sorted(Level, reverse=True):
            group = [change for change in self.changes if change.level is level]
            if group:
                lines.append(f"{LEVEL_TITLE[level][index]} ({len(group)}):")
                lines.extend(f"  {change.text(lang)} [{change.where}]" for change in group)
        if not self.changes:
            lines.append(("No changes.", "Καμία αλλαγή.")[index])
        bump = self.bump(previous)
        following = f" {previous} → {previous.bumped(self.level)}" if previous else ""
        lines.append(("Version bump: ", "Αύξηση έκδοσης: ")[index] + bump + following)
        return lines

    def as_json(self, previous: Version | None) -> dict[str, object]:
        return {
            "old": self.old,
            "new": self.new,
            "level": self.level.label if self.level else None,
            "bump": self.bump(previous),
            "previous": str(previous) if previous else None,
            "next": str(previous.bumped(self.level)) if previous else None,
            "changes": [change.as_json() for change in self.changes],
        }


def compare(old: Tree, new: Tree) -> Diff:
    """Read both sides (an unreadable file raises UnreadableInput) and classify the changes."""
    comparison = _Comparison(read(old), read(new))
    changes = sorted(comparison.changes(), key=Change.sort_key)
    return Diff(old.label, new.label, tuple(changes))


class _Comparison:
    def __init__(self, before: Snapshot, after: Snapshot) -> None:
        self.before = before
        self.after = after
        self.curie = curie_maker(after, before)
        self.old_targets = {
            target.value
            for about in before.statements.values()
            for target in about.get(SH + "targetClass", [])
        }
        self.sides = Sides(
            self._superclasses,
            lambda node: before.node_values(node, str),
            lambda node: after.node_values(node, str),
        )
        self.sparql_users: dict[str, list[str]] = {}
        for subject, about in after.statements.items():
            for constraint in about.get(SH + "sparql", []):
                self.sparql_users.setdefault(constraint.value, []).append(subject)

    def changes(self) -> Iterator[Change]:
        removed = sorted(self.before.statements.keys() - self.after.statements.keys())
        added = sorted(self.after.statements.keys() - self.before.statements.keys())
        renames = self._renames(removed, added)
        for subject in removed:
            if subject in renames:
                yield self._change(subject, self.after, Level.BREAKING, "renamed", renames)
            else:
                yield self._removed(subject)
        for subject in added:
            if subject not in renames.values():
                yield self._added(subject)
        for subject in sorted(self.before.statements.keys() & self.after.statements.keys()):
            yield from self._changed(subject)

    def _change(
        self,
        subject: str,
        side: Snapshot,
        level: Level,
        action: str,
        renames: dict[str, str] | None = None,
        **details: object,
    ) -> Change:
        entity, what = _entity(side if subject in side.statements else self.before, subject)
        files = self.before.files.get(subject, set()) | self.after.files.get(subject, set())
        if renames:
            files |= self.after.files.get(renames[subject], set())
            details["replacement"] = self.curie(renames[subject])
        return Change(
            level,
            entity,
            action,
            what,
            subject,
            self.curie(subject),
            tuple(sorted(files)),
            **details,  # type: ignore[arg-type]
        )

    def _removed(self, subject: str) -> Change:
        entity, _ = _entity(self.before, subject)
        # A removed shape accepts more data; a removed term or vocabulary no longer resolves.
        level = Level.MINOR if entity == "shape" else Level.BREAKING
        return self._change(subject, self.before, level, "removed")

    def _added(self, subject: str) -> Change:
        entity, what = _entity(self.after, subject)
        if entity != "shape" or what == "SPARQL constraint":
            return self._change(subject, self.after, Level.MINOR, "added")
        targets = [t for p in _TARGETS for t in self.after.objects(subject, p)]
        if not targets or not self._refuses(ox.NamedNode(subject)):
            return self._change(subject, self.after, Level.MINOR, "added")
        if any(self._existed(target, predicate) for predicate, target in self._targets(subject)):
            return self._change(
                subject, self.after, Level.BREAKING, "added", note="existing-target"
            )
        return self._change(subject, self.after, Level.MINOR, "added", note="new-target")

    def _targets(
        self, subject: str
    ) -> Iterator[tuple[str, ox.NamedNode | ox.BlankNode | ox.Literal]]:
        for predicate in _TARGETS:
            for target in self.after.objects(subject, predicate):
                yield predicate, target

    def _existed(self, target: object, predicate: str) -> bool:
        """Whether data of this target could exist before: the class was declared or targeted;
        any other kind of target is assumed to select existing data."""
        if predicate != SH + "targetClass" or not isinstance(target, ox.NamedNode):
            return True
        return target.value in self.before.statements or target.value in self.old_targets

    def _changed(self, subject: str) -> Iterator[Change]:
        entity, _ = _entity(self.after, subject)
        old = self.before.values(subject, self.curie)
        new = self.after.values(subject, self.curie)
        deprecated = _true(new.get(OWL + "deprecated")) and not _true(old.get(OWL + "deprecated"))
        for predicate in sorted(old.keys() | new.keys()):
            before, after = old.get(predicate, {}), new.get(predicate, {})
            if before.keys() == after.keys():
                continue
            if entity == "term" and deprecated and predicate == DCTERMS + "isReplacedBy":
                continue  # told in the deprecation
            if entity == "term" and deprecated and predicate == OWL + "deprecated":
                replacements = sorted(v.shown for v in _replacements(new))
                yield self._change(
                    subject,
                    self.after,
                    Level.MINOR,
                    "deprecated",
                    replacement=", ".join(replacements) or None,
                )
                continue
            level, action, note = self._classify(entity, subject, predicate, before, after)
            if any(TOO_COMPLEX in key for key in before.keys() | after.keys()):
                level, action, note = Level.BREAKING, "changed", "too-complex"
            yield self._change(
                subject,
                self.after,
                level,
                action,
                predicate=predicate,
                predicate_name=self.curie(predicate),
                old=tuple(sorted(v.shown for v in before.values())),
                new=tuple(sorted(v.shown for v in after.values())),
                note=note,
            )

    def _classify(
        self,
        entity: str,
        subject: str,
        predicate: str,
        before: dict[str, Value],
        after: dict[str, Value],
    ) -> tuple[Level, str, str | None]:
        if entity != "shape":  # a vocabulary's header is read as a term's statements are
            return _term_level(predicate, before, after), "changed", None
        if predicate == SH + "ignoredProperties" and not self._closed(subject):
            return Level.MINOR, LOOSENED, None  # they matter to a closed shape only
        found = verdict(predicate, before, after, self.sides)
        if found.direction == DOCUMENTATION:
            return Level.PATCH, "changed", None
        if found.direction == LOOSENED:
            return Level.MINOR, LOOSENED, None
        if self._refused_by(ox.NamedNode(subject), predicate, after.keys() - before.keys()):
            return Level.BREAKING, TIGHTENED, found.note
        return Level.MINOR, TIGHTENED, "not-blocking"

    def _closed(self, shape: str) -> bool:
        return any(value.value == "true" for value in self.after.objects(shape, SH + "closed"))

    def _refused_by(self, shape: ox.NamedNode, predicate: str, added: set[str]) -> bool:
        """Whether a tightened parameter can make data fail with a sh:Violation."""
        if predicate == SH + "property":
            # A property shape's results carry its own severity, not its node shape's.
            values = self.after.values(shape.value, str)[predicate]
            return _active(self.after.about(shape)) and any(
                self._refuses(values[key].term) for key in added
            )
        if predicate in _TARGETS or predicate == SH + "deactivated":
            return self._refuses(shape)  # the whole shape now applies to more data
        return self._blocking(shape)

    def _refuses(self, node: ox.NamedNode | ox.BlankNode | ox.Literal, depth: int = 0) -> bool:
        """Whether data can fail this shape with a sh:Violation: it is active and has a
        constraint of its own with that severity, or a property shape that refuses. A node shape
        of a -recommended file has no severity but only Warning property shapes: it refuses
        nothing."""
        about = self.after.about(node)
        if not _active(about) or depth > _MAX_NESTING:
            return False
        own = any(p.startswith(SH) and p not in _NOT_CONSTRAINTS for p in about)
        if own and self._blocking(node):
            return True
        return any(self._refuses(value, depth + 1) for value in about.get(SH + "property", []))

    def _blocking(self, node: ox.NamedNode | ox.BlankNode | ox.Literal) -> bool:
        """Whether a shape's results refuse the data: active, with severity sh:Violation (the
        default). A SPARQL constraint's results take the severity of the shapes using it."""
        about = self.after.about(node)
        if SH + "select" in about and isinstance(node, ox.NamedNode):
            users = self.sparql_users.get(node.value, [])
            return any(self._blocking(ox.NamedNode(user)) for user in users)
        if not _active(about):
            return False
        severities = about.get(SH + "severity", [])
        return not severities or any(v.value == SH + "Violation" for v in severities)

    @cache  # noqa: B019 - one comparison, a bounded set of classes
    def _superclasses(self, cls: str) -> frozenset[str]:
        found: set[str] = set()
        pending = [cls]
        while pending:
            for parent in self.after.objects(pending.pop(), RDFS + "subClassOf"):
                if isinstance(parent, ox.NamedNode) and parent.value not in found:
                    found.add(parent.value)
                    pending.append(parent.value)
        return frozenset(found)

    def _renames(self, removed: list[str], added: list[str]) -> dict[str, str]:
        """Old IRI → new IRI for removed terms that a new term replaces: the new term says
        ``dcterms:replaces`` the old one, or it has exactly the old term's labels in Greek and
        English (and is the only such pair)."""
        gone = {s for s in removed if _entity(self.before, s)[0] == "term"}
        came = [s for s in added if _entity(self.after, s)[0] == "term"]
        renames: dict[str, str] = {}
        for subject in came:
            for old in self.after.objects(subject, DCTERMS + "replaces"):
                if old.value in gone and old.value not in renames:
                    renames[old.value] = subject
        by_labels: dict[tuple[str, frozenset[tuple[str, str]]], list[str]] = {}
        for subject in sorted(gone - renames.keys()):
            by_labels.setdefault(_identity(self.before, subject), []).append(subject)
        candidates: dict[tuple[str, frozenset[tuple[str, str]]], list[str]] = {}
        for subject in came:
            if subject not in renames.values():
                candidates.setdefault(_identity(self.after, subject), []).append(subject)
        for identity, olds in by_labels.items():
            news = candidates.get(identity, [])
            languages = {language for language, _ in identity[1]}
            if len(olds) == 1 and len(news) == 1 and {"el", "en"} <= languages:
                renames[olds[0]] = news[0]
        return renames


def _replacements(values: dict[str, dict[str, Value]]) -> list[Value]:
    return list(values.get(DCTERMS + "isReplacedBy", {}).values())


def _active(about: dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal]]) -> bool:
    return not any(value.value == "true" for value in about.get(SH + "deactivated", []))


def _true(values: dict[str, Value] | None) -> bool:
    return any(value.term.value == "true" for value in (values or {}).values())


def _identity(side: Snapshot, subject: str) -> tuple[str, frozenset[tuple[str, str]]]:
    labels = frozenset(
        (label.language or "", label.value)
        for predicate in _LABELS
        for label in side.objects(subject, predicate)
        if isinstance(label, ox.Literal) and label.language in ("el", "en")
    )
    return _entity(side, subject)[1], labels


def _term_level(predicate: str, before: dict[str, Value], after: dict[str, Value]) -> Level:
    """Text is patch; links that only add are minor; a change to what tools act on breaks, and
    so does one to any other predicate of RDF, RDFS, OWL, SHACL or Data Cube; any other
    predicate (a value of reference data: a population, a code) is minor."""
    if predicate in _TEXT:
        return Level.PATCH
    if predicate in _ANY_CHANGE_BREAKS:
        return Level.BREAKING
    if predicate == RDF_TYPE and (after.keys() - before.keys()) & _RESTRICTING_TYPES:
        return Level.BREAKING
    if predicate in _REMOVAL_BREAKS:
        return Level.BREAKING if before.keys() - after.keys() else Level.MINOR
    if predicate in _ADDITION_BREAKS:
        return Level.BREAKING if after.keys() - before.keys() else Level.MINOR
    if predicate in _STRUCTURE:
        return Level.MINOR
    return Level.BREAKING if predicate.startswith(_SCHEMA_NAMESPACES) else Level.MINOR


def _entity(side: Snapshot, subject: str) -> tuple[str, str]:
    """term, shape or ontology, and what kind of one (a key of changes.WHAT)."""
    about = side.statements.get(subject, {})
    types = side.types(subject)
    if types & _SHAPE_TYPES or about.keys() & _SHAPE_MARKERS:
        if SH + "SPARQLConstraint" in types or SH + "select" in about:
            return "shape", "SPARQL constraint"
        if SH + "PropertyShape" in types or SH + "path" in about:
            return "shape", "property shape"
        return "shape", "node shape"
    if OWL + "Ontology" in types:
        return "ontology", "profile" if "/shapes/" in subject else "vocabulary"
    for what, kinds in _TERM_KINDS:
        if types & kinds:
            return "term", what
    return "term", "resource"

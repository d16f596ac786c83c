"""SHACL shapes as readable rules, in Greek and English: "Budget line: kaeCode — exactly 1
value, matching the pattern ^\\d…; severity Violation", with the shape's messages.

Hand-written because no library renders SHACL as prose (pyLODE documents OWL and SKOS only);
each constraint component of SHACL Core the profiles use has a phrase, and any other ``sh:``
predicate is shown as its name and value, so nothing a shape says is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from demoi.vocab.docs_terms import Ref, Refs, Text, Value
from demoi.vocab.docs_turtle import (
    OWL,
    RDF_TYPE,
    RDFS,
    SH,
    Bilingual,
    FileGraph,
    Node,
    Subject,
    bilingual_literals,
)

SHAPE_TYPES = {SH + "NodeShape", SH + "PropertyShape"}
#: What a shape says about itself rather than about the data: shown apart, never as a phrase.
DESCRIPTIVE = {
    RDF_TYPE,
    SH + "name",
    SH + "description",
    SH + "message",
    SH + "severity",
    SH + "path",
    SH + "property",
    SH + "targetClass",
    SH + "targetNode",
    SH + "targetSubjectsOf",
    SH + "targetObjectsOf",
    SH + "target",
    SH + "order",
    SH + "group",
    SH + "flags",
    SH + "qualifiedMinCount",
    SH + "qualifiedMaxCount",
    SH + "minCount",
    SH + "maxCount",
    SH + "ignoredProperties",
    SH + "deactivated",
}
SEVERITIES = {
    SH + "Violation": Bilingual("Παράβαση", "Violation"),
    SH + "Warning": Bilingual("Προειδοποίηση", "Warning"),
    SH + "Info": Bilingual("Πληροφορία", "Info"),
}
NODE_KINDS = {
    "IRI": Bilingual("IRI", "an IRI"),
    "Literal": Bilingual("λεκτικό (literal)", "a literal"),
    "BlankNode": Bilingual("ανώνυμος κόμβος", "a blank node"),
    "BlankNodeOrIRI": Bilingual("IRI ή ανώνυμος κόμβος", "an IRI or a blank node"),
    "BlankNodeOrLiteral": Bilingual("ανώνυμος κόμβος ή λεκτικό", "a blank node or a literal"),
    "IRIOrLiteral": Bilingual("IRI ή λεκτικό", "an IRI or a literal"),
}
#: Constraint components whose phrase is a lead and the values as they are.
SIMPLE = {
    "datatype": Bilingual("τύπος δεδομένων", "datatype"),
    "class": Bilingual("στιγμιότυπο της κλάσης", "an instance of"),
    "hasValue": Bilingual("περιέχει την τιμή", "has the value"),
    "minInclusive": Bilingual("τιμή ≥", "value ≥"),
    "maxInclusive": Bilingual("τιμή ≤", "value ≤"),
    "minExclusive": Bilingual("τιμή >", "value >"),
    "maxExclusive": Bilingual("τιμή <", "value <"),
    "minLength": Bilingual("μήκος τουλάχιστον", "length at least"),
    "maxLength": Bilingual("μήκος το πολύ", "length at most"),
    "equals": Bilingual("ίση με την τιμή του", "equal to the value of"),
    "disjoint": Bilingual("διαφορετική από κάθε τιμή του", "different from every value of"),
    "lessThan": Bilingual("μικρότερη από την τιμή του", "less than the value of"),
    "lessThanOrEquals": Bilingual(
        "μικρότερη ή ίση με την τιμή του", "less than or equal to the value of"
    ),
    "node": Bilingual("συμμορφώνεται με το σχήμα", "conforms to the shape"),
}
LOGICAL = {
    "or": Bilingual("τουλάχιστον ένα από τα εξής", "at least one of"),
    "xone": Bilingual("ακριβώς ένα από τα εξής", "exactly one of"),
    "and": Bilingual("όλα τα εξής", "all of"),
}


@dataclass
class Phrase:
    lead: Bilingual
    values: list[Value] = field(default_factory=list)
    #: The phrases of each member of sh:or, sh:not, a qualified shape…
    nested: list[list[Phrase]] = field(default_factory=list)
    #: The values are one property path (``^``, ``/`` and the names), shown without commas.
    is_path: bool = False


@dataclass
class Rule:
    iri: str
    anchor: str
    label: Bilingual
    is_node: bool
    file: str
    targets: list[Value]
    path: list[Value]
    phrases: list[Phrase]
    severity: Bilingual
    messages: Bilingual | None
    description: Bilingual | None
    #: A node shape's property shapes, or the node shapes that use a property shape.
    related: list[Ref]
    #: Property shapes given as blank nodes, shown inside their node shape.
    inline: list[Rule] = field(default_factory=list)


def shape_iris(graph: FileGraph) -> list[str]:
    """The IRIs of a shapes file's shapes: typed as shapes, with a path or a target, or used
    as the value of ``sh:property``/``sh:node``."""
    found: set[str] = set()
    for subject in graph.subjects():
        if not isinstance(subject, ox.NamedNode):
            continue
        properties = graph.by_subject[subject]
        if graph.types(subject) & SHAPE_TYPES or SH + "path" in properties:
            found.add(subject.value)
        elif any(key.startswith(SH + "target") for key in properties):
            found.add(subject.value)
        for key in (SH + "property", SH + "node", SH + "qualifiedValueShape"):
            for value in properties.get(key, ()):
                if isinstance(value, ox.NamedNode) and value in graph.by_subject:
                    found.add(value.value)
    return sorted(found)


class RuleWriter:
    def __init__(self, graph: FileGraph, refs: Refs) -> None:
        self.graph, self.refs = graph, refs

    def rule(self, iri: str, used_by: list[str]) -> Rule:
        node = ox.NamedNode(iri)
        target = self.refs.index.get(iri)
        is_node = SH + "path" not in self.graph.by_subject.get(node, {})
        return self._rule(node, target.anchor if target and target.anchor else "", is_node, used_by)

    def _rule(self, node: Subject, anchor: str, is_node: bool, used_by: list[str]) -> Rule:
        graph = self.graph
        if is_node:
            targets = self.targets(node)
            related = [self.refs.ref(v.value) for v in self._iris(node, SH + "property")]
            inline = [
                self._rule(value, "", False, [])
                for value in graph.objects(node, SH + "property")
                if isinstance(value, ox.BlankNode)
            ]
        else:
            targets = [value for user in used_by for value in self.targets(ox.NamedNode(user))]
            related = [self.refs.ref(user) for user in used_by]
            inline = []
        severity = graph.value(node, SH + "severity")
        label = (
            self.refs.vocabulary.label(node.value)
            if isinstance(node, ox.NamedNode)
            else Bilingual("", "")
        )
        return Rule(
            iri=node.value if isinstance(node, ox.NamedNode) else "",
            anchor=anchor,
            label=label,
            is_node=is_node,
            file=graph.relative,
            targets=_unique(targets),
            path=self.path(graph.value(node, SH + "path")),
            phrases=self.phrases(node),
            severity=SEVERITIES.get(
                severity.value if isinstance(severity, ox.NamedNode) else SH + "Violation",
                Bilingual.same(self.refs.short(severity) if severity else ""),
            ),
            messages=bilingual_literals(graph.objects(node, SH + "message")),
            description=bilingual_literals(graph.objects(node, SH + "description")),
            related=sorted(related, key=lambda ref: ref.iri),
            inline=inline,
        )

    def _iris(self, node: Subject, predicate: str) -> list[ox.NamedNode]:
        return [v for v in self.graph.objects(node, predicate) if isinstance(v, ox.NamedNode)]

    def targets(self, node: Subject) -> list[Value]:
        graph = self.graph
        found: list[Value] = []
        found += [self.refs.ref(v.value) for v in self._iris(node, SH + "targetClass")]
        found += [self.refs.ref(v.value) for v in self._iris(node, SH + "targetNode")]
        for key, lead in (
            ("targetSubjectsOf", Bilingual("υποκείμενα του", "subjects of")),
            ("targetObjectsOf", Bilingual("αντικείμενα του", "objects of")),
        ):
            for value in self._iris(node, SH + key):
                found += [Text(lead), self.refs.ref(value.value)]
        for custom in graph.objects(node, SH + "target"):
            found.append(Text(Bilingual("στόχος SPARQL", "SPARQL target")))
            select = (
                graph.value(custom, SH + "select") if not isinstance(custom, ox.Literal) else None
            )
            if select is not None:
                found.append(Text(Bilingual.same(select.value.strip()), code=True))
        if OWL + "Class" in graph.types(node) or RDFS + "Class" in graph.types(node):
            found.append(self.refs.ref(node.value))  # an implicit class target
        return found

    def path(self, node: Node | None) -> list[Value]:
        graph = self.graph
        if node is None:
            return []
        if isinstance(node, ox.NamedNode | ox.Literal):
            return [self.refs.value(node, graph)]
        members = graph.items(node)
        if members:  # a sequence path
            return _joined([self.path(member) for member in members], " / ")
        for key, before, after in (
            ("inversePath", "^", ""),
            ("zeroOrMorePath", "", "*"),
            ("oneOrMorePath", "", "+"),
            ("zeroOrOnePath", "", "?"),
        ):
            inner = graph.value(node, SH + key)
            if inner is not None:
                return _marked(before, self.path(inner), after)
        alternatives = graph.value(node, SH + "alternativePath")
        if alternatives is not None:
            return _joined([self.path(member) for member in graph.items(alternatives)], " | ")
        return [self.refs.value(node, graph)]

    def phrases(self, node: Subject, nested: bool = False) -> list[Phrase]:
        graph = self.graph
        properties = graph.by_subject.get(node, {})
        found: list[Phrase] = []
        if nested and SH + "path" in properties:
            path = self.path(properties[SH + "path"][0])
            found.append(Phrase(Bilingual("ιδιότητα", "property"), path, is_path=True))
        count = _count(graph, node)
        if count:
            found.append(count)
        for key in sorted(properties):
            if not key.startswith(SH) or key in DESCRIPTIVE:
                continue
            for value in properties[key]:
                found.append(self.phrase(key.removeprefix(SH), value, node))
        return found

    def phrase(self, name: str, value: Node, shape: Subject) -> Phrase:
        """The phrase of one constraint of ``shape``, which holds its parameters (sh:flags,
        the qualified counts): the same value can be another shape's too."""
        graph = self.graph
        if name in _PATH_VALUED:
            return Phrase(SIMPLE[name], self.path(value), is_path=True)
        if name in SIMPLE:
            return Phrase(SIMPLE[name], [self.refs.value(value, graph)])
        if name == "nodeKind":
            kind = NODE_KINDS.get(value.value.removeprefix(SH), Bilingual.same(value.value))
            return Phrase(Bilingual("είδος κόμβου", "node kind"), [Text(kind)])
        if name == "pattern":
            flags = graph.value(shape, SH + "flags")
            shown = value.value + (f"  (flags: {flags.value})" if flags else "")
            return Phrase(
                Bilingual("ταιριάζει με το μοτίβο", "matching the pattern"),
                [Text(Bilingual.same(shown), code=True)],
            )
        if name == "in":
            return Phrase(
                Bilingual("μία από τις τιμές", "one of"),
                [self.refs.value(m, graph) for m in graph.items(value)],
            )
        if name == "languageIn":
            languages = ", ".join(m.value for m in graph.items(value))
            return Phrase(
                Bilingual("γλώσσα μία από", "language one of"),
                [Text(Bilingual.same(languages), code=True)],
            )
        if name == "uniqueLang":
            return Phrase(
                Bilingual("το πολύ μία τιμή ανά γλώσσα", "at most one value per language")
            )
        if name == "closed":
            return Phrase(
                Bilingual(
                    "κλειστό σχήμα: μόνο οι ιδιότητες που ορίζει",
                    "closed: only the properties it names",
                )
            )
        if name in LOGICAL:
            return self._members(LOGICAL[name], graph.items(value))
        if name == "not":
            return self._members(Bilingual("όχι", "not"), [value])
        if name == "qualifiedValueShape":
            return self._qualified(value, shape)
        if name == "sparql":
            return self._sparql(value)
        return Phrase(Bilingual.same("sh:" + name), [self.refs.value(value, graph)])

    def _members(self, lead: Bilingual, members: list[Node]) -> Phrase:
        phrase = Phrase(lead)
        for member in members:
            if isinstance(member, ox.NamedNode):
                phrase.values.append(self.refs.ref(member.value))
            elif isinstance(member, ox.BlankNode):
                phrase.nested.append(self.phrases(member, nested=True))
        return phrase

    def _qualified(self, shape: Node, owner: Subject) -> Phrase:
        least = _integer(self.graph.value(owner, SH + "qualifiedMinCount"))
        most = _integer(self.graph.value(owner, SH + "qualifiedMaxCount"))
        parts_el, parts_en = [], []
        if least is not None:
            parts_el.append(f"τουλάχιστον {least}")
            parts_en.append(f"at least {least}")
        if most is not None:
            parts_el.append(f"το πολύ {most}")
            parts_en.append(f"at most {most}")
        one = (most if least is None else least) == 1
        lead = Bilingual(
            " και ".join(parts_el) + (" τιμή που πληροί" if one else " τιμές που πληρούν"),
            " and ".join(parts_en) + (" value that meets" if one else " values that meet"),
        )
        return self._members(lead, [shape])

    def _sparql(self, constraint: Node) -> Phrase:
        graph = self.graph
        phrase = Phrase(Bilingual("συνθήκη SPARQL", "SPARQL condition"))
        if isinstance(constraint, ox.Literal):
            return phrase
        message = bilingual_literals(graph.objects(constraint, SH + "message"))
        if message:
            phrase.values.append(Text(message))
        select = graph.value(constraint, SH + "select")
        if select is not None:
            phrase.values.append(Text(Bilingual.same(select.value.strip()), code=True))
        return phrase


_PATH_VALUED = {"equals", "disjoint", "lessThan", "lessThanOrEquals"}


def _count(graph: FileGraph, node: Subject) -> Phrase | None:
    least = _integer(graph.value(node, SH + "minCount"))
    most = _integer(graph.value(node, SH + "maxCount"))
    if least is None and most is None:
        return None

    def noun(n: int) -> Bilingual:
        return Bilingual("τιμή" if n == 1 else "τιμές", "value" if n == 1 else "values")

    if most == 0:
        return Phrase(Bilingual("καμία τιμή", "no value"))
    if least is not None and least == most:
        word = noun(least)
        return Phrase(Bilingual(f"ακριβώς {least} {word.el}", f"exactly {least} {word.en}"))
    if least is not None and most is not None:
        return Phrase(Bilingual(f"από {least} έως {most} τιμές", f"{least} to {most} values"))
    if least is not None:
        word = noun(least)
        return Phrase(Bilingual(f"τουλάχιστον {least} {word.el}", f"at least {least} {word.en}"))
    assert most is not None
    word = noun(most)
    return Phrase(Bilingual(f"το πολύ {most} {word.el}", f"at most {most} {word.en}"))


def _integer(node: Node | None) -> int | None:
    if isinstance(node, ox.Literal):
        try:
            return int(node.value)
        except ValueError:
            return None
    return None


def _joined(parts: list[list[Value]], separator: str) -> list[Value]:
    joined: list[Value] = []
    for number, part in enumerate(parts):
        if number:
            joined.append(Text(Bilingual.same(separator)))
        joined.extend(part)
    return joined


def _marked(before: str, inner: list[Value], after: str) -> list[Value]:
    found: list[Value] = [Text(Bilingual.same(before))] if before else []
    found += inner
    return found + ([Text(Bilingual.same(after))] if after else [])


def _unique(values: list[Value]) -> list[Value]:
    return list(dict.fromkeys(values))


def node_shape_users(graphs: list[FileGraph]) -> dict[str, list[str]]:
    """Property shape IRI -> the IRIs of the node shapes that list it in ``sh:property``."""
    users: dict[str, list[str]] = {}
    for graph in graphs:
        for subject, properties in graph.by_subject.items():
            for value in properties.get(SH + "property", ()):
                if isinstance(value, ox.NamedNode) and isinstance(subject, ox.NamedNode):
                    users.setdefault(value.value, []).append(subject.value)
    return {key: sorted(set(found)) for key, found in users.items()}

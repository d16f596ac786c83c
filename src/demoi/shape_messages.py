"""Default result messages, in Greek and in English, for shapes that give none.

SHACL leaves a result's message to the shape (``sh:message``); demoi's own shapes give one in
both languages, the EU shapes (DCAT-AP, HVD, CPSV-AP) give none, and the compiled engine does not
reproduce pySHACL's English defaults. So a message is made here from the constraint component
that failed and the shape's parameters (``sh:minCount 1`` → "at least 1 value of dct:title is
required"), naming the property by the shape's ``sh:name`` when it has one and adding its
``sh:description`` (often the only hint of how to fix it).

Why a table of our own rather than pySHACL's messages: they exist in English only, name terms by
full IRIs, and the compiled engine does not run pySHACL's per-component code that makes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDFS, SH

LANGUAGES = ("el", "en")
MAX_DEPTH = 2  # nested shapes described inside a message; deeper ones are named only

# Well-known vocabularies, for terms written compactly (dct:title rather than the full IRI).
PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
    "dct": "http://purl.org/dc/terms/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcatap": "http://data.europa.eu/r5r/",
    "r5r": "http://data.europa.eu/r5r#",  # the DCAT-AP shapes' own names
    "adms": "http://www.w3.org/ns/adms#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "locn": "http://www.w3.org/ns/locn#",
    "m8g": "http://data.europa.eu/m8g/",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "epo": "http://data.europa.eu/a4g/ontology#",
    "odrl": "http://www.w3.org/ns/odrl/2/",
    "spdx": "http://spdx.org/rdf/terms#",
    "schema": "http://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "sosa": "http://www.w3.org/ns/sosa/",
    "qb": "http://purl.org/linked-data/cube#",
    "qudt": "http://qudt.org/schema/qudt/",
    "unit": "http://qudt.org/vocab/unit/",
    "gtfs": "http://vocab.gtfs.org/terms#",
    "cc": "http://creativecommons.org/ns#",
    "person": "http://www.w3.org/ns/person#",
    "demoi": "https://w3id.org/demoi/def/common#",
    "cat": "https://w3id.org/demoi/def/catalogue#",
    "cult": "https://w3id.org/demoi/def/culture#",
    "dec": "https://w3id.org/demoi/def/decisions#",
    "env": "https://w3id.org/demoi/def/environment#",
    "fin": "https://w3id.org/demoi/def/finance#",
    "mob": "https://w3id.org/demoi/def/mobility#",
    "dorg": "https://w3id.org/demoi/def/organisation#",
    "place": "https://w3id.org/demoi/def/places#",
    "proc": "https://w3id.org/demoi/def/procurement#",
    "svc": "https://w3id.org/demoi/def/services#",
    "stat": "https://w3id.org/demoi/def/statistics#",
    "util": "https://w3id.org/demoi/def/utilities#",
    "catsh": "https://w3id.org/demoi/shapes/catalogue#",
    "cultsh": "https://w3id.org/demoi/shapes/culture#",
    "decsh": "https://w3id.org/demoi/shapes/decisions#",
    "envsh": "https://w3id.org/demoi/shapes/environment#",
    "finsh": "https://w3id.org/demoi/shapes/finance#",
    "mobsh": "https://w3id.org/demoi/shapes/mobility#",
    "dorgsh": "https://w3id.org/demoi/shapes/organisation#",
    "placesh": "https://w3id.org/demoi/shapes/places#",
    "procsh": "https://w3id.org/demoi/shapes/procurement#",
    "svcsh": "https://w3id.org/demoi/shapes/services#",
    "statsh": "https://w3id.org/demoi/shapes/statistics#",
    "utilsh": "https://w3id.org/demoi/shapes/utilities#",
}
_IRI_IN_TEXT = re.compile(r"<([^<>\s]*)>")


def compact(iri: str) -> str:
    """``dct:title`` for a term of a well-known vocabulary, else the IRI itself; SPARQL paths
    (``^(<…>)``) get each of their IRIs compacted."""
    if iri.startswith(("^", "(")) or "<" in iri:
        return _IRI_IN_TEXT.sub(lambda match: compact(match.group(1)), iri)
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            if local and re.fullmatch(r"[\w.-]*", local) and not local.endswith("."):
                return f"{prefix}:{local}"
    return iri


# ---------------------------------------------------------------------------------------------
# The table: one entry per constraint component, each (el, en) filled in with ``Facts``.


class Facts:
    """What a message says about one shape: its property, its parameters, nested shapes."""

    def __init__(
        self, shapes: rdflib.Graph, shape: rdflib.term.Node, language: str, depth: int = 0
    ) -> None:
        self.shapes = shapes
        self.shape = shape
        self.language = language
        self.depth = depth  # how deep in nested shapes: recursive shapes must end somewhere

    def one(self, parameter: str) -> str:
        value = self.shapes.value(self.shape, SH[parameter])
        return _term_text(value) if value is not None else "?"

    def every(self, parameter: str) -> str:
        found = sorted(_term_text(v) for v in self.shapes.objects(self.shape, SH[parameter]))
        return self.join(found) if found else "?"

    def listed(self, parameter: str) -> str:
        head = self.shapes.value(self.shape, SH[parameter])
        if head is None:
            return "?"
        return ", ".join(_term_text(member) for member in Collection(self.shapes, head))

    def count(self, parameter: str) -> int:
        value = self.shapes.value(self.shape, SH[parameter])
        try:
            return int(value) if isinstance(value, rdflib.Literal) else 0
        except ValueError:
            return 0

    def join(self, items: list[str]) -> str:
        conjunction = " και " if self.language == "el" else " and "
        return ", ".join(items[:-1]) + conjunction + items[-1] if len(items) > 1 else items[0]

    @property
    def prop(self) -> str:
        """The property the shape is about: its sh:name and compact path, or "the node"."""
        path = self.shapes.value(self.shape, SH.path)
        name = _in_language(self.shapes.objects(self.shape, SH.name), self.language)
        if path is None:
            return f"«{name}»" if name else ("ο κόμβος" if self.language == "el" else "the node")
        written = _path_text(self.shapes, path)
        return f"«{name}» ({written})" if name else written

    @property
    def value_of(self) -> str:
        """ "the value of dct:title", or "the node" for a shape without a path."""
        if self.shapes.value(self.shape, SH.path) is None:
            return "ο κόμβος" if self.language == "el" else "the node"
        return f"η τιμή του {self.prop}" if self.language == "el" else f"the value of {self.prop}"

    @property
    def values_of(self) -> str:
        if self.shapes.value(self.shape, SH.path) is None:
            return "ο κόμβος" if self.language == "el" else "the node"
        return (
            f"οι τιμές του {self.prop}" if self.language == "el" else f"the values of {self.prop}"
        )

    @property
    def the_prop(self) -> str:
        if self.shapes.value(self.shape, SH.path) is None or self.language != "el":
            return self.prop
        return f"το {self.prop}"

    def n(self, parameter: str, one: str, many: str) -> str:
        """The count parameter with the word that goes with it (1 value, 2 values)."""
        count = self.count(parameter)
        return f"{count} {one if count == 1 else many}"

    def nested(self, parameter: str) -> list[str]:
        """The shapes a logical constraint names, each described in a few words."""
        found: list[str] = []
        for value in self.shapes.objects(self.shape, SH[parameter]):
            if parameter in ("and", "or", "xone"):
                found.extend(self.describe(m) for m in Collection(self.shapes, value))
            else:
                found.append(self.describe(value))
        return found

    def describe(self, shape: rdflib.term.Node) -> str:
        name = _in_language(self.shapes.objects(shape, SH.name), self.language) or _in_language(
            self.shapes.objects(shape, RDFS.label), self.language
        )
        if name:
            return f"«{name}»"
        index = LANGUAGES.index(self.language)
        described = [
            MESSAGES[component][index](Facts(self.shapes, shape, self.language, self.depth + 1))
            for component, parameter in _PARAMETERS
            if self.depth < MAX_DEPTH and (shape, SH[parameter], None) in self.shapes
        ]
        if described:
            return "(" + "; ".join(dict.fromkeys(described)) + ")"
        return compact(str(shape)) if isinstance(shape, rdflib.URIRef) else "?"


Template = Callable[[Facts], str]


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


MESSAGES: dict[str, tuple[Template, Template]] = {
    "MinCount": (
        lambda f: (
            f"{_plural(f.count('minCount'), 'απαιτείται', 'απαιτούνται')} τουλάχιστον "
            f"{f.n('minCount', 'τιμή', 'τιμές')} για το {f.prop}"
        ),
        lambda f: (
            f"at least {f.n('minCount', 'value', 'values')} of {f.prop} "
            f"{_plural(f.count('minCount'), 'is', 'are')} required"
        ),
    ),
    "MaxCount": (
        lambda f: (
            f"{_plural(f.count('maxCount'), 'επιτρέπεται', 'επιτρέπονται')} το πολύ "
            f"{f.n('maxCount', 'τιμή', 'τιμές')} για το {f.prop}"
        ),
        lambda f: (
            f"at most {f.n('maxCount', 'value', 'values')} of {f.prop} "
            f"{_plural(f.count('maxCount'), 'is', 'are')} allowed"
        ),
    ),
    "Class": (
        lambda f: f"{f.value_of} πρέπει να είναι στιγμιότυπο της κλάσης {f.every('class')}",
        lambda f: f"{f.value_of} must be an instance of {f.every('class')}",
    ),
    "Datatype": (
        lambda f: f"{f.value_of} πρέπει να είναι κυριολεκτικό με τύπο {f.one('datatype')}",
        lambda f: f"{f.value_of} must be a literal of datatype {f.one('datatype')}",
    ),
    "NodeKind": (
        lambda f: f"{f.value_of} πρέπει να είναι {_kind(f, 0)}",
        lambda f: f"{f.value_of} must be {_kind(f, 1)}",
    ),
    "In": (
        lambda f: f"{f.value_of} πρέπει να είναι μία από: {f.listed('in')}",
        lambda f: f"{f.value_of} must be one of: {f.listed('in')}",
    ),
    "HasValue": (
        lambda f: f"{f.the_prop} πρέπει να έχει την τιμή {f.one('hasValue')}",
        lambda f: f"{f.the_prop} must have the value {f.one('hasValue')}",
    ),
    "Pattern": (
        lambda f: f"{f.value_of} πρέπει να ταιριάζει με το μοτίβο {f.one('pattern')}",
        lambda f: f"{f.value_of} must match the pattern {f.one('pattern')}",
    ),
    "MinLength": (
        lambda f: (
            f"{f.value_of} πρέπει να έχει τουλάχιστον {f.n('minLength', 'χαρακτήρα', 'χαρακτήρες')}"
        ),
        lambda f: (
            f"{f.value_of} must be at least {f.n('minLength', 'character', 'characters')} long"
        ),
    ),
    "MaxLength": (
        lambda f: (
            f"{f.value_of} πρέπει να έχει το πολύ {f.n('maxLength', 'χαρακτήρα', 'χαρακτήρες')}"
        ),
        lambda f: (
            f"{f.value_of} must be at most {f.n('maxLength', 'character', 'characters')} long"
        ),
    ),
    "MinInclusive": (
        lambda f: f"{f.value_of} πρέπει να είναι ≥ {f.one('minInclusive')}",
        lambda f: f"{f.value_of} must be ≥ {f.one('minInclusive')}",
    ),
    "MinExclusive": (
        lambda f: f"{f.value_of} πρέπει να είναι > {f.one('minExclusive')}",
        lambda f: f"{f.value_of} must be > {f.one('minExclusive')}",
    ),
    "MaxInclusive": (
        lambda f: f"{f.value_of} πρέπει να είναι ≤ {f.one('maxInclusive')}",
        lambda f: f"{f.value_of} must be ≤ {f.one('maxInclusive')}",
    ),
    "MaxExclusive": (
        lambda f: f"{f.value_of} πρέπει να είναι < {f.one('maxExclusive')}",
        lambda f: f"{f.value_of} must be < {f.one('maxExclusive')}",
    ),
    "LanguageIn": (
        lambda f: f"{f.value_of} πρέπει να έχει γλώσσα μία από: {f.listed('languageIn')}",
        lambda f: f"{f.value_of} must be in one of the languages {f.listed('languageIn')}",
    ),
    "UniqueLang": (
        lambda f: f"{f.the_prop} δεν πρέπει να έχει δύο τιμές στην ίδια γλώσσα",
        lambda f: f"{f.the_prop} must not have two values in the same language",
    ),
    "Node": (
        lambda f: f"{f.value_of} πρέπει να τηρεί το σχήμα {f.join(f.nested('node'))}",
        lambda f: f"{f.value_of} must conform to {f.join(f.nested('node'))}",
    ),
    "Not": (
        lambda f: f"{f.value_of} δεν πρέπει να τηρεί το σχήμα {f.join(f.nested('not'))}",
        lambda f: f"{f.value_of} must not conform to {f.join(f.nested('not'))}",
    ),
    "And": (
        lambda f: f"{f.value_of} πρέπει να τηρεί όλα τα: {' · '.join(f.nested('and'))}",
        lambda f: f"{f.value_of} must conform to all of: {' · '.join(f.nested('and'))}",
    ),
    "Or": (
        lambda f: f"{f.value_of} πρέπει να τηρεί τουλάχιστον ένα από: {' ή '.join(f.nested('or'))}",
        lambda f: f"{f.value_of} must conform to at least one of: {' or '.join(f.nested('or'))}",
    ),
    "Xone": (
        lambda f: f"{f.value_of} πρέπει να τηρεί ακριβώς ένα από: {' ή '.join(f.nested('xone'))}",
        lambda f: f"{f.value_of} must conform to exactly one of: {' or '.join(f.nested('xone'))}",
    ),
    "QualifiedMinCount": (
        lambda f: (
            f"τουλάχιστον {f.n('qualifiedMinCount', 'τιμή', 'τιμές')} του {f.prop} πρέπει να "
            f"{_plural(f.count('qualifiedMinCount'), 'τηρεί', 'τηρούν')} το σχήμα "
            f"{f.join(f.nested('qualifiedValueShape'))}"
        ),
        lambda f: (
            f"at least {f.n('qualifiedMinCount', 'value', 'values')} of {f.prop} must conform "
            f"to {f.join(f.nested('qualifiedValueShape'))}"
        ),
    ),
    "QualifiedMaxCount": (
        lambda f: (
            f"το πολύ {f.n('qualifiedMaxCount', 'τιμή', 'τιμές')} του {f.prop} επιτρέπεται να "
            f"{_plural(f.count('qualifiedMaxCount'), 'τηρεί', 'τηρούν')} το σχήμα "
            f"{f.join(f.nested('qualifiedValueShape'))}"
        ),
        lambda f: (
            f"at most {f.n('qualifiedMaxCount', 'value', 'values')} of {f.prop} may conform to "
            f"{f.join(f.nested('qualifiedValueShape'))}"
        ),
    ),
    "Closed": (
        lambda f: "η ιδιότητα δεν επιτρέπεται εδώ: το σχήμα ορίζει ποιες ιδιότητες επιτρέπονται",
        lambda f: "this property is not allowed here: the shape lists the properties allowed",
    ),
    "Equals": (
        lambda f: f"{f.values_of} πρέπει να είναι ίδιες με του {f.one('equals')}",
        lambda f: f"{f.values_of} must be the same as those of {f.one('equals')}",
    ),
    "Disjoint": (
        lambda f: f"{f.values_of} δεν πρέπει να είναι και τιμές του {f.one('disjoint')}",
        lambda f: f"{f.values_of} must not also be values of {f.one('disjoint')}",
    ),
    "LessThan": (
        lambda f: f"{f.values_of} πρέπει να είναι μικρότερες από του {f.one('lessThan')}",
        lambda f: f"{f.values_of} must be less than those of {f.one('lessThan')}",
    ),
    "LessThanOrEquals": (
        lambda f: (
            f"{f.values_of} πρέπει να είναι μικρότερες ή ίσες με του {f.one('lessThanOrEquals')}"
        ),
        lambda f: (
            f"{f.values_of} must be less than or equal to those of {f.one('lessThanOrEquals')}"
        ),
    ),
    "SPARQL": (
        lambda f: f"δεν τηρείται ο κανόνας SPARQL του σχήματος για το {f.prop}",
        lambda f: f"the shape's SPARQL rule is not met for {f.prop}",
    ),
}
# The parameter that marks each component on a shape (to describe nested shapes).
_PARAMETERS = (
    ("MinCount", "minCount"),
    ("MaxCount", "maxCount"),
    ("Class", "class"),
    ("Datatype", "datatype"),
    ("NodeKind", "nodeKind"),
    ("In", "in"),
    ("HasValue", "hasValue"),
    ("Pattern", "pattern"),
    ("MinLength", "minLength"),
    ("MaxLength", "maxLength"),
    ("MinInclusive", "minInclusive"),
    ("MinExclusive", "minExclusive"),
    ("MaxInclusive", "maxInclusive"),
    ("MaxExclusive", "maxExclusive"),
    ("LanguageIn", "languageIn"),
    ("Node", "node"),
    ("Not", "not"),
    ("Or", "or"),
)
_NODE_KINDS = {
    "IRI": ("ένα IRI", "an IRI"),
    "BlankNode": ("κενός κόμβος", "a blank node"),
    "Literal": ("κυριολεκτικό (κείμενο, αριθμός, ημερομηνία)", "a literal (text, number, date)"),
    "BlankNodeOrIRI": ("IRI ή κενός κόμβος", "an IRI or a blank node"),
    "BlankNodeOrLiteral": ("κυριολεκτικό ή κενός κόμβος", "a literal or a blank node"),
    "IRIOrLiteral": ("IRI ή κυριολεκτικό", "an IRI or a literal"),
}
_UNKNOWN = (
    "δεν τηρείται ο περιορισμός {component} για το {prop}",
    "the constraint {component} is not met for {prop}",
)


def _kind(facts: Facts, index: int) -> str:
    kind = str(facts.shapes.value(facts.shape, SH.nodeKind) or "").rpartition("#")[2]
    return _NODE_KINDS.get(kind, (kind, kind))[index]


# ---------------------------------------------------------------------------------------------
# Messages for results


def default_messages(
    shapes: rdflib.Graph, shape: str, component: str
) -> tuple[tuple[str, str], ...]:
    """The (language, text) pairs, el and en, for a result of ``shape`` (an IRI or a blank node
    id as reports give it) on ``component`` (e.g. MinCountConstraintComponent)."""
    node = shape_node(shapes, shape)
    short = component.removesuffix("ConstraintComponent")
    return tuple(
        (language, _with_description(shapes, node, language, _message(shapes, node, short, i)))
        for i, language in enumerate(LANGUAGES)
    )


def complete(
    given: Iterable[tuple[str, str]], shapes: rdflib.Graph, shape: str, component: str
) -> tuple[tuple[str, str], ...]:
    """The messages of a result with an el and an en text always: the shape's own sh:message
    where it has one (an untagged one stands for the languages it lacks, being the author's
    words), this module's defaults otherwise. Untagged messages the shape does not state (the
    engines' fallbacks, pySHACL's English defaults) are dropped for the defaults."""
    authored = {tag: text for tag, text in given if tag}
    untagged = _authored_untagged(shapes, shape_node(shapes, shape))
    defaults = dict(default_messages(shapes, shape, component))
    for language in LANGUAGES:
        authored.setdefault(language, untagged or defaults[language])
    return tuple(sorted(authored.items()))


def shape_node(shapes: rdflib.Graph, shape: str) -> rdflib.term.Node:
    iri = rdflib.URIRef(shape)
    if (iri, None, None) in shapes:
        return iri
    return rdflib.BNode(shape)


def _authored_untagged(shapes: rdflib.Graph, node: rdflib.term.Node) -> str | None:
    holders = [node, *shapes.objects(node, SH.sparql)]
    for holder in holders:
        for message in shapes.objects(holder, SH.message):
            if isinstance(message, rdflib.Literal) and not message.language:
                return str(message)
    return None


def _message(shapes: rdflib.Graph, node: rdflib.term.Node, component: str, index: int) -> str:
    facts = Facts(shapes, node, LANGUAGES[index])
    templates = MESSAGES.get(component)
    if templates is None:
        return _UNKNOWN[index].format(component=component, prop=facts.prop)
    return _capitalised(templates[index](facts))


def _with_description(
    shapes: rdflib.Graph, node: rdflib.term.Node, language: str, message: str
) -> str:
    description = _in_language(shapes.objects(node, SH.description), language)
    if not description:
        return message + "."
    return f"{message}. {description.strip()}"


def _capitalised(text: str) -> str:
    """A sentence's first letter in capitals, unless it starts with a term (skos:inScheme)."""
    first_word = text.split(" ", 1)[0]
    if ":" in first_word or first_word.startswith("«"):
        return text
    return text[:1].upper() + text[1:]


def _in_language(values: Iterable[rdflib.term.Node], language: str) -> str:
    """The text in ``language``, else an untagged one, else English, else none."""
    literals = [v for v in values if isinstance(v, rdflib.Literal)]
    for wanted in (language, "", "en"):
        for literal in literals:
            if (literal.language or "") == wanted:
                return str(literal)
    return ""


def _term_text(node: rdflib.term.Node) -> str:
    if isinstance(node, rdflib.URIRef):
        return compact(str(node))
    if isinstance(node, rdflib.Literal):
        return f"«{node}»" if node.datatype is None else str(node)
    return "[…]"


def _path_text(shapes: rdflib.Graph, path: rdflib.term.Node) -> str:
    """A SHACL path written as SPARQL writes it (dct:title, ^dcat:distribution, a/b)."""
    if isinstance(path, rdflib.URIRef):
        return compact(str(path))
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_text(shapes, inverse)
    for parameter, suffix in ((SH.oneOrMorePath, "+"), (SH.zeroOrMorePath, "*")):
        inner = shapes.value(path, parameter)
        if inner is not None:
            return _path_text(shapes, inner) + suffix
    inner = shapes.value(path, SH.zeroOrOnePath)
    if inner is not None:
        return _path_text(shapes, inner) + "?"
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path_text(shapes, m) for m in Collection(shapes, alternatives)) + ")"
    return "/".join(_path_text(shapes, member) for member in Collection(shapes, path))

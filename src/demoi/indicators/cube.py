"""Publishing a computation as an RDF Data Cube: one qb:DataSet per indicator, in its own graph.

``{base}graph/indicators/<id>`` holds the data set ``{base}id/dataset/indicator/<id>``
(structure stat:computedIndicatorStructure), its observations, its notes on missing values
(stat:MissingValue, never an observation of zero) and the definition itself, so that the graph
says what its numbers mean. It is checked twice before it replaces the previous one: with the
``statistics`` SHACL profile and with the W3C integrity constraints IC-1 … IC-21. Its PROV-O
activity had the definition as plan and used the source graphs.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from functools import cache

import pyoxigraph as ox

from demoi import provenance
from demoi.dcat.vocabulary import DEFAULT_LICENCE
from demoi.errors import ValidationFailed
from demoi.indicators.compute import Computation, Gap, Value, text
from demoi.indicators.definitions import MUNICIPALITY, STAT, Definition
from demoi.iris import minted_prefix
from demoi.resources import standards_path
from demoi.store import Store
from demoi.store.sparql_text import Change
from demoi.validation import validate_ntriples

QB = "http://purl.org/linked-data/cube#"
SDMX_DIMENSION = "http://purl.org/linked-data/sdmx/2009/dimension#"
SDMX_MEASURE = "http://purl.org/linked-data/sdmx/2009/measure#"
SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#"
SDMX_CODE = "http://purl.org/linked-data/sdmx/2009/code#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV_USED = ox.NamedNode("http://www.w3.org/ns/prov#used")
PROV_GENERATED = ox.NamedNode("http://www.w3.org/ns/prov#generated")
STRUCTURE = ox.NamedNode(STAT + "computedIndicatorStructure")

Statement = tuple[
    ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal
]


def cube_graph(base: str, identifier: str) -> str:
    return f"{base}graph/indicators/{identifier}"


def cube_dataset(base: str, identifier: str) -> str:
    return f"{minted_prefix(base)}dataset/indicator/{identifier}"


def observation_iri(base: str, identifier: str, code: str, period: str) -> str:
    return f"{minted_prefix(base)}indicator-observation/{identifier}/{code}/{period}"


def gap_iri(base: str, identifier: str, gap: Gap) -> str:
    tail = f"{gap.code}/{gap.period}" if gap.period else gap.code
    return f"{minted_prefix(base)}indicator-gap/{identifier}/{tail}"


def scheme_iri(base: str) -> str:
    """The Catalogue of Indicators as a skos:ConceptScheme; each definition is one of its
    concepts."""
    return f"{minted_prefix(base)}indicator"


def cube_triples(base: str, computation: Computation) -> list[ox.Triple]:
    definition = computation.definition
    dataset = ox.NamedNode(cube_dataset(base, definition.identifier))
    # The data set does not state stat:indicator: its domain is the observation, and a reader
    # that infers from it would make the data set an observation (IC-1 then fails).
    statements: list[Statement] = [
        (dataset, RDF_TYPE, ox.NamedNode(QB + "DataSet")),
        (dataset, ox.NamedNode(QB + "structure"), STRUCTURE),
        *_titles(dataset, definition),
        *_scheme(base),
    ]
    for value in computation.values:
        statements += _observation(base, dataset, definition, value)
    for gap in computation.gaps:
        statements += _gap(base, dataset, definition, gap)
    triples = [ox.Triple(*statement) for statement in statements]
    return triples + list(definition.triples)


def _titles(dataset: ox.NamedNode, definition: Definition) -> list[Statement]:
    """Title, description and licence: what a reader of the graph alone needs to reuse it."""
    title, description = ox.NamedNode(DCTERMS + "title"), ox.NamedNode(DCTERMS + "description")
    return [
        *(
            (dataset, title, ox.Literal(text, language=lang))
            for lang, text in sorted(definition.labels.items())
        ),
        *(
            (dataset, description, ox.Literal(text, language=lang))
            for lang, text in sorted(definition.definitions.items())
        ),
        (dataset, ox.NamedNode(DCTERMS + "license"), ox.NamedNode(DEFAULT_LICENCE)),
    ]


def _scheme(base: str) -> list[Statement]:
    scheme = ox.NamedNode(scheme_iri(base))
    label = ox.NamedNode(SKOS + "prefLabel")
    return [
        (scheme, RDF_TYPE, ox.NamedNode(SKOS + "ConceptScheme")),
        (scheme, label, ox.Literal("Κατάλογος Δεικτών", language="el")),
        (scheme, label, ox.Literal("Catalogue of Indicators", language="en")),
    ]


def _year(period: str) -> ox.Literal:
    return ox.Literal(period, datatype=ox.NamedNode(XSD + "gYear"))


def _observation(
    base: str, dataset: ox.NamedNode, definition: Definition, value: Value
) -> list[Statement]:
    node = ox.NamedNode(observation_iri(base, definition.identifier, value.code, value.period))
    area = ox.NamedNode(MUNICIPALITY + value.code)
    status = "obsStatus-P" if value.is_provisional else "obsStatus-A"
    statements: list[Statement] = [
        (node, RDF_TYPE, ox.NamedNode(QB + "Observation")),
        (node, RDF_TYPE, ox.NamedNode(STAT + "IndicatorObservation")),
        (node, ox.NamedNode(QB + "dataSet"), dataset),
        (node, ox.NamedNode(STAT + "indicator"), ox.NamedNode(definition.iri)),
        (node, ox.NamedNode(STAT + "refArea"), area),
        # Stated as well for readers that do not reason over rdfs:subPropertyOf.
        (node, ox.NamedNode(SDMX_DIMENSION + "refArea"), area),
        (node, ox.NamedNode(SDMX_DIMENSION + "refPeriod"), _year(value.period)),
        (
            node,
            ox.NamedNode(SDMX_MEASURE + "obsValue"),
            # Positional notation: str() would write 9E+1, which is no xsd:decimal.
            ox.Literal(format(value.value, "f"), datatype=ox.NamedNode(XSD + "decimal")),
        ),
        (node, ox.NamedNode(SDMX_ATTRIBUTE + "unitMeasure"), ox.NamedNode(definition.unit)),
        (node, ox.NamedNode(SDMX_ATTRIBUTE + "obsStatus"), ox.NamedNode(SDMX_CODE + status)),
    ]
    statements += [
        (node, ox.NamedNode(STAT + "sourceGraph"), ox.NamedNode(graph)) for graph in value.sources
    ]
    if value.coverage is not None:
        coverage = ox.Literal(format(value.coverage, "f"), datatype=ox.NamedNode(XSD + "decimal"))
        statements.append((node, ox.NamedNode(STAT + "coverage"), coverage))
    if value.period_from_publication:
        statements += [
            (node, ox.NamedNode(SKOS + "note"), ox.Literal(text, language=language))
            for language, text in (
                ("el", "Η περίοδος είναι το έτος της τελευταίας δημοσίευσης των δεδομένων."),
                ("en", "The period is the year the data were last published."),
            )
        ]
    return statements


def _gap(base: str, dataset: ox.NamedNode, definition: Definition, gap: Gap) -> list[Statement]:
    node = ox.NamedNode(gap_iri(base, definition.identifier, gap))
    area = ox.NamedNode(MUNICIPALITY + gap.code)
    statements: list[Statement] = [
        (dataset, ox.NamedNode(STAT + "missingValue"), node),
        (node, RDF_TYPE, ox.NamedNode(STAT + "MissingValue")),
        # Not stat:refArea, whose domain is qb:Observation: a missing value is no observation.
        (node, ox.NamedNode(SDMX_DIMENSION + "refArea"), area),
        (node, ox.NamedNode(SKOS + "note"), ox.Literal(gap.reason_el, language="el")),
        (node, ox.NamedNode(SKOS + "note"), ox.Literal(gap.reason_en, language="en")),
    ]
    if gap.period:
        statements.append((node, ox.NamedNode(SDMX_DIMENSION + "refPeriod"), _year(gap.period)))
    return statements


@cache
def integrity_background() -> tuple[ox.Triple, ...]:
    """What the integrity constraints need beside the cube: the structure and its components
    (statistics.ttl) and the code list its area dimension names (municipalities.ttl)."""
    ontologies = standards_path("ontologies")
    files = (ontologies / "statistics.ttl", ontologies / "codelists" / "municipalities.ttl")
    return tuple(
        ox.Triple(q.subject, q.predicate, q.object)
        for path in files
        for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    )


def check(triples: list[ox.Triple], where: str, definition: Definition | None = None) -> None:
    """Refuse a cube that breaks the statistics profile, an integrity constraint, or (given its
    definition) says something of its values the definition does not."""
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    report = validate_ntriples(ntriples, "statistics", "en", where)
    if not report.conforms:
        raise ValidationFailed(
            f"{where}: {len(report.violations)} violation(s) of the statistics profile; "
            "nothing was published",
            report=report.text(),
            results=len(report.violations),
        )
    from demoi.indicators.integrity import check_cube

    if definition is not None:
        wrong = inconsistencies(triples, definition)
        if wrong:
            raise ValidationFailed(
                f"{where}: the cube does not match the definition of {definition.identifier}; "
                "nothing was published",
                report="\n".join(wrong),
                results=len(wrong),
            )
    broken = check_cube(triples, integrity_background())
    if broken:
        raise ValidationFailed(
            f"{where}: the cube breaks {', '.join(v.constraint for v in broken)} of the RDF Data "
            "Cube integrity constraints; nothing was published",
            report="\n".join(f"{v.constraint} {v.title_en}: {v.detail}" for v in broken),
            results=len(broken),
        )


STATUSES = frozenset({SDMX_CODE + "obsStatus-A", SDMX_CODE + "obsStatus-P"})


def inconsistencies(triples: list[ox.Triple], definition: Definition) -> list[str]:
    """What the observations say against their definition: another indicator or unit, a status
    other than normal or provisional, two readings of the area. The profile and the integrity
    constraints cannot see these, and `demoi indicators check` is asked about cubes that may
    have been edited since they were published."""
    by_node: dict[str, dict[str, set[str]]] = {}
    for triple in triples:
        values = by_node.setdefault(str(triple.subject), {})
        values.setdefault(triple.predicate.value, set()).add(str(text(triple.object)))
    expected = {
        STAT + "indicator": {definition.iri},
        SDMX_ATTRIBUTE + "unitMeasure": {definition.unit},
    }
    found = []
    for node, values in sorted(by_node.items()):
        if QB + "Observation" not in values.get(RDF_TYPE.value, set()):
            continue
        for predicate, allowed in expected.items():
            if values.get(predicate, set()) != allowed:
                found.append(f"{node}: {predicate} is not {sorted(allowed)[0]}")
        if not values.get(SDMX_ATTRIBUTE + "obsStatus", set()) <= STATUSES:
            found.append(f"{node}: obsStatus is neither obsStatus-A nor obsStatus-P")
        if values.get(STAT + "refArea") != values.get(SDMX_DIMENSION + "refArea"):
            found.append(f"{node}: stat:refArea and sdmx-dimension:refArea differ")
        if not values.get(STAT + "sourceGraph"):
            found.append(f"{node}: no stat:sourceGraph: the value names no source")
        found += _coverage_and_status(node, values)
    return found


def _coverage_and_status(node: str, values: dict[str, set[str]]) -> list[str]:
    """A value is provisional exactly when its coverage is below 1, and coverage is a share."""
    coverages = values.get(STAT + "coverage", set())
    try:
        shares = [Decimal(text) for text in coverages]
    except InvalidOperation:
        return [f"{node}: stat:coverage is not a number"]
    if not all(share.is_finite() for share in shares):
        return [f"{node}: stat:coverage is not a number"]
    if any(not 0 <= share <= 1 for share in shares):
        return [f"{node}: stat:coverage is not between 0 and 1"]
    provisional = any(share < 1 for share in shares)
    expected = SDMX_CODE + ("obsStatus-P" if provisional else "obsStatus-A")
    if values.get(SDMX_ATTRIBUTE + "obsStatus") != {expected}:
        return [f"{node}: obsStatus must be {expected.rsplit('#', 1)[-1]} for its coverage"]
    return []


def publish(store: Store, base: str, computation: Computation, *, label: str) -> int:
    """Check the cube, then replace the indicator's graph with it, recording the activity."""
    started = datetime.now(UTC)
    definition = computation.definition
    graph = cube_graph(base, definition.identifier)
    triples = cube_triples(base, computation)
    check(triples, graph, definition)
    record = provenance.publication(
        base,
        graph,
        label=label,
        source=provenance.Source(f"indicators/{definition.path.name}", definition.sha256),
        started=started,
        plan=definition.iri,
        plan_version=definition.sha256,
        outcome=provenance.Outcome(len(triples), True, 0),
    )
    record = _with_sources(record, _sources(computation))
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return store.replace_graph(
        graph, ntriples, ox.RdfFormat.N_TRIPLES, provenance_update=record, source_name=graph
    )


def _sources(computation: Computation) -> list[str]:
    return sorted({graph for value in computation.values for graph in value.sources})


def _with_sources(record: Change, graphs: Iterable[str]) -> Change:
    """The publication record, plus ``prov:used`` for every graph a value was computed from."""
    activity = next(
        q.subject
        for q in record.added
        if q.predicate == PROV_GENERATED and isinstance(q.object, ox.NamedNode)
    )
    prov_graph = next(q.graph_name for q in record.added if q.subject == activity)
    used = tuple(ox.Quad(activity, PROV_USED, ox.NamedNode(g), prov_graph) for g in graphs)
    return Change(record.removed, record.added + used)


def withdraw(store: Store, base: str, identifier: str) -> bool:
    """Take a withdrawn indicator's values out of the store."""
    graph = cube_graph(base, identifier)
    label = f"demoi indicators compute: {identifier} withdrawn"
    return store.drop(
        graph, provenance_update=provenance.invalidation(base, graph, label=label).sparql()
    )

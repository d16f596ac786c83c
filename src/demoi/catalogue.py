"""The DCAT record of each published dataset, kept in step with every publication.

Each municipality has a catalogue graph, ``{base}graph/<code>/catalogue``; each lift replaces,
in the same transaction as the data it describes, the record of its dataset there: what it is
(the mapping's bilingual description), whose (``demoi:municipality``), which functional area,
when it was last modified, its size, its temporal coverage and its source. The DCAT-AP
catalogue (demoi.dcat: publisher, distributions, licences, HVD) is generated from these records.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pyoxigraph as ox

from demoi.iris import STANDARDS_BASE, dataset_graph, minted_prefix, municipality_iri
from demoi.store.sparql_text import Change

if TYPE_CHECKING:
    from demoi.lifting import Lifted

DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
DEMOI = STANDARDS_BASE + "def/common#"
CAT = STANDARDS_BASE + "def/catalogue#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
VOID_TRIPLES = ox.NamedNode("http://rdfs.org/ns/void#triples")
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
#: The record says where it came from with prov:wasDerivedFrom, not dct:source: DCAT-AP gives
#: dct:source the range dcat:Dataset, which a source file (urn:sha256:…) is not.
DERIVED_FROM = ox.NamedNode(PROV + "wasDerivedFrom")
TEMPORAL = ox.NamedNode(DCTERMS + "temporal")
START_DATE = ox.NamedNode(DCAT + "startDate")
END_DATE = ox.NamedNode(DCAT + "endDate")
#: The dates of a graph: xsd:date and xsd:dateTime literals, of which the day is enough.
_DATE_LITERAL = re.compile(
    rb'"([0-9]{4}-[0-9]{2}-[0-9]{2})[^"]*"\^\^<http://www\.w3\.org/2001/XMLSchema#date(?:Time)?>'
)
_YEAR = re.compile(r"^([0-9]{4})(?:-([0-9]{4}))?$")


#: Dataset ids that name demoi's own graphs of a municipality, so no lift may publish into them.
RESERVED_DATASETS = frozenset({"catalogue"})


def record_removed(graph: str) -> str:
    """The SPARQL Update that removes the catalogue record of a dropped ``graph``."""
    relation = ox.NamedNode(DCTERMS + "relation")
    target = ox.NamedNode(graph)
    temporal = ox.NamedNode(DCTERMS + "temporal")
    return (
        f"DELETE {{ GRAPH ?catalogue {{ ?period ?p ?o }} }} WHERE {{ "
        f"GRAPH ?catalogue {{ ?dataset {relation} {target} ; {temporal} ?period . "
        f"?period ?p ?o }} }} ; "
        f"DELETE {{ GRAPH ?catalogue {{ ?dataset ?property ?value }} }} WHERE {{ "
        f"GRAPH ?catalogue {{ ?dataset {relation} {target} ; ?property ?value }} }}"
    )


def catalogue_graph(base: str, municipality: str) -> str:
    return dataset_graph(base, municipality, "catalogue")


def dataset_iri(base: str, lifted: Lifted) -> str:
    """``{base}id/dataset/<code>/<graph's dataset and period>``: one record per published graph."""
    segments = lifted.graph.removeprefix(f"{base}graph/")
    return f"{minted_prefix(base)}dataset/{segments}"


def _title(description: str, period: str | None) -> str:
    """The description's lead, before its first colon, with the period."""
    lead = description.split(":")[0].strip()
    return f"{lead}, {period}" if period else lead


def _anonymisation(
    dataset: ox.NamedNode, lifted: Lifted
) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """cat:containsPersonalData and cat:anonymisation: whether the source held personal data
    and what the personal-data guard did about it (law 4727/2020, art. 60 §6)."""
    treated = lifted.treated
    if treated is None:
        return []
    personal = ox.Literal(str(treated.personal).lower(), datatype=ox.NamedNode(XSD + "boolean"))
    statements: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (dataset, ox.NamedNode(CAT + "containsPersonalData"), personal)
    ]
    for language, text in sorted(treated.statement().items()):
        statements.append(
            (dataset, ox.NamedNode(CAT + "anonymisation"), ox.Literal(text, language=language))
        )
    return statements


def temporal_iri(record: str) -> str:
    """The record's period of time (dct:PeriodOfTime), a node of its own so that the record's
    replacement can remove it: a blank node would be left behind."""
    return f"{record}#temporal"


def temporal_coverage(period: str | None, ntriples: bytes) -> tuple[str, str] | None:
    """The first and last day the graph covers: its period when the period is a year
    (``2024``) or years (``2010-2013``), else the earliest and latest date in the data.
    Computed when the graph is lifted, when its N-Triples are at hand; scanning them is
    cheaper than asking the store for the dates of every graph on every catalogue request."""
    matched = _YEAR.match(period or "")
    if matched:
        return f"{matched.group(1)}-01-01", f"{matched.group(2) or matched.group(1)}-12-31"
    days = {found.group(1) for found in _DATE_LITERAL.finditer(ntriples)}
    if not days:
        return None
    return min(days).decode(), max(days).decode()


def _temporal(
    dataset: ox.NamedNode, period: str | None, ntriples: bytes
) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    coverage = temporal_coverage(period, ntriples)
    if coverage is None:
        return []
    node = ox.NamedNode(temporal_iri(dataset.value))
    date = ox.NamedNode(XSD + "date")
    return [
        (dataset, TEMPORAL, node),
        (node, RDF_TYPE, ox.NamedNode(DCTERMS + "PeriodOfTime")),
        (node, START_DATE, ox.Literal(coverage[0], datatype=date)),
        (node, END_DATE, ox.Literal(coverage[1], datatype=date)),
    ]


def dataset_record(base: str, lifted: Lifted, *, triples: int) -> Change:
    """The update that replaces the dataset's record in its municipality's catalogue."""
    graph = ox.NamedNode(catalogue_graph(base, lifted.municipality.code))
    dataset = ox.NamedNode(dataset_iri(base, lifted))
    mapping = lifted.mapping
    period = lifted.parameters.get(mapping.period) if mapping.period else None
    now = datetime.now(UTC).isoformat(timespec="seconds")
    statements: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (dataset, RDF_TYPE, ox.NamedNode(DCAT + "Dataset")),
        (
            dataset,
            ox.NamedNode(DEMOI + "municipality"),
            ox.NamedNode(municipality_iri(lifted.municipality.code)),
        ),
        (
            dataset,
            ox.NamedNode(DEMOI + "functionalArea"),
            ox.NamedNode(f"{STANDARDS_BASE}code/functional-area/{mapping.area}"),
        ),
        (
            dataset,
            ox.NamedNode(DCTERMS + "modified"),
            ox.Literal(now, datatype=ox.NamedNode(XSD + "dateTime")),
        ),
        (dataset, DERIVED_FROM, ox.NamedNode(f"urn:sha256:{lifted.sha256}")),
        (dataset, ox.NamedNode(DCTERMS + "relation"), ox.NamedNode(lifted.graph)),
        (dataset, VOID_TRIPLES, ox.Literal(str(triples), datatype=ox.NamedNode(XSD + "integer"))),
    ]
    for language, description in sorted(mapping.description.items()):
        statements.append(
            (
                dataset,
                ox.NamedNode(DCTERMS + "title"),
                ox.Literal(_title(description, period), language=language),
            )
        )
        statements.append(
            (
                dataset,
                ox.NamedNode(DCTERMS + "description"),
                ox.Literal(description, language=language),
            )
        )
    statements += _anonymisation(dataset, lifted)
    statements += _temporal(dataset, period, lifted.ntriples)
    temporal = ox.NamedNode(temporal_iri(dataset.value))
    return Change(
        (
            f"GRAPH {graph} {{ {dataset} ?property ?value }}",
            f"GRAPH {graph} {{ {temporal} ?property ?value }}",
        ),
        tuple(ox.Quad(s, p, o, graph) for s, p, o in statements),
    )

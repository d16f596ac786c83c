"""The DCAT record of each published dataset, kept in step with every publication.

Each municipality has a catalogue graph, ``{base}graph/<code>/catalogue``; each lift replaces,
in the same transaction as the data it describes, the record of its dataset there: what it is
(the mapping's bilingual description), whose (``demoi:municipality``), which functional area,
when it was last modified, its size and its source. The full DCAT-AP catalogue (publisher,
distributions, licences, HVD) builds on these records.
"""

from __future__ import annotations

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


#: Dataset ids that name demoi's own graphs of a municipality, so no lift may publish into them.
RESERVED_DATASETS = frozenset({"catalogue"})


def record_removed(graph: str) -> str:
    """The SPARQL Update that removes the catalogue record of a dropped ``graph``."""
    relation = ox.NamedNode(DCTERMS + "relation")
    target = ox.NamedNode(graph)
    return (
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
        (dataset, ox.NamedNode(DCTERMS + "source"), ox.NamedNode(f"urn:sha256:{lifted.sha256}")),
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
    return Change(
        (f"GRAPH {graph} {{ {dataset} ?property ?value }}",),
        tuple(ox.Quad(s, p, o, graph) for s, p, o in statements),
    )

"""PROV-O records of what was published, when, from what and how.

Every publish adds, in the same transaction as the swap, an activity to the provenance graph
(``{base}graph/provenance``) and moves the graph's current-state statements
(``prov:wasGeneratedBy``, ``dcterms:modified``) to it. Earlier activities stay, as history.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import pyoxigraph as ox

from demoi import __version__
from demoi.iris import STANDARDS_BASE, minted_prefix, provenance_graph
from demoi.store.sparql_text import Change

PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
DEMOI_AGENT = ox.NamedNode(f"{STANDARDS_BASE}agent/demoi")
#: This release of demoi, a specialisation of the agent, so each activity names the version.
DEMOI_RELEASE = ox.NamedNode(f"{STANDARDS_BASE}agent/demoi/{__version__}")
VOID_TRIPLES = ox.NamedNode("http://rdfs.org/ns/void#triples")
#: The personal-data guard's override (demoi.privacy.gate) a publication went through on.
OVERRIDDEN_BY = ox.NamedNode(f"{STANDARDS_BASE}def/privacy#overriddenBy")
#: The privacy policy file a lift applied (its SHA-256), whether the mapping's or the operator's.
PRIVACY_POLICY = ox.NamedNode(f"{STANDARDS_BASE}def/privacy#policy")
SH = "http://www.w3.org/ns/shacl#"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


def _prov(name: str) -> ox.NamedNode:
    return ox.NamedNode(PROV + name)


def _dcterms(name: str) -> ox.NamedNode:
    return ox.NamedNode(DCTERMS + name)


Statement = tuple[
    ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal
]


def _timestamp(moment: datetime) -> ox.Literal:
    return ox.Literal(moment.astimezone(UTC).isoformat(timespec="seconds"), datatype=XSD_DATETIME)


@dataclass(frozen=True)
class Outcome:
    """What a lift published: its triple count and what validation found."""

    triples: int
    conforms: bool
    warnings: int


@dataclass(frozen=True)
class Source:
    """The input of a publication: a file, named by its SHA-256 so the same bytes are one entity."""

    name: str
    sha256: str

    @property
    def iri(self) -> ox.NamedNode:
        return ox.NamedNode(f"urn:sha256:{self.sha256}")


def _current_state_removed(base: str, graph: ox.NamedNode) -> tuple[str, ...]:
    prov = ox.NamedNode(provenance_graph(base))
    return (
        f"GRAPH {prov} {{ {graph} {_prov('wasGeneratedBy')} ?activity }}",
        f"GRAPH {prov} {{ {graph} {_dcterms('modified')} ?modified }}",
        f"GRAPH {prov} {{ {graph} {VOID_TRIPLES} ?triples }}",
    )


def publication(
    base: str,
    graph: str,
    *,
    label: str,
    source: Source,
    started: datetime,
    plan: str | None = None,
    plan_version: str | None = None,
    outcome: Outcome | None = None,
    override: str | None = None,
    privacy_policy: str | None = None,
) -> Change:
    """The update that records publishing ``graph`` from ``source``: with ``plan``, the
    mapping followed (and, with ``plan_version``, the SHA-256 of the exact mapping files, as a
    specialisation of the mapping); with ``outcome``, the triple count and the validation; with
    ``override``, the operator's override of the personal-data guard that let it through; with
    ``privacy_policy``, the SHA-256 of the privacy policy the guard applied."""
    prov = ox.NamedNode(provenance_graph(base))
    target = ox.NamedNode(graph)
    activity = ox.NamedNode(f"{minted_prefix(base)}activity/{uuid.uuid4()}")
    now = _timestamp(datetime.now(UTC))
    statements: list[Statement] = [
        (activity, RDF_TYPE, _prov("Activity")),
        (activity, RDFS_LABEL, ox.Literal(label)),
        (activity, _prov("startedAtTime"), _timestamp(started)),
        (activity, _prov("endedAtTime"), now),
        (activity, _prov("used"), source.iri),
        (activity, _prov("generated"), target),
        (activity, _prov("wasAssociatedWith"), DEMOI_AGENT),
        (activity, _prov("wasAssociatedWith"), DEMOI_RELEASE),
        (DEMOI_RELEASE, RDF_TYPE, _prov("SoftwareAgent")),
        (DEMOI_RELEASE, _prov("specializationOf"), DEMOI_AGENT),
        (DEMOI_RELEASE, RDFS_LABEL, ox.Literal(f"demoi {__version__}")),
        (source.iri, RDF_TYPE, _prov("Entity")),
        (source.iri, _dcterms("title"), ox.Literal(source.name)),
        (target, RDF_TYPE, _prov("Entity")),
        (target, _prov("wasGeneratedBy"), activity),
        (target, _dcterms("modified"), now),
        (DEMOI_AGENT, RDF_TYPE, _prov("SoftwareAgent")),
        (DEMOI_AGENT, RDFS_LABEL, ox.Literal("demoi")),
    ]
    if plan:
        statements += _association(activity, ox.NamedNode(plan), plan_version)
    if outcome:
        statements += _outcome(activity, target, outcome)
    if override:
        statements.append((activity, OVERRIDDEN_BY, ox.NamedNode(override)))
    if privacy_policy:
        statements.append((activity, PRIVACY_POLICY, ox.NamedNode(f"urn:sha256:{privacy_policy}")))
    quads = [ox.Quad(s, p, o, prov) for s, p, o in statements]
    return Change(_current_state_removed(base, target), tuple(quads))


def _association(
    activity: ox.NamedNode, plan: ox.NamedNode, version: str | None
) -> list[Statement]:
    association = ox.BlankNode()
    statements: list[Statement] = [
        (activity, _prov("qualifiedAssociation"), association),
        (association, RDF_TYPE, _prov("Association")),
        (association, _prov("agent"), DEMOI_AGENT),
        (association, _prov("hadPlan"), plan),
        (plan, RDF_TYPE, _prov("Plan")),
    ]
    if version:
        exact = ox.NamedNode(f"urn:sha256:{version}")
        statements += [
            (association, _prov("hadPlan"), exact),
            (exact, RDF_TYPE, _prov("Plan")),
            (exact, _prov("specializationOf"), plan),
        ]
    return statements


def _outcome(activity: ox.NamedNode, target: ox.NamedNode, outcome: Outcome) -> list[Statement]:
    """The graph's triple count (current state) and the validation report the activity made."""
    report = ox.BlankNode()
    conforms = ox.Literal(str(outcome.conforms).lower(), datatype=XSD_BOOLEAN)
    return [
        (target, VOID_TRIPLES, ox.Literal(str(outcome.triples), datatype=XSD_INTEGER)),
        (activity, _prov("generated"), report),
        (report, RDF_TYPE, ox.NamedNode(SH + "ValidationReport")),
        (report, ox.NamedNode(SH + "conforms"), conforms),
        (report, RDFS_LABEL, ox.Literal(f"{outcome.warnings} warning(s)")),
    ]


def invalidation(base: str, graph: str, *, label: str) -> Change:
    """The update that records dropping ``graph``."""
    prov = ox.NamedNode(provenance_graph(base))
    target = ox.NamedNode(graph)
    activity = ox.NamedNode(f"{minted_prefix(base)}activity/{uuid.uuid4()}")
    statements: list[Statement] = [
        (activity, RDF_TYPE, _prov("Activity")),
        (activity, RDFS_LABEL, ox.Literal(label)),
        (activity, _prov("endedAtTime"), _timestamp(datetime.now(UTC))),
        (activity, _prov("invalidated"), target),
        (activity, _prov("wasAssociatedWith"), DEMOI_AGENT),
    ]
    quads = [ox.Quad(s, p, o, prov) for s, p, o in statements]
    return Change(_current_state_removed(base, target), tuple(quads))

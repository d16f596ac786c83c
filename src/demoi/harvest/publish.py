"""Publishing a harvest: the personal-data guard, then one graph replaced atomically with its
PROV-O activity, as ``demoi lift`` and ``demoi load`` publish (demoi.publishing).

The whole portal is read before anything is written, so a failed page publishes nothing, and
the swap with its provenance is one transaction of the store.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyoxigraph as ox

from demoi import provenance
from demoi.errors import DataError, Location, UsageError
from demoi.harvest.ckan import host_slug
from demoi.harvest.ckan_dcat import Records
from demoi.iris import dataset_graph
from demoi.privacy.gate import override_for, refuse_findings
from demoi.privacy.scan import StoreContext, masked_text, scan_quads
from demoi.store import Store


@dataclass(frozen=True)
class Published:
    graph: str
    triples: int


def dataset_id(portal: str, organization: str | None = None) -> str:
    """``harvest-<portal host>[--<organisation>]``: one graph per municipality, portal and
    organisation, so that harvesting two organisations of one portal keeps both. Two dashes
    part the organisation from the host: a host's slug never has two in a row, so no host and
    organisation give another's id (iris.py's segment rule allows them)."""
    identifier = f"harvest-{host_slug(portal)}"
    if organization:
        slug = re.sub(r"[^a-z0-9]+", "-", organization.lower()).strip("-")
        if not slug:
            raise UsageError(f"--organization {organization!r} has no letter or digit")
        identifier += f"--{slug}"
    return identifier


def harvest_graph(base: str, code: str, portal: str, organization: str | None = None) -> str:
    return dataset_graph(base, code, dataset_id(portal, organization))


def refuse_empty(store: Store, graph: str, made: Records, portal: str) -> None:
    """An empty harvest (the portal answered 0 datasets, or none of them this
    municipality's) does not erase a published one: a portal's outage or a wrong filter would
    otherwise look like every dataset deleted (``--allow-empty`` replaces it anyway)."""
    if made.outcomes:
        return
    published = next((info.triples for info in store.graphs() if info.iri == graph), 0)
    if published:
        raise DataError(
            f"the portal gave no dataset for this municipality; the published harvest {graph} "
            f"({published} triples) was kept. Give --allow-empty to replace it with an empty "
            "one",
            location=Location(portal),
        )


def source_of(portal: str, packages: Sequence[dict[str, Any]]) -> provenance.Source:
    """The packages read, named by the SHA-256 of their canonical JSON: the same portal
    content is the same entity in the provenance graph."""
    canonical = json.dumps(packages, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return provenance.Source(masked_text(portal), hashlib.sha256(canonical).hexdigest())


def guard(
    made: Records,
    what: str,
    *,
    store: Store | None = None,
    graph: str = "",
    base: str = "",
    language: str = "el",
) -> None:
    """Refuse the harvest (PersonalDataFound, nothing written) if its triples still hold a
    personal identifier, unless the operator overrode the guard for the graph."""
    context = StoreContext(store, exclude=graph) if store is not None else None
    findings = scan_quads(made.triples, context=context, file=what)
    override = override_for(store, base, graph) if store is not None else None
    refuse_findings(what, findings, override, language=language)


def ntriples(made: Records) -> bytes:
    return ox.serialize(made.triples, format=ox.RdfFormat.N_TRIPLES) or b""


def publish(
    store: Store,
    made: Records,
    *,
    base: str,
    code: str,
    portal: str,
    packages: Sequence[dict[str, Any]],
    label: str,
    started: datetime,
    language: str = "el",
    organization: str | None = None,
    allow_empty: bool = False,
) -> Published:
    graph = harvest_graph(base, code, portal, organization)
    if not allow_empty:
        refuse_empty(store, graph, made, portal)
    guard(made, portal, store=store, graph=graph, base=base, language=language)
    data = ntriples(made)
    override = override_for(store, base, graph)
    record = provenance.publication(
        base,
        graph,
        label=masked_text(label),
        source=source_of(portal, packages),
        started=started,
        override=override.iri if override else None,
    )
    triples = store.replace_graph(
        graph, data, ox.RdfFormat.N_TRIPLES, provenance_update=record, source_name=portal
    )
    return Published(graph, triples)

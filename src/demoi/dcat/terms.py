"""The reuse terms and the contact point a municipality sets for its catalogue.

Law 4727/2020 lets each body choose a standard licence (art. 66) and a charging category
(art. 64: free by default, marginal cost and the exceptions); the catalogue shows CC BY 4.0 and
free of charge until the municipality says otherwise. What it says is kept in its catalogue graph,
on nodes of their own (``{base}id/terms/<code>/<dataset>[/<distribution>]``, linked with
dct:relation to what they govern, and ``{base}id/organisation/<code>/contact``), which a lift
never replaces and no municipal token may write: the operator sets them with
``demoi catalog terms`` and ``demoi catalog contact``.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from demoi.catalogue import catalogue_graph
from demoi.dcat import vocabulary as v
from demoi.dcat.model import read_catalogues
from demoi.dumps import DUMP_FORMATS
from demoi.errors import UsageError
from demoi.municipalities import get_municipality
from demoi.store import Store
from demoi.store.sparql_text import insert_data, join_operations

#: The licences demoi's catalogue profile accepts (shapes/catalogue.ttl, art. 66): open ones.
OPEN_LICENCES = ("CC_BY_4_0", "CC0", "ODC_BY", "ODC_PDDL", "CC_BYSA_4_0", "ODC_BL")
#: Those Regulation (EU) 2023/138 allows for a high-value dataset: CC BY 4.0 or less restrictive.
HVD_LICENCES = ("CC_BY_4_0", "CC0", "ODC_BY", "ODC_PDDL")
CHARGING_CATEGORIES = (
    "free",
    "marginal-cost",
    "revenue-generating-body",
    "library-museum-archive",
    "public-undertaking",
)
DISTRIBUTION_KINDS = (*DUMP_FORMATS, "sparql")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


def set_terms(
    store: Store,
    base: str,
    code: str,
    dataset: str,
    *,
    distribution: str | None = None,
    licence: str | None = None,
    charging: str | None = None,
    basis: dict[str, str] | None = None,
) -> str:
    """Record the licence and/or charging category of a published dataset (or of one of its
    distributions); return the IRI of what they now govern."""
    get_municipality(code)
    published = {d.dataset_id: d for c in read_catalogues(store, base, code) for d in c.datasets}
    if dataset not in published:
        known = ", ".join(sorted(published)) or "none yet"
        raise UsageError(f"municipality {code} has published no dataset {dataset!r} ({known})")
    if distribution is not None and distribution not in DISTRIBUTION_KINDS:
        raise UsageError(
            f"distribution must be one of {', '.join(DISTRIBUTION_KINDS)}, not {distribution!r}"
        )
    if licence is None and charging is None:
        raise UsageError("give --licence, --charging or both")
    high_value = published[dataset].high_value
    _check_licence(licence, high_value)
    _check_charging(charging, basis or {}, high_value)
    target = (
        v.distribution_iri(base, code, dataset, distribution)
        if distribution
        else v.dataset_iri(base, code, dataset)
    )
    node = ox.NamedNode(v.terms_iri(base, code, dataset, distribution))
    graph = ox.NamedNode(catalogue_graph(base, code))
    quads = [ox.Quad(node, v.dcterms("relation"), ox.NamedNode(target), graph)]
    if licence:
        quads.append(ox.Quad(node, v.dcterms("license"), ox.NamedNode(v.LICENCE + licence), graph))
    if charging:
        category = ox.NamedNode(v.CHARGING + charging)
        quads.append(ox.Quad(node, ox.NamedNode(v.CAT + "chargingCategory"), category, graph))
        for language, text in sorted((basis or {}).items()):
            literal = ox.Literal(text, language=language)
            quads.append(ox.Quad(node, ox.NamedNode(v.CAT + "chargingBasis"), literal, graph))
    kept = _kept(store, node, graph, replaced=_replaced(licence, charging))
    _replace_node(store, node, graph, [*kept, *quads])
    return target


def _replace_node(
    store: Store, node: ox.NamedNode, graph: ox.NamedNode, quads: list[ox.Quad]
) -> None:
    """One update: what the node said before goes and what it says now comes, together."""
    removed = f"DELETE WHERE {{ GRAPH {graph} {{ {node} ?p ?o }} }}"
    store.update(join_operations(removed, insert_data(quads)))


def _replaced(licence: str | None, charging: str | None) -> set[str]:
    replaced = {v.DCTERMS + "relation"}
    if licence:
        replaced.add(v.DCTERMS + "license")
    if charging:
        replaced |= {v.CAT + "chargingCategory", v.CAT + "chargingBasis"}
    return replaced


def _kept(
    store: Store, node: ox.NamedNode, graph: ox.NamedNode, replaced: set[str]
) -> list[ox.Quad]:
    """What an earlier call set and this one does not change: setting the charge keeps the
    licence set before, and the other way round."""
    return [
        quad
        for quad in store.quads(graph.value)
        if quad.subject == node and quad.predicate.value not in replaced
    ]


def _check_licence(licence: str | None, high_value: bool) -> None:
    if licence is None:
        return
    if licence not in OPEN_LICENCES:
        raise UsageError(
            f"licence {licence!r} is not one of the open licences of law 4727/2020 art. 66 that "
            f"demoi accepts: {', '.join(OPEN_LICENCES)} (EU licence table notations)"
        )
    if high_value and licence not in HVD_LICENCES:
        raise UsageError(
            f"the dataset is high-value: Regulation (EU) 2023/138 art. 4 asks for CC BY 4.0 or a "
            f"less restrictive licence ({', '.join(HVD_LICENCES)}), not {licence}"
        )


def _check_charging(charging: str | None, basis: dict[str, str], high_value: bool) -> None:
    if charging is None:
        return
    if charging not in CHARGING_CATEGORIES:
        raise UsageError(
            f"charging category must be one of {', '.join(CHARGING_CATEGORIES)} "
            f"(law 4727/2020 art. 64), not {charging!r}"
        )
    if charging == "free":
        if basis:
            raise UsageError("a free distribution has no charging basis; leave it out")
        return
    if high_value:
        raise UsageError(
            "the dataset is high-value: Regulation (EU) 2023/138 art. 3 makes it free of charge"
        )
    if not basis.get("el") or not basis.get("en"):
        raise UsageError(
            "a charge needs its published basis in Greek and English (--basis-el, --basis-en): "
            "the decision that set it and its ΑΔΑ (law 4727/2020 art. 64)"
        )


def set_contact(
    store: Store,
    base: str,
    code: str,
    *,
    name: dict[str, str],
    email: str | None = None,
    url: str | None = None,
) -> str:
    """Record the municipality's contact point for its datasets; return its IRI."""
    get_municipality(code)
    if not name.get("el") or not name.get("en"):
        raise UsageError(
            "the contact point needs a name in Greek and English (--name-el, --name-en)"
        )
    if email is not None and not _EMAIL.match(email.removeprefix("mailto:")):
        raise UsageError(f"{email!r} is not an e-mail address")
    if url is not None and not re.match(r"^https?://[^\s<>\"]+$", url):
        raise UsageError(f"{url!r} is not an http(s) URL")
    node = ox.NamedNode(v.contact_iri(base, code))
    graph = ox.NamedNode(catalogue_graph(base, code))
    quads = [
        ox.Quad(node, v.TYPE, ox.NamedNode(v.VCARD + kind), graph)
        for kind in ("Organization", "Kind")
    ]
    for language, text in sorted(name.items()):
        label = ox.Literal(text, language=language)
        quads.append(ox.Quad(node, ox.NamedNode(v.VCARD + "fn"), label, graph))
    if email:
        mailbox = ox.NamedNode("mailto:" + email.removeprefix("mailto:"))
        quads.append(ox.Quad(node, ox.NamedNode(v.VCARD + "hasEmail"), mailbox, graph))
    if url:
        quads.append(ox.Quad(node, ox.NamedNode(v.VCARD + "hasURL"), ox.NamedNode(url), graph))
    _replace_node(store, node, graph, quads)
    return node.value

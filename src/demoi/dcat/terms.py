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
import unicodedata
from datetime import UTC, datetime

import pyoxigraph as ox

from demoi.catalogue import catalogue_graph
from demoi.dcat import vocabulary as v
from demoi.dcat.model import read_catalogues
from demoi.errors import UsageError
from demoi.municipalities import get_municipality
from demoi.privacy.detect import is_office_name
from demoi.privacy.gate import refuse_findings
from demoi.privacy.scan import StoreContext, is_functional_local_part, scan_quads
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
    kinds = [d.kind for d in published[dataset].distributions]
    if distribution is not None and distribution not in kinds:
        raise UsageError(
            f"{dataset} has no {distribution!r} distribution; its distributions: {', '.join(kinds)}"
        )
    if licence is None and charging is None:
        raise UsageError("give --licence, --charging or both")
    if basis and charging is None:
        raise UsageError("a charging basis goes with --charging")
    for text in (basis or {}).values():
        _check_text(text, "the charging basis")
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
    quads.append(ox.Quad(node, v.dcterms("modified"), _now(), graph))
    kept = _kept(store, node, graph, replaced=_replaced(licence, charging))
    _guard(store, quads, f"demoi catalog terms {code} {dataset}")
    _replace_node(store, node, graph, [*kept, *quads])
    return target


def _now() -> ox.Literal:
    moment = datetime.now(UTC).isoformat(timespec="seconds")
    return ox.Literal(moment, datatype=ox.NamedNode(v.XSD + "dateTime"))


def _check_text(text: str, what: str) -> None:
    """Control characters have no place in a name or a basis, and RDF/XML cannot hold them."""
    if any(unicodedata.category(char) == "Cc" for char in text):
        raise UsageError(f"{what} holds a control character: {text!r}")


def _guard(store: Store, quads: list[ox.Quad], what: str) -> None:
    """The catalogue graph is public: the personal-data guard checks what is written to it,
    as it checks every publication (law 4727/2020, art. 60 §6)."""
    refuse_findings(what, scan_quads(quads, context=StoreContext(store)), None)


def _replace_node(
    store: Store, node: ox.NamedNode, graph: ox.NamedNode, quads: list[ox.Quad]
) -> None:
    """One update: what the node said before goes and what it says now comes, together."""
    removed = f"DELETE WHERE {{ GRAPH {graph} {{ {node} ?p ?o }} }}"
    store.update(join_operations(removed, insert_data(quads)))


def _replaced(licence: str | None, charging: str | None) -> set[str]:
    replaced = {v.DCTERMS + "relation", v.DCTERMS + "modified"}
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
    for text in name.values():
        _check_text(text, "the contact point's name")
        if not is_office_name(text):
            raise UsageError(
                f"{text!r} does not read as an office's name alone (Τμήμα …, Διεύθυνση …, "
                "Department …): the catalogue is public, so its contact point names an office, "
                "never a person"
            )
    mailbox = _mailbox(email) if email is not None else None
    page = _page(url) if url is not None else None
    node = ox.NamedNode(v.contact_iri(base, code))
    graph = ox.NamedNode(catalogue_graph(base, code))
    quads = [
        ox.Quad(node, v.TYPE, ox.NamedNode(v.VCARD + kind), graph)
        for kind in ("Organization", "Kind")
    ]
    for language, text in sorted(name.items()):
        label = ox.Literal(text, language=language)
        quads.append(ox.Quad(node, ox.NamedNode(v.VCARD + "fn"), label, graph))
    if mailbox:
        quads.append(ox.Quad(node, ox.NamedNode(v.VCARD + "hasEmail"), mailbox, graph))
    if page:
        quads.append(ox.Quad(node, ox.NamedNode(v.VCARD + "hasURL"), page, graph))
    quads.append(ox.Quad(node, v.dcterms("modified"), _now(), graph))
    _guard(store, quads, f"demoi catalog contact {code}")
    _replace_node(store, node, graph, quads)
    return node.value


def _mailbox(email: str) -> ox.NamedNode:
    """A role address: the catalogue is public, and a person's address is personal data."""
    address = email.removeprefix("mailto:")
    if not _EMAIL.match(address):
        raise UsageError(f"{email!r} is not an e-mail address")
    if not is_functional_local_part(address.split("@")[0]):
        raise UsageError(
            f"{email!r} looks like a person's address; give an office's, such as "
            "opendata@…, info@… or egov@… (the catalogue is public)"
        )
    return _iri("mailto:" + address, email)


def _page(url: str) -> ox.NamedNode:
    if not re.match(r"^https?://[^\s<>\"]+$", url):
        raise UsageError(f"{url!r} is not an http(s) URL")
    return _iri(url, url)


def _iri(text: str, given: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(text)
    except ValueError:
        raise UsageError(f"{given!r} cannot be written as an IRI") from None

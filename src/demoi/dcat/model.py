"""The catalogue as the store holds it: what each municipality has published, read once.

Every lift writes a publication record per graph into the municipality's catalogue graph
(demoi.catalogue) and a PROV-O activity into the provenance graph (demoi.provenance). The
catalogue gathers those records into one dataset per municipality x dataset id (a yearly
dataset, such as budget-expense, is one dataset whatever the number of its years), and adds what
the records do not repeat: the mapping's themes and high-value categories, the reuse terms and
contact point the municipality set (demoi.dcat.terms), the distributions the server serves.

The DCAT-AP export (demoi.dcat.export), the HVD report, the Guide and the HTML pages all read
this model, so they cannot disagree about what a municipality publishes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache

import pyoxigraph as ox

from demoi.dcat import vocabulary as v
from demoi.dumps import DUMP_FORMATS, mapping_table_query, table_query
from demoi.iris import MAPPING_PLANS, MUNICIPALITY_CODES, minted_prefix, provenance_graph
from demoi.lifting.mappings import Mapping, available_mappings
from demoi.municipalities import Municipality, municipalities
from demoi.store import Store

QUERY_TIMEOUT = 60.0


@dataclass(frozen=True)
class Publication:
    """One published graph, as its record in the catalogue graph says."""

    graph: str
    period: str | None
    modified: str
    triples: int
    title: dict[str, str]
    sources: tuple[str, ...] = ()
    contains_personal_data: bool | None = None
    anonymisation: dict[str, str] = field(default_factory=dict)
    start: str | None = None
    end: str | None = None
    #: The mapping that lifted it, by the provenance (``prov:hadPlan``), if a mapping did.
    mapping: str | None = None


@dataclass(frozen=True)
class Terms:
    """The reuse terms of a dataset or a distribution: a licence (art. 66 of law 4727/2020)
    and a charging category with its published basis when it is not free (art. 64)."""

    licence: str = v.DEFAULT_LICENCE
    charging: str = v.FREE
    charging_basis: dict[str, str] = field(default_factory=dict)
    #: When the municipality set them (demoi catalog terms); None for the defaults.
    modified: str | None = None


@dataclass(frozen=True)
class Contact:
    iri: str
    name: dict[str, str]
    email: str | None = None
    url: str | None = None
    modified: str | None = None


@dataclass(frozen=True)
class Distribution:
    iri: str
    kind: str  # ttl, nt, jsonld, csv, sparql
    title: dict[str, str]
    access_url: str
    file_type: str
    terms: Terms
    download_url: str | None = None
    media_type: str | None = None
    service: str | None = None


@dataclass(frozen=True)
class Dataset:
    iri: str
    municipality: Municipality
    dataset_id: str
    area: str
    title: dict[str, str]
    description: dict[str, str]
    publications: tuple[Publication, ...]
    themes: tuple[str, ...]
    hvd_categories: tuple[str, ...]
    frequency: str | None
    terms: Terms
    distributions: tuple[Distribution, ...]
    issued: str | None = None
    #: When its municipality last set the contact point, which is part of its description.
    contact_modified: str | None = None

    @property
    def high_value(self) -> bool:
        return bool(self.hvd_categories)

    @property
    def modified(self) -> str:
        """The latest publication of its graphs, or change of its reuse terms: a harvester
        asking for what changed (modified_since) must see a new licence or charge too."""
        times = [publication.modified for publication in self.publications]
        times += [d.terms.modified for d in self.distributions if d.terms.modified]
        times += [self.contact_modified] if self.contact_modified else []
        return max(times, key=instant)

    @property
    def triples(self) -> int:
        return sum(publication.triples for publication in self.publications)

    @property
    def periods(self) -> tuple[str, ...]:
        return tuple(p.period for p in self.publications if p.period)

    @property
    def temporal(self) -> tuple[str, str] | None:
        starts = [p.start for p in self.publications if p.start]
        ends = [p.end for p in self.publications if p.end]
        return (min(starts), max(ends)) if starts and ends else None

    @property
    def contains_personal_data(self) -> bool | None:
        stated = [p.contains_personal_data for p in self.publications]
        if any(stated):
            return True
        return False if stated and all(value is False for value in stated) else None

    @property
    def anonymisation(self) -> dict[str, str]:
        """The latest publication's statement: each lift states what the guard did to it."""
        latest = max(self.publications, key=lambda publication: publication.modified)
        return latest.anonymisation

    @property
    def graphs(self) -> tuple[str, ...]:
        return tuple(publication.graph for publication in self.publications)


@dataclass(frozen=True)
class Catalogue:
    """A municipality's catalogue: its datasets, its data service, its contact point."""

    iri: str
    municipality: Municipality
    datasets: tuple[Dataset, ...]
    contact: Contact
    service: str

    @property
    def modified(self) -> str | None:
        times = [dataset.modified for dataset in self.datasets]
        times += [self.contact.modified] if self.contact.modified else []
        return max(times, key=instant, default=None)


def instant(text: str) -> datetime:
    """An xsd:dateTime as a moment, so that times written with Z or +00:00 (or another
    offset) compare as times, not as strings."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read_catalogues(store: Store, base: str, code: str | None = None) -> list[Catalogue]:
    """The catalogue of each municipality that has published something (or of ``code`` alone,
    empty if it has published nothing), in code order."""
    history = _history(store, base)
    graphs = catalogue_graphs(store, base, code)
    publications = _publications(store, base, graphs, history)
    terms = _terms(store, base, graphs)
    contacts = _contacts(store, base, graphs)
    known = municipalities()
    catalogues = []
    codes = sorted(publications) if code is None else [code]
    for municipality_code in codes:
        municipality = known[municipality_code]
        by_dataset = publications.get(municipality_code, {})
        contact = contacts.get(municipality_code) or default_contact(base, municipality)
        datasets = tuple(
            replace(
                _dataset(base, municipality, dataset_id, area, tuple(found), history.issued, terms),
                contact_modified=contact.modified,
            )
            for (dataset_id, area), found in sorted(by_dataset.items())
        )
        catalogues.append(
            Catalogue(
                v.catalogue_iri(base, municipality_code),
                municipality,
                datasets,
                contact,
                v.service_iri(base, municipality_code),
            )
        )
    return catalogues


def default_contact(base: str, municipality: Municipality) -> Contact:
    """Until a municipality sets its contact point (demoi catalog contact), the catalogue names
    the municipality and points at its Guide, which says how to reach it."""
    return Contact(
        v.contact_iri(base, municipality.code),
        {"el": municipality.label_el, "en": municipality.label_en},
        url=v.guide_url(base, municipality.code),
    )


# --- reading the store -------------------------------------------------------------------------


def own_catalogue(base: str, graph: str) -> str | None:
    """The municipality whose catalogue graph ``graph`` is, ``{base}graph/<code>/catalogue``
    exactly: the one graph of a municipality no token may write (auth.check_scope). A token may
    write ``graph/<code>/x/catalogue``, so nothing else counts as a catalogue."""
    matched = re.fullmatch(re.escape(base) + r"graph/([0-9]{4})/catalogue", graph)
    return matched.group(1) if matched and matched.group(1) in municipalities() else None


@dataclass(frozen=True)
class _History:
    """What the provenance graph says of each graph: when it was first published, its current
    version's time and size, and the mapping that lifted it."""

    issued: dict[str, str]
    modified: dict[str, str]
    triples: dict[str, int]
    plans: dict[str, str]


def _publications(
    store: Store, base: str, graphs: list[str], history: _History
) -> dict[str, dict[tuple[str, str], list[Publication]]]:
    """Municipality code -> (dataset id, area) -> its publications: the records in a
    municipality's own catalogue graph of graphs of its own that are still in the store (a
    graph dropped by a SPARQL update leaves its record behind)."""
    texts = _record_texts(store, base, graphs)
    existing = {info.iri for info in store.graphs() if info.triples}
    found: dict[str, dict[tuple[str, str], list[Publication]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in store.query(_records_query(graphs), timeout=QUERY_TIMEOUT).rows:
        catalogue, record, graph, municipality, area, modified, triples, personal, start, end = row
        owner = own_catalogue(base, _value(catalogue))
        if owner is None or _value(municipality) != MUNICIPALITY_CODES + owner:
            continue
        prefix = f"{base}graph/{owner}/"
        segments = _value(graph).removeprefix(prefix).split("/")
        if not _value(graph).startswith(prefix) or len(segments) > 2:
            continue  # a record of a graph outside the municipality's own: not its dataset
        if _value(graph) not in existing:
            continue
        dataset_id, period = segments[0], segments[1] if len(segments) == 2 else None
        record_texts = texts.get(_value(record), {})
        publication = Publication(
            _value(graph),
            period,
            history.modified.get(_value(graph)) or _value(modified),
            history.triples.get(_value(graph)) or int(_value(triples) or 0),
            record_texts.get("title", {}),
            tuple(sorted(record_texts.get("source", {}).values())),
            None if personal is None else _value(personal) in ("true", "1"),
            record_texts.get("anonymisation", {}),
            _value(start) or None,
            _value(end) or None,
            history.plans.get(_value(graph)),
        )
        notation = _value(area).removeprefix(v.FUNCTIONAL_AREA)
        found[owner][(dataset_id, notation)].append(publication)
    return found


def _value(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else ""


def catalogue_graphs(store: Store, base: str, code: str | None = None) -> list[str]:
    """The municipalities' own catalogue graphs in the store (``code``'s alone when given):
    the queries read these graphs only, so that record-shaped triples a token writes into
    its other graphs cost nothing (found in review: they were all read, then filtered)."""
    graphs = [info.iri for info in store.graphs() if own_catalogue(base, info.iri)]
    return [g for g in graphs if code is None or g == f"{base}graph/{code}/catalogue"]


def _catalogue_filter(graphs: list[str]) -> str:
    return "VALUES ?catalogue { " + " ".join(f"<{graph}>" for graph in graphs) + " }"


def _records_query(graphs: list[str]) -> str:
    return f"""
PREFIX dcat: <{v.DCAT}>
PREFIX dcterms: <{v.DCTERMS}>
PREFIX demoi: <{v.DEMOI}>
PREFIX cat: <{v.CAT}>
PREFIX void: <http://rdfs.org/ns/void#>
SELECT ?catalogue ?record ?graph ?municipality ?area ?modified ?triples ?personal ?start ?end
WHERE {{
  {_catalogue_filter(graphs)}
  GRAPH ?catalogue {{
    ?record a dcat:Dataset ; dcterms:relation ?graph ; demoi:municipality ?municipality ;
            demoi:functionalArea ?area ; dcterms:modified ?modified .
    OPTIONAL {{ ?record void:triples ?triples }}
    OPTIONAL {{ ?record cat:containsPersonalData ?personal }}
    OPTIONAL {{ ?record dcterms:temporal ?period .
               ?period dcat:startDate ?start ; dcat:endDate ?end }}
  }}
}}"""


def _record_texts(
    store: Store, base: str, graphs: list[str]
) -> dict[str, dict[str, dict[str, str]]]:
    """Record -> title / anonymisation / source -> language (or source IRI) -> text."""
    query = f"""
PREFIX dcat: <{v.DCAT}>
PREFIX dcterms: <{v.DCTERMS}>
PREFIX demoi: <{v.DEMOI}>
PREFIX cat: <{v.CAT}>
PREFIX prov: <{v.PROV}>
SELECT ?catalogue ?record ?property ?text WHERE {{
  {_catalogue_filter(graphs)}
  GRAPH ?catalogue {{
    ?record a dcat:Dataset ; demoi:municipality ?municipality ; ?property ?text .
    VALUES ?property {{ dcterms:title cat:anonymisation prov:wasDerivedFrom }}
  }}
}}"""
    names = {
        v.DCTERMS + "title": "title",
        v.CAT + "anonymisation": "anonymisation",
        v.PROV + "wasDerivedFrom": "source",
    }
    texts: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for catalogue, record, prop, text in store.query(query, timeout=QUERY_TIMEOUT).rows:
        if own_catalogue(base, _value(catalogue)) is None:
            continue
        key = text.language if isinstance(text, ox.Literal) and text.language else _value(text)
        texts[_value(record)][names[_value(prop)]][key or ""] = _value(text)
    return texts


def _history(store: Store, base: str) -> _History:
    prov = provenance_graph(base)
    first = f"""
PREFIX prov: <{v.PROV}>
SELECT ?graph (MIN(?ended) AS ?first) WHERE {{
  GRAPH <{prov}> {{ ?activity prov:generated ?graph ; prov:endedAtTime ?ended }}
}} GROUP BY ?graph"""
    current = f"""
PREFIX prov: <{v.PROV}>
PREFIX dcterms: <{v.DCTERMS}>
PREFIX void: <http://rdfs.org/ns/void#>
SELECT ?graph ?modified ?triples ?plan WHERE {{
  GRAPH <{prov}> {{
    ?graph dcterms:modified ?modified .
    OPTIONAL {{ ?graph void:triples ?triples }}
    OPTIONAL {{ ?graph prov:wasGeneratedBy ?activity .
      ?activity prov:qualifiedAssociation/prov:hadPlan ?plan .
      FILTER(STRSTARTS(STR(?plan), "{MAPPING_PLANS}")) }}
  }}
}}"""
    issued = {
        _value(graph): _value(when)
        for graph, when in store.query(first, timeout=QUERY_TIMEOUT).rows
        if graph is not None and when is not None
    }
    modified: dict[str, str] = {}
    triples: dict[str, int] = {}
    plans: dict[str, str] = {}
    for graph, when, size, plan in store.query(current, timeout=QUERY_TIMEOUT).rows:
        modified[_value(graph)] = _value(when)
        if isinstance(size, ox.Literal) and size.value.isascii() and size.value.isdigit():
            triples[_value(graph)] = int(size.value)
        if plan is not None:
            plans[_value(graph)] = _value(plan).removeprefix(MAPPING_PLANS)
    return _History(issued, modified, triples, plans)


@dataclass(frozen=True)
class _SetTerms:
    """What a municipality set on one dataset or distribution; the rest is inherited."""

    licence: str | None
    charging: str | None
    basis: dict[str, str]
    modified: str | None = None

    def over(self, inherited: Terms) -> Terms:
        licence = self.licence or inherited.licence
        modified = max(
            (t for t in (self.modified, inherited.modified) if t), key=instant, default=None
        )
        if self.charging is None:
            return Terms(licence, inherited.charging, inherited.charging_basis, modified)
        return Terms(licence, self.charging, self.basis, modified)


def _terms(store: Store, base: str, graphs: list[str]) -> dict[str, _SetTerms]:
    """Dataset or distribution IRI -> the terms its municipality set (demoi.dcat.terms): only
    from a municipality's own catalogue graph, about its own datasets (a review found a token
    setting another municipality's licence from a graph it may write)."""
    query = f"""
PREFIX dcterms: <{v.DCTERMS}>
PREFIX cat: <{v.CAT}>
SELECT ?catalogue ?terms ?target ?licence ?charging ?basis ?modified WHERE {{
  {_catalogue_filter(graphs)}
  GRAPH ?catalogue {{
    ?terms dcterms:relation ?target .
    OPTIONAL {{ ?terms dcterms:license ?licence }}
    OPTIONAL {{ ?terms cat:chargingCategory ?charging }}
    OPTIONAL {{ ?terms cat:chargingBasis ?basis }}
    OPTIONAL {{ ?terms dcterms:modified ?modified }}
  }}
  FILTER(STRSTARTS(STR(?terms), {ox.Literal(minted_prefix(base) + "terms/")}))
}}"""
    found: dict[str, _SetTerms] = {}
    for catalogue, node, target, licence, category, basis, modified in store.query(
        query, timeout=QUERY_TIMEOUT
    ).rows:
        code = own_catalogue(base, _value(catalogue))
        key = _value(target)
        if code is None or not _terms_of_own(base, code, _value(node), key):
            continue
        entry = found.setdefault(key, _SetTerms(None, None, {}))
        if isinstance(basis, ox.Literal):
            entry.basis[basis.language or "el"] = basis.value
        found[key] = _SetTerms(
            _value(licence) or entry.licence,
            _value(category) or entry.charging,
            entry.basis,
            _value(modified) or entry.modified,
        )
    return found


def _terms_of_own(base: str, code: str, node: str, target: str) -> bool:
    minted = minted_prefix(base)
    return node.startswith(f"{minted}terms/{code}/") and target.startswith(
        (f"{minted}dataset/{code}/", f"{minted}distribution/{code}/")
    )


def _contacts(store: Store, base: str, graphs: list[str]) -> dict[str, Contact]:
    """Municipality code -> the contact point it set (demoi catalog contact), from its own
    catalogue graph."""
    query = f"""
PREFIX vcard: <{v.VCARD}>
PREFIX dcterms: <{v.DCTERMS}>
SELECT ?catalogue ?contact ?property ?value WHERE {{
  {_catalogue_filter(graphs)}
  GRAPH ?catalogue {{ ?contact a vcard:Kind ; ?property ?value .
    VALUES ?property {{ vcard:fn vcard:hasEmail vcard:hasURL dcterms:modified }} }}
}}"""
    fields: dict[str, dict[str, object]] = defaultdict(lambda: {"name": {}})
    for catalogue, contact, prop, value in store.query(query, timeout=QUERY_TIMEOUT).rows:
        code = own_catalogue(base, _value(catalogue))
        if code is None or _value(contact) != v.contact_iri(base, code):
            continue  # only the municipality's own contact node, in its own catalogue graph
        entry = fields[code]
        name = _value(prop).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if name == "fn" and isinstance(value, ox.Literal):
            entry["name"][value.language or "el"] = value.value  # type: ignore[index]
        elif name == "hasEmail":
            entry["email"] = _value(value)
        elif name == "hasURL":
            entry["url"] = _value(value)
        elif name == "modified":
            entry["modified"] = _value(value)
    return {
        code: Contact(
            v.contact_iri(base, code),
            dict(entry["name"]),  # type: ignore[call-overload]
            entry.get("email"),  # type: ignore[arg-type]
            entry.get("url"),  # type: ignore[arg-type]
            entry.get("modified"),  # type: ignore[arg-type]
        )
        for code, entry in fields.items()
    }


# --- one dataset -------------------------------------------------------------------------------


@cache
def mappings_by_name() -> dict[str, Mapping]:
    return available_mappings()


@cache
def mappings_by_dataset() -> dict[str, Mapping]:
    """Dataset id -> the mapping that describes it. Two mappings may publish one dataset (the
    generic budget and Athens' own); the one named like the dataset, else the first by name,
    describes it: they share their catalogue table."""
    found: dict[str, Mapping] = {}
    for name, mapping in sorted(mappings_by_name().items()):
        if mapping.dataset not in found or name == mapping.dataset:
            found[mapping.dataset] = mapping
    return found


def _lead(description: str) -> str:
    return description.split(":")[0].strip()


def _dataset(
    base: str,
    municipality: Municipality,
    dataset_id: str,
    area: str,
    publications: tuple[Publication, ...],
    issued: dict[str, str],
    terms: dict[str, _SetTerms],
) -> Dataset:
    latest = max(publications, key=lambda publication: publication.modified)
    mapping = mappings_by_name().get(latest.mapping or "") or mappings_by_dataset().get(dataset_id)
    if mapping is not None:
        description = dict(mapping.description)
        # A dataset published under an id of its own (demoi lift --dataset) is told apart
        # from the mapping's other datasets by that id.
        suffix = f" ({dataset_id})" if dataset_id != mapping.dataset else ""
        title = {
            language: (mapping.title.get(language) or _lead(text)) + suffix
            for language, text in description.items()
        }
    else:  # a record of a dataset no shipped mapping publishes (written by an older demoi)
        title = {lang: text.split(",")[0] for lang, text in latest.title.items()}
        description = dict(latest.title)
    iri = v.dataset_iri(base, municipality.code, dataset_id)
    own = terms.get(iri)
    dataset_terms = own.over(Terms()) if own else Terms()
    first = [issued[p.graph] for p in publications if p.graph in issued]
    return Dataset(
        iri=iri,
        municipality=municipality,
        dataset_id=dataset_id,
        area=area,
        title=title,
        description=description,
        publications=tuple(sorted(publications, key=lambda p: (p.period or "", p.graph))),
        themes=mapping.themes if mapping else (),
        hvd_categories=mapping.hvd_categories if mapping else (),
        frequency=mapping.frequency if mapping else None,
        terms=dataset_terms,
        distributions=_distributions(
            base,
            municipality.code,
            dataset_id,
            dataset_terms,
            terms,
            has_table(mapping, dataset_id),
        ),
        issued=min(first) if first else None,
    )


#: The title of each dump the server serves (demoi.dumps.DUMP_FORMATS), as a distribution.
DUMP_TITLES: dict[str, dict[str, str]] = {
    "ttl": {"el": "Turtle", "en": "Turtle"},
    "nt": {"el": "N-Triples", "en": "N-Triples"},
    "jsonld": {"el": "JSON-LD", "en": "JSON-LD"},
    "csv": {"el": "Πίνακας CSV", "en": "CSV table"},
}


def has_table(mapping: Mapping | None, dataset_id: str) -> bool:
    """Whether the dataset has a CSV dump: a table query beside the mapping that lifted it
    (demoi.dumps), or beside a mapping of its id."""
    if mapping is not None:
        return mapping_table_query(mapping.name) is not None
    return table_query(dataset_id) is not None


def _distributions(
    base: str,
    code: str,
    dataset_id: str,
    dataset_terms: Terms,
    terms: dict[str, _SetTerms],
    table: bool,
) -> tuple[Distribution, ...]:
    def terms_of(iri: str) -> Terms:
        own = terms.get(iri)
        return own.over(dataset_terms) if own else dataset_terms

    found = []
    for extension, dump in DUMP_FORMATS.items():
        if extension == "csv" and not table:
            continue
        iri = v.distribution_iri(base, code, dataset_id, extension)
        url = v.dump_url(base, code, dataset_id, extension)
        found.append(
            Distribution(
                iri,
                extension,
                DUMP_TITLES[extension],
                url,
                dump.file_type_iri,
                terms_of(iri),
                download_url=url,
                media_type=v.IANA + dump.media_type,
            )
        )
    sparql = v.distribution_iri(base, code, dataset_id, "sparql")
    found.append(
        Distribution(
            sparql,
            "sparql",
            {"el": "Σημείο πρόσβασης SPARQL", "en": "SPARQL endpoint"},
            v.sparql_url(base),
            v.FILE_TYPE + "SPARQLQ",
            terms_of(sparql),
            service=v.service_iri(base, code),
        )
    )
    return tuple(found)

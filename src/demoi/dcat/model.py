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

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache

import pyoxigraph as ox

from demoi.dcat import vocabulary as v
from demoi.dumps import DUMP_FORMATS, mapping_table_query, table_query
from demoi.iris import MUNICIPALITY_CODES, minted_prefix, provenance_graph
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


@dataclass(frozen=True)
class Contact:
    iri: str
    name: dict[str, str]
    email: str | None = None
    url: str | None = None


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

    @property
    def high_value(self) -> bool:
        return bool(self.hvd_categories)

    @property
    def modified(self) -> str:
        return max(publication.modified for publication in self.publications)

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
        return max((dataset.modified for dataset in self.datasets), default=None)


def read_catalogues(store: Store, base: str, code: str | None = None) -> list[Catalogue]:
    """The catalogue of each municipality that has published something (or of ``code`` alone,
    empty if it has published nothing), in code order."""
    publications = _publications(store, base, code)
    issued, plans = _history(store, base)
    terms = _terms(store, base)
    contacts = _contacts(store, base)
    known = municipalities()
    catalogues = []
    codes = sorted(publications) if code is None else [code]
    for municipality_code in codes:
        municipality = known[municipality_code]
        by_dataset = publications.get(municipality_code, {})
        datasets = tuple(
            _dataset(
                base,
                municipality,
                dataset_id,
                area,
                tuple(replace(p, mapping=plans.get(p.graph)) for p in found),
                issued,
                terms,
            )
            for (dataset_id, area), found in sorted(by_dataset.items())
        )
        catalogues.append(
            Catalogue(
                v.catalogue_iri(base, municipality_code),
                municipality,
                datasets,
                contacts.get(municipality_code) or default_contact(base, municipality),
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


def _publications(
    store: Store, base: str, code: str | None
) -> dict[str, dict[tuple[str, str], list[Publication]]]:
    """Municipality code -> (dataset id, area) -> its publications."""
    texts = _record_texts(store, base, code)
    found: dict[str, dict[tuple[str, str], list[Publication]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in store.query(_records_query(base, code), timeout=QUERY_TIMEOUT).rows:
        record, graph, municipality, area, modified, triples, personal, start, end = row
        if not isinstance(graph, ox.NamedNode) or not isinstance(municipality, ox.NamedNode):
            continue
        municipality_code = municipality.value.removeprefix(MUNICIPALITY_CODES)
        segments = graph.value.removeprefix(f"{base}graph/{municipality_code}/").split("/")
        if not graph.value.startswith(f"{base}graph/{municipality_code}/") or len(segments) > 2:
            continue  # a record of a graph outside the municipality's own: not its dataset
        dataset_id, period = segments[0], segments[1] if len(segments) == 2 else None
        record_texts = texts.get(_value(record), {})
        publication = Publication(
            graph.value,
            period,
            _value(modified),
            int(_value(triples) or 0),
            record_texts.get("title", {}),
            tuple(sorted(record_texts.get("source", {}).values())),
            None if personal is None else _value(personal) in ("true", "1"),
            record_texts.get("anonymisation", {}),
            _value(start) or None,
            _value(end) or None,
        )
        notation = _value(area).removeprefix(v.FUNCTIONAL_AREA)
        found[municipality_code][(dataset_id, notation)].append(publication)
    return found


def _value(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else ""


def _catalogue_filter(base: str, code: str | None) -> str:
    """Records count only in the catalogue graph of the municipality they name, which no
    municipal token may write (as inventory.cells_query reads them)."""
    if code is not None:
        return f"FILTER(?catalogue = <{base}graph/{code}/catalogue>)"
    return (
        f'FILTER(?catalogue = IRI(CONCAT({ox.Literal(base)}, "graph/", '
        f'STRAFTER(STR(?municipality), "{MUNICIPALITY_CODES}"), "/catalogue")))'
    )


def _records_query(base: str, code: str | None) -> str:
    return f"""
PREFIX dcat: <{v.DCAT}>
PREFIX dcterms: <{v.DCTERMS}>
PREFIX demoi: <{v.DEMOI}>
PREFIX cat: <{v.CAT}>
PREFIX void: <http://rdfs.org/ns/void#>
SELECT ?record ?graph ?municipality ?area ?modified ?triples ?personal ?start ?end WHERE {{
  GRAPH ?catalogue {{
    ?record a dcat:Dataset ; dcterms:relation ?graph ; demoi:municipality ?municipality ;
            demoi:functionalArea ?area ; dcterms:modified ?modified .
    OPTIONAL {{ ?record void:triples ?triples }}
    OPTIONAL {{ ?record cat:containsPersonalData ?personal }}
    OPTIONAL {{ ?record dcterms:temporal ?period .
               ?period dcat:startDate ?start ; dcat:endDate ?end }}
  }}
  {_catalogue_filter(base, code)}
}}"""


def _record_texts(
    store: Store, base: str, code: str | None
) -> dict[str, dict[str, dict[str, str]]]:
    """Record -> title / anonymisation / source -> language (or source IRI) -> text."""
    query = f"""
PREFIX dcat: <{v.DCAT}>
PREFIX dcterms: <{v.DCTERMS}>
PREFIX demoi: <{v.DEMOI}>
PREFIX cat: <{v.CAT}>
PREFIX prov: <{v.PROV}>
SELECT ?record ?property ?text WHERE {{
  GRAPH ?catalogue {{
    ?record a dcat:Dataset ; demoi:municipality ?municipality ; ?property ?text .
    VALUES ?property {{ dcterms:title cat:anonymisation prov:wasDerivedFrom }}
  }}
  {_catalogue_filter(base, code)}
}}"""
    names = {
        v.DCTERMS + "title": "title",
        v.CAT + "anonymisation": "anonymisation",
        v.PROV + "wasDerivedFrom": "source",
    }
    texts: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for record, prop, text in store.query(query, timeout=QUERY_TIMEOUT).rows:
        key = text.language if isinstance(text, ox.Literal) and text.language else _value(text)
        texts[_value(record)][names[_value(prop)]][key or ""] = _value(text)
    return texts


def _history(store: Store, base: str) -> tuple[dict[str, str], dict[str, str]]:
    """Graph -> when it was first published (its earliest activity in the provenance graph),
    and graph -> the mapping its current version was lifted with."""
    prov = provenance_graph(base)
    first = f"""
PREFIX prov: <{v.PROV}>
SELECT ?graph (MIN(?ended) AS ?first) WHERE {{
  GRAPH <{prov}> {{ ?activity prov:generated ?graph ; prov:endedAtTime ?ended }}
}} GROUP BY ?graph"""
    plan = f"""
PREFIX prov: <{v.PROV}>
SELECT ?graph ?plan WHERE {{
  GRAPH <{prov}> {{ ?graph prov:wasGeneratedBy ?activity .
    ?activity prov:qualifiedAssociation/prov:hadPlan ?plan .
    FILTER(STRSTARTS(STR(?plan), "{MAPPING_PLANS}")) }}
}}"""
    issued = {
        _value(graph): _value(when)
        for graph, when in store.query(first, timeout=QUERY_TIMEOUT).rows
        if graph is not None and when is not None
    }
    plans = {
        _value(graph): _value(name).removeprefix(MAPPING_PLANS)
        for graph, name in store.query(plan, timeout=QUERY_TIMEOUT).rows
    }
    return issued, plans


#: How the provenance names a mapping it followed (demoi.lifting.Lifted.plan).
MAPPING_PLANS = "https://w3id.org/demoi/mapping/"


@dataclass(frozen=True)
class _SetTerms:
    """What a municipality set on one dataset or distribution; the rest is inherited."""

    licence: str | None
    charging: str | None
    basis: dict[str, str]

    def over(self, inherited: Terms) -> Terms:
        if self.charging is None:
            return Terms(
                self.licence or inherited.licence, inherited.charging, inherited.charging_basis
            )
        return Terms(self.licence or inherited.licence, self.charging, self.basis)


def _terms(store: Store, base: str) -> dict[str, _SetTerms]:
    """Dataset or distribution IRI -> the terms its municipality set (demoi.dcat.terms)."""
    query = f"""
PREFIX dcterms: <{v.DCTERMS}>
PREFIX cat: <{v.CAT}>
SELECT ?target ?licence ?charging ?basis WHERE {{
  GRAPH ?catalogue {{
    ?terms dcterms:relation ?target .
    OPTIONAL {{ ?terms dcterms:license ?licence }}
    OPTIONAL {{ ?terms cat:chargingCategory ?charging }}
    OPTIONAL {{ ?terms cat:chargingBasis ?basis }}
  }}
  # Terms count only in the catalogue graph of the municipality they are the terms of.
  FILTER(STRSTARTS(STR(?catalogue), "{base}graph/") && STRENDS(STR(?catalogue), "/catalogue"))
  FILTER(STRSTARTS(STR(?terms), CONCAT("{minted_prefix(base)}terms/",
         STRBEFORE(STRAFTER(STR(?catalogue), "{base}graph/"), "/catalogue"), "/")))
}}"""
    found: dict[str, _SetTerms] = {}
    for target, licence, category, basis in store.query(query, timeout=QUERY_TIMEOUT).rows:
        key = _value(target)
        entry = found.setdefault(key, _SetTerms(None, None, {}))
        if isinstance(basis, ox.Literal):
            entry.basis[basis.language or "el"] = basis.value
        found[key] = _SetTerms(
            _value(licence) or entry.licence, _value(category) or entry.charging, entry.basis
        )
    return found


def _contacts(store: Store, base: str) -> dict[str, Contact]:
    """Municipality code -> the contact point it set (demoi catalog contact)."""
    query = f"""
PREFIX vcard: <{v.VCARD}>
SELECT ?catalogue ?contact ?property ?value WHERE {{
  GRAPH ?catalogue {{ ?contact a vcard:Kind ; ?property ?value .
    VALUES ?property {{ vcard:fn vcard:hasEmail vcard:hasURL }} }}
  FILTER(STRENDS(STR(?catalogue), "/catalogue") && STRSTARTS(STR(?catalogue), "{base}graph/"))
}}"""
    fields: dict[str, dict[str, object]] = defaultdict(lambda: {"name": {}})
    for catalogue, contact, prop, value in store.query(query, timeout=QUERY_TIMEOUT).rows:
        code = _value(catalogue).removeprefix(f"{base}graph/").removesuffix("/catalogue")
        if _value(contact) != v.contact_iri(base, code):
            continue  # only the municipality's own contact node, in its own catalogue graph
        entry = fields[code]
        name = _value(prop).removeprefix(v.VCARD)
        if name == "fn" and isinstance(value, ox.Literal):
            entry["name"][value.language or "el"] = value.value  # type: ignore[index]
        elif name == "hasEmail":
            entry["email"] = _value(value)
        elif name == "hasURL":
            entry["url"] = _value(value)
    return {
        code: Contact(
            v.contact_iri(base, code),
            dict(entry["name"]),  # type: ignore[call-overload]
            entry.get("email"),  # type: ignore[arg-type]
            entry.get("url"),  # type: ignore[arg-type]
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
        title = {language: _lead(text) + suffix for language, text in description.items()}
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

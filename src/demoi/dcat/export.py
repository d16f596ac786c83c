"""The DCAT-AP 3.0.1 catalogue (and DCAT-AP HVD 3.0.0 for high-value datasets) as RDF.

One dcat:Catalog per municipality, ``{base}catalog/<code>``, and one for the platform,
``{base}catalog``, whose parts they are. Written so that the EU shapes accept it in both passes
(tests/test_dcat_export.py checks it with the SEMIC shapes and demoi's background):
- every value a code list defines is the EU authority IRI (languages, access rights, frequency,
  file types, licences); the code lists in ontologies/codelists/ give them their classes;
- every URL is typed rdfs:Resource: DCAT-AP's ranges ask for that class and demoi validates
  without RDFS inference, which would make every IRI a resource but costs and changes results;
- one data service per municipality: DCAT-AP lets a service have one publisher.
A page (Hydra, for harvesters) holds a slice of the datasets and every node they link to, and
links only to what it holds, so each page is a valid catalogue on its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from demoi.dcat import vocabulary as v
from demoi.dcat.labels import label
from demoi.dcat.model import Catalogue, Contact, Dataset, Distribution, Terms
from demoi.municipalities import Municipality

Triple = ox.Triple
Object = ox.NamedNode | ox.BlankNode | ox.Literal

#: The prefixes of the Turtle the catalogue is served in.
PREFIXES = {
    "dcat": v.DCAT,
    "dcterms": v.DCTERMS,
    "dcatap": v.DCATAP,
    "foaf": v.FOAF,
    "vcard": v.VCARD,
    "rdfs": v.RDFS,
    "xsd": v.XSD,
    "prov": v.PROV,
    "hydra": v.HYDRA,
    "m8g": v.M8G,
    "demoi": v.DEMOI,
    "cat": v.CAT,
}


@dataclass(frozen=True)
class Platform:
    """The platform's own catalogue: its operator and its contact (settings)."""

    base: str
    operator: str
    email: str


class _Writer:
    """Collects triples, once each, in the order written (the Turtle reads top-down)."""

    def __init__(self) -> None:
        self.triples: dict[Triple, None] = {}

    def add(self, subject: ox.NamedNode | ox.BlankNode, predicate: str, value: Object) -> None:
        self.triples[ox.Triple(subject, ox.NamedNode(predicate), value)] = None

    def iri(self, subject: ox.NamedNode | ox.BlankNode, predicate: str, iri: str) -> None:
        self.add(subject, predicate, ox.NamedNode(iri))

    def texts(
        self, subject: ox.NamedNode | ox.BlankNode, predicate: str, texts: dict[str, str]
    ) -> None:
        for language, text in sorted(texts.items()):
            if text:
                self.add(subject, predicate, ox.Literal(text, language=language))

    def typed(self, subject: ox.NamedNode | ox.BlankNode, *classes: str) -> None:
        for name in classes:
            self.iri(subject, v.RDF + "type", name)

    def resource(self, subject: ox.NamedNode, predicate: str, url: str) -> None:
        """A link DCAT-AP wants typed rdfs:Resource (see the module's docstring)."""
        self.iri(subject, predicate, url)
        self.typed(ox.NamedNode(url), v.RDFS + "Resource")

    def value(self, subject: ox.NamedNode, predicate: str, iri: str, *classes: str) -> None:
        """A link to a code-list value, with the class DCAT-AP's ranges check on it stated
        here too: demoi's validator finds it in its code lists, but a harvester's validator
        with only the EU tables would not (charging categories, profiles, municipalities)."""
        self.iri(subject, predicate, iri)
        self.typed(ox.NamedNode(iri), *classes)

    def document(self, subject: ox.NamedNode, predicate: str, url: str) -> None:
        self.iri(subject, predicate, url)
        self.typed(ox.NamedNode(url), v.FOAF + "Document")

    def literal(
        self, subject: ox.NamedNode | ox.BlankNode, predicate: str, value: str, datatype: str
    ) -> None:
        self.add(subject, predicate, ox.Literal(value, datatype=ox.NamedNode(v.XSD + datatype)))


def municipal_triples(
    catalogue: Catalogue, base: str, datasets: Sequence[Dataset] | None = None
) -> list[Triple]:
    """A municipality's catalogue, or the page of it that holds ``datasets``."""
    writer = _Writer()
    _write_catalogue(writer, catalogue, base, catalogue.datasets if datasets is None else datasets)
    return list(writer.triples)


def platform_triples(
    platform: Platform, catalogues: Sequence[Catalogue], datasets: Sequence[Dataset] | None = None
) -> list[Triple]:
    """The platform catalogue: its own node, with each municipality's catalogue as a part (only
    those with a dataset on the page when ``datasets`` is a page)."""
    writer = _Writer()
    base = platform.base
    chosen = {d.iri for d in datasets} if datasets is not None else None
    node = ox.NamedNode(v.platform_catalogue_iri(base))
    writer.typed(node, v.DCAT + "Catalog")
    writer.texts(node, v.DCTERMS + "title", PLATFORM_TITLE)
    writer.texts(node, v.DCTERMS + "description", PLATFORM_DESCRIPTION)
    operator = ox.NamedNode(v.operator_iri(base))
    writer.iri(node, v.DCTERMS + "publisher", operator.value)
    writer.typed(operator, v.FOAF + "Agent")
    writer.add(operator, v.FOAF + "name", ox.Literal(platform.operator))
    _languages(writer, node)
    writer.iri(node, v.DCTERMS + "spatial", v.COUNTRY + "GRC")
    writer.iri(node, v.DCTERMS + "license", v.DEFAULT_LICENCE)
    writer.document(node, v.FOAF + "homepage", base)
    _taxonomies(writer, node)
    for catalogue in catalogues:
        own = [d for d in catalogue.datasets if chosen is None or d.iri in chosen]
        if chosen is not None and not own:
            continue
        for part in (v.DCTERMS + "hasPart", v.DCAT + "catalog"):
            writer.iri(node, part, catalogue.iri)
        _write_catalogue(writer, catalogue, base, own)
    return list(writer.triples)


PLATFORM_TITLE = {
    "el": "demoi: ανοικτά δεδομένα των ΟΤΑ",
    "en": "demoi: open data of Greek local government",
}
PLATFORM_DESCRIPTION = {
    "el": "Οι κατάλογοι ανοικτών δεδομένων των δήμων που δημοσιεύουν στο demoi, κατά τον "
    "ν. 4727/2020: ένα σύνολο δεδομένων ανά δήμο και λειτουργικό πεδίο, με άδεια, χρέωση και "
    "σήμανση υψηλής αξίας.",
    "en": "The open-data catalogues of the municipalities publishing on demoi, under Law "
    "4727/2020: one dataset per municipality and functional area, with licence, charging and "
    "high-value marking.",
}


def _taxonomies(writer: _Writer, node: ox.NamedNode) -> None:
    """The EU data themes and demoi's functional areas, which the datasets' themes come from;
    the functional areas described here, where no EU table can describe them."""
    writer.iri(node, v.DCAT + "themeTaxonomy", v.DATA_THEME.rstrip("/"))
    scheme = ox.NamedNode(v.FUNCTIONAL_AREAS)
    writer.value(node, v.DCAT + "themeTaxonomy", scheme.value, v.SKOS + "ConceptScheme")
    writer.texts(scheme, v.DCTERMS + "title", FUNCTIONAL_AREAS_TITLE)


FUNCTIONAL_AREAS_TITLE = {
    "el": "Λειτουργικά πεδία των ΟΤΑ (demoi, ν. 4727/2020)",
    "en": "Functional areas of Greek local government (demoi, Law 4727/2020)",
}


def _languages(writer: _Writer, node: ox.NamedNode) -> None:
    for code in ("ELL", "ENG"):
        writer.iri(node, v.DCTERMS + "language", v.LANGUAGE + code)


def _write_catalogue(
    writer: _Writer, catalogue: Catalogue, base: str, datasets: Sequence[Dataset]
) -> None:
    municipality = catalogue.municipality
    node = ox.NamedNode(catalogue.iri)
    writer.typed(node, v.DCAT + "Catalog")
    writer.texts(node, v.DCTERMS + "title", catalogue_title(municipality))
    writer.texts(node, v.DCTERMS + "description", catalogue_description(municipality))
    publisher = _publisher(writer, base, municipality)
    writer.iri(node, v.DCTERMS + "publisher", publisher)
    _languages(writer, node)
    _spatial(writer, node, municipality)
    writer.iri(node, v.DCTERMS + "license", v.DEFAULT_LICENCE)
    writer.document(node, v.FOAF + "homepage", v.guide_url(base, municipality.code))
    _taxonomies(writer, node)
    if catalogue.modified:
        writer.literal(node, v.DCTERMS + "modified", catalogue.modified, "dateTime")
    contact = _contact(writer, catalogue.contact)
    for dataset in datasets:
        writer.iri(node, v.DCAT + "dataset", dataset.iri)
        _write_dataset(writer, base, dataset, publisher, contact)
    if datasets:
        writer.iri(node, v.DCAT + "service", catalogue.service)
        _write_service(writer, base, catalogue, datasets, publisher, contact)


def catalogue_title(municipality: Municipality) -> dict[str, str]:
    return {
        "el": f"Ανοικτά δεδομένα: {municipality.label_el}",
        "en": f"Open data: {municipality.label_en}",
    }


def catalogue_description(municipality: Municipality) -> dict[str, str]:
    return {
        "el": f"Τα σύνολα δεδομένων που δημοσιεύει ο φορέας «{municipality.label_el}» στο demoi, "
        "ανά λειτουργικό πεδίο (ν. 4727/2020), με τις διανομές, τις άδειες και τις χρεώσεις τους.",
        "en": f"The datasets the {municipality.label_en} publishes on demoi, by functional area "
        "(Law 4727/2020), with their distributions, licences and charges.",
    }


def _publisher(writer: _Writer, base: str, municipality: Municipality) -> str:
    """The municipality as a public organisation, the same node the data-inventory mapping
    mints, so inventoried and generated records name one publisher."""
    iri = v.publisher_iri(base, municipality.code)
    node = ox.NamedNode(iri)
    writer.typed(node, v.M8G + "PublicOrganisation", v.FOAF + "Agent")
    writer.texts(node, v.FOAF + "name", {"el": municipality.label_el, "en": municipality.label_en})
    writer.iri(node, v.DCTERMS + "type", v.LOCAL_AUTHORITY)
    writer.iri(node, v.DEMOI + "municipality", municipality.iri)
    return iri


def _spatial(writer: _Writer, node: ox.NamedNode, municipality: Municipality) -> None:
    """Greece, which the EU country table holds, and the municipality from demoi's code list,
    which no EU table holds: DCAT-AP's vocabulary check warns about it, and that warning is
    expected (docs/catalogue.md)."""
    writer.iri(node, v.DCTERMS + "spatial", v.COUNTRY + "GRC")
    writer.value(node, v.DCTERMS + "spatial", municipality.iri, v.DCTERMS + "Location")


def _contact(writer: _Writer, contact: Contact) -> ox.NamedNode:
    node = ox.NamedNode(contact.iri)
    writer.typed(node, v.VCARD + "Organization", v.VCARD + "Kind")
    writer.texts(node, v.VCARD + "fn", contact.name)
    if contact.email:
        writer.resource(node, v.VCARD + "hasEmail", contact.email)
    if contact.url:
        writer.resource(node, v.VCARD + "hasURL", contact.url)
    return node


def _write_dataset(
    writer: _Writer, base: str, dataset: Dataset, publisher: str, contact: ox.NamedNode
) -> None:
    node = ox.NamedNode(dataset.iri)
    code = dataset.municipality.code
    writer.typed(node, v.DCAT + "Dataset")
    writer.texts(node, v.DCTERMS + "title", dataset.title)
    writer.texts(node, v.DCTERMS + "description", dataset.description)
    writer.iri(node, v.DCTERMS + "publisher", publisher)
    writer.iri(node, v.DEMOI + "municipality", dataset.municipality.iri)
    writer.iri(node, v.DEMOI + "functionalArea", v.FUNCTIONAL_AREA + dataset.area)
    for theme in dataset.themes:
        writer.iri(node, v.DCAT + "theme", v.DATA_THEME + theme)
    # The functional area is a theme too, from demoi's scheme (a dcat:themeTaxonomy of the
    # catalogue); DCAT-AP's vocabulary check warns that it is not an EU data theme.
    area = v.FUNCTIONAL_AREA + dataset.area
    writer.value(node, v.DCAT + "theme", area, v.SKOS + "Concept")
    writer.texts(
        ox.NamedNode(area), v.SKOS + "prefLabel", {lang: label(area, lang) for lang in ("el", "en")}
    )
    writer.iri(ox.NamedNode(area), v.SKOS + "inScheme", v.FUNCTIONAL_AREAS)
    _spatial(writer, node, dataset.municipality)
    if dataset.temporal:
        period = ox.BlankNode()
        writer.add(node, v.DCTERMS + "temporal", period)
        writer.typed(period, v.DCTERMS + "PeriodOfTime")
        writer.literal(period, v.DCAT + "startDate", dataset.temporal[0], "date")
        writer.literal(period, v.DCAT + "endDate", dataset.temporal[1], "date")
    writer.literal(node, v.DCTERMS + "modified", dataset.modified, "dateTime")
    if dataset.issued:
        writer.literal(node, v.DCTERMS + "issued", dataset.issued, "dateTime")
    writer.value(node, v.DCTERMS + "conformsTo", v.PROFILE + dataset.area, v.DCTERMS + "Standard")
    writer.iri(node, v.DCTERMS + "accessRights", v.ACCESS_RIGHT + "PUBLIC")
    writer.iri(node, v.DCTERMS + "language", v.LANGUAGE + "ELL")
    if dataset.frequency:
        writer.iri(node, v.DCTERMS + "accrualPeriodicity", v.FREQUENCY + dataset.frequency)
    writer.add(node, v.DCAT + "contactPoint", contact)
    # Its row on the catalogue page, which /catalog/<code> serves to browsers.
    writer.document(
        node, v.DCAT + "landingPage", f"{v.catalogue_iri(base, code)}#{dataset.dataset_id}"
    )
    personal = dataset.contains_personal_data
    if personal is not None:
        writer.literal(node, v.CAT + "containsPersonalData", str(personal).lower(), "boolean")
    writer.texts(node, v.CAT + "anonymisation", dataset.anonymisation)
    for publication in dataset.publications:
        for source in publication.sources:
            writer.iri(node, v.PROV + "wasDerivedFrom", source)
    if dataset.high_value:
        for category in dataset.hvd_categories:
            writer.iri(node, v.DCATAP + "hvdCategory", v.HVD_CATEGORY + category)
        writer.value(node, v.DCATAP + "applicableLegislation", v.HVD_REGULATION, v.ELI_LEGAL)
    for distribution in dataset.distributions:
        writer.iri(node, v.DCAT + "distribution", distribution.iri)
        _write_distribution(writer, dataset, distribution)


def _write_distribution(writer: _Writer, dataset: Dataset, distribution: Distribution) -> None:
    node = ox.NamedNode(distribution.iri)
    writer.typed(node, v.DCAT + "Distribution")
    writer.texts(node, v.DCTERMS + "title", distribution.title)
    writer.texts(node, v.DCTERMS + "description", distribution_description(dataset, distribution))
    writer.resource(node, v.DCAT + "accessURL", distribution.access_url)
    if distribution.download_url:
        writer.resource(node, v.DCAT + "downloadURL", distribution.download_url)
    if distribution.media_type:
        writer.value(node, v.DCAT + "mediaType", distribution.media_type, v.DCTERMS + "MediaType")
    writer.iri(node, v.DCTERMS + "format", distribution.file_type)
    if distribution.service:
        writer.iri(node, v.DCAT + "accessService", distribution.service)
    writer.literal(node, v.DCTERMS + "modified", dataset.modified, "dateTime")
    _write_terms(writer, node, distribution.terms)
    if dataset.high_value:
        writer.value(node, v.DCATAP + "applicableLegislation", v.HVD_REGULATION, v.ELI_LEGAL)


def _write_terms(writer: _Writer, node: ox.NamedNode, terms: Terms) -> None:
    """The licence, and the charging category twice: cat:chargingCategory, demoi's term, and
    dct:rights, the property it specialises, so that a DCAT-AP consumer without RDFS reads it
    too (the charging concepts are dct:RightsStatement, as DCAT-AP's range wants)."""
    writer.iri(node, v.DCTERMS + "license", terms.licence)
    writer.iri(node, v.CAT + "chargingCategory", terms.charging)
    writer.value(node, v.DCTERMS + "rights", terms.charging, v.DCTERMS + "RightsStatement")
    writer.texts(node, v.CAT + "chargingBasis", terms.charging_basis)


def distribution_description(dataset: Dataset, distribution: Distribution) -> dict[str, str]:
    if distribution.kind == "sparql":
        return {
            "el": "Ερωτήματα SPARQL 1.1 στους γράφους του συνόλου: " + ", ".join(dataset.graphs),
            "en": "SPARQL 1.1 queries over the dataset's graphs: " + ", ".join(dataset.graphs),
        }
    if distribution.kind == "csv":
        return {
            "el": "Ο πίνακας του συνόλου δεδομένων, μία γραμμή ανά εγγραφή, όλες οι περίοδοι.",
            "en": "The dataset as a table, one row per record, every period.",
        }
    return {
        "el": f"Όλα τα δεδομένα του συνόλου σε {distribution.title['el']}, όλες οι περίοδοι.",
        "en": f"The whole dataset in {distribution.title['en']}, every period.",
    }


SERVICE_TITLE = {"el": "Σημείο πρόσβασης SPARQL του demoi", "en": "demoi SPARQL endpoint"}


def _write_service(
    writer: _Writer,
    base: str,
    catalogue: Catalogue,
    datasets: Sequence[Dataset],
    publisher: str,
    contact: ox.NamedNode,
) -> None:
    node = ox.NamedNode(catalogue.service)
    municipality = catalogue.municipality
    writer.typed(node, v.DCAT + "DataService")
    writer.texts(node, v.DCTERMS + "title", SERVICE_TITLE)
    writer.texts(
        node,
        v.DCTERMS + "description",
        {
            "el": f"Ερωτήματα SPARQL 1.1 στα δεδομένα του φορέα «{municipality.label_el}».",
            "en": f"SPARQL 1.1 queries over the data of the {municipality.label_en}.",
        },
    )
    endpoint = v.sparql_url(base)
    writer.resource(node, v.DCAT + "endpointURL", endpoint)
    # GET on the endpoint without a query answers with its SPARQL 1.1 Service Description.
    writer.resource(node, v.DCAT + "endpointDescription", endpoint)
    writer.value(node, v.DCTERMS + "conformsTo", v.SPARQL_PROTOCOL, v.DCTERMS + "Standard")
    writer.iri(node, v.DCTERMS + "publisher", publisher)
    writer.add(node, v.DCAT + "contactPoint", contact)
    writer.iri(node, v.DCTERMS + "accessRights", v.ACCESS_RIGHT + "PUBLIC")
    writer.iri(node, v.DCTERMS + "license", v.DEFAULT_LICENCE)
    writer.document(node, v.FOAF + "page", v.guide_url(base, catalogue.municipality.code))
    categories = sorted({c for dataset in datasets for c in dataset.hvd_categories})
    for dataset in datasets:
        writer.iri(node, v.DCAT + "servesDataset", dataset.iri)
    for category in categories:
        writer.iri(node, v.DCATAP + "hvdCategory", v.HVD_CATEGORY + category)
    if categories:
        writer.value(node, v.DCATAP + "applicableLegislation", v.HVD_REGULATION, v.ELI_LEGAL)


# --- the high-value part -----------------------------------------------------------------------


def high_value_triples(triples: Iterable[Triple]) -> list[Triple]:
    """What DCAT-AP HVD applies to: the datasets and services with a high-value category, and
    what they link to (distributions, publishers, contact points, periods), without their links
    to datasets that are not high-value. The HVD shapes target every dcat:Dataset and
    dcat:DataService, so they run on this part alone, as SEMIC's guidelines scope them."""
    listed = list(triples)
    by_subject: dict[object, list[Triple]] = defaultdict(list)
    for triple in listed:
        by_subject[triple.subject].append(triple)
    dataset_class = ox.NamedNode(v.DCAT + "Dataset")
    datasets = {t.subject for t in listed if t.predicate == TYPE and t.object == dataset_class}
    roots = {t.subject for t in listed if t.predicate.value == v.DCATAP + "hvdCategory"}
    kept: dict[Triple, None] = {}
    seen = set(roots)
    todo = list(roots)
    while todo:
        for triple in by_subject[todo.pop()]:
            linked = triple.object
            if linked in datasets and linked not in roots:
                continue
            kept[triple] = None
            if isinstance(linked, ox.NamedNode | ox.BlankNode) and linked not in seen:
                seen.add(linked)
                todo.append(linked)
    return list(kept)


TYPE = ox.NamedNode(v.RDF + "type")

"""The IRIs the DCAT-AP catalogue is written with: the vocabularies, the EU code lists, and the
IRIs demoi mints for catalogues, datasets, distributions, services and their publishers."""

from __future__ import annotations

import pyoxigraph as ox

from demoi.iris import STANDARDS_BASE, minted_prefix

DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
DCATAP = "http://data.europa.eu/r5r/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
HYDRA = "http://www.w3.org/ns/hydra/core#"
M8G = "http://data.europa.eu/m8g/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ELI_LEGAL = "http://data.europa.eu/eli/ontology#LegalResource"
DEMOI = STANDARDS_BASE + "def/common#"
CAT = STANDARDS_BASE + "def/catalogue#"

EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
DATA_THEME = EU_AUTHORITY + "data-theme/"
FILE_TYPE = EU_AUTHORITY + "file-type/"
LICENCE = EU_AUTHORITY + "licence/"
FREQUENCY = EU_AUTHORITY + "frequency/"
LANGUAGE = EU_AUTHORITY + "language/"
ACCESS_RIGHT = EU_AUTHORITY + "access-right/"
COUNTRY = EU_AUTHORITY + "country/"
IANA = "https://www.iana.org/assignments/media-types/"
HVD_CATEGORY = "http://data.europa.eu/bna/"
#: Commission Implementing Regulation (EU) 2023/138, by its ELI: the applicable legislation of
#: every high-value dataset and of its distributions.
HVD_REGULATION = "http://data.europa.eu/eli/reg_impl/2023/138/oj"
LOCAL_AUTHORITY = "http://purl.org/adms/publishertype/LocalAuthority"
CHARGING = STANDARDS_BASE + "code/charging-category/"
FUNCTIONAL_AREA = STANDARDS_BASE + "code/functional-area/"
FUNCTIONAL_AREAS = STANDARDS_BASE + "code/functional-area"
#: The profile (demoi's SHACL shapes) a dataset of an area conforms to, as profiles.py names it.
PROFILE = STANDARDS_BASE + "shapes/"
SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"

#: Defaults of the reuse terms (law 4727/2020 art. 66 and art. 64): CC BY 4.0, free of charge.
DEFAULT_LICENCE = LICENCE + "CC_BY_4_0"
FREE = CHARGING + "free"


def node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def dcat(name: str) -> ox.NamedNode:
    return ox.NamedNode(DCAT + name)


def dcterms(name: str) -> ox.NamedNode:
    return ox.NamedNode(DCTERMS + name)


TYPE = ox.NamedNode(RDF + "type")


# --- minted IRIs (docs/iri-scheme.md) ----------------------------------------------------------


def platform_catalogue_iri(base: str) -> str:
    return f"{base}catalog"


def catalogue_iri(base: str, code: str) -> str:
    return f"{base}catalog/{code}"


def dataset_iri(base: str, code: str, dataset: str) -> str:
    return f"{minted_prefix(base)}dataset/{code}/{dataset}"


def distribution_iri(base: str, code: str, dataset: str, kind: str) -> str:
    return f"{minted_prefix(base)}distribution/{code}/{dataset}/{kind}"


def service_iri(base: str, code: str | None) -> str:
    """The SPARQL endpoint as a municipality's data service (one per municipality: DCAT-AP lets
    a service have one publisher), or, without ``code``, the platform's."""
    return (
        f"{minted_prefix(base)}service/{code}/sparql"
        if code
        else f"{minted_prefix(base)}service/sparql"
    )


def publisher_iri(base: str, code: str) -> str:
    """The municipality as an organisation: the node the data-inventory mapping mints too."""
    return f"{minted_prefix(base)}organisation/{code}"


def operator_iri(base: str) -> str:
    return f"{minted_prefix(base)}organisation/platform"


def contact_iri(base: str, code: str | None) -> str:
    return f"{publisher_iri(base, code) if code else operator_iri(base)}/contact"


def terms_iri(base: str, code: str, dataset: str, kind: str | None = None) -> str:
    """The reuse terms a municipality set for a dataset, or for one of its distributions."""
    tail = f"/{kind}" if kind else ""
    return f"{minted_prefix(base)}terms/{code}/{dataset}{tail}"


def dump_url(base: str, code: str, dataset: str, extension: str) -> str:
    return f"{base}dump/{code}/{dataset}.{extension}"


def guide_url(base: str, code: str) -> str:
    return f"{base}guide/{code}"


def sparql_url(base: str) -> str:
    return f"{base}sparql"

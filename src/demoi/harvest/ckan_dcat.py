"""CKAN packages as DCAT-AP records, following ckanext-dcat's mapping (docs/harvest.md has
the field table) and the IRIs and patterns of demoi's data-inventory mapping, so that harvested,
inventoried and generated records look the same. Values are typed with the classes DCAT-AP
3.0.1's range shapes check (rdfs:Resource on URLs, foaf:Document on pages, dct:MediaType on
media types…), as src/demoi/dcat/export.py types them: validation runs without RDFS inference.
A value of the portal's that is not a valid IRI is left out with a note, never a crash.

What the source does not say is not made up: a package without an open licence gets no
``dct:license``, one whose groups, tags and title name no functional area gets no
``demoi:functionalArea``; each is a note for the summary. Contact details are kept only when
they are an office's (an office name, a role mailbox); the produced triples then go through
the personal-data guard's scan, which refuses the harvest if anything personal is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from demoi.harvest.ckan import Note
from demoi.lifting.sources.data_inventory import (
    HVD_REGULATION,
    _municipality_names,
    file_types,
    frequency,
    web_address,
)
from demoi.lifting.tabular import normalise_header
from demoi.municipalities import Municipality
from demoi.privacy.detect import is_office_name, plain_words
from demoi.privacy.scan import is_functional_local_part, scan_quads

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
DCATAP = "http://data.europa.eu/r5r/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
M8G = "http://data.europa.eu/m8g/"
ADMS = "http://www.w3.org/ns/adms#"
ELI_LEGAL = "http://data.europa.eu/eli/ontology#LegalResource"
DEMOI = "https://w3id.org/demoi/def/common#"
CAT = "https://w3id.org/demoi/def/catalogue#"
AREA = "https://w3id.org/demoi/code/functional-area/"
CHARGING = "https://w3id.org/demoi/code/charging-category/"
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"

A = ox.NamedNode(RDF + "type")


def _n(namespace: str, name: str) -> ox.NamedNode:
    return ox.NamedNode(namespace + name)


# --- tables ------------------------------------------------------------------------------------

#: CKAN ``license_id`` (lower-cased) → EU licence code. Licences outside demoi's open list
#: (``other-open``, ``notspecified``, ``other-nc`` …) give no licence and a note.
LICENCES = {
    "cc-by": "CC_BY_4_0",
    "cc-by-4.0": "CC_BY_4_0",
    "cc-zero": "CC0",
    "cc0-1.0": "CC0",
    "cc0": "CC0",
    "odc-by": "ODC_BY",
    "odc-pddl": "ODC_PDDL",
    "cc-by-sa": "CC_BYSA_4_0",
    "cc-by-sa-4.0": "CC_BYSA_4_0",
    "odc-odbl": "ODC_BL",
    "odbl": "ODC_BL",
}

#: Word stems (accents and case removed; a stem matches the start of a word) that place a
#: package in a functional area, Greek and English. Read over the groups first, then the
#: tags, then the title: the first of these that names exactly one area decides. A stem
#: ending in a space matches a whole word only («bus», not «business»).
AREA_WORDS: dict[str, tuple[str, ...]] = {
    area: tuple(stem.lstrip() for stem in stems.split(","))
    for area, stems in {
        "finance": "οικονομ,προυπολογισ,δαπαν,εσοδ,εξοδ,ισολογισμ,ταμειακ,budget,financ,"
        "expenditure,revenue",
        "procurement": "προμηθει,συμβασ,διαγωνισμ,αναθεσ,procurement,tender,contract",
        "decisions": "αποφασ,διαυγει,πρακτικ,decision,diavgeia,minutes",
        "environment": "περιβαλλ,ατμοσφαιρ,ρυπ,θορυβ,κλιμα,πρασιν,environment,pollut,"
        "air quality,noise,climate",
        "mobility": "μεταφορ,συγκοινων,σταθμευσ,κυκλοφορ,λεωφορει,ποδηλατ,transport,traffic,"
        "parking,mobility,bus ,bicycl",
        "places": "χωροταξ,πολεοδομ,γεωχωρ,οδωνυμ,σημεια ενδιαφεροντος,κτιρι,geospatial,"
        "planning,address,street,poi ,building",
        "services": "πιστοποιητικ,κεπ ,διοικητικες υπηρεσιες,public service",
        "utilities": "υδρευσ,αποχετευσ,υδατ,ενεργει,φωτισμ,απορριμματ,ανακυκλωσ,καθαριοτητ,"
        "water,energy,lighting,waste,recycl",
        "culture": "πολιτισμ,μουσει,εκδηλωσ,μνημει,τουρισμ,αθλητ,culture,museum,event,"
        "heritage,tourism,sport",
        "statistics": "στατιστικ,πληθυσμ,απογραφ,δημογραφ,census,population,statistic",
        "organisation": "οργανογραμμ,αιρετ,δημοτικο συμβουλιο,υπαλληλ,organisation chart,staff",
    }.items()
}

#: EU data themes by the words of CKAN group names; a package whose groups name none takes
#: its functional area's default (research §4.1).
THEME_WORDS: dict[str, tuple[str, ...]] = {
    theme: tuple(stems.split(","))
    for theme, stems in {
        "ENVI": "περιβαλλ,environment",
        "ECON": "οικονομ,econom,financ",
        "TRAN": "μεταφορ,συγκοινων,transport,mobility",
        "HEAL": "υγει,health",
        "EDUC": "εκπαιδευσ,παιδει,πολιτισμ,αθλητ,education,culture,sport",
        "SOCI": "κοινων,πληθυσμ,society,social,population",
        "ENER": "ενεργει,energy",
        "GOVE": "κυβερνησ,δημοσιος τομεας,διοικησ,government,public sector",
        "REGI": "πολεις,περιφερει,χωροταξ,regions,cities",
        "TECH": "τεχνολογ,επιστημ,technology,science",
        "AGRI": "γεωργ,αλιει,agricultur,fisher,food",
        "JUST": "δικαιοσυν,justice,legal",
        "INTR": "διεθν,international",
    }.items()
}
AREA_THEMES = {
    "organisation": "GOVE",
    "decisions": "GOVE",
    "finance": "ECON",
    "procurement": "ECON",
    "services": "GOVE",
    "places": "REGI",
    "environment": "ENVI",
    "mobility": "TRAN",
    "utilities": "ENER",
    "culture": "EDUC",
    "statistics": "SOCI",
    "catalogue": "GOVE",
}


#: How an extra says whether a dataset comes from personal data.
YES_NO = {
    **dict.fromkeys(("true", "yes", "ναι", "1"), True),
    **dict.fromkeys(("false", "no", "οχι", "0"), False),
}
GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
CKAN_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?")
MIME = re.compile(r"^[a-z]+/[a-z0-9][a-z0-9.+\-]*$")


def _matches(text: str, stems: Iterable[str]) -> bool:
    return any(f" {stem}" in text for stem in stems)


# --- classification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Classification:
    area: str | None
    #: Where the area was read (groups, tags, title), or why there is none.
    reason: str


def classify(package: dict[str, Any]) -> Classification:
    """The functional area of ``package``: the first of its groups, tags and title that names
    exactly one area decides; none, or two areas at once, leaves it unclassified."""
    tiers = {
        "groups": [
            _text(group, "title", "display_name", "name") for group in _list(package, "groups")
        ],
        "tags": [_text(tag, "display_name", "name") for tag in _list(package, "tags")],
        "title": [str(package.get("title") or "")],
    }
    for tier, texts in tiers.items():
        text = plain_words(" | ".join(texts))
        areas = sorted(area for area, stems in AREA_WORDS.items() if _matches(text, stems))
        if len(areas) == 1:
            return Classification(areas[0], tier)
        if len(areas) > 1:
            return Classification(None, f"{tier} name {', '.join(areas)}")
    return Classification(None, "no keyword of any area")


def themes(package: dict[str, Any], area: str | None) -> list[str]:
    text = plain_words(
        " | ".join(_text(group, "title", "name") for group in _list(package, "groups"))
    )
    found = sorted(theme for theme, stems in THEME_WORDS.items() if _matches(text, stems))
    if not found and area:
        found = [AREA_THEMES[area]]
    return found


# --- records -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    package: str
    title: str
    area: str | None
    reason: str


@dataclass
class Records:
    """The harvest as triples, with each package's classification and the notes."""

    triples: list[ox.Triple] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    _seen: set[ox.Triple] = field(default_factory=set, repr=False)

    def add(
        self, subject: ox.NamedNode | ox.BlankNode, predicate: ox.NamedNode, value: Any
    ) -> None:
        # A class stated on a shared value (a media type, the charging category) comes once
        # per distribution; kept once, so that the count written is the count published.
        triple = ox.Triple(subject, predicate, value)
        if triple not in self._seen:
            self._seen.add(triple)
            self.triples.append(triple)


def catalog_iri(base: str, code: str) -> str:
    return f"{base}id/harvest/{code}"


def organisation_iri(base: str, code: str) -> str:
    return f"{base}id/organisation/{code}"


def records(
    packages: Iterable[dict[str, Any]],
    *,
    portal: str,
    base: str,
    municipality: Municipality,
    title: str | None = None,
    personal_default: bool | None = None,
) -> Records:
    """The DCAT-AP records of ``packages`` harvested from ``portal`` for ``municipality``.
    ``personal_default`` is the operator's statement (``--personal-data``) for the packages
    whose extras do not say whether they come from personal data."""
    made = Records()
    catalog = ox.NamedNode(catalog_iri(base, municipality.code))
    publisher = ox.NamedNode(organisation_iri(base, municipality.code))
    _catalog(made, catalog, publisher, portal, municipality, title)
    _publisher(made, publisher, municipality)
    for package in packages:
        _Package(made, package, portal, base, municipality, publisher, personal_default).add(
            catalog
        )
    _guard_contacts(made)
    return made


def _catalog(
    made: Records,
    catalog: ox.NamedNode,
    publisher: ox.NamedNode,
    portal: str,
    municipality: Municipality,
    title: str | None,
) -> None:
    made.add(catalog, A, _n(DCAT, "Catalog"))
    name = title or portal
    made.add(catalog, _n(DCT, "title"), ox.Literal(f"Σύνολα δεδομένων από {name}", language="el"))
    made.add(
        catalog, _n(DCT, "title"), ox.Literal(f"Datasets harvested from {name}", language="en")
    )
    made.add(
        catalog,
        _n(DCT, "description"),
        ox.Literal(
            f"Οι εγγραφές συνόλων δεδομένων του φορέα «{municipality.label_el}» στην πύλη "
            f"CKAN {portal}, όπως τις συνέλεξε το demoi.",
            language="el",
        ),
    )
    made.add(
        catalog,
        _n(DCT, "description"),
        ox.Literal(
            f"The dataset records of the {municipality.label_en} on the CKAN portal {portal}, "
            "as demoi harvested them.",
            language="en",
        ),
    )
    made.add(catalog, _n(DCT, "publisher"), publisher)
    made.add(catalog, _n(FOAF, "homepage"), ox.NamedNode(portal))
    made.add(ox.NamedNode(portal), A, _n(FOAF, "Document"))
    made.add(catalog, _n(DCAT, "themeTaxonomy"), ox.NamedNode(EU + "data-theme"))


def _publisher(made: Records, publisher: ox.NamedNode, municipality: Municipality) -> None:
    """The node the data-inventory mapping mints for the municipality, with the same triples."""
    made.add(publisher, A, _n(M8G, "PublicOrganisation"))
    made.add(publisher, A, _n(FOAF, "Agent"))
    made.add(publisher, _n(FOAF, "name"), ox.Literal(municipality.label_el, language="el"))
    made.add(publisher, _n(FOAF, "name"), ox.Literal(municipality.label_en, language="en"))
    made.add(publisher, _n(DEMOI, "municipality"), ox.NamedNode(municipality.iri))


class _Package:
    def __init__(
        self,
        made: Records,
        package: dict[str, Any],
        portal: str,
        base: str,
        municipality: Municipality,
        publisher: ox.NamedNode,
        personal_default: bool | None,
    ) -> None:
        self.made = made
        self.personal_default = personal_default
        self.package = package
        self.id = str(package["id"])
        self.portal = portal
        self.municipality = municipality
        self.publisher = publisher
        self.iri = ox.NamedNode(f"{base}id/harvest/{municipality.code}/{quote(self.id, safe='')}")
        self.extras = {
            str(extra.get("key")): str(extra.get("value") or "")
            for extra in _list(package, "extras")
            if isinstance(extra, dict)
        }

    def note(self, kind: str, detail: str = "") -> None:
        self.made.notes.append(Note(kind, detail, self.id))

    def node(self, text: str, what: str) -> ox.NamedNode | None:
        """``text`` as an IRI, or None and a note when it is not a valid one."""
        try:
            return ox.NamedNode(text)
        except ValueError:
            self.note("bad-iri", f"{what}: {text}")
            return None

    def add(self, catalog: ox.NamedNode) -> None:
        other = self._other_municipality()
        if other:
            self.note("other-municipality", other)
            return
        made, dataset = self.made, self.iri
        made.add(catalog, _n(DCAT, "dataset"), dataset)
        made.add(dataset, A, _n(DCAT, "Dataset"))
        made.add(dataset, _n(DCT, "identifier"), ox.Literal(f"{self.portal}/dataset/{self.id}"))
        made.add(dataset, _n(DCT, "publisher"), self.publisher)
        made.add(dataset, _n(DEMOI, "municipality"), ox.NamedNode(self.municipality.iri))
        self._texts()
        self._dates()
        classification = classify(self.package)
        title = str(self.package.get("title") or self.package.get("name") or self.id)
        made.outcomes.append(Outcome(self.id, title, classification.area, classification.reason))
        if classification.area:
            made.add(dataset, _n(DEMOI, "functionalArea"), _n(AREA, classification.area))
        else:
            self.note("unclassified", classification.reason)
        for theme in themes(self.package, classification.area):
            made.add(dataset, _n(DCAT, "theme"), _n(EU, f"data-theme/{theme}"))
        self._extras()
        self._contact()
        licence = self._licence()
        resources = [r for r in _list(self.package, "resources") if isinstance(r, dict)]
        if not resources:
            self.note("no-distribution")
        for position, resource in enumerate(resources):
            self._distribution(resource, position, licence)

    def _other_municipality(self) -> str:
        """The organisation's name when it is another municipality's (a portal such as
        geodata.gov.gr holds many bodies' datasets); an unknown name is not another's."""
        organization = self.package.get("organization")
        if not isinstance(organization, dict):
            return ""
        name = str(organization.get("title") or "")
        named = _municipality_names().get(normalise_header(name))
        return name if named is not None and named.code != self.municipality.code else ""

    def _texts(self) -> None:
        made, dataset = self.made, self.iri
        title = str(self.package.get("title") or self.package.get("name") or "").strip()
        made.add(dataset, _n(DCT, "title"), _literal(title))
        description = _plain_text(str(self.package.get("notes") or ""))
        if not description:
            description = title
            self.note("no-description")
        made.add(dataset, _n(DCT, "description"), _literal(description))
        if not GREEK.search(title + description):
            self.note("not-greek")
        for tag in _list(self.package, "tags"):
            name = _text(tag, "display_name", "name")
            if name:
                made.add(dataset, _n(DCAT, "keyword"), _literal(name))
        landing = str(self.package.get("url") or "").strip()
        if landing:
            address = self._address(landing, "url")
            if address:
                made.add(dataset, _n(DCAT, "landingPage"), address)
                made.add(address, A, _n(FOAF, "Document"))

    def _dates(self) -> None:
        for prop, keys in (
            ("issued", ("issued", "metadata_created")),
            ("modified", ("modified", "metadata_modified")),
        ):
            for key in keys:
                value = self.extras.get(key) or self.package.get(key)
                if value:
                    moment = _date_time(str(value))
                    if moment is None:
                        self.note("bad-date", f"{key}={value}")
                        continue
                    self.made.add(self.iri, _n(DCT, prop), moment)
                    break

    def _extras(self) -> None:
        made, dataset = self.made, self.iri
        written = self.extras.get("frequency") or self.extras.get("frequency-of-update")
        if written:
            try:
                periodicity = ox.NamedNode(frequency(written))
            except ValueError:
                self.note("unknown-frequency", written)
            else:
                made.add(dataset, _n(DCT, "accrualPeriodicity"), periodicity)
                made.add(periodicity, A, _n(DCT, "Frequency"))
        start, end = self.extras.get("temporal_start"), self.extras.get("temporal_end")
        if start or end:
            period = ox.BlankNode()
            made.add(dataset, _n(DCT, "temporal"), period)
            made.add(period, A, _n(DCT, "PeriodOfTime"))
            for prop, value in (("startDate", start), ("endDate", end)):
                moment = _date_time(value) if value else None
                if moment is not None:
                    made.add(period, _n(DCAT, prop), moment)
        self._personal_data()
        written_hvd = self.extras.get("hvd_category", "")
        if written_hvd.startswith("http://data.europa.eu/bna/c_"):
            category = self.node(written_hvd, "hvd_category")
            if category is not None:
                made.add(dataset, _n(DCATAP, "hvdCategory"), category)
                legislation = ox.NamedNode(HVD_REGULATION)
                made.add(dataset, _n(DCATAP, "applicableLegislation"), legislation)
                made.add(legislation, A, ox.NamedNode(ELI_LEGAL))

    def _personal_data(self) -> None:
        written = self.extras.get("contains_personal_data") or self.extras.get("personal_data")
        stated = YES_NO.get(plain_words(written or "").strip())
        if stated is None and written:
            self.note("unknown-personal-data-statement", written)
        if stated is None:
            stated = self.personal_default
        if stated is None:
            self.note("no-personal-data-statement")
            return
        self.made.add(
            self.iri,
            _n(CAT, "containsPersonalData"),
            ox.Literal(str(stated).lower(), datatype=_n(XSD, "boolean")),
        )

    def _contact(self) -> None:
        """A contact point from the maintainer (else the author): an office's name and a role
        mailbox only; a person's name or mailbox is left out."""
        for role in ("maintainer", "author"):
            name = str(self.package.get(role) or "").strip()
            mail = str(self.package.get(f"{role}_email") or "").strip()
            if not (name or mail):
                continue
            office = name if name and is_office_name(name) else ""
            if name and not office:
                self.note("person-name-left-out", role)
            box = mail if mail and _is_role_mailbox(mail) else ""
            if mail and not box:
                self.note("person-email-left-out", f"{role}_email")
            mailbox = self.node(f"mailto:{box}", f"{role}_email") if box else None
            box = box if mailbox is not None else ""
            if office or box:
                contact = ox.NamedNode(f"{self.iri.value}/contact")
                self.made.add(self.iri, _n(DCAT, "contactPoint"), contact)
                self.made.add(contact, A, _n(VCARD, "Organization"))
                self.made.add(contact, A, _n(VCARD, "Kind"))
                if office:
                    self.made.add(contact, _n(VCARD, "fn"), _literal(office))
                if mailbox is not None:
                    self.made.add(contact, _n(VCARD, "hasEmail"), mailbox)
            return

    def _licence(self) -> ox.NamedNode | None:
        licence_id = str(self.package.get("license_id") or "").strip()
        code = LICENCES.get(licence_id.lower())
        if code is None:
            shown = licence_id or "—"
            title = str(self.package.get("license_title") or "")
            self.note("no-licence", f"{shown} ({title})" if title else shown)
            return None
        return _n(EU, f"licence/{code}")

    def _distribution(
        self, resource: dict[str, Any], position: int, licence: ox.NamedNode | None
    ) -> None:
        made = self.made
        key = quote(str(resource.get("id") or position), safe="")
        distribution = ox.NamedNode(f"{self.iri.value}/distribution/{key}")
        made.add(self.iri, _n(DCAT, "distribution"), distribution)
        made.add(distribution, A, _n(DCAT, "Distribution"))
        name = str(resource.get("name") or "").strip()
        if name:
            made.add(distribution, _n(DCT, "title"), _literal(name))
        description = _plain_text(str(resource.get("description") or ""))
        if description:
            made.add(distribution, _n(DCT, "description"), _literal(description))
        url = str(resource.get("url") or "").strip()
        address = self._address(url, f"resources[{position}].url") if url else None
        if address is None:
            self.note("no-access-url", name or key)
        else:
            made.add(distribution, _n(DCAT, "accessURL"), address)
            made.add(address, A, _n(RDFS, "Resource"))
            if resource.get("url_type") == "upload":
                made.add(distribution, _n(DCAT, "downloadURL"), address)
        self._format(distribution, resource, name or key)
        size = resource.get("size")
        if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
            made.add(
                distribution,
                _n(DCAT, "byteSize"),
                ox.Literal(str(size), datatype=_n(XSD, "nonNegativeInteger")),
            )
        modified = _date_time(str(resource.get("last_modified") or ""))
        if modified is not None:
            made.add(distribution, _n(DCT, "modified"), modified)
        resource_licence = LICENCES.get(str(resource.get("license_id") or "").lower())
        chosen = _n(EU, f"licence/{resource_licence}") if resource_licence else licence
        if chosen is not None:
            made.add(distribution, _n(DCT, "license"), chosen)
        # Re-use is free of charge unless one of the law's exceptions applies (law 4727/2020,
        # art. 64), as the inventory reader assumes; dct:rights repeats it for DCAT-AP readers.
        made.add(distribution, _n(CAT, "chargingCategory"), _n(CHARGING, "free"))
        made.add(distribution, _n(DCT, "rights"), _n(CHARGING, "free"))
        made.add(_n(CHARGING, "free"), A, _n(DCT, "RightsStatement"))

    def _format(self, distribution: ox.NamedNode, resource: dict[str, Any], name: str) -> None:
        written = str(resource.get("format") or "").strip().lstrip(".")
        if written:
            try:
                code = file_types().code(written)
            except ValueError:
                self.note("unknown-format", f"{name}: {written}")
            else:
                self.made.add(distribution, _n(DCT, "format"), _n(EU, f"file-type/{code}"))
        mimetype = str(resource.get("mimetype") or "").strip().lower()
        if MIME.match(mimetype):
            media_type = ox.NamedNode(IANA + mimetype)
            self.made.add(distribution, _n(DCAT, "mediaType"), media_type)
            self.made.add(media_type, A, _n(DCT, "MediaType"))

    def _address(self, text: str, what: str) -> ox.NamedNode | None:
        try:
            return ox.NamedNode(web_address(text))
        except ValueError:
            self.note("bad-address", f"{what}: {text}")
            return None


def _guard_contacts(made: Records) -> None:
    """Drop any contact-point value the personal-data scan still finds personal (a mailbox the
    role-word rule let through that the scan reads otherwise), noting it."""
    contacts = [t for t in made.triples if t.predicate == _n(VCARD, "hasEmail")]
    flagged = {f.where.subject for f in scan_quads(contacts)} if contacts else set()
    if not flagged:
        return
    kept = []
    for triple in made.triples:
        subject = triple.subject
        mailbox = triple.predicate == _n(VCARD, "hasEmail")
        if mailbox and isinstance(subject, ox.NamedNode) and subject.value in flagged:
            made.notes.append(Note("person-email-left-out", "vcard:hasEmail", subject.value))
            continue
        kept.append(triple)
    made.triples = kept


def _is_role_mailbox(address: str) -> bool:
    local, _, domain = address.removeprefix("mailto:").partition("@")
    return bool(domain) and " " not in address and is_functional_local_part(local)


def _literal(text: str) -> ox.Literal:
    """Greek text is tagged el; other text is left untagged rather than guessed English."""
    return ox.Literal(text, language="el") if GREEK.search(text) else ox.Literal(text)


def _plain_text(markdown: str) -> str:
    """CKAN's notes are Markdown; DCAT-AP descriptions are plain text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(^|\n)\s{0,3}(#{1,6}|[*+-]|>)\s+", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _date_time(value: str) -> ox.Literal | None:
    """CKAN's times (UTC without a zone, as CKAN documents) as xsd:dateTime; a date alone as
    xsd:date."""
    matched = CKAN_DATE.match(value.strip())
    if not matched:
        return None
    text = matched.group(0)
    if "T" not in text:
        return ox.Literal(text, datatype=_n(XSD, "date"))
    if text.count(":") == 1:
        text += ":00"
    return ox.Literal(text + "Z", datatype=_n(XSD, "dateTime"))


def _list(package: dict[str, Any], key: str) -> list[Any]:
    value = package.get(key)
    return value if isinstance(value, list) else []


def _text(item: Any, *keys: str) -> str:
    if not isinstance(item, dict):
        return ""
    for key in keys:
        if item.get(key):
            return str(item[key]).strip()
    return ""

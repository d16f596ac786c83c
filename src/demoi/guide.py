"""The Guide (Οδηγός) of art. 67 of law 4727/2020: one document per municipality saying which
data it makes available, by which standards, where and how to reach them, on what terms, which
high-value datasets it publishes or still owes, and whom to contact.

``guides(store, base, code)`` reads the store once and composes the Guide in each language;
``guide(store, base, code, language)`` is one of them. ``as_markdown`` and ``as_html`` write
one or more Guides (the bilingual document is the Greek Guide followed by the English one) as a
standalone document: the HTML carries its print CSS inline, so it still works when saved to a
file and posted on Diavgeia, gov.gr or the municipality's own site.

Everything comes from what the rest of demoi already holds, so the Guide cannot disagree with
the catalogue: the datasets, terms and contact from the catalogue model (demoi.dcat.model), the
conformance of each graph from its last report (demoi.store_conformance), the labels and
definitions of code-list concepts from the packaged standards (demoi.server.ld_standards, as
the linked-data pages read them), the example queries from demoi.server.example_queries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode, urlsplit

import jinja2
import pyoxigraph as ox

from demoi.dcat import vocabulary as v
from demoi.dcat.hvd import MISSING, DatasetStatus, municipality_report
from demoi.dcat.model import Catalogue, Dataset, mappings_by_dataset, read_catalogues
from demoi.dcat.terms import CHARGING_CATEGORIES
from demoi.errors import UsageError
from demoi.iris import MUNICIPALITY_CODES
from demoi.municipalities import municipalities
from demoi.server.example_queries import ExampleQuery, examples_by_area, functional_areas
from demoi.server.home import grouped_number
from demoi.server.ld_standards import standards_for
from demoi.store import Store
from demoi.store_conformance import GraphStatus, graph_statuses

LANGUAGES = ("el", "en")
#: How many example queries each area shows: enough to start from, short enough to print.
EXAMPLES_PER_AREA = 2

#: The vocabularies each area's profile reuses, as docs/standards.md lists them ("reuses");
#: tests/test_guide.py holds the two equal. Written here because the vocabularies do not state
#: it in RDF (their rdfs:seeAlso names one vocabulary at most).
REUSES: dict[str, tuple[str, ...]] = {
    "organisation": ("CPOV 2.1", "W3C ORG", "Core Person 2.1", "Core Business (legal:)"),
    "decisions": ("ELI",),
    "finance": ("RDF Data Cube", "OpenBudgets.eu model"),
    "procurement": ("eProcurement Ontology (ePO)", "CPV"),
    "services": ("CPSV-AP 3.2",),
    "places": ("Core Location 2.1", "GeoSPARQL"),
    "environment": ("SOSA/SSN", "QUDT", "EEA air-quality code lists"),
    "mobility": ("GTFS", "mobilityDCAT-AP"),
    "utilities": ("SOSA/SSN", "QUDT"),
    "culture": ("Core Public Event 1.1", "schema.org"),
    "statistics": ("RDF Data Cube", "SDMX"),
    "catalogue": ("DCAT-AP 3.0.1", "DCAT-AP HVD"),
}


TEXT: dict[str, dict[str, str]] = {
    "el": {
        "title": "Οδηγός ανοικτών δεδομένων",
        "intro": "Ο Οδηγός του άρθρου 67 του ν. 4727/2020: ποια δεδομένα διαθέτει ο δήμος ως "
        "ανοικτά, με ποια πρότυπα, πού και πώς αποκτάτε πρόσβαση σε αυτά, με ποιους όρους "
        "περαιτέρω χρήσης, και σε ποιον απευθύνεστε.",
        "generated": "Συντάχθηκε",
        "generated_by": "αυτόματα από το demoi, από τα δεδομένα που έχει δημοσιεύσει ο δήμος",
        "municipality_section": "Ο δήμος και ο κατάλογός του",
        "municipality": "Δήμος",
        "code": "Κωδικός ΕΛΣΤΑΤ",
        "catalogue": "Κατάλογος (DCAT-AP)",
        "datasets_count": "Σύνολα δεδομένων",
        "areas_count": "Λειτουργικά πεδία με δεδομένα",
        "last_update": "Τελευταία ενημέρωση",
        "guide_url": "Ο Οδηγός αυτός στο διαδίκτυο",
        "nothing": "Ο δήμος δεν έχει δημοσιεύσει ακόμη σύνολα δεδομένων. Ο Οδηγός θα τα "
        "περιλάβει μόλις δημοσιευτούν· οι όροι χρήσης, τα σύνολα υψηλής αξίας που αναμένονται "
        "και τα στοιχεία επικοινωνίας ισχύουν ήδη.",
        "access_section": "Πώς αποκτάτε πρόσβαση στα δεδομένα",
        "access_intro": "Όλα τα δεδομένα είναι διασυνδεδεμένα δεδομένα (RDF) και διατίθενται "
        "με τρεις τρόπους, χωρίς εγγραφή και χωρίς χρέωση πρόσβασης:",
        "endpoint": "Σημείο πρόσβασης SPARQL (SPARQL 1.1 Protocol)",
        "endpoint_help": "ερωτήματα SPARQL με GET ή POST· η απάντηση σε JSON, XML, CSV ή TSV",
        "editor": "Επεξεργαστής ερωτημάτων",
        "editor_help": "για να γράψετε και να εκτελέσετε ερωτήματα στον φυλλομετρητή",
        "dumps": "Αρχεία λήψης",
        "dumps_help": "κάθε σύνολο δεδομένων ολόκληρο σε Turtle, N-Triples, JSON-LD και, όπου "
        "είναι πίνακας, σε CSV· οι διευθύνσεις δίνονται για κάθε σύνολο παρακάτω",
        "area": "Λειτουργικό πεδίο",
        "profile": "Προφίλ εφαρμογής (κανόνες SHACL)",
        "reuses": "Λεξιλόγια που επαναχρησιμοποιεί",
        "dataset_id": "Αναγνωριστικό",
        "description": "Περιγραφή",
        "periods": "Περίοδοι",
        "temporal": "Χρονική κάλυψη",
        "size": "Μέγεθος",
        "triples": "τριάδες",
        "modified": "Τελευταία ενημέρωση",
        "frequency": "Συχνότητα ενημέρωσης",
        "themes": "Θέματα (ΕΕ)",
        "hvd": "Σύνολο υψηλής αξίας",
        "hvd_yes": "Ναι",
        "hvd_no": "Όχι",
        "licence": "Άδεια",
        "charging": "Χρέωση",
        "charging_basis": "Βάση υπολογισμού",
        "distribution_terms": "Όροι διανομής",
        "personal": "Προσωπικά δεδομένα",
        "personal_yes": "Περιέχει προσωπικά δεδομένα",
        "personal_no": "Δεν περιέχει προσωπικά δεδομένα",
        "personal_unknown": "Δεν έχει δηλωθεί",
        "conformance": "Συμμόρφωση",
        "graph": "Γράφος",
        "status": "Κατάσταση",
        "conforms": "συμμορφώνεται (έλεγχος {checked})",
        "violations": "{violations} παραβιάσεις (έλεγχος {checked})",
        "warnings": "{warnings} συστάσεις",
        "not_checked": "δεν έχει ελεγχθεί ακόμη",
        "stale": "δεν έχει ελεγχθεί μετά την τελευταία δημοσίευση (τελευταίος έλεγχος {checked})",
        "downloads": "Λήψη",
        "format": "Μορφή",
        "address": "Διεύθυνση",
        "iri": "Αναγνωριστικό (IRI)",
        "examples": "Παραδείγματα ερωτημάτων",
        "open_editor": "άνοιγμα στον επεξεργαστή",
        "run": "εκτέλεση στο σημείο πρόσβασης",
        "terms_section": "Άδειες και χρεώσεις",
        "terms_intro": "Η περαιτέρω χρήση των δεδομένων του δήμου διέπεται από την άδεια κάθε "
        "συνόλου (ν. 4727/2020, άρθρο 66) και είναι δωρεάν, εκτός αν ο δήμος δηλώνει άλλη "
        "κατηγορία χρέωσης του άρθρου 64 με τη βάση υπολογισμού της.",
        "licences_used": "Άδειες που χρησιμοποιεί ο δήμος",
        "used_by": "Σύνολα δεδομένων",
        "legal_text": "Νομικό κείμενο",
        "charging_categories": "Κατηγορίες χρέωσης (ν. 4727/2020, άρθρο 64)",
        "category": "Κατηγορία",
        "meaning": "Τι σημαίνει",
        "hvd_section": "Σύνολα δεδομένων υψηλής αξίας",
        "hvd_intro": "Ο εκτελεστικός κανονισμός (ΕΕ) 2023/138 ορίζει σύνολα δεδομένων υψηλής "
        "αξίας, που διατίθενται δωρεάν, με άδεια CC BY 4.0 ή ελευθερότερη, μέσω API και αρχείων "
        "λήψης.",
        "hvd_published": "Δημοσιευμένα σύνολα υψηλής αξίας",
        "hvd_missing": "Αναμενόμενα σύνολα υψηλής αξίας που δεν έχουν δημοσιευτεί",
        "hvd_missing_help": "Σύνολα που το demoi μπορεί να δημοσιεύσει για κάθε δήμο και που ο "
        "κανονισμός κατατάσσει στα υψηλής αξίας.",
        "hvd_none_published": "Κανένα.",
        "hvd_none_missing": "Κανένα: ο δήμος δημοσιεύει όλα τα αναμενόμενα.",
        "hvd_category": "Κατηγορία υψηλής αξίας",
        "hvd_status": "κατάσταση",
        "hvd_status_column": "Κατάσταση",
        "hvd_findings": "Τι λείπει",
        "to_fix": "διόρθωση",
        "contact_section": "Επικοινωνία",
        "contact_name": "Υπεύθυνος",
        "email": "Ηλεκτρονικό ταχυδρομείο",
        "web": "Ιστοσελίδα",
        "none": "—",
    },
    "en": {
        "title": "Open data guide",
        "intro": "The Guide of art. 67 of Law 4727/2020: which data the municipality makes "
        "available as open data, by which standards, where and how to reach them, on what "
        "terms of re-use, and whom to contact.",
        "generated": "Generated",
        "generated_by": "automatically by demoi, from the data the municipality has published",
        "municipality_section": "The municipality and its catalogue",
        "municipality": "Municipality",
        "code": "ELSTAT code",
        "catalogue": "Catalogue (DCAT-AP)",
        "datasets_count": "Datasets",
        "areas_count": "Functional areas with data",
        "last_update": "Last update",
        "guide_url": "This Guide online",
        "nothing": "The municipality has not published any dataset yet. The Guide will list "
        "them as soon as they are published; the terms of re-use, the expected high-value "
        "datasets and the contact already apply.",
        "access_section": "How to reach the data",
        "access_intro": "All data are linked data (RDF), available in three ways, with no "
        "registration and no access charge:",
        "endpoint": "SPARQL endpoint (SPARQL 1.1 Protocol)",
        "endpoint_help": "SPARQL queries by GET or POST; answers in JSON, XML, CSV or TSV",
        "editor": "Query editor",
        "editor_help": "to write and run queries in the browser",
        "dumps": "Dumps",
        "dumps_help": "each dataset whole, in Turtle, N-Triples, JSON-LD and, where it is a "
        "table, CSV; the addresses are given for each dataset below",
        "area": "Functional area",
        "profile": "Application profile (SHACL rules)",
        "reuses": "Vocabularies reused",
        "dataset_id": "Identifier",
        "description": "Description",
        "periods": "Periods",
        "temporal": "Temporal coverage",
        "size": "Size",
        "triples": "triples",
        "modified": "Last update",
        "frequency": "Update frequency",
        "themes": "Themes (EU)",
        "hvd": "High-value dataset",
        "hvd_yes": "Yes",
        "hvd_no": "No",
        "licence": "Licence",
        "charging": "Charging",
        "charging_basis": "Basis of the charge",
        "distribution_terms": "Terms of a distribution",
        "personal": "Personal data",
        "personal_yes": "Contains personal data",
        "personal_no": "Contains no personal data",
        "personal_unknown": "Not stated",
        "conformance": "Conformance",
        "graph": "Graph",
        "status": "Status",
        "conforms": "conforms (checked {checked})",
        "violations": "{violations} violations (checked {checked})",
        "warnings": "{warnings} recommendations",
        "not_checked": "not yet checked",
        "stale": "not checked since its last publication (last check {checked})",
        "downloads": "Download",
        "format": "Format",
        "address": "Address",
        "iri": "Identifier (IRI)",
        "examples": "Example queries",
        "open_editor": "open in the editor",
        "run": "run on the endpoint",
        "terms_section": "Licences and charges",
        "terms_intro": "Re-use of the municipality's data is governed by each dataset's licence "
        "(Law 4727/2020, art. 66) and is free of charge, unless the municipality states another "
        "charging category of art. 64 with the basis of its calculation.",
        "licences_used": "Licences the municipality uses",
        "used_by": "Datasets",
        "legal_text": "Legal text",
        "charging_categories": "Charging categories (Law 4727/2020, art. 64)",
        "category": "Category",
        "meaning": "What it means",
        "hvd_section": "High-value datasets",
        "hvd_intro": "Commission Implementing Regulation (EU) 2023/138 lists high-value "
        "datasets, which are made available free of charge, under CC BY 4.0 or a more open "
        "licence, through APIs and as bulk downloads.",
        "hvd_published": "High-value datasets published",
        "hvd_missing": "Expected high-value datasets not published",
        "hvd_missing_help": "Datasets demoi can publish for every municipality and that the "
        "Regulation counts as high-value.",
        "hvd_none_published": "None.",
        "hvd_none_missing": "None: the municipality publishes every expected one.",
        "hvd_category": "High-value category",
        "hvd_status": "status",
        "hvd_status_column": "Status",
        "hvd_findings": "What is missing",
        "to_fix": "to fix",
        "contact_section": "Contact",
        "contact_name": "Responsible",
        "email": "E-mail",
        "web": "Web page",
        "none": "—",
    },
}


# --- the structure ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Concept:
    """A code-list concept as the Guide shows it: its IRI, label and definition."""

    iri: str
    label: str
    definition: str = ""
    see_also: str | None = None


#: How _compose looks a concept up by its IRI, in the Guide's language.
_ConceptOf = Callable[[str], Concept]


@dataclass(frozen=True)
class GraphConformance:
    graph: str
    period: str | None
    #: ``conforms``, ``violations``, ``stale`` or ``not-checked``.
    state: str
    text: str


@dataclass(frozen=True)
class DatasetEntry:
    dataset_id: str
    iri: str
    title: str
    description: str
    periods: tuple[str, ...]
    temporal: tuple[str, str] | None
    triples: int
    modified: str
    frequency: Concept | None
    themes: tuple[Concept, ...]
    hvd_categories: tuple[Concept, ...]
    #: The HVD report's verdict (demoi.dcat.hvd: present or incomplete) and what is wrong.
    hvd_status: str
    hvd_findings: tuple[str, ...]
    licence: Concept
    charging: Concept
    charging_basis: str
    #: The distributions whose terms differ from the dataset's (charging is per distribution).
    distribution_terms: tuple[str, ...]
    personal: str
    anonymisation: str
    conformance: tuple[GraphConformance, ...]
    dumps: tuple[Link, ...]

    @property
    def high_value(self) -> bool:
        return bool(self.hvd_categories)


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    description: str
    query: str
    editor_url: str
    run_url: str


@dataclass(frozen=True)
class AreaSection:
    notation: str
    label: str
    profile: Concept
    reuses: tuple[str, ...]
    datasets: tuple[DatasetEntry, ...]
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class LicenceEntry:
    licence: Concept
    datasets: tuple[str, ...]


@dataclass(frozen=True)
class ExpectedDataset:
    dataset_id: str
    area: str
    title: str
    hvd_categories: tuple[Concept, ...]


@dataclass(frozen=True)
class ContactEntry:
    name: str
    email: str | None
    url: str | None


@dataclass(frozen=True)
class Guide:
    """One municipality's Guide in one language: plain data, for any writer."""

    language: str
    code: str
    municipality: str
    generated: str
    base: str
    catalogue: str
    guide_url: str
    endpoint: str
    editor: str
    modified: str | None
    areas: tuple[AreaSection, ...]
    licences: tuple[LicenceEntry, ...]
    charging_categories: tuple[Concept, ...]
    high_value: tuple[DatasetEntry, ...]
    missing_high_value: tuple[ExpectedDataset, ...]
    contact: ContactEntry
    text: dict[str, str] = field(repr=False, default_factory=dict)

    @property
    def datasets(self) -> tuple[DatasetEntry, ...]:
        return tuple(dataset for area in self.areas for dataset in area.datasets)

    @property
    def empty(self) -> bool:
        return not self.areas

    @property
    def title(self) -> str:
        return f"{self.text['title']}: {self.municipality}"


# --- reading ---------------------------------------------------------------------------------


def guide(
    store: Store, base: str, code: str, language: str, *, now: datetime | None = None
) -> Guide:
    """``code``'s Guide in ``language`` (``el`` or ``en``)."""
    if language not in LANGUAGES:
        raise UsageError(f"unknown language {language!r}: the Guide is in {', '.join(LANGUAGES)}")
    return guides(store, base, code, (language,), now=now)[0]


def guides(
    store: Store,
    base: str,
    code: str,
    languages: Sequence[str] = LANGUAGES,
    *,
    now: datetime | None = None,
) -> list[Guide]:
    """``code``'s Guide in each of ``languages``, from one reading of the store."""
    if code not in municipalities():
        raise UsageError(f"unknown municipality {code!r}: give its ELSTAT code, e.g. 4401")
    catalogues = read_catalogues(store, base, code)
    catalogue = catalogues[0]
    statuses = {status.graph: status for status in graph_statuses(store, base, code)}
    when = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    concepts = _concepts(base, _iris_to_label(catalogue))
    # Without the EU shapes: demoi's own checks of the Regulation's conditions, which need no
    # file from outside the package (docs/hvd.md; `demoi catalog hvd` runs both).
    high_value = {
        status.dataset: status
        for status in municipality_report(catalogue, base).datasets
        if status.status != MISSING
    }
    return [
        _compose(catalogue, statuses, high_value, concepts, base, language, when)
        for language in languages
    ]


def _iris_to_label(catalogue: Catalogue) -> set[str]:
    iris = {v.CHARGING + notation for notation in CHARGING_CATEGORIES}
    iris |= {v.PROFILE + area for area in functional_areas()}
    iris.add(v.DEFAULT_LICENCE)
    for mapping in mappings_by_dataset().values():
        iris |= {v.HVD_CATEGORY + notation for notation in mapping.hvd_categories}
    for dataset in catalogue.datasets:
        iris |= {v.DATA_THEME + notation for notation in dataset.themes}
        iris |= {v.HVD_CATEGORY + notation for notation in dataset.hvd_categories}
        iris |= {dataset.terms.licence, dataset.terms.charging}
        if dataset.frequency:
            iris.add(v.FREQUENCY + dataset.frequency)
    return iris


_LABEL = (v.SKOS + "prefLabel", v.RDFS + "label", v.DCTERMS + "title")
_DEFINITION = v.SKOS + "definition"
_SEE_ALSO = v.RDFS + "seeAlso"


def _concepts(base: str, iris: Iterable[str]) -> dict[str, dict[str, Concept]]:
    """IRI -> language -> the concept's label and definition, read from the standards the
    linked-data pages serve; an IRI they do not describe is labelled with its own text."""
    wanted = sorted(iris)
    found: dict[str, dict[str, dict[str, str]]] = {iri: {} for iri in wanted}
    see_also: dict[str, str] = {}
    values = " ".join(f"<{iri}>" for iri in wanted)
    properties = " ".join(f"<{name}>" for name in (*_LABEL, _DEFINITION, _SEE_ALSO))
    solutions = standards_for(base).store.query(
        f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} VALUES ?p {{ {properties} }} "
        "GRAPH ?g { ?s ?p ?o } }"
    )
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        subject, prop, value = row["s"].value, row["p"].value, row["o"]
        if prop == _SEE_ALSO:
            see_also[subject] = value.value
        elif isinstance(value, ox.Literal):
            language = value.language or ""
            key = "definition" if prop == _DEFINITION else f"label{_LABEL.index(prop)}"
            found[subject].setdefault(language, {}).setdefault(key, value.value)
    return {
        iri: {language: _concept(iri, texts, language, see_also.get(iri)) for language in LANGUAGES}
        for iri, texts in found.items()
    }


def _concept(
    iri: str, texts: dict[str, dict[str, str]], language: str, see_also: str | None
) -> Concept:
    own = texts.get(language) or texts.get("") or {}
    label = next((own[key] for key in ("label0", "label1", "label2") if key in own), None)
    label = _strip_profile_suffix(label) if label else iri.rstrip("/").rsplit("/", 1)[-1]
    return Concept(iri, label, own.get("definition", ""), see_also)


def _strip_profile_suffix(label: str) -> str:
    """A profile is labelled as its shapes file, «… (mandatory rules)»: the Guide names the
    profile as a whole."""
    return re.sub(r"\s*\((υποχρεωτικοί κανόνες|mandatory rules)\)\s*$", "", label)


def _compose(
    catalogue: Catalogue,
    statuses: dict[str, GraphStatus],
    high_value: dict[str, DatasetStatus],
    concepts: dict[str, dict[str, Concept]],
    base: str,
    language: str,
    generated: str,
) -> Guide:
    def concept(iri: str) -> Concept:
        return concepts.get(iri, {}).get(language) or Concept(iri, iri)

    text = TEXT[language]
    areas = []
    for notation, area in functional_areas().items():
        found = [dataset for dataset in catalogue.datasets if dataset.area == notation]
        if not found:
            continue
        entries = tuple(
            _dataset_entry(
                dataset, statuses, high_value.get(dataset.dataset_id), concept, language, text
            )
            for dataset in found
        )
        areas.append(
            AreaSection(
                notation,
                area.label(language),
                concept(v.PROFILE + notation),
                REUSES.get(notation, ()),
                entries,
                _examples(
                    base,
                    catalogue.municipality.code,
                    notation,
                    [graph for dataset in found for graph in dataset.graphs],
                    language,
                ),
            )
        )
    every = [entry for section in areas for entry in section.datasets]
    published = {dataset.dataset_id for dataset in catalogue.datasets}
    contact = catalogue.contact
    return Guide(
        language=language,
        code=catalogue.municipality.code,
        municipality=catalogue.municipality.label(language),
        generated=generated,
        base=base,
        catalogue=catalogue.iri,
        guide_url=v.guide_url(base, catalogue.municipality.code),
        endpoint=v.sparql_url(base),
        editor=f"{base}query?{urlencode({'lang': language})}",
        modified=_day(catalogue.modified) if catalogue.modified else None,
        areas=tuple(areas),
        licences=_licences(every, concept),
        charging_categories=tuple(concept(v.CHARGING + name) for name in CHARGING_CATEGORIES),
        high_value=tuple(entry for entry in every if entry.high_value),
        missing_high_value=tuple(
            ExpectedDataset(
                dataset_id,
                functional_areas()[mapping.area].label(language),
                mapping.title.get(language) or _lead(mapping.description.get(language, dataset_id)),
                tuple(concept(v.HVD_CATEGORY + name) for name in mapping.hvd_categories),
            )
            for dataset_id, mapping in sorted(mappings_by_dataset().items())
            if mapping.hvd_categories and dataset_id not in published
        ),
        contact=ContactEntry(
            contact.name.get(language)
            or contact.name.get("el")
            or catalogue.municipality.label(language),
            contact.email.removeprefix("mailto:") if contact.email else None,
            # Only a web address: the Guide is posted where a javascript: link would run.
            contact.url if contact.url and linkable(contact.url) else None,
        ),
        text=text,
    )


def _lead(description: str) -> str:
    """A mapping's title when its descriptor gives none, as the catalogue model takes it (the
    description up to its colon)."""
    return description.split(":")[0].strip()


def _day(moment: str) -> str:
    return moment[:10]


def _dataset_entry(
    dataset: Dataset,
    statuses: dict[str, GraphStatus],
    high_value: DatasetStatus | None,
    concept: _ConceptOf,
    language: str,
    text: dict[str, str],
) -> DatasetEntry:
    personal = {True: "personal_yes", False: "personal_no", None: "personal_unknown"}
    return DatasetEntry(
        dataset_id=dataset.dataset_id,
        iri=dataset.iri,
        title=dataset.title.get(language) or dataset.title.get("el") or dataset.dataset_id,
        description=dataset.description.get(language) or dataset.description.get("el", ""),
        periods=dataset.periods,
        temporal=dataset.temporal,
        triples=dataset.triples,
        modified=_day(dataset.modified),
        frequency=concept(v.FREQUENCY + dataset.frequency) if dataset.frequency else None,
        themes=tuple(concept(v.DATA_THEME + name) for name in dataset.themes),
        hvd_categories=tuple(concept(v.HVD_CATEGORY + name) for name in dataset.hvd_categories),
        hvd_status=high_value.label(language) if high_value else "",
        hvd_findings=tuple(
            f"{finding.problem[language]} ({text['to_fix']}: {finding.fix[language]})"
            for finding in (high_value.findings if high_value else ())
        ),
        licence=concept(dataset.terms.licence),
        charging=concept(dataset.terms.charging),
        charging_basis=dataset.terms.charging_basis.get(language)
        or dataset.terms.charging_basis.get("el", ""),
        distribution_terms=_distribution_terms(dataset, concept, language, text),
        personal=text[personal[dataset.contains_personal_data]],
        anonymisation=dataset.anonymisation.get(language) or dataset.anonymisation.get("el", ""),
        conformance=tuple(
            _conformance(
                publication.graph, publication.period, publication.modified, statuses, text
            )
            for publication in dataset.publications
        ),
        dumps=tuple(
            Link(distribution.title.get(language, distribution.kind), distribution.access_url)
            for distribution in dataset.distributions
            if distribution.kind != "sparql" and distribution.download_url
        ),
    )


def _distribution_terms(
    dataset: Dataset, concept: _ConceptOf, language: str, text: dict[str, str]
) -> tuple[str, ...]:
    found = []
    for distribution in dataset.distributions:
        terms = distribution.terms
        if terms == dataset.terms:
            continue
        basis = terms.charging_basis.get(language) or terms.charging_basis.get("el")
        stated = f"{concept(terms.licence).label}; {concept(terms.charging).label}"
        if basis:
            stated += f" ({text['charging_basis']}: {basis})"
        found.append(f"{distribution.title.get(language, distribution.kind)}: {stated}")
    return tuple(found)


def _conformance(
    graph: str,
    period: str | None,
    modified: str,
    statuses: dict[str, GraphStatus],
    text: dict[str, str],
) -> GraphConformance:
    status = statuses.get(graph)
    if status is None or status.checked is None:
        return GraphConformance(graph, period, "not-checked", text["not_checked"])
    checked = status.checked.astimezone(UTC).strftime("%Y-%m-%d")
    published = datetime.fromisoformat(modified.replace("Z", "+00:00"))
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    # As the inventory counts it: a report older than the graph's last publication is about
    # data that is no longer there.
    if status.checked < published:
        return GraphConformance(graph, period, "stale", text["stale"].format(checked=checked))
    warnings = (
        "; " + text["warnings"].format(warnings=grouped_number(status.warnings))
        if status.warnings
        else ""
    )
    if status.conforms and not status.violations:
        return GraphConformance(
            graph, period, "conforms", text["conforms"].format(checked=checked) + warnings
        )
    message = text["violations"].format(
        violations=grouped_number(status.violations), checked=checked
    )
    return GraphConformance(graph, period, "violations", message + warnings)


def _licences(entries: Sequence[DatasetEntry], concept: _ConceptOf) -> tuple[LicenceEntry, ...]:
    by_licence: dict[str, list[str]] = {}
    for entry in entries:
        by_licence.setdefault(entry.licence.iri, []).append(entry.title)
    if not by_licence:  # nothing published yet: the default applies to what will be
        by_licence[v.DEFAULT_LICENCE] = []
    return tuple(
        LicenceEntry(concept(iri), tuple(titles)) for iri, titles in sorted(by_licence.items())
    )


# --- example queries -------------------------------------------------------------------------

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_MUNICIPALITY_VARIABLE = re.compile(r"\?municipality\b")


def municipal_query(example: ExampleQuery, code: str, graphs: Sequence[str]) -> str:
    """The example narrowed to the municipality: where it names the municipality of each row
    in ``?municipality`` (as the code-list IRI), bound to ``code``; otherwise read from
    ``graphs``, the municipality's graphs of the example's area. Without its header (the Guide
    shows the title and description beside it)."""
    lines = example.text.splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    text = "\n".join(lines) + "\n"
    where = _WHERE.search(text)
    if where is None:
        return text
    if _MUNICIPALITY_VARIABLE.search(text[where.end() :]):
        values = f"\n  VALUES ?municipality {{ <{MUNICIPALITY_CODES}{code}> }}"
        return text[: where.end()] + values + text[where.end() :]
    if not graphs or re.search(r"\bFROM\b", text[: where.start()], re.IGNORECASE):
        return text
    dataset = "".join(f"FROM <{graph}>\n" for graph in graphs)
    return text[: where.start()] + dataset + text[where.start() :]


def _examples(
    base: str, code: str, area: str, graphs: Sequence[str], language: str
) -> tuple[Example, ...]:
    found = []
    for example in examples_by_area().get(area, [])[:EXAMPLES_PER_AREA]:
        query = municipal_query(example, code, graphs)
        found.append(
            Example(
                example.name,
                example.title(language),
                example.description(language),
                query,
                f"{base}query?{urlencode({'query': query, 'lang': language})}",
                f"{base}sparql?{urlencode({'query': query})}",
            )
        )
    return tuple(found)


# --- writing ---------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    """Text as Markdown shows it literally: titles hold ``*``, ``|`` or ``_`` at times."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


#: What ends a link's address in HTML or Markdown, or is not allowed in one (RFC 3987).
_NOT_IN_ADDRESS = re.compile(r'[\s<>"\\`{}|^\x00-\x1f\x7f]')
#: An e-mail address as a mailto: link may hold it: one @, none of what would start a header or
#: a second address (?, &, comma, semicolon) or end the link.
_EMAIL = re.compile(r"[^@\s<>()\[\]\\,;:?&\"]+@[^@\s<>()\[\]\\,;:?&\"]+")


def linkable(url: str | None) -> bool:
    """Whether a value may be written as a link: an http(s) address with a host, or mailto:
    and one e-mail address. Values come from the store, which anyone who can lift writes, and
    the Guide is posted on sites without a Content-Security-Policy, where a ``javascript:``
    (or ``data:``) link would run; escaping does not make such a link harmless. A rule of our
    own on top of the standard library's urlsplit: no library says which schemes are safe."""
    if not url or _NOT_IN_ADDRESS.search(url):
        return False
    if url.startswith("mailto:"):
        return bool(_EMAIL.fullmatch(url.removeprefix("mailto:")))
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _md_link(label: str, url: str) -> str:
    """A Markdown link, or the label as text when ``url`` is not one to follow."""
    return f"[{_md(label)}](<{url}>)" if linkable(url) else _md(label)


def _md_address(url: str) -> str:
    """An address shown as itself: an autolink, or text when it is not one to follow."""
    return f"<{url}>" if linkable(url) else _md(url)


def as_markdown(guide: Guide, *more: Guide) -> str:
    """The Guide (and each of ``more`` after it, e.g. the English after the Greek) as one
    Markdown document."""
    return "\n\n---\n\n".join(_markdown(one) for one in (guide, *more)) + "\n"


def _markdown(guide: Guide) -> str:
    t = guide.text
    lines = [
        f"# {_md(guide.title)}",
        "",
        _md(t["intro"]),
        "",
        f"{t['generated']}: {guide.generated}, {t['generated_by']}.",
        "",
        f"## {t['municipality_section']}",
        "",
        f"- {t['municipality']}: {_md(guide.municipality)}",
        f"- {t['code']}: {guide.code}",
        f"- {t['catalogue']}: {_md_link(guide.catalogue, guide.catalogue)}",
        f"- {t['datasets_count']}: {len(guide.datasets)}",
        f"- {t['areas_count']}: {len(guide.areas)}",
        f"- {t['last_update']}: {guide.modified or t['none']}",
        f"- {t['guide_url']}: {_md_link(guide.guide_url, guide.guide_url)}",
        "",
    ]
    if guide.empty:
        lines += [_md(t["nothing"]), ""]
    lines += [
        f"## {t['access_section']}",
        "",
        _md(t["access_intro"]),
        "",
        f"- {t['endpoint']}: {_md_link(guide.endpoint, guide.endpoint)} ({t['endpoint_help']})",
        f"- {t['editor']}: {_md_link(guide.editor, guide.editor)} ({t['editor_help']})",
        f"- {t['dumps']}: {t['dumps_help']}",
        "",
    ]
    for area in guide.areas:
        lines += _markdown_area(guide, area)
    lines += _markdown_terms(guide)
    lines += _markdown_hvd(guide)
    contact = guide.contact
    lines += [f"## {t['contact_section']}", "", f"- {t['contact_name']}: {_md(contact.name)}"]
    if contact.email:
        lines.append(f"- {t['email']}: {_md_link(contact.email, 'mailto:' + contact.email)}")
    if contact.url:
        lines.append(f"- {t['web']}: {_md_link(contact.url, contact.url)}")
    return "\n".join(lines)


def _markdown_area(guide: Guide, area: AreaSection) -> list[str]:
    t = guide.text
    lines = [
        f"## {_md(area.label)}",
        "",
        f"- {t['profile']}: {_md_link(area.profile.label, area.profile.iri)}",
        f"- {t['reuses']}: {_md(', '.join(area.reuses))}",
        "",
    ]
    for dataset in area.datasets:
        lines += _markdown_dataset(guide, dataset)
    if area.examples:
        lines += [f"### {t['examples']}", ""]
        for example in area.examples:
            lines += [
                f"**{_md(example.title)}**: {_md(example.description)} "
                f"({_md_link(t['open_editor'], example.editor_url)} · "
                f"{_md_link(t['run'], example.run_url)})",
                "",
                "```sparql",
                example.query.rstrip(),
                "```",
                "",
            ]
    return lines


def _markdown_dataset(guide: Guide, dataset: DatasetEntry) -> list[str]:
    t = guide.text
    rows = [
        (t["dataset_id"], f"`{dataset.dataset_id}`"),
        (t["iri"], _md_address(dataset.iri)),
        (t["description"], _md(dataset.description)),
    ]
    if dataset.periods:
        rows.append((t["periods"], ", ".join(dataset.periods)))
    if dataset.temporal:
        rows.append((t["temporal"], f"{dataset.temporal[0]} – {dataset.temporal[1]}"))
    rows += [
        (t["size"], f"{grouped_number(dataset.triples)} {t['triples']}"),
        (t["modified"], dataset.modified),
    ]
    if dataset.frequency:
        rows.append((t["frequency"], _md(dataset.frequency.label)))
    rows += [
        (t["themes"], _md(", ".join(theme.label for theme in dataset.themes)) or t["none"]),
        (t["hvd"], _hvd_text(dataset, t, markdown=True)),
        (t["licence"], _md_link(dataset.licence.label, dataset.licence.iri)),
        (t["charging"], _md(dataset.charging.label)),
    ]
    if dataset.charging_basis:
        rows.append((t["charging_basis"], _md(dataset.charging_basis)))
    rows += [(t["distribution_terms"], _md(stated)) for stated in dataset.distribution_terms]
    rows.append((t["personal"], _md(f"{dataset.personal}. {dataset.anonymisation}".strip())))
    lines = [f"### {_md(dataset.title)}", ""]
    lines += [f"- {name}: {value}" for name, value in rows]
    lines += ["", f"{t['downloads']}:", ""]
    lines += [f"- {_md_link(link.label, link.url)}" for link in dataset.dumps]
    lines += ["", f"{t['conformance']}:", ""]
    lines += [
        f"- {_md_link(graph.graph, graph.graph)}: {_md(graph.text)}"
        for graph in dataset.conformance
    ]
    return [*lines, ""]


def _hvd_text(dataset: DatasetEntry, t: dict[str, str], *, markdown: bool) -> str:
    if not dataset.high_value:
        return t["hvd_no"]
    labels = ", ".join(category.label for category in dataset.hvd_categories)
    status = f"; {t['hvd_status']}: {dataset.hvd_status}" if dataset.hvd_status else ""
    return f"{t['hvd_yes']} ({_md(labels) if markdown else labels}){status}"


def _markdown_terms(guide: Guide) -> list[str]:
    t = guide.text
    lines = [
        f"## {t['terms_section']}",
        "",
        _md(t["terms_intro"]),
        "",
        f"### {t['licences_used']}",
        "",
    ]
    for entry in guide.licences:
        licence = entry.licence
        lines.append(
            f"- **{_md(licence.label)}** ({_md_address(licence.iri)}): {_md(licence.definition)}"
        )
        if licence.see_also:
            lines.append(f"  {t['legal_text']}: {_md_address(licence.see_also)}")
        if entry.datasets:
            lines.append(f"  {t['used_by']}: {_md(', '.join(entry.datasets))}")
    lines += ["", f"### {t['charging_categories']}", ""]
    lines += [
        f"- **{_md(category.label)}**: {_md(category.definition)}"
        for category in guide.charging_categories
    ]
    return [*lines, ""]


def _markdown_hvd(guide: Guide) -> list[str]:
    t = guide.text
    lines = [f"## {t['hvd_section']}", "", _md(t["hvd_intro"]), "", f"### {t['hvd_published']}", ""]
    for dataset in guide.high_value:
        lines.append(
            f"- {_md(dataset.title)} (`{dataset.dataset_id}`): "
            f"{_md(', '.join(category.label for category in dataset.hvd_categories))}; "
            f"{t['hvd_status']}: {dataset.hvd_status or t['none']}"
        )
        lines += [f"  - {_md(finding)}" for finding in dataset.hvd_findings]
    if not guide.high_value:
        lines.append(t["hvd_none_published"])
    lines += ["", f"### {t['hvd_missing']}", "", _md(t["hvd_missing_help"]), ""]
    lines += [
        f"- {_md(expected.title)} (`{expected.dataset_id}`, {_md(expected.area)}): "
        f"{_md(', '.join(category.label for category in expected.hvd_categories))}"
        for expected in guide.missing_high_value
    ] or [t["hvd_none_missing"]]
    return [*lines, ""]


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("demoi.server", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.tests["linkable"] = linkable
    return environment


def as_html(guide: Guide, *more: Guide, navigation: Sequence[Link] = ()) -> str:
    """The Guide (and each of ``more`` after it) as one standalone HTML document, its CSS
    inline; ``navigation`` is the server's links, shown on screen only."""
    guides_in_order = (guide, *more)
    return (
        _environment()
        .get_template("guide_document.html")
        .render(
            guides=guides_in_order,
            lang=guide.language,
            title=" / ".join(one.title for one in guides_in_order),
            navigation=navigation,
            number=grouped_number,
            hvd_text=lambda dataset, t: _hvd_text(dataset, t, markdown=False),
        )
    )

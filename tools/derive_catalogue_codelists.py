"""Derive demoi's copies of three EU code lists used by the catalogue area.

Usage (from the repository root)::

    python tools/derive_catalogue_codelists.py [--data DIR] [--out DIR] [--check]

``--data`` defaults to ``../shared/data/external`` (``shared/`` beside the repository) and
``--out`` to ``ontologies/codelists``. With ``--check`` nothing is written: the script exits 1
and names every file that differs from what it would write.

It writes three SKOS files that keep the EU IRIs (demoi does not mint its own for lists the EU
publishes) and add what demoi needs: Greek and English labels and definitions for every concept.

* ``hvd-categories.ttl`` from ``eu-hvd-categories/hvd_scheme.ttl``: the 96 high-value dataset
  categories of Implementing Regulation (EU) 2023/138 (``http://data.europa.eu/bna/...``), the
  values of ``dcatap:hvdCategory``. Labels in Greek and English come from the source. The source
  gives the same English definition to every category of one section of the Regulation's Annex;
  the Greek definition is its translation, and the one category without a definition gets the
  section of its top category (checked to hold for every category that has one).
* ``data-themes.ttl`` from ``eu-vocabularies/data-theme-skos-ap-act.ttl``: the 13 data themes the
  source marks for use in DCAT-AP (the values of ``dcat:theme``). Labels in both languages come
  from the source; the Greek definitions are translations kept in ``THEMES`` below, each next to
  the English text it translates, which is checked against the source.
* ``file-types.ttl`` from ``eu-vocabularies/filetypes-skos-ap-act.ttl``: the file types that Greek
  municipal data is published in (``FILE_TYPES`` below), a selection of the 127 in the source,
  whose English labels are checked against the source. The source has Greek labels for none of
  them and definitions for few, so both definitions are written here.

Checks: every concept has exactly one label per language, no two concepts of a list share a label
in a language, and no word mixes Greek and Latin letters (the source has one such word, corrected
in ``SOURCE_CORRECTIONS`` and listed in the output header). Standard library and rdflib only.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from generated_files import write_or_check
from rdflib.namespace import DC, RDF, SKOS

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "external"
DEFAULT_OUT = REPO / "ontologies" / "codelists"
COMMAND = "python tools/derive_catalogue_codelists.py"

EUVOC = rdflib.Namespace("http://publications.europa.eu/ontology/euvoc#")
LEMON_CONTEXT = rdflib.URIRef("http://lemon-model.net/lemon#context")
DCAT_AP_CONTEXT = rdflib.URIRef(
    "http://publications.europa.eu/resource/authority/use-context/DCAT_AP"
)
AUTHORITY_CODE = rdflib.URIRef("http://publications.europa.eu/ontology/authority/authority-code")

HVD_SCHEME = "http://data.europa.eu/bna/asd487ae75"
THEME_SCHEME = "http://publications.europa.eu/resource/authority/data-theme"
FILE_TYPE_SCHEME = "http://publications.europa.eu/resource/authority/file-type"

# Words of the source labels that mix Greek and Latin letters, with the correct spelling.
SOURCE_CORRECTIONS = {
    "Δικαιoσύνη": "Δικαιοσύνη",  # Latin 'o' (U+006F) in place of Greek 'ο' (U+03BF): JUST
}

HVD_DEFINITION_EN = (
    "data sets as described in Commission Implementing Regulation (EU) 2023/138 of 21 December "
    "2022 laying down a list of specific high-value datasets and the arrangements for their "
    "publication and re-use, Annex, Section {section}"
)
HVD_DEFINITION_EL = (
    "Σύνολα δεδομένων όπως περιγράφονται στον εκτελεστικό κανονισμό (ΕΕ) 2023/138 της Επιτροπής, "
    "της 21ης Δεκεμβρίου 2022, για τον καθορισμό καταλόγου συγκεκριμένων συνόλων δεδομένων "
    "υψηλής αξίας και των ρυθμίσεων για τη δημοσίευση και την περαιτέρω χρήση τους, παράρτημα, "
    "ενότητα {section}."
)

# The Greek definition of each DCAT-AP data theme, next to the English source text it translates.
THEMES: dict[str, tuple[str, str]] = {
    "AGRI": (
        "This concept identifies datasets covering such domains as agriculture, fisheries, "
        "forestry or food.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τομείς όπως η γεωργία, η "
        "αλιεία, η δασοκομία ή τα τρόφιμα.",
    ),
    "ECON": (
        "This concept identifies datasets covering such domains as economy or finance.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τομείς όπως η οικονομία ή τα "
        "δημοσιονομικά και χρηματοοικονομικά θέματα.",
    ),
    "EDUC": (
        "This concept identifies datasets covering such domains as education, culture or sport.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τομείς όπως η παιδεία, ο "
        "πολιτισμός ή ο αθλητισμός.",
    ),
    "ENER": (
        "This concept identifies datasets covering the domain of energy.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τον τομέα της ενέργειας.",
    ),
    "ENVI": (
        "This concept identifies datasets covering the domain of environment.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τον τομέα του περιβάλλοντος.",
    ),
    "GOVE": (
        "This concept identifies datasets covering such domains as government or public sector.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τομείς όπως η διακυβέρνηση ή ο "
        "δημόσιος τομέας.",
    ),
    "HEAL": (
        "This concept identifies datasets covering the domain of health.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τον τομέα της υγείας.",
    ),
    "INTR": (
        "This concept identifies datasets covering the domain of international issues.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τον τομέα των διεθνών θεμάτων.",
    ),
    "JUST": (
        "This concept identifies datasets covering such domains as justice, legal system or "
        "public safety.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τομείς όπως η δικαιοσύνη, το "
        "νομικό σύστημα ή η δημόσια ασφάλεια.",
    ),
    "REGI": (
        "This concept identifies datasets covering such domains as regions or cities.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τομείς όπως οι περιφέρειες ή "
        "οι πόλεις.",
    ),
    "SOCI": (
        "This concept identifies datasets covering such domains as population or society.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τομείς όπως ο πληθυσμός ή η "
        "κοινωνία.",
    ),
    "TECH": (
        "This concept identifies datasets covering such domains as science or technology.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τομείς όπως η επιστήμη ή η "
        "τεχνολογία.",
    ),
    "TRAN": (
        "This concept identifies datasets covering the domain of transport.",
        "Η έννοια αυτή προσδιορίζει σύνολα δεδομένων που καλύπτουν τον τομέα των μεταφορών.",
    ),
}


@dataclass(frozen=True)
class FileType:
    """A file type of the selection: its English source label, and what demoi writes for it."""

    code: str
    label_en: str  # checked against the source
    label_el: str
    definition_en: str
    definition_el: str
    note_en: str | None = None
    note_el: str | None = None


FILE_TYPES = [
    FileType(
        "CSV",
        "CSV",
        "CSV",
        "Comma-separated values: a table in plain text, one record per line, with the fields "
        "separated by a delimiter (RFC 4180).",
        "Τιμές χωρισμένες με κόμμα: πίνακας σε απλό κείμενο, με μία εγγραφή ανά γραμμή και τα "
        "πεδία χωρισμένα με διαχωριστικό (RFC 4180).",
        "Exports of Greek municipal accounting systems are often encoded in Windows-1253 or "
        "ISO-8859-7 and use a semicolon as delimiter; state the encoding in the description of "
        "the distribution, or publish UTF-8.",
        "Οι εξαγωγές των δημοτικών λογιστικών συστημάτων είναι συχνά σε κωδικοποίηση Windows-1253 "
        "ή ISO-8859-7 με ερωτηματικό ως διαχωριστικό· δηλώστε την κωδικοποίηση στην περιγραφή της "
        "διανομής ή δημοσιεύστε σε UTF-8.",
    ),
    FileType(
        "TSV",
        "TSV",
        "TSV",
        "Tab-separated values: a table in plain text, one record per line, with the fields "
        "separated by tab characters.",
        "Τιμές χωρισμένες με στηλοθέτη: πίνακας σε απλό κείμενο, με μία εγγραφή ανά γραμμή και τα "
        "πεδία χωρισμένα με τον χαρακτήρα στηλοθέτη (tab).",
    ),
    FileType(
        "XLS",
        "Excel XLS",
        "Υπολογιστικό φύλλο Excel (XLS)",
        "The binary spreadsheet format of Microsoft Excel 97-2003.",
        "Η δυαδική μορφή υπολογιστικών φύλλων του Microsoft Excel 97-2003.",
    ),
    FileType(
        "XLSX",
        "Excel XLSX",
        "Υπολογιστικό φύλλο Excel (XLSX)",
        "The Office Open XML spreadsheet format of Microsoft Excel (ISO/IEC 29500).",
        "Η μορφή υπολογιστικών φύλλων Office Open XML του Microsoft Excel (ISO/IEC 29500).",
    ),
    FileType(
        "ODS",
        "ODS",
        "Υπολογιστικό φύλλο OpenDocument (ODS)",
        "The OpenDocument spreadsheet format (ISO/IEC 26300), an open alternative to XLSX.",
        "Η μορφή υπολογιστικών φύλλων OpenDocument (ISO/IEC 26300), ανοικτή εναλλακτική του XLSX.",
    ),
    FileType(
        "JSON",
        "JSON",
        "JSON",
        "JavaScript Object Notation: a text format for structured data made of objects, arrays "
        "and values (RFC 8259).",
        "JavaScript Object Notation: μορφή κειμένου για δομημένα δεδομένα από αντικείμενα, "
        "πίνακες και τιμές (RFC 8259).",
    ),
    FileType(
        "GEOJSON",
        "GeoJSON",
        "GeoJSON",
        "A JSON format for geographic features with their geometries and properties, in WGS 84 "
        "coordinates (RFC 7946).",
        "Μορφή JSON για γεωγραφικά στοιχεία με τη γεωμετρία και τις ιδιότητές τους, σε "
        "συντεταγμένες WGS 84 (RFC 7946).",
        "Data kept in the Greek Geodetic Reference System (EGSA87, EPSG:2100) are transformed to "
        "WGS 84 before they are published as GeoJSON.",
        "Δεδομένα που τηρούνται στο ΕΓΣΑ 87 (EPSG:2100) μετασχηματίζονται σε WGS 84 πριν "
        "δημοσιευτούν ως GeoJSON.",
    ),
    FileType(
        "XML",
        "XML",
        "XML",
        "Extensible Markup Language: a text format for tree-structured data (W3C).",
        "Extensible Markup Language: μορφή κειμένου για δεδομένα σε δενδρική δομή (W3C).",
    ),
    FileType(
        "PDF",
        "PDF",
        "PDF",
        "Portable Document Format (ISO 32000): documents laid out for reading or printing, not "
        "for machine processing of the data they show.",
        "Portable Document Format (ISO 32000): έγγραφα σελιδοποιημένα για ανάγνωση ή εκτύπωση, "
        "όχι για μηχανική επεξεργασία των δεδομένων που παρουσιάζουν.",
        "A table published only as PDF is not machine-readable; publish it also as CSV, XLSX or "
        "ODS.",
        "Πίνακας που δημοσιεύεται μόνο ως PDF δεν είναι μηχαναγνώσιμος· δημοσιεύστε τον και ως "
        "CSV, XLSX ή ODS.",
    ),
    FileType(
        "HTML",
        "HTML",
        "HTML",
        "HyperText Markup Language: the format of web pages.",
        "HyperText Markup Language: η μορφή των ιστοσελίδων.",
    ),
    FileType(
        "RDF_TURTLE",
        "RDF Turtle",
        "RDF Turtle",
        "Terse RDF Triple Language: a compact text syntax for RDF graphs (W3C).",
        "Terse RDF Triple Language: συμπαγής σύνταξη κειμένου για γράφους RDF (W3C).",
    ),
    FileType(
        "RDF_XML",
        "RDF XML",
        "RDF/XML",
        "The XML syntax for RDF graphs (W3C).",
        "Η σύνταξη XML για γράφους RDF (W3C).",
    ),
    FileType(
        "JSON_LD",
        "JSON-LD",
        "JSON-LD",
        "A JSON-based syntax for linked data (W3C).",
        "Σύνταξη βασισμένη στο JSON για διασυνδεδεμένα δεδομένα (W3C).",
    ),
    FileType(
        "RDF_N_TRIPLES",
        "RDF N-Triples",
        "RDF N-Triples",
        "A line-based plain-text syntax for RDF graphs, one triple per line (W3C).",
        "Σύνταξη απλού κειμένου για γράφους RDF, με μία τριάδα ανά γραμμή (W3C).",
    ),
    FileType(
        "SPARQLQ",
        "SPARQL",
        "Ερώτημα SPARQL",
        "Access to the data through SPARQL 1.1 queries (W3C) sent to a SPARQL endpoint: the "
        "format of a distribution served by a SPARQL service (media type "
        "application/sparql-query).",
        "Πρόσβαση στα δεδομένα με ερωτήματα SPARQL 1.1 (W3C) προς ένα σημείο πρόσβασης SPARQL: η "
        "μορφή μιας διανομής που διατίθεται από υπηρεσία SPARQL (τύπος μέσου "
        "application/sparql-query).",
    ),
    FileType(
        "SPARQLQRES",
        "SPARQL results",
        "Αποτελέσματα SPARQL",
        "The results of a SPARQL 1.1 query (W3C), as XML or JSON (media types "
        "application/sparql-results+xml and application/sparql-results+json).",
        "Τα αποτελέσματα ενός ερωτήματος SPARQL 1.1 (W3C), σε XML ή JSON (τύποι μέσων "
        "application/sparql-results+xml και application/sparql-results+json).",
    ),
    FileType(
        "SHP",
        "Esri Shape",
        "Shapefile της Esri",
        "The Esri shapefile vector format, published as a zip archive that holds at least the "
        ".shp, .shx and .dbf files.",
        "Η διανυσματική μορφή shapefile της Esri, που δημοσιεύεται ως αρχείο zip με τουλάχιστον "
        "τα αρχεία .shp, .shx και .dbf.",
        "Include the .prj file, so that the coordinate reference system (often EGSA87, "
        "EPSG:2100) is known.",
        "Συμπεριλάβετε το αρχείο .prj, ώστε να είναι γνωστό το σύστημα αναφοράς (συχνά ΕΓΣΑ 87, "
        "EPSG:2100).",
    ),
    FileType(
        "KML",
        "KML",
        "KML",
        "Keyhole Markup Language: an XML format for geographic features and their display (OGC).",
        "Keyhole Markup Language: μορφή XML για γεωγραφικά στοιχεία και την απεικόνισή τους (OGC).",
    ),
    FileType(
        "KMZ",
        "KMZ",
        "KMZ",
        "A zip archive that holds a KML file and the files it refers to.",
        "Αρχείο zip που περιέχει ένα αρχείο KML και τα αρχεία στα οποία αυτό παραπέμπει.",
    ),
    FileType(
        "GML",
        "GML",
        "GML",
        "Geography Markup Language: the XML format of OGC and INSPIRE for geographic features "
        "(ISO 19136).",
        "Geography Markup Language: η μορφή XML του OGC και της οδηγίας INSPIRE για γεωγραφικά "
        "στοιχεία (ISO 19136).",
    ),
    FileType(
        "ZIP",
        "ZIP",
        "ZIP",
        "A compressed archive that holds one or more files.",
        "Συμπιεσμένο αρχείο που περιέχει ένα ή περισσότερα αρχεία.",
    ),
    FileType(
        "DOCX",
        "Word DOCX",
        "Έγγραφο Word (DOCX)",
        "The Office Open XML word-processing format of Microsoft Word (ISO/IEC 29500).",
        "Η μορφή εγγράφων κειμένου Office Open XML του Microsoft Word (ISO/IEC 29500).",
    ),
    FileType(
        "ODT",
        "ODT",
        "Έγγραφο κειμένου OpenDocument (ODT)",
        "The OpenDocument text-document format (ISO/IEC 26300).",
        "Η μορφή εγγράφων κειμένου OpenDocument (ISO/IEC 26300).",
    ),
    FileType(
        "TXT",
        "Plain text",
        "Απλό κείμενο",
        "Text without markup or formatting.",
        "Κείμενο χωρίς σήμανση ή μορφοποίηση.",
    ),
]


class DerivationError(Exception):
    """A check on the source data failed."""


@dataclass
class Concept:
    iri: str
    notation: str
    label_el: str
    label_en: str
    definition_el: str
    definition_en: str
    broader: str | None = None
    top: bool = False
    note_el: str | None = None
    note_en: str | None = None
    comment: str | None = None


@dataclass
class CodeList:
    file: str
    header: list[str]
    scheme: str
    scheme_labels: tuple[str, str]  # el, en
    scheme_definitions: tuple[str, str]
    source: str
    concepts: list[Concept]
    extra_types: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
LATIN = re.compile(r"[A-Za-z]")


def corrected(text: str, code: str, corrections_used: set[str]) -> str:
    for wrong, right in SOURCE_CORRECTIONS.items():
        if wrong in text:
            text = text.replace(wrong, right)
            corrections_used.add(f"{code} («{right}»)")
    return " ".join(text.split())


def check_script(text: str, where: str) -> None:
    for word in re.split(r"[\s,.;:()/\-–—]+", text):
        if GREEK.search(word) and LATIN.search(word):
            raise DerivationError(f"{where}: the word {word!r} mixes Greek and Latin letters")


def one_label(graph: rdflib.Graph, concept: rdflib.URIRef, language: str) -> str:
    labels = [
        str(label)
        for label in graph.objects(concept, SKOS.prefLabel)
        if isinstance(label, rdflib.Literal) and label.language == language
    ]
    if len(labels) != 1:
        raise DerivationError(f"{concept}: {len(labels)} skos:prefLabel in {language!r}, not 1")
    return labels[0]


def english_label(graph: rdflib.Graph, scheme: rdflib.URIRef) -> str:
    """The scheme's label without a language tag or in English (the HVD scheme has no tag)."""
    labels = [
        str(label)
        for label in graph.objects(scheme, SKOS.prefLabel)
        if isinstance(label, rdflib.Literal) and label.language in (None, "en")
    ]
    if len(labels) != 1:
        raise DerivationError(f"{scheme}: {len(labels)} English labels, not 1")
    return labels[0]


def check_unique_labels(code_list: CodeList) -> None:
    for language in ("el", "en"):
        seen: dict[str, str] = {}
        for concept in code_list.concepts:
            label = concept.label_el if language == "el" else concept.label_en
            if label in seen:
                raise DerivationError(
                    f"{code_list.file}: {seen[label]} and {concept.iri} share the {language} "
                    f"label {label!r}"
                )
            seen[label] = concept.iri


def literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def local(iri: str) -> str:
    return iri.rsplit("/", 1)[1]


# ---------------------------------------------------------------------------------------------
# The three lists
# ---------------------------------------------------------------------------------------------


def hvd_categories(data: Path) -> CodeList:
    source = data / "eu-hvd-categories" / "hvd_scheme.ttl"
    graph = rdflib.Graph().parse(source, format="turtle")
    scheme = rdflib.URIRef(HVD_SCHEME)
    if (scheme, RDF.type, SKOS.ConceptScheme) not in graph:
        raise DerivationError(f"{source}: no concept scheme {HVD_SCHEME}")
    section_of = re.compile(re.escape(HVD_DEFINITION_EN).replace(r"\{section\}", r"([1-6])"))
    concepts: list[tuple[str, Concept]] = []
    filled: list[str] = []
    for iri in graph.subjects(SKOS.inScheme, scheme):
        assert isinstance(iri, rdflib.URIRef)
        notation = str(graph.value(iri, DC.identifier))
        if notation != local(str(iri)):
            raise DerivationError(f"{iri}: dc:identifier {notation!r} is not the IRI's last part")
        order = str(graph.value(iri, EUVOC.order))
        top_section = int(order[:2])
        definitions = [str(d) for d in graph.objects(iri, SKOS.definition)]
        if definitions:
            match = section_of.fullmatch(" ".join(definitions[0].split()))
            if not match or len(definitions) != 1:
                raise DerivationError(f"{iri}: unexpected definition {definitions!r}")
            if int(match.group(1)) != top_section:
                raise DerivationError(f"{iri}: section {match.group(1)} but order {order}")
        else:
            filled.append(notation)
        broader = graph.value(iri, SKOS.broader)
        top = (iri, SKOS.topConceptOf, scheme) in graph
        if top == (broader is not None):
            raise DerivationError(f"{iri}: a concept is either a top concept or has a broader one")
        label_en = " ".join(one_label(graph, iri, "en").split())
        label_el = " ".join(one_label(graph, iri, "el").split())
        check_script(label_el, str(iri))
        definition_en = HVD_DEFINITION_EN.format(section=top_section)
        concept = Concept(
            iri=str(iri),
            notation=notation,
            label_el=label_el,
            label_en=label_en,
            definition_el=HVD_DEFINITION_EL.format(section=top_section),
            definition_en=definition_en[0].upper() + definition_en[1:] + ".",
            broader=str(broader) if broader is not None else None,
            top=top,
            comment=(
                "the source has no definition: it is the one of the category's section"
                if not definitions
                else None
            ),
        )
        concepts.append((order, concept))
    if len(concepts) != 96:
        raise DerivationError(f"{source}: {len(concepts)} categories, expected 96")
    header = [
        "demoi copy of the EU high-value dataset (HVD) categories: the values of",
        "dcatap:hvdCategory, from the Annex of Commission Implementing Regulation (EU) 2023/138.",
        "The IRIs are the EU's (http://data.europa.eu/bna/...); notation = the concept's id.",
        "Source (facts derived, file not copied): EU Vocabularies, HVD category scheme",
        "asd487ae75 version 2.1, crawled by github.com/berlinonline/hvd_categories @5587eb6",
        "(MIT; the vocabulary: EU Publications Office, CC BY 4.0).",
        "Labels: Greek and English from the source. Definitions: the source's English one,",
        "capitalised and ended with a full stop, and its Greek translation.",
        "Categories without a definition in the source, given the one of their section:",
        "  " + (" ".join(sorted(filled)) or "(none)"),
        "Concepts in the order of the Regulation's Annex (euvoc:order).",
    ]
    return CodeList(
        file="hvd-categories.ttl",
        header=header,
        scheme=HVD_SCHEME,
        scheme_labels=("Κατηγορίες συνόλων δεδομένων υψηλής αξίας", english_label(graph, scheme)),
        scheme_definitions=(
            "Οι θεματικές κατηγορίες και υποκατηγορίες συνόλων δεδομένων υψηλής αξίας του "
            "παραρτήματος του εκτελεστικού κανονισμού (ΕΕ) 2023/138, όπως τις δημοσιεύει η "
            "Υπηρεσία Εκδόσεων της ΕΕ. Ένα σύνολο δεδομένων υψηλής αξίας δηλώνει την κατηγορία "
            "του με το dcatap:hvdCategory.",
            "The thematic categories and sub-categories of high-value datasets of the Annex of "
            "Commission Implementing Regulation (EU) 2023/138, as published by the Publications "
            "Office of the EU. A high-value dataset states its category with dcatap:hvdCategory.",
        ),
        source="EU Vocabularies, high-value dataset categories (http://data.europa.eu/bna/asd487ae75)",
        concepts=[concept for _, concept in sorted(concepts, key=lambda item: item[0])],
    )


def data_themes(data: Path) -> CodeList:
    source = data / "eu-vocabularies" / "data-theme-skos-ap-act.ttl"
    graph = rdflib.Graph().parse(source, format="turtle")
    scheme = rdflib.URIRef(THEME_SCHEME)
    corrections: set[str] = set()
    concepts = []
    left_out = []
    for iri in sorted(graph.subjects(SKOS.inScheme, scheme)):
        assert isinstance(iri, rdflib.URIRef)
        code = str(graph.value(iri, AUTHORITY_CODE) or graph.value(iri, DC.identifier))
        if code != local(str(iri)):
            raise DerivationError(f"{iri}: code {code!r} is not the IRI's last part")
        if (iri, LEMON_CONTEXT, DCAT_AP_CONTEXT) not in graph:
            left_out.append(code)
            continue
        if code not in THEMES:
            raise DerivationError(f"{iri}: a DCAT-AP data theme without a Greek definition here")
        english, greek = THEMES[code]
        definition = " ".join(str(graph.value(iri, SKOS.definition)).split())
        if definition != english:
            raise DerivationError(f"{iri}: the source definition changed: {definition!r}")
        label_el = corrected(one_label(graph, iri, "el"), code, corrections)
        check_script(label_el, str(iri))
        concepts.append(
            Concept(
                iri=str(iri),
                notation=code,
                label_el=label_el,
                label_en=" ".join(one_label(graph, iri, "en").split()),
                definition_el=greek,
                definition_en=english,
                top=True,
            )
        )
    missing = set(THEMES) - {concept.notation for concept in concepts}
    if missing:
        raise DerivationError(f"{source}: no DCAT-AP theme {sorted(missing)}")
    header = [
        "demoi copy of the EU data themes: the values of dcat:theme in DCAT-AP.",
        "The IRIs are the EU's (http://publications.europa.eu/resource/authority/data-theme/...);",
        "notation = the EU authority code.",
        "Source (facts derived, file not copied): EU Vocabularies, data-theme authority table",
        "version 20161225-1, as kept by github.com/berlinonline/ckanext-dcatde_berlin @aba1893",
        "(the vocabulary: EU Publications Office, CC BY 4.0).",
        "Labels: Greek and English from the source. Definitions: the source's English one and",
        "its Greek translation (THEMES in the tool).",
        "Left out, not marked by the source for use in DCAT-AP: "
        + (" ".join(left_out) or "(none)"),
        "Corrected in the source's Greek labels (Latin letter in a Greek word): "
        + (", ".join(sorted(corrections)) or "(none)"),
    ]
    return CodeList(
        file="data-themes.ttl",
        header=header,
        scheme=THEME_SCHEME,
        scheme_labels=("Θέματα δεδομένων", "Data themes"),
        scheme_definitions=(
            "Οι θεματικές ενότητες με τις οποίες το DCAT-AP κατατάσσει τα σύνολα δεδομένων "
            "(dcat:theme), όπως τις δημοσιεύει η Υπηρεσία Εκδόσεων της ΕΕ· οι ίδιες ενότητες "
            "χρησιμοποιούνται στην Ευρωπαϊκή Πύλη Δεδομένων (data.europa.eu).",
            "The themes by which DCAT-AP classifies datasets (dcat:theme), as published by the "
            "Publications Office of the EU; the same themes are used by the European data portal "
            "(data.europa.eu).",
        ),
        source="EU Vocabularies, data-theme authority table (http://publications.europa.eu/resource/authority/data-theme)",
        concepts=concepts,
    )


def file_types(data: Path) -> CodeList:
    source = data / "eu-vocabularies" / "filetypes-skos-ap-act.ttl"
    graph = rdflib.Graph().parse(source, format="turtle")
    scheme = rdflib.URIRef(FILE_TYPE_SCHEME)
    concepts = []
    for entry in FILE_TYPES:
        iri = rdflib.URIRef(f"{FILE_TYPE_SCHEME}/{entry.code}")
        if (iri, SKOS.inScheme, scheme) not in graph:
            raise DerivationError(f"{source}: no file type {entry.code}")
        label_en = " ".join(one_label(graph, iri, "en").split())
        if label_en != entry.label_en:
            raise DerivationError(f"{iri}: source label {label_en!r}, not {entry.label_en!r}")
        check_script(entry.label_el, str(iri))
        concepts.append(
            Concept(
                iri=str(iri),
                notation=entry.code,
                label_el=entry.label_el,
                label_en=entry.label_en,
                definition_el=entry.definition_el,
                definition_en=entry.definition_en,
                top=True,
                note_el=entry.note_el,
                note_en=entry.note_en,
            )
        )
    total = len(set(graph.subjects(SKOS.inScheme, scheme)))
    header = [
        "demoi copy of the EU file types that Greek municipal data is published in: values of",
        "dct:format on a distribution. A selection: any other EU file type is accepted too.",
        "The IRIs are the EU's (http://publications.europa.eu/resource/authority/file-type/...);",
        "notation = the EU authority code.",
        "Source (facts derived, file not copied): EU Vocabularies, file-type authority table",
        "version 20171213-0, as kept by github.com/berlinonline/ckanext-dcatde_berlin @aba1893",
        "(the vocabulary: EU Publications Office, CC BY 4.0): "
        f"{len(concepts)} of its {total} types.",
        "English labels from the source. Greek labels, definitions and scope notes: written for",
        "demoi (FILE_TYPES in the tool), as the source has no Greek and few definitions.",
        "Typed dct:MediaTypeOrExtent too, the class DCAT-AP expects as value of dct:format.",
    ]
    return CodeList(
        file="file-types.ttl",
        header=header,
        scheme=FILE_TYPE_SCHEME,
        scheme_labels=("Τύποι αρχείων", "File types"),
        scheme_definitions=(
            "Οι τύποι αρχείων (μορφότυποι) στους οποίους διατίθενται οι διανομές των συνόλων "
            "δεδομένων, όπως τους δημοσιεύει η Υπηρεσία Εκδόσεων της ΕΕ (dct:format).",
            "The file types (formats) in which the distributions of datasets are made available, "
            "as published by the Publications Office of the EU (dct:format).",
        ),
        source="EU Vocabularies, file-type authority table (http://publications.europa.eu/resource/authority/file-type)",
        concepts=concepts,
        extra_types=["dcterms:MediaTypeOrExtent"],
    )


# ---------------------------------------------------------------------------------------------
# Turtle
# ---------------------------------------------------------------------------------------------


def pair(predicate: str, el: str, en: str) -> str:
    return f"    {predicate} {literal(el)}@el ,\n        {literal(en)}@en"


def turtle(code_list: CodeList) -> str:
    out = ["# GENERATED FILE: do not edit by hand.", f"# Regenerate with: {COMMAND}", "#"]
    out += [f"# {line}" if line else "#" for line in code_list.header]
    out += [
        "",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "",
    ]
    tops = [concept.iri for concept in code_list.concepts if concept.top]
    scheme_lines = [
        f"<{code_list.scheme}>",
        "    a skos:ConceptScheme ;",
        pair("skos:prefLabel", *code_list.scheme_labels) + " ;",
        pair("dcterms:title", *code_list.scheme_labels) + " ;",
        pair("skos:definition", *code_list.scheme_definitions) + " ;",
        f"    dcterms:source {literal(code_list.source)} ;",
        "    skos:hasTopConcept\n        " + " ,\n        ".join(f"<{iri}>" for iri in tops) + " .",
        "",
    ]
    out += scheme_lines
    types = ", ".join(["skos:Concept", *code_list.extra_types])
    for concept in code_list.concepts:
        if concept.comment:
            out.append(f"# {concept.notation}: {concept.comment}.")
        lines = [
            f"<{concept.iri}>",
            f"    a {types} ;",
            f"    skos:inScheme <{code_list.scheme}> ;",
            f"    skos:notation {literal(concept.notation)} ;",
            pair("skos:prefLabel", concept.label_el, concept.label_en) + " ;",
            pair("skos:definition", concept.definition_el, concept.definition_en),
        ]
        if concept.note_el and concept.note_en:
            lines[-1] += " ;"
            lines.append(pair("skos:scopeNote", concept.note_el, concept.note_en))
        if concept.broader:
            lines[-1] += " ;"
            lines.append(f"    skos:broader <{concept.broader}>")
        if concept.top:
            lines[-1] += " ;"
            lines.append(f"    skos:topConceptOf <{code_list.scheme}>")
        out += lines
        out[-1] += " ."
        out.append("")
    return "\n".join(out)


def derive(data: Path) -> dict[str, str]:
    texts = {}
    for code_list in (hvd_categories(data), data_themes(data), file_types(data)):
        check_unique_labels(code_list)
        text = turtle(code_list)
        rdflib.Graph().parse(data=text, format="turtle")  # the output must parse
        texts[code_list.file] = text
    return texts


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder of the external source data"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write into")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        texts = derive(args.data)
    except DerivationError as err:
        print(f"derive_catalogue_codelists: {err}", file=sys.stderr)
        return 1
    outputs = {args.out / name: text.encode("utf-8") for name, text in texts.items()}
    return write_or_check("derive_catalogue_codelists", outputs, check=args.check)


if __name__ == "__main__":
    sys.exit(main())

"""The inventory of a municipality's datasets (law 4727/2020), as the municipality keeps it: a
workbook (.xlsx) or the same sheet saved as delimited text.

One row per distribution (a file or service a dataset is offered as): the dataset's columns
(title, description, functional area, licence, …) are given on its first row and, where a
dataset has more distributions, either repeated on the rows below or left empty there, as
merged cells of a workbook are. Values are written as people write them in Greek offices
(«Οικονομικά», «ΝΑΙ»/«ΟΧΙ», «Ετήσια», «CC BY 4.0», «Excel (XLSX)»); the reader turns them into
the codes of the code lists and fails on the first it cannot place, naming the sheet, row,
column and the values it accepts. The municipality whose inventory it is comes from a title
row above the header («ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ») or from a «Φορέας» column, and is looked up in the
municipality code list for the publisher's names.

It gives one table, ``source``: the descriptor's columns with the values as codes, plus
``distribution`` (the distribution's name in its IRI), ``contact`` (``contact`` when the
dataset has a contact e-mail or unit), ``hvd_law`` (the ELI of the HVD
Regulation, on high-value datasets), ``contact_email`` as a ``mailto:`` IRI and the publisher's
``publisher_code``, ``publisher_el``, ``publisher_en``.

Personal data: columns the descriptor does not name, such as the name and telephone of the
employee responsible for a dataset that inventories often have, are not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pyoxigraph as ox

from demoi.errors import DataError, Location
from demoi.iris import iri_problem
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData, sha256_of
from demoi.lifting.sources._delimited import find_delimiter
from demoi.lifting.sources._greek import yes_no
from demoi.lifting.sources._rejects import record_or_raise
from demoi.lifting.sources.excel import sheet_records
from demoi.lifting.tabular import (
    Column,
    Reject,
    Table,
    decode,
    normalise_header,
    numbered_rows,
    read_bytes,
    table_from_records,
)
from demoi.resources import standards_path

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

CODE_LISTS = "codelists"
HVD_REGULATION = "http://data.europa.eu/eli/reg_impl/2023/138/oj"
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
THEMES = 3
DERIVED_COLUMNS = [
    "theme_1",
    "theme_2",
    "theme_3",
    "distribution",
    "contact",
    "hvd_law",
    "publisher_code",
    "publisher_el",
    "publisher_en",
]
# The columns that describe the dataset, given once for all its distributions; the others
# (url, format, licence, charging, charging_basis) describe one distribution.
DATASET_COLUMNS = (
    "title_el",
    "title_en",
    "description_el",
    "description_en",
    "area",
    "theme",
    "hvd",
    "personal",
    "anonymisation",
    "frequency",
    "modified",
    "contact_unit",
    "contact_email",
    "publisher",
)
ZIP_MAGIC = b"PK\x03\x04"


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    sheet = options.sheet or mapping.sheet
    records, sheet, encoding = _records(path, mapping.columns, options.encoding, sheet)
    file = str(path)
    table = table_from_records(records, mapping.columns, file, sheet=sheet, rejects=options.rejects)
    headers = _header_positions(records, mapping.columns)
    for column in mapping.columns:  # a column the sheet lacks goes by its first header
        headers.setdefault(column.name, (None, column.headers[0]))
    inventory = Inventory(file, sheet, headers, options.rejects)
    publisher = _publisher(records, table, inventory)
    rows, lines = inventory.convert(table, publisher)
    if not rows:
        raise DataError("the inventory lists no dataset", location=Location(file, sheet=sheet))
    columns = table.columns + DERIVED_COLUMNS
    cleaned = Table(columns, rows, encoding, lines, sheet=sheet)
    return SourceData({MAIN_TABLE: cleaned}, sha256_of(path), encoding)


# --- reading the sheet ------------------------------------------------------------------------

Records = list[tuple[int, list[str]]]


def _records(
    path: Path, columns: tuple[Column, ...], encoding: str | None, sheet: str | None
) -> tuple[Records, str | None, str]:
    """The numbered rows of the workbook's sheet or of the text file, its sheet and encoding."""
    data = read_bytes(path)
    if data.startswith(ZIP_MAGIC):
        records, name = sheet_records(path, sheet)
        return records, name, "xlsx"
    text, used = decode(data, str(path), encoding)
    return _split(text, columns, str(path)), None, used


def _split(text: str, columns: tuple[Column, ...], file: str) -> Records:
    """The rows of a sheet saved as text. A Greek Excel separates cells with «;», other programs
    with «,» or a tab."""
    return list(numbered_rows(text, find_delimiter(text, columns, ";"), file))


def _header_positions(
    records: Records, columns: tuple[Column, ...]
) -> dict[str, tuple[int | None, str]]:
    """Each column's position (1-based) and header text in the header row, for error messages."""
    for _, cells in records:
        index = {normalise_header(cell): position for position, cell in enumerate(cells) if cell}
        found: dict[str, tuple[int | None, str]] = {}
        for column in columns:
            for header in column.headers:
                if normalise_header(header) in index:
                    position = index[normalise_header(header)]
                    found[column.name] = (position + 1, cells[position])
                    break
        if all(column.name in found for column in columns if column.required):
            return found
    return {}


# --- the publisher ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Publisher:
    code: str
    label_el: str
    label_en: str


def _publisher(records: Records, table: Table, inventory: Inventory) -> Publisher:
    """The municipality the inventory belongs to: a title row above the header that names it,
    or else the «Φορέας» column."""
    names = _municipality_names()
    first_row = table.lines[0] if table.lines else None
    for line, cells in records:
        if first_row is not None and line >= first_row:
            break
        for cell in cells:
            title = names.get(normalise_header(re.sub(r"^\s*Φορέας\s*:", "", cell)))
            if title:
                return title
    found = None
    if "publisher" in table.columns:
        position = table.columns.index("publisher")
        for row, line in zip(table.rows, table.lines, strict=True):
            if not row[position]:
                continue
            named = names.get(normalise_header(row[position]))
            if named is None or (found is not None and named != found):
                why = "another municipality than the rows above" if named else "not the name"
                raise DataError(
                    f"«{row[position]}» in «{inventory.header('publisher')}» is {why} of a "
                    "municipality in the code list (e.g. «Δήμος Καλαμάτας»); an inventory is "
                    "one municipality's",
                    location=inventory.where(line, "publisher"),
                )
            found = named
    if found is not None:
        return found
    raise DataError(
        "the inventory does not say whose it is: write the municipality's name (e.g. «Δήμος "
        "Καλαμάτας») in a title row above the header, or fill a «Φορέας» column",
        location=Location(inventory.file, sheet=inventory.sheet),
    )


@cache
def _municipality_names() -> dict[str, Publisher]:
    """Each municipality by the normalised forms of its names (pref- and altLabels): a name two
    municipalities share (altLabel «Δήμος Ηρακλείου») is left out, so it cannot be mistaken."""
    found: dict[str, Publisher] = {}
    shared: set[str] = set()
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?code ?el ?en ?name WHERE {
          ?concept skos:inScheme <https://w3id.org/demoi/code/municipality> ;
                   skos:notation ?code ; skos:prefLabel ?el , ?en .
          FILTER(LANG(?el) = "el" && LANG(?en) = "en")
          { ?concept skos:prefLabel ?name } UNION { ?concept skos:altLabel ?name }
        }"""
    for row in _query(standards_path("ontologies") / CODE_LISTS / "municipalities.ttl", query):
        publisher = Publisher(row["code"].value, row["el"].value, row["en"].value)
        key = normalise_header(row["name"].value)
        if key in found and found[key] != publisher:
            shared.add(key)
        found[key] = publisher
    return {key: value for key, value in found.items() if key not in shared}


def _query(path: Path, query: str) -> ox.QuerySolutions:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    return solutions


# --- code lists -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CodeList:
    """The concepts of a code list by every way a sheet may write them: notation, labels in
    both languages, alternative labels, and an abbreviation in brackets («… (CC BY 4.0)»)."""

    what: str
    notations: dict[str, str]
    examples: str

    def code(self, value: str) -> str:
        found = self.notations.get(normalise_header(value))
        if found is None:
            raise ValueError(f"{self.what}; write one of: {self.examples}")
        return found


@cache
def code_list(file: str, what: str, synonyms: tuple[tuple[str, str], ...] = ()) -> CodeList:
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?notation ?label WHERE {
          ?concept skos:notation ?notation .
          { ?concept skos:prefLabel ?label } UNION { ?concept skos:altLabel ?label }
        }"""
    notations: dict[str, str] = {}
    examples: dict[str, str] = {}
    for row in _query(standards_path("ontologies") / CODE_LISTS / file, query):
        notation, label = row["notation"].value, row["label"].value
        for form in [notation, label, *re.findall(r"\(([^()]+)\)\s*$", label)]:
            notations.setdefault(normalise_header(form), notation)
        if isinstance(row["label"], ox.Literal) and row["label"].language == "el":
            examples.setdefault(notation, label)
    for written, notation in synonyms:
        notations[normalise_header(written)] = notation
    listed = "; ".join(f"«{examples[notation]}»" for notation in sorted(examples)[:14])
    return CodeList(what, notations, listed)


LICENCE_SYNONYMS = (("ODbL", "ODC_BL"), ("PDDL", "ODC_PDDL"), ("CC-BY", "CC_BY_4_0"))
FORMAT_SYNONYMS = (
    ("Excel", "XLSX"),
    ("Shapefile", "SHP"),
    ("Turtle", "RDF_TURTLE"),
    ("Word", "DOCX"),
    ("ιστοσελίδα", "HTML"),
)
CHARGING_SYNONYMS = (
    ("οριακό κόστος", "marginal-cost"),
    ("ΟΧΙ", "free"),
    ("χωρίς χρέωση", "free"),
)


def areas() -> CodeList:
    return code_list("functional-areas.ttl", "a functional area of the list")


def themes() -> CodeList:
    return code_list("data-themes.ttl", "an EU data theme")


def hvd_categories() -> CodeList:
    return code_list("hvd-categories.ttl", "an HVD category of Regulation (EU) 2023/138")


def licences() -> CodeList:
    return code_list("licences.ttl", "an open licence", LICENCE_SYNONYMS)


def file_types() -> CodeList:
    return code_list("file-types.ttl", "a file type of the EU list", FORMAT_SYNONYMS)


def charging_categories() -> CodeList:
    return code_list("charging-categories.ttl", "a charging category", CHARGING_SYNONYMS)


# The EU frequency table (http://publications.europa.eu/resource/authority/frequency) by the
# words Greek inventories use, which are more than the one label per language that
# ontologies/codelists/frequencies.ttl gives each code (tests/test_codelists.py checks that
# every code here is in it).
FREQUENCIES = {
    "ANNUAL": ("Ετήσια", "Ετησίως", "Ετήσιο", "Ανά έτος", "Κάθε χρόνο", "Annual", "Yearly"),
    "ANNUAL_2": ("Εξαμηνιαία", "Ανά εξάμηνο", "Semiannual"),
    "QUARTERLY": ("Τριμηνιαία", "Ανά τρίμηνο", "Quarterly"),
    "MONTHLY": ("Μηνιαία", "Μηνιαίως", "Ανά μήνα", "Κάθε μήνα", "Monthly"),
    "WEEKLY": ("Εβδομαδιαία", "Ανά εβδομάδα", "Weekly"),
    "DAILY": ("Ημερήσια", "Καθημερινή", "Καθημερινά", "Daily"),
    "HOURLY": ("Ωριαία", "Ανά ώρα", "Hourly"),
    "UPDATE_CONT": ("Συνεχής", "Συνεχώς", "Σε πραγματικό χρόνο", "Real time", "Continuous"),
    "IRREG": ("Ακανόνιστη", "Κατά περίπτωση", "Όποτε χρειάζεται", "Μη τακτική", "Irregular"),
    "BIENNIAL": ("Διετής", "Ανά διετία", "Biennial"),
    "QUINQUENNIAL": ("Πενταετής", "Ανά πενταετία", "Quinquennial"),
    "DECENNIAL": ("Δεκαετής", "Ανά δεκαετία", "Decennial"),
    "NEVER": ("Καμία", "Δεν ενημερώνεται", "Εφάπαξ", "Never"),
    "UNKNOWN": ("Άγνωστη", "Unknown"),
}
FREQUENCY_WORDS = {
    normalise_header(phrase): code
    for code, phrases in FREQUENCIES.items()
    for phrase in (code, *phrases)
}


def frequency(value: str) -> str:
    found = FREQUENCY_WORDS.get(normalise_header(value))
    if found is None:
        raise ValueError(
            "an update frequency; write e.g. «Ετήσια», «Εξαμηνιαία», «Τριμηνιαία», «Μηνιαία», "
            "«Εβδομαδιαία», «Ημερήσια», «Ωριαία», «Συνεχής», «Κατά περίπτωση», «Δεκαετής»"
        )
    return FREQUENCY + found


NOT_HVD = {normalise_header(word) for word in ("ΟΧΙ", "Όχι", "OXI", "No", "-", "—", "Δεν εμπίπτει")}


def web_address(value: str) -> str:
    """An http(s) address as a URI: spaces (file names with spaces are common), Greek letters
    and the characters a URI cannot hold are percent-encoded, as a browser sends them."""
    if not re.match(r"^https?://", value, re.IGNORECASE):
        raise ValueError("a web address starting with https:// (or http://)")
    address = quote(
        value, safe="".join(chr(code) for code in range(33, 127) if chr(code) not in '<>"{}|\\^`')
    )
    problem = iri_problem(address)
    if problem:
        raise ValueError(f"a web address ({problem})")
    return address


EMAIL = re.compile(r"^[^@\s:]+@[^@\s]+\.[A-Za-z]{2,}$")


def mailbox(value: str) -> str:
    address = value.removeprefix("mailto:").strip()
    if not EMAIL.match(address):
        raise ValueError("an e-mail address such as opendata@kalamata.gr")
    return "mailto:" + address


# --- rows -------------------------------------------------------------------------------------


@dataclass
class Inventory:
    file: str
    sheet: str | None
    #: Each column's position in the header row (None when the sheet lacks it) and header.
    headers: dict[str, tuple[int | None, str]]
    rejects: list[Reject] | None

    def where(self, line: int, column: str) -> Location:
        return Location(self.file, line, self.headers[column][0], sheet=self.sheet)

    def header(self, column: str) -> str:
        return self.headers[column][1]

    def convert(self, table: Table, publisher: Publisher) -> tuple[list[list[str]], list[int]]:
        rows, lines = [], []
        previous: dict[str, str] | None = None
        for row, line in zip(table.rows, table.lines, strict=True):
            values = dict(zip(table.columns, row, strict=True))
            try:
                values = self._filled(values, previous, line)
                converted = self._converted(values, line)
            except DataError as error:
                record_or_raise(error, row, self.rejects)
                continue
            previous = values
            derived = self._derived(converted, publisher)
            rows.append([converted.get(name, "") for name in table.columns] + derived)
            lines.append(line)
        return rows, lines

    def _filled(
        self, values: dict[str, str], previous: dict[str, str] | None, line: int
    ) -> dict[str, str]:
        """A row without Α/Α continues the dataset above it (merged cells): its empty dataset
        cells take the values above. A row with the same Α/Α must not contradict it."""
        if not values["number"]:
            if previous is None:
                raise DataError(
                    f"the first row has no «{self.header('number')}»",
                    location=self.where(line, "number"),
                )
            values = {**values, "number": previous["number"]}
        if previous is None or previous["number"] != values["number"]:
            return values
        filled = dict(values)
        for name in DATASET_COLUMNS:
            if name not in values:
                continue
            if not values[name]:
                filled[name] = previous.get(name, "")
            elif previous.get(name) and values[name] != previous[name]:
                raise DataError(
                    f"Α/Α {values['number']} has «{previous[name]}» in «{self.header(name)}» on "
                    f"the row above and «{values[name]}» here; a dataset's columns are the same "
                    "on all its rows",
                    location=self.where(line, name),
                )
        return filled

    def _converted(self, values: dict[str, str], line: int) -> dict[str, str]:
        converted = dict(values)
        conversions: dict[str, Callable[[str], str]] = {
            "area": areas().code,
            "hvd": lambda value: "" if normalise_header(value) in NOT_HVD else hvd_code(value),
            "personal": yes_no,
            "frequency": frequency,
            "contact_email": mailbox,
            "licence": licences().code,
            "charging": charging_categories().code,
            "url": web_address,
            "format": file_types().code,
        }
        for name, convert in conversions.items():
            if values.get(name):
                try:
                    converted[name] = convert(values[name])
                except ValueError as error:
                    raise DataError(
                        f"«{values[name]}» in «{self.header(name)}» is not {error}",
                        location=self.where(line, name),
                    ) from None
        converted["theme"] = self._themes(values.get("theme", ""), line)
        # Re-use is free of charge unless one of the law's exceptions applies (art. 64).
        converted["charging"] = converted.get("charging") or "free"
        self._check_required(converted, line)
        return converted

    def _themes(self, value: str, line: int) -> str:
        # Themes are separated by «;» or line breaks: their Greek names hold commas.
        parts = [part.strip() for part in re.split(r"[;\n]", value) if part.strip()]
        if len(parts) > THEMES:
            raise DataError(
                f"«{self.header('theme')}» names {len(parts)} themes; give at most {THEMES}",
                location=self.where(line, "theme"),
            )
        try:
            return " ".join(themes().code(part) for part in parts)
        except ValueError as error:
            raise DataError(
                f"«{value}» in «{self.header('theme')}» is not {error}",
                location=self.where(line, "theme"),
            ) from None

    def _check_required(self, values: dict[str, str], line: int) -> None:
        needed = [
            ("personal", "say whether the dataset comes from personal data: ΝΑΙ or ΟΧΙ"),
            ("url", "give the address the distribution is downloaded from"),
            ("format", "give the file type (CSV, XLSX, JSON, …)"),
            ("licence", "give the licence (e.g. CC BY 4.0)"),
        ]
        for name, how in needed:
            if not values.get(name):
                raise DataError(
                    f"«{self.header(name)}» is empty: {how}", location=self.where(line, name)
                )
        if values["personal"] == "true" and not values.get("anonymisation"):
            raise DataError(
                f"the dataset comes from personal data but «{self.header('anonymisation')}» is "
                "empty: say how the data were anonymised (which fields were removed, generalised "
                "or aggregated)",
                location=self.where(line, "anonymisation"),
            )
        if values["charging"] != "free" and not values.get("charging_basis"):
            raise DataError(
                f"re-use is charged but «{self.header('charging_basis')}» is empty: give the "
                "published basis of the charge (law 4727/2020, art. 64)",
                location=self.where(line, "charging_basis"),
            )

    @staticmethod
    def _derived(values: dict[str, str], publisher: Publisher) -> list[str]:
        chosen = values["theme"].split()
        theme_columns = chosen + [""] * (THEMES - len(chosen))
        return [
            *theme_columns,
            values["format"].lower().replace("_", "-"),
            "contact" if values.get("contact_email") or values.get("contact_unit") else "",
            HVD_REGULATION if values.get("hvd") else "",
            publisher.code,
            publisher.label_el,
            publisher.label_en,
        ]


def hvd_code(value: str) -> str:
    return hvd_categories().code(value)

"""The organisation units of a municipality as the Diavgeia OpenData API gives them.

Two responses describe a municipality on Diavgeia: ``GET /organizations/{uid}`` (the
organisation: its uid, its name in capitals, its website) and ``GET /organizations/{uid}/units``
(``{"units": [...]}``: each unit's uid, name, category and parent). The source file holds either
one of them or both, one after the other, as ``curl`` writes two URLs into one file (or as a
JSON array of the two). A units response alone is enough: the organisation is then the units'
parent, looked up in the municipality code list.

The reader gives two tables:

* ``organisation`` (one row): ``diavgeia_uid``, ``elstat`` (the ELSTAT code the code list gives
  that uid), ``name_el`` and ``name_en`` (the code list's names: Diavgeia's label is in capitals
  without accents), ``diavgeia_label``, ``homepage``;
* ``units`` (one row a unit): the descriptor's columns, plus ``unit_class`` (the demoi class, by
  the unit's name, else by its Diavgeia category), ``name`` (the name in mixed case where every
  word of it is a known word of unit names, else Diavgeia's), ``diavgeia_label`` (Diavgeia's,
  when it differs from ``name``) and ``nested_in`` (the uid of the unit it is nested in, when
  its parent is another unit rather than the organisation).

Personal data: the organisation response's ``odeManagerEmail`` (the mailbox of the official in
charge of Diavgeia, often a personal address) is dropped, and so are the ``signers`` and
``positions`` lists (names of the officials who sign acts), should a file carry them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from demoi.errors import DataError, Location
from demoi.iris import iri_problem
from demoi.lifting.sources import ReadOptions, SourceData, sha256_of
from demoi.lifting.sources._jsonpath import JsonText, diavgeia_text, parse_documents
from demoi.lifting.sources._rejects import record_or_raise
from demoi.lifting.tabular import Column, Reject, Table, read_bytes
from demoi.lifting.values import CONVERTERS, text
from demoi.municipalities import by_diavgeia_uid, get_municipality
from demoi.transliteration import without_accents

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

ORGANISATION_TABLE = "organisation"
UNITS_TABLE = "units"
ORGANISATION_COLUMNS = [
    "diavgeia_uid",
    "elstat",
    "name_el",
    "name_en",
    "diavgeia_label",
    "homepage",
]
DERIVED_UNIT_COLUMNS = ["unit_class", "name", "diavgeia_label", "nested_in"]
UID = re.compile(r"^[1-9][0-9]*$")


@dataclass
class Responses:
    """What the file holds: at most one organisation, and the units of every units response."""

    file: str
    documents: list[JsonText]
    organisation: dict[str, Any] | None = None
    units: list[dict[str, Any]] | None = None

    def line(self, node: object, key: str | None = None) -> int | None:
        """The line of ``node`` (an object of one of the documents), or of its ``key``."""
        for document in self.documents:
            if document.path_of(node) is not None:
                return document.line_of(node, key)
        return None

    def at(self, node: object, key: str) -> Location:
        """The location of ``node``'s ``key``, named by its JSON path."""
        for document in self.documents:
            path = document.path_of(node)
            if path is not None:
                return document.location((*path, key))
        return Location(self.file, field=key)


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    file = str(path)
    advice = "save the API's response whole, as it came"
    documents = parse_documents(diavgeia_text(read_bytes(path), file), file, advice=advice)
    responses = _classify(documents, file)
    organisation = _organisation_row(responses)
    units = _unit_rows(responses, mapping.columns, organisation[0], options.rejects)
    tables = {
        ORGANISATION_TABLE: Table(
            ORGANISATION_COLUMNS, [organisation], "utf-8", [_org_line(responses)]
        ),
        UNITS_TABLE: Table(
            [column.name for column in mapping.columns] + DERIVED_UNIT_COLUMNS,
            [row for row, _ in units],
            "utf-8",
            [line for _, line in units],
        ),
    }
    return SourceData(tables, sha256_of(path), "utf-8")


# --- what each response is --------------------------------------------------------------------


def _classify(documents: list[JsonText], file: str) -> Responses:
    found = Responses(file, documents)
    for document in _flatten(json.data for json in documents):
        if not isinstance(document, dict):
            raise DataError(
                "expected the Diavgeia organisation or units response (a JSON object), found "
                f"{type(document).__name__}",
                location=Location(file),
            )
        if "units" in document:
            _add_units(found, document)
        elif "parentId" in document:  # a bare unit, from a list of units saved on its own
            found.units = [*(found.units or []), document]
        elif "uid" in document and "label" in document:
            if found.organisation is not None:
                raise DataError(
                    "a second organisation response: a file describes one municipality",
                    location=Location(file, found.line(document)),
                )
            found.organisation = document
        else:
            keys = ", ".join(sorted(document)) or "none"
            raise DataError(
                "neither an organisation response (uid, label, category) nor a units response "
                f"(units): the object has the keys {keys}",
                location=Location(file, found.line(document)),
            )
    return found


def _flatten(documents: Iterable[Any]) -> Iterator[Any]:
    for document in documents:
        if isinstance(document, list):
            yield from document
        else:
            yield document


def _add_units(found: Responses, document: dict[str, Any]) -> None:
    units = document["units"]
    if not isinstance(units, list) or not all(isinstance(unit, dict) for unit in units):
        raise DataError(
            "«units» must be a list of unit objects", location=found.at(document, "units")
        )
    found.units = [*(found.units or []), *units]


# --- the organisation -------------------------------------------------------------------------


def _organisation_row(responses: Responses) -> list[str]:
    organisation = responses.organisation
    file = responses.file
    if organisation is None:
        uid = _root_uid(responses)
        label, homepage = "", ""
        first = responses.units[0] if responses.units else None
        where = responses.at(first, "parentId") if first else Location(file, field="parentId")
    else:
        where = responses.at(organisation, "uid")
        uid = _uid(organisation.get("uid"), where)
        category = organisation.get("category")
        if category is not None and category != "MUNICIPALITY":
            raise DataError(
                f"the organisation {uid} is a {category} on Diavgeia; this mapping is for "
                "municipalities (category MUNICIPALITY)",
                location=responses.at(organisation, "category"),
            )
        label = text(str(organisation.get("label") or ""))
        homepage = _homepage(organisation.get("website"), responses.at(organisation, "website"))
    code = _elstat_of(uid, where)
    municipality = get_municipality(code)
    return [uid, code, municipality.label_el, municipality.label_en, label, homepage]


def _org_line(responses: Responses) -> int:
    first = responses.organisation or (responses.units[0] if responses.units else None)
    return responses.line(first) or 1


def _root_uid(responses: Responses) -> str:
    """The organisation's uid when the file has only units: the parent that is not a unit and is
    a municipality's uid (a parent that is neither is reported with its unit, later)."""
    units = responses.units or []
    if not units:
        raise DataError(
            "no organisation and no units in the file", location=Location(responses.file)
        )
    own = {str(unit.get("uid")) for unit in units}
    roots = sorted({str(unit.get("parentId")) for unit in units} - own)
    municipal = [root for root in roots if by_diavgeia_uid(root) is not None]
    where = responses.at(units[0], "parentId")
    if len(municipal) == 1:
        return municipal[0]
    if len(roots) == 1:
        return _uid(roots[0], where)  # then refused as not a municipality's uid
    raise DataError(
        "the units belong to "
        + ("more than one municipality" if municipal else "no municipality of the code list")
        + f" (parentId {', '.join(municipal or roots)}); a file describes one municipality",
        location=where,
    )


def _uid(value: object, where: Location) -> str:
    uid = str(value).strip() if value is not None else ""
    if not UID.match(uid):
        raise DataError(f"{value!r} is not a Diavgeia uid (digits, such as 6174)", location=where)
    return uid


def _homepage(value: object, where: Location) -> str:
    if value in (None, ""):
        return ""
    address = str(value).strip()
    if not address.lower().startswith(("http://", "https://")):
        address = "http://" + address  # Diavgeia has a few websites without the scheme
    if not urlsplit(address).path:
        address += "/"  # http://www.limnos.gov.gr and http://www.limnos.gov.gr/ are one page
    problem = iri_problem(address)
    if problem:
        raise DataError(f"{value!r} is not a web address ({problem})", location=where)
    return address


def _elstat_of(uid: str, where: Location) -> str:
    found = by_diavgeia_uid(uid)
    if found is None:
        raise DataError(
            f"the Diavgeia uid {uid} is not the uid of a municipality in the code list "
            "(ontologies/codelists/municipalities.ttl, dorg:diavgeiaUid); is it a region, a "
            "legal entity of the municipality or a unit?",
            location=where,
        )
    return found.code


# --- the units --------------------------------------------------------------------------------


def _unit_rows(
    responses: Responses,
    columns: tuple[Column, ...],
    organisation_uid: str,
    rejects: list[Reject] | None,
) -> list[tuple[list[str], int]]:
    """One row a unit, with its line. With ``rejects`` (--skip-invalid-rows) a unit with a bad
    field is recorded there and left out, and so are the units nested in it."""
    kept: list[tuple[dict[str, Any], dict[str, str]]] = []
    seen: dict[str, int] = {}
    for unit in responses.units or []:
        try:
            field = _unit_fields(unit, columns, responses)
            _check_unique(field["uid"], unit, seen, responses)
        except DataError as error:
            _reject(error, unit, rejects)
            continue
        kept.append((unit, field))
    classes = {field["uid"]: unit_class(field["label"], field["category"]) for _, field in kept}
    rows = []
    for unit, field in kept:
        where = responses.at(unit, "parentId")
        try:
            parent = _parent(field, set(classes), organisation_uid, where)
        except DataError as error:
            _reject(error, unit, rejects)
            continue
        if parent and not _may_nest(classes[field["uid"]], classes[parent]):
            # The profile allows a department only in a directorate and a community only in a
            # municipal unit; another nesting is left out rather than refusing the whole file.
            parent = ""
        name = mixed_case(field["label"])
        renamed = field["label"] if name != field["label"] else ""
        derived = [classes[field["uid"]], name, renamed, parent]
        rows.append(
            ([field[column.name] for column in columns] + derived, responses.line(unit) or 1)
        )
    return rows


def _reject(error: DataError, unit: dict[str, Any], rejects: list[Reject] | None) -> None:
    cells = [f"{key}={value}" for key, value in unit.items() if not isinstance(value, list)]
    record_or_raise(error, cells, rejects)


def _unit_fields(
    unit: dict[str, Any], columns: tuple[Column, ...], responses: Responses
) -> dict[str, str]:
    """The descriptor's columns of one unit, by their JSON keys (the column's headers)."""
    fields = {}
    for column in columns:
        key = next((header for header in column.headers if header in unit), None)
        value = unit.get(key) if key else None
        field_name = key or column.headers[0]
        where = responses.at(unit, field_name)
        if value in (None, ""):
            if column.required:
                raise DataError(f"the unit has no «{column.headers[0]}»", location=where)
            fields[column.name] = ""
            continue
        try:
            fields[column.name] = CONVERTERS[column.type](str(value))
        except ValueError as error:
            raise DataError(f"{value!r} in «{key}» is not {error}", location=where) from None
    if "uid" in fields:
        fields["uid"] = _uid(fields["uid"], responses.at(unit, "uid"))
    return fields


def _check_unique(
    uid: str, unit: dict[str, Any], seen: dict[str, int], responses: Responses
) -> None:
    if uid in seen:
        raise DataError(
            f"the unit {uid} appears twice (first on line {seen[uid]}); each unit once",
            location=responses.at(unit, "uid"),
        )
    seen[uid] = responses.line(unit) or 1


def _parent(field: dict[str, str], uids: set[str], organisation: str, where: Location) -> str:
    """The uid of the unit this one is nested in, or "" when it is a unit of the organisation."""
    parent = field.get("parent_id", "")
    if parent in ("", organisation):
        return ""
    if parent not in uids:
        raise DataError(
            f"parentId {parent} is neither the organisation ({organisation}) nor one of its units "
            "in the file; save the whole units response",
            location=where,
        )
    return parent


NESTING = {"Department": {"Directorate"}, "Community": {"MunicipalUnit"}}


def _may_nest(child: str, parent: str) -> bool:
    return parent in NESTING.get(child, {parent})


# --- classes and names ------------------------------------------------------------------------

# A unit's class by the start of its name (upper case, no accents); the first match wins, so
# longer names come before the names they start with.
NAME_CLASSES = [
    ("ΔΗΜΟΤΙΚΗ ΕΠΙΤΡΟΠΗ ΔΙΑΒΟΥΛΕΥΣΗΣ", "ConsultationCommittee"),
    ("ΕΠΙΤΡΟΠΗ ΔΙΑΒΟΥΛΕΥΣΗΣ", "ConsultationCommittee"),
    ("ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ", "MunicipalCouncil"),
    ("ΔΗΜΟΤΙΚΗ ΕΠΙΤΡΟΠΗ", "MunicipalCommittee"),
    ("ΟΙΚΟΝΟΜΙΚΗ ΕΠΙΤΡΟΠΗ", "FinanceCommittee"),
    ("ΕΚΤΕΛΕΣΤΙΚΗ ΕΠΙΤΡΟΠΗ", "ExecutiveCommittee"),
    ("ΕΠΙΤΡΟΠΗ ΠΟΙΟΤΗΤΑΣ ΖΩΗΣ", "QualityOfLifeCommittee"),
    ("ΓΕΝΙΚΗ ΔΙΕΥΘΥΝΣΗ", "GeneralDirectorate"),
    ("ΔΙΕΥΘΥΝΣΗ", "Directorate"),
    ("ΑΥΤΟΤΕΛΕΣ ΤΜΗΜΑ", "Department"),
    ("ΤΜΗΜΑ", "Department"),
    ("ΑΥΤΟΤΕΛΕΣ ΓΡΑΦΕΙΟ", "Office"),
    ("ΓΡΑΦΕΙΟ", "Office"),
    ("ΔΗΜΟΤΙΚΗ ΕΝΟΤΗΤΑ", "MunicipalUnit"),
    # Diavgeia names communities in the words of the law of the time (L.3852/2010, L.4555/2018,
    # L.5056/2023); all are dorg:Community. The Diavgeia unit is the community, under which its
    # president's and, where it has one, its council's acts are posted: a council is not made up,
    # because communities of up to 300 inhabitants elect a president only.
    ("ΔΗΜΟΤΙΚΗ ΚΟΙΝΟΤΗΤΑ", "Community"),
    ("ΤΟΠΙΚΗ ΚΟΙΝΟΤΗΤΑ", "Community"),
    ("ΚΟΙΝΟΤΗΤΑ", "Community"),
    # The council of a community, named apart: a collective body, whose community the name alone
    # does not give reliably (dorg:CommunityCouncil requires it).
    ("ΣΥΜΒΟΥΛΙΟ", "CollectiveBody"),
]
# By Diavgeia's category, for names that say nothing (ΟΙΚΟΝΟΜΙΚΗ ΥΠΗΡΕΣΙΑ, ΠΟΛΕΟΔΟΜΙΑ): the
# ontology's reading of ADMINISTRATION and OFFICE; UNIT, SECTOR, TEAM and the others are used for
# every kind of unit, so they give only the general class.
CATEGORY_CLASSES = {
    "ADMINISTRATION": "Directorate",
    "OFFICE": "Office",
    "COMMITTEE": "CollectiveBody",
}
GENERAL_CLASS = "AdministrativeUnit"


def unit_class(label: str, category: str) -> str:
    """The local name of the dorg: class of a Diavgeia unit."""
    key = plain_upper(label)
    for start, name in NAME_CLASSES:
        if key == start or key.startswith(start + " "):
            return name
    return CATEGORY_CLASSES.get(category, GENERAL_CLASS)


def plain_upper(label: str) -> str:
    """Capitals without accents or diaereses, as Diavgeia writes names."""
    return without_accents(text(label).upper())


# The words of Diavgeia unit names, as written in running text. Place names are not here: a name
# with a word outside the list keeps Diavgeia's capitals, which is correct Greek for text in
# capitals, rather than be guessed.
RUNNING_TEXT_WORDS = (
    "Γραφείο Γραφεία Δημάρχου Αντιδημάρχου Αντιδημάρχων Γενικού Γραμματέα Γραμματεία "
    "Γραμματείας Πρόνοιας Δημοτική Δημοτικό Δημοτικής Δημοτικών Επιτροπή Επιτροπής Συμβούλιο "
    "Συμβουλίου Διαβούλευσης Διεύθυνση Διεύθυνσης Γενική Περιβάλλοντος Ποιότητας Ζωής "
    "Εκτελεστική Οικονομική Οικονομικών Οικονομικής Υπηρεσία Υπηρεσίες Υπηρεσιών Τεχνική "
    "Τεχνικών Τεχνικής Πολεοδομία Πολεοδομίας Πολεοδομικών Τμήμα Αυτοτελές Ανθρώπινου "
    "Δυναμικού Διοικητικής Διοικητικών Διοίκησης Μέριμνας Εξυπηρέτηση Εξυπηρέτησης Δημότη "
    "Δημοτών Πολιτών Δημοτολόγια Δημοτολογίου Μητρώα Μητρώου Αρρένων Κοινότητα Κοινότητας "
    "Ενότητα Ενότητας Ενοτήτων Τοπική Προϋπολογισμού Λογιστηρίου Εσόδων Περιουσίας Ταμείου "
    "Ταμειακής Προμηθειών Καθαριότητας Ανακύκλωσης Πρασίνου Κοινωνικής Προστασίας Παιδείας "
    "Πολιτισμού Αθλητισμού Προγραμματισμού Οργάνωσης Ηλεκτρονικής Διακυβέρνησης Πληροφορικής "
    "Νομική Νομικής Δόμησης Συγκοινωνιών Καταστημάτων Αδειών Αδειοδοτήσεων Πολιτικής "
    "Αποκέντρωσης Ενδοδημοτικής Δήμου Δήμος Κέντρο Υγείας Ισότητας Μεταφορών Έργων Μελετών "
    "Συντήρησης Ύδρευσης Αποχέτευσης Ηλεκτροφωτισμού Κίνησης Οχημάτων Τουρισμού Ανάπτυξης "
    "Απασχόλησης Εμπορίου Υποστήριξης Πολιτικών Οργάνων Διαφάνειας Αρχείου Πρωτοκόλλου "
    "Μισθοδοσίας Προσωπικού και του της των"
)
KNOWN_WORDS = {plain_upper(word): word for word in RUNNING_TEXT_WORDS.split()}


def mixed_case(label: str) -> str:
    """The name in running-text case, when every word of it is known (``ΓΡΑΦΕΙΟ ΔΗΜΑΡΧΟΥ`` ->
    ``Γραφείο Δημάρχου``); a name already in mixed case, or with an unknown word, as it is."""
    cleaned = text(label)
    if cleaned != cleaned.upper():
        return cleaned
    words = []
    for word in cleaned.split(" "):
        parts = [KNOWN_WORDS.get(plain_upper(part)) for part in word.split("-")]
        if not all(parts):
            return cleaned
        words.append("-".join(part for part in parts if part))
    first = words[0]
    words[0] = first[:1].upper() + first[1:]
    return " ".join(words)

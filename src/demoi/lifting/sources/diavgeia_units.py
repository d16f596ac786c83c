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

import bisect
import json
import json.decoder
import json.scanner
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from demoi.errors import DataError, Location
from demoi.iris import iri_problem
from demoi.lifting.sources import ReadOptions, SourceData, sha256_of
from demoi.lifting.sources._jsonpath import diavgeia_text
from demoi.lifting.tabular import Column, Reject, Table, read_bytes
from demoi.lifting.values import CONVERTERS, text
from demoi.municipalities import CODE_LIST, get_municipality
from demoi.resources import standards_path

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


@dataclass(frozen=True)
class SourceText:
    text: str
    newlines: list[int]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1


class JsonObject(dict[str, Any]):
    """A JSON object that remembers where in the file it starts, to name the line of a field."""

    line: int = 0
    start: int = 0
    source: SourceText | None = None

    def line_of(self, key: str) -> int:
        """The line of the object's ``key`` (of the object's start if it has no such key)."""
        if self.source is None:
            return self.line
        found = self.source.text.find(f'"{key}"', self.start)
        return self.source.line(found) if found >= 0 else self.line


@dataclass
class Responses:
    """What the file holds: at most one organisation, and the units of every units response."""

    file: str
    organisation: JsonObject | None = None
    units: list[JsonObject] | None = None


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    file = str(path)
    responses = _classify(_documents(read_bytes(path), file), file)
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


# --- JSON with line numbers -----------------------------------------------------------------


def _documents(data: bytes, file: str) -> list[Any]:
    """The JSON values of the file, one after the other (a file may hold several responses)."""
    source = diavgeia_text(data, file)
    decoder = _line_aware_decoder(source)
    documents = []
    position = _skip_space(source, 0)
    while position < len(source):
        try:
            value, position = decoder.raw_decode(source, position)
        except json.JSONDecodeError as error:
            raise DataError(
                f"not valid JSON ({error.msg}); save the API's response whole, as it came",
                location=Location(file, error.lineno, error.colno),
            ) from None
        documents.append(value)
        position = _skip_space(source, position)
    if not documents:
        raise DataError("the file is empty", location=Location(file))
    return documents


def _skip_space(source: str, position: int) -> int:
    while position < len(source) and source[position] in " \t\r\n":
        position += 1
    return position


def _line_aware_decoder(source: str) -> json.JSONDecoder:
    """A decoder whose objects are JsonObject with the line they start on (the pure-Python
    scanner, because the C one cannot be told what to build objects with)."""
    text = SourceText(source, [index for index, char in enumerate(source) if char == "\n"])
    decoder = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[JsonObject, int]:
        pairs, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        found = JsonObject(pairs)
        found.start = s_and_end[1] - 1  # s_and_end[1] is just after the opening brace
        found.line = text.line(found.start)
        found.source = text
        return found, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder


# --- what each response is --------------------------------------------------------------------


def _classify(documents: list[Any], file: str) -> Responses:
    found = Responses(file)
    for document in _flatten(documents):
        if not isinstance(document, JsonObject):
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
                    location=Location(file, document.line),
                )
            found.organisation = document
        else:
            keys = ", ".join(sorted(document)) or "none"
            raise DataError(
                "neither an organisation response (uid, label, category) nor a units response "
                f"(units): the object has the keys {keys}",
                location=Location(file, document.line),
            )
    return found


def _flatten(documents: list[Any]) -> Iterator[Any]:
    for document in documents:
        if isinstance(document, list):
            yield from document
        else:
            yield document


def _add_units(found: Responses, document: JsonObject) -> None:
    units = document["units"]
    if not isinstance(units, list) or not all(isinstance(unit, JsonObject) for unit in units):
        raise DataError(
            "«units» must be a list of unit objects",
            location=Location(found.file, document.line_of("units"), "units"),
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
        where = Location(file, first.line_of("parentId") if first else None, "parentId")
    else:
        where = Location(file, organisation.line_of("uid"), "uid")
        uid = _uid(organisation.get("uid"), where)
        category = organisation.get("category")
        if category is not None and category != "MUNICIPALITY":
            raise DataError(
                f"the organisation {uid} is a {category} on Diavgeia; this mapping is for "
                "municipalities (category MUNICIPALITY)",
                location=Location(file, organisation.line_of("category"), "category"),
            )
        label = text(str(organisation.get("label") or ""))
        homepage = _homepage(
            organisation.get("website"), Location(file, organisation.line_of("website"), "website")
        )
    code = _elstat_of(uid, where)
    municipality = get_municipality(code)
    return [uid, code, municipality.label_el, municipality.label_en, label, homepage]


def _org_line(responses: Responses) -> int:
    if responses.organisation is not None:
        return responses.organisation.line
    return responses.units[0].line if responses.units else 1


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
    municipal = [root for root in roots if root in _diavgeia_uids()]
    where = Location(responses.file, units[0].line_of("parentId"), "parentId")
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


@cache
def _diavgeia_uids() -> dict[str, str]:
    """Diavgeia organisation uid -> ELSTAT code, from the municipality code list."""
    store = ox.Store()
    store.load(path=str(standards_path("ontologies") / CODE_LIST), format=ox.RdfFormat.TURTLE)
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX dorg: <https://w3id.org/demoi/def/organisation#>
        SELECT ?uid ?code WHERE {
          ?concept skos:inScheme <https://w3id.org/demoi/code/municipality> ;
                   skos:notation ?code ; dorg:diavgeiaUid ?uid .
        }"""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    return {row["uid"].value: row["code"].value for row in solutions}


def _elstat_of(uid: str, where: Location) -> str:
    code = _diavgeia_uids().get(uid)
    if code is None:
        raise DataError(
            f"the Diavgeia uid {uid} is not the uid of a municipality in the code list "
            "(ontologies/codelists/municipalities.ttl, dorg:diavgeiaUid); is it a region, a "
            "legal entity of the municipality or a unit?",
            location=where,
        )
    return code


# --- the units --------------------------------------------------------------------------------


def _unit_rows(
    responses: Responses,
    columns: tuple[Column, ...],
    organisation_uid: str,
    rejects: list[Reject] | None,
) -> list[tuple[list[str], int]]:
    """One row a unit, with its line. With ``rejects`` (--skip-invalid-rows) a unit with a bad
    field is recorded there and left out, and so are the units nested in it."""
    kept: list[tuple[JsonObject, dict[str, str]]] = []
    seen: dict[str, int] = {}
    for unit in responses.units or []:
        try:
            field = _unit_fields(unit, columns, responses.file)
            _check_unique(field["uid"], unit, seen, responses.file)
        except DataError as error:
            _reject(error, unit, rejects)
            continue
        kept.append((unit, field))
    classes = {field["uid"]: unit_class(field["label"], field["category"]) for _, field in kept}
    rows = []
    for unit, field in kept:
        where = Location(responses.file, unit.line_of("parentId"), "parentId")
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
        rows.append(([field[column.name] for column in columns] + derived, unit.line))
    return rows


def _reject(error: DataError, unit: JsonObject, rejects: list[Reject] | None) -> None:
    if rejects is None:
        raise error
    assert error.location is not None
    cells = [f"{key}={value}" for key, value in unit.items() if not isinstance(value, list)]
    rejects.append(Reject(error.location, cells, error.message))


def _unit_fields(unit: JsonObject, columns: tuple[Column, ...], file: str) -> dict[str, str]:
    """The descriptor's columns of one unit, by their JSON keys (the column's headers)."""
    fields = {}
    for column in columns:
        key = next((header for header in column.headers if header in unit), None)
        value = unit.get(key) if key else None
        field_name = key or column.headers[0]
        where = Location(file, unit.line_of(field_name), field_name)
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
        fields["uid"] = _uid(fields["uid"], Location(file, unit.line_of("uid"), "uid"))
    return fields


def _check_unique(uid: str, unit: JsonObject, seen: dict[str, int], file: str) -> None:
    if uid in seen:
        raise DataError(
            f"the unit {uid} appears twice (first on line {seen[uid]}); each unit once",
            location=Location(file, unit.line_of("uid"), "uid"),
        )
    seen[uid] = unit.line


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
    decomposed = unicodedata.normalize("NFD", text(label).upper())
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")


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

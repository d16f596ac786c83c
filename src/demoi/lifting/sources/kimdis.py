"""ΚΗΜΔΗΣ (the central electronic register of public contracts) search export of contracts:
one row per contract (ΑΔΑΜ of kind SYMV), as tables for the procurement mapping.

The registry's «Αναζήτηση Συμβάσεων» exports an .xlsx workbook (title lines above the header,
numbers and dates as Excel values or as Greek text), or the same columns as ``;``-separated
text. The descriptor's columns name the headers; the cells are converted by their types as in
any tabular export (Greek numbers, dd/mm/yyyy dates), after the euro sign and non-breaking
spaces the registry writes are removed.

Tables (each reaches the mapping as ``<name>.csv``; the municipality is added):

============  =================================================================================
contracts     adam, title, buyer_municipality, buyer_entity, procedure, procedure_adam,
              procedure_type, procedure_decision, contract_type, value_excluding_vat,
              value_including_vat, signed, start, end, ada, award
cpvs          adam, procedure, cpv (every CPV code of the cell, for the contract and procedure)
contractors   adam, afm (the contractors that are legal entities)
entities      afm, name (those contractors, and a buyer other than the municipality)
============  =================================================================================

What the export holds and what this reader does with it:

* «CPV» holds one or more codes with their check digit and description, separated by «;», «|»
  or line breaks (``09134100-8 Πετρέλαιο ντίζελ``): each becomes an eight-digit code.
* «ΑΦΜ Αναδόχου» / «Ανάδοχος» hold every member of a group of operators, separated the same
  way. Only legal entities are kept (see ``_counterparties``): a natural person's name and ΑΦΜ
  never reach the output; a contract left with no contractor cannot be published and is refused
  (or left out with --skip-invalid-rows). The buyer listed as its own contractor is dropped.
* «Είδος Διαδικασίας» and «Είδος Σύμβασης» are the registry's Greek labels, mapped to the
  procedure-type and contract-type code lists; «Σχετικός ΑΔΑΜ» may name the procedure (PROC),
  the award (AWRD), a request (REQ) or a payment (PAY): the first two are linked, the others
  are not records of this dataset. A contract without a PROC (a direct award has none) gets a
  procedure named after its own ΑΔΑΜ, as ontologies/procurement.ttl says.
* The buyer is named by its ΑΦΜ: the municipality's (from the municipality code list) gives
  id:organisation/<ELSTAT> and that municipality is written next to --municipality, so the
  export of another municipality is refused by the profile; another buyer (a municipal legal
  entity such as a ΔΕΥΑ) is id:legal-entity/<ΑΦΜ>.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError, Location
from demoi.lifting.sources import ReadOptions, SourceData, sha256_of
from demoi.lifting.sources._counterparties import Party, bodies, legal_entity, name_words, valid_afm
from demoi.lifting.sources._rejects import record_or_raise
from demoi.lifting.sources.excel import sheet_records
from demoi.lifting.tabular import Table, decode, numbered_rows, read_bytes, table_from_records
from demoi.lifting.values import code, greek_code

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

ADAM = re.compile(r"[0-9]{2}(?:REQ|PROC|AWRD|SYMV|PAY|DIAB)[0-9]{9}")
ADA = re.compile(r"^[0-9Α-Ω]{4,12}-[0-9Α-Ω]{3}$")
CPV_CODE = re.compile(r"(?<![0-9])([0-9]{8})(?:-[0-9])?(?![0-9])")
SEPARATORS = re.compile(r"[;|]+")
# A «Σχετικός ΑΔΑΜ» meaning none, as words (dashes have none): «-», «Δεν υπάρχει», «N/A».
PLACEHOLDERS = {"", "ΔΕΝ ΥΠΑΡΧΕΙ", "N A", "ΟΧΙ"}

# The registry's labels, reduced to words without accents, and the procedure-type code list.
# Order matters: the first rule whose words are all in the label wins.
PROCEDURE_TYPES = [
    (("απευθειας",), "direct-award"),
    (("διαπραγματευση", "χωρις"), "negotiated-without-publication"),
    (("ανταγωνιστικη", "διαπραγματευση"), "competitive-negotiation"),
    (("ανταγωνιστικος", "διαλογος"), "competitive-dialogue"),
    (("συμπραξη", "καινοτομιας"), "innovation-partnership"),
    (("συνοπτικος",), "simplified-tender"),
    # «Πρόχειρος διαγωνισμός», the simplified tender's name before law 4412/2016.
    (("προχειρος",), "simplified-tender"),
    (("κλειστη",), "restricted"),
    (("ανοικτη",), "open"),
    (("ανοικτος",), "open"),
    (("ανοιχτη",), "open"),
    (("ανοιχτος",), "open"),
]
PROCEDURE_CODES = {notation for _, notation in PROCEDURE_TYPES}
# «Τεχνικές ή λοιπές συναφείς επιστημονικές υπηρεσίες» are studies (law 4412/2016, art. 2).
CONTRACT_TYPES = [
    (("μελετες",), "studies"),
    (("μελετη",), "studies"),
    (("τεχνικες",), "studies"),
    (("εργα",), "works"),
    (("εργο",), "works"),
    (("προμηθειες",), "supplies"),
    (("προμηθεια",), "supplies"),
    (("υπηρεσιες",), "services"),
    (("υπηρεσια",), "services"),
]
CONTRACT_CODES = {"works", "supplies", "services", "studies"}

TABLES = {
    "contracts": [
        "adam",
        "title",
        "buyer_municipality",
        "buyer_entity",
        "procedure",
        "procedure_adam",
        "procedure_type",
        "procedure_decision",
        "contract_type",
        "value_excluding_vat",
        "value_including_vat",
        "signed",
        "start",
        "end",
        "ada",
        "award",
    ],
    "cpvs": ["adam", "procedure", "cpv"],
    "contractors": ["adam", "afm"],
    "entities": ["afm", "name"],
}


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    file = str(path)
    records, sheet, encoding = _records(path, mapping, options)
    table = table_from_records(
        records,
        mapping.columns,
        file,
        sheet=sheet,
        rejects=options.rejects,
        delimiter=None if sheet else mapping.delimiter,
        progress=options.progress,
    )
    table.check_unique(mapping.key, file)
    tables = _Tables()
    for row, line in zip(table.rows, table.lines, strict=True):
        cells = dict(zip(table.columns, row, strict=True))
        where = Location(file, line, sheet=sheet)
        try:
            tables.add(_contract(cells, _Cell(where, mapping)), line)
        except DataError as error:
            record_or_raise(error, _summary(cells), options.rejects)
    return SourceData(tables.tables(sheet), sha256_of(path), encoding)


def _records(
    path: Path, mapping: Mapping, options: ReadOptions
) -> tuple[Iterable[tuple[int, list[str]]], str | None, str]:
    """Numbered rows of text: a workbook's sheet, or delimited text in any encoding."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        records, sheet = sheet_records(path, options.sheet or mapping.sheet)
        return ([(n, [_clean(c) for c in cells]) for n, cells in records], sheet, "xlsx")
    text, encoding = decode(read_bytes(path), str(path), options.encoding)
    rows = numbered_rows(text, mapping.delimiter, str(path))
    return (((line, [_clean(c) for c in cells]) for line, cells in rows), None, encoding)


def _clean(cell: str) -> str:
    """Without the euro sign and the non-breaking spaces the registry writes around amounts;
    a line break between two values (two CPV codes, two contractors) becomes « | », which the
    text type would otherwise turn into a space."""
    lines = [line.strip() for line in cell.replace("€", "").replace("\u00a0", " ").splitlines()]
    return " | ".join(line for line in lines if line)


def _summary(cells: dict[str, str]) -> list[str]:
    """What a rejected contract is, for the rejects file: never a contractor."""
    return [cells.get("adam", ""), cells.get("title", ""), cells.get("signed", "")]


# ---------------------------------------------------------------------------------------------
# One contract
# ---------------------------------------------------------------------------------------------


@dataclasses.dataclass
class _Contract:
    cells: dict[str, str]
    cpvs: list[str]
    contractors: list[Party]
    buyer: Party | None


class _Cell:
    """Errors that name the row, the column (by its header in the export) and the value."""

    def __init__(self, where: Location, mapping: Mapping) -> None:
        self.where = where
        self.headers = {column.name: column.headers[0] for column in mapping.columns}

    def error(self, column: str, value: str, expected: str) -> DataError:
        return self.problem(
            column, f"{value!r} in column {self.headers[column]!r} is not {expected}"
        )

    def problem(self, column: str, message: str) -> DataError:
        return DataError(
            message, location=dataclasses.replace(self.where, column=self.headers[column])
        )


def _contract(cells: dict[str, str], cell: _Cell) -> _Contract:
    adam = _adam(cells["adam"], "SYMV", cell, "adam")
    related = _related(cells.get("related", ""), cell)
    buyer_afm = cells["buyer_afm"].replace(" ", "")
    if not valid_afm(buyer_afm):
        raise cell.error("buyer_afm", cells["buyer_afm"], "a valid ΑΦΜ of nine digits")
    if buyer_afm in bodies().region_afms:
        raise cell.error(
            "buyer_afm",
            cells["buyer_afm"],
            "the ΑΦΜ of a municipality or of its legal entities (it is a region's)",
        )
    municipality = bodies().municipality_by_afm.get(buyer_afm, "")
    buyer = None if municipality else Party(buyer_afm, cells.get("buyer", ""))
    procedure = related.get("PROC", "")
    procedure_type = _label(cells["procedure_type"], PROCEDURE_TYPES, PROCEDURE_CODES)
    if not procedure_type:
        raise cell.error(
            "procedure_type",
            cells["procedure_type"],
            "a procedure type of ΚΗΜΔΗΣ (Απευθείας ανάθεση, Συνοπτικός διαγωνισμός, Ανοικτή "
            "διαδικασία, Κλειστή διαδικασία, Διαπραγμάτευση χωρίς προηγούμενη δημοσίευση…)",
        )
    contract_type = _label(cells["contract_type"], CONTRACT_TYPES, CONTRACT_CODES)
    if not contract_type:
        raise cell.error(
            "contract_type", cells["contract_type"], "Έργα, Προμήθειες, Υπηρεσίες or Μελέτες"
        )
    ada = _ada(cells.get("ada", ""), cell)
    contractors = _contractors(cells, cell, buyer_afm)
    return _Contract(
        cells={
            "adam": adam,
            "title": cells["title"],
            "buyer_municipality": municipality,
            "buyer_entity": "" if municipality else buyer_afm,
            "procedure": procedure or adam,
            "procedure_adam": procedure,
            "procedure_type": procedure_type,
            # Without a notice, the procedure is the award decision's own.
            "procedure_decision": "" if procedure else ada,
            "contract_type": contract_type,
            "value_excluding_vat": _euro(cells["value_excluding_vat"]),
            "value_including_vat": _euro(cells.get("value_including_vat", "")),
            "signed": cells["signed"],
            "start": cells.get("start", ""),
            "end": cells.get("end", ""),
            "ada": ada,
            "award": related.get("AWRD", ""),
        },
        cpvs=_cpvs(cells["cpv"], cell),
        contractors=contractors,
        buyer=buyer,
    )


def _adam(text: str, kind: str, cell: _Cell, column: str) -> str:
    found = code(text).replace(" ", "")
    if not re.fullmatch(rf"[0-9]{{2}}{kind}[0-9]{{9}}", found):
        raise cell.error(column, text, f"a ΚΗΜΔΗΣ ΑΔΑΜ of kind {kind}, e.g. 25{kind}017123456")
    return found


def _related(text: str, cell: _Cell) -> dict[str, str]:
    """The PROC and AWRD records among the related ΑΔΑΜ (REQ, PAY and others are not linked)."""
    if " ".join(name_words(text)) in PLACEHOLDERS:
        return {}
    found = ADAM.findall(code(text))
    if not found:
        raise cell.error("related", text, "one or more ΚΗΜΔΗΣ ΑΔΑΜ, e.g. 25PROC016512345")
    kinds: dict[str, str] = {}
    for adam in dict.fromkeys(found):
        kind = adam[2:-9]
        if kind in ("PROC", "AWRD") and kinds.get(kind, adam) != adam:
            raise cell.error(
                "related", text, f"a single {kind} ΑΔΑΜ: a contract comes from one {kind}"
            )
        kinds.setdefault(kind, adam)
    return kinds


def _ada(text: str, cell: _Cell) -> str:
    if not text:
        return ""
    found = greek_code(text).replace(" ", "")
    if not ADA.match(found):
        raise cell.error("ada", text, "a Diavgeia ΑΔΑ such as ΩΤ9ΜΩΞΑ-Η2Ε")
    return found


def _label(text: str, rules: Sequence[tuple[tuple[str, ...], str]], codes: set[str]) -> str:
    if text.strip().lower() in codes:
        return text.strip().lower()
    words = {word.casefold() for word in name_words(text)}
    return next((n for needed, n in rules if {word.casefold() for word in needed} <= words), "")


def _euro(amount: str) -> str:
    """Two decimals at least, as amounts in euro are written: 172500 -> 172500.00."""
    if not amount or "." in amount and len(amount.split(".")[1]) >= 2:
        return amount
    return str(Decimal(amount).quantize(Decimal("0.01")))


def _cpvs(text: str, cell: _Cell) -> list[str]:
    found = list(dict.fromkeys(CPV_CODE.findall(text)))
    if not found:
        raise cell.error("cpv", text, "one or more CPV codes such as 09134100-8")
    return found


def _contractors(cells: dict[str, str], cell: _Cell, buyer: str) -> list[Party]:
    """The contractors that are legal entities; personal data are dropped here."""
    afms = [afm for afm in re.split(r"[;|\n,\s]+", cells["contractor_afm"]) if afm]
    names = [name.strip() for name in SEPARATORS.split(cells.get("contractor", ""))]
    if len(names) != len(afms):
        names = [""] * len(afms)  # names cannot be paired with their ΑΦΜ: keep none
    kept = [legal_entity(afm, name) for afm, name in zip(afms, names, strict=True)]
    parties = [party for party in kept if party is not None and party.afm != buyer]
    if not parties:
        # The cells are not repeated: they may be a natural person's name and ΑΦΜ.
        raise cell.problem(
            "contractor_afm",
            f"contract {cells['adam']} has no contractor that is a legal entity: demoi does not "
            "publish contracts with natural persons, nor with contractors it cannot tell from "
            "one (a company's name carries its legal form, e.g. Α.Ε., Ε.Π.Ε., Ι.Κ.Ε.); leave "
            "the contract out with --skip-invalid-rows",
        )
    return parties


# ---------------------------------------------------------------------------------------------
# The tables
# ---------------------------------------------------------------------------------------------


class _Tables:
    def __init__(self) -> None:
        self._rows: dict[str, list[list[str]]] = {name: [] for name in TABLES}
        self._lines: dict[str, list[int]] = {name: [] for name in TABLES}
        self._named: set[str] = set()

    def _add(self, table: str, line: int, *cells: str) -> None:
        self._rows[table].append(list(cells))
        self._lines[table].append(line)

    def add(self, contract: _Contract, line: int) -> None:
        adam = contract.cells["adam"]
        self._add("contracts", line, *(contract.cells[name] for name in TABLES["contracts"]))
        for cpv in contract.cpvs:
            self._add("cpvs", line, adam, contract.cells["procedure"], cpv)
        for party in contract.contractors:
            self._add("contractors", line, adam, party.afm)
            self._entity(party, line)
        if contract.buyer is not None:
            self._entity(contract.buyer, line)

    def _entity(self, party: Party, line: int) -> None:
        """Each legal entity described once, by the first name the export gives it."""
        if party.afm not in self._named:
            self._named.add(party.afm)
            self._add("entities", line, party.afm, party.name)

    def tables(self, sheet: str | None) -> dict[str, Table]:
        return {
            name: Table(columns, self._rows[name], "", self._lines[name], sheet=sheet)
            for name, columns in TABLES.items()
        }

"""Monthly waste quantities from the workbook a municipality's cleaning or recycling department
keeps, one sheet per year, in either of the two layouts such workbooks have:

- long: «Μήνας | Ρεύμα αποβλήτων | Ποσότητα (τόνοι) | ...», one row per month and stream,
  the month often written only on the first row of its block (it holds until the next), and
  subtotal rows («Σύνολο Ιανουαρίου») between the blocks;
- wide: «ΜΗΝΑΣ | ΣΥΜΜΕΙΚΤΑ (ΠΡΑΣΙΝΟΣ ΚΑΔΟΣ) | ΑΝΑΚΥΚΛΩΣΙΜΑ (ΜΠΛΕ ΚΑΔΟΣ) | ΓΥΑΛΙ | ... | ΣΥΝΟΛΟ»,
  one row per month and one column per stream.

Title rows above the header are skipped; the table ends at the grand total («ΣΥΝΟΛΟ», «ΓΕΝΙΚΟ
ΣΥΝΟΛΟ» in the month column): below it come the place, date and signature of the official who
drew it up, a natural person whose name must not reach the output, so nothing below it is read.
Streams are named in Greek as municipalities write them («Ανακυκλώσιμα/μπλε κάδος», «Σύμμικτα»,
«Οργανικά (καφέ κάδος)») and become notations of https://w3id.org/demoi/code/waste-stream.
Quantities are in tonnes or kilograms, as the quantity column's header or the title says.

Readers do not see the mapping's parameters, so the year comes from the workbook: the dates of
the month column, else the sheet's name («2024»), else its title rows («... ΕΤΟΥΣ 2024»).

Table ``source``: month (``2024-01``), stream (notation), quantity (decimal), unit (QUDT unit
name), result_time (the first instant of the next month, Greek local time, with its offset).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError, Location
from demoi.lifting import values
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData, sha256_of
from demoi.lifting.sources._rejects import record_or_raise
from demoi.lifting.sources._workbook import (
    Record,
    check_sheet_exists,
    descriptor_columns,
    header_positions,
    period_end,
    serial_date,
)
from demoi.lifting.sources.excel import workbook_sheets
from demoi.lifting.tabular import Column, Table, normalise_header, table_from_records

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

MONTH, STREAM, TONNES, KILOGRAMS = "month", "stream", "tonnes", "kilograms"
OUTPUT = ["month", "stream", "quantity", "unit", "result_time"]


def _keys(pairs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Words matched like headers: no accents, case or punctuation."""
    return {normalise_header(word): value for word, value in pairs}


# Stream names as municipal workbooks write them, and the code list's own labels.
STREAMS = _keys(
    [(label, "mixed") for label in (
        "Σύμμεικτα", "Σύμμικτα", "Σύμμεικτα αστικά απόβλητα", "Σύμμεικτα απορρίμματα",
        "Απορρίμματα", "Οικιακά απορρίμματα", "Αστικά απορρίμματα", "Πράσινος κάδος", "mixed")]
    + [(label, "commingled-packaging") for label in (
        "Ανακυκλώσιμα", "Ανακυκλώσιμα υλικά", "Ανακυκλώσιμα υλικά συσκευασίας", "Ανακύκλωση",
        "Συσκευασίες", "Μπλε κάδος", "commingled-packaging")]
    + [(label, "paper") for label in ("Χαρτί", "Χαρτόνι", "Χαρτί και χαρτόνι", "paper")]
    + [(label, "plastic") for label in ("Πλαστικά", "Πλαστικό", "plastic")]
    + [(label, "glass") for label in (
        "Γυαλί", "Γυάλινα", "Γυάλινες συσκευασίες", "Καμπάνες γυαλιού", "Μπλε καμπάνα",
        "glass")]
    + [(label, "metal") for label in ("Μέταλλα", "Μεταλλικά", "Αλουμίνιο", "metal")]
    + [(label, "biowaste") for label in (
        "Οργανικά", "Οργανικά απόβλητα", "Βιοαπόβλητα", "Βιοαπόβλητα τροφίμων", "Καφέ κάδος",
        "biowaste")]
    + [(label, "green-waste") for label in (
        "Κλαδέματα", "Πράσινα", "Πράσινα απόβλητα", "green-waste")]
    + [(label, "bulky") for label in (
        "Ογκώδη", "Ογκώδη αντικείμενα", "Ογκώδη απόβλητα", "bulky")]
    + [(label, "weee") for label in (
        "ΑΗΗΕ", "Ηλεκτρικές συσκευές", "Ηλεκτρικές και ηλεκτρονικές συσκευές",
        "Απόβλητα ηλεκτρικού και ηλεκτρονικού εξοπλισμού", "weee")]
    + [(label, "textiles") for label in (
        "Ρούχα", "Υφάσματα", "Ρούχα και υφάσματα", "Ενδύματα", "textiles")]
)  # fmt: skip
STREAM_PARTS = re.compile(r"[/()\[\],+;-]")
# Unit words in a header or a title («(tn)», «(τόνοι)», «σε κιλά»).
UNITS = _keys(
    [(word, "TONNE") for word in ("t", "tn", "τον", "τόνοι", "τόνους", "τόνος")]
    + [(word, "KiloGM") for word in ("kg", "κιλά", "χιλιόγραμμα", "χγρ")]
)
# Month names, by how they begin once normalised (Ιανουάριος, Ιανουαρίου, ΙΑΝ, Μαΐου...).
MONTHS = _keys(
    [("Ιαν", "1"), ("Φεβ", "2"), ("Μαρ", "3"), ("Απρ", "4"), ("Μαι", "5"), ("Ιουν", "6"),
     ("Ιουλ", "7"), ("Αυγ", "8"), ("Σεπ", "9"), ("Οκτ", "10"), ("Νοε", "11"), ("Δεκ", "12")]
)  # fmt: skip
TOTAL = tuple(normalise_header(word) for word in ("Σύνολο", "Γενικό σύνολο"))
# Wide-layout columns that are not streams.
NOT_STREAMS = tuple(
    normalise_header(word) for word in ("Σύνολο", "Α/Α", "Παρατηρήσεις", "Εγκατάσταση")
)
YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")


@dataclasses.dataclass(frozen=True)
class Sheet:
    name: str
    records: list[Record]
    header: int  # index of the header row in records
    positions: dict[str, int]
    year: str  # from the sheet name or title, "" if neither says


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    file = str(path)
    columns = descriptor_columns(mapping, [MONTH, STREAM, TONNES, KILOGRAMS])
    sheet = choose_sheet(path, columns, options.sheet or mapping.sheet)
    records = table_records(sheet)
    if STREAM in sheet.positions:
        rows = long_rows(sheet, records, columns, file, options)
    else:
        rows = wide_rows(sheet, records, columns[0], file, options)
    table = Table(
        OUTPUT, [row for _, row in rows], "xlsx", [line for line, _ in rows], sheet=sheet.name
    )
    return SourceData({MAIN_TABLE: table}, sha256_of(path), "xlsx")


# --- the sheet, its header, its year ---------------------------------------------------------


def choose_sheet(path: Path, columns: list[Column], wanted: str | None) -> Sheet:
    """The sheet ``--sheet`` names, or the only one with a waste table: with several (one per
    year), guessing could publish one year's quantities under another."""
    file = str(path)
    sheets = workbook_sheets(path)
    if wanted:
        check_sheet_exists(path, sheets, wanted)
    candidates = []
    for name, records in sheets:
        if wanted and name != wanted:
            continue
        found = next(
            (
                (index, positions)
                for index, (_, cells) in enumerate(records)
                if (positions := header_positions(cells, columns)) is not None
            ),
            None,
        )
        if found:
            index, positions = found
            year = sheet_year(name, records[:index], file)
            candidates.append(Sheet(name, records, index, positions, year))
    if not candidates:
        month = columns[0]
        raise DataError(
            f"no sheet has a header with the column {' / '.join(month.headers)}",
            location=Location(file, sheet=wanted),
        )
    if len(candidates) > 1:
        names = ", ".join(repr(sheet.name) for sheet in candidates)
        raise DataError(
            f"the sheets {names} all hold waste quantities; choose one with --sheet",
            location=Location(file),
        )
    return candidates[0]


def sheet_year(name: str, title: list[Record], file: str) -> str:
    """The year the sheet's name or title rows state; they must agree."""
    found: dict[str, str] = {}
    for year in YEAR.findall(name):
        found.setdefault(year, "the sheet's name")
    for line, cells in title:
        for year in YEAR.findall(" ".join(cells)):
            found.setdefault(year, f"row {line}")
    if len(found) > 1:
        years = " and ".join(f"{year} ({where})" for year, where in found.items())
        raise DataError(
            f"the sheet's name and title give more than one year: {years}; keep one",
            location=Location(file, sheet=name),
        )
    return next(iter(found), "")


def table_records(sheet: Sheet) -> list[Record]:
    """The header and the rows below it up to the grand total, the month written on every row
    (a month holds until the next one) and subtotal rows left out."""
    month_at = sheet.positions[MONTH]
    stream_at = sheet.positions.get(STREAM)
    header_line, header = sheet.records[sheet.header]
    kept: list[Record] = [(header_line, header)]
    month = ""
    for line, cells in sheet.records[sheet.header + 1 :]:
        if not any(cells):
            continue
        cells = list(cells)
        if month_at >= len(cells):
            cells += [""] * (month_at + 1 - len(cells))
        if is_total(cells[month_at]):
            break  # the grand total; below it, place, date and signature
        if stream_at is not None and stream_at < len(cells) and is_total(cells[stream_at]):
            continue  # a month's subtotal
        month = cells[month_at] or month
        cells[month_at] = month
        kept.append((line, cells))
    return kept


def is_total(text: str) -> bool:
    return normalise_header(text).startswith(TOTAL)


# --- the two layouts -------------------------------------------------------------------------


Row = tuple[int, list[str]]


def long_rows(
    sheet: Sheet,
    records: list[Record],
    columns: list[Column],
    file: str,
    options: ReadOptions,
) -> list[Row]:
    month, stream, tonnes, kilograms = columns
    quantity = quantity_column(sheet, tonnes, kilograms, records[0], file)
    unit = "TONNE" if quantity is tonnes else "KiloGM"
    rejects = options.rejects
    table = table_from_records(
        records,
        [month, stream, quantity],
        file,
        sheet=sheet.name,
        rejects=rejects,
        progress=options.progress,
    )
    cells_of = dict(records)
    rows = []
    for (month_text, stream_text, amount), line in zip(table.rows, table.lines, strict=True):
        where = Location(file, line, sheet=sheet.name)
        try:
            if not amount:
                continue  # nothing weighed: no observation
            first = month_of(month_text, sheet.year, column_at(where, sheet, MONTH))
            code = stream_of(stream_text, column_at(where, sheet, STREAM))
            check_amount(amount, column_at(where, sheet, quantity.name))
        except DataError as error:
            record_or_raise(error, cells_of[line], rejects)
            continue
        rows.append((line, observation(first, code, amount, unit)))
    return rows


def quantity_column(
    sheet: Sheet, tonnes: Column, kilograms: Column, header: Record, file: str
) -> Column:
    present = [column for column in (tonnes, kilograms) if column.name in sheet.positions]
    if len(present) != 1:
        problem = "both" if present else "neither"
        raise DataError(
            f"the header has {problem} of the quantity columns "
            f"{' / '.join(tonnes.headers)} and {' / '.join(kilograms.headers)}; "
            "it needs one, in tonnes or in kilograms",
            location=Location(file, header[0], sheet=sheet.name),
        )
    return present[0]


def wide_rows(
    sheet: Sheet, records: list[Record], month: Column, file: str, options: ReadOptions
) -> list[Row]:
    header_line, header = records[0]
    title_unit = unit_in(" ".join(" ".join(cells) for _, cells in sheet.records[: sheet.header]))
    streams = wide_columns(
        header, sheet.positions[MONTH], title_unit, Location(file, header_line, sheet=sheet.name)
    )
    value_columns = [
        Column(f"c{position}", (label,), "decimal", required=False)
        for position, label, _, _ in streams
    ]
    rejects = options.rejects
    table = table_from_records(
        records,
        [month, *value_columns],
        file,
        sheet=sheet.name,
        rejects=rejects,
        progress=options.progress,
    )
    cells_of = dict(records)
    rows = []
    for row, line in zip(table.rows, table.lines, strict=True):
        where = Location(file, line, sheet=sheet.name)
        found = []
        try:
            first = month_of(row[0], sheet.year, column_at(where, sheet, MONTH))
            for (position, _, code, unit), amount in zip(streams, row[1:], strict=True):
                if amount:
                    check_amount(amount, dataclasses.replace(where, column=position + 1))
                    found.append((line, observation(first, code, amount, unit)))
        except DataError as error:
            record_or_raise(error, cells_of[line], rejects)
            continue
        rows.extend(found)
    return rows


def wide_columns(
    header: list[str], month_at: int, title_unit: str, where: Location
) -> list[tuple[int, str, str, str]]:
    """(position, header, stream, unit) of each stream column of a wide header."""
    found: list[tuple[int, str, str, str]] = []
    for position, cell in enumerate(header):
        label = values.text(cell)
        at = dataclasses.replace(where, column=position + 1)
        if not label or position == month_at or normalise_header(label).startswith(NOT_STREAMS):
            continue
        code = stream_of(label, at)
        unit = unit_in(label) or title_unit
        if not unit:
            raise DataError(
                f"the column {label!r} does not say its unit: write «(τόνοι)» or «(kg)» in the "
                "header or in the title above it",
                location=at,
            )
        twice = [column for column in found if column[2] == code]
        if twice:
            raise DataError(
                f"the columns {twice[0][1]!r} and {label!r} are both the stream {code}; "
                "add them up into one column",
                location=at,
            )
        found.append((position, label, code, unit))
    return found


# --- values ----------------------------------------------------------------------------------


def month_of(text: str, sheet_year: str, where: Location) -> datetime.date:
    """The first day of the month a cell names: «Ιανουάριος», «ΙΑΝ», «Ιαν-24», «1», «01/2024»,
    or a date (an Excel month cell is the first of the month)."""
    text = serial_date(values.text(text))
    if not text:
        raise DataError(
            "the row has no month: write it in the month column, at least on the first row "
            "of each month",
            location=where,
        )
    number, year = month_parts(text)
    if number is None or not 1 <= int(number) <= 12:
        raise DataError(
            f"{text!r} is not a month such as Ιανουάριος, ΙΑΝ, 1 or 01/2024",
            location=where,
        )
    if year and len(year) == 2:
        year = "20" + year
    if year and sheet_year and year != sheet_year:
        raise DataError(
            f"the month {text!r} is in {year}, but the sheet is for {sheet_year}",
            location=where,
        )
    year = year or sheet_year
    if not year:
        raise DataError(
            f"the month {text!r} has no year, and neither the sheet's name nor its title says "
            "it: name the sheet after the year (e.g. «2024»)",
            location=where,
        )
    return datetime.date(int(year), int(number), 1)


def month_parts(text: str) -> tuple[str | None, str]:
    """(month number, year or "") of a month cell; (None, "") if it names no month."""
    for pattern in (
        r"\d{1,2}[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})",  # a date: 01/01/2024
        r"(?P<month>\d{1,2})[/.-](?P<year>\d{4})",
        r"(?P<year>\d{4})-(?P<month>\d{1,2})",
        r"(?P<month>\d{1,2})",
    ):
        match = re.fullmatch(pattern, text)
        if match:
            return match["month"], match.groupdict().get("year") or ""
    named = re.fullmatch(r"(?P<name>[^\d]+?)[\s\-/,.']*(?P<year>\d{2}|\d{4})?", text)
    if named:
        name = normalise_header(named["name"])
        number = next((n for prefix, n in MONTHS.items() if name.startswith(prefix)), None)
        return number, named["year"] or ""
    return None, ""


def stream_of(text: str, where: Location) -> str:
    """The waste-stream notation a label names: the whole label, or its parts around «/», «-»,
    brackets («Ανακυκλώσιμα/μπλε κάδος», «ΣΥΜΜΕΙΚΤΑ (tn)»); the parts that name a stream must
    agree, the others (a unit, a facility) are let be."""
    label = values.text(text)
    whole = STREAMS.get(normalise_header(label))
    if whole:
        return whole
    parts = map(normalise_header, STREAM_PARTS.split(label))
    codes = {STREAMS[part] for part in parts if part in STREAMS}
    if len(codes) == 1:
        return codes.pop()
    known = ", ".join(f"«{example}»" for example in STREAM_EXAMPLES)
    problem = "names more than one waste stream" if len(codes) > 1 else "is not a waste stream"
    raise DataError(
        f"{label!r} {problem}; write one of: {known}",
        location=where,
    )


STREAM_EXAMPLES = (
    "Σύμμεικτα", "Ανακυκλώσιμα (μπλε κάδος)", "Χαρτί", "Πλαστικά", "Γυαλί", "Μέταλλα",
    "Οργανικά (καφέ κάδος)", "Κλαδέματα", "Ογκώδη", "ΑΗΗΕ", "Ρούχα",
)  # fmt: skip


def unit_in(text: str) -> str:
    """The unit a header or title names («ΣΥΜΜΕΙΚΤΑ (tn)», «... (τόνοι)»), or ""."""
    units = {UNITS[word] for word in map(normalise_header, re.split(r"[\s()\[\]/,.:]+", text))
             if word in UNITS}  # fmt: skip
    return units.pop() if len(units) == 1 else ""


def check_amount(amount: str, where: Location) -> None:
    if Decimal(amount) < 0:
        raise DataError(
            f"{amount!r} is negative; a collected quantity is zero or more", location=where
        )


def column_at(where: Location, sheet: Sheet, name: str) -> Location:
    return dataclasses.replace(where, column=sheet.positions[name] + 1)


def observation(first: datetime.date, stream: str, amount: str, unit: str) -> list[str]:
    return [f"{first:%Y-%m}", stream, amount, unit, period_end(first, months=1)]

"""The table of indicator values a municipality keeps for its Catalogue of Indicators, usually a
spreadsheet saved as CSV: one row per indicator and reference period, with the value and its
unit of measure (other columns, such as remarks, are ignored).

    Κωδικός δείκτη;Περίοδος;Τιμή;Μονάδα μέτρησης;Παρατηρήσεις
    population-change;2021;2,93;%;Απογραφή ΕΛΣΤΑΤ

Read as the core reads delimited text (encoding detected, title rows skipped, Greek numbers),
with the delimiter detected (``;`` from a spreadsheet in a Greek locale, ``,`` or a tab), and
three conversions the core's column types do not have:

- indicator: the identifier of the Catalogue of Indicators entry (``population-change``), which
  names the indicator's IRI, so lower-case Latin letters, digits and ``-`` (upper case is lowered);
- period: a year (``2021``), a month (``03/2024``, ``2024-03``) or a day (``31/12/2024``), into
  one of the columns ``year``/``month``/``day`` (xsd:gYear, xsd:gYearMonth, xsd:date) and the
  canonical ``period`` (``2021``, ``2024-03``, ``2024-12-31``) that names the observation;
- unit: what people write (``%``, ``τόνοι``, ``αριθμός``, ``€``) or a QUDT unit written
  ``unit:KiloGM-PER-DAY``, into the QUDT IRI; one indicator has one unit throughout the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData
from demoi.lifting.sources._delimited import read_delimited
from demoi.lifting.sources._rows import bad_cell, converted_rows
from demoi.lifting.tabular import Table, normalise_header
from demoi.lifting.values import date

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

QUDT_UNIT = "http://qudt.org/vocab/unit/"
QUDT_CURRENCY = "http://qudt.org/vocab/currency/"
#: What people write (compared without accents, case or punctuation) -> QUDT IRI.
UNITS = {
    **dict.fromkeys(["%", "ποσοστό", "τοις εκατό", "percent"], QUDT_UNIT + "PERCENT"),
    **dict.fromkeys(["αριθμός", "πλήθος", "αρ.", "number", "count"], QUDT_UNIT + "NUM"),
    **dict.fromkeys(["τόνοι", "τόνος", "t", "tn", "tonne"], QUDT_UNIT + "TONNE"),
    **dict.fromkeys(["κιλά", "χιλιόγραμμα", "kg"], QUDT_UNIT + "KiloGM"),
    **dict.fromkeys(["€", "ευρώ", "eur", "euro"], QUDT_CURRENCY + "EUR"),
    **dict.fromkeys(["χλμ.", "χιλιόμετρα", "km"], QUDT_UNIT + "KiloM"),
    **dict.fromkeys(["τ.μ.", "m²", "m2", "τετραγωνικά μέτρα"], QUDT_UNIT + "M2"),
    **dict.fromkeys(["κ.μ.", "m³", "m3", "κυβικά μέτρα"], QUDT_UNIT + "M3"),
    **dict.fromkeys(["kwh", "κιλοβατώρες"], QUDT_UNIT + "KiloW-HR"),
    **dict.fromkeys(["ημέρες", "days"], QUDT_UNIT + "DAY"),
}
KNOWN_UNITS = {normalise_header(text) or text: iri for text, iri in UNITS.items()}
QUDT_WRITTEN = re.compile(r"^(unit|currency):([A-Za-z0-9_-]+)$")
IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YEAR = re.compile(r"^[0-9]{4}$")
MONTH = re.compile(r"^(?:([0-9]{1,2})[/.-]([0-9]{4})|([0-9]{4})-([0-9]{2}))$")
OUTPUT = ["indicator", "period", "year", "month", "day", "value", "unit"]


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    table = read_delimited(path, mapping.columns, options, mapping.delimiter)
    headers = {column.name: column.headers[0] for column in mapping.columns}
    units: dict[str, tuple[str, str]] = {}  # indicator -> (unit IRI, as written)

    def convert(cells: dict[str, str]) -> list[str]:
        indicator = cells["indicator"].lower()
        if not IDENTIFIER.match(indicator):
            expected = "an identifier of Latin letters, digits and - such as population-change"
            raise bad_cell(cells["indicator"], headers["indicator"], expected)
        if not cells["value"]:
            raise bad_cell("", headers["value"], "a number such as 2,93")
        year, month, day = _period(cells["period"], headers["period"])
        unit = _unit(cells["unit"], headers["unit"])
        first = units.setdefault(indicator, (unit, cells["unit"]))
        if first[0] != unit:
            expected = f"the unit of {indicator} in the rows above ({first[1]!r})"
            raise bad_cell(cells["unit"], headers["unit"], expected)
        period = year or month or day
        return [indicator, period, year, month, day, cells["value"], unit]

    rows, lines = converted_rows(table, convert, str(path), options.rejects)
    converted = Table(OUTPUT, rows, table.encoding, lines, table.sha256)
    return SourceData({MAIN_TABLE: converted}, table.sha256, table.encoding)


def _period(text: str, header: str) -> tuple[str, str, str]:
    """(year, month, day), one of them set: 2021 / 2024-03 / 2024-12-31."""
    if YEAR.match(text):
        return text, "", ""
    month = MONTH.match(text)
    if month:
        number, year = (month[1], month[2]) if month[1] else (month[4], month[3])
        if 1 <= int(number) <= 12:
            return "", f"{year}-{int(number):02d}", ""
    try:
        return "", "", date(text)
    except ValueError:
        expected = "a year (2021), a month (03/2024) or a day (31/12/2024)"
        raise bad_cell(text, header, expected) from None


def _unit(text: str, header: str) -> str:
    written = QUDT_WRITTEN.match(text)
    if written:
        return (QUDT_UNIT if written[1] == "unit" else QUDT_CURRENCY) + written[2]
    known = KNOWN_UNITS.get(normalise_header(text) or text)
    if known is None:
        expected = "a unit such as %, αριθμός, τόνοι, kg, € or a QUDT unit such as unit:KiloGM"
        raise bad_cell(text, header, expected)
    return known

"""ELSTAT's table of the resident population of the municipalities (2021 census, with the 2011
figures on the 2021 boundaries): one row per municipality, the total, men and women of each
census year side by side. Read into one row per municipality × census year × sex (T, M, F).

The table is national; demoi publishes it per municipality. Only the rows of ``--municipality``
are kept (see ``_rows.rows_of``), so each municipality's graph holds its own population, a slice
of the national data sets ``id/dataset/population-2021`` and ``-2011`` that every slice names.

What the real table (and spreadsheets made from it) need:

- Delimiter ``,`` (the CSV) or ``;`` (saved from a spreadsheet in a Greek locale), detected;
  thousands separators (``71.894``) and title rows above the header are read as the core does.
- A code that lost its leading zero in a spreadsheet (``701``) is padded back (``0701``).
- Mount Athos (9901) is not a municipality (see ontologies/codelists/municipalities.ttl) and is
  left out.
- ELSTAT's table keys Ηρακλείου Αττικής (4604, 50,495 residents) as 7101, the code of Ηρακλείου
  Κρήτης, which has its own row (line 183 of municipalities_populations.csv; the code list's
  header and tools/derive_codelists.py record the same fix). ``ERRATA`` puts it right by content,
  wherever the row sits; any other repeated code is refused (the mapping's key).
- Every other row's name must be its code's municipality in the code list (a row keyed with the
  wrong code is refused), and each year's total must be men + women.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError, Location
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData
from demoi.lifting.sources._delimited import read_delimited
from demoi.lifting.sources._rows import bad_cell, converted_rows, rows_of
from demoi.lifting.tabular import Table
from demoi.municipalities import municipalities
from demoi.transliteration import without_accents

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

ATHOS = "9901"
#: (code in the table, name, 2021 total) -> the right code.
ERRATA = {("7101", "ΗΡΑΚΛΕΙΟΥ", "50495"): "4604"}
CENSUSES = ("2021", "2011")
SEXES = {"T": "total", "M": "men", "F": "women"}
CODE = re.compile(r"^[0-9]{3,4}$")
COLUMNS = ["area", "period", "sex", "population"]


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    file = str(path)
    table = read_delimited(path, mapping.columns, options, mapping.delimiter)
    headers = {column.name: column.headers[0] for column in mapping.columns}
    wide, lines = converted_rows(
        table, lambda cells: _checked(cells, headers), file, options.rejects
    )
    rows: list[list[str]] = []
    long_lines: list[int] = []
    for row, line in zip(wide, lines, strict=True):
        for observation in _observations(dict(zip(table.columns, row, strict=True))):
            rows.append(observation)
            long_lines.append(line)
    kept = rows_of(
        Table(COLUMNS, rows, table.encoding, long_lines, table.sha256),
        (("area", "municipality"),),
        options.constants,
        file,
    )
    return SourceData({MAIN_TABLE: kept}, table.sha256, table.encoding)


def _checked(cells: dict[str, str], headers: dict[str, str]) -> list[str] | None:
    """The row with its code put right, or None for Mount Athos."""
    code = cells["code"]
    if not CODE.match(code):
        raise bad_cell(code, headers["code"], "a four-digit ELSTAT municipality code such as 4401")
    code = code.zfill(4)  # a spreadsheet drops the leading zero of 0701
    code = ERRATA.get((code, _plain(cells["name"]), cells["total_2021"]), code)
    if code == ATHOS:
        return None
    known = _names().get(code)
    if known is None:
        raise bad_cell(code, headers["code"], "the code of a municipality of the 2021 code list")
    if not cells["total_2021"]:
        raise bad_cell("", headers["total_2021"], "a number such as 71894")
    if _plain(cells["name"]).removeprefix("ΔΗΜΟΣ ") != known:
        raise DataError(
            f"code {code} is {municipalities()[code].label_el} in the code list, not "
            f"{cells['name']!r}; is the row's code right?",
            location=Location(column=headers["code"]),
        )
    for year in CENSUSES:
        total, men, women = (cells[f"{sex}_{year}"] for sex in SEXES.values())
        if total and men and women and int(total) != int(men) + int(women):
            raise DataError(
                f"the {year} total {total} is not men {men} + women {women}",
                location=Location(column=headers[f"total_{year}"]),
            )
    return [code if name == "code" else value for name, value in cells.items()]


def _observations(cells: dict[str, str]) -> list[list[str]]:
    """One row per census year and sex that the row has a figure for."""
    return [
        [cells["code"], year, sex, cells[f"{column}_{year}"]]
        for year in CENSUSES
        for sex, column in SEXES.items()
        if cells.get(f"{column}_{year}")
    ]


@cache
def _names() -> dict[str, str]:
    """Each municipality's name as ELSTAT writes it (upper case, no accents, no «Δήμος»)."""
    names = {}
    for code, municipality in municipalities().items():
        name = municipality.label_el.removeprefix("Δήμος ")
        names[code] = _plain(re.sub(r" \([^)]*\)$", "", name))  # «Ηρακλείου (Αττικής)»
    return names


def _plain(name: str) -> str:
    """Upper case without accents or diaeresis: ELSTAT writes ΧΑΪΔΑΡΙΟΥ, the code list Χαϊδαρίου."""
    return " ".join(without_accents(name.upper()).split())

"""Row helpers shared by the finance and statistics readers (athens_budget, elstat_population,
indicator_table). They work around two things the lifting core does not give a reader yet:

- A reader whose file holds other municipalities or other years keeps only the lifted ones with
  :func:`rows_of` and the lift's constants (``ReadOptions.constants``).
- Column types beyond ``values.CONVERTERS`` (dot decimals, periods, units): the reader reads such
  a column as text and converts it row by row with :func:`converted_rows`, which names the file,
  line, column and value of a bad cell like the core does, and honours ``--skip-invalid-rows``.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError, Location
from demoi.lifting.tabular import (
    Column,
    Reject,
    Table,
    decode,
    normalise_header,
    read_bytes,
    table_from_records,
)

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping
    from demoi.lifting.sources import ReadOptions

#: Turns one row (canonical column -> cell) into the output row, or None to leave it out
#: silently; raises DataError (without location) for a bad cell.
RowConverter = Callable[[dict[str, str]], list[str] | None]


def rows_of(
    table: Table, match: Sequence[tuple[str, str]], constants: dict[str, str], source: str
) -> Table:
    """The rows of ``table`` whose ``column`` equals the lift's ``constant``, for each pair of
    ``match`` (e.g. ``("area", "municipality")``): a file holding every municipality or several
    years gives only the lifted municipality's or year's rows. The mappings that use it also map
    the dimension from the file's own column, so a row that slipped through would carry two
    values and fail validation instead of publishing another municipality's data. A constant the
    caller did not give (a reader used on its own, outside a lift) keeps every row."""
    match = [(column, constant) for column, constant in match if constant in constants]
    if not match:
        return table
    pairs = [(table.columns.index(column), constants[constant]) for column, constant in match]
    kept = [
        (row, line)
        for row, line in zip(table.rows, table.lines, strict=True)
        if all(row[position] == wanted for position, wanted in pairs)
    ]
    if not kept and table.rows:
        wanted = " and ".join(f"{constant} {constants[constant]}" for _, constant in match)
        found = sorted({" ".join(row[p] for p, _ in pairs) for row in table.rows})
        shown = ", ".join(found[:12]) + (", …" if len(found) > 12 else "")
        raise DataError(
            f"the file has no row for {wanted}; it has rows for {shown}",
            location=Location(source),
        )
    return dataclasses.replace(
        table, rows=[row for row, _ in kept], lines=[line for _, line in kept]
    )


def converted_rows(
    table: Table, convert: RowConverter, file: str, rejects: list[Reject] | None
) -> tuple[list[list[str]], list[int]]:
    """The rows ``convert`` makes of ``table``'s rows, and their lines. A DataError raised by
    ``convert`` gets the row's file and line (its own column is kept), and with ``rejects`` the
    row is recorded there and left out instead."""
    rows: list[list[str]] = []
    lines: list[int] = []
    for row, line in zip(table.rows, table.lines, strict=True):
        cells = dict(zip(table.columns, row, strict=True))
        try:
            made = convert(cells)
        except DataError as error:
            column = error.location.column if error.location else None
            where = Location(file, line, column, sheet=table.sheet)
            if rejects is None:
                raise DataError(error.message, location=where) from None
            rejects.append(Reject(where, row, error.message))
            continue
        if made is not None:
            rows.append(made)
            lines.append(line)
    return rows, lines


def bad_cell(value: str, header: str, expected: str) -> DataError:
    """The error for one cell, worded like the core's; the file and line are added by
    :func:`converted_rows`."""
    return DataError(
        f"{value!r} in column {header!r} is not {expected}", location=Location(column=header)
    )


def read_delimited(path: Path, mapping: Mapping, options: ReadOptions) -> Table:
    """``path`` read as the core reads delimited text, with the delimiter detected
    (:func:`find_delimiter`) instead of fixed by the descriptor."""
    file = str(path)
    data = read_bytes(path)
    text, encoding = decode(data, file, options.encoding)
    delimiter = find_delimiter(text, mapping.columns, mapping.delimiter)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered = ((records.line_num, [cell.strip() for cell in record]) for record in records)
    table = table_from_records(
        numbered, mapping.columns, file, rejects=options.rejects, delimiter=delimiter
    )
    return dataclasses.replace(table, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def find_delimiter(text: str, columns: Sequence[Column], default: str) -> str:
    """The delimiter of the first line that holds every required column's header: spreadsheets
    saved in a Greek locale write ``;``, other tools ``,`` or a tab. ``default`` when no line
    does (the core then says which headers are missing)."""
    wanted = [
        {normalise_header(header) for header in column.headers}
        for column in columns
        if column.required
    ]
    for line in text.splitlines()[:50]:
        for delimiter in (default, ";", ",", "\t"):
            cells = next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
            found = {normalise_header(cell) for cell in cells}
            if all(headers & found for headers in wanted):
                return delimiter
    return default

"""Row helpers shared by the finance and statistics readers (athens_budget, elstat_population,
indicator_table). They work around two things the lifting core does not give a reader yet:

- A reader whose file holds other municipalities or other years keeps only the lifted ones with
  :func:`rows_of` and the lift's constants (``ReadOptions.constants``).
- Column types beyond ``values.CONVERTERS`` (dot decimals, periods, units): the reader reads such
  a column as text and converts it row by row with :func:`converted_rows`, which names the file,
  line, column and value of a bad cell like the core does, and honours ``--skip-invalid-rows``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from demoi.errors import DataError, Location
from demoi.lifting.sources._rejects import record_or_raise
from demoi.lifting.tabular import Reject, Table

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
            record_or_raise(DataError(error.message, location=where), row, rejects)
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

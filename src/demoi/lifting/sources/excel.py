"""Workbooks (.xlsx) through openpyxl: the sheet given by ``--sheet`` or the descriptor, else
the first; the header is the first non-empty row, found by the descriptor's column headers like
a text export's. Numbers come out in Greek format and dates as day/month/year, so a column's
type converts them the same way as in a text export."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from demoi.errors import DataError, Location, UsageError
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData, sha256_of
from demoi.lifting.tabular import table_from_records

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        return str(number).replace(".", ",")
    return str(value).strip()


@contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    """The workbook, read-only, closed on leaving: openpyxl's read-only mode keeps the file
    open until then."""
    import openpyxl  # imported here: only workbook sources need it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UsageError(f"{path}: cannot read (no such file)") from None
    except (OSError, KeyError, ValueError) as error:
        where = Location(str(path))
        raise DataError(f"not a readable .xlsx workbook ({error})", location=where) from None
    try:
        yield workbook
    finally:
        workbook.close()


def sheet_rows(sheet: Any) -> list[tuple[int, list[str]]]:
    """The rows of an openpyxl sheet as text, numbered from 1 as Excel shows them."""
    rows = sheet.iter_rows(values_only=True)
    return [(number, [cell_text(value) for value in row]) for number, row in enumerate(rows, 1)]


def sheet_records(path: Path, sheet: str | None) -> tuple[list[tuple[int, list[str]]], str]:
    """The numbered rows of a sheet as text, and the sheet's name (the first sheet when
    ``sheet`` is None)."""
    with open_workbook(path) as workbook:
        names = workbook.sheetnames
        name = sheet or names[0]
        if name not in names:
            raise UsageError(f"{path}: no sheet {name!r}; the sheets are: {', '.join(names)}")
        return sheet_rows(workbook[name]), name


def workbook_sheets(path: Path) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    """Every sheet of the workbook, in order, as (name, numbered rows of text)."""
    with open_workbook(path) as workbook:
        return [(sheet.title, sheet_rows(sheet)) for sheet in workbook.worksheets]


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    records, name = sheet_records(path, options.sheet or mapping.sheet)
    table = table_from_records(
        records,
        mapping.columns,
        str(path),
        sheet=name,
        rejects=options.rejects,
        progress=options.progress,
    )
    return SourceData({MAIN_TABLE: table}, sha256_of(path), "xlsx")

"""Helpers for the readers of workbooks that are not one flat table (the environment area's
air-quality and waste workbooks, read by ``excel.workbook_sheets``): header rows found by the
descriptor's column headers, and the end of a period as a Greek local time. Not a reader:
``format =`` never names it."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import UsageError
from demoi.greek_time import midnight
from demoi.lifting.tabular import Column, normalise_header

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

#: A sheet row: its 1-based number and its cells as text (numbers in Greek format, dates d/m/y).
Record = tuple[int, list[str]]

#: Excel's day 0 for serial dates (the 1900 leap-year bug makes it 30 December 1899).
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def check_sheet_exists(path: Path, sheets: Sequence[tuple[str, object]], wanted: str) -> None:
    names = [name for name, _ in sheets]
    if wanted not in names:
        raise UsageError(f"{path}: no sheet {wanted!r}; the sheets are: {', '.join(names)}")


def descriptor_columns(mapping: Mapping, names: Sequence[str]) -> list[Column]:
    """The descriptor's columns of these canonical names, in this order."""
    by_name = {column.name: column for column in mapping.columns}
    missing = [name for name in names if name not in by_name]
    if missing:
        # A defect of the descriptor, not of the data.
        raise RuntimeError(f"the mapping {mapping.name} has no column {', '.join(missing)}")
    return [by_name[name] for name in names]


def header_positions(cells: Sequence[str], columns: Sequence[Column]) -> dict[str, int] | None:
    """The 0-based position of each column found in ``cells`` if this row has every required
    column (matched like ``tabular``: no accents, case or punctuation), else None."""
    index = {normalise_header(text): position for position, text in enumerate(cells) if text}
    positions: dict[str, int] = {}
    for column in columns:
        found = next((index[k] for k in map(normalise_header, column.headers) if k in index), None)
        if found is not None:
            positions[column.name] = found
        elif column.required:
            return None
    return positions


def blocks(records: Sequence[Record]) -> list[list[Record]]:
    """The runs of non-empty rows: a sheet may hold several tables separated by empty rows."""
    runs: list[list[Record]] = [[]]
    for record in records:
        if any(record[1]):
            runs[-1].append(record)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def serial_date(text: str) -> str:
    """An Excel serial day number (``40185``, a date cell that lost its format) as d/m/y;
    anything else unchanged."""
    if re.fullmatch(r"[1-9][0-9]{4}", text):
        day = EXCEL_EPOCH + datetime.timedelta(days=int(text))
        return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    return text


def period_end(start: datetime.date, *, days: int = 0, months: int = 0) -> str:
    """The instant a period that starts on ``start`` ends, at Greek local midnight, as an
    xsd:dateTime with its UTC offset: the daily mean of 7/1/2010 ends 2010-01-08T00:00:00+02:00,
    the total of July 2024 ends 2024-08-01T00:00:00+03:00."""
    end = start + datetime.timedelta(days=days)
    if months:
        index = end.year * 12 + end.month - 1 + months
        end = datetime.date(index // 12, index % 12 + 1, end.day)
    return midnight(end)

"""Helpers for the readers of workbooks that are not one flat table (the environment area's
air-quality and waste workbooks): every sheet as numbered rows of text, header rows found by the
descriptor's column headers, Greek names turned into IRI segments, and the end of a period as a
Greek local time. Not a reader: ``format =`` never names it."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from demoi.errors import DataError, Location, UsageError
from demoi.lifting.sources.excel import cell_text
from demoi.lifting.tabular import Column, Reject, normalise_header

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

#: A sheet row: its 1-based number and its cells as text (numbers in Greek format, dates d/m/y).
Record = tuple[int, list[str]]

#: Greek local time: UTC+2 in winter, UTC+3 in summer (EU rules since 1996).
ATHENS = ZoneInfo("Europe/Athens")

#: Excel's day 0 for serial dates (the 1900 leap-year bug makes it 30 December 1899).
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def workbook_sheets(path: Path) -> list[tuple[str, list[Record]]]:
    """Every sheet of the workbook, in order, as (name, numbered rows of text)."""
    import openpyxl  # imported here: only workbook sources need it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UsageError(f"{path}: cannot read (no such file)") from None
    except (OSError, KeyError, ValueError) as error:
        where = Location(str(path))
        raise DataError(f"not a readable .xlsx workbook ({error})", location=where) from None
    try:
        return [
            (
                sheet.title,
                [
                    (number, [cell_text(value) for value in row])
                    for number, row in enumerate(sheet.iter_rows(values_only=True), 1)
                ],
            )
            for sheet in workbook.worksheets
        ]
    finally:
        workbook.close()


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
    return datetime.datetime(end.year, end.month, end.day, tzinfo=ATHENS).isoformat()


def record_or_raise(error: DataError, cells: list[str], rejects: list[Reject] | None) -> None:
    """With --skip-invalid-rows (``rejects``) the row is recorded and left out; else it fails."""
    if rejects is None:
        raise error
    assert error.location is not None
    rejects.append(Reject(error.location, cells, error.message))


# ELOT 743 (ISO 843) transliteration, for IRI segments made from Greek names.
_LETTERS = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψω",
        "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(),
        strict=True,
    )
)
# αυ, ευ, ηυ are av, ev, iv, but af, ef, if before a voiceless consonant or at the end.
_VOICELESS = set("θκξπσςτφχψ")


def slug(text: str) -> str:
    """A lower-case ASCII IRI segment for a Greek or Latin name: «ΕΓΝΑΤΙΑΣ» -> ``egnatias``,
    «25ης ΜΑΡΤΙΟΥ» -> ``25is-martiou``, «ΝΕΟΥ ΔΗΜΑΡΧΕΙΟΥ» -> ``neou-dimarcheiou``."""
    decomposed = unicodedata.normalize("NFD", text).casefold()
    # Accents go; the diaeresis stays until digraphs are read (ϋ in «Ευϋδρία» is not a digraph).
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0308")
    out: list[str] = []
    position = 0
    while position < len(kept):
        char, following = kept[position], kept[position + 1 : position + 2]
        after = kept[position + 2 : position + 3]
        digraph = following == "υ" and after != "\u0308"
        if char == "\u0308":
            position += 1
        elif char == "ο" and digraph:
            out.append("ou")
            position += 2
        elif char in "αεη" and digraph:
            voiced = after and after not in _VOICELESS and after.isalpha()
            out.append(_LETTERS[char] + ("v" if voiced else "f"))
            position += 2
        else:
            out.append(_LETTERS.get(char, char if char.isascii() and char.isalnum() else "-"))
            position += 1
    return re.sub(r"-+", "-", "".join(out)).strip("-")

"""Delimited text whose delimiter the file decides, not the descriptor: a spreadsheet saved in a
Greek locale separates cells with ``;``, a web CMS or QGIS with ``,``, other tools with a tab.
The delimiter is the one with which a line holds the header of every required column.

Not a reader itself (no ``read``): the leading underscore keeps it out of ``format =``.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.lifting.tabular import (
    Column,
    Table,
    decode,
    normalise_header,
    numbered_rows,
    read_bytes,
    table_from_records,
)

if TYPE_CHECKING:
    from demoi.lifting.sources import ReadOptions

#: Delimiters tried after the descriptor's own, most common first in Greek exports.
DELIMITERS = (";", ",", "\t")
#: Lines searched for the header: title lines above it are few.
HEADER_WITHIN = 50


def read_delimited(
    path: Path, columns: Sequence[Column], options: ReadOptions, delimiter: str
) -> Table:
    """``path`` read as the core reads delimited text (any encoding, the header found below any
    title lines), with the delimiter found by :func:`find_delimiter`, ``delimiter`` first."""
    file = str(path)
    data = read_bytes(path)
    text, encoding = decode(data, file, options.encoding)
    found = find_delimiter(text, columns, delimiter)
    table = table_from_records(
        numbered_rows(text, found, file),
        columns,
        file,
        rejects=options.rejects,
        delimiter=found,
        progress=options.progress,
    )
    return dataclasses.replace(table, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def find_delimiter(text: str, columns: Sequence[Column], default: str) -> str:
    """The delimiter (``default`` tried first) with which one of the first lines holds a header
    of every required column; ``default`` when none does, so that the core then says which
    headers are missing."""
    wanted = [
        {normalise_header(header) for header in column.headers}
        for column in columns
        if column.required
    ]
    candidates = (default, *(d for d in DELIMITERS if d != default))
    for line in text.splitlines()[:HEADER_WITHIN]:
        for delimiter in candidates:
            cells = next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
            found = {normalise_header(cell) for cell in cells}
            if all(headers & found for headers in wanted):
                return delimiter
    return default

"""A query over an SQLite database file: the descriptor's ``query`` gives the rows, its columns
the headers, and the columns' types convert the values as in a text export."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError, Location
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData, sha256_of
from demoi.lifting.sources.excel import cell_text
from demoi.lifting.tabular import table_from_records

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    if not mapping.query:
        raise RuntimeError(f"the mapping {mapping.name} reads sqlite but has no query")
    # Read-only, so a mapping's query can never change the municipality's database.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with sqlite3.connect(uri, uri=True) as connection:
            cursor = connection.execute(mapping.query)
            header = [description[0] for description in cursor.description]
            rows = [[cell_text(value) for value in row] for row in cursor.fetchall()]
    except sqlite3.Error as error:
        raise DataError(f"the query failed: {error}", location=Location(str(path))) from None
    records = enumerate([header, *rows], start=1)
    table = table_from_records(
        records, mapping.columns, str(path), rejects=options.rejects, progress=options.progress
    )
    return SourceData({MAIN_TABLE: table}, sha256_of(path), "sqlite")

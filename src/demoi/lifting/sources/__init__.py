"""Reading a municipal source into the clean tables a mapping runs over.

A source is read by the reader its descriptor names (``format =``): ``csv`` (delimited text in
any of the encodings municipal systems use), ``excel`` (a workbook, through openpyxl), ``sqlite``
(a query over a database file), or a reader written for one source shape, a module of this
package with a ``read(path, mapping, options)`` function (e.g. ``diavgeia`` for the Diavgeia API's
JSON). Every reader gives named tables of canonical, normalised text; each table reaches the
mapping as ``<name>.csv``.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from demoi.errors import UsageError
from demoi.lifting.tabular import Reject, Table, read_bytes, read_table

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

MAIN_TABLE = "source"


@dataclass
class ReadOptions:
    encoding: str | None = None
    sheet: str | None = None
    #: With a list, rows with a bad cell are recorded here and left out instead of failing.
    rejects: list[Reject] | None = None
    #: Called with the number of rows read so far, every PROGRESS_EVERY rows.
    progress: Callable[[int], None] | None = None
    #: The lift's constants, ``municipality`` and the mapping's parameters (e.g. ``year``), for a
    #: reader whose file holds other municipalities or years to keep only the lifted ones.
    constants: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceData:
    tables: dict[str, Table]
    #: SHA-256 of the source's bytes, for provenance.
    sha256: str
    encoding: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(len(table.rows) for table in self.tables.values())


class Reader(Protocol):
    def __call__(self, path: Path, mapping: Mapping, options: ReadOptions) -> SourceData: ...


def read_csv(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    table = read_table(
        path,
        mapping.columns,
        delimiter=mapping.delimiter,
        encoding=options.encoding,
        rejects=options.rejects,
        progress=options.progress,
    )
    return SourceData({MAIN_TABLE: table}, table.sha256, table.encoding)


def reader_for(source_format: str) -> Reader:
    if source_format == "csv":
        return read_csv
    try:
        module = importlib.import_module(f"demoi.lifting.sources.{source_format}")
    except ModuleNotFoundError:
        raise UsageError(f"no reader for the source format {source_format!r}") from None
    read: Reader = module.read
    return read


def read_source(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    return reader_for(mapping.source_format)(path, mapping, options)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(read_bytes(path)).hexdigest()

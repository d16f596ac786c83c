"""Reading a municipal source into the clean tables a mapping runs over.

A source is read by the reader its descriptor names (``format =``): ``csv`` (delimited text in
any of the encodings municipal systems use), ``excel`` (a workbook, through openpyxl), ``sql``
(a query over an SQLite file or a PostgreSQL database; ``sqlite`` is its former name), or a reader
written for one source shape, a module of this package with a ``read(path, mapping, options)``
function (e.g. ``diavgeia`` for the Diavgeia API's JSON). Every reader gives named tables of
canonical, normalised text; each table reaches the mapping as ``<name>.csv``.

A source is a file path, except for ``sql``, whose source may also be a database URL
(``postgresql://…``, ``postgres://…``, ``sqlite:///path``); see ``source_from``.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import unquote, urlsplit

from demoi.errors import UsageError
from demoi.lifting.tabular import Reject, Table, read_bytes, read_table

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

MAIN_TABLE = "source"
#: Former names of source formats, still accepted in descriptors.
FORMAT_ALIASES = {"sqlite": "sql"}
SQL_FORMAT = "sql"
POSTGRESQL_SCHEMES = ("postgresql", "postgres")
#: Connection parameters of a libpq URI that are secrets: never shown, recorded or logged.
SECRET_PARAMETERS = frozenset({"password", "sslpassword"})
URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


@dataclass(frozen=True)
class DatabaseSource:
    """A PostgreSQL database named by a libpq connection URI. Everything shown to anyone
    (messages, the provenance graph, the catalogue) uses ``name``, the URI without its
    password; ``url``, with it, only reaches the driver."""

    url: str = field(repr=False)
    name: str

    def __str__(self) -> str:
        return self.name

    @property
    def database(self) -> str:
        """The database's name, for files written beside the current folder (rejects)."""
        return unquote(urlsplit(self.name).path.strip("/")) or "database"


def database_source(url: str) -> DatabaseSource:
    return DatabaseSource(url=url, name=without_password(url))


def without_password(url: str) -> str:
    """The URI without the password of its user part or of its query (libpq accepts both)."""
    redacted = _without_user_password(url)
    try:
        parts = urlsplit(redacted)
    except ValueError:
        # A URI urlsplit cannot read ("[" without "]"): its query, where libpq also takes a
        # password, is left out; libpq then says what is wrong with the rest.
        return redacted.partition("?")[0]
    netloc = parts.netloc
    # The query's other parameters are kept as written (no re-encoding).
    kept = [
        parameter
        for parameter in parts.query.split("&")
        if parameter and unquote(parameter.partition("=")[0]) not in SECRET_PARAMETERS
    ]
    query = "?" + "&".join(kept) if kept else ""
    return f"{parts.scheme}://{netloc}{parts.path}{query}"


def _without_user_password(url: str) -> str:
    """The URI without the password of its user part, found as libpq finds it: up to the first
    "@" before any "/". urlsplit() cannot be used for this: it ends the user part at a "?" or
    "#", which libpq takes as part of an unencoded password, so the password would be shown."""
    scheme, separator, rest = url.partition("://")
    slash = rest.find("/")
    at = rest.find("@", 0, slash if slash >= 0 else len(rest))
    if not separator or at < 0:
        return url
    user = rest[:at].partition(":")[0]
    return f"{scheme}{separator}{user}{rest[at:]}"


def canonical_format(source_format: str) -> str:
    return FORMAT_ALIASES.get(source_format, source_format)


def source_from(argument: str, mapping: Mapping) -> Path | DatabaseSource:
    """The source the user named: a file path, or for a ``sql`` mapping a database URL."""
    scheme = URL_SCHEME.match(argument)
    if scheme is None:
        return Path(argument)
    name = scheme.group(1).lower()
    shown = without_password(argument)
    if canonical_format(mapping.source_format) != SQL_FORMAT:
        raise UsageError(
            f"{shown}: the mapping {mapping.name} reads {mapping.source_format} files; "
            "give the file's path (database URLs are for SQL mappings)"
        )
    if name in POSTGRESQL_SCHEMES:
        return database_source(argument)
    if name == "sqlite" and argument.startswith("sqlite:///"):
        # SQLAlchemy's form: sqlite:///relative/path, sqlite:////absolute/path.
        return Path(argument.removeprefix("sqlite:///"))
    raise UsageError(
        f"{shown}: not a database demoi reads; give an SQLite file's path or sqlite:///PATH, "
        "or a postgresql:// URL"
    )


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
    #: Columns the reader knows to hold natural persons' identifiers, (table, column) -> the
    #: kind (a demoi.privacy.detect.Kind value, e.g. "afm"): the guard refuses them unless the
    #: privacy policy treats them, whether or not it recognises each cell.
    personal: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        """The rows of every table given to the mapping, added up."""
        return sum(len(table.rows) for table in self.tables.values())

    @property
    def table_rows(self) -> dict[str, int]:
        """The rows of each table given to the mapping, by table name."""
        return {name: len(table.rows) for name, table in self.tables.items()}


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
    source_format = canonical_format(source_format)
    if source_format == "csv":
        return read_csv
    try:
        module = importlib.import_module(f"demoi.lifting.sources.{source_format}")
    except ModuleNotFoundError:
        raise UsageError(f"no reader for the source format {source_format!r}") from None
    read: Reader = module.read
    return read


def read_source(
    source: Path | DatabaseSource, mapping: Mapping, options: ReadOptions
) -> SourceData:
    if isinstance(source, DatabaseSource):
        if canonical_format(mapping.source_format) != SQL_FORMAT:
            raise UsageError(
                f"{source}: the mapping {mapping.name} reads {mapping.source_format} files, "
                "not a database"
            )
        from demoi.lifting.sources import sql

        return sql.read(source, mapping, options)
    return reader_for(mapping.source_format)(source, mapping, options)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(read_bytes(path)).hexdigest()

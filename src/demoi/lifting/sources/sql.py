"""A query over a database: the descriptor's ``query`` gives the rows, its columns the headers,
and the columns' types convert the values as in a text export.

The database is an SQLite file (read-only, through the standard library) or a PostgreSQL
database named by a libpq URI, ``postgresql://user:password@host:port/database`` (through
psycopg, in a read-only transaction). The same query and the same rows give the same graph.

Provenance names a database source by the SHA-256 of the rows the query read, not of a file:
a PostgreSQL database has no file, and an SQLite file's bytes change with its page layout
(VACUUM, another SQLite version) while its rows do not. The rows are serialised canonically
(``canonical_rows``), so the same content, read from either database, gives the same record.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from demoi.errors import DataError, Location
from demoi.lifting.sources import MAIN_TABLE, DatabaseSource, ReadOptions, SourceData
from demoi.lifting.sources.excel import cell_text
from demoi.lifting.tabular import table_from_records

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

#: Seconds to wait for a PostgreSQL server before giving up, rather than libpq's "forever".
CONNECT_TIMEOUT = 10


def read(source: Path | DatabaseSource, mapping: Mapping, options: ReadOptions) -> SourceData:
    if not mapping.query:
        raise RuntimeError(f"the mapping {mapping.name} reads a database but has no query")
    if isinstance(source, DatabaseSource):
        header, values = _postgresql_rows(source, mapping.query)
        name, kind = source.name, "postgresql"
    else:
        header, values = _sqlite_rows(source, mapping.query)
        name, kind = str(source), "sqlite"
    rows = [[_text(value) for value in row] for row in values]
    digest = hashlib.sha256(canonical_rows(header, rows)).hexdigest()
    table = table_from_records(
        enumerate([header, *rows], start=1),
        mapping.columns,
        name,
        rejects=options.rejects,
        progress=options.progress,
    )
    return SourceData({MAIN_TABLE: dataclasses.replace(table, sha256=digest)}, digest, kind)


def canonical_rows(header: list[str], rows: list[list[str]]) -> bytes:
    """The rows a query read as bytes that depend on their content only: the header, then the
    rows in sorted order (a query without ORDER BY may return them in any order), each a JSON
    array of its cells' text on its own line, in UTF-8."""
    lines = [header, *sorted(rows)]
    return "".join(
        json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n" for line in lines
    ).encode("utf-8")


def _text(value: object) -> str:
    """A database value as the text a municipal export would hold; PostgreSQL's numeric comes
    as a Decimal, which is written like SQLite's numbers so both databases read alike."""
    if isinstance(value, Decimal):
        # format "f", not str() or normalize(): those write 0.0000001 as 1E-7 and round to the
        # context's 28 digits, where a numeric holds up to 131072 before the point.
        digits = format(value, "f")
        if "." in digits:
            digits = digits.rstrip("0").rstrip(".")
        return digits.replace(".", ",")
    return cell_text(value)


def _sqlite_rows(path: Path, query: str) -> tuple[list[str], Sequence[Sequence[Any]]]:
    # Read-only, so a mapping's query can never change the municipality's database.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with sqlite3.connect(uri, uri=True) as connection:
            cursor = connection.execute(query)
            header = [description[0] for description in cursor.description]
            rows = cursor.fetchall()
        connection.close()
    except sqlite3.Error as error:
        raise DataError(f"the query failed: {error}", location=Location(str(path))) from None
    return header, rows


def _postgresql_rows(
    source: DatabaseSource, query: str
) -> tuple[list[str], Sequence[Sequence[Any]]]:
    import psycopg  # imported here: only PostgreSQL sources need the driver

    where = Location(source.name)
    try:
        connection = psycopg.connect(source.url, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.Error as error:
        raise DataError(
            f"cannot connect to PostgreSQL at {_server(source)}: {_reason(error, source)}",
            location=where,
        ) from None
    try:
        # Every statement runs in a read-only transaction: a mapping's query can never change
        # the municipality's database, whatever the user's rights there.
        connection.read_only = True
        with connection.cursor() as cursor:
            # Prepared, so PostgreSQL takes one statement only: several (psycopg sends a query
            # without parameters as a simple query, which runs them all) could COMMIT the
            # read-only transaction and write in the next.
            cursor.execute(query, prepare=True)
            header = [column.name for column in cursor.description or ()]
            rows = cursor.fetchall()
    except psycopg.Error as error:
        raise DataError(_query_failure(error, query, source), location=where) from None
    finally:
        connection.close()
    return header, rows


def _server(source: DatabaseSource) -> str:
    from psycopg.conninfo import conninfo_to_dict

    try:
        parameters = conninfo_to_dict(source.url)
    except Exception:  # noqa: BLE001 - a URI libpq cannot parse is named as given, redacted
        return source.name
    host = str(parameters.get("host") or parameters.get("hostaddr") or "the local socket")
    return f"{host}, port {parameters.get('port') or 5432}"


def _reason(error: Exception, source: DatabaseSource) -> str:
    """libpq's message, on one line, without the password should a message ever quote it."""
    text = " ".join(str(error).split())
    for secret in _secrets(source):
        text = text.replace(secret, "***")
    return text


def _secrets(source: DatabaseSource) -> list[str]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        parameters = conninfo_to_dict(source.url)
    except Exception:  # noqa: BLE001 - nothing parsed, nothing to hide beyond the URL itself
        return [source.url]
    return [str(parameters[name]) for name in ("password", "sslpassword") if parameters.get(name)]


def _query_failure(error: Exception, query: str, source: DatabaseSource) -> str:
    """PostgreSQL's message and where in the mapping's query it points."""
    diagnostic = getattr(error, "diag", None)
    primary = getattr(diagnostic, "message_primary", None) or _reason(error, source)
    text = f"the query failed: {primary}"
    position = getattr(diagnostic, "statement_position", None)
    if position and str(position).isdigit():
        before = query[: int(position) - 1]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        text += f" (line {line}, column {column} of the mapping's query)"
    hint = getattr(diagnostic, "message_hint", None)
    return f"{text}; {hint}" if hint else text

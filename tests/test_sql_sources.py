"""SQL sources: the elected-posts mapping's query over a REAL PostgreSQL server gives the graph of
the SQLite file with the same rows, read-only; the password never shows; errors name the source.

The server is started once per session on 127.0.0.1 and an ephemeral port (initdb into a fresh
folder, pg_ctl start) and loaded with the rows tools/make_organisation_examples.py writes into
the SQLite sample. PostgreSQL refuses to run as root, so as root the server runs as ``nobody``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import glob
import os
import pwd
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from conftest import REPO
from demoi.cli import cli
from demoi.errors import DataError, UsageError
from demoi.lifting import get_mapping, lift, source_from
from demoi.lifting.mappings import Mapping
from demoi.lifting.sources import DatabaseSource, database_source, without_password

sys.path.insert(0, str(REPO / "tools"))
import make_organisation_examples as register  # noqa: E402

BASE = "http://127.0.0.1:8000/"
DATABASE = REPO / "examples" / "organisation" / "4401-elected-posts.sqlite"
USER, PASSWORD = "demoi", "s3cret-Καλαμάτα"
SERVER_PROGRAMS = ("initdb", "pg_ctl", "postgres")


@dataclasses.dataclass(frozen=True)
class Server:
    port: int

    def url(self, database: str = "registry", password: str | None = PASSWORD) -> str:
        secret = f":{password}" if password is not None else ""
        return f"postgresql://{USER}{secret}@127.0.0.1:{self.port}/{database}"


def server_programs() -> Path:
    """The folder of initdb, pg_ctl and postgres: on PATH, or Debian's versioned folder."""
    on_path = shutil.which("pg_ctl")
    candidates = [Path(on_path).resolve().parent] if on_path else []
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in candidates:
        if all((folder / program).is_file() for program in SERVER_PROGRAMS):
            return folder
    pytest.fail(
        "PostgreSQL's server programs (initdb, pg_ctl, postgres) are neither on PATH nor in "
        "/usr/lib/postgresql/*/bin; install Debian's postgresql package (.ci/run does)"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    programs = server_programs()
    # Not tmp_path: as root, pytest's temporary folders are closed to the server's user.
    folder = Path(tempfile.mkdtemp(prefix="demoi-postgres-"))
    account = pwd.getpwnam("nobody") if os.getuid() == 0 else None
    run_as = (
        {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []} if account else {}
    )
    password_file = folder / "password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    if account:
        os.chown(folder, account.pw_uid, account.pw_gid)
        os.chown(password_file, account.pw_uid, account.pw_gid)
    data, log, port = folder / "data", folder / "server.log", free_port()

    def run(*command: str | Path) -> None:
        done = subprocess.run(command, capture_output=True, text=True, check=False, **run_as)  # type: ignore[call-overload]
        if done.returncode != 0:
            server_log = log.read_text(encoding="utf-8") if log.exists() else ""
            pytest.fail(f"{command[0]} failed: {done.stdout}{done.stderr}{server_log}")

    run(
        programs / "initdb", "-D", data, "-U", USER, "--pwfile", password_file,
        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
        "--no-sync",
    )  # fmt: skip
    options = f"-k {folder} -h 127.0.0.1 -p {port} -c fsync=off"
    run(programs / "pg_ctl", "-D", data, "-l", log, "-w", "-o", options, "start")
    try:
        server = Server(port)
        with psycopg.connect(server.url("postgres"), autocommit=True) as connection:
            connection.execute("CREATE DATABASE registry")
        with psycopg.connect(server.url()) as connection:
            register.write_register(connection.cursor(), placeholder="%s")
        yield server
    finally:
        run(programs / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def lifted_graph(source: Path | DatabaseSource, mapping: Mapping | None = None) -> rdflib.Graph:
    lifted = lift(
        source,
        mapping or get_mapping("elected-posts"),
        municipality="4401",
        parameters={},
        base_uri=BASE,
    )
    return rdflib.Graph().parse(data=lifted.ntriples, format="nt")


def with_query(query: str) -> Mapping:
    return dataclasses.replace(get_mapping("elected-posts"), query=query)


def test_postgresql_gives_the_graph_of_the_sqlite_file(postgres: Server) -> None:
    from_sqlite = lifted_graph(DATABASE)
    from_postgresql = lifted_graph(database_source(postgres.url()))
    assert len(from_sqlite) > 200
    assert isomorphic(from_sqlite, from_postgresql)


def test_the_same_rows_give_the_same_sha256_from_either_database(postgres: Server) -> None:
    mapping = get_mapping("elected-posts")
    options = {"municipality": "4401", "parameters": {}, "base_uri": BASE}
    sqlite_record = lift(DATABASE, mapping, **options)  # type: ignore[arg-type]
    first = lift(database_source(postgres.url()), mapping, **options)  # type: ignore[arg-type]
    second = lift(database_source(postgres.url()), mapping, **options)  # type: ignore[arg-type]
    assert first.sha256 == second.sha256 == sqlite_record.sha256


def test_rows_stored_in_another_order_give_the_same_sha256(tmp_path: Path) -> None:
    """The record names the rows, not the file's bytes nor the order a query returns them."""
    reordered = tmp_path / "reordered.sqlite"
    with sqlite3.connect(reordered) as connection:
        for statement in register.SCHEMA.split(";"):
            if statement.strip():
                connection.execute(statement)
        for table, rows in register.TABLES.items():
            marks = ", ".join("?" * len(rows[0]))
            # Parents first still, so the ids are the same; only the physical order changes.
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", sorted(rows)[::-1])
    connection.close()
    assert reordered.read_bytes() != DATABASE.read_bytes()
    mapping = get_mapping("elected-posts")
    options = {"municipality": "4401", "parameters": {}, "base_uri": BASE}
    assert (
        lift(reordered, mapping, **options).sha256  # type: ignore[arg-type]
        == lift(DATABASE, mapping, **options).sha256  # type: ignore[arg-type]
    )


def test_the_query_runs_in_a_read_only_transaction(postgres: Server) -> None:
    query = (get_mapping("elected-posts").query or "").replace(
        "WITH\n", "WITH gone AS (DELETE FROM THITEIES RETURNING ID),\n", 1
    )
    with pytest.raises(DataError, match="read-only transaction"):
        lifted_graph(database_source(postgres.url()), with_query(query))
    with psycopg.connect(postgres.url()) as connection:
        (count,) = connection.execute("SELECT COUNT(*) FROM THITEIES").fetchone() or (0,)
    assert count == len(register.THITEIES)


def test_a_bad_query_gives_postgresqls_message_and_where_in_the_query(postgres: Server) -> None:
    query = "SELECT body,\n  FROM ORGANA"
    with pytest.raises(DataError) as raised:
        lifted_graph(database_source(postgres.url()), with_query(query))
    assert 'syntax error at or near "FROM"' in raised.value.message
    assert "line 2, column 3 of the mapping's query" in raised.value.message
    assert str(raised.value.location) == postgres.url(password=None)


def test_a_database_without_the_tables_names_the_missing_table(postgres: Server) -> None:
    with pytest.raises(DataError) as raised:
        lifted_graph(database_source(postgres.url("postgres")))
    assert 'relation "dhmos" does not exist' in raised.value.message
    assert PASSWORD not in str(raised.value)


def test_no_server_names_host_and_port_but_not_the_password() -> None:
    closed = free_port()
    url = f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{closed}/registry"
    with pytest.raises(DataError) as raised:
        lifted_graph(database_source(url))
    assert f"cannot connect to PostgreSQL at 127.0.0.1, port {closed}" in str(raised.value)
    assert PASSWORD not in str(raised.value)


def test_a_wrong_password_is_refused_without_showing_it(postgres: Server) -> None:
    with pytest.raises(DataError) as raised:
        lifted_graph(database_source(postgres.url(password="wrong-Πάτρα")))
    assert "password authentication failed" in str(raised.value)
    assert "wrong-Πάτρα" not in str(raised.value)


def test_the_cli_publishes_from_postgresql_and_records_no_password(
    postgres: Server, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    result = CliRunner().invoke(
        cli,
        ["lift", postgres.url(), "--mapping", "elected-posts", "--municipality", "4401",
         "--store", str(store)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "triples from 28 rows (postgresql)" in result.output
    dump = tmp_path / "dump.nq"
    assert CliRunner().invoke(cli, ["dump", str(dump), "--store", str(store)]).exit_code == 0
    published = dump.read_text(encoding="utf-8")
    assert PASSWORD not in published and PASSWORD not in result.output
    # The provenance names the database by its URL without the password.
    assert f'"{postgres.url(password=None)}"' in published
    assert f"demoi lift {postgres.url(password=None)} --mapping elected-posts" in published


def test_the_cli_fails_with_exit_1_and_no_traceback_when_no_server() -> None:
    url = f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{free_port()}/registry"
    result = CliRunner().invoke(
        cli, ["lift", url, "--mapping", "elected-posts", "--municipality", "4401", "--dry-run"]
    )
    assert result.exit_code == 1
    assert "cannot connect to PostgreSQL" in result.output
    assert "Traceback" not in result.output and PASSWORD not in result.output


def test_a_database_url_for_a_file_mapping_is_a_usage_error(postgres: Server) -> None:
    result = CliRunner().invoke(
        cli,
        ["lift", postgres.url(), "--mapping", "budget-expense", "--municipality", "4401",
         "--year", "2024", "--dry-run"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "give the file's path" in result.output and PASSWORD not in result.output


def test_an_sqlite_url_names_the_file() -> None:
    mapping = get_mapping("elected-posts")
    assert source_from(f"sqlite:///{DATABASE}", mapping) == DATABASE
    assert source_from("sqlite:///register.sqlite", mapping) == Path("register.sqlite")
    with pytest.raises(UsageError, match="not a database demoi reads"):
        source_from(f"mysql://{USER}:{PASSWORD}@127.0.0.1/registry", mapping)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://demoi:pw@db.example:5432/registry", "postgresql://demoi@db.example:5432/registry"),
        ("postgres://demoi@127.0.0.1/registry", "postgres://demoi@127.0.0.1/registry"),
        ("postgresql:///registry?host=/run/pg&password=pw&sslmode=disable",
         "postgresql:///registry?host=/run/pg&sslmode=disable"),
        ("postgresql://demoi:p%40ss@h1:5432,h2:5433/registry", "postgresql://demoi@h1:5432,h2:5433/registry"),
    ],
)  # fmt: skip
def test_the_shown_url_has_no_password(url: str, shown: str) -> None:
    assert without_password(url) == shown


def test_the_sqlite_file_is_opened_read_only(tmp_path: Path) -> None:
    copy = tmp_path / "register.sqlite"
    shutil.copy(DATABASE, copy)
    query = "DELETE FROM THITEIES RETURNING ID"
    with pytest.raises(DataError, match="readonly database"):
        lifted_graph(copy, with_query(query))
    with contextlib.closing(sqlite3.connect(copy)) as connection:
        (count,) = connection.execute("SELECT COUNT(*) FROM THITEIES").fetchone()
    assert count == len(register.THITEIES)


def test_postgresql_numerics_read_like_the_text_export(postgres: Server, tmp_path: Path) -> None:
    """PostgreSQL's numeric arrives as a Decimal (SQLite's as a float); both read as numbers."""
    from test_sources import HEADER, ROWS, lift_with, write_csv

    with psycopg.connect(postgres.url("postgres"), autocommit=True) as connection:
        connection.execute("CREATE DATABASE budget")
    with psycopg.connect(postgres.url("budget")) as connection:
        columns = ", ".join(
            f'"{name}" {"text" if position < 3 else "numeric(14, 2)"}'
            for position, name in enumerate(HEADER)
        )
        connection.execute(f"CREATE TABLE budget ({columns})")
        connection.cursor().executemany(
            f"INSERT INTO budget VALUES ({', '.join(['%s'] * 8)})", ROWS
        )
    mapping = dataclasses.replace(
        get_mapping("budget-expense"), source_format="sql", query="SELECT * FROM budget"
    )
    from_postgresql = lift(
        database_source(postgres.url("budget")),
        mapping,
        municipality="4401",
        parameters={"year": "2024"},
        base_uri=BASE,
    )
    text = lift_with(write_csv(tmp_path / "budget.csv", ROWS), "csv")
    assert isomorphic(text, rdflib.Graph().parse(data=from_postgresql.ntriples, format="nt"))


def test_sqlite_is_still_accepted_as_the_format_name() -> None:
    from demoi.lifting.sources import reader_for, sql

    assert reader_for("sqlite") is reader_for("sql") is sql.read
    assert get_mapping("elected-posts").source_format == "sql"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        # libpq ends the user part at the last "@" before the first "/", so "?" and "#" are
        # part of the password, where urlsplit() would start the query or fragment there.
        ("postgresql://demoi:pa?ss@db.example/registry", "postgresql://demoi@db.example/registry"),
        ("postgresql://demoi:pa#ss@db.example:5433/registry",
         "postgresql://demoi@db.example:5433/registry"),
        ("postgresql://demoi:a?b#c@db.example/registry?sslmode=require",
         "postgresql://demoi@db.example/registry?sslmode=require"),
    ],
)  # fmt: skip
def test_a_password_with_question_mark_or_hash_is_not_shown(url: str, shown: str) -> None:
    from psycopg.conninfo import conninfo_to_dict

    assert conninfo_to_dict(url)["password"] in {"pa?ss", "pa#ss", "a?b#c"}
    assert without_password(url) == shown


def test_a_password_in_the_query_with_an_at_sign_is_not_shown() -> None:
    assert (
        without_password("postgresql://demoi@db.example?sslmode=require&password=a@b")
        == "postgresql://demoi@db.example?sslmode=require"
    )


def test_a_huge_or_tiny_postgresql_numeric_is_read_digit_for_digit(
    postgres: Server, tmp_path: Path
) -> None:
    """Decimal's str() and normalize() write 0.0000001 as "1E-7" and round past 28 digits (and
    quantize() raises beyond them); a numeric must read as its text export writes it."""
    from test_sources import HEADER, greek, lift_with, write_csv

    huge = "1234567890123456789012345678901234.5"
    rows = [["10", "6011.01.01", "Αποδοχές", "1" + "0" * 30, huge, "0.0000001", 0, 0]]
    exported = [[*rows[0][:3], *(greek(cell).replace(".", ",") for cell in rows[0][3:])]]
    with psycopg.connect(postgres.url("postgres"), autocommit=True) as connection:
        connection.execute("CREATE DATABASE extremes")
    with psycopg.connect(postgres.url("extremes")) as connection:
        columns = ", ".join(
            f'"{name}" {"text" if position < 3 else "numeric"}'
            for position, name in enumerate(HEADER)
        )
        connection.execute(f"CREATE TABLE budget ({columns})")
        connection.execute(f"INSERT INTO budget VALUES ({', '.join(['%s'] * 8)})", rows[0])
    mapping = dataclasses.replace(
        get_mapping("budget-expense"), source_format="sql", query="SELECT * FROM budget"
    )
    from_postgresql = lift(
        database_source(postgres.url("extremes")),
        mapping,
        municipality="4401",
        parameters={"year": "2024"},
        base_uri=BASE,
    )
    text = lift_with(write_csv(tmp_path / "budget.csv", exported), "csv")
    found = rdflib.Graph().parse(data=from_postgresql.ntriples, format="nt")
    assert huge in {str(o) for o in found.objects()}
    assert isomorphic(text, found)


def test_a_malformed_database_url_is_an_error_not_a_crash() -> None:
    """urlsplit() raised ValueError on "[" without "]" while the URL was being redacted."""
    url = f"postgresql://{USER}:{PASSWORD}@[127.0.0.1/registry"
    result = CliRunner().invoke(
        cli, ["lift", url, "--mapping", "elected-posts", "--municipality", "4401", "--dry-run"]
    )
    assert result.exit_code in (1, 2), result.output
    assert "internal error" not in result.output and PASSWORD not in result.output


def test_a_query_cannot_end_the_read_only_transaction_and_write(postgres: Server) -> None:
    """Several statements in one query: a COMMIT in it ended the read-only transaction and the
    next statement ran outside it, in a transaction of its own that could write."""
    # A database of its own: the fixture's must stay whole for the other tests.
    with psycopg.connect(postgres.url("postgres"), autocommit=True) as connection:
        connection.execute("CREATE DATABASE multi_statement")
    with psycopg.connect(postgres.url("multi_statement")) as connection:
        register.write_register(connection.cursor(), placeholder="%s")
    mapping_query = get_mapping("elected-posts").query or ""
    query = f"COMMIT; DELETE FROM THITEIES; {mapping_query}"
    with pytest.raises(DataError, match="multiple commands"):
        lifted_graph(database_source(postgres.url("multi_statement")), with_query(query))
    with psycopg.connect(postgres.url("multi_statement")) as connection:
        (count,) = connection.execute("SELECT COUNT(*) FROM THITEIES").fetchone() or (0,)
    assert count == len(register.THITEIES)

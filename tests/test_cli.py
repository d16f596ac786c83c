"""The demoi command: exit codes 0/1/2, messages that name the place, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import EXAMPLES, edited_example
from demoi.cli import cli

KALAMATA_EXPENSE_2024 = ("--mapping", "budget-expense", "--municipality", "4401", "--year", "2024")
BROKEN_TURTLE = (
    b'@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\n\nex:a ex:p "never closed .\n'
)


@pytest.fixture
def run(store_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DEMOI_BASE_URI", "http://demoi.test/")

    def invoke(*args: str) -> Result:
        result = CliRunner().invoke(cli, [*args[:1], "--store", str(store_path), *args[1:]])
        assert "Traceback" not in result.output
        return result

    return invoke


def test_help_lists_the_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in (
        "load",
        "graphs",
        "query",
        "dump",
        "restore",
        "lift",
        "serve",
        "settings",
        "mappings",
    ):
        assert command in result.output
    assert "Exit codes" in result.output


def test_load_graphs_query(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data.ttl"
    data.write_bytes(BROKEN_TURTLE.replace(b'"never closed .', b'"closed" .'))
    loaded = run("load", str(data), "--graph", "http://demoi.test/graph/4401/x")
    assert loaded.exit_code == 0 and "2 triples" in loaded.output
    listed = run("graphs")
    assert "2\thttp://demoi.test/graph/4401/x" in listed.output
    answer = run(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://demoi.test/graph/4401/x> { ?s ?p ?o } }",
    )
    assert answer.exit_code == 0
    assert json.loads(answer.stdout)["results"]["bindings"][0]["n"]["value"] == "2"


@pytest.mark.parametrize(
    ("name", "marker"),
    [("json", '"bindings"'), ("xml", "<sparql"), ("csv", "s,p,o"), ("tsv", "?s\t?p\t?o")],
)
def test_query_formats(run, tmp_path: Path, name: str, marker: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "q.rq").write_text("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", encoding="utf-8")
    data = tmp_path / "d.nt"
    data.write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    run("load", str(data), "--graph", "http://demoi.test/g")
    result = run("query", f"@{tmp_path / 'q.rq'}", "--format", name)
    assert result.exit_code == 0 and marker in result.stdout


@pytest.mark.parametrize("name", ["ttl", "nt", "jsonld"])
def test_construct_formats(run, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "d.nt"
    data.write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    run("load", str(data), "--graph", "http://demoi.test/g")
    result = run("query", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", name)
    assert result.exit_code == 0 and "http://c" in result.stdout


def test_a_select_cannot_be_turtle(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("load", str(_tiny(tmp_path)), "--graph", "http://demoi.test/g")
    result = run("query", "SELECT * WHERE { ?s ?p ?o }", "--format", "ttl")
    assert result.exit_code == 2 and "use json, xml, csv, tsv" in result.output


def _tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.nt"
    path.write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    return path


def test_malformed_turtle_exit_1_names_file_line_and_changes_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("load", str(_tiny(tmp_path)), "--graph", "http://demoi.test/g")
    broken = tmp_path / "broken.ttl"
    broken.write_bytes(BROKEN_TURTLE)
    result = run("load", str(broken), "--graph", "http://demoi.test/g")
    assert result.exit_code == 1
    assert f"error: {broken}, line 4, column" in result.output
    assert "1\thttp://demoi.test/g" in run("graphs").output


def test_bad_query_exit_1_with_position(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("load", str(_tiny(tmp_path)), "--graph", "http://demoi.test/g")
    result = run("query", "SELECT * WHERE { ?s ?p }")
    assert result.exit_code == 1 and "line 1, column 25" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("load", "/nonexistent.ttl", "--graph", "http://g"), "no such file"),
        (("load", "README.md", "--graph", "http://g"), "--format"),
        (("query", "@/nonexistent.rq"), "cannot read the query"),
        (
            ("lift", "/nonexistent.csv", "--mapping", "budget-expense", "--municipality", "4401"),
            "no such file",
        ),
    ],
)
def test_usage_errors_exit_2(run, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = run(*args)
    assert result.exit_code == 2 and message in result.output


def test_reading_a_store_that_does_not_exist_exit_2(run) -> None:  # type: ignore[no-untyped-def]
    result = run("graphs")
    assert result.exit_code == 2 and "no store at" in result.output


def test_load_rejects_a_relative_graph_name(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("load", str(_tiny(tmp_path)), "--graph", "not-an-iri")
    assert result.exit_code == 2 and "IRI" in result.output


def test_dump_restore_drop(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("load", str(_tiny(tmp_path)), "--graph", "http://demoi.test/g")
    dumped = tmp_path / "all.nq"
    assert run("dump", str(dumped)).exit_code == 0
    assert run("drop", "http://demoi.test/g").exit_code == 0
    assert "http://demoi.test/g\n" not in run("graphs").output
    restored = run("restore", str(dumped))
    assert restored.exit_code == 0
    assert "1\thttp://demoi.test/g" in run("graphs").output


def test_mappings_lists_name_area_format_description() -> None:
    result = CliRunner().invoke(cli, ["mappings", "--lang", "en"])
    assert result.exit_code == 0
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in result.output.splitlines()}
    assert rows["budget-expense"][:2] == ["finance", "csv"]
    assert "expenditure" in rows["budget-expense"][2]
    # Every functional area has at least one mapping.
    assert {area for area, *_ in rows.values()} >= {
        "organisation", "decisions", "finance", "procurement", "services", "places",
        "environment", "mobility", "utilities", "culture", "statistics", "catalogue",
    }  # fmt: skip
    greek = CliRunner().invoke(cli, ["mappings", "--lang", "el"]).output
    assert "έξοδα" in greek


def test_demo_loads_every_standards_file_into_its_graph(run) -> None:  # type: ignore[no-untyped-def]
    result = run("demo")
    assert result.exit_code == 0, result.output
    graphs = run("graphs").output
    for area in ("organisation", "catalogue", "codelists/kae", "shapes/finance-recommended"):
        assert f"\thttp://demoi.test/graph/standards/{area}\n" in graphs
    assert "\thttp://demoi.test/graph/4401/budget-expense/2024\n" in graphs


def test_lift_publishes_and_reports(run) -> None:  # type: ignore[no-untyped-def]
    source = EXAMPLES / "budget" / "4401-2024-expense.cp1253.csv"
    result = run("lift", str(source), *KALAMATA_EXPENSE_2024)
    assert result.exit_code == 0, result.output
    assert "http://demoi.test/graph/4401/budget-expense/2024:" in result.output
    assert "(cp1253)" in result.output
    count = run(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE "
        "{ GRAPH <http://demoi.test/graph/4401/budget-expense/2024> { ?s ?p ?o } }",
    )
    assert int(json.loads(count.stdout)["results"]["bindings"][0]["n"]["value"]) > 100


def test_lift_dry_run_out_writes_the_rdf_and_publishes_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = EXAMPLES / "budget" / "4401-2024-expense.cp1253.csv"
    out = tmp_path / "lifted.nt"
    result = run("lift", str(source), *KALAMATA_EXPENSE_2024, "--dry-run", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().count(b"\n") > 100
    assert f"{out}: " in result.stdout
    assert "budget-expense" not in run("graphs").output
    refused = run("lift", str(source), *KALAMATA_EXPENSE_2024, "--out", str(out))
    assert refused.exit_code == 2 and "add --dry-run" in refused.output


def test_lift_skip_invalid_rows_writes_the_rejects(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.csv"
    broken.write_text(edited_example("4401-2024-expense.utf8.csv", 4, 4, "1,2,3"), "cp1253")
    result = run("lift", str(broken), *KALAMATA_EXPENSE_2024, "--skip-invalid-rows")
    assert result.exit_code == 0, result.output
    rejects = (tmp_path / "broken.csv.rejects.csv").read_text(encoding="utf-8").splitlines()
    assert rejects[0] == "where,reason,cells"
    assert len(rejects) == 2 and "line 4, column 4" in rejects[1] and "1,2,3" in rejects[1]
    assert "1 row(s) left out" in result.stderr


def test_lift_refuses_a_bad_or_reserved_dataset_id(run) -> None:  # type: ignore[no-untyped-def]
    # Regression: --dataset catalogue replaced the municipality's catalogue graph, and
    # --dataset Budget was an internal error (exit 3).
    source = EXAMPLES / "budget" / "4401-2024-expense.cp1253.csv"
    for dataset, message in (("catalogue", "demoi's own graph"), ("Budget", "lower-case")):
        result = run("lift", str(source), *KALAMATA_EXPENSE_2024, "--dataset", dataset)
        assert result.exit_code == 2 and message in result.output


def test_drop_removes_the_dataset_catalogue_record(run) -> None:  # type: ignore[no-untyped-def]
    # Regression: the catalogue kept describing a dropped graph.
    source = EXAMPLES / "budget" / "4401-2024-expense.cp1253.csv"
    assert run("lift", str(source), *KALAMATA_EXPENSE_2024).exit_code == 0
    records = (
        "SELECT (COUNT(*) AS ?n) WHERE "
        "{ GRAPH <http://demoi.test/graph/4401/catalogue> { ?s ?p ?o } }"
    )
    assert int(json.loads(run("query", records).stdout)["results"]["bindings"][0]["n"]["value"]) > 0
    assert run("drop", "http://demoi.test/graph/4401/budget-expense/2024").exit_code == 0
    assert json.loads(run("query", records).stdout)["results"]["bindings"][0]["n"]["value"] == "0"


def test_lift_with_a_bad_number_exit_1(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.csv"
    broken.write_text(edited_example("4401-2024-expense.utf8.csv", 4, 4, "1,2,3"), "cp1253")
    result = run("lift", str(broken), *KALAMATA_EXPENSE_2024)
    assert result.exit_code == 1
    assert f"{broken}, line 4, column 4" in result.output and "'1,2,3'" in result.output
    assert run("graphs").exit_code == 2  # nothing was published: the store was never even created


def test_lift_unknown_mapping_and_municipality_exit_2(run) -> None:  # type: ignore[no-untyped-def]
    source = str(EXAMPLES / "budget" / "4401-2024-expense.utf16.csv")
    unknown = run("lift", source, "--mapping", "nope", "--municipality", "4401", "--year", "2024")
    assert unknown.exit_code == 2 and "budget-expense" in unknown.output
    nowhere = run(
        "lift", source, "--mapping", "budget-expense", "--municipality", "12", "--year", "2024"
    )
    assert nowhere.exit_code == 2 and "four digits" in nowhere.output


def test_internal_errors_exit_3_without_traceback(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import demoi.publishing

    def explode(*args: object, **kwargs: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(demoi.publishing, "load_file", explode)
    result = run("load", str(_tiny(tmp_path)), "--graph", "http://demoi.test/g")
    assert result.exit_code == 3 and "internal error: RuntimeError: boom" in result.output


def test_a_closed_pipe_is_not_an_internal_error(store_path: Path, tmp_path: Path) -> None:
    # Regression: `demoi settings | head -1` ended with "internal error: BrokenPipeError".
    import subprocess
    import sys

    script = "import sys; from demoi.cli import main; sys.argv = ['demoi', 'settings']; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away before demoi writes
    _, errors = process.communicate(timeout=60)
    assert b"internal error" not in errors and b"Traceback" not in errors
    assert process.returncode == 0


def test_dump_into_a_missing_folder_is_a_usage_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Regression: it was an internal error (exit 3).
    run("load", str(_tiny(tmp_path)), "--graph", "http://demoi.test/g")
    result = run("dump", str(tmp_path / "missing" / "all.nq"))
    assert result.exit_code == 2 and "does not exist" in result.output


def test_a_txt_file_needs_a_format(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Regression: .txt was read as N-Triples because pyoxigraph maps it so.
    turtle = tmp_path / "data.txt"
    turtle.write_text("@prefix ex: <http://e/> . ex:a ex:b ex:c .", encoding="utf-8")
    assert run("load", str(turtle), "--graph", "http://demoi.test/g").exit_code == 2
    loaded = run("load", str(turtle), "--graph", "http://demoi.test/g", "--format", "ttl")
    assert loaded.exit_code == 0


def test_a_header_only_export_is_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Regression: it published nothing over the municipality's graph, emptying it.
    source = EXAMPLES / "budget" / "4401-2024-expense.utf8.csv"
    assert run("lift", str(source), *KALAMATA_EXPENSE_2024).exit_code == 0
    header_only = tmp_path / "header.csv"
    header_only.write_text(source.read_text(encoding="utf-8").splitlines()[0] + "\n", "utf-8")
    result = run("lift", str(header_only), *KALAMATA_EXPENSE_2024)
    assert result.exit_code == 1 and "no rows" in result.output
    assert "http://demoi.test/graph/4401/budget-expense/2024" in run("graphs").output


def test_a_query_file_error_names_the_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("load", str(_tiny(tmp_path)), "--graph", "http://demoi.test/g")
    query = tmp_path / "bad.rq"
    query.write_text("SELECT *\nWHERE { ?s ?p }", encoding="utf-8")
    result = run("query", f"@{query}")
    assert result.exit_code == 1 and f"{query}, line 2, column" in result.output


def test_drop_records_provenance_under_the_given_base(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(
        "load",
        str(_tiny(tmp_path)),
        "--graph",
        "https://data.example.gr/g",
        "--base-uri",
        "https://data.example.gr/",
    )
    run("drop", "https://data.example.gr/g", "--base-uri", "https://data.example.gr/")
    graphs = run("graphs").output
    assert "https://data.example.gr/graph/provenance" in graphs
    assert "http://demoi.test/graph/provenance" not in graphs


def test_serve_on_a_busy_port_is_a_usage_error(store_path: Path) -> None:
    # Regression: werkzeug printed its own message and exited 1, after opening the store.
    import socket

    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--store", str(store_path), "--port", str(port)])
    assert result.exit_code == 2 and "cannot listen" in result.output
    assert "(Address already in use); is another server running there?" in result.output
    assert not store_path.exists()


def test_a_failed_command_does_not_leave_a_new_store_behind(
    run, store_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # Found in review: `load bad.ttl` and a lift refused by SHACL created the store.
    broken = tmp_path / "broken.ttl"
    broken.write_bytes(BROKEN_TURTLE)
    assert run("load", str(broken), "--graph", "http://demoi.test/g").exit_code == 1
    assert not store_path.exists()
    wrong = tmp_path / "wrong-side.csv"
    wrong.write_text(edited_example("4401-2024-expense.utf8.csv", 3, 2, "0111.01.01"), "utf-8")
    refused = run("lift", str(wrong), *KALAMATA_EXPENSE_2024)
    assert refused.exit_code == 1 and "0111.01.01" in refused.output
    assert not store_path.exists()
    assert run("graphs").exit_code == 2


@pytest.mark.parametrize("graph", ["urn:demoi:staging:mine", "http://demoi.test/graph/provenance"])
def test_loading_into_demois_own_graphs_is_refused(run, tmp_path: Path, graph: str) -> None:  # type: ignore[no-untyped-def]
    # Found in review: it replaced the provenance history, or vanished at the next opening.
    result = run("load", str(_tiny(tmp_path)), "--graph", graph)
    assert result.exit_code == 2 and "kept by demoi" in result.output


def test_dump_to_an_unwritable_place_is_a_usage_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("load", str(_tiny(tmp_path)), "--graph", "http://demoi.test/g")
    result = run("dump", "/proc/demoi-dump.nq")
    assert result.exit_code == 2 and "cannot write" in result.output


def test_a_base_uri_that_is_not_an_iri_is_a_usage_error(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DEMOI_BASE_URI", "http://a b/")
    result = run("load", str(_tiny(tmp_path)), "--graph", "http://demoi.test/g")
    assert result.exit_code == 2 and "DEMOI_BASE_URI" in result.output


def test_serve_runs_the_server(tmp_path: Path) -> None:
    # The command itself, as `make run` starts it: a real process on a port the OS picks.
    import re
    import subprocess
    import sys
    import urllib.request

    store = tmp_path / "store"
    source = EXAMPLES / "budget" / "4401-2024-expense.utf16.csv"
    assert (
        CliRunner()
        .invoke(cli, ["lift", str(source), "--store", str(store), *KALAMATA_EXPENSE_2024])
        .exit_code
        == 0
    )
    command = [sys.executable, "-c", "from demoi.cli import main; main()"]
    with subprocess.Popen(
        [*command, "serve", "--store", str(store), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as server:
        try:
            assert server.stdout is not None
            banner = server.stdout.readline()
            port = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
            assert port, banner
            url = f"http://127.0.0.1:{port.group(1)}/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"
            with urllib.request.urlopen(url, timeout=30) as answer:
                assert answer.status == 200 and b'"boolean": true' in answer.read()
        finally:
            server.terminate()


def test_lift_dry_run_prints_the_data_and_publishes_nothing(run, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = EXAMPLES / "budget" / "4401-2024-expense.iso8859-7.csv"
    result = run("lift", str(source), *KALAMATA_EXPENSE_2024, "--dry-run", "--lang", "en")
    assert result.exit_code == 0
    assert "<https://w3id.org/demoi/def/finance#paid>" in result.stdout
    assert "conforms" in result.stderr
    assert not store_path.exists()


def test_lift_dry_run_of_data_that_violates_the_profile(
    run, store_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    wrong = tmp_path / "wrong-side.csv"
    wrong.write_text(edited_example("4401-2024-expense.utf8.csv", 3, 2, "0111.01.01"), "utf-8")
    result = run("lift", str(wrong), *KALAMATA_EXPENSE_2024, "--dry-run")
    assert result.exit_code == 1
    assert "finance#kaeCode" in result.stdout and "0111.01.01" in result.stderr
    assert not store_path.exists()

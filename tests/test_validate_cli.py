"""`demoi validate`: exit codes 0 / 1 / 2, the formats, files and standard input, the profiles
(docs/validation.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import rdflib
from click.testing import CliRunner

from conftest import REPO, SHARED_DATA
from demoi import conformance, profiles
from demoi.cli import cli
from demoi.validation_report import as_json
from test_shape_cases import case_data

SHAPE_CASES = REPO / "tests" / "cases" / "shapes"
VALID_DATASET = SHAPE_CASES / "catalogue" / "valid-dataset" / "data.ttl"
VALID_EXPENSE = SHAPE_CASES / "finance" / "valid-expense" / "data.ttl"


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> object:
    return CliRunner().invoke(cli, ["validate", *args], input=stdin, env=env)


@pytest.fixture(scope="module")
def failing_expense(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A budget line whose fin:adjusted is an xsd:integer: one violation."""
    path = tmp_path_factory.mktemp("data") / "adjusted-datatype.ttl"
    case_data(SHAPE_CASES / "finance" / "adjusted-datatype").serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def warned_expense(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Data with warnings and no violation."""
    for case in sorted((SHAPE_CASES / "finance").iterdir()):
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        if expected["conforms"] and expected["results"]:
            path = tmp_path_factory.mktemp("data") / f"{case.name}.ttl"
            case_data(case).serialize(path, format="turtle")
            return path
    pytest.fail("no finance case with warnings only")


def test_conforming_data_exits_0() -> None:
    result = run(str(VALID_EXPENSE), "--profile", "finance")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]


def test_violations_exit_1_and_are_reported(failing_expense: Path) -> None:
    result = run(str(failing_expense), "--profile", "finance", "--format", "json", "--lang", "en")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    body = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert body["conforms"] is False
    assert [r["sourceShape"] for r in body["results"] if r["severity"] == "Violation"] == [
        "https://w3id.org/demoi/shapes/finance#BudgetLine-adjusted-datatype"
    ]


def test_warnings_fail_only_with_strict(warned_expense: Path) -> None:
    assert run(str(warned_expense), "--profile", "finance").exit_code == 0  # type: ignore[attr-defined]
    assert run(str(warned_expense), "--profile", "finance", "--strict").exit_code == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--profile", "finance"], "give the RDF files"),
        (["nowhere.ttl"], "nowhere.ttl: no such file"),
        (["{valid}", "--profile", "nonsense"], "unknown profile 'nonsense'"),
        (["{valid}", "--profile", "dcat-ap"], "DEMOI_EU_SHAPES_DIR"),
        (["{valid}", "--municipality", "4401"], "go with --store"),
        (["{bad}"], "line 2, column"),
        (["{noext}"], "cannot tell the RDF syntax"),
        (["-"], "cannot tell the RDF syntax"),
        (["{valid}", "--format", "pdf"], "Invalid value for '--format'"),
    ],
    ids=["no-data", "missing-file", "unknown-profile", "eu-without-files", "store-option",
         "syntax-error", "unknown-syntax", "stdin-without-syntax", "unknown-format"],
)  # fmt: skip
def test_usage_errors_and_unreadable_input_exit_2(
    arguments: list[str], message: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix x: <urn:x:> .\nx:a x:b "unterminated .\n', encoding="utf-8")
    noext = tmp_path / "data"
    noext.write_bytes(VALID_EXPENSE.read_bytes())
    names = {"{valid}": str(VALID_EXPENSE), "{bad}": str(bad), "{noext}": str(noext)}
    result = run(*[names.get(a, a) for a in arguments], stdin=b"")
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert message in result.output  # type: ignore[attr-defined]
    assert "Traceback" not in result.output  # type: ignore[attr-defined]


def test_standard_input_with_syntax(failing_expense: Path) -> None:
    data = rdflib.Graph().parse(failing_expense).serialize(format="nt", encoding="utf-8")
    result = run("-", "--syntax", "nt", "--profile", "finance", stdin=data)
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "adjusted" in result.stdout  # type: ignore[attr-defined]


def test_several_files_are_one_graph(tmp_path: Path) -> None:
    """The dataset record is in one file and its publisher in another: together they
    conform; the record alone does not."""
    graph = rdflib.Graph().parse(VALID_DATASET)
    publisher = rdflib.URIRef("http://127.0.0.1:8000/id/organisation/4401")
    first, second = rdflib.Graph(), rdflib.Graph()
    for triple in graph:
        (second if triple[0] == publisher else first).add(triple)
    assert len(second) > 0
    first.serialize(tmp_path / "records.ttl", format="turtle")
    second.serialize(tmp_path / "publisher.nt", format="nt", encoding="utf-8")
    together = run(str(tmp_path / "records.ttl"), str(tmp_path / "publisher.nt"),
                   "--profile", "catalogue")  # fmt: skip
    alone = run(str(tmp_path / "records.ttl"), "--profile", "catalogue")
    assert together.exit_code == 0, together.output  # type: ignore[attr-defined]
    assert alone.exit_code == 1  # type: ignore[attr-defined]


def test_json_is_the_same_content_as_the_library(failing_expense: Path) -> None:
    result = run(str(failing_expense), "--profile", "finance", "--format", "json", "--lang", "el")
    body = json.loads(result.stdout)  # type: ignore[attr-defined]
    outcome = conformance.check(
        [conformance.Source(str(failing_expense))], profiles.load("finance")
    )
    expected = as_json(outcome, "el")
    for volatile in ("checkedAt", "seconds"):
        body.pop(volatile, None)
        expected.pop(volatile, None)
    assert body == json.loads(json.dumps(expected))


@pytest.mark.parametrize("report_format", ["text", "json", "html", "ttl", "junit"])
def test_out_writes_the_report_to_a_file(
    report_format: str, failing_expense: Path, tmp_path: Path
) -> None:
    target = tmp_path / f"report.{report_format}"
    result = run(str(failing_expense), "--profile", "finance", "--format", report_format,
                 "--out", str(target))  # fmt: skip
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert result.stdout == ""  # type: ignore[attr-defined]
    assert "does not conform" in result.stderr  # type: ignore[attr-defined]
    assert "BudgetLine-adjusted-datatype" in target.read_text(encoding="utf-8")


def test_the_report_language(failing_expense: Path) -> None:
    greek = run(str(failing_expense), "--profile", "finance", "--lang", "el").stdout  # type: ignore[attr-defined]
    english = run(str(failing_expense), "--profile", "finance", "--lang", "en").stdout  # type: ignore[attr-defined]
    assert greek != english
    assert any("\u0370" <= character <= "\u03ff" for character in greek)


def test_eu_profiles_with_their_files() -> None:
    env = {"DEMOI_EU_SHAPES_DIR": str(SHARED_DATA)}
    result = run(str(VALID_DATASET), "--profile", "dcat-ap", "--format", "json", env=env)
    body = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert {r["pass"] for r in body["results"]} <= {1, 2}
    assert body["profiles"][0]["name"] == "dcat-ap"


def test_custom_shapes_run_on_the_data_alone(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ;\n"
        "  sh:property [ sh:path <urn:p> ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    data = tmp_path / "data.nt"
    data.write_text("<urn:y> <urn:p> <urn:z> .\n", encoding="utf-8")
    result = run(str(data), "--shapes", str(shapes), "--format", "json")
    assert result.exit_code == 1, result.output  # type: ignore[attr-defined]
    body = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert [(r["focusNode"], r["pass"]) for r in body["results"]] == [("urn:x", 1)]


def test_owl_imports_in_custom_shapes_are_not_followed(tmp_path: Path) -> None:
    """Nothing remote is fetched: the import is noted, not fetched (tests/test_validate_api.py
    proves it with a canary server)."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<urn:me> owl:imports <http://192.0.2.1/more-shapes.ttl> .\n",
        encoding="utf-8",
    )
    result = run(str(VALID_EXPENSE), "--shapes", str(shapes), "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "was not followed" in result.stdout  # type: ignore[attr-defined]


def test_profiles_are_listed() -> None:
    result = CliRunner().invoke(cli, ["validate", "--profiles", "--lang", "en"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert names == [*profiles.area_names(), "dcat-ap", "hvd", "cpsv-ap", "all"]


@pytest.fixture(scope="module")
def published_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("store") / "store"
    lifted = CliRunner().invoke(
        cli,
        ["lift", str(REPO / "examples" / "budget" / "4401-2024-expense.utf16.csv"),
         "--mapping", "budget-expense", "--municipality", "4401", "--year", "2024",
         "--store", str(store)],
    )  # fmt: skip
    assert lifted.exit_code == 0, lifted.output
    return store


def test_store_matrix_as_json(published_store: Path) -> None:
    result = run("--store", str(published_store), "--area", "finance", "--format", "json")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    body = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert [(c["municipality"], c["area"], c["graphs"]) for c in body["cells"]] == [
        ("4401", "finance", 1)
    ]
    again = json.loads(run("--store", str(published_store), "--area", "finance",
                           "--format", "json").stdout)  # type: ignore[attr-defined]  # fmt: skip
    assert (again["validated"], again["unchanged"]) == (0, 1)


def test_store_matrix_as_text_in_greek(published_store: Path) -> None:
    result = run("--store", str(published_store), "--lang", "el", "--force")
    text = result.stdout  # type: ignore[attr-defined]
    assert text.splitlines()[0].split()[:3] == ["Δήμος", "Τομέας", "Γράφοι"]
    assert "Καλαμάτ" in text.splitlines()[1]
    # A municipality's catalogue graph is checked as the DCAT-AP catalogue it generates
    # (demoi.dcat), which conforms; the records alone lacked a publisher and distributions.
    catalogue = [line for line in text.splitlines() if " catalogue " in line]
    assert catalogue and all(line.split()[-3] == "0" for line in catalogue), text  # violations
    assert result.exit_code == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--store", "{store}", "{valid}"], "give no DATA"),
        (["--store", "{store}", "--municipality", "9999"], "not a municipality code"),
        (["--store", "{store}", "--area", "nonsense"], "unknown area"),
        (["--store", "{store}", "--format", "ttl"], "as text or json"),
        (["--store", "{missing}"], "no store there"),
        # regression: these were silently ignored with --store (--strict did not fail warnings)
        (["--store", "{store}", "--strict"], "--strict go with DATA files"),
        (["--store", "{store}", "--profile", "finance"], "--profile go with DATA files"),
        (["--store", "{store}", "--shapes", "{valid}"], "--shapes go with DATA files"),
    ],
    ids=["data", "municipality", "area", "format", "missing-store", "strict", "profile", "shapes"],
)
def test_store_usage_errors(
    arguments: list[str], message: str, published_store: Path, tmp_path: Path
) -> None:
    names = {"{store}": str(published_store), "{valid}": str(VALID_EXPENSE),
             "{missing}": str(tmp_path / "nothing")}  # fmt: skip
    result = run(*[names.get(a, a) for a in arguments])
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert message in result.output  # type: ignore[attr-defined]


def test_sparql_in_custom_shapes_may_not_fetch(tmp_path: Path) -> None:
    """Regression (found on the web API, the same hole in the CLI): a SERVICE in the shapes'
    own SPARQL was run as written, so validating made demoi fetch from another host."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [\n"
        '  sh:select "SELECT $this WHERE { SERVICE <http://192.0.2.1/sparql> { ?a ?b ?c } }" ] .\n',
        encoding="utf-8",
    )
    result = run(str(VALID_EXPENSE), "--shapes", str(shapes))
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert "a SPARQL query of the shapes" in result.output  # type: ignore[attr-defined]
    assert str(shapes) in result.output  # type: ignore[attr-defined]


def _pattern_shapes(tmp_path: Path, pattern: str) -> Path:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ;\n"
        f'  sh:property [ sh:path <urn:p> ; sh:pattern "{pattern}" ] .\n',
        encoding="utf-8",
    )
    return shapes


def test_an_sh_pattern_that_is_not_a_regex_exits_2_not_with_a_traceback(tmp_path: Path) -> None:
    """Regression: sh:pattern "[" in --shapes crashed the compiled engine (re.error), a
    traceback and exit 3 instead of a usage error naming the file."""
    shapes = _pattern_shapes(tmp_path, "[")
    result = run(str(VALID_EXPENSE), "--shapes", str(shapes))
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert "is not a regular expression" in result.output  # type: ignore[attr-defined]
    assert str(shapes) in result.output  # type: ignore[attr-defined]


def test_the_cli_keeps_nested_repeats_in_its_own_shapes(tmp_path: Path) -> None:
    """The web refuses patterns that can backtrack for ever; the CLI runs its user's own
    shapes on their own machine, where demoi's WKT patterns (nested repeats) must work."""
    data = tmp_path / "data.ttl"
    data.write_text('<urn:x> <urn:p> "a, x, x" .\n', encoding="utf-8")
    assert run(str(data), "--shapes", str(_pattern_shapes(tmp_path, "^a(, x)+$"))).exit_code == 0  # type: ignore[attr-defined]


def test_an_undeclared_prefix_in_the_shapes_sparql_exits_2(tmp_path: Path) -> None:
    """Regression: a SPARQL constraint using a prefix it never declared (sh:prefixes) made
    pySHACL raise a bare Exception: a traceback and exit 3."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [\n"
        '  sh:select "SELECT $this WHERE { $this ex:p ?o }" ] .\n',
        encoding="utf-8",
    )
    result = run(str(VALID_EXPENSE), "--shapes", str(shapes))
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert "Unknown namespace prefix : ex" in result.output  # type: ignore[attr-defined]
    assert "sh:prefixes" in result.output  # type: ignore[attr-defined]


def test_declared_prefixes_in_the_shapes_sparql_are_used(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        '<urn:o> sh:declare [ sh:prefix "ex" ; sh:namespace "urn:ex:" ] .\n'
        "<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [ sh:prefixes <urn:o> ;\n"
        '  sh:select "SELECT $this WHERE { $this ex:p ?o }" ] .\n',
        encoding="utf-8",
    )
    data = tmp_path / "data.ttl"
    data.write_text("<urn:x> <urn:ex:p> 1 .\n", encoding="utf-8")
    result = run(str(data), "--shapes", str(shapes), "--format", "json")
    assert result.exit_code == 1, result.output  # type: ignore[attr-defined]
    (found,) = json.loads(result.output)["results"]  # type: ignore[attr-defined]
    assert found["sourceConstraintComponent"].endswith("SPARQLConstraintComponent")


@pytest.mark.parametrize("syntax", ["ttl", "nt"])
def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path, syntax: str) -> None:
    """Regression: a Turtle file saved by Notepad (UTF-8 with a BOM) was refused as
    unreadable: "﻿ is not a valid subject", naming an invisible character."""
    plain = tmp_path / f"plain.{syntax}"
    graph = rdflib.Graph().parse(VALID_EXPENSE, format="turtle")
    graph.serialize(plain, format="nt" if syntax == "nt" else "turtle", encoding="utf-8")
    marked = tmp_path / f"marked.{syntax}"
    marked.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    results = [
        run(str(path), "--profile", "finance", "--format", "json") for path in (plain, marked)
    ]
    assert [r.exit_code for r in results] == [0, 0], results[1].output  # type: ignore[attr-defined]
    documents = [json.loads(r.output) for r in results]  # type: ignore[attr-defined]
    assert documents[1]["triples"] == documents[0]["triples"] == len(graph)


def test_standard_input_twice_is_a_usage_error(failing_expense: Path) -> None:
    """Regression: `demoi validate - -` read standard input twice, the second time empty, and
    reported an empty second input as if it were a file that conforms."""
    result = run("-", "-", "--syntax", "ttl", stdin=failing_expense.read_bytes())
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert "standard input (-) can be read only once" in result.output  # type: ignore[attr-defined]


def test_the_store_matrix_names_graphs_without_a_catalogue_record(
    published_store: Path, tmp_path: Path
) -> None:
    """Regression: a graph loaded by `demoi load` was neither validated nor mentioned."""
    store = tmp_path / "store"
    shutil.copytree(published_store, store)
    data = tmp_path / "notes.nt"
    data.write_text("<urn:s> <urn:p> <urn:o> .\n", encoding="utf-8")
    graph = "http://127.0.0.1:8000/graph/4401/notes"
    loaded = CliRunner().invoke(cli, ["load", str(data), "--graph", graph, "--store", str(store)])
    assert loaded.exit_code == 0, loaded.output
    text = run("--store", str(store), "--lang", "en").stdout  # type: ignore[attr-defined]
    assert "1 graphs without a catalogue record were not validated" in text
    assert f"  {graph}\n" in text
    greek = run("--store", str(store), "--lang", "el").stdout  # type: ignore[attr-defined]
    assert "χωρίς εγγραφή στον κατάλογο" in greek
    body = json.loads(run("--store", str(store), "--format", "json").stdout)  # type: ignore[attr-defined]
    assert body["unrecorded"] == [graph]


def test_ill_typed_literals_print_no_traceback(tmp_path: Path) -> None:
    """Regression: for each ill-typed literal ("x" as an xsd:integer, exactly what sh:datatype
    is there to report) rdflib logged a warning with its traceback, which Python's last-resort
    handler printed on the validator's terminal. A real process: the handler writes to the
    stderr it finds, which CliRunner's capture would hide."""
    data = tmp_path / "ill-typed.nt"
    data.write_text(
        '<urn:a> <urn:b> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        '<urn:a> <urn:c> "2024-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .\n',
        encoding="utf-8",
    )
    finished = subprocess.run(
        [sys.executable, "-c", "from demoi.cli import cli; cli()", "validate", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode in (0, 1), finished.stderr
    assert "Traceback" not in finished.stderr
    assert "Failed to convert Literal" not in finished.stderr


def test_remote_shapes_are_fetched_only_from_an_allowed_host(canary: Any) -> None:
    """--shapes URL: nothing remote is fetched unless allow-listed; the canary on 127.0.0.1
    sees no request until its host is allowed (the positive control), then one."""
    url = canary.url + "shapes.ttl"
    refused = run(str(VALID_EXPENSE), "--shapes", url)
    assert refused.exit_code == 2, refused.output  # type: ignore[attr-defined]
    assert "DEMOI_ALLOWED_HOSTS" in refused.output  # type: ignore[attr-defined]
    assert canary.requests == []
    allowed = run(str(VALID_EXPENSE), "--shapes", url, env={"DEMOI_ALLOWED_HOSTS": "127.0.0.1"})
    assert allowed.exit_code in (0, 1), allowed.output  # type: ignore[attr-defined]
    assert canary.requests == ["GET /shapes.ttl"]

"""``demoi codelist import|export``: CSV cases, the vocabulary checks over what import writes,
and the round trip of every demoi code list through a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner, Result
from rdflib.compare import isomorphic

from conftest import REPO
from demoi.cli import cli
from demoi.codelists.code_list import parent_cycles, turtle
from demoi.codelists.spreadsheet import restored, spreadsheet_cell
from demoi.standards import checks, load_standards, run_check

CASES = REPO / "tests" / "cases" / "codelist-csv"
CODELISTS = REPO / "ontologies" / "codelists"
SKOS = "http://www.w3.org/2004/02/skos/core#"
CODE_BASE = "https://w3id.org/demoi/code/"


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def _case_options(case: Path) -> dict[str, object]:
    options: dict[str, object] = json.loads((case / "options.json").read_text(encoding="utf-8"))
    return options


def _args(case: Path) -> list[str]:
    """The options the case gives ``demoi codelist import input.csv``."""
    return [str(arg) for arg in _case_options(case)["args"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", sorted(CASES.iterdir()), ids=lambda p: p.name)
def test_import_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    options = _case_options(case)
    monkeypatch.chdir(case)
    out = tmp_path / "list.ttl"
    result = _run("codelist", "import", "input.csv", *_args(case), "--out", out)
    if (case / "expected-error.txt").exists():
        expected = (case / "expected-error.txt").read_text(encoding="utf-8")
        assert (result.exit_code, result.stderr) == (options["exit"], expected)
        assert not out.exists() and list(tmp_path.iterdir()) == []
        return
    assert result.exit_code == 0, result.output
    made = rdflib.Graph().parse(out, format="turtle")
    wanted = rdflib.Graph().parse(case / "expected.ttl", format="turtle")
    assert isomorphic(made, wanted), out.read_text(encoding="utf-8")


def _successes() -> list[Path]:
    return [case for case in sorted(CASES.iterdir()) if (case / "expected.ttl").exists()]


@pytest.mark.parametrize("case", _successes(), ids=lambda p: p.name)
def test_imported_list_passes_the_vocabulary_checks(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "tree"
    (tree / "ontologies" / "codelists").mkdir(parents=True)
    monkeypatch.chdir(case)
    out = tree / "ontologies" / "codelists" / "list.ttl"
    result = _run("codelist", "import", "input.csv", *_args(case), "--out", out)
    assert result.exit_code == 0, result.output
    store = load_standards(tree)
    failures = [failure for check in checks(REPO) if (failure := run_check(store, check))]
    assert not failures, "\n".join(failure.text() for failure in failures)


def _demoi_schemes() -> list[tuple[Path, str]]:
    found = []
    for path in sorted(CODELISTS.glob("*.ttl")):
        graph = rdflib.Graph().parse(path, format="turtle")
        for scheme in graph.subjects(rdflib.RDF.type, rdflib.SKOS.ConceptScheme):
            has_concepts = (None, rdflib.SKOS.inScheme, scheme) in graph
            if str(scheme).startswith(CODE_BASE) and has_concepts:
                found.append((path, str(scheme)))
    return found


def test_every_demoi_list_with_concepts_is_round_tripped() -> None:
    # standards.ttl lists standards with dcterms:hasPart, not concepts: nothing to export.
    owned = {path.name for path, _ in _demoi_schemes()}
    demoi_files = {p.name for p in CODELISTS.glob("*.ttl") if CODE_BASE in p.read_text("utf-8")}
    assert demoi_files - owned == {"standards.ttl"}
    assert len(_demoi_schemes()) >= 19


_CARRIED = {
    SKOS + name
    for name in "inScheme topConceptOf notation prefLabel definition scopeNote broader".split()
}


def _carried(path: Path, scheme: str) -> set[str]:
    """The triples CSV rows carry about the concepts of ``scheme``, as N-Triples lines. The
    scheme's skos:hasTopConcept is not one (municipalities.ttl has none); import derives it."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    node = ox.NamedNode(scheme)
    members = {
        q.subject for q in store.quads_for_pattern(None, ox.NamedNode(SKOS + "inScheme"), node)
    }
    found = set()
    for quad in store:
        typed = quad.predicate.value.endswith("#type") and quad.object.value == SKOS + "Concept"
        texts = not isinstance(quad.object, ox.Literal) or quad.object.language in (
            "el",
            "en",
            None,
        )
        carried = quad.predicate.value in _CARRIED and texts
        if quad.subject in members and (typed or carried):
            found.add(str(quad.triple))
    return found


def _top_concepts(path: Path, scheme: str) -> tuple[set[str], set[str]]:
    graph = rdflib.Graph().parse(path, format="turtle")
    node = rdflib.URIRef(scheme)
    listed = {str(top) for top in graph.objects(node, rdflib.SKOS.hasTopConcept)}
    return listed, {str(top) for top in graph.subjects(rdflib.SKOS.topConceptOf, node)}


@pytest.mark.parametrize(
    ("path", "scheme"),
    [pytest.param(p, s, id=f"{p.stem}:{s.removeprefix(CODE_BASE)}") for p, s in _demoi_schemes()],
)
def test_export_then_import_gives_back_the_list(path: Path, scheme: str, tmp_path: Path) -> None:
    exported = tmp_path / "list.csv"
    result = _run("codelist", "export", path, "--scheme", scheme, "--out", exported)
    assert result.exit_code == 0, result.output
    imported = tmp_path / "list.ttl"
    result = _run(
        "codelist", "import", exported, "--scheme", scheme, "--out", imported,
        "--title-el", "Τίτλος", "--title-en", "Title",
        "--definition-el", "Ορισμός", "--definition-en", "Definition",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _carried(imported, scheme) == _carried(path, scheme)
    listed, tops = _top_concepts(imported, scheme)
    assert listed == tops
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    codes = {row["code"] for row in rows}
    seen: set[str] = set()
    for row in rows:  # parents first
        assert row["parent"] in seen or row["parent"] not in codes, row
        seen.add(row["code"])
    again = tmp_path / "again.csv"
    assert _run("codelist", "export", imported, "--out", again).exit_code == 0
    assert again.read_bytes() == exported.read_bytes()


def _hand_written() -> list[tuple[Path, str]]:
    return [
        (path, scheme)
        for path, scheme in _demoi_schemes()
        if not path.read_text(encoding="utf-8").startswith("# GENERATED FILE")
    ]


@pytest.mark.parametrize(
    ("path", "scheme"),
    [pytest.param(p, s, id=p.stem) for p, s in _hand_written()],
)
def test_export_then_update_gives_back_the_file(path: Path, scheme: str, tmp_path: Path) -> None:
    exported = tmp_path / "list.csv"
    assert _run("codelist", "export", path, "--out", exported).exit_code == 0
    updated = tmp_path / "list.ttl"
    result = _run("codelist", "import", exported, "--update", path, "--out", updated)
    assert result.exit_code == 0, result.output
    made = rdflib.Graph().parse(updated, format="turtle")
    assert isomorphic(made, rdflib.Graph().parse(path, format="turtle"))
    header = path.read_text(encoding="utf-8").split("\n@prefix")[0].rstrip("\n")
    assert updated.read_text(encoding="utf-8").startswith(header + "\n\n@prefix")
    assert _comments_before_subjects(updated) == _comments_before_subjects(path)


def _comments_before_subjects(path: Path) -> list[tuple[str, str]]:
    """Each comment line of the file after its header, with the line that starts the next
    subject's statements."""
    text = path.read_text(encoding="utf-8")
    prefixes = dict(re.findall(r"(?m)^@prefix\s+([\w-]*):\s*<([^>]*)>", text))
    lines = text.split("\n@prefix")[-1].splitlines()
    found = []
    for number, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            following = (rest for rest in lines[number:] if rest[:1] not in ("", " ", "#"))
            subject = next(following, "").split()[0]
            prefix, _, local = subject.partition(":")
            iri = subject.strip("<>") if subject.startswith("<") else prefixes[prefix] + local
            found.append((line.strip(), iri))
    return found


def test_update_keeps_the_header_comment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES / "update-without-definitions")
    result = _run("codelist", "import", "input.csv", "--update", "update.ttl")
    assert result.stdout.startswith("# A hand-written header: kept by an update.\n\n@prefix")


@pytest.mark.parametrize(
    "value",
    ["=SUM(A1)", "+30 ημέρες", "-x", "@home", "\tx", "'quoted", "''=x", "-5", "+30", "plain"],
)
def test_import_undoes_what_export_does_to_a_cell(value: str) -> None:
    assert restored(spreadsheet_cell(value)) == value


def test_a_formula_is_exported_with_a_quote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CASES / "formula-cells")
    args = _args(CASES / "formula-cells")
    assert (
        _run("codelist", "import", "input.csv", *args, "--out", tmp_path / "l.ttl").exit_code == 0
    )
    exported = _run("codelist", "export", tmp_path / "l.ttl").stdout_bytes
    assert exported.startswith(b"\xef\xbb\xbfcode,label_el,")
    row = exported.decode("utf-8-sig").splitlines()[1]
    assert row == "sum,'=ΑΘΡΟΙΣΜΑ(Α1),'=SUM(A1),'+ ορισμός,'@definition,,-5,''quoted"


def test_export_puts_parents_first_in_the_order_of_the_file(tmp_path: Path) -> None:
    out = tmp_path / "facility.csv"
    result = _run("codelist", "export", "facility-type", "--out", out)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    seen: list[str] = []
    for row in rows:
        assert row["parent"] in ("", *seen), row
        seen.append(row["code"])
    graph_order = [
        quad.subject.value.rsplit("/", 1)[1]
        for quad in ox.parse(path=str(CODELISTS / "facility-types.ttl"), format=ox.RdfFormat.TURTLE)
        if quad.predicate.value == SKOS + "notation"
    ]
    tops = [row["code"] for row in rows if not row["parent"]]
    assert tops == [code for code in graph_order if code in tops]


def test_a_semicolon_export_imports_as_the_comma_one(tmp_path: Path) -> None:
    made = []
    for delimiter in (",", ";"):
        csv_file = tmp_path / f"list{delimiter}.csv"
        assert (
            _run(
                "codelist", "export", "waste-stream", "--delimiter", delimiter, "--out", csv_file
            ).exit_code
            == 0
        )
        turtle = tmp_path / f"list{delimiter}.ttl"
        wastes = CODELISTS / "waste-streams.ttl"
        assert (
            _run("codelist", "import", csv_file, "--update", wastes, "--out", turtle).exit_code == 0
        )
        made.append(turtle.read_bytes())
    assert made[0] == made[1]


def test_a_failed_import_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CASES / "duplicate-code")
    out = tmp_path / "list.ttl"
    out.write_text("old\n", encoding="utf-8")
    result = _run(
        "codelist",
        "import",
        "input.csv",
        *_args(CASES / "duplicate-code"),
        "--out",
        out,
    )
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["list.ttl"]


def test_an_import_replaces_the_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES / "flat-list")
    out = tmp_path / "list.ttl"
    out.write_text("old\n", encoding="utf-8")
    result = _run("codelist", "import", "input.csv", *_args(CASES / "flat-list"), "--out", out)
    assert result.exit_code == 0
    assert isomorphic(
        rdflib.Graph().parse(out), rdflib.Graph().parse(CASES / "flat-list" / "expected.ttl")
    )
    assert [p.name for p in tmp_path.iterdir()] == ["list.ttl"]
    assert result.stderr == f"{out}: 2 codes / κωδικοί, https://w3id.org/demoi/code/waste-sample\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["no-such-list"],
            "error: κανένα αρχείο του {codelists} δεν έχει τον κατάλογο "
            "https://w3id.org/demoi/code/no-such-list / no file of {codelists} declares the code "
            "list https://w3id.org/demoi/code/no-such-list\n",
        ),
        (
            [str(CODELISTS / "countries.ttl")],
            "error: http://publications.europa.eu/resource/authority/country: δεν είναι κατάλογος "
            "του demoi· η εισαγωγή φτιάχνει IRI στο https://w3id.org/demoi/code/ / "
            "http://publications.europa.eu/resource/authority/country: not a demoi code list; "
            "import mints IRIs under https://w3id.org/demoi/code/\n",
        ),
        (
            [str(CODELISTS / "municipalities.ttl")],
            "error: {codelists}/municipalities.ttl: διαλέξτε κατάλογο με --scheme ("
            "https://w3id.org/demoi/code/region, https://w3id.org/demoi/code/regional-unit, "
            "https://w3id.org/demoi/code/municipality) / {codelists}/municipalities.ttl: choose a "
            "code list with --scheme (https://w3id.org/demoi/code/region, "
            "https://w3id.org/demoi/code/regional-unit, https://w3id.org/demoi/code/municipality)\n",
        ),
    ],
    ids=["unknown-name", "eu-list", "several-lists"],
)
def test_export_usage_errors(args: list[str], message: str) -> None:
    result = _run("codelist", "export", *args)
    assert (result.exit_code, result.stderr) == (2, message.format(codelists=CODELISTS))


def test_export_refuses_two_parents_in_one_cell(tmp_path: Path) -> None:
    two = tmp_path / "two.ttl"
    two.write_text(
        (CASES / "update-adds-a-code" / "expected.ttl").read_text(encoding="utf-8")
        + "ws:cardboard skos:broader ws:glass .\n",
        encoding="utf-8",
    )
    result = _run("codelist", "export", two, "--out", tmp_path / "two.csv")
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: {two}: https://w3id.org/demoi/code/waste-sample/cardboard: έχει 2 skos:broader· "
        "ένα κελί χωρά ένα / https://w3id.org/demoi/code/waste-sample/cardboard: has 2 "
        "skos:broader; a cell holds one\n",
    )
    assert not (tmp_path / "two.csv").exists()


def test_export_names_the_line_of_a_turtle_syntax_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\nskos:a skos:b\n")
    result = _run("codelist", "export", broken, "--out", tmp_path / "broken.csv")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {broken}, line 3, column 1: ")
    assert not (tmp_path / "broken.csv").exists()


def test_a_filled_down_parent_column_of_20000_rows_imports_in_seconds(tmp_path: Path) -> None:
    # Each row's parent the row above: the cycle check was cubic and ran for hours on this.
    rows = [f"c{n},λ{n},l{n},ο{n},d{n},{f'c{n - 1}' if n else ''}" for n in range(20_000)]
    chain = tmp_path / "chain.csv"
    chain.write_text(
        "code,label_el,label_en,definition_el,definition_en,parent\n" + "\n".join(rows)
    )
    started = time.monotonic()
    result = _run(
        "codelist", "import", chain, "--scheme", "chain", "--out", tmp_path / "chain.ttl",
        "--title-el", "Α", "--title-en", "A", "--definition-el", "Ο", "--definition-en", "D",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 30  # about 5 s; the cubic check took over 5 minutes


@pytest.mark.parametrize(
    ("parents", "cycles"),
    [
        ({"a": "", "b": "a", "c": "b"}, []),
        ({"a": "b", "b": "c", "c": "d", "d": "e", "e": "c"}, [["c", "d", "e"]]),
        ({"x": "c", "c": "d", "d": "c", "e": "e"}, [["c", "d"], ["e"]]),
        ({"d": "b", "a": "b", "b": "a"}, [["a", "b"]]),
        ({"a": "http://example.org/x", "b": "a"}, []),
    ],
    ids=["chain", "chain-into-a-cycle", "two-cycles", "walk-enters-a-cycle-late", "external"],
)
def test_parent_cycles_are_found_once_from_their_first_code(
    parents: dict[str, str], cycles: list[list[str]]
) -> None:
    assert parent_cycles(parents) == cycles


def test_a_line_break_in_the_csv_name_stays_in_the_header_comment(tmp_path: Path) -> None:
    # A file name may hold a line break: it ended the comment and the rest became Turtle.
    name = "a\n<https:__x> <http:__y> <http:__z> .\n.csv"
    csv_file = tmp_path / name
    csv_file.write_bytes((CASES / "flat-list" / "input.csv").read_bytes())
    out = tmp_path / "list.ttl"
    args = _args(CASES / "flat-list")
    result = _run("codelist", "import", csv_file, *args, "--out", out)
    assert result.exit_code == 0, result.output
    header = out.read_text(encoding="utf-8").split("\n\n")[0]
    assert all(line.startswith("# ") for line in header.splitlines()), header
    assert "from a\\u000a<https:__x> <http:__y> <http:__z> .\\u000a.csv." in header
    wanted = rdflib.Graph().parse(CASES / "flat-list" / "expected.ttl", format="turtle")
    assert isomorphic(rdflib.Graph().parse(out, format="turtle"), wanted)


def test_the_turtle_writer_refuses_output_that_says_something_else() -> None:
    # A header from a file is meant to be comments; anything that is not would be statements.
    triple = ox.Triple(
        ox.NamedNode("https://w3id.org/demoi/code/t"),
        ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode(SKOS + "ConceptScheme"),
    )
    injected = (
        "# T\n<https://w3id.org/demoi/code/t> <http://example.org/p> <http://evil.example/> .\n"
    )
    assert turtle([triple], "# T\n", {}, "https://w3id.org/demoi/code/t")
    with pytest.raises(RuntimeError, match="does not read back"):
        turtle([triple], injected, {}, "https://w3id.org/demoi/code/t")


def test_export_of_a_missing_file_names_the_reason(tmp_path: Path) -> None:
    # pyoxigraph's OSError has no strerror: the message was "FILE: None".
    missing = tmp_path / "nonexistent.ttl"
    result = _run("codelist", "export", missing)
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {missing}: No such file or directory (os error 2)\n",
    )

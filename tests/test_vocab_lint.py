"""`demoi vocab lint`: the SPARQL checks and the SHACL style shapes, one line per finding with
file, line and column. Cases: tests/cases/vocab-lint/<case>/, a standards tree and the exact
finding lines of expected.txt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO
from demoi.cli import cli
from demoi.standards import checks
from demoi.vocab.lint import lint, style_rules

CASES = sorted(path for path in (REPO / "tests/cases/vocab-lint").iterdir() if path.is_dir())
FINDING = re.compile(r"^[^:]+:\d+:\d+: ")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["vocab", "lint", *args])
    return result.exit_code, result.stdout, result.stderr


def finding_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if FINDING.match(line)]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    code, out, _ = run(".", "--lang", "en")
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert finding_lines(out) == expected
    assert code == (1 if expected else 0)


def test_every_style_rule_has_a_case_that_breaks_it() -> None:
    rules = {name.removeprefix("style:") for name in style_rules()}
    found = {
        match
        for case in CASES
        for match in re.findall(r": style:([\w-]+): ", (case / "expected.txt").read_text())
    }
    assert rules and rules <= found, f"style rules no case breaks: {sorted(rules - found)}"


def test_demois_standards_have_no_findings() -> None:
    code, out, err = run()
    assert code == 0, out
    assert "κανένα εύρημα" in err


def test_rules_are_titled_in_both_languages() -> None:
    for check in checks(REPO):
        text = check.read_text(encoding="utf-8")
        for language in ("el", "en"):
            assert re.search(rf"^# title@{language}: \S", text, re.M), f"{check.name}: {language}"


def test_titles_follow_the_findings_in_the_chosen_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO / "tests/cases/vocab-lint/shape-style")
    _, greek, _ = run(".")
    _, english, _ = run(".", "--lang", "en")
    assert "style:SeverityKnown: το sh:severity είναι sh:Violation" in greek
    assert "style:SeverityKnown: sh:severity is sh:Violation" in english


def new_shapes(folder: Path, target: str) -> Path:
    (folder / "shapes").mkdir(parents=True)
    path = folder / "shapes" / "finance-recommended.ttl"
    source = (REPO / "shapes/finance-recommended.ttl").read_text(encoding="utf-8")
    path.write_text(
        source
        + "\nfinsh:Extra a sh:NodeShape ;\n"
        + f"    sh:targetClass {target} ;\n"
        + "    sh:property finsh:Extra-label .\n"
        + "finsh:Extra-label a sh:PropertyShape ;\n    sh:path rdfs:label ;\n"
        + "    sh:minCount 1 ;\n    sh:severity sh:Warning ;\n"
        + '    sh:message "Ετικέτα."@el , "A label."@en .\n',
        encoding="utf-8",
    )
    return path


def test_a_single_file_is_linted_among_demois_standards(tmp_path: Path) -> None:
    """An editor's new shapes use the vocabularies' classes: those are declared by the installed
    standards, so only the file's own mistakes are found."""
    path = new_shapes(tmp_path / "good", "fin:BudgetLine")
    code, out, _ = run(str(path))
    assert code == 0, out
    typo = new_shapes(tmp_path / "typo", "fin:BudgetLin")
    code, out, _ = run(str(typo))
    assert code == 1
    lines = finding_lines(out)
    assert lines, out
    assert all(line.startswith(str(typo)) for line in lines), lines
    assert any("undeclared-term: fin:BudgetLin" in line for line in lines), lines


def test_only_the_named_files_are_reported(tmp_path: Path) -> None:
    """The installed standards around a named file are read, never reported on."""
    result = lint([new_shapes(tmp_path, "fin:BudgetLin")])
    assert {finding.file for finding in result.findings} == {
        str(tmp_path / "shapes/finance-recommended.ttl")
    }


def test_a_file_that_does_not_parse_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "ontologies").mkdir()
    (tmp_path / "ontologies" / "common.ttl").write_text(
        "@prefix x: <https://w3id.org/demoi/def/common#> .\n\nx:A x:b x:c ;\n  x:d .\n"
    )
    code, out, err = run(str(tmp_path))
    assert code == 1
    assert re.search(r"common\.ttl, line 4, column \d+", err), err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.ttl", "no such file or folder"),
        ("loose.ttl", "not under a folder named ontologies, shapes or mappings"),
    ],
)
def test_bad_paths_are_usage_errors(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "loose.ttl").write_text("")
    code, _, err = run(str(tmp_path / name))
    assert code == 2
    assert message in err


@pytest.mark.parametrize(
    ("statement", "code", "expected"),
    [
        ("x:a x:b <<( x:a x:b x:c )>> .", 1, "common.ttl: an RDF 1.2 triple term"),
        ('x:a x:b "x"@en--ltr .', 0, ""),
    ],
    ids=["triple-term", "base-direction"],
)
def test_rdf_1_2_is_refused_or_read_never_an_internal_error(
    tmp_path: Path, statement: str, code: int, expected: str
) -> None:
    """Regression: the style shapes reparsed oxigraph's output with rdflib, which read RDF 1.2
    differently, and lint ended in an internal error."""
    case = REPO / "tests/cases/vocab-lint/clean/ontologies/common.ttl"
    (tmp_path / "ontologies").mkdir()
    (tmp_path / "ontologies/common.ttl").write_text(
        case.read_text(encoding="utf-8") + statement + "\n", encoding="utf-8"
    )
    exit_code, out, err = run(str(tmp_path))
    assert "internal error" not in err
    assert expected in err
    if code == 0:
        assert "RDF 1.2" not in err
    else:
        assert exit_code == code


def test_a_folder_of_trees_lints_each_tree_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: files of different trees with the same place (ontologies/common.ttl) were
    keyed alike, and their findings were filed under one another or lost."""
    monkeypatch.chdir(REPO)
    _, out, _ = run("tests/cases/vocab-lint", "--lang", "en")
    expected = sorted(
        f"tests/cases/vocab-lint/{case.name}/{line}"
        for case in CASES
        for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    )
    assert sorted(finding_lines(out)) == expected


def test_the_summary_counts_in_words_of_its_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO / "tests/cases/vocab-lint/definition-twice")
    _, _, greek = run(".")
    _, _, english = run(".", "--lang", "en")
    assert "1 εύρημα σε 1 αρχείο" in greek
    assert "1 finding in 1 file" in english

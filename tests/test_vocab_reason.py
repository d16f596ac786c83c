"""`demoi vocab reason`: HermiT over a standards tree, through the command: what is inconsistent,
unsatisfiable or inferred, and a plain message without Java."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from demoi.cli import cli

PREFIXES = """
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix x: <https://w3id.org/demoi/def/x#> .
"""
X = "https://w3id.org/demoi/def/x#"


def tree(folder: Path, turtle: str) -> Path:
    (folder / "ontologies").mkdir(parents=True)
    (folder / "ontologies" / "x.ttl").write_text(PREFIXES + turtle, encoding="utf-8")
    return folder


def reason(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["vocab", "reason", "--lang", "en", *args])
    return result.exit_code, result.stdout, result.stderr


def test_demois_vocabularies_are_consistent() -> None:
    code, out, err = reason()
    assert code == 0, out + err
    assert "consistent:" in out
    assert "no inferred change to the hierarchy" in out


def test_inferred_hierarchy_is_reported_as_information(tmp_path: Path) -> None:
    folder = tree(
        tmp_path,
        "x:B a owl:Class . x:C a owl:Class .\n"
        "x:A a owl:Class ; owl:equivalentClass [ a owl:Class ; owl:intersectionOf ( x:B x:C ) ] .\n"
        "x:D a owl:Class ; rdfs:subClassOf x:B , x:C .\n",
    )
    code, out, _ = reason("--standards", str(folder))
    assert code == 0
    assert f"info: inferred {X}D ⊑ {X}A (stated in no file)" in out
    assert f"info: inferred {X}A ⊑ {X}B (stated in no file)" in out


def test_a_cycle_of_subclasses_is_an_equivalence_and_a_note(tmp_path: Path) -> None:
    folder = tree(
        tmp_path,
        "x:E a owl:Class ; rdfs:subClassOf x:F .\nx:F a owl:Class ; rdfs:subClassOf x:E .\n",
    )
    code, out, err = reason("--standards", str(folder))
    assert code == 0
    assert f"info: inferred {X}E ≡ {X}F" in out
    assert "owlready2 note: Warning: ignoring cyclic subclass" in err


def test_unsatisfiable_class_fails(tmp_path: Path) -> None:
    folder = tree(
        tmp_path,
        "x:Revenue a owl:Class ; owl:disjointWith x:Expenditure .\nx:Expenditure a owl:Class .\n"
        "x:Both a owl:Class ; rdfs:subClassOf x:Revenue , x:Expenditure .\n",
    )
    code, out, _ = reason("--standards", str(folder))
    assert code == 1
    assert f"error: {X}Both: unsatisfiable class" in out


def test_inconsistency_fails_with_hermits_explanation(tmp_path: Path) -> None:
    folder = tree(
        tmp_path,
        "x:Revenue a owl:Class ; owl:disjointWith x:Expenditure .\nx:Expenditure a owl:Class .\n"
        "x:line a x:Revenue , x:Expenditure .\n",
    )
    code, _, err = reason("--standards", str(folder))
    assert code == 1
    assert "error: inconsistent: HermiT found a contradiction" in err


def test_without_java_the_message_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    code, _, err = reason()
    assert code == 2
    assert "apt install default-jre-headless" in err
    assert "Traceback" not in err


def test_a_file_that_does_not_parse_is_named(tmp_path: Path) -> None:
    folder = tree(tmp_path, "x:A a owl:Class ;\n")
    code, _, err = reason("--standards", str(folder))
    assert code == 1
    assert "x.ttl, line" in err

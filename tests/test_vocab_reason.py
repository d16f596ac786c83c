"""`demoi vocab reason`: HermiT over a standards tree, through the command: what is inconsistent,
unsatisfiable or inferred, and a plain message without Java."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import ClassVar

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
    # Regression: HermiT's own explanation is empty; the clash is named from the graph.
    assert f"{X}line is in {X}Revenue and in {X}Expenditure, declared owl:disjointWith" in err


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


class _Recorder(http.server.BaseHTTPRequestHandler):
    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.asked.append(self.path)
        body = b"<http://ex/a> <http://ex/b> <http://ex/c> .\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_owl_imports_are_never_followed(tmp_path: Path) -> None:
    """Regression: one owl:imports line made owlready2 fetch any URL (or read any local file)
    while reasoning. The import is left out; nothing is asked of the server."""
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        folder = tree(
            tmp_path,
            f"<https://w3id.org/demoi/def/x> a owl:Ontology ;\n"
            f"    owl:imports <http://127.0.0.1:{port}/evil.nt> , <file:///etc/hostname> .\n"
            "x:C a owl:Class .\n",
        )
        code, out, err = reason("--standards", str(folder))
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.asked == []
    assert code == 0, out + err


@pytest.mark.parametrize(
    ("turtle", "expected"),
    [
        ("x:a x:b <<( x:a x:b x:c )>> .\n", "x.ttl: an RDF 1.2 triple term"),
        ("x:a x:b <http://ex/a b> .\n", "x.ttl, line 5"),
    ],
    ids=["triple-term", "iri-with-space"],
)
def test_what_rdflib_and_oxigraph_read_differently_is_a_located_error(
    tmp_path: Path, turtle: str, expected: str
) -> None:
    """Regression: the two parsers disagreed, and the command ended in an internal error."""
    code, _, err = reason("--standards", str(tree(tmp_path, turtle)))
    assert code == 1, err
    assert expected in err
    assert "internal error" not in err


def test_a_base_direction_is_read_not_refused(tmp_path: Path) -> None:
    folder = tree(tmp_path, 'x:C a owl:Class ; rdfs:label "C"@en--ltr .\n')
    code, out, err = reason("--standards", str(folder))
    assert code == 0, out + err


def test_a_folder_without_vocabularies_is_a_usage_error(tmp_path: Path) -> None:
    """Regression: a mistyped --standards folder passed as "consistent: 0 classes"."""
    code, _, err = reason("--standards", str(tmp_path))
    assert code == 2
    assert "no Turtle files" in err


def test_a_java_home_without_java_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    code, _, err = reason()
    assert code == 2
    assert f"JAVA_HOME ({tmp_path / 'jdk'}) has no bin/java" in err
    assert "πρόγραμμα Java" in err


def test_reason_itself_leaves_owl_imports_out(tmp_path: Path) -> None:
    """Regression (re-review): only vocabulary_graph dropped owl:imports; a graph given to
    reason() directly was still followed to the URL."""
    import rdflib

    from demoi.vocab.reason import reason as classify_graph

    graph = rdflib.Graph().parse(
        data=PREFIXES
        + "<https://w3id.org/demoi/def/x> a owl:Ontology ;\n"
        + "    owl:imports <http://127.0.0.1:9/unreachable.nt> .\nx:C a owl:Class .\n",
        format="turtle",
    )
    assert classify_graph(graph).consistent

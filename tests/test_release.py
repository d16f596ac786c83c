"""tools/release_standards.py writes the version metadata the repository files never carry."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from conftest import REPO

OWL = "http://www.w3.org/2002/07/owl#"
MODIFIED = ox.NamedNode("http://purl.org/dc/terms/modified")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, REPO / "tools" / "release_standards.py", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def objects(path: Path, subject: str, predicate: str | ox.NamedNode) -> list[str]:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    node = predicate if isinstance(predicate, ox.NamedNode) else ox.NamedNode(OWL + predicate)
    return [q.object.value for q in store.quads_for_pattern(ox.NamedNode(subject), node, None)]


def test_release_writes_version_metadata(tmp_path: Path) -> None:
    completed = run("1.2.3", "--out", tmp_path, "--prior", "1.2.2")
    assert completed.returncode == 0, completed.stderr
    finance = tmp_path / "ontologies" / "finance.ttl"
    vocabulary = "https://w3id.org/demoi/def/finance"
    assert objects(finance, vocabulary, "versionInfo") == ["1.2.3"]
    assert objects(finance, vocabulary, "versionIRI") == [vocabulary + "/1.2.3"]
    assert objects(finance, vocabulary, "priorVersion") == [vocabulary + "/1.2.2"]
    (modified,) = objects(finance, vocabulary, MODIFIED)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", modified)
    shapes = tmp_path / "shapes" / "finance-recommended.ttl"
    profile = "https://w3id.org/demoi/shapes/finance-recommended"
    assert objects(shapes, profile, "versionIRI") == [profile + "/1.2.3"]
    areas = tmp_path / "ontologies" / "codelists" / "functional-areas.ttl"
    scheme = "https://w3id.org/demoi/code/functional-area"
    assert objects(areas, scheme, "versionInfo") == ["1.2.3"]
    assert objects(areas, scheme, "versionIRI") == []
    # A scheme the EU owns gets no demoi version.
    themes = tmp_path / "ontologies" / "codelists" / "data-themes.ttl"
    eu_scheme = "http://publications.europa.eu/resource/authority/data-theme"
    assert objects(themes, eu_scheme, "versionInfo") == []
    # The released file is the source file plus the block: comments survive.
    source = (REPO / "ontologies" / "finance.ttl").read_text(encoding="utf-8")
    assert finance.read_text(encoding="utf-8").startswith(source)


def test_release_refuses_a_bad_version(tmp_path: Path) -> None:
    completed = run("v1", "--out", tmp_path)
    assert completed.returncode == 2
    assert "MAJOR.MINOR.PATCH" in completed.stderr
    assert not list(tmp_path.iterdir())

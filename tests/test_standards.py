"""The standards parse, and pass the vocabulary checks (ontologies/checks/*-violation.rq):
each check is a SPARQL query that must return no rows, run over all ontologies and shapes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import REPO

TURTLE = sorted((REPO / "ontologies").rglob("*.ttl")) + sorted((REPO / "shapes").rglob("*.ttl"))
CHECKS = sorted((REPO / "ontologies" / "checks").glob("*-violation.rq"))


@pytest.fixture(scope="module")
def standards() -> ox.Store:
    store = ox.Store()
    for path in TURTLE:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(path.as_uri()))
    return store


@pytest.mark.parametrize("path", TURTLE, ids=lambda p: str(p.relative_to(REPO)))
def test_parses(path: Path) -> None:
    assert list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def test_there_are_checks() -> None:
    assert len(CHECKS) >= 3


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_returns_no_rows(standards: ox.Store, check: Path) -> None:
    rows = list(standards.query(check.read_text(encoding="utf-8"), use_default_graph_as_union=True))
    assert not rows, f"{check.name}:\n" + "\n".join(str(row) for row in rows[:20])


def test_the_checks_can_fail() -> None:
    broken = ox.Store()
    broken.load(
        b"""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://w3id.org/demoi/def/x#Thing> a owl:Class ; rdfs:label "Thing"@en .
        <https://w3id.org/demoi/shapes/x#S> sh:message "only English"@en .""",
        ox.RdfFormat.TURTLE,
    )
    for check in CHECKS:
        assert list(broken.query(check.read_text(encoding="utf-8"))), f"{check.name} cannot fail"

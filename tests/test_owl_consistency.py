"""All vocabularies and code lists, loaded together into owlready2 and classified with HermiT:
consistent, and no class is unsatisfiable. Needs Java (HermiT is a Java reasoner); .ci/run
installs it on a machine that lacks it, and these tests fail rather than skip without it."""

from __future__ import annotations

import shutil

import pytest
import rdflib

from conftest import REPO
from demoi.standards import OntologyInconsistent, classify, vocabulary_graph


def test_java_is_installed() -> None:
    assert shutil.which("java"), "HermiT needs Java: apt install default-jre-headless"


BROKEN = """
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix x: <https://w3id.org/demoi/def/x#> .
x:Revenue a owl:Class ; owl:disjointWith x:Expenditure .
x:Expenditure a owl:Class .
"""


def test_vocabularies_are_consistent_and_satisfiable() -> None:
    unsatisfiable = classify(vocabulary_graph(REPO))
    assert not unsatisfiable, "unsatisfiable classes: " + ", ".join(unsatisfiable)


def test_reasoner_finds_unsatisfiable_class() -> None:
    graph = rdflib.Graph().parse(
        data=BROKEN + "x:Both a owl:Class ; rdfs:subClassOf x:Revenue , x:Expenditure .",
        format="turtle",
    )
    assert classify(graph) == ["https://w3id.org/demoi/def/x#Both"]


def test_reasoner_finds_inconsistency() -> None:
    graph = rdflib.Graph().parse(
        data=BROKEN + "x:line a x:Revenue , x:Expenditure .", format="turtle"
    )
    with pytest.raises(OntologyInconsistent):
        classify(graph)


def test_datatypes_outside_owl2_are_read_as_literals() -> None:
    """HermiT rejects xsd:gYear; the vocabulary graph hands it rdfs:Literal instead."""
    graph = vocabulary_graph(REPO)
    gyear = rdflib.URIRef("http://www.w3.org/2001/XMLSchema#gYear")
    assert not list(graph.triples((None, None, gyear)))
    assert "gYear" in (REPO / "ontologies/finance.ttl").read_text(encoding="utf-8")

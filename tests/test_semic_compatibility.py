"""demoi's profiles tighten the EU application profiles they extend, never contradict them: every
valid example of these areas also conforms to the SEMIC / DCAT-AP shapes
(../shared/data/external/semic-shacl/, dcat-ap-shacl/), with demoi's code lists present as they
are in a deployment's store."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import rdflib
from pyshacl import validate
from rdflib.namespace import SH

from conftest import REPO, SHARED_DATA
from test_shape_cases import CASES, case_data, expected_of

EU_SHAPES = {
    "organisation": ["semic-shacl/cpov-2.1.2-SHACL.ttl", "semic-shacl/core-person-2.1.2-SHACL.ttl"],
    "services": ["semic-shacl/cpsv-ap-3.2.0-SHACL.ttl"],
    "places": ["semic-shacl/core-location-2.1.0-SHACL.ttl"],
    "culture": ["semic-shacl/core-public-event-1.1.1-SHACL.ttl"],
    "catalogue": [
        "dcat-ap-shacl/dcat-ap-3.0.1-SHACL.ttl",
        "dcat-ap-shacl/dcat-ap-hvd-3.0.0-SHACL.ttl",
    ],
}
VALID_CASES = [
    path.parent
    for path in CASES
    if path.parent.parent.name in EU_SHAPES and not expected_of(path.parent)["results"]
]


@cache
def eu_shapes(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(SHARED_DATA / name, format="turtle")


@cache
def code_lists() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in sorted((REPO / "ontologies" / "codelists").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def test_every_extending_area_has_valid_examples() -> None:
    assert {case.parent.name for case in VALID_CASES} == set(EU_SHAPES)


def _declares_hvd(case: Path) -> bool:
    hvd_category = rdflib.URIRef("http://data.europa.eu/r5r/hvdCategory")
    return any(True for _ in case_data(case).triples((None, hvd_category, None)))


PAIRS = [
    (case, profile)
    for case in VALID_CASES
    for profile in EU_SHAPES[case.parent.name]
    # DCAT-AP HVD applies to the datasets that declare a high-value category.
    if "hvd" not in profile or _declares_hvd(case)
]


@pytest.mark.parametrize(
    ("case", "profile"), PAIRS, ids=[f"{c.parent.name}/{c.name}:{Path(p).stem}" for c, p in PAIRS]
)
def test_valid_example_conforms_to_eu_profile(case: Path, profile: str) -> None:
    data = case_data(case) + code_lists()
    _, report, text = validate(data, shacl_graph=eu_shapes(profile), inference="none")
    violations = list(report.subjects(SH.resultSeverity, SH.Violation))
    assert not violations, text


def test_eu_profiles_catch_what_they_should() -> None:
    """The comparison can fail: a plain-string preferred label breaks CPOV (rdf:langString)."""
    data = rdflib.Graph().parse(
        data="""<http://127.0.0.1:8000/id/org/1> a <http://data.europa.eu/m8g/PublicOrganisation> ;
            <http://www.w3.org/2004/02/skos/core#prefLabel> "Δήμος Καλαμάτας" .""",
        format="turtle",
    )
    conforms, _, _ = validate(
        data, shacl_graph=eu_shapes("semic-shacl/cpov-2.1.2-SHACL.ttl"), inference="none"
    )
    assert not conforms

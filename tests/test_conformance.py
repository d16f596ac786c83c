"""The validator behind `demoi validate` (demoi.conformance, demoi.profiles): every shape case
through the two passes gives its expected results, the same as pySHACL on the same passes, and
the second pass sees the code lists."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import SH

from conftest import SHARED_DATA
from demoi import conformance, profiles, validation
from demoi.compiled_shapes import _to_rdflib
from test_shape_cases import CASES, case_data, expected_of

EU_SHAPES_DIR = str(SHARED_DATA)
DEMOI = "http://127.0.0.1:8000/"


def triples_of(graph: rdflib.Graph) -> list[ox.Triple]:
    data = graph.serialize(format="nt", encoding="utf-8")
    return [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    ]


def case_id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}"


@pytest.mark.parametrize("expected_file", CASES, ids=case_id)
def test_every_shape_case_through_both_passes(expected_file: Path) -> None:
    """The two passes find exactly what the case expects: the code lists as background never
    hide a violation the case is about, nor add one."""
    case = expected_file.parent
    outcome = conformance.check_triples(
        triples_of(case_data(case)), profiles.load(case.parent.name)
    )
    found = Counter((r.severity, r.shape, r.component, r.focus, r.path) for r in outcome.results)
    expected = Counter(
        (x["severity"], x["shape"], x["component"], x["focus"], x.get("path"))
        for x in expected_of(case)["results"]
    )
    assert found == expected
    assert outcome.conforms == expected_of(case)["conforms"]


def _pyshacl_passes(graph: rdflib.Graph, profile: profiles.Profile) -> Counter[tuple[object, ...]]:
    """pySHACL on the same two passes, with the same background and the same filter."""
    results = Counter(
        _key(f, 1) for f in validation.validate_graph(graph, profile.pass_one).findings
    )
    if profile.pass_two is not None:
        data = triples_of(graph)
        background = rdflib.Graph()
        for triple in profiles.background(data):
            background.add(
                (
                    _to_rdflib(triple.subject),
                    _to_rdflib(triple.predicate),
                    _to_rdflib(triple.object),
                )
            )
        described = profiles.background_subjects() - {
            t.subject.value for t in data if isinstance(t.subject, ox.NamedNode)
        }
        second = validation.validate_graph(graph + background, profile.pass_two)
        results.update(_key(f, 2) for f in second.findings if f.focus not in described)
    return results


def _key(finding: validation.Finding, number: int) -> tuple[object, ...]:
    return (number, finding.severity, finding.focus, finding.path, finding.value, finding.shape,
            finding.component)  # fmt: skip


# Every area with a second pass, on its valid cases and on the cases about sh:class: where the
# background can change a result.
SECOND_PASS_CASES = [
    path
    for path in CASES
    if profiles.load(path.parent.parent.name)[0].pass_two is not None
    and (
        path.parent.name.startswith("valid")
        or any(
            r["component"] == "ClassConstraintComponent"
            for r in expected_of(path.parent)["results"]
        )
    )
]


@pytest.mark.parametrize("expected_file", SECOND_PASS_CASES, ids=case_id)
def test_both_passes_as_pyshacl(expected_file: Path) -> None:
    case = expected_file.parent
    graph = case_data(case)
    (profile,) = profiles.load(case.parent.name)
    outcome = conformance.check_triples(triples_of(graph), [profile])
    found = Counter(
        (r.pass_number, r.severity, r.focus, r.path, r.value, r.shape, r.component)
        for r in outcome.results
    )
    assert found == _pyshacl_passes(graph, profile)


def test_there_are_second_pass_cases() -> None:
    assert len(SECOND_PASS_CASES) >= 10


CLASS_SHAPES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<urn:shape:Theme> a sh:NodeShape ; sh:targetClass <urn:Thing> ;
    sh:property <urn:shape:theme-class> , <urn:shape:theme-length> .
<urn:shape:theme-class> sh:path <urn:theme> ; sh:class skos:Concept .
<urn:shape:theme-length> sh:path <urn:theme> ; sh:minLength 200 .
"""


def test_range_shapes_see_the_code_lists_in_the_second_pass() -> None:
    """A theme from demoi's data-theme code list is a skos:Concept only there: on the data
    alone sh:class fails; with the code lists as background it holds, and the length rule
    (no sh:class) still runs on the data alone, in the first pass."""
    shapes = rdflib.Graph().parse(data=CLASS_SHAPES, format="turtle")
    # As for demoi's profiles: each property shape becomes a rule of its own.
    first, second = profiles.split_passes(validation.targeted_directly(shapes))
    assert second is not None
    profile = profiles.Profile("t", (("", "t"),), "urn:t", first, second)
    theme = ox.NamedNode("http://publications.europa.eu/resource/authority/data-theme/ECON")
    unknown = ox.NamedNode("http://example.org/not-a-theme")
    a_thing = ox.NamedNode("urn:Thing")
    data = [
        ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode(str(rdflib.RDF.type)), a_thing),
        ox.Triple(ox.NamedNode("urn:b"), ox.NamedNode(str(rdflib.RDF.type)), a_thing),
        ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:theme"), theme),
        ox.Triple(ox.NamedNode("urn:b"), ox.NamedNode("urn:theme"), unknown),
    ]
    outcome = conformance.check_triples(data, [profile])
    found = {(r.pass_number, r.focus, r.component) for r in outcome.results}
    assert found == {
        (1, "urn:a", "MinLengthConstraintComponent"),
        (1, "urn:b", "MinLengthConstraintComponent"),
        (2, "urn:b", "ClassConstraintComponent"),
    }
    assert [p.number for p in outcome.passes] == [1, 2]
    assert outcome.passes[1].background_triples > 0


def test_results_about_the_code_lists_themselves_are_dropped() -> None:
    """A second-pass shape targeting skos:Concept would judge every concept of the background;
    those results are about the code lists, not the data, and are left out."""
    shapes = rdflib.Graph().parse(
        format="turtle",
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <urn:s> a sh:NodeShape ; sh:targetClass skos:Concept ;
            sh:property [ sh:path <urn:p> ; sh:minCount 1 ; sh:class skos:Concept ] .""",
    )
    first, second = profiles.split_passes(shapes)
    profile = profiles.Profile("t", (("", "t"),), "urn:t", first, second)
    mine = ox.NamedNode("urn:my-concept")
    data = [
        ox.Triple(mine, ox.NamedNode(str(rdflib.RDF.type)), ox.NamedNode(str(rdflib.SKOS.Concept))),
        ox.Triple(
            ox.NamedNode("urn:x"),
            ox.NamedNode("urn:theme"),
            ox.NamedNode("http://publications.europa.eu/resource/authority/data-theme/ECON"),
        ),
    ]
    outcome = conformance.check_triples(data, [profile])
    assert {r.focus for r in outcome.results} == {"urn:my-concept"}


def test_the_eu_profiles_read_the_files_demoi_was_tested_with() -> None:
    for eu in profiles.EU_PROFILES.values():
        for eu_file in eu.pass_one + eu.pass_two:
            found = profiles.find_eu_file(eu_file, SHARED_DATA)
            assert profiles.file_sha256(found) == eu_file.sha256, eu_file.name


def test_dcat_ap_results_name_the_section_of_the_specification() -> None:
    (profile,) = profiles.load("dcat-ap", eu_shapes_dir=EU_SHAPES_DIR)
    data = [
        ox.Triple(
            ox.NamedNode("urn:d"),
            ox.NamedNode(str(rdflib.RDF.type)),
            ox.NamedNode("http://www.w3.org/ns/dcat#Dataset"),
        )
    ]
    outcome = conformance.check_triples(data, [profile])
    sections = {r.section.url for r in outcome.results if r.section}
    assert "https://semiceu.github.io/DCAT-AP/releases/3.0.1#Dataset.description" in sections
    assert not outcome.conforms


@pytest.mark.parametrize("name", ["dcat-ap", "hvd"])
def test_dcat_ap_rules_of_the_main_file_run_on_the_data_alone(name: str) -> None:
    """Regression: the range files link their property shapes to the main file's node shapes
    (the same IRIs), so splitting the passes by node shape sent every DCAT-AP node shape, and
    every rule of the main file with it, to the second pass: a dataset without a description
    was reported as found with the code lists as background. Pass one had one targeted shape."""
    (profile,) = profiles.load(name, eu_shapes_dir=EU_SHAPES_DIR)
    dataset = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<urn:d> a dcat:Dataset ; dct:title "t"@en ; dcat:distribution <urn:x> .
<urn:x> a dcat:Distribution ; dcat:accessURL <urn:a> ; dct:license <urn:l> ."""
    outcome = conformance.check([conformance.Source("d.ttl", dataset.encode(), "ttl")], [profile])
    passes = {(r.path, r.component): r.pass_number for r in outcome.results}
    assert passes[("http://purl.org/dc/terms/description", "MinCountConstraintComponent")] == 1
    # and a range rule still waits for the background: <urn:l> is no dct:LicenseDocument
    assert passes[("http://purl.org/dc/terms/license", "ClassConstraintComponent")] == 2
    # no shape of the first pass needs to know a value's class
    assert profile.pass_two is not None
    first_tops = {s for target in profiles.TARGETS for s in profile.pass_one.subjects(target, None)}
    for top in first_tops:
        closure = list(profiles._closure(profile.pass_one, top))
        assert not any((shape, SH["class"], None) in profile.pass_one for shape in closure), top


def test_an_eu_profile_without_its_files_says_where_to_get_them() -> None:
    with pytest.raises(conformance.UsageError, match="DEMOI_EU_SHAPES_DIR"):
        profiles.load("hvd")


def test_demoi_results_name_the_node_shape_as_section() -> None:
    (profile,) = profiles.load("finance")
    section = profile.section("https://w3id.org/demoi/shapes/finance#BudgetLine-paid-datatype")
    assert section is not None
    assert section.url == "https://w3id.org/demoi/shapes/finance#ExpenditureLineShape"
    assert section.label("el") == "Γραμμή εξόδων"
    assert section.label("en") == "Expenditure line"

"""demoi's profiles tighten the EU application profiles they extend, never contradict them: every
valid example of these areas also conforms to the SEMIC / DCAT-AP shapes
(../shared/data/external/semic-shacl/, dcat-ap-shacl/), with demoi's code lists present as they
are in a deployment's store. The valid catalogue examples also pass both passes of demoi's
`dcat-ap` and `hvd` profiles (ranges and code-list shapes, with the code lists as background),
with exactly the Warnings a municipal catalogue is expected to keep."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import rdflib
from pyshacl import validate
from rdflib.namespace import DCAT, DCTERMS, SH

from conftest import REPO, SHARED_DATA
from demoi import conformance, profiles
from test_conformance import triples_of
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


def _holds_data_service(case: Path) -> bool:
    return (None, rdflib.RDF.type, DCAT.DataService) in case_data(case)


PAIRS = [
    (case, profile)
    for case in VALID_CASES
    for profile in EU_SHAPES[case.parent.name]
    # DCAT-AP HVD applies to the datasets that declare a high-value category.
    if ("hvd" not in profile or _declares_hvd(case))
    # The DCAT-AP 3.0.1 main file names two data-service property shapes it does not define,
    # and pySHACL stops on them when the data holds a dcat:DataService: such cases are checked
    # through demoi's EU profiles below, which compile the shapes.
    and not (profile.startswith("dcat-ap-shacl/") and _holds_data_service(case))
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


# ---------------------------------------------------------------------------------------------
# Both passes of demoi's EU profiles: the main files on the data alone, then the range and
# code-list (mdr-vocabularies) files with demoi's background (profiles.background(): the
# vocabularies and code lists of ontologies/), as `demoi validate --profile dcat-ap|hvd` runs them.

DCAT_AP_SHAPES = str(SHARED_DATA / "dcat-ap-shacl")
CATALOGUE_CASES = [case for case in VALID_CASES if case.parent.name == "catalogue"]
EU_PROFILE_PAIRS = [
    (case, name)
    for case in CATALOGUE_CASES
    for name in ("dcat-ap", "hvd")
    if name != "hvd" or _declares_hvd(case)
]
MUNICIPALITY = "https://w3id.org/demoi/code/municipality"
FULL_RECORD = REPO / "tests" / "cases" / "shapes" / "catalogue" / "valid-full-record"

# (shape or its section, path, value, focus, constraint component)
Key = tuple[str, str | None, str | None, str, str]
FUNCTIONAL_AREA = "https://w3id.org/demoi/code/functional-area/"


def _eu_outcome(case: Path, name: str) -> conformance.Outcome:
    (profile,) = profiles.load(name, eu_shapes_dir=DCAT_AP_SHAPES)
    return conformance.check_triples(triples_of(case_data(case)), [profile])


def _keys(outcome: conformance.Outcome, severity: str) -> Counter[Key]:
    return Counter(
        (r.section.id if r.section else r.shape, r.path, r.value, r.focus, r.component)
        for r in outcome.results
        if r.severity == severity
    )


def _expected_warnings(data: rdflib.Graph) -> Counter[Key]:
    """What DCAT-AP warns about in a valid demoi record, and why it stays: a municipality is not
    in the EU corporate-body table (each dct:publisher of a catalogue, dataset or data service),
    and a municipality of demoi's code list is in none of the EU place lists (dct:spatial), and
    a functional area is a theme of demoi's, not of the EU data-theme table (dcat:theme)."""
    node = "NodeConstraintComponent"
    expected: Counter[Key] = Counter()
    for cls, shape in (
        (DCAT.Catalog, "Catalog_ShapeCV"),
        (DCAT.Dataset, "Dataset_ShapeCV"),
        (DCAT.DataService, "DataService_ShapeCV"),
    ):
        for subject in data.subjects(rdflib.RDF.type, cls):
            for agent in data.objects(subject, DCTERMS.publisher):
                expected[(shape, str(DCTERMS.publisher), str(agent), str(subject), node)] += 1
            for place in data.objects(subject, DCTERMS.spatial):
                if str(place).startswith(MUNICIPALITY + "/") and cls != DCAT.DataService:
                    expected[(shape, str(DCTERMS.spatial), str(place), str(subject), node)] += 1
            for theme in data.objects(subject, DCAT.theme):
                if str(theme).startswith(FUNCTIONAL_AREA):
                    expected[(shape, str(DCAT.theme), str(theme), str(subject), node)] += 1
    return expected


def test_there_is_a_full_record_with_a_data_service() -> None:
    assert FULL_RECORD in CATALOGUE_CASES
    assert _holds_data_service(FULL_RECORD) and _declares_hvd(FULL_RECORD)


@pytest.mark.parametrize(
    ("case", "name"), EU_PROFILE_PAIRS, ids=[f"{c.name}:{n}" for c, n in EU_PROFILE_PAIRS]
)
def test_valid_catalogue_case_passes_both_passes_of_the_eu_profile(case: Path, name: str) -> None:
    outcome = _eu_outcome(case, name)
    assert _keys(outcome, "Violation") == Counter()
    assert _keys(outcome, "Warning") == _expected_warnings(case_data(case))
    assert outcome.conforms
    assert [p.number for p in outcome.passes] == [1, 2]
    assert outcome.passes[1].background_triples > 0


@pytest.mark.parametrize("name", ["dcat-ap", "hvd"])
def test_full_record_leaves_exactly_the_five_expected_warnings(name: str) -> None:
    """The research for issue 8 probed a record with the municipality as place of the dataset
    only (4 warnings); the full record names it for the catalogue too, hence two for spatial."""
    base = "http://127.0.0.1:8000/"
    publisher = f"{base}id/organisation/4401"
    place = f"{MUNICIPALITY}/4401"
    node = "NodeConstraintComponent"
    catalog, dataset = f"{base}catalog/4401", f"{base}id/dataset/4401/air-quality"
    service = f"{base}id/service/4401/sparql"
    outcome = _eu_outcome(FULL_RECORD, name)
    assert _keys(outcome, "Warning") == Counter(
        {
            ("Catalog_ShapeCV", str(DCTERMS.publisher), publisher, catalog, node): 1,
            ("Catalog_ShapeCV", str(DCTERMS.spatial), place, catalog, node): 1,
            ("Dataset_ShapeCV", str(DCTERMS.publisher), publisher, dataset, node): 1,
            ("Dataset_ShapeCV", str(DCTERMS.spatial), place, dataset, node): 1,
            ("DataService_ShapeCV", str(DCTERMS.publisher), publisher, service, node): 1,
        }
    )
    assert {r.pass_number for r in outcome.results} == {2}
    assert not any(r.severity == "Violation" for r in outcome.results)


CONTROLLED_VALUES = [
    # (property on the dataset or distribution, a value outside demoi's copy of the EU list)
    ("dataset", DCTERMS.language, "http://publications.europa.eu/resource/authority/language/XXX"),
    ("dataset", DCTERMS.accrualPeriodicity, "http://example.org/frequency/yearly"),
    ("dataset", DCTERMS.conformsTo, "http://example.org/some-profile"),
    ("distribution", DCTERMS.format, "http://example.org/formats/turtle"),
    ("distribution", DCAT.mediaType, "http://example.org/media/turtle"),
    (
        "distribution",
        rdflib.URIRef("http://data.europa.eu/r5r/availability"),
        "http://publications.europa.eu/resource/authority/planned-availability/FOREVER",
    ),
]


@pytest.mark.parametrize(
    ("owner", "predicate", "value"),
    CONTROLLED_VALUES,
    ids=[str(p).rsplit("/", 1)[-1] for _, p, _ in CONTROLLED_VALUES],
)
def test_second_pass_refuses_a_value_outside_the_code_lists(
    owner: str, predicate: rdflib.URIRef, value: str
) -> None:
    """The full record passes because of the code lists, not because the checks are idle: one
    value that no code list describes is a Violation of the second pass."""
    data = rdflib.Graph() + case_data(FULL_RECORD)  # a copy: case_data is shared
    subject = rdflib.URIRef(
        "http://127.0.0.1:8000/id/dataset/4401/air-quality"
        if owner == "dataset"
        else "http://127.0.0.1:8000/id/distribution/4401/air-quality/ttl"
    )
    data.set((subject, predicate, rdflib.URIRef(value)))
    (profile,) = profiles.load("dcat-ap", eu_shapes_dir=DCAT_AP_SHAPES)
    outcome = conformance.check_triples(triples_of(data), [profile])
    violations = [r for r in outcome.results if r.severity == "Violation"]
    assert violations, outcome.results
    assert {(r.pass_number, r.focus, r.path, r.value) for r in violations} == {
        (2, str(subject), str(predicate), value)
    }

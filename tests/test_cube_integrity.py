"""The RDF Data Cube integrity constraints: data-driven cases in tests/cases/cube-integrity/<case>/.

A case has

- ``cube.ttl``: the cube, self-contained (data set, structure, component declarations, code
  list), in the default graph;
- ``expected.txt``: the constraints it violates, one id a line (``IC-12``, ``IC-19a``), or empty;
- ``background.txt`` (optional): repository files loaded beside the cube (the real structure in
  ontologies/statistics.ttl, the municipality code list).

``valid-*`` cases violate nothing; ``ic-NN-*`` cases break exactly that constraint.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import REPO
from demoi.errors import RdfSyntaxError, UsageError
from demoi.indicators.integrity import (
    TEMPLATE_PARAMETER,
    Violation,
    check_cube,
    find_violations,
    load_constraints,
    normalisation_updates,
    normalise,
    read_rdf,
    scratch_store,
)

CASES_ROOT = REPO / "tests" / "cases" / "cube-integrity"
CASES = sorted(path.parent for path in CASES_ROOT.glob("*/cube.ttl"))
CONSTRAINT_IDS = [f"IC-{n}" for n in range(1, 19)] + ["IC-19a", "IC-19b", "IC-20", "IC-21"]


def cube_of(case: Path) -> list[ox.Quad]:
    return read_rdf(case / "cube.ttl")


def background_of(case: Path) -> list[ox.Quad]:
    listed = case / "background.txt"
    if not listed.is_file():
        return []
    names = listed.read_text(encoding="utf-8").split()
    return [quad for name in names for quad in read_rdf(REPO / name)]


def expected_of(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").split()


def violated(violations: list[Violation]) -> list[str]:
    return [violation.constraint for violation in violations]


def unnormalised_violations(case: Path) -> list[str]:
    return violated(find_violations(scratch_store(cube_of(case), background_of(case))))


def case_named(name: str) -> Path:
    return CASES_ROOT / name


def test_there_are_cases() -> None:
    assert CASES
    assert all((case / "expected.txt").is_file() for case in CASES)


def test_every_constraint_has_a_case_that_breaks_only_it() -> None:
    broken_alone = {expected_of(case)[0] for case in CASES if len(expected_of(case)) == 1}
    assert broken_alone >= set(CONSTRAINT_IDS)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_cube_integrity_case(case: Path) -> None:
    violations = check_cube(cube_of(case), background_of(case))
    assert violated(violations) == expected_of(case), [str(v) for v in violations]
    assert all(violation.detail and violation.title_el for violation in violations)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_ic12_fast_check_agrees_with_the_spec_query(case: Path) -> None:
    cube, background = cube_of(case), background_of(case)
    assert check_cube(cube, background, fast=True) == check_cube(cube, background, fast=False)


# The regression for "vacuous pass without normalisation": demoi's structures say qb:dimension /
# qb:measure / qb:attribute, never qb:componentProperty, which these constraints follow.
@pytest.mark.parametrize(
    ("name", "constraint"),
    [
        ("ic-11-observation-without-period", "IC-11"),
        ("ic-12-duplicate-observation", "IC-12"),
        ("ic-13-observation-without-status", "IC-13"),
        ("ic-14-observation-without-value", "IC-14"),
        ("ic-19a-code-outside-scheme", "IC-19a"),
        ("ic-19b-code-outside-collection", "IC-19b"),
        ("ic-20-code-outside-hierarchy", "IC-20"),
        ("ic-21-code-outside-inverse-hierarchy", "IC-21"),
    ],
)
def test_broken_cube_passes_vacuously_without_normalisation(name: str, constraint: str) -> None:
    case = case_named(name)
    assert constraint not in unnormalised_violations(case)
    assert constraint in violated(check_cube(cube_of(case), background_of(case)))


def test_valid_cube_fails_ic3_without_normalisation() -> None:
    # The structure's measure is stated with qb:measure, so before phase 1 it "has none".
    assert "IC-3" in unnormalised_violations(case_named("valid-indicator"))


@pytest.mark.parametrize(
    ("name", "constraint"),
    [("valid-dataset-attachment", "IC-13"), ("valid-slices", "IC-11"), ("valid-slices", "IC-13")],
)
def test_phase_two_pushes_values_down_to_observations(name: str, constraint: str) -> None:
    case = case_named(name)
    phase_one_only = scratch_store(cube_of(case), background_of(case))
    phase_one_only.update(normalisation_updates()[0])
    assert constraint in violated(find_violations(phase_one_only))
    assert check_cube(cube_of(case), background_of(case)) == []


def test_ic17_as_the_spec_writes_it_never_fires_on_oxigraph() -> None:
    """The spec's HAVING names a SELECT alias, unbound there under SPARQL 1.1's algebra."""
    store = scratch_store(cube_of(case_named("ic-17-measure-missing-at-a-point")))
    normalise(store)
    ours = next(c.query for c in load_constraints() if c.id == "IC-17")
    specs = ours.replace("HAVING (COUNT(?obs2) != ?numMeasures)", "HAVING (?count != ?numMeasures)")
    assert specs != ours
    assert bool(store.query(ours))
    assert not bool(store.query(specs))


def test_constraints_are_the_specs_in_order() -> None:
    constraints = load_constraints()
    assert [c.id for c in constraints] == CONSTRAINT_IDS
    for constraint in constraints:
        number = constraint.id.removeprefix("IC-").rstrip("ab")
        assert constraint.spec == f"https://www.w3.org/TR/vocab-data-cube/#ic-{number}"
        assert constraint.title_en and constraint.title_el != constraint.title_en
        assert "# source:" in constraint.query and "# why:" in constraint.query
        is_template = constraint.id in {"IC-20", "IC-21"}
        assert (TEMPLATE_PARAMETER in constraint.query) == is_template
        assert (constraint.instantiation is not None) == is_template


def test_every_constraint_runs_on_an_empty_graph() -> None:
    store = ox.Store()
    for constraint in load_constraints():
        query = constraint.query.replace(TEMPLATE_PARAMETER, "<http://example.org/p>")
        assert not bool(store.query(query)), constraint.id


def test_template_violation_names_its_parent_child_property() -> None:
    for name, prop in [
        ("ic-20-code-outside-hierarchy", "narrower"),
        ("ic-21-code-outside-inverse-hierarchy", "broader"),
    ]:
        (violation,) = check_cube(cube_of(case_named(name)))
        assert violation.detail.startswith(f"<http://www.w3.org/2004/02/skos/core#{prop}>: ")


def test_violation_names_the_offending_node() -> None:
    (duplicate,) = check_cube(cube_of(case_named("ic-12-duplicate-observation")))
    assert "waste-per-resident/4401-2023-again>" in duplicate.detail
    (outside,) = check_cube(cube_of(case_named("ic-19a-code-outside-scheme")))
    assert "?v = <https://w3id.org/demoi/code/municipality/9999>" in outside.detail


def test_code_list_must_be_loaded_for_ic_19() -> None:
    case = case_named("ic-19a-real-structure-unknown-municipality")
    statistics = read_rdf(REPO / "ontologies" / "statistics.ttl")
    assert check_cube(cube_of(case), statistics) == []
    assert violated(check_cube(cube_of(case), background_of(case))) == ["IC-19a"]


def test_real_statistics_ontology_passes_ic4() -> None:
    """Research finding 3: the SDMX dimensions of statistics.ttl lacked an rdfs:range."""
    violations = check_cube(read_rdf(REPO / "ontologies" / "statistics.ttl"))
    assert "IC-4" not in violated(violations), [str(v) for v in violations]


def test_checking_leaves_the_callers_store_unchanged(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    graph = ox.NamedNode("http://demoi.test/graph/indicators/waste-per-resident")
    case = case_named("valid-dataset-attachment")
    store.extend(ox.Quad(q.subject, q.predicate, q.object, graph) for q in cube_of(case))
    before = set(store)
    assert check_cube(store.quads_for_pattern(None, None, None, graph)) == []
    assert set(store) == before


def test_bad_turtle_is_a_data_error_naming_file_and_line(tmp_path: Path) -> None:
    cube = tmp_path / "cube.ttl"
    cube.write_text("@prefix qb: <http://purl.org/linked-data/cube#> .\n<a> qb:dataSet .\n")
    with pytest.raises(RdfSyntaxError) as raised:
        read_rdf(cube)
    assert raised.value.location is not None
    assert raised.value.location.file == str(cube) and raised.value.location.line == 2


def test_missing_or_unknown_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="absent.ttl: no such file"):
        read_rdf(tmp_path / "absent.ttl")
    with pytest.raises(UsageError, match="not a known RDF file extension"):
        read_rdf(tmp_path / "cube.csv")


def test_only_pyoxigraph_quads_and_triples_are_accepted() -> None:
    with pytest.raises(TypeError, match="expected pyoxigraph Quad or Triple"):
        check_cube(["<a> <b> <c> ."])  # type: ignore[list-item]

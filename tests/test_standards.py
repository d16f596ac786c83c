"""The standards parse, every functional area is complete, and they pass the vocabulary checks
(ontologies/checks/*-violation.rq, each a SPARQL query that must return no rows)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import REPO
from demoi.standards import checks, load_standards, run_check

TURTLE = sorted((REPO / "ontologies").rglob("*.ttl")) + sorted((REPO / "shapes").rglob("*.ttl"))
CHECKS = checks(REPO)
CHECK_CASES = REPO / "tests" / "cases" / "checks"
SKOS = "http://www.w3.org/2004/02/skos/core#"


@pytest.fixture(scope="module")
def standards() -> ox.Store:
    return load_standards(REPO)


@pytest.mark.parametrize("path", TURTLE, ids=lambda p: str(p.relative_to(REPO)))
def test_parses(path: Path) -> None:
    assert list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def functional_areas() -> list[str]:
    scheme = ox.Store()
    path = REPO / "ontologies" / "codelists" / "functional-areas.ttl"
    scheme.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return sorted(
        quad.object.value
        for quad in scheme.quads_for_pattern(None, ox.NamedNode(SKOS + "notation"), None)
    )


def test_there_are_twelve_functional_areas() -> None:
    assert len(functional_areas()) == 12


@pytest.mark.parametrize("area", functional_areas())
def test_every_functional_area_has_its_files(area: str) -> None:
    for path in (f"ontologies/{area}.ttl", f"shapes/{area}.ttl", f"shapes/{area}-recommended.ttl"):
        assert (REPO / path).is_file(), f"{path} is missing"
    assert list((REPO / "tests/cases/shapes" / area).glob("*/expected.json")), "no examples"


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_returns_no_rows(standards: ox.Store, check: Path) -> None:
    failure = run_check(standards, check)
    assert failure is None, f"{len(failure.rows)} rows:\n{failure.text()}"


def test_every_check_has_a_case() -> None:
    cases = {path.name for path in CHECK_CASES.iterdir() if path.is_dir()}
    assert cases == {check.stem for check in CHECKS}


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_flags_its_case(check: Path) -> None:
    """tests/cases/checks/<check>/ is a tiny standards tree the check must flag, with exactly the
    rows of its expected.txt (so a check that cannot fail fails here)."""
    case = CHECK_CASES / check.stem
    failure = run_check(load_standards(case), check)
    rows = set(failure.rows) if failure else set()
    expected = set((case / "expected.txt").read_text(encoding="utf-8").splitlines()) - {""}
    assert rows == expected

"""Data-driven SHACL examples: tests/cases/shapes/<area>/<case>/ (docs/standards.md, "Examples").

A case is ``data.ttl``, or ``patch.ru`` (a SPARQL Update applied to a copy of the ``data.ttl`` of
the case named by ``"base"``), plus ``expected.json``. Each is validated with demoi's own
validation against the area's profile (shapes/<area>.ttl + shapes/<area>-recommended.ttl) and must
give exactly the expected results (a multiset: severity, source shape, component, focus, path).
Every (shape, constraint component) pair of every profile must be broken by some case, and every
area needs a valid case with no results at all.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import SH

from conftest import REPO
from demoi.validation import area_shapes, validate_area, validate_graph

CASES_ROOT = REPO / "tests" / "cases" / "shapes"
CASES = sorted(CASES_ROOT.glob("*/*/expected.json"))
AREAS = sorted(
    path.stem for path in (REPO / "shapes").glob("*.ttl") if not path.stem.endswith("-recommended")
)

# SHACL Core parameters and the constraint component each one belongs to
# (https://www.w3.org/TR/shacl/#core-components), plus sh:sparql (SHACL-SPARQL).
COMPONENT_OF_PARAMETER = {
    SH[parameter]: f"{component}ConstraintComponent"
    for parameter, component in {
        "class": "Class",
        "datatype": "Datatype",
        "nodeKind": "NodeKind",
        "minCount": "MinCount",
        "maxCount": "MaxCount",
        "minExclusive": "MinExclusive",
        "minInclusive": "MinInclusive",
        "maxExclusive": "MaxExclusive",
        "maxInclusive": "MaxInclusive",
        "minLength": "MinLength",
        "maxLength": "MaxLength",
        "pattern": "Pattern",
        "languageIn": "LanguageIn",
        "uniqueLang": "UniqueLang",
        "equals": "Equals",
        "disjoint": "Disjoint",
        "lessThan": "LessThan",
        "lessThanOrEquals": "LessThanOrEquals",
        "not": "Not",
        "and": "And",
        "or": "Or",
        "xone": "Xone",
        "node": "Node",
        "qualifiedMinCount": "QualifiedMinCount",
        "qualifiedMaxCount": "QualifiedMaxCount",
        "closed": "Closed",
        "hasValue": "HasValue",
        "in": "In",
        "sparql": "SPARQL",
    }.items()
}


def expected_of(case: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


@cache
def case_data(case: Path) -> rdflib.Graph:
    if (case / "data.ttl").is_file():
        return rdflib.Graph().parse(case / "data.ttl", format="turtle")
    base = case.parent / expected_of(case)["base"]
    store = ox.Store()
    store.load(path=str(base / "data.ttl"), format=ox.RdfFormat.TURTLE)
    store.update((case / "patch.ru").read_text(encoding="utf-8"))
    return rdflib.Graph().parse(
        data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()),
        format="nt",
    )


def result_key(result: dict) -> tuple[str, str, str, str, str | None]:  # type: ignore[type-arg]
    return (
        result["severity"],
        result["shape"],
        result["component"],
        result["focus"],
        result.get("path"),
    )


def test_there_are_cases_for_every_area() -> None:
    assert AREAS, "no shapes"
    assert {case.parent.parent.name for case in CASES} >= set(AREAS)


@pytest.mark.parametrize(
    "expected_file", CASES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}"
)
def test_shape_case(expected_file: Path) -> None:
    case = expected_file.parent
    expected = expected_of(case)
    has_data, has_patch = (case / "data.ttl").is_file(), (case / "patch.ru").is_file()
    assert has_data != has_patch, "a case has either data.ttl or patch.ru"
    assert has_data or "base" in expected, "a patch.ru case names its base case"

    report = validate_area(case_data(case), case.parent.name, "en")

    found = Counter((f.severity, f.shape, f.component, f.focus, f.path) for f in report.findings)
    assert found == Counter(result_key(r) for r in expected["results"]), report.text()
    assert report.conforms == expected["conforms"]
    for finding in report.findings:
        languages = {language for language, _ in finding.messages}
        assert {"el", "en"} <= languages, f"{finding.shape} has no message in {languages}"


def constraints_of(area: str) -> set[tuple[str, str]]:
    """Every (shape IRI, constraint component) pair the area's profile holds."""
    shapes = area_shapes(area)
    pairs = set()
    for parameter, component in COMPONENT_OF_PARAMETER.items():
        for shape, value in shapes.subject_objects(parameter):
            if not isinstance(shape, rdflib.URIRef):
                continue  # nested in sh:or, sh:node...: reported through the shape that holds it
            if (shape, SH.deactivated, rdflib.Literal(True)) in shapes:
                continue
            if parameter in (SH.closed, SH.uniqueLang) and not value.toPython():
                continue
            pairs.add((str(shape), component))
    return pairs


@pytest.mark.parametrize("area", AREAS)
def test_every_constraint_is_broken_by_an_example(area: str) -> None:
    cases = [path.parent for path in CASES if path.parent.parent.name == area]
    broken = {
        (result["shape"], result["component"])
        for case in cases
        for result in expected_of(case)["results"]
    }
    missing = sorted(constraints_of(area) - broken)
    assert not missing, "constraints no invalid example breaks:\n" + "\n".join(
        f"  {shape} {component}" for shape, component in missing
    )
    assert any(not expected_of(case)["results"] for case in cases), "no valid example"


def test_coverage_sees_constraints() -> None:
    pairs = constraints_of("finance")
    assert (
        "https://w3id.org/demoi/shapes/finance#BudgetLine-kaeCode-count",
        "MinCountConstraintComponent",
    ) in pairs


def test_sparql_constraint_messages_keep_their_languages() -> None:
    """Regression: pySHACL drops the language tags of a SPARQL constraint's sh:message; the
    finding takes them from the shape, so such a rule speaks Greek and English too."""
    shapes = rdflib.Graph().parse(
        format="turtle",
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://w3id.org/demoi/shapes/x#Total> a sh:NodeShape ;
            sh:targetNode <http://127.0.0.1:8000/id/x> ;
            sh:sparql [ sh:select "SELECT $this WHERE { }" ;
                        sh:message "Λάθος σύνολο."@el , "Wrong total."@en ] .""",
    )
    (finding,) = validate_graph(rdflib.Graph(), shapes, "el").findings
    assert finding.component == "SPARQLConstraintComponent"
    assert finding.message == "Λάθος σύνολο."
    assert dict(finding.messages) == {"el": "Λάθος σύνολο.", "en": "Wrong total."}


def test_messages_differ_by_language() -> None:
    case = CASES_ROOT / "finance" / "missing-kae"
    greek = validate_area(case_data(case), "finance", "el").findings[0].message
    english = validate_area(case_data(case), "finance", "en").findings[0].message
    assert greek != english
    assert any("\u0370" <= ch <= "\u03ff" for ch in greek)
    # English may quote a Greek column header («Κ.Α.»), but is mostly Latin text.
    assert sum(ch.isascii() for ch in english) > 0.9 * len(english)

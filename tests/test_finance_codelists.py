"""The KAE and service-code lists (ontologies/codelists/kae.ttl, service-codes.ttl) cover every
code the budget exports use, and their hierarchy is a tree whose roots are the top concepts."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import EXAMPLES, REPO

SKOS = "http://www.w3.org/2004/02/skos/core#"
KAE = "https://w3id.org/demoi/code/kae"
SERVICE = "https://w3id.org/demoi/code/service"
ENCODINGS = {".utf16": "utf-16", ".cp1253": "cp1253", ".iso8859-7": "iso8859-7", ".utf8": "utf-8"}


@dataclass
class Scheme:
    tops: set[str] = field(default_factory=set)
    notation: dict[str, str] = field(default_factory=dict)
    broader: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    top_of: set[str] = field(default_factory=set)


@cache
def scheme(path: str, iri: str) -> Scheme:
    found = Scheme()
    for triple in ox.parse(path=str(REPO / path), format=ox.RdfFormat.TURTLE):
        subject, predicate, value = triple.subject.value, triple.predicate.value, triple.object
        if predicate == SKOS + "hasTopConcept" and subject == iri:
            found.tops.add(value.value)
        elif predicate == SKOS + "notation":
            found.notation[subject] = value.value
        elif predicate == SKOS + "broader":
            found.broader[subject].append(value.value)
        elif predicate == SKOS + "topConceptOf" and value.value == iri:
            found.top_of.add(subject)
    return found


def kae() -> Scheme:
    return scheme("ontologies/codelists/kae.ttl", KAE)


def services() -> Scheme:
    return scheme("ontologies/codelists/service-codes.ttl", SERVICE)


def example_lines() -> list[tuple[str, str, str]]:
    """(file, service, KAE) of every line of examples/budget/*.csv."""
    lines = []
    for path in sorted((EXAMPLES / "budget").glob("*.csv")):
        text = path.read_bytes().decode(ENCODINGS[Path(path.stem).suffix]).lstrip("\ufeff")
        for line in text.splitlines()[1:]:
            service, code = line.split(";")[:2]
            lines.append((path.name, service, code))
    return lines


def athens_rows(shared_data: Path) -> list[dict[str, str]]:
    path = shared_data / "athens-budget" / "athens_budget_2024.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_example_kae_code_is_in_the_list() -> None:
    notations = set(kae().notation.values())
    lines = example_lines()
    assert len(lines) == 31 * 4 + 15 + 8
    assert {code for _, _, code in lines} - notations == set()


def test_every_example_service_code_is_in_the_list() -> None:
    notations = set(services().notation.values())
    assert {service for _, service, _ in example_lines()} - notations == set()


def test_every_athens_kae_code_is_in_the_list(shared_data: Path) -> None:
    codes = {row["code"] for row in athens_rows(shared_data)}
    assert len(codes) == 2138
    assert codes - set(kae().notation.values()) == set()


def test_athens_departments_are_not_service_codes(shared_data: Path) -> None:
    """args_pro_cdief numbers the City of Athens' own departments, not the ΚΥΑ 7028/2004
    services, so the service list is checked against the examples only (see the header of
    service-codes.ttl)."""
    departments = {
        row["args_pro_cdief"]: row["department_office"] for row in athens_rows(shared_data)
    }
    assert departments["90"] == "Ο.Π.Α.Ν.Δ.Α."  # service 90 is the budget reserve
    assert set(departments) - set(services().notation.values())  # 1, 2, 3, 9, ...


@pytest.mark.parametrize(
    ("path", "iri"),
    [("ontologies/codelists/kae.ttl", KAE), ("ontologies/codelists/service-codes.ttl", SERVICE)],
)
def test_notation_is_the_iri_tail(path: str, iri: str) -> None:
    found = scheme(path, iri)
    assert found.notation
    for concept, notation in found.notation.items():
        if concept != iri:
            assert concept == f"{iri}/{notation}"


@pytest.mark.parametrize(
    ("path", "iri"),
    [("ontologies/codelists/kae.ttl", KAE), ("ontologies/codelists/service-codes.ttl", SERVICE)],
)
def test_hierarchy_is_a_tree_reaching_a_top_concept(path: str, iri: str) -> None:
    found = scheme(path, iri)
    assert found.tops == found.top_of
    for concept in found.notation:
        if concept in found.tops:
            assert not found.broader[concept], f"top concept {concept} has a broader concept"
            continue
        seen = {concept}
        node = concept
        while node not in found.tops:
            parents = found.broader[node]
            assert len(parents) == 1, f"{node} has {len(parents)} broader concepts, not one"
            node = parents[0]
            assert node not in seen, f"{concept} is in a cycle"
            assert node in found.notation, f"{node} is not a concept of the list"
            seen.add(node)


def test_kae_hierarchy_follows_the_digits() -> None:
    """6011.01.01 < 6011.01 < 6011 < 601 < 60 < 6; the ten classes are the top concepts."""
    found = kae()
    assert {found.notation[top] for top in found.tops} == set("0123456789")
    for concept, parents in found.broader.items():
        if not parents:
            continue
        child, parent = found.notation[concept], found.notation[parents[0]]
        if "." in child:
            assert child.rsplit(".", 1)[0] == parent
        else:
            assert child[:-1] == parent


def test_classes_and_sides() -> None:
    """Revenue is 0-5 and expenditure 6-9, as finance.ttl's KAE patterns say."""
    found = kae()
    label = {
        notation: concept for concept, notation in found.notation.items() if len(notation) == 1
    }
    assert label["6"] == f"{KAE}/6"
    assert f"{KAE}/6011.01.01" in found.notation
    assert found.broader[f"{KAE}/6011.01.01"] == [f"{KAE}/6011.01"]
    assert found.broader[f"{KAE}/6142.022"] == [f"{KAE}/6142"]

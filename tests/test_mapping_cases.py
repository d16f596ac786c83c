"""Data-driven mapping cases: tests/cases/mappings/<area>/<case>/.

``case.toml`` says what to lift::

    mapping = "budget-expense"
    municipality = "4401"
    sources = ["source.utf16.csv", "source.cp1253.csv"]   # each must give the same graph
    parameters = { year = "2024" }                          # optional
    sheet = "Egnatia"                                       # optional, for workbooks

A source path is relative to the case folder; ``examples/…`` is relative to the repository and
``shared:…`` to ../shared/data/external. A case then has either

- ``expected.nq``: the lifted graph, in its graph (base ``http://127.0.0.1:8000/``), compared by
  isomorphism; the lifted data must also conform to the area's shapes (no violations); or
- ``error.json``: ``{"message": "...", "location": "..."}``, substrings of the error's message
  and of where it names (file, sheet, row, column).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from conftest import REPO, SHARED_DATA
from demoi.errors import DemoiError
from demoi.lifting import Lifted, get_mapping, lift
from demoi.publishing import check_lifted

CASES = sorted((REPO / "tests" / "cases" / "mappings").glob("*/*/case.toml"))
BASE = "http://127.0.0.1:8000/"


def source_path(case: Path, name: str) -> Path:
    if name.startswith("examples/"):
        return REPO / name
    if name.startswith("shared:"):
        return SHARED_DATA / name.removeprefix("shared:")
    return case / name


def lift_case(case: Path, source: Path) -> Lifted:
    spec = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    return lift(
        source,
        get_mapping(spec["mapping"]),
        municipality=spec["municipality"],
        parameters=spec.get("parameters", {}),
        base_uri=BASE,
        sheet=spec.get("sheet"),
    )


def sources_of(case: Path) -> list[Path]:
    spec = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    return [source_path(case, name) for name in spec["sources"]]


def test_there_are_mapping_cases() -> None:
    assert CASES


@pytest.mark.parametrize(
    "case_file", CASES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}"
)
def test_mapping_case(case_file: Path) -> None:
    case = case_file.parent
    has_graph, has_error = (case / "expected.nq").is_file(), (case / "error.json").is_file()
    assert has_graph != has_error, "a case has expected.nq or error.json"
    for source in sources_of(case):
        if has_error:
            expected = json.loads((case / "error.json").read_text(encoding="utf-8"))
            with pytest.raises(DemoiError) as raised:
                lift_case(case, source)
            assert expected["message"] in raised.value.message
            assert expected["location"] in str(raised.value.location)
            continue
        lifted = lift_case(case, source)
        quads = list(ox.parse(path=str(case / "expected.nq"), format=ox.RdfFormat.N_QUADS))
        assert {quad.graph_name.value for quad in quads} == {lifted.graph}  # type: ignore[union-attr]
        wanted = rdflib.Graph().parse(
            data="".join(f"{quad.triple} .\n" for quad in quads), format="nt"
        )
        got = rdflib.Graph().parse(data=lifted.ntriples, format="nt")
        assert isomorphic(got, wanted), f"{source.name} gives another graph"
        report = check_lifted(lifted, "en")
        assert report.conforms, report.text()

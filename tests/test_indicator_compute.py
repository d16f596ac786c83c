"""Computing and publishing indicators (demoi.indicators.compute, cube, `demoi indicators`) on a
real store built here: the 2024 expenditure of Kalamata (4401) and Thessaloniki (0701) and the
2024 revenue of Kalamata lifted from examples/. Definitions are the shipped
budget-execution-rate and variants of it written into a temporary folder (the setting
``indicators_dir``), so each rule can be broken on its own."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from flask import Flask

from conftest import DEMO_BASE, lift_example_file
from demoi.cli import cli
from demoi.errors import DataError, QuerySyntaxError, RdfSyntaxError, ValidationFailed
from demoi.indicators import cube
from demoi.indicators.compute import compute
from demoi.indicators.definitions import indicators_folder, read_definition, read_definitions
from demoi.indicators.integrity import check_cube
from demoi.indicators.results import merged_with_published, published_results
from demoi.publishing import publish_lifted
from demoi.server import app_store
from demoi.store import OxigraphStore

BASE = "http://demoi.test/"
XSD = "http://www.w3.org/2001/XMLSchema#"
SHIPPED = indicators_folder() / "budget-execution-rate.ttl"
EXPENSE_4401 = ("budget/4401-2024-expense.utf8.csv", "budget-expense", "4401", {"year": "2024"})
EXPENSE_0701 = ("budget/0701-2024-expense.cp1253.csv", "budget-expense", "0701", {"year": "2024"})
REVENUE_4401 = ("budget/4401-2024-revenue.utf16.csv", "budget-revenue", "4401", {"year": "2024"})

REVENUE_FORMULA = """PREFIX fin: <https://w3id.org/demoi/def/finance#>
SELECT ?area ?period ?value WHERE {
  { SELECT ?area ?period (SUM(?amount) AS ?collected) WHERE {
      ?line a fin:RevenueLine ; fin:municipality ?area ; fin:fiscalYear ?period ;
            fin:collected ?amount } GROUP BY ?area ?period }
  { SELECT ?area ?period (SUM(?amount) AS ?certified) WHERE {
      ?line a fin:RevenueLine ; fin:municipality ?area ; fin:fiscalYear ?period ;
            fin:certified ?amount } GROUP BY ?area ?period }
  FILTER(?certified > 0) BIND(?collected / ?certified * 100 AS ?value)
}"""


def variant(folder: Path, identifier: str, **changes: str) -> Path:
    """The shipped budget-execution-rate definition as ``identifier``, with ``formula``,
    ``status`` (draft, approved, withdrawn) or ``source`` (a dataset id) replaced."""
    text = SHIPPED.read_text(encoding="utf-8").replace("budget-execution-rate", identifier)
    if "formula" in changes:
        text = re.sub(
            r'stat:formula """.*?""" ;',
            f'stat:formula """{changes["formula"]}""" ;',
            text,
            flags=re.S,
        )
    if "status" in changes:
        text = text.replace("indicator-status/approved", f"indicator-status/{changes['status']}")
    if "source" in changes:
        text = text.replace('"budget-expense"', f'"{changes["source"]}"')
    path = folder / f"{identifier}.ttl"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("indicators") / "store"
    store = OxigraphStore(path)
    try:
        for source, mapping, code, parameters in (EXPENSE_4401, EXPENSE_0701, REVENUE_4401):
            lifted = lift_example_file(source, mapping, code, BASE, parameters)
            publish_lifted(store, lifted, base_uri=BASE)
    finally:
        store.close()
    return path


@pytest.fixture
def store(built: Path, tmp_path: Path) -> Iterator[OxigraphStore]:
    """A copy of the built store, so a test may publish into it."""
    copy = tmp_path / "store"
    shutil.copytree(built, copy)
    opened = OxigraphStore(copy)
    yield opened
    opened.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "indicators"
    made.mkdir()
    shutil.copy(SHIPPED, made)
    variant(made, "revenue-collection-rate", formula=REVENUE_FORMULA, source="budget-revenue")
    return made


def copied(built: Path, tmp_path: Path) -> Path:
    """A copy of the built store a test may publish into (a store holds a lock while open)."""
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    return copy


def published_cube(store_path: Path, identifier: str) -> list[ox.Quad]:
    opened = OxigraphStore(store_path)
    try:
        return list(opened.quads(cube.cube_graph(BASE, identifier)))
    finally:
        opened.close()


def run(store_path: Path, folder: Path, *args: str) -> Result:
    env = {
        "DEMOI_BASE_URI": BASE,
        "DEMOI_STORE": str(store_path),
        "DEMOI_INDICATORS_DIR": str(folder),
    }
    return CliRunner().invoke(cli, ["indicators", *args], env=env)


def test_budget_execution_rate_per_municipality(store: OxigraphStore, folder: Path) -> None:
    # Checked by hand on the lifted lines: paid / adjusted × 100 over the lines that have both:
    # 16,446,670.58 / (20,386,100.50 − 1,240,000.00) = 85.9 % for 4401, whose line 7131.01 has
    # no payment (so the value is provisional, covering 0.939 of the adjusted budget).
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    computed = compute(store, BASE, definition)
    found = {(v.code, v.period): v for v in computed.values}
    assert found[("4401", "2024")].value == Decimal("85.9")
    assert found[("4401", "2024")].coverage == Decimal("0.939")
    assert found[("0701", "2024")].value == Decimal("87.4")
    assert found[("4401", "2024")].sources == (f"{BASE}graph/4401/budget-expense/2024",)
    assert computed.gaps == ()


def test_a_municipality_without_revenue_gets_a_note_not_a_zero(
    store: OxigraphStore, folder: Path
) -> None:
    definition = read_definitions(BASE, folder)["revenue-collection-rate"]
    computed = compute(store, BASE, definition, codes=["4401", "0701"])
    assert {v.code for v in computed.values} == {"4401"}
    (gap,) = computed.gaps
    assert (gap.code, gap.period) == ("0701", None)
    assert "budget-revenue" in gap.reason_en and "budget-revenue" in gap.reason_el


def insert(store: OxigraphStore, graph: str, turtle: str) -> None:
    """Triples added to ``graph`` as a municipality's token may add them to its own graphs."""
    prefixes = (
        "PREFIX fin: <https://w3id.org/demoi/def/finance#>\n"
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
    )
    store.update(f"{prefixes}INSERT DATA {{ GRAPH <{graph}> {{ {turtle} }} }}")


FORGED_0701_LINE = f"""
<{BASE}id/forged/1> a fin:ExpenditureLine ;
  fin:municipality <https://w3id.org/demoi/code/municipality/0701> ;
  fin:fiscalYear "2024"^^xsd:gYear ; fin:paid 900000000.00 ; fin:adjusted 1.00 ."""


def test_a_municipality_cannot_change_anothers_value(store: OxigraphStore, folder: Path) -> None:
    """4401's lifted graph (which 4401's token may write) claiming a budget line of 0701 is not
    read for 0701: each municipality's value comes from its own graphs."""
    insert(store, f"{BASE}graph/4401/budget-expense/2024", FORGED_0701_LINE)
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    found = {v.code: v.value for v in compute(store, BASE, definition).values}
    assert found == {"4401": Decimal("85.9"), "0701": Decimal("87.4")}


def test_a_graph_written_without_a_lift_is_not_read(store: OxigraphStore, folder: Path) -> None:
    """A graph 4401's token wrote directly has no catalogue record, so a value computed from it
    could not name its source (the review moved 4401 from 85.9 to 99.5 this way, crediting the
    lifted graph)."""
    forged = FORGED_0701_LINE.replace("municipality/0701", "municipality/4401")
    insert(store, f"{BASE}graph/4401/unlifted", forged)
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    found = {v.code: v.value for v in compute(store, BASE, definition).values}
    assert found["4401"] == Decimal("85.9")


def test_published_cube_passes_the_integrity_constraints(
    store: OxigraphStore, folder: Path
) -> None:
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    cube.publish(store, BASE, compute(store, BASE, definition), label="test")
    graph = cube.cube_graph(BASE, "budget-execution-rate")
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)]
    assert check_cube(triples, cube.integrity_background()) == []
    observations = store.query(
        "SELECT ?o WHERE { GRAPH <"
        + graph
        + "> { ?o a <http://purl.org/linked-data/cube#Observation> } }"
    ).rows
    assert len(observations) == 2
    read_back = published_results(store, BASE, definition)
    assert {(v.code, v.value) for v in read_back.values} == {
        ("4401", Decimal("85.9")),
        ("0701", Decimal("87.4")),
    }


def test_the_publication_records_its_plan_and_sources(store: OxigraphStore, folder: Path) -> None:
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    cube.publish(store, BASE, compute(store, BASE, definition), label="test")
    rows = store.query(
        f"""PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?used ?plan WHERE {{ GRAPH <{BASE}graph/provenance> {{
  <{cube.cube_graph(BASE, "budget-execution-rate")}> prov:wasGeneratedBy ?activity .
  ?activity prov:used ?used ; prov:qualifiedAssociation/prov:hadPlan ?plan }} }}"""
    ).rows
    used = {row[0].value for row in rows if row[0] is not None}
    plans = {row[1].value for row in rows if row[1] is not None}
    assert {
        f"{BASE}graph/4401/budget-expense/2024",
        f"{BASE}graph/0701/budget-expense/2024",
    } <= used
    assert f"{BASE}id/indicator/budget-execution-rate" in plans


def test_a_broken_cube_is_refused(folder: Path) -> None:
    """A cube without its required attribute obsStatus breaks IC-13 and is not published."""
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    from demoi.indicators.compute import Computation, Value

    computation = Computation(definition, (Value("4401", "2024", Decimal("80.7"), None, ()),), ())
    triples = [
        t
        for t in cube.cube_triples(BASE, computation)
        if t.predicate.value != "http://purl.org/linked-data/sdmx/2009/attribute#obsStatus"
    ]
    with pytest.raises(ValidationFailed, match="IC-13"):
        cube.check(triples, "test")


def test_coverage_below_one_is_provisional(store: OxigraphStore, folder: Path) -> None:
    formula = """PREFIX fin: <https://w3id.org/demoi/def/finance#>
SELECT ?area ?period (COUNT(?line) AS ?value) (0.25 AS ?coverage) WHERE {
  ?line a fin:ExpenditureLine ; fin:municipality ?area ; fin:fiscalYear ?period .
} GROUP BY ?area ?period"""
    variant(folder, "partial", formula=formula)
    definition = read_definitions(BASE, folder)["partial"]
    computed = compute(store, BASE, definition, codes=["4401"])
    (value,) = computed.values
    assert value.is_provisional and value.coverage == Decimal("0.250")
    triples = cube.cube_triples(BASE, computed)
    statuses = {t.object.value for t in triples if t.predicate.value.endswith("#obsStatus")}
    assert statuses == {"http://purl.org/linked-data/sdmx/2009/code#obsStatus-P"}


def test_a_register_takes_the_year_of_its_publication(store: OxigraphStore, folder: Path) -> None:
    formula = """PREFIX fin: <https://w3id.org/demoi/def/finance#>
SELECT ?area (COUNT(?line) AS ?value) WHERE {
  ?line a fin:ExpenditureLine ; fin:municipality ?area } GROUP BY ?area"""
    variant(folder, "register", formula=formula)
    definition = read_definitions(BASE, folder)["register"]
    (value,) = compute(store, BASE, definition, codes=["4401"]).values
    assert value.period_from_publication
    assert re.fullmatch(r"20\d\d", value.period)


def test_two_rows_for_one_period_are_a_note_not_a_stop(store: OxigraphStore, folder: Path) -> None:
    """A municipality whose data give two rows for one year (its year written two ways, or a
    formula without GROUP BY) gets a note; the others keep their values (it once stopped the
    run for every municipality)."""
    line = f"""<{BASE}id/forged/2> a fin:ExpenditureLine ;
  fin:municipality <https://w3id.org/demoi/code/municipality/4401> ;
  fin:fiscalYear "2024" ; fin:paid 1.00 ; fin:adjusted 1.00 ."""
    insert(store, f"{BASE}graph/4401/budget-expense/2024", line)
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    computed = compute(store, BASE, definition)
    assert {(v.code, v.value) for v in computed.values} == {("0701", Decimal("87.4"))}
    (gap,) = computed.gaps
    assert (gap.code, gap.period) == ("4401", "2024")
    assert "more than one value" in gap.reason_en


def test_periods_that_are_not_years_are_one_note(store: OxigraphStore, folder: Path) -> None:
    """A forged year 9999 (or one in other digits) once became everyone's latest period and
    gave every other municipality a note for it."""
    lines = " ".join(
        f"""<{BASE}id/forged/y{n}> a fin:ExpenditureLine ;
  fin:municipality <https://w3id.org/demoi/code/municipality/4401> ;
  fin:fiscalYear "{year}" ; fin:paid 1.00 ; fin:adjusted 1.00 ."""
        for n, year in enumerate(("9999", "٢٠٢٤", "0001"))
    )
    insert(store, f"{BASE}graph/4401/budget-expense/2024", lines)
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    computed = compute(store, BASE, definition)
    assert {v.period for v in computed.values} == {"2024"}
    (gap,) = computed.gaps
    assert (gap.code, gap.period) == ("4401", None)
    assert "9999" in gap.reason_en and "not years" in gap.reason_en


def test_a_value_too_large_to_round_is_a_note(store: OxigraphStore, folder: Path) -> None:
    formula = """PREFIX fin: <https://w3id.org/demoi/def/finance#>
SELECT ?area ?period (1E400 AS ?value) WHERE {
  ?line a fin:ExpenditureLine ; fin:municipality ?area ; fin:fiscalYear ?period
} GROUP BY ?area ?period"""
    variant(folder, "huge", formula=formula)
    computed = compute(store, BASE, read_definitions(BASE, folder)["huge"], codes=["4401"])
    assert computed.values == ()
    assert [(g.code, g.period) for g in computed.gaps] == [("4401", "2024")]


def test_unbound_value_is_a_note(store: OxigraphStore, folder: Path) -> None:
    formula = """PREFIX fin: <https://w3id.org/demoi/def/finance#>
SELECT ?area ?period ?value WHERE {
  ?line a fin:ExpenditureLine ; fin:municipality ?area ; fin:fiscalYear ?period .
  OPTIONAL { ?line fin:nothing ?value } } LIMIT 1"""
    variant(folder, "unbound", formula=formula)
    definition = read_definitions(BASE, folder)["unbound"]
    computed = compute(store, BASE, definition, codes=["4401"])
    assert computed.values == ()
    assert [(g.code, g.period) for g in computed.gaps] == [("4401", "2024")]


# --- definitions that are wrong: file and line, nothing published ---------------------------


def test_formula_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "broken", formula="SELECT ?area ?value WHERE {\n  ?area ?p ?value .\n  FILTER(\n}"
    )
    with pytest.raises(QuerySyntaxError) as raised:
        read_definition(path, BASE)
    text = SHIPPED.read_text(encoding="utf-8")
    formula_line = text[: text.index("stat:formula")].count("\n") + 1
    assert raised.value.location is not None
    assert raised.value.location.file == str(path)
    assert raised.value.location.line == formula_line + 3


def test_formula_must_project_area_and_value(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "projection", formula="SELECT ?area ?amount WHERE { ?area ?p ?amount }"
    )
    with pytest.raises(DataError, match=r"lacks \?value"):
        read_definition(path, BASE)


def test_formula_must_be_a_select(tmp_path: Path) -> None:
    path = variant(tmp_path, "ask", formula="ASK { ?s ?p ?o }")
    with pytest.raises(DataError, match="SELECT"):
        read_definition(path, BASE)


def test_formula_may_not_choose_its_graphs(tmp_path: Path) -> None:
    other = "http://demoi.test/graph/0701/budget-expense/2024"
    formula = f"SELECT ?area ?value FROM <{other}> WHERE {{ ?area ?p ?value }}"
    path = variant(tmp_path, "from", formula=formula)
    with pytest.raises(DataError, match="FROM"):
        read_definition(path, BASE)


def test_formula_may_not_call_a_service(tmp_path: Path) -> None:
    """Reading a definition once ran its formula, following SERVICE to its host unguarded."""
    formula = (
        "SELECT ?area ?value WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?area ?p ?value } }"
    )
    path = variant(tmp_path, "service", formula=formula)
    with pytest.raises(DataError, match="outside the store") as raised:
        read_definition(path, BASE)
    assert raised.value.location is not None and raised.value.location.line


def test_unknown_source_dataset_is_named(tmp_path: Path) -> None:
    path = variant(tmp_path, "unknown-source", source="budget-expenses")
    with pytest.raises(DataError, match="budget-expenses") as raised:
        read_definition(path, BASE)
    assert raised.value.location is not None and raised.value.location.line


def test_file_name_must_be_the_identifier(tmp_path: Path) -> None:
    path = variant(tmp_path, "named")
    renamed = path.rename(tmp_path / "other-name.ttl")
    with pytest.raises(DataError, match="exactly one stat:Indicator"):
        read_definition(renamed, BASE)


def test_turtle_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("@prefix x: <http://x/> .\n\nx:a x:b \n", encoding="utf-8")
    with pytest.raises(RdfSyntaxError) as raised:
        read_definition(path, BASE)
    assert raised.value.location is not None and raised.value.location.line == 4


def test_approved_without_a_body_is_refused(tmp_path: Path) -> None:
    path = variant(tmp_path, "unsigned")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r" ;\n    stat:approvedBy <[^>]+> \.", " .", text), encoding="utf-8")
    with pytest.raises(ValidationFailed):
        read_definition(path, BASE)


# --- the command --------------------------------------------------------------------------------


def test_compute_publishes_approved_and_check_passes(
    built: Path, tmp_path: Path, folder: Path
) -> None:
    copy = copied(built, tmp_path)
    result = run(copy, folder, "compute")
    assert result.exit_code == 0, result.output
    assert "budget-execution-rate: 2 value(s), 0 note(s)" in result.output
    assert "revenue-collection-rate: 1 value(s), 1 note(s)" in result.output
    checked = run(copy, folder, "check")
    assert checked.exit_code == 0, checked.output
    assert checked.output.count("passes IC-1 … IC-21") == 2


def test_a_draft_is_not_published(built: Path, tmp_path: Path, folder: Path) -> None:
    copy = copied(built, tmp_path)
    variant(folder, "draft-rate", status="draft")
    refused = run(copy, folder, "compute", "--indicator", "draft-rate")
    assert refused.exit_code == 2 and "draft" in refused.output
    preview = run(copy, folder, "compute", "--indicator", "draft-rate", "--dry-run")
    assert preview.exit_code == 0 and "draft-rate\t4401\t2024\t85.9 provisional" in preview.output
    everything = run(copy, folder, "compute")
    assert "draft-rate" not in everything.output
    listed = run(copy, folder, "list")
    assert "draft-rate" not in listed.output
    assert "draft-rate\tdraft" in run(copy, folder, "list", "--all").output
    assert not published_cube(copy, "draft-rate")


def test_a_withdrawn_indicator_leaves_the_store(built: Path, tmp_path: Path, folder: Path) -> None:
    copy = copied(built, tmp_path)
    assert run(copy, folder, "compute").exit_code == 0
    variant(
        folder,
        "revenue-collection-rate",
        formula=REVENUE_FORMULA,
        source="budget-revenue",
        status="withdrawn",
    )
    result = run(copy, folder, "compute")
    assert result.exit_code == 0, result.output
    assert "revenue-collection-rate: withdrawn, its values removed" in result.output
    assert not published_cube(copy, "revenue-collection-rate")


def test_compute_one_year_keeps_the_others(built: Path, tmp_path: Path, folder: Path) -> None:
    copy = copied(built, tmp_path)
    assert run(copy, folder, "compute", "--indicator", "budget-execution-rate").exit_code == 0
    result = run(copy, folder, "compute", "--indicator", "budget-execution-rate", "--year", "2024")
    assert result.exit_code == 0, result.output
    assert "budget-execution-rate: 2 value(s)" in result.output


def test_a_year_nobody_has_publishes_nothing(built: Path, tmp_path: Path, folder: Path) -> None:
    """--year 2023 (a mistyped year) once published a note for every municipality."""
    copy = copied(built, tmp_path)
    result = run(copy, folder, "compute", "--year", "2023")
    assert result.exit_code == 2 and "no indicator has a value for 2023" in result.output


def test_bad_year_and_unknown_indicator_are_usage_errors(built: Path, folder: Path) -> None:
    for year in ("24", "٢٠٢٤", "9999", "2024 "):
        assert run(built, folder, "compute", "--year", year).exit_code == 2, year
    unknown = run(built, folder, "compute", "--indicator", "nope")
    assert unknown.exit_code == 2 and "no indicator 'nope'" in unknown.output


def test_every_demo_cube_passes_the_checks(demo_app: Flask) -> None:
    """The demo (and so `make run`) publishes every approved indicator; each cube passes the
    statistics profile and IC-1 … IC-21 as published."""
    store = app_store(demo_app)
    published = 0
    for definition in read_definitions(DEMO_BASE).values():
        graph = cube.cube_graph(DEMO_BASE, definition.identifier)
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)]
        if not definition.is_public:
            assert not triples, f"{definition.identifier} is {definition.status} but published"
            continue
        assert triples, f"{definition.identifier} was not published by the demo"
        cube.check(triples, graph)
        published += 1
    assert published >= 1


def test_a_broken_definition_stops_the_command_with_its_file(built: Path, folder: Path) -> None:
    path = variant(folder, "broken", formula="SELECT ?area ?value WHERE { FILTER( }")
    result = run(built, folder, "list")
    assert result.exit_code == 1
    assert str(path) in result.output and "Traceback" not in result.output


def test_chart_writes_svg_and_png(built: Path, tmp_path: Path, folder: Path) -> None:
    copy = copied(built, tmp_path)
    assert run(copy, folder, "compute").exit_code == 0
    svg = tmp_path / "chart.svg"
    written = run(copy, folder, "chart", "budget-execution-rate", "--out", str(svg), "--lang", "en")
    assert written.exit_code == 0, written.output
    text = svg.read_text(encoding="utf-8")
    assert "Budget execution rate, 2024" in text and "85.9" in text and "87.4" in text
    png = tmp_path / "chart.png"
    drawn = run(
        copy, folder, "chart", "budget-execution-rate", "--kind", "series", "--out", str(png)
    )
    assert drawn.exit_code == 0, drawn.output
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    wrong = run(copy, folder, "chart", "budget-execution-rate", "--out", str(tmp_path / "x.gif"))
    assert wrong.exit_code == 2
    no_year = run(
        copy, folder, "chart", "budget-execution-rate", "--year", "1999", "--out", str(svg)
    )
    assert no_year.exit_code == 1 and "1999" in no_year.output


def test_compute_one_year_drops_the_note_of_a_municipality_that_has_published(
    store: OxigraphStore, folder: Path
) -> None:
    """--year once kept "has not published: budget-revenue" beside the value computed after
    the municipality published it."""
    revenue = f"{BASE}graph/4401/budget-revenue/2024"
    quads = list(store.quads(revenue))
    store.drop(revenue)
    definition = read_definitions(BASE, folder)["revenue-collection-rate"]
    cube.publish(store, BASE, compute(store, BASE, definition), label="test")
    assert "4401" in [g.code for g in published_results(store, BASE, definition).gaps]
    lifted = lift_example_file(*REVENUE_4401[:3], BASE, REVENUE_4401[3])
    publish_lifted(store, lifted, base_uri=BASE)
    assert quads  # the same data as before the drop
    yearly = compute(store, BASE, definition, year="2024")
    cube.publish(store, BASE, merged_with_published(store, BASE, yearly, "2024"), label="test")
    read_back = published_results(store, BASE, definition)
    assert [v.code for v in read_back.values] == ["4401"]
    assert [g.code for g in read_back.gaps if g.code == "4401"] == []


def test_a_register_keeps_its_note_through_a_yearly_run(store: OxigraphStore, folder: Path) -> None:
    formula = """PREFIX fin: <https://w3id.org/demoi/def/finance#>
SELECT ?area (COUNT(?line) AS ?value) WHERE {
  ?line a fin:ExpenditureLine ; fin:municipality ?area } GROUP BY ?area"""
    variant(folder, "register", formula=formula)
    definition = read_definitions(BASE, folder)["register"]
    cube.publish(store, BASE, compute(store, BASE, definition), label="test")
    before = published_results(store, BASE, definition).values
    assert before and all(value.period_from_publication for value in before)
    merged = merged_with_published(
        store, BASE, compute(store, BASE, definition, year="1999"), "1999"
    )
    assert all(value.period_from_publication for value in merged.values)


def test_check_refuses_a_cube_that_disagrees_with_its_definition(folder: Path) -> None:
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    from demoi.indicators.compute import Computation, Value

    source = (f"{BASE}graph/4401/budget-expense/2024",)
    computation = Computation(
        definition, (Value("4401", "2024", Decimal("80.7"), None, source),), ()
    )
    unit = "http://purl.org/linked-data/sdmx/2009/attribute#unitMeasure"
    triples = [
        ox.Triple(t.subject, t.predicate, ox.NamedNode("http://qudt.org/vocab/unit/NUM"))
        if t.predicate.value == unit and "indicator-observation" in str(t.subject)
        else t
        for t in cube.cube_triples(BASE, computation)
    ]
    with pytest.raises(ValidationFailed, match="does not match the definition"):
        cube.check(triples, "test", definition)
    cube.check(cube.cube_triples(BASE, computation), "test", definition)


def test_values_are_written_as_decimals_never_in_exponent_form(folder: Path) -> None:
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    from demoi.indicators.compute import Computation, Value

    computation = Computation(definition, (Value("4401", "2024", Decimal("9E+1"), None, ()),), ())
    values = [
        t.object.value
        for t in cube.cube_triples(BASE, computation)
        if t.predicate.value.endswith("#obsValue")
    ]
    assert values == ["90"]


def test_a_deleted_definition_takes_its_cube_with_it(
    built: Path, tmp_path: Path, folder: Path
) -> None:
    copy = copied(built, tmp_path)
    assert run(copy, folder, "compute").exit_code == 0
    (folder / "revenue-collection-rate.ttl").unlink()
    only_one = run(copy, folder, "compute", "--indicator", "budget-execution-rate")
    assert "revenue-collection-rate" not in only_one.output  # a run for one indicator keeps it
    result = run(copy, folder, "compute")
    assert "revenue-collection-rate: no definition any more, its values removed" in result.output
    assert not published_cube(copy, "revenue-collection-rate")


def test_an_indicator_put_back_to_draft_leaves_the_store(
    built: Path, tmp_path: Path, folder: Path
) -> None:
    """Its approved cube once stayed in /sparql and on /id/indicator/… after the re-draft."""
    copy = copied(built, tmp_path)
    assert run(copy, folder, "compute").exit_code == 0
    variant(folder, "budget-execution-rate", status="draft")
    result = run(copy, folder, "compute")
    assert "budget-execution-rate: draft, its values removed" in result.output
    assert not published_cube(copy, "budget-execution-rate")


def test_chart_refuses_bad_input_and_replaces_a_symlink(
    built: Path, tmp_path: Path, folder: Path
) -> None:
    copy = copied(built, tmp_path)
    assert run(copy, folder, "compute").exit_code == 0
    out = tmp_path / "chart.svg"
    for args in (("--municipality", "9999"), ("--municipality", "abc"), ("--year", "abcd")):
        refused = run(copy, folder, "chart", "budget-execution-rate", "--out", str(out), *args)
        assert refused.exit_code == 2, (args, refused.output)
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.svg"
    link.symlink_to(target)
    written = run(copy, folder, "chart", "budget-execution-rate", "--out", str(link))
    assert written.exit_code == 0, written.output
    assert target.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("<svg")


def test_a_lifted_graph_of_another_dataset_is_not_read(store: OxigraphStore, folder: Path) -> None:
    """A budget line written into 4401's lifted revenue graph once moved its expenditure value
    (85.9 to 99.7) while the cube credited only the expenditure graph."""
    line = FORGED_0701_LINE.replace("municipality/0701", "municipality/4401")
    insert(store, f"{BASE}graph/4401/budget-revenue/2024", line)
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    found = {v.code: v for v in compute(store, BASE, definition).values}
    assert found["4401"].value == Decimal("85.9")
    assert found["4401"].sources == (f"{BASE}graph/4401/budget-expense/2024",)


def test_a_cube_contradicting_itself_fails_the_check(folder: Path) -> None:
    """`indicators check` passed a cube whose status said normal at coverage 0.939, whose
    coverage was 5, or whose values named no source."""
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    from demoi.indicators.compute import Computation, Value

    source = (f"{BASE}graph/4401/budget-expense/2024",)
    partial = Value("4401", "2024", Decimal("85.9"), Decimal("0.939"), source)
    triples = cube.cube_triples(BASE, Computation(definition, (partial,), ()))
    assert cube.inconsistencies(triples, definition) == []

    def edited(predicate: str, value: ox.NamedNode | ox.Literal | None) -> list[ox.Triple]:
        kept = [t for t in triples if not t.predicate.value.endswith(predicate)]
        if value is None:
            return kept
        node = next(t.subject for t in triples if t.predicate.value.endswith("#obsValue"))
        return [
            *kept,
            ox.Triple(
                node,
                ox.NamedNode(
                    next(
                        t.predicate.value for t in triples if t.predicate.value.endswith(predicate)
                    )
                ),
                value,
            ),
        ]

    normal = ox.NamedNode("http://purl.org/linked-data/sdmx/2009/code#obsStatus-A")
    for broken in (
        edited("#obsStatus", normal),
        edited("#coverage", ox.Literal("5.0", datatype=ox.NamedNode(f"{XSD}decimal"))),
        edited("#sourceGraph", None),
    ):
        assert cube.inconsistencies(broken, definition), broken


def test_the_data_set_does_not_claim_to_be_an_observation(folder: Path) -> None:
    """stat:indicator (domain: the observation) on the data set made it an observation for
    a reader that infers, and IC-1 failed."""
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    from demoi.indicators.compute import Computation

    triples = cube.cube_triples(BASE, Computation(definition, (), ()))
    dataset = cube.cube_dataset(BASE, "budget-execution-rate")
    indicator = "https://w3id.org/demoi/def/statistics#indicator"
    assert not [t for t in triples if t.subject.value == dataset and t.predicate.value == indicator]


def test_a_folder_named_like_a_definition_is_a_data_error(tmp_path: Path) -> None:
    folder = tmp_path / "definitions"
    (folder / "odd.ttl").mkdir(parents=True)
    with pytest.raises(DataError, match="not a file"):
        read_definitions(BASE, folder)


def test_the_demo_computes_the_configured_catalogue(tmp_path: Path, folder: Path) -> None:
    """The demo once ignored DEMOI_INDICATORS_DIR and computed the shipped catalogue."""
    variant(folder, "demo-only-rate")
    result = CliRunner().invoke(
        cli,
        ["demo", "--store", str(tmp_path / "store"), "--municipalities", "4401", "--scale", "0.05"],
        env={"DEMOI_BASE_URI": BASE, "DEMOI_INDICATORS_DIR": str(folder)},
    )
    assert result.exit_code == 0, result.output
    assert "demo-only-rate:" in result.output
    assert "recycling-share:" not in result.output


def test_a_line_in_another_years_graph_is_credited_as_a_source(
    store: OxigraphStore, folder: Path
) -> None:
    """A 2024 line written into the 2023 graph moved 4401's 2024 value (85.9 to 23.8) while
    the value credited the 2024 graph alone."""
    lifted = lift_example_file(EXPENSE_4401[0], "budget-expense", "4401", BASE, {"year": "2023"})
    publish_lifted(store, lifted, base_uri=BASE)
    line = FORGED_0701_LINE.replace("municipality/0701", "municipality/4401")
    insert(store, f"{BASE}graph/4401/budget-expense/2023", line)
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    found = {(v.code, v.period): v for v in compute(store, BASE, definition).values}
    assert f"{BASE}graph/4401/budget-expense/2023" in found[("4401", "2024")].sources


def test_a_coverage_that_is_not_a_number_fails_the_check_cleanly(folder: Path) -> None:
    """NaN coverage made `indicators check` end in an internal error (exit 3)."""
    definition = read_definitions(BASE, folder)["budget-execution-rate"]
    from demoi.indicators.compute import Computation, Value

    source = (f"{BASE}graph/4401/budget-expense/2024",)
    value = Value("4401", "2024", Decimal("85.9"), Decimal("0.939"), source)
    triples = [
        ox.Triple(t.subject, t.predicate, ox.Literal("NaN", datatype=ox.NamedNode(f"{XSD}double")))
        if t.predicate.value.endswith("#coverage")
        else t
        for t in cube.cube_triples(BASE, Computation(definition, (value,), ()))
    ]
    assert any("not a number" in found for found in cube.inconsistencies(triples, definition))


def test_registers_of_different_years_get_no_notes(store: OxigraphStore, folder: Path) -> None:
    """A register's value is dated by its publication: another municipality's year is not a
    gap in its data (false notes "no value for 2026" once appeared)."""
    formula = """PREFIX fin: <https://w3id.org/demoi/def/finance#>
SELECT ?area (COUNT(?line) AS ?value) WHERE {
  ?line a fin:ExpenditureLine ; fin:municipality ?area } GROUP BY ?area"""
    variant(folder, "register", formula=formula)
    catalogue = f"{BASE}graph/0701/catalogue"
    store.update(
        f"""PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE {{ GRAPH <{catalogue}> {{ ?record dcterms:modified ?when }} }}
INSERT {{ GRAPH <{catalogue}> {{
  ?record dcterms:modified "2025-01-10T00:00:00Z"^^<{XSD}dateTime> }} }}
WHERE {{ GRAPH <{catalogue}> {{ ?record dcterms:modified ?when }} }}"""
    )
    definition = read_definitions(BASE, folder)["register"]
    computed = compute(store, BASE, definition)
    this_year = str(date.today().year)
    assert {(v.code, v.period) for v in computed.values} == {("0701", "2025"), ("4401", this_year)}
    assert computed.gaps == ()


def test_a_chart_file_gets_the_mode_a_new_file_would_have(
    built: Path, tmp_path: Path, folder: Path
) -> None:
    """mkstemp's 0600 once became 0644 whatever the umask."""
    copy = copied(built, tmp_path)
    assert run(copy, folder, "compute").exit_code == 0
    out = tmp_path / "chart.svg"
    previous = os.umask(0o027)
    try:
        assert run(copy, folder, "chart", "budget-execution-rate", "--out", str(out)).exit_code == 0
    finally:
        os.umask(previous)
    assert out.stat().st_mode & 0o777 == 0o640

"""`demoi demo`: real data first, generated sources for the rest, every one lifted and conforming,
deterministic, for the four default municipalities and any others."""

from __future__ import annotations

import importlib.util
import re
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner, Result
from rdflib.compare import isomorphic

import demoi.demo
from conftest import lift_generated
from demoi.cli import cli
from demoi.demo import DEFAULT_MUNICIPALITIES, DemoOptions, build_demo, load_generators, plan
from demoi.demo.generated import GENERATOR_MODULES, GENERATORS, rng_for
from demoi.lifting import available_mappings, get_mapping, lift
from demoi.municipalities import get_municipality
from demoi.publishing import check_lifted
from demoi.store import OxigraphStore

BASE = "http://demoi.test/"
# The four of `make run`, a small island municipality (Αγαθονήσι, 203 residents) and one created
# by the 2019 split of Lesvos (Δυτικής Λέσβου).
GENERATOR_MUNICIPALITIES = (*DEFAULT_MUNICIPALITIES, "6102", "5302")
SMALL = "0.1"

load_generators()


def _invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli, ["demo", *args])
    assert "Traceback" not in result.output
    return result


def _area_of_graph(graph: str) -> str:
    """The functional area of a published graph ``{base}graph/<code>/<dataset>[/<period>]``."""
    dataset = graph.removeprefix(BASE + "graph/").split("/")[1]
    areas = {mapping.dataset: mapping.area for mapping in available_mappings().values()}
    areas.update({"water-meter-readings": "utilities", "energy-meter-readings": "utilities"})
    return areas[dataset]


@pytest.fixture(scope="module")
def default_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    """The output of one demo of the default municipalities, small, with its sources kept, as
    an installed demoi runs it: without ../shared (the City of Athens' real budget alone takes
    longer to lift than the rest). In this process: the lifts in worker processes are tested
    by tests/test_cli.py, and here the other tests reuse the mappings this one parsed."""
    folder = tmp_path_factory.mktemp("demo")
    store_path, sources = folder / "store", folder / "sources"
    store = OxigraphStore(store_path)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(demoi.demo, "SHARED_DATA", ("no-such-folder",))
            options = DemoOptions(list(DEFAULT_MUNICIPALITIES), 0.1, 0, sources, workers=1)
            output = "".join(
                f"{line}\n" for line in build_demo(store, base_uri=BASE, options=options)
            )
    finally:
        store.close()
    return output, store_path, sources


@pytest.mark.parametrize(
    ("option", "value", "named"),
    [
        ("--municipalities", "4401,9999", "'9999'"),
        ("--municipalities", "4401,44", "'44'"),
        ("--scale", "0", "--scale 0"),
        ("--scale", "-2", "--scale -2"),
    ],
)
def test_bad_option_is_a_usage_error_naming_it(
    tmp_path: Path, option: str, value: str, named: str
) -> None:
    store = tmp_path / "store"
    result = _invoke("--store", str(store), option, value)
    assert result.exit_code == 2, result.output
    assert named in result.output
    assert not store.exists()  # nothing changed, not even a store left behind


@pytest.mark.parametrize("value", ["inf", "nan", "1e400"])
def test_a_scale_that_is_not_a_finite_number_is_a_usage_error(tmp_path: Path, value: str) -> None:
    store = tmp_path / "store"
    result = _invoke("--store", str(store), "--municipalities", "6003", "--scale", value)
    assert result.exit_code == 2, result.output
    assert "--scale" in result.output
    assert not store.exists()


def test_default_demo_has_every_area_for_the_four_municipalities(
    default_demo: tuple[str, Path, Path],
) -> None:
    output, store_path, _ = default_demo
    generated_areas = {get_mapping(_mapping(name)).area for name in GENERATORS}
    store = OxigraphStore(store_path)
    try:
        graphs = [info.iri for info in store.graphs() if "/graph/standards/" not in info.iri]
    finally:
        store.close()
    for code in DEFAULT_MUNICIPALITIES:
        areas = {
            _area_of_graph(g)
            for g in graphs
            if g.startswith(f"{BASE}graph/{code}/") and g != f"{BASE}graph/{code}/catalogue"
        }
        assert areas >= generated_areas, (code, generated_areas - areas)
    # Samples first (Kalamata's), generated sources for the rest (Athens' budget, as ../shared
    # is missing).
    assert "graph/4401/budget-expense/2024: 375 triples from budget/" in output
    assert "graph/4401/decisions/2025: 210 triples from decisions/4401-2025-search.json" in (output)
    assert "graph/4501/budget-expense/2024: " in output
    assert "athens_budget" not in output and "shared:" not in output
    last = output.strip().splitlines()[-1]
    assert last.startswith("demo: 4 municipalities, ") and " triples, " in last


def _mapping(generator_name: str) -> str:
    """The mapping a generator's sources go through (its name, by convention, else its first
    source's)."""
    if generator_name in available_mappings():
        return generator_name
    sources = GENERATORS[generator_name](get_municipality("4401"), rng_for(0, "4401", "x"), 0.1)
    return sources[0].mapping


def test_sources_are_kept_one_folder_per_municipality(
    default_demo: tuple[str, Path, Path],
) -> None:
    output, _, sources = default_demo
    assert sorted(path.name for path in sources.iterdir()) <= sorted(DEFAULT_MUNICIPALITIES)
    kept = sources / "7101" / "7101-2024-expense.cp1253.csv"
    assert kept.is_file()
    assert str(kept) in output
    # A kept file lifts by hand as the demo lifted it.
    lifted = lift(
        kept,
        get_mapping("budget-expense"),
        municipality="7101",
        parameters={"year": "2024"},
        base_uri=BASE,
    )
    shown = lifted.ntriples.count(b"\n")
    assert f"graph/7101/budget-expense/2024: {shown} triples from {kept}" in output


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_generated_sources_lift_and_conform(name: str, tmp_path: Path) -> None:
    for code in GENERATOR_MUNICIPALITIES:
        for source in GENERATORS[name](get_municipality(code), rng_for(0, code, name), 0.1):
            lifted = lift_generated(source, code, tmp_path / code, BASE)
            assert lifted.rows > 0
            assert check_lifted(lifted, "en").conforms  # raises with the report otherwise


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*.*")}


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    codes = ["4401", "5302"]
    for run, seed in (("a", 0), ("b", 0), ("c", 1)):
        plan(codes, seed=seed, scale=0.1, sources=tmp_path / run, base_uri=BASE)
    first = _files(tmp_path / "a")
    assert len(first) >= len(codes) * 2
    assert first == _files(tmp_path / "b")
    assert first != _files(tmp_path / "c")


def test_three_municipalities_build_and_lift_again_to_the_same_graphs(tmp_path: Path) -> None:
    """The sample the national demo is tested by (an `all` run takes too long for a test): a
    tiny island, a municipality of the 2019 split of Lesvos and one of Servia-Velvento."""
    codes = ["6102", "5302", "1402"]
    store = OxigraphStore(tmp_path / "store")
    try:
        options = DemoOptions(codes, 0.1, 7, tmp_path / "sources", workers=1)
        lines = list(build_demo(store, base_uri=BASE, options=options))
        published = {
            line.split(": ")[0]: line.split(" triples from ")[1]
            for line in lines
            if re.match(f"{BASE}graph/[0-9]{{4}}/", line)
        }
        graphs = {iri: _graph(store, iri) for iri in published}
    finally:
        store.close()
    assert lines[-1].startswith(f"demo: 3 municipalities, {len(published)} graphs, ")
    every_area = {mapping.area for mapping in available_mappings().values()}
    for code in codes:
        areas = {_area_of_graph(iri) for iri in published if f"/graph/{code}/" in iri}
        assert areas == every_area or not generated_everything(), (code, every_area - areas)
    # Lifted again, each kept source gives the graph the demo published.
    again = {
        entry.graph(BASE): entry
        for entry in plan(codes, seed=7, scale=0.1, sources=tmp_path / "again", base_uri=BASE)
    }
    assert _files(tmp_path / "again") == _files(tmp_path / "sources")
    for iri, entry in again.items():
        lifted = lift(
            entry.source,
            get_mapping(entry.mapping),
            municipality=entry.municipality,
            parameters=entry.parameters,
            base_uri=BASE,
            sheet=entry.sheet,
            dataset=entry.dataset,
        )
        assert isomorphic(_stored(lifted.ntriples), graphs[iri]), iri


def generated_everything() -> bool:
    """Whether every generator module is there (until then, areas may be missing)."""
    return all(importlib.util.find_spec(module) for module in GENERATOR_MODULES)


def _graph(store: OxigraphStore, iri: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    for quad in store.quads(iri):
        graph.add(tuple(_term(term) for term in (quad.subject, quad.predicate, quad.object)))
    return graph


def _stored(ntriples: bytes) -> rdflib.Graph:
    """N-Triples as a store gives them back (Oxigraph writes 15886.40 as 15886.4)."""
    memory = ox.Store()
    memory.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    for quad in memory:
        graph.add(tuple(_term(term) for term in (quad.subject, quad.predicate, quad.object)))
    return graph


def _term(term: object) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == str(rdflib.XSD.string):
        return rdflib.Literal(term.value)  # as N-Triples parses a plain literal
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def test_a_missing_shared_file_falls_back_to_the_generated_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        present = plan(["4501"], seed=0, scale=0.1, sources=Path(folder), base_uri=BASE)
    by_graph = {entry.graph(BASE): entry for entry in present}
    athens_budget = by_graph[f"{BASE}graph/4501/budget-expense/2024"]
    if demoi.demo.source_file("shared:athens-budget/athens_budget_2024.csv") is not None:
        assert athens_budget.mapping == "athens-budget-expense"
    monkeypatch.setattr(demoi.demo, "SHARED_DATA", ("no-such-folder",))
    with tempfile.TemporaryDirectory() as folder:
        fallback = plan(["4501"], seed=0, scale=0.1, sources=Path(folder), base_uri=BASE)
        by_graph = {entry.graph(BASE): entry for entry in fallback}
        generated = by_graph[f"{BASE}graph/4501/budget-expense/2024"]
        assert generated.mapping == "budget-expense"
        assert generated.source.is_file() and generated.source.parent.name == "4501"
        census = by_graph[f"{BASE}graph/4501/population-census"]
        assert census.shown == "statistics/elstat-2021-population.cp1253.csv"  # the sample
    assert not any(entry.shown.startswith("shared:") for entry in fallback)
    assert len(by_graph) == len(fallback)  # one lift per graph

"""`demoi validate --store` (demoi.store_conformance) and the /conformance page, on a real store
of lifted examples: Kalamata (4401) finance, places and environment, Thessaloniki (0701)
finance and environment, and a places graph of Thessaloniki made from a failing shape case with
a catalogue record, so the matrix has a non-conforming data graph."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from conftest import EXAMPLES, REPO
from demoi import conformance, profiles, store_conformance
from demoi.catalogue import DCAT, DCTERMS, DEMOI, XSD, catalogue_graph
from demoi.cli import cli
from demoi.errors import DataError, UsageError
from demoi.iris import is_reserved, municipality_iri
from demoi.lifting import get_mapping, lift
from demoi.municipalities import municipalities
from demoi.publishing import publish_lifted
from demoi.server import app_store, create_app
from demoi.server.home import regions_of_municipalities
from demoi.store import OxigraphStore, Store
from demoi.store.sparql_text import Change
from demoi.store_conformance import Cell, conformance_graph, validate_store

BASE = "http://demoi.test/"
CASES = REPO / "tests" / "cases" / "shapes" / "places"
BROKEN = f"{BASE}graph/0701/facilities"
FACILITIES = f"{BASE}graph/4401/facilities"
LIFTS = [
    ("budget/4401-2024-expense.utf8.csv", "budget-expense", "4401", {"year": "2024"}, None),
    ("places/4401-facilities.qgis.csv", "facilities", "4401", {}, None),
    ("environment/4401-waste.xlsx", "waste-quantities", "4401", {"year": "2024"}, "2024"),
    ("budget/0701-2024-expense.cp1253.csv", "budget-expense", "0701", {"year": "2024"}, None),
    ("environment/0701-air-quality.xlsx", "air-quality-daily", "0701", {}, None),
]
# Six data graphs and the two catalogue graphs.
PUBLISHED = 8


def case_data(name: str) -> bytes:
    """A places shape case as N-Triples: its data.ttl, or its base's with its patch applied."""
    folder = CASES / name
    scratch = ox.Store()
    if (folder / "data.ttl").is_file():
        scratch.load(path=str(folder / "data.ttl"), format=ox.RdfFormat.TURTLE)
    else:
        scratch.load(
            path=str(CASES / "valid-library-kalamata" / "data.ttl"), format=ox.RdfFormat.TURTLE
        )
        scratch.update((folder / "patch.ru").read_text(encoding="utf-8"))
    triples = [quad.triple for quad in scratch]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def publish_by_hand(store: Store, graph: str, code: str, area: str, data: bytes) -> None:
    """``data`` into ``graph`` with the catalogue record a lift would write (demoi.catalogue),
    in one transaction."""
    catalogue = ox.NamedNode(catalogue_graph(BASE, code))
    record = ox.NamedNode(f"{BASE}id/dataset/{graph.removeprefix(BASE + 'graph/')}")
    triples = data.count(b"\n")
    statements: list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode(DCAT + "Dataset"),
        ),
        (ox.NamedNode(DEMOI + "municipality"), ox.NamedNode(municipality_iri(code))),
        (
            ox.NamedNode(DEMOI + "functionalArea"),
            ox.NamedNode(f"https://w3id.org/demoi/code/functional-area/{area}"),
        ),
        (
            ox.NamedNode(DCTERMS + "modified"),
            ox.Literal(datetime.now(UTC).isoformat(), datatype=ox.NamedNode(XSD + "dateTime")),
        ),
        (
            ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"),
            ox.NamedNode(f"urn:sha256:{hashlib.sha256(data).hexdigest()}"),
        ),
        (ox.NamedNode(DCTERMS + "relation"), ox.NamedNode(graph)),
        (
            ox.NamedNode("http://rdfs.org/ns/void#triples"),
            ox.Literal(str(triples), datatype=ox.NamedNode(XSD + "integer")),
        ),
        # What a lift states too, so that the catalogue generated from the record conforms.
        (ox.NamedNode(DCTERMS + "title"), ox.Literal(f"Δεδομένα {area}", language="el")),
        (ox.NamedNode(DCTERMS + "title"), ox.Literal(f"Data of {area}", language="en")),
        (
            ox.NamedNode("https://w3id.org/demoi/def/catalogue#containsPersonalData"),
            ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean")),
        ),
    ]
    change = Change(
        (f"GRAPH {catalogue} {{ {record} ?property ?value }}",),
        tuple(ox.Quad(record, p, o, catalogue) for p, o in statements),
    )
    store.replace_graph(graph, data, ox.RdfFormat.N_TRIPLES, provenance_update=change)


@pytest.fixture(scope="module")
def published_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("conformance") / "store"
    store = OxigraphStore(path)
    try:
        for source, mapping, code, parameters, sheet in LIFTS:
            lifted = lift(
                EXAMPLES / source,
                get_mapping(mapping),
                municipality=code,
                parameters=parameters,
                base_uri=BASE,
                sheet=sheet,
            )
            publish_lifted(store, lifted, base_uri=BASE)
        publish_by_hand(
            store, BROKEN, "0701", "places", case_data("capacity-negative-min-inclusive")
        )
    finally:
        store.close()
    return path


@pytest.fixture
def store_copy(published_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(published_path, copy)
    return copy


@pytest.fixture
def store(store_copy: Path) -> Iterator[OxigraphStore]:
    opened = OxigraphStore(store_copy)
    yield opened
    opened.close()


def cell(cells: list[Cell], municipality: str, area: str) -> Cell:
    (found,) = [c for c in cells if (c.municipality, c.area) == (municipality, area)]
    return found


def results_in_store(store: OxigraphStore) -> dict[str, tuple[int, int]]:
    """Graph -> (results stored, results the report counts)."""
    rows = store.query(
        f"""PREFIX sh: <http://www.w3.org/ns/shacl#>
        PREFIX dv: <https://w3id.org/demoi/def/validation#>
        SELECT ?graph (COUNT(?result) AS ?stored)
               (SAMPLE(?v) + SAMPLE(?w) + SAMPLE(?i) AS ?counted) WHERE {{
          GRAPH <{conformance_graph(BASE)}> {{
            ?report dv:graph ?graph ; dv:violations ?v ; dv:warnings ?w ; dv:infos ?i .
            OPTIONAL {{ ?report sh:result ?result }} }} }} GROUP BY ?graph"""
    ).rows
    return {
        row[0].value: (int(row[1].value), int(row[2].value))  # type: ignore[union-attr]
        for row in rows
    }


# ---------------------------------------------------------------------------------------------
# validate_store


def test_the_matrix_counts_each_municipality_and_area(store: OxigraphStore) -> None:
    check = validate_store(store, base=BASE)
    assert (check.validated, check.unchanged, check.removed) == (PUBLISHED, 0, 0)
    assert {(c.municipality, c.area) for c in check.cells} == {
        ("4401", "finance"),
        ("4401", "places"),
        ("4401", "environment"),
        ("4401", "catalogue"),
        ("0701", "finance"),
        ("0701", "places"),
        ("0701", "environment"),
        ("0701", "catalogue"),
    }
    broken = cell(check.cells, "0701", "places")
    assert (broken.graphs, broken.conforming, broken.violations) == (1, 0, 1)
    facilities = cell(check.cells, "4401", "places")
    assert (facilities.graphs, facilities.conforming, facilities.violations) == (1, 1, 0)
    assert facilities.warnings == 17  # 8 warnings and 9 infos about the Kalamata example
    assert cell(check.cells, "4401", "finance").conforms
    assert isinstance(broken.checked, datetime) and broken.checked.tzinfo is not None
    assert not check.conforms
    assert broken.as_json()["violations"] == 1
    assert broken.municipality_label("el") == "Δήμος Θεσσαλονίκης"


def test_the_stored_counts_match_a_fresh_check_of_the_graph(store: OxigraphStore) -> None:
    validate_store(store, base=BASE)
    triples = [quad.triple for quad in store.quads(FACILITIES)]
    fresh = conformance.check_triples(triples, profiles.load("places"))
    stored = store_conformance.graph_outcome(store, BASE, FACILITIES)
    assert stored is not None
    assert stored.counts == fresh.counts
    assert stored.triples == len(triples)
    assert stored.inputs == [conformance.Input(FACILITIES, len(triples))]
    assert stored.passes == fresh.passes
    assert [p.name for p in stored.profiles] == ["places"]

    def key(result: conformance.Result) -> tuple[object, ...]:
        return (result.severity, result.focus, result.path, result.value, result.shape,
                result.component, result.pass_number, result.messages, result.section,
                result.focus_term, result.value_term)  # fmt: skip

    assert sorted(map(key, stored.results)) == sorted(map(key, fresh.results))


def test_the_broken_graph_reads_back_with_its_violation(store: OxigraphStore) -> None:
    validate_store(store, base=BASE)
    outcome = store_conformance.graph_outcome(store, BASE, BROKEN)
    assert outcome is not None and not outcome.conforms
    (violation,) = [r for r in outcome.results if r.severity == "Violation"]
    assert violation.component == "MinInclusiveConstraintComponent"
    assert violation.focus == "http://127.0.0.1:8000/id/facility/4401/municipal-library"
    assert violation.value == "-1"
    assert {language for language, _ in violation.messages} >= {"el", "en"}
    assert violation.section is not None and violation.section.url
    assert store_conformance.graph_outcome(store, BASE, f"{BASE}graph/9999/none") is None
    assert store_conformance.graph_outcome(store, BASE, "not an iri") is None


def test_a_second_run_validates_nothing_unchanged(store: OxigraphStore) -> None:
    first = validate_store(store, base=BASE)
    second = validate_store(store, base=BASE)
    assert (second.validated, second.unchanged) == (0, PUBLISHED)
    assert second.cells == first.cells


def test_a_changed_graph_is_validated_again_and_its_catalogue_too(store: OxigraphStore) -> None:
    validate_store(store, base=BASE)
    publish_by_hand(store, BROKEN, "0701", "places", case_data("valid-library-kalamata"))
    seen: list[str] = []
    check = validate_store(store, base=BASE, progress=seen.append)
    assert seen == [catalogue_graph(BASE, "0701"), BROKEN]
    assert (check.validated, check.unchanged) == (2, PUBLISHED - 2)
    fixed = cell(check.cells, "0701", "places")
    assert (fixed.conforming, fixed.violations) == (1, 0)


@pytest.mark.parametrize("change", ["fixed", "same size"])
def test_a_graph_changed_by_a_sparql_update_is_validated_again(
    store: OxigraphStore, change: str
) -> None:
    """Regression: the fingerprint was the catalogue record's (modified, source, triples), which
    the Graph Store and SPARQL updates do not touch: a graph changed that way was skipped as
    unchanged and the matrix kept its old verdict."""
    validate_store(store, base=BASE)
    library = "<http://127.0.0.1:8000/id/facility/4401/municipal-library>"
    capacity = "<https://w3id.org/demoi/def/places#capacity>"
    value = "120" if change == "fixed" else "-2"  # the same number of triples either way
    store.update(
        f"DELETE WHERE {{ GRAPH <{BROKEN}> {{ {library} {capacity} ?c }} }} ; "
        f"INSERT DATA {{ GRAPH <{BROKEN}> {{ {library} {capacity} {value} }} }}"
    )
    seen: list[str] = []
    check = validate_store(store, base=BASE, progress=seen.append)
    assert seen == [BROKEN]
    assert (check.validated, check.unchanged) == (1, PUBLISHED - 1)
    outcome = store_conformance.graph_outcome(store, BASE, BROKEN)
    assert outcome is not None
    if change == "fixed":
        assert (cell(check.cells, "0701", "places").violations, outcome.conforms) == (0, True)
    else:
        assert [r.value for r in outcome.results if r.severity == "Violation"] == ["-2"]


def test_graphs_without_a_catalogue_record_are_named_not_passed_over(
    store: OxigraphStore,
) -> None:
    """Regression: a graph loaded without a catalogue record (`demoi load`, the Graph Store)
    was neither validated nor mentioned: `validate --store` said "0 graphs validated" and
    exit 0, as if everything published conformed."""
    loaded = f"{BASE}graph/4401/notes"
    store.replace_graph(loaded, b"<urn:s> <urn:p> <urn:o> .\n", ox.RdfFormat.N_TRIPLES)
    store.replace_graph(
        f"{BASE}graph/standards/codelists/x", b"<urn:s> <urn:p> <urn:o> .\n", ox.RdfFormat.N_TRIPLES
    )
    assert validate_store(store, base=BASE).unrecorded == [loaded]
    assert validate_store(store, base=BASE, municipality="4401").unrecorded == [loaded]
    assert validate_store(store, base=BASE, municipality="0701").unrecorded == []
    assert validate_store(store, base=BASE, area="places").unrecorded == []


def test_force_validates_every_graph_again(store: OxigraphStore) -> None:
    first = validate_store(store, base=BASE)
    forced = validate_store(store, base=BASE, force=True)
    assert (forced.validated, forced.unchanged) == (PUBLISHED, 0)
    assert [(c.municipality, c.area, c.violations, c.warnings) for c in forced.cells] == [
        (c.municipality, c.area, c.violations, c.warnings) for c in first.cells
    ]
    assert all(
        after.checked and before.checked and after.checked >= before.checked
        for after, before in zip(forced.cells, first.cells, strict=True)
    )
    # One report per graph, not one more per run.
    assert len(results_in_store(store)) == PUBLISHED


def test_filters_validate_only_their_scope(store: OxigraphStore) -> None:
    kalamata = validate_store(store, base=BASE, municipality="4401")
    assert kalamata.validated == 4
    assert {c.municipality for c in kalamata.cells} == {"4401"}
    places = validate_store(store, base=BASE, area="places")
    assert (places.validated, places.unchanged) == (1, 1)  # 4401's was checked above
    assert {(c.municipality, c.area) for c in places.cells} == {
        ("4401", "places"),
        ("0701", "places"),
    }
    both = validate_store(store, base=BASE, municipality="0701", area="finance")
    assert both.validated == 1 and [(c.municipality, c.area) for c in both.cells] == [
        ("0701", "finance")
    ]
    assert len(store_conformance.matrix(store, BASE)) == 6


@pytest.mark.parametrize(
    ("municipality", "area"), [("9999", None), (None, "astrology"), ("4401", "finances")]
)
def test_an_unknown_filter_is_a_usage_error(
    store: OxigraphStore, municipality: str | None, area: str | None
) -> None:
    with pytest.raises(UsageError):
        validate_store(store, base=BASE, municipality=municipality, area=area)
    assert store_conformance.matrix(store, BASE) == []


def test_reports_of_graphs_no_longer_published_are_removed(store: OxigraphStore) -> None:
    validate_store(store, base=BASE)
    store.drop(BROKEN, provenance_update=store_conformance_record_removed(BROKEN))
    check = validate_store(store, base=BASE)
    assert check.removed == 1
    assert check.validated == 1  # Thessaloniki's catalogue changed with it
    assert ("0701", "places") not in {(c.municipality, c.area) for c in check.cells}
    assert store_conformance.graph_outcome(store, BASE, BROKEN) is None
    assert BROKEN not in results_in_store(store)


def store_conformance_record_removed(graph: str) -> str:
    from demoi.catalogue import record_removed

    return record_removed(graph)


def test_an_interrupted_run_leaves_every_report_whole(store: OxigraphStore) -> None:
    # A record naming an area demoi has no profile for stops the run at that graph, in the
    # middle of the sorted order: the reports before it are stored whole, none after it.
    stray = f"{BASE}graph/4401/horoscope"
    publish_by_hand(store, stray, "4401", "astrology", case_data("valid-library-kalamata"))
    with pytest.raises(DataError, match="astrology"):
        validate_store(store, base=BASE)
    stored = results_in_store(store)
    assert sorted(stored) == [
        f"{BASE}graph/0701/air-quality",
        f"{BASE}graph/0701/budget-expense/2024",
        f"{BASE}graph/0701/catalogue",
        BROKEN,
        f"{BASE}graph/4401/budget-expense/2024",
        f"{BASE}graph/4401/catalogue",
        FACILITIES,
    ]
    assert all(results == counted for results, counted in stored.values()), stored
    assert stored[FACILITIES] == (17, 17)
    # Without the stray record the next run goes on where the last one stopped.
    store.drop(stray, provenance_update=store_conformance_record_removed(stray))
    resumed = validate_store(store, base=BASE)
    assert resumed.validated == 2  # the waste graph, and Kalamata's catalogue that changed


def test_an_update_replaces_a_report_in_one_request(store: OxigraphStore) -> None:
    # The interruption property rests on this: delete and insert are one SPARQL request,
    # which Oxigraph runs as one transaction.
    validate_store(store, base=BASE)
    published = store_conformance.published_graphs(store, BASE)
    outcome = store_conformance.graph_outcome(store, BASE, FACILITIES)
    assert outcome is not None
    update = store_conformance.report_update(BASE, published[FACILITIES], outcome)
    version = store.version
    store.update(update)
    assert store.version == version + 1
    assert results_in_store(store)[FACILITIES] == (17, 17)


# ---------------------------------------------------------------------------------------------
# The conformance graph is demoi's own


def test_the_conformance_graph_is_reserved() -> None:
    assert is_reserved(f"{BASE}graph/conformance")
    assert is_reserved("https://data.example.gr/graph/conformance")
    assert not is_reserved(f"{BASE}graph/4401/conformance-report")


def test_demoi_load_refuses_the_conformance_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEMOI_BASE_URI", BASE)
    data = tmp_path / "forged.ttl"
    data.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    store_path = tmp_path / "store"
    result = CliRunner().invoke(
        cli, ["load", "--store", str(store_path), str(data), "--graph", f"{BASE}graph/conformance"]
    )
    assert result.exit_code == 2 and "kept by demoi" in result.output
    assert "Traceback" not in result.output
    assert not store_path.exists()


# ---------------------------------------------------------------------------------------------
# /conformance


@pytest.fixture
def checked_app(store_copy: Path) -> Iterator[Flask]:
    store = OxigraphStore(store_copy)
    try:
        validate_store(store, base=BASE)
    finally:
        store.close()
    app = create_app({"TESTING": True, "STORE": str(store_copy), "BASE_URI": BASE})
    yield app
    app_store(app).close()


@pytest.fixture
def page(checked_app: Flask) -> FlaskClient:
    return checked_app.test_client()


def test_the_page_shows_the_matrix_in_english(page: FlaskClient) -> None:
    response = page.get("/conformance?lang=en")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Municipality of Thessaloniki" in html and "Municipality of Kalamata" in html
    thessaloniki = '<a href="?municipality=0701&amp;lang=en#graphs">'
    kalamata = '<a href="?municipality=4401&amp;lang=en#graphs">'
    assert (
        f'class="violations" data-area="places">{thessaloniki}<span class="words">1 violation<'
        in html
    )
    assert f'class="warnings" data-area="places">{kalamata}<span class="words">17 warnings<' in html
    assert 'class="conforms" data-area="finance"' in html and ">conforms<" in html
    assert '<dd id="total-graphs">8</dd>' in html
    assert "<time datetime=" in html


def test_the_page_shows_the_matrix_in_greek(page: FlaskClient) -> None:
    html = page.get("/conformance?lang=el").get_data(as_text=True)
    assert "Δήμος Θεσσαλονίκης" in html and "Δήμος Καλαμάτας" in html
    assert "1 παραβίαση" in html and "17 προειδοποιήσεις" in html and "συμμορφώνεται" in html
    assert '<html lang="el">' in html


def test_a_municipality_lists_its_graphs_with_links_to_their_reports(page: FlaskClient) -> None:
    html = page.get("/conformance?municipality=0701&lang=en").get_data(as_text=True)
    assert "The graphs of the municipality: Municipality of Thessaloniki (0701)" in html
    assert f'href="/conformance/graph?iri={BROKEN}&amp;lang=en">1 violation</a>' in html
    assert 'href="/graph/0701/facilities?lang=en"' in html
    assert FACILITIES not in html
    unknown = page.get("/conformance?municipality=9999&lang=en").get_data(as_text=True)
    assert "Unknown code: 9999" in unknown


def test_the_drill_down_shows_the_violations(page: FlaskClient) -> None:
    for language, heading in (("en", "Validation report of the graph"), ("el", "Αναφορά ελέγχου")):
        response = page.get("/conformance/graph", query_string={"iri": BROKEN, "lang": language})
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert heading in html
        assert "http://127.0.0.1:8000/id/facility/4401/municipal-library" in html
        assert 'href="/graph/0701/facilities?lang=' in html
        assert "format=ttl" in html and "format=json" in html
    json_report = page.get("/conformance/graph", query_string={"iri": BROKEN, "format": "json"})
    assert json_report.status_code == 200 and json_report.json is not None
    assert json_report.json["conforms"] is False
    assert [
        r["sourceConstraintComponent"]
        for r in json_report.json["results"]
        if r["severity"] == "Violation"
    ] == ["http://www.w3.org/ns/shacl#MinInclusiveConstraintComponent"]
    turtle = page.get("/conformance/graph", query_string={"iri": BROKEN, "format": "ttl"})
    assert turtle.status_code == 200 and turtle.content_type.startswith("text/turtle")


def test_an_unknown_graph_is_a_bilingual_404(page: FlaskClient) -> None:
    response = page.get(
        "/conformance/graph", query_string={"iri": f"{BASE}graph/9999/none", "lang": "en"}
    )
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "has not been checked on this server" in html
    assert "δεν έχει ελεγχθεί σε αυτόν τον διακομιστή" in html
    machine = page.get("/conformance/graph", query_string={"iri": "x", "format": "json"})
    assert machine.status_code == 404 and machine.json is not None
    assert machine.json["error"]["code"] == "not-found"
    assert (
        page.get("/conformance/graph", query_string={"iri": BROKEN, "format": "xls"}).status_code
        == 400
    )


def test_never_checked_says_how_to_check(app: Flask) -> None:
    for language, words in (("en", "has not been checked yet"), ("el", "δεν έχουν ελεγχθεί ακόμη")):
        html = app.test_client().get(f"/conformance?lang={language}").get_data(as_text=True)
        assert words in html and "<code>demoi validate --store</code>" in html


def test_the_page_follows_a_new_check(checked_app: Flask) -> None:
    client = checked_app.test_client()
    assert "1 violation" in client.get("/conformance?lang=en").get_data(as_text=True)
    store = app_store(checked_app)
    publish_by_hand(store, BROKEN, "0701", "places", case_data("valid-library-kalamata"))
    validate_store(store, base=BASE)
    html = client.get("/conformance?lang=en").get_data(as_text=True)
    assert '<span class="words">1 violation<' not in html
    assert 'class="conforms" data-area="places"><a href="?municipality=0701' in html


def test_text_tables_have_the_same_keys_in_both_languages() -> None:
    from demoi.server.conformance_page import TEXT

    assert TEXT["el"].keys() == TEXT["en"].keys()


def test_above_thirty_municipalities_the_rows_are_regions(make_app) -> None:  # type: ignore[no-untyped-def]
    # Reports written directly (empty outcomes), since 31 lifted municipalities would take a
    # minute: the page only reads the conformance graph.
    app = make_app(BASE_URI=BASE, TESTING=True)
    store = app_store(app)
    codes = sorted(municipalities())[:31]
    for number, code in enumerate(codes):
        graph = f"{BASE}graph/{code}/facilities"
        target = store_conformance.Published(graph, code, "places", "fingerprint")
        outcome = conformance.Outcome(profiles=[], inputs=[], results=[], passes=[])
        if number == 0:
            outcome.results = [
                conformance.Result(
                    "Violation", f"{BASE}id/x", None, None, "urn:shape",
                    "MinCountConstraintComponent", (("el", "λείπει"), ("en", "missing")),
                    "places", 1, None,
                )
            ]  # fmt: skip
        store.update(store_conformance.report_update(BASE, target, outcome))
    client = app.test_client()
    html = client.get("/conformance?lang=en").get_data(as_text=True)
    regions = regions_of_municipalities()
    first_region = regions[codes[0]]
    assert "Per region: choose a region for its municipalities." in html
    assert f'<tr data-code="{first_region.code}">' in html
    assert f'<tr data-code="{codes[0]}">' not in html
    assert '<dd id="total-graphs">31</dd>' in html and '<dd id="total-violations">1</dd>' in html
    region_page = client.get(f"/conformance?region={first_region.code}&lang=en").get_data(
        as_text=True
    )
    assert f'<tr data-code="{codes[0]}">' in region_page
    assert first_region.labels["en"] in region_page
    assert "1 violation<" in region_page

"""Dataset dumps (/dump/<code>/<dataset>[/<period>].<ext>) over the demo store, and the table
queries behind the CSV dumps (mappings/<area>/<name>.table.rq) over the mapping cases' output."""

from __future__ import annotations

import csv
import io
import threading
import time
import tomllib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from conftest import DEMO_BASE, REPO
from demoi import dumps
from demoi.cli import cli
from demoi.lifting.mappings import available_mappings
from demoi.server import app_store
from demoi.server.dumps import PIPE_PIECES, streamed
from demoi.store import Dataset, OxigraphStore, Store

GRAPH = f"{DEMO_BASE}graph/4401/"
RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
#: Each tabular dataset of the demo and the classes of the things its CSV has a row for.
TABLES = {
    "budget-expense": ["https://w3id.org/demoi/def/finance#ExpenditureLine"],
    "budget-revenue": ["https://w3id.org/demoi/def/finance#RevenueLine"],
    "air-quality": ["https://w3id.org/demoi/def/environment#AirQualityObservation"],
    "waste-quantities": ["https://w3id.org/demoi/def/environment#WasteQuantity"],
    "indicators": ["https://w3id.org/demoi/def/statistics#IndicatorObservation"],
    "population-census": ["https://w3id.org/demoi/def/statistics#PopulationObservation"],
    "contracts": ["http://data.europa.eu/a4g/ontology#Contract"],
    "parking-occupancy": ["https://w3id.org/demoi/def/mobility#ParkingOccupancyObservation"],
    # Lifted with the meter-readings mapping under datasets of their own (demoi lift --dataset):
    # the CSV follows the mapping named in the provenance.
    "water-meter-readings": [
        f"https://w3id.org/demoi/def/utilities#{kind}"
        for kind in ("MeterReading", "MeterConsumption", "AggregatedConsumption")
    ],
}
TABLE_QUERIES = sorted((REPO / "mappings").glob(f"*/*{dumps.TABLE_QUERY_SUFFIX}"))
#: What `demoi mappings` listed before the table queries were added beside the descriptors.
MAPPING_NAMES = {
    "air-quality-daily", "athens-budget-expense", "athens-budget-revenue", "budget-expense",
    "budget-revenue", "cultural-events", "data-inventory", "diavgeia-decisions",
    "diavgeia-units", "elected-posts", "facilities", "gtfs-stops-routes", "heritage-sites",
    "indicator-values", "kimdis-contracts", "meter-readings", "parking-occupancy",
    "population-census", "service-catalogue", "waste-quantities",
}  # fmt: skip


def _store(client: FlaskClient) -> Store:
    app = client.application
    assert isinstance(app, Flask)
    return app_store(app)


def _graphs(client: FlaskClient, dataset: str) -> list[str]:
    graphs = dumps.dump_graphs(_store(client), DEMO_BASE, "4401", dataset)
    assert graphs, f"the demo has no graph of {dataset}"
    return graphs


def _triple_count(store: Store, graphs: list[str]) -> int:
    values = " ".join(f"<{graph}>" for graph in graphs)
    answer = store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    )
    count = answer.rows[0][0]
    assert isinstance(count, ox.Literal)
    return int(count.value)


@pytest.mark.parametrize("ext", sorted(RDF_FORMATS))
@pytest.mark.parametrize("dataset", ["budget-expense", "air-quality", "public-services"])
def test_a_dump_parses_back_to_every_triple_of_its_graphs(
    demo_client: FlaskClient, dataset: str, ext: str
) -> None:
    response = demo_client.get(f"/dump/4401/{dataset}.{ext}")
    assert response.status_code == 200
    assert response.is_streamed
    triples = list(ox.parse(response.data, RDF_FORMATS[ext]))
    expected = _triple_count(_store(demo_client), _graphs(demo_client, dataset))
    assert expected > 0
    assert len(triples) == expected


def test_a_turtle_dump_uses_the_prefixes(demo_client: FlaskClient) -> None:
    text = demo_client.get("/dump/4401/budget-expense.ttl").get_data(as_text=True)
    assert "@prefix fin: <https://w3id.org/demoi/def/finance#> ." in text
    assert "fin:ExpenditureLine" in text


def test_a_dataset_dump_holds_all_its_periods(demo_client: FlaskClient) -> None:
    assert _graphs(demo_client, "budget-expense") == [f"{GRAPH}budget-expense/2024"]
    assert dumps.dump_graphs(_store(demo_client), DEMO_BASE, "4401", "air-quality") == [
        f"{GRAPH}air-quality"
    ]


def test_a_period_dump_equals_its_graph(demo_client: FlaskClient) -> None:
    response = demo_client.get("/dump/4401/budget-expense/2024.nt")
    assert response.status_code == 200
    dumped = {quad.triple for quad in ox.parse(response.data, ox.RdfFormat.N_TRIPLES)}
    graph = {quad.triple for quad in _store(demo_client).quads(f"{GRAPH}budget-expense/2024")}
    assert dumped == graph


@pytest.mark.parametrize("dataset", sorted(TABLES))
def test_a_csv_dump_has_one_row_per_observation(demo_client: FlaskClient, dataset: str) -> None:
    response = demo_client.get(f"/dump/4401/{dataset}.csv")
    assert response.status_code == 200
    header, *rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    graphs = _graphs(demo_client, dataset)
    query = dumps.dataset_table_query(_store(demo_client), DEMO_BASE, dataset, graphs)
    assert query is not None
    variables = query.partition("SELECT")[2].partition("WHERE")[0].split()
    assert header == [variable.removeprefix("?") for variable in variables]
    classes = " ".join(f"<{iri}>" for iri in TABLES[dataset])
    answer = _store(demo_client).query(
        f"SELECT (COUNT(DISTINCT ?thing) AS ?n) WHERE {{ VALUES ?class {{ {classes} }} "
        "?thing a ?class }",
        dataset=Dataset(default_graphs=tuple(graphs)),
    )
    count = answer.rows[0][0]
    assert isinstance(count, ox.Literal)
    assert int(count.value) > 0
    assert len(rows) == int(count.value)


def test_a_csv_dump_shows_labels_rather_than_iris(demo_client: FlaskClient) -> None:
    text = demo_client.get("/dump/4401/waste-quantities.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    streams = {row["stream"] for row in rows}
    assert "Βιοαπόβλητα τροφίμων (καφέ κάδος)" in streams  # the code list's Greek label
    assert not any(stream.startswith("http") for stream in streams)


@pytest.mark.parametrize(
    ("url", "content_type", "file_name"),
    [
        ("/dump/4401/budget-expense.ttl", "text/turtle; charset=utf-8", "4401-budget-expense.ttl"),
        ("/dump/4401/budget-expense.nt", "application/n-triples", "4401-budget-expense.nt"),
        ("/dump/4401/air-quality.jsonld", "application/ld+json", "4401-air-quality.jsonld"),
        ("/dump/4401/budget-expense.csv", "text/csv; charset=utf-8", "4401-budget-expense.csv"),
        (
            "/dump/4401/budget-expense/2024.ttl",
            "text/turtle; charset=utf-8",
            "4401-budget-expense-2024.ttl",
        ),
    ],
)
def test_a_dump_is_labelled_and_named(
    demo_client: FlaskClient, url: str, content_type: str, file_name: str
) -> None:
    response = demo_client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Content-Disposition"] == f'attachment; filename="{file_name}"'
    assert response.headers["ETag"]
    assert response.last_modified is not None


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/dump/9999/budget-expense.ttl", "no published dataset 9999/budget-expense"),
        ("/dump/kalamata/budget-expense.ttl", "no published dataset"),
        ("/dump/4401/no-such-dataset.ttl", "no published dataset 4401/no-such-dataset"),
        ("/dump/4401/budget-expense/1999.ttl", "no published dataset 4401/budget-expense/1999"),
        ("/dump/4401/air-quality/2024.nt", "no published dataset"),
        ("/dump/4401/catalogue.ttl", "no published dataset 4401/catalogue"),
        ("/dump/4401/facilities.csv", "facilities is not a table"),
        ("/dump/4401/budget-expense.xml", "no dump format .xml"),
    ],
)
def test_what_is_no_dump_is_a_404(demo_client: FlaskClient, url: str, says: str) -> None:
    response = demo_client.get(url)
    assert response.status_code == 404
    assert response.content_type == "application/json"
    error = response.get_json()["error"]
    assert error["status"] == 404
    assert error["code"] == "not-found"
    assert says in error["message"]


def test_the_provenance_graph_is_never_a_dump(demo_client: FlaskClient) -> None:
    store = _store(demo_client)
    assert dumps.dump_graphs(store, DEMO_BASE, "4401", "catalogue") == []
    assert demo_client.get("/dump/graph/provenance.ttl").status_code == 404


def test_a_dump_is_modified_when_its_graph_was_published(demo_client: FlaskClient) -> None:
    response = demo_client.get("/dump/4401/budget-expense/2024.ttl")
    answer = _store(demo_client).query(
        f"SELECT ?m WHERE {{ GRAPH <{DEMO_BASE}graph/provenance> {{ "
        f"<{GRAPH}budget-expense/2024> <http://purl.org/dc/terms/modified> ?m }} }}"
    )
    modified = answer.rows[0][0]
    assert isinstance(modified, ox.Literal)
    assert response.last_modified is not None
    assert response.last_modified == datetime.fromisoformat(modified.value)


@pytest.mark.parametrize("ext", ["ttl", "csv"])
def test_an_unchanged_dump_is_not_sent_again(demo_client: FlaskClient, ext: str) -> None:
    url = f"/dump/4401/budget-expense.{ext}"
    first = demo_client.get(url)
    by_etag = demo_client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert by_etag.status_code == 304
    assert by_etag.data == b""
    by_date = demo_client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert by_date.status_code == 304
    other = demo_client.get(url, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200
    assert other.data == first.data


def test_each_format_has_its_own_etag(demo_client: FlaskClient) -> None:
    tags = {
        demo_client.get(f"/dump/4401/budget-expense.{ext}").headers["ETag"]
        for ext in "ttl nt jsonld csv".split()
    }
    assert len(tags) == 4


@pytest.mark.parametrize("ext", ["ttl", "csv"])
def test_head_answers_the_headers_without_the_dump(demo_client: FlaskClient, ext: str) -> None:
    response = demo_client.head(f"/dump/4401/budget-expense.{ext}")
    assert response.status_code == 200
    assert response.data == b""
    assert response.headers["Content-Disposition"].endswith(f'.{ext}"')
    assert "Content-Length" not in response.headers


BLANK_NODES = b"""
@prefix ex: <http://example.org/> .
<http://example.org/thing> ex:has [ ex:part [ ex:name "inner" ] ; ex:name "outer" ] .
"""


@pytest.mark.parametrize("ext", ["ttl", "nt"])
def test_blank_nodes_survive_a_dump(make_app: Callable[..., Flask], ext: str) -> None:
    app = make_app(BASE_URI=DEMO_BASE)
    graph = f"{GRAPH}structured/2024"
    app_store(app).replace_graph(graph, BLANK_NODES, ox.RdfFormat.TURTLE)
    response = app.test_client().get(f"/dump/4401/structured.{ext}")
    assert response.status_code == 200
    dumped = ox.Store()
    dumped.load(response.data, RDF_FORMATS[ext])
    answer = dumped.query(
        "ASK { <http://example.org/thing> <http://example.org/has> ?outer . "
        '?outer <http://example.org/name> "outer" ; <http://example.org/part> ?inner . '
        '?inner <http://example.org/name> "inner" FILTER(isBlank(?outer) && isBlank(?inner)) }'
    )
    assert bool(answer)
    assert len(dumped) == 4


# -- the table queries ---------------------------------------------------------------------


def _mapping_of(query: Path) -> str:
    return query.name.removesuffix(dumps.TABLE_QUERY_SUFFIX)


def _case_outputs(mapping: str) -> list[Path]:
    """The expected N-Quads of every case of ``mapping`` that publishes something."""
    cases = (REPO / "tests" / "cases" / "mappings").glob("*/*/case.toml")
    return sorted(
        case.parent / "expected.nq"
        for case in cases
        if tomllib.loads(case.read_text(encoding="utf-8"))["mapping"] == mapping
        and (case.parent / "expected.nq").is_file()
    )


def _lifted_graphs(store: Store, mapping: str) -> list[str]:
    answer = store.query(
        "PREFIX prov: <http://www.w3.org/ns/prov#> SELECT DISTINCT ?g WHERE { "
        f"GRAPH <{DEMO_BASE}graph/provenance> {{ ?g prov:wasGeneratedBy ?a . "
        "?a prov:qualifiedAssociation/prov:hadPlan "
        f"<https://w3id.org/demoi/mapping/{mapping}> }} }}"
    )
    return sorted(term.value for (term, *_rest) in answer.rows if isinstance(term, ox.NamedNode))


@pytest.mark.parametrize("query", TABLE_QUERIES, ids=_mapping_of)
def test_a_table_query_has_rows_on_its_mappings_output(
    query: Path, demo_client: FlaskClient
) -> None:
    mapping = _mapping_of(query)
    assert mapping in available_mappings(), f"{query} is beside no mapping"
    text = query.read_text(encoding="utf-8")
    assert dumps.mapping_table_query(mapping) == text
    outputs = _case_outputs(mapping)
    if outputs:
        for output in outputs:
            store = ox.Store()
            store.load(path=str(output), format=ox.RdfFormat.N_QUADS)
            graphs = list(store.named_graphs())
            base = dumps.base_of([graph.value for graph in graphs])
            rows = list(store.query(text, default_graph=graphs, base_iri=base))
            assert rows, f"{query.name} finds no row in {output}"
    else:  # no case publishes: the mapping's graphs in the demo store
        store_of_demo = _store(demo_client)
        graphs = _lifted_graphs(store_of_demo, mapping)
        assert graphs, f"{mapping} has no case with output and no graph in the demo"
        answer = store_of_demo.query(
            text, dataset=Dataset(default_graphs=tuple(graphs)), base_iri=DEMO_BASE
        )
        assert answer.rows, f"{query.name} finds no row in the demo's {graphs}"


def test_the_tabular_datasets_have_a_table_query() -> None:
    tabular = {
        "budget-expense", "budget-revenue", "air-quality", "waste-quantities", "indicators",
        "population-census", "contracts", "meter-readings", "parking-occupancy",
    }  # fmt: skip
    assert {dataset for dataset in tabular if dumps.table_query(dataset)} == tabular
    assert dumps.table_query("facilities") is None
    assert dumps.table_query("no-such-dataset") is None


def test_dump_formats_name_the_eu_file_types() -> None:
    assert {ext: fmt.file_type for ext, fmt in dumps.DUMP_FORMATS.items()} == {
        "ttl": "RDF_TURTLE",
        "nt": "RDF_N_TRIPLES",
        "jsonld": "JSON_LD",
        "csv": "CSV",
    }
    assert dumps.DUMP_FORMATS["nt"].file_type_iri == (
        "http://publications.europa.eu/resource/authority/file-type/RDF_N_TRIPLES"
    )


def test_table_queries_do_not_change_the_mapping_list() -> None:
    result = CliRunner().invoke(cli, ["mappings", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert {line.split("\t")[0] for line in result.output.splitlines()} == MAPPING_NAMES
    assert TABLE_QUERIES, "no table query was found"


def test_a_client_that_stops_reading_stops_the_dump() -> None:
    """The serialiser runs on its own thread into a bounded pipe: when the response is closed
    (the client went away), a writer that would otherwise never end must stop."""
    written = []

    def endless(output: io.RawIOBase) -> None:
        while True:
            written.append(output.write(b"x" * 8192))

    stream = streamed(endless)
    assert next(stream) == b"x" * 8192
    stream.close()
    for _ in range(100):
        if not any(thread.name == "demoi-dump" for thread in threading.enumerate()):
            break
        time.sleep(0.05)
    else:
        pytest.fail("the dump's thread is still writing after its response was closed")
    assert len(written) <= PIPE_PIECES + 2  # it ran ahead of the reader by the pipe, no more


def test_a_dump_starts_nothing_until_it_is_read() -> None:
    started = threading.Event()
    stream = streamed(lambda output: started.set())
    assert not started.wait(0.2)
    assert list(stream) == []
    assert started.is_set()


def test_a_write_that_records_no_provenance_still_changes_the_etag(
    make_app: Callable[..., Flask],
) -> None:
    """A SPARQL update leaves the graph's dcterms:modified as it was: a client holding the old
    ETag must not be told its copy is current."""
    app = make_app(BASE_URI=DEMO_BASE)
    graph = f"{GRAPH}structured/2024"
    store = app_store(app)
    store.replace_graph(graph, BLANK_NODES, ox.RdfFormat.TURTLE)
    client = app.test_client()
    before = client.get("/dump/4401/structured.nt").headers["ETag"]
    store.update(
        f'INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/a> <http://example.org/b> "c" }} }}'
    )
    response = client.get("/dump/4401/structured.nt", headers={"If-None-Match": before})
    assert response.status_code == 200
    assert response.headers["ETag"] != before
    assert b'<http://example.org/a> <http://example.org/b> "c" .' in response.data


@pytest.mark.parametrize("ext", ["csv", "nt"])
def test_write_dump_writes_what_the_server_serves(demo_client: FlaskClient, ext: str) -> None:
    """The catalogue's export calls write_dump itself (for byte sizes): with only the graphs,
    it must write the very file the download URL serves."""
    graphs = _graphs(demo_client, "budget-expense")
    output = io.BytesIO()
    dumps.write_dump(_store(demo_client), graphs, ext, output)
    assert output.getvalue() == demo_client.get(f"/dump/4401/budget-expense.{ext}").data


# -- what the adversarial review broke --------------------------------------------------------

CASES = REPO / "tests" / "cases" / "mappings"
CASE_BASE = "http://127.0.0.1:8000/"
PM25 = "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/6001"
PM25_LABEL = "Particulate matter < 2.5 µm (aerosol)"  # ontologies/environment.ttl, @en
PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


def _thessaloniki_air_quality(app: Flask) -> Store:
    """The air-quality case of Thessaloniki (0701) published, and the pollutants' code list in
    a standards graph, as `demoi demo` loads it."""
    store = app_store(app)
    case = CASES / "environment" / "air-quality-thessaloniki" / "expected.nq"
    triples = [quad.triple for quad in ox.parse(path=case, format=ox.RdfFormat.N_QUADS)]
    graph = f"{CASE_BASE}graph/0701/air-quality"
    store.replace_graph(
        graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), ox.RdfFormat.N_TRIPLES
    )
    store.replace_graph(
        f"{CASE_BASE}graph/standards/environment",
        REPO / "ontologies" / "environment.ttl",
        ox.RdfFormat.TURTLE,
    )
    return store


def _observations(store: Store, graph: str) -> int:
    answer = store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?o a <https://w3id.org/demoi/def/environment#"
        "AirQualityObservation> }",
        dataset=Dataset(default_graphs=(graph,)),
    )
    count = answer.rows[0][0]
    assert isinstance(count, ox.Literal)
    return int(count.value)


def test_a_label_planted_in_another_municipalitys_graph_reaches_no_csv(
    make_app: Callable[..., Flask],
) -> None:
    """A 4401 token wrote a prefLabel of PM2.5 into graph/4401/labels: it put a formula into
    Thessaloniki's CSV and doubled its PM2.5 rows. Labels come from the standards only, one
    per concept, even where the standards themselves give two."""
    app = make_app(BASE_URI=CASE_BASE)
    store = _thessaloniki_air_quality(app)
    store.update(
        f"INSERT DATA {{ GRAPH <{CASE_BASE}graph/4401/labels> {{ "
        f'<{PM25}> <{PREF_LABEL}> "=HYPERLINK(\\"http://evil.example/x\\", \\"PM2.5\\")"@en }} '
        f"GRAPH <{CASE_BASE}graph/standards/another-list> {{ <{PM25}> <{PREF_LABEL}> "
        '"Σωματίδια PM2.5, δεύτερη ετικέτα"@en } }'
    )
    response = app.test_client().get("/dump/0701/air-quality.csv")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "HYPERLINK" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == _observations(store, f"{CASE_BASE}graph/0701/air-quality") == 84
    pm25 = [row["pollutant"] for row in rows if "/pm2.5/" in row["observation"]]
    assert len(pm25) == 7  # the case's PM2.5 days
    assert set(pm25) == {min(PM25_LABEL, "Σωματίδια PM2.5, δεύτερη ετικέτα")}


def test_a_pollutant_without_a_standards_label_shows_its_code(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(BASE_URI=CASE_BASE)
    store = _thessaloniki_air_quality(app)
    store.drop(f"{CASE_BASE}graph/standards/environment")
    store.update(
        f"INSERT DATA {{ GRAPH <{CASE_BASE}graph/0701/labels> {{ "
        f'<{PM25}> <{PREF_LABEL}> "planted"@en }} }}'
    )
    rows = list(
        csv.DictReader(
            io.StringIO(app.test_client().get("/dump/0701/air-quality.csv").get_data(as_text=True))
        )
    )
    assert {row["pollutant"] for row in rows if "/pm2.5/" in row["observation"]} == {"6001"}


FORMULA = '=HYPERLINK("http://evil.example/x","Αμοιβές")'
BUDGET_LINE = f"""
@prefix fin: <https://w3id.org/demoi/def/finance#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{DEMO_BASE}id/budget-expense/4401/2024/10/6117> a fin:ExpenditureLine ;
    fin:fiscalYear 2024 ; fin:serviceCode "10" ; fin:kaeCode "6117" ;
    rdfs:label {FORMULA!r} ;
    fin:budgeted "-120.50" ; fin:adjusted "+30" ; fin:committed "1.5e3" ; fin:paid -0.5 .
<{DEMO_BASE}id/budget-expense/4401/2024/10/6118> a fin:ExpenditureLine ;
    fin:fiscalYear 2024 ; fin:serviceCode "10" ; fin:kaeCode "6118" ;
    rdfs:label "-- σχόλιο" ; fin:budgeted 0 .
"""


def test_a_formula_in_a_budget_line_is_neutralised_in_the_csv(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(BASE_URI=DEMO_BASE)
    app_store(app).replace_graph(
        f"{GRAPH}budget-expense/2024", BUDGET_LINE.encode(), ox.RdfFormat.TURTLE
    )
    text = app.test_client().get("/dump/4401/budget-expense.csv").get_data(as_text=True)
    first, second = csv.DictReader(io.StringIO(text))
    assert first["description"] == "'" + FORMULA
    numbers = [first[name] for name in ("budgeted", "adjusted", "committed", "paid")]
    assert numbers == ["-120.50", "+30", "1.5e3", "-0.5"]
    assert second["description"] == "'-- σχόλιο"
    assert second["budgeted"] == "0"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-120.50", "-120.50"),
        ("+30", "+30"),
        ("-1.5E-3", "-1.5E-3"),
        ("-.5", "-.5"),
        ("-", "'-"),
        ("Καλαμάτα = πόλη", "Καλαμάτα = πόλη"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_neutralised(cell: str, written: str) -> None:
    assert dumps.neutralised(cell) == written


def test_a_csv_dump_runs_in_a_query_worker_and_streams(make_app: Callable[..., Flask]) -> None:
    """A 150,000-observation CSV took the server's memory from 95 to 345 MB, for good, and
    answered 503: the query ran in the server's own process, where pyoxigraph cannot stop it."""
    app = make_app(BASE_URI=CASE_BASE)
    store = _thessaloniki_air_quality(app)
    assert isinstance(store, OxigraphStore)
    assert store.query_worker_pids() == []
    response = app.test_client().get("/dump/0701/air-quality.csv")
    assert response.status_code == 200
    assert response.is_streamed
    assert store.query_worker_pids() != []
    assert len(list(csv.reader(io.StringIO(response.get_data(as_text=True))))) == 85


def test_a_csv_dump_past_its_time_limit_is_a_503_not_a_cut_file(
    make_app: Callable[..., Flask],
) -> None:
    """Dumps have a time limit of their own (a whole dataset is no /sparql answer), and past it
    the answer is an error, never the part of a file."""
    app = make_app(BASE_URI=CASE_BASE, DUMP_TIMEOUT=0.000001)
    _thessaloniki_air_quality(app)
    response = app.test_client().get("/dump/0701/air-quality.csv")
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "query-timeout"
    roomy = make_app(BASE_URI=CASE_BASE, QUERY_TIMEOUT=0.000001, DUMP_TIMEOUT=60)
    _thessaloniki_air_quality(roomy)
    assert roomy.test_client().get("/dump/0701/air-quality.csv").status_code == 200

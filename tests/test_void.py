"""The VoID description at /.well-known/void and the health check at /healthz."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from demoi.iris import provenance_graph
from demoi.server import app_store

VOID = "http://rdfs.org/ns/void#"
BASE = "http://demoi.test/"
ONE = BASE + "graph/4401/budget/2024"
TWO = BASE + "graph/7101/budget/2024"
MODIFIED = "2026-11-01T10:00:00Z"


@pytest.fixture
def loaded(app: Flask) -> Flask:
    store = app_store(app)
    store.replace_graph(
        ONE,
        b"<urn:a> a <urn:Budget> ; <urn:amount> 1 ; <urn:line> <urn:b> .\n<urn:b> a <urn:Line> .\n",
        ox.RdfFormat.TURTLE,
    )
    store.replace_graph(TWO, b"<urn:c> a <urn:Budget> .\n", ox.RdfFormat.TURTLE)
    # Published under another base than the server's: the server still finds the dates.
    provenance = provenance_graph("http://127.0.0.1:8000/")
    store.update(
        f"INSERT DATA {{ GRAPH <{provenance}> {{ <{ONE}> <http://purl.org/dc/terms/modified> "
        f'"{MODIFIED}"^^<http://www.w3.org/2001/XMLSchema#dateTime> }} }}'
    )
    return app


def description(client: FlaskClient, accept: str = "text/turtle") -> ox.Store:
    response = client.get("/.well-known/void", headers={"Accept": accept})
    assert response.status_code == 200, response.data
    parsed = ox.Store()
    parsed.load(response.data, ox.RdfFormat.from_media_type(response.mimetype))
    return parsed


def value(store: ox.Store, subject: str, name: str) -> str | None:
    found = [
        quad.object.value
        for quad in store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(VOID + name), None)
    ]
    assert len(found) <= 1
    return found[0] if found else None


def test_the_dataset_statistics_match_the_store(loaded: Flask) -> None:
    parsed = description(loaded.test_client())
    dataset = "http://localhost/.well-known/void#dataset"
    assert value(parsed, dataset, "sparqlEndpoint") == "http://localhost/sparql"
    # 4 + 1 triples in the two graphs, and 1 in the provenance graph
    assert value(parsed, dataset, "triples") == "6"
    assert value(parsed, dataset, "classes") == "2"  # urn:Budget, urn:Line
    assert value(parsed, dataset, "properties") == "4"  # rdf:type, amount, line, modified
    assert value(parsed, dataset, "distinctSubjects") == "4"  # a, b, c and graph ONE
    # urn:Budget, 1, urn:b, urn:Line and the date
    assert value(parsed, dataset, "distinctObjects") == "5"


def test_each_graph_is_a_subset_with_its_count_and_modification(loaded: Flask) -> None:
    parsed = description(loaded.test_client())
    subsets = {
        quad.object.value
        for quad in parsed.quads_for_pattern(None, ox.NamedNode(VOID + "subset"), None)
    }
    assert subsets == {ONE, TWO, provenance_graph("http://127.0.0.1:8000/")}
    assert value(parsed, ONE, "triples") == "4"
    assert value(parsed, TWO, "triples") == "1"
    modified = list(
        parsed.quads_for_pattern(
            ox.NamedNode(ONE), ox.NamedNode("http://purl.org/dc/terms/modified"), None
        )
    )
    assert [quad.object.value for quad in modified] == [MODIFIED]
    dump = value(parsed, TWO, "dataDump")
    assert dump is not None
    response = loaded.test_client().get(dump.removeprefix("http://localhost"))
    assert response.status_code == 200
    assert len(list(ox.parse(response.data, ox.RdfFormat.TURTLE))) == 1


def test_the_kept_description_follows_every_write(loaded: Flask) -> None:
    # The description is kept between writes (its statistics scan every triple); a write must
    # show at once, whichever way it comes.
    client = loaded.test_client()
    assert value(description(client), TWO, "triples") == "1"
    app_store(loaded).replace_graph(
        TWO, b"<urn:c> a <urn:Budget>, <urn:Line> .", ox.RdfFormat.TURTLE
    )
    assert value(description(client), TWO, "triples") == "2"
    app_store(loaded).update(f"DROP GRAPH <{TWO}>")
    assert value(description(client), TWO, "triples") is None


def test_an_empty_store_has_a_description_with_zero_counts(client: FlaskClient) -> None:
    parsed = description(client)
    assert value(parsed, "http://localhost/.well-known/void#dataset", "triples") == "0"


@pytest.mark.parametrize(
    "accept", ["text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"]
)
def test_the_description_negotiates_its_format(loaded: Flask, accept: str) -> None:
    response = loaded.test_client().get("/.well-known/void", headers={"Accept": accept})
    assert response.mimetype == accept
    assert response.headers["Vary"] == "Accept"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert len(description(loaded.test_client(), accept)) > 10


def test_turtle_is_the_default_description(client: FlaskClient) -> None:
    assert client.get("/.well-known/void").mimetype == "text/turtle"
    assert client.get("/.well-known/void", headers={"Accept": "text/csv"}).status_code == 406


def test_healthz_reports_the_store(loaded: Flask) -> None:
    response = loaded.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "store": "oxigraph", "graphs": 3}
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_is_503_when_the_store_cannot_be_queried(make_app: object, tmp_path: Path) -> None:
    app = make_app(STORE=str(tmp_path / "gone"))  # type: ignore[operator]
    app_store(app).close()  # a closed store answers no query
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json is not None
    assert response.json["status"] == "unavailable"

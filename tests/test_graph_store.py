"""The Graph Store HTTP Protocol reads at /graph-store, against a real store."""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from demoi.iris import staging_graph
from demoi.server import app_store

GRAPH = "http://demoi.test/graph/4401/budget/2024"
EMPTY = "http://demoi.test/graph/4401/empty"
TURTLE = (
    b"@prefix ex: <http://example.org/> .\n"
    b'ex:a ex:name "\xce\x9a\xce\xb1\xce\xbb\xce\xb1\xce\xbc\xce\xac\xcf\x84\xce\xb1"@el ;\n'
    b"     ex:part [ ex:value 42 ] .\n"
)


@pytest.fixture
def loaded(app: Flask) -> Flask:
    store = app_store(app)
    store.replace_graph(GRAPH, TURTLE, ox.RdfFormat.TURTLE)
    store.update(f"CREATE GRAPH <{EMPTY}>; INSERT DATA {{ <urn:d> <urn:p> <urn:default> }}")
    return app


def url(graph: str) -> str:
    return "/graph-store?graph=" + quote(graph, safe="")


def isomorphic_size(body: bytes, rdf_format: ox.RdfFormat) -> int:
    return len(list(ox.parse(body, rdf_format)))


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
    ],
)
def test_a_graph_parses_back_in_every_triple_format(
    loaded: Flask, accept: str, rdf_format: ox.RdfFormat
) -> None:
    response = loaded.test_client().get(url(GRAPH), headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    assert response.headers["Vary"] == "Accept"
    triples = list(ox.parse(response.data, rdf_format))
    assert len(triples) == 3
    names = {t.object for t in triples if t.predicate == ox.NamedNode("http://example.org/name")}
    assert names == {ox.Literal("Καλαμάτα", language="el")}


def test_turtle_is_the_default(loaded: Flask) -> None:
    response = loaded.test_client().get(url(GRAPH))
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert isomorphic_size(response.data, ox.RdfFormat.TURTLE) == 3


def test_head_has_the_headers_and_no_body(loaded: Flask) -> None:
    get = loaded.test_client().get(url(GRAPH))
    head = loaded.test_client().head(url(GRAPH))
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["Content-Type"] == get.headers["Content-Type"]
    assert head.headers["Content-Length"] == str(len(get.data))


def test_an_existing_empty_graph_is_200_and_empty(loaded: Flask) -> None:
    response = loaded.test_client().get(url(EMPTY), headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.data.strip() == b""


def test_default_is_the_stores_own_default_graph_not_the_union(loaded: Flask) -> None:
    response = loaded.test_client().get("/graph-store?default", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    triples = [quad.triple for quad in ox.parse(response.data, ox.RdfFormat.TURTLE)]
    assert triples == [
        ox.Triple(ox.NamedNode("urn:d"), ox.NamedNode("urn:p"), ox.NamedNode("urn:default"))
    ]


def test_a_missing_graph_is_404(client: FlaskClient) -> None:
    response = client.get(url("http://demoi.test/graph/9999/nothing"))
    assert response.status_code == 404
    assert response.json is not None
    assert "http://demoi.test/graph/9999/nothing" in response.json["error"]["message"]


def test_a_staging_graph_is_never_served(app: Flask) -> None:
    staging = staging_graph()
    app_store(app).update(f"INSERT DATA {{ GRAPH <{staging}> {{ <urn:s> <urn:p> <urn:o> }} }}")
    response = app.test_client().get(url(staging))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "",  # neither
        "?graph=http%3A%2F%2Fdemoi.test%2Fg&default",  # both
        "?graph=not%20an%20iri",
        "?graph=relative",
        "?graph=urn%3Aa&graph=urn%3Ab",
    ],
)
def test_bad_graph_identification_is_400(client: FlaskClient, query: str) -> None:
    response = client.get("/graph-store" + query)
    assert response.status_code == 400
    assert response.json is not None
    assert response.json["error"]["spec"].startswith("https://www.w3.org/TR/sparql11-http-rdf")


def test_an_unacceptable_format_is_406_listing_the_offer(loaded: Flask) -> None:
    response = loaded.test_client().get(url(GRAPH), headers={"Accept": "application/n-quads"})
    assert response.status_code == 406
    assert response.headers["Vary"] == "Accept"
    message = response.json["error"]["message"] if response.json else ""
    for offered in ("text/turtle", "application/n-triples", "application/rdf+xml"):
        assert offered in message
    assert "application/n-quads;" not in message and "trig" not in message


def test_format_parameter_overrides_accept(loaded: Flask) -> None:
    response = loaded.test_client().get(
        url(GRAPH) + "&format=nt", headers={"Accept": "text/turtle"}
    )
    assert response.mimetype == "application/n-triples"


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_writes_need_a_token(loaded: Flask, method: str) -> None:
    response = loaded.test_client().open(
        url(GRAPH), method=method, data=b"<urn:s> <urn:p> <urn:o> .", content_type="text/turtle"
    )
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert len(list(app_store(loaded).quads(GRAPH))) == 3  # nothing changed


def test_reads_are_open_to_any_origin(loaded: Flask) -> None:
    response = loaded.test_client().get(url(GRAPH), headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/graph-store", "/sparql", "/.well-known/void"])
def test_preflight_allows_reads_but_not_tokens(client: FlaskClient, path: str) -> None:
    response = client.options(
        path,
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "Accept",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert "PUT" not in response.headers["Access-Control-Allow-Methods"]
    assert "Authorization" not in response.headers["Access-Control-Allow-Headers"]


def test_error_responses_carry_cors_too(client: FlaskClient) -> None:
    response = client.get("/sparql?query=SELEC")
    assert response.status_code == 400
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_pages_have_a_strict_content_security_policy(client: FlaskClient) -> None:
    page = client.get("/")
    assert page.mimetype == "text/html"
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src" not in policy  # no script may run at all
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "Access-Control-Allow-Origin" not in page.headers
    assert "Content-Security-Policy" not in client.get("/graph-store?default").headers

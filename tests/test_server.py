"""The SPARQL endpoint over HTTP: in-process for the protocol details, and a real server on an
ephemeral port with SPARQLWrapper as the client."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

from conftest import EXAMPLES
from demoi import tokens
from demoi.lifting import get_mapping, lift
from demoi.publishing import publish_lifted
from demoi.server import app_store

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def publish_kalamata_budget(app: Flask) -> None:
    lifted = lift(
        EXAMPLES / "budget" / "4401-2024-expense.utf16.csv",
        get_mapping("budget-expense"),
        municipality="4401",
        parameters={"year": "2024"},
        base_uri="http://demoi.test/",
    )
    publish_lifted(app_store(app), lifted, base_uri="http://demoi.test/")


@pytest.fixture
def published(app: Flask) -> Flask:
    publish_kalamata_budget(app)
    return app


def test_sparqlwrapper_over_real_http(published: Flask, live_server: str) -> None:
    client = SPARQLWrapper(live_server + "sparql")
    client.setQuery(COUNT)
    client.setReturnFormat(JSON)
    answer = client.query().convert()
    assert int(answer["results"]["bindings"][0]["n"]["value"]) > 100  # type: ignore[index, call-overload]


def test_sparqlwrapper_post_and_csv(published: Flask, live_server: str) -> None:
    client = SPARQLWrapper(live_server + "sparql")
    client.setMethod("POST")
    client.setQuery(
        "PREFIX fin: <https://w3id.org/demoi/def/finance#> "
        "SELECT ?kae WHERE { ?l fin:kaeCode ?kae } ORDER BY ?kae LIMIT 3"
    )
    client.setReturnFormat(CSV)
    rows = client.query().convert().decode().splitlines()  # type: ignore[union-attr]
    assert rows[0] == "kae" and len(rows) == 4


def test_sparqlwrapper_construct_turtle(published: Flask, live_server: str) -> None:
    client = SPARQLWrapper(live_server + "sparql")
    client.setQuery("CONSTRUCT WHERE { ?s <https://w3id.org/demoi/def/finance#paid> ?o } LIMIT 2")
    client.setReturnFormat(TURTLE)
    body = client.query().convert()
    assert b"finance#paid" in body  # type: ignore[operator]


def test_get_post_form_and_direct_post_agree(published: Flask, client: FlaskClient) -> None:
    by_get = client.get("/sparql", query_string={"query": COUNT})
    by_form = client.post("/sparql", data={"query": COUNT})
    direct = client.post("/sparql", data=COUNT.encode(), content_type="application/sparql-query")
    assert by_get.status_code == by_form.status_code == direct.status_code == 200
    assert by_get.json == by_form.json == direct.json
    assert by_get.headers["Vary"] == "Accept"


def test_a_query_string_with_percent_escapes_is_decoded_once(client: FlaskClient) -> None:
    answer = client.post("/sparql", data={"query": 'SELECT ("a%20b" AS ?x) WHERE {}'})
    assert answer.json["results"]["bindings"][0]["x"]["value"] == "a%20b"  # type: ignore[index]


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/json"),  # labelled as the client asked
        ("application/xml", "application/xml"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv; charset=utf-8"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ("", "application/sparql-results+json"),
    ],
)
def test_negotiated_result_formats(client: FlaskClient, accept: str, content_type: str) -> None:
    answer = client.get(
        "/sparql", query_string={"query": "SELECT * WHERE {}"}, headers={"Accept": accept}
    )
    assert answer.status_code == 200 and answer.headers["Content-Type"] == content_type


def test_format_parameter_wins(client: FlaskClient) -> None:
    answer = client.get(
        "/sparql",
        query_string={"query": "SELECT * WHERE {}", "format": "csv"},
        headers={"Accept": "application/json"},
    )
    assert answer.headers["Content-Type"].startswith("text/csv")


def test_malformed_query_is_400_with_position(client: FlaskClient) -> None:
    answer = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert answer.status_code == 400
    assert "line 1, column 25" in answer.json["error"]["message"]  # type: ignore[index]


def test_deeply_nested_query_is_400_not_500(client: FlaskClient) -> None:
    answer = client.get(
        "/sparql", query_string={"query": "SELECT * WHERE " + "{" * 5000 + "}" * 4999}
    )
    assert answer.status_code == 400


def test_406_lists_what_is_offered(client: FlaskClient) -> None:
    answer = client.get(
        "/sparql", query_string={"query": "SELECT * WHERE {}"}, headers={"Accept": "image/png"}
    )
    assert answer.status_code == 406
    assert "application/sparql-results+json" in answer.json["error"]["message"]  # type: ignore[index]


def test_415_for_an_unknown_body(client: FlaskClient) -> None:
    answer = client.post("/sparql", data=b"SELECT", content_type="text/plain")
    assert answer.status_code == 415


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ({"update": "DROP ALL"}, None),
        (b"DROP ALL", "application/sparql-update"),
    ],
)
def test_updates_are_refused_by_the_public_endpoint(
    published: Flask, client: FlaskClient, data: object, content_type: str | None
) -> None:
    before = app_store(published).graphs()
    answer = client.post("/sparql", data=data, content_type=content_type)  # type: ignore[arg-type]
    assert answer.status_code == 403
    assert app_store(published).graphs() == before


def test_service_to_a_remote_host_is_403(client: FlaskClient) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    answer = client.get("/sparql", query_string={"query": query})
    assert answer.status_code == 400 and answer.json["error"]["code"] == "outbound-refused"  # type: ignore[index]


def test_truncated_results_say_so(make_app: Callable[..., Flask]) -> None:
    app = make_app(MAX_RESULT_ROWS=2)
    answer = app.test_client().get(
        "/sparql", query_string={"query": "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }"}
    )
    assert len(answer.json["results"]["bindings"]) == 2  # type: ignore[index]
    assert answer.headers["X-Demoi-Truncated"] == "2"


def test_service_description(client: FlaskClient) -> None:
    answer = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/turtle")
    assert b"sparql-service-description#Service" in answer.data
    assert b"<http://www.w3.org/ns/formats/SPARQL_Results_JSON>" in answer.data
    assert b"<http://www.w3.org/ns/formats/Turtle>" in answer.data


def test_home_page_in_both_languages(published: Flask, client: FlaskClient) -> None:
    greek = client.get("/?lang=el").get_data(as_text=True)
    english = client.get("/?lang=en").get_data(as_text=True)
    assert "Γράφοι" in greek and "Graphs" in english
    assert "Δήμος Καλαμάτας" in greek and "Municipality of Kalamata" in english
    assert "Οικονομικά" in greek and "Finance" in english


def test_home_page_language_from_accept_language(published: Flask, client: FlaskClient) -> None:
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    greek = client.get("/", headers={"Accept-Language": "el-GR,el;q=0.9,en;q=0.5"})
    assert '<html lang="en">' in english.get_data(as_text=True)
    assert '<html lang="el">' in greek.get_data(as_text=True)


def test_home_page_lists_a_municipalitys_graphs(published: Flask, client: FlaskClient) -> None:
    page = client.get("/?municipality=4401&lang=en").get_data(as_text=True)
    assert "http://demoi.test/graph/4401/budget-expense/2024" in page
    assert 'data-area="finance"' in page


def test_home_page_counts_match_the_store(published: Flask, client: FlaskClient) -> None:
    from demoi.server.home import grouped_number

    (graph,) = [g for g in app_store(published).graphs() if "/budget-expense/" in g.iri]
    page = client.get("/?lang=en").get_data(as_text=True)
    assert '<dd id="total-graphs">1</dd>' in page
    assert f'<dd id="total-triples">{grouped_number(graph.triples)}</dd>' in page


def test_home_page_of_an_empty_store_says_so(client: FlaskClient) -> None:
    page = client.get("/?lang=en").get_data(as_text=True)
    assert "The store holds no published municipal graphs yet." in page
    assert "Payments per KAE chapter" in page  # the examples are there all the same


def test_home_page_groups_by_region_above_the_row_limit(
    published: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from demoi.server import home

    monkeypatch.setattr(home, "MUNICIPALITY_ROWS_LIMIT", 0)
    page = client.get("/?lang=en").get_data(as_text=True)
    assert "Region of Peloponnese" in page and "?region=EL65" in page
    region = client.get("/?region=EL65&lang=en").get_data(as_text=True)
    assert "Municipality of Kalamata" in region


def test_home_page_counts_a_graph_published_after_it_was_shown(
    app: Flask, client: FlaskClient
) -> None:
    assert "Municipality of Kalamata" not in client.get("/?lang=en").get_data(as_text=True)
    publish_kalamata_budget(app)
    assert "Municipality of Kalamata" in client.get("/?lang=en").get_data(as_text=True)


def test_home_page_names_an_unknown_code(client: FlaskClient) -> None:
    page = client.get("/?municipality=9999&lang=en").get_data(as_text=True)
    assert "Unknown code: 9999" in page


def test_excluded_canonical_type_is_not_sent_under_its_alias(client: FlaskClient) -> None:
    # Regression: json was excluded by q=0 but its alias matched */* and the response still
    # carried the excluded media type.
    answer = client.get(
        "/sparql",
        query_string={"query": "SELECT * WHERE {}"},
        headers={"Accept": "application/sparql-results+json;q=0, */*"},
    )
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] != "application/sparql-results+json"


@pytest.mark.parametrize(("value", "status"), [("ttl", 406), ("bogus", 400), ("text/turtle", 406)])
def test_format_parameter_that_cannot_be_honoured(
    client: FlaskClient, value: str, status: int
) -> None:
    # Regression: format=ttl on a SELECT was silently ignored.
    answer = client.get("/sparql", query_string={"query": "SELECT * WHERE {}", "format": value})
    assert answer.status_code == status


def test_a_malformed_default_graph_uri_is_400(client: FlaskClient) -> None:
    # Regression: it was a 500.
    answer = client.get(
        "/sparql", query_string={"query": "SELECT * WHERE {}", "default-graph-uri": "not an iri"}
    )
    assert answer.status_code == 400 and "default-graph-uri" in answer.json["error"]["message"]  # type: ignore[index]


def test_a_body_over_the_upload_limit_is_413(make_app: Callable[..., Flask]) -> None:
    app = make_app(MAX_UPLOAD_SIZE=100)
    query = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 200
    answer = app.test_client().post("/sparql", data={"query": query})
    assert answer.status_code == 413 and answer.json["error"]["status"] == 413  # type: ignore[index]
    small = app.test_client().post("/sparql", data={"query": "ASK {}"})
    assert small.status_code == 200


def test_a_query_past_its_time_limit_is_503(make_app: Callable[..., Flask]) -> None:
    app = make_app(QUERY_TIMEOUT=0.1)
    triples = "\n".join(f"<http://s/{i}> <http://p> {i % 300} ." for i in range(3000))
    app_store(app).replace_graph(
        "http://g", triples.encode(), __import__("pyoxigraph").RdfFormat.TURTLE
    )
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?p ?y FILTER(?x = ?y) }"
    answer = app.test_client().get("/sparql", query_string={"query": slow})
    assert answer.status_code == 503 and answer.json["error"]["code"] == "query-timeout"  # type: ignore[index]


def test_head_is_answered_like_get(client: FlaskClient) -> None:
    # Found in review: HEAD fell through to the POST branch and got 415.
    answer = client.head("/sparql", query_string={"query": "ASK {}"})
    assert answer.status_code == 200 and answer.data == b""


def test_a_result_the_format_cannot_carry_is_406(client: FlaskClient) -> None:
    # Found in review: a control character in XML results made invalid XML.
    answer = client.get(
        "/sparql",
        query_string={"query": 'SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }', "format": "xml"},
    )
    assert answer.status_code == 406 and "XML" in answer.json["error"]["message"]  # type: ignore[index]
    assert (
        client.get(
            "/sparql",
            query_string={"query": 'SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }', "format": "json"},
        ).status_code
        == 200
    )


# -- protocol-given update datasets and the base IRI ---------------------------------------

A, B, TARGET = "http://demoi.test/graph/1/a", "http://demoi.test/graph/1/b", "http://e/target"
COPY_DEFAULT = f"INSERT {{ GRAPH <{TARGET}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}"
COPY_NAMED = f"INSERT {{ GRAPH <{TARGET}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"


@pytest.fixture
def admin_app(make_app: Callable[..., Flask], tmp_path: Path) -> tuple[Flask, str]:
    tokens_path = tmp_path / "tokens.json"
    app = make_app(TESTING=True, BASE_URI="http://demoi.test/", TOKENS=str(tokens_path))
    _, secret = tokens.create(tokens_path, tokens.ADMIN)
    app_store(app).update(
        f"INSERT DATA {{ GRAPH <{A}> {{ <http://e/a> <http://e/p> 1 }} "
        f"GRAPH <{B}> {{ <http://e/b> <http://e/p> 2 }} }}"
    )
    return app, secret


def post_with_dataset(  # type: ignore[no-untyped-def]
    app: Flask, secret: str, update: str, dataset: dict[str, list[str]], *, form: bool = False
):
    headers = {"Authorization": f"Bearer {secret}"}
    if form:
        return app.test_client().post(
            "/sparql", data={"update": update, **dataset}, headers=headers
        )
    return app.test_client().post(
        "/sparql",
        query_string=dataset,
        data=update.encode(),
        content_type="application/sparql-update",
        headers=headers,
    )


def subjects_of(app: Flask, graph: str) -> set[str]:
    return {quad.subject.value for quad in app_store(app).quads(graph)}  # type: ignore[union-attr]


@pytest.mark.parametrize("form", [False, True])
@pytest.mark.parametrize(
    ("update", "dataset", "copied"),
    [
        (COPY_DEFAULT, {"using-graph-uri": [A]}, {"http://e/a"}),
        (COPY_DEFAULT, {"using-graph-uri": [A, B]}, {"http://e/a", "http://e/b"}),
        (COPY_NAMED, {"using-named-graph-uri": [B]}, {"http://e/b"}),
        # only named graphs given: the default graph of the WHERE is empty
        (COPY_DEFAULT, {"using-named-graph-uri": [B]}, set()),
        (COPY_NAMED, {"using-graph-uri": [A], "using-named-graph-uri": [B]}, {"http://e/b"}),
    ],
)
def test_using_graph_uri_parameters_choose_the_update_dataset(
    admin_app: tuple[Flask, str],
    update: str,
    dataset: dict[str, list[str]],
    copied: set[str],
    form: bool,
) -> None:
    app, secret = admin_app
    answer = post_with_dataset(app, secret, update, dataset, form=form)
    assert answer.status_code == 200, answer.json
    assert subjects_of(app, TARGET) == copied


def test_using_graph_uri_applies_to_every_operation_and_not_to_text_that_looks_like_one(
    admin_app: tuple[Flask, str],
) -> None:
    app, secret = admin_app
    update = (
        f'INSERT {{ GRAPH <{TARGET}> {{ ?s ?p "WHERE {{ }}" }} }} # WHERE\n'
        "WHERE { ?s ?p ?o FILTER EXISTS { SELECT ?s WHERE { ?s ?p ?o } } } ;\n"
        "INSERT DATA { <http://e/c> <http://e/p> 3 } ;\n"
        f"DELETE {{ GRAPH <{A}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{A}> {{ ?s ?p ?o }} }}"
    )
    answer = post_with_dataset(app, secret, update, {"using-graph-uri": [B]})
    assert answer.status_code == 200, answer.json
    assert subjects_of(app, TARGET) == {"http://e/b"}
    # the DELETE's WHERE sees only the named graphs the request gives (none): nothing removed
    assert subjects_of(app, A) == {"http://e/a"}


@pytest.mark.parametrize(
    "update",
    [
        f"WITH <{A}> INSERT {{ GRAPH <{TARGET}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}",
        f"INSERT {{ GRAPH <{TARGET}> {{ ?s ?p ?o }} }} USING <{A}> WHERE {{ ?s ?p ?o }}",
        f"INSERT {{ GRAPH <{TARGET}> {{ ?s ?p ?o }} }} USING NAMED <{A}> WHERE {{ ?s ?p ?o }}",
        # no USING possible in DELETE WHERE: refused rather than run on another dataset
        "DELETE WHERE { ?s ?p ?o }",
    ],
)
def test_using_graph_uri_with_a_dataset_in_the_update_is_400(
    admin_app: tuple[Flask, str], update: str
) -> None:
    app, secret = admin_app
    before = app_store(app).graphs()
    answer = post_with_dataset(app, secret, update, {"using-graph-uri": [B]})
    assert answer.status_code == 400, answer.json
    assert "using-graph-uri" in answer.json["error"]["message"]  # type: ignore[index]
    assert app_store(app).graphs() == before


def test_relative_iris_resolve_against_the_endpoint(admin_app: tuple[Flask, str]) -> None:
    app, secret = admin_app
    client = app.test_client()
    update = f"INSERT DATA {{ GRAPH <{TARGET}> {{ <s> <http://e/p> <o> }} }}"
    answer = client.post(
        "/sparql",
        data=update.encode(),
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {secret}"},
        base_url="http://municipality.example/",
    )
    assert answer.status_code == 200, answer.json
    assert subjects_of(app, TARGET) == {"http://municipality.example/s"}
    answer = client.get(
        "/sparql",
        query_string={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}", "format": "nt"},
        base_url="http://municipality.example/",
    )
    assert answer.status_code == 200, answer.json
    assert answer.text.strip() == (
        "<http://municipality.example/s> <http://municipality.example/p> "
        '"1"^^<http://www.w3.org/2001/XMLSchema#integer> .'
    )


def test_home_page_reads_records_only_from_the_catalogue_graphs(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    # Regression: the home page summed the DCAT records of every graph, so a municipality's
    # token could write, in a graph of its own, records for another municipality (shown as
    # its data) or a record with 1.5 triples, which made the page a 500 for every visitor.
    from demoi.catalogue import DCAT, DCTERMS, DEMOI
    from demoi.iris import MUNICIPALITY_CODES

    tokens_path = tmp_path / "tokens.json"
    app = make_app(TESTING=True, BASE_URI="http://demoi.test/", TOKENS=str(tokens_path))
    publish_kalamata_budget(app)
    _, secret = tokens.create(tokens_path, "4401")
    area = "https://w3id.org/demoi/code/functional-area/finance"
    fake = (
        f"INSERT DATA {{ GRAPH <http://demoi.test/graph/4401/notes> {{ "
        f"<http://demoi.test/id/fake/1> a <{DCAT}Dataset> ; "
        f"<{DCTERMS}relation> <http://demoi.test/graph/7101/budget> ; "
        f"<{DEMOI}municipality> <{MUNICIPALITY_CODES}7101> ; <{DEMOI}functionalArea> <{area}> ; "
        f'<http://rdfs.org/ns/void#triples> 1.5 ; <{DCTERMS}modified> "2024-01-01" }} }}'
    )
    client = app.test_client()
    answer = client.post(
        "/sparql",
        data=fake.encode(),
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert answer.status_code == 200, answer.json
    home = client.get("/?lang=en")
    assert home.status_code == 200
    page = home.get_data(as_text=True)
    assert "Municipality of Kalamata" in page
    assert "Heraklion" not in page
    heraklion = client.get("/?municipality=7101&lang=en").get_data(as_text=True)
    assert "http://demoi.test/graph/7101/budget" not in heraklion

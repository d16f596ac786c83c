"""Nothing a client sends makes the server reach out: a canary HTTP server on 127.0.0.1 records
every connection and request, and after each attack it must have seen none.

SERVICE and LOAD (and a SERVICE inside an update) to a host that is not allow-listed are refused
before anything is fetched; FROM, FROM NAMED and the protocol's default-graph-uri /
named-graph-uri only choose graphs of the store, so they are answered without fetching; RDF/XML
that takes an entity or its DTD from outside is refused, a JSON-LD remote @context is refused,
and owl:imports is stored as a triple like any other. The positive controls prove the canary
would have seen a fetch: urllib reaches it, and so does pyoxigraph once 127.0.0.1 is
allow-listed.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask

from demoi import tokens
from demoi.server import app_store, create_app

BASE = "http://demoi.test/"
GRAPH = f"{BASE}graph/4401/budget/2024"
SPARQL_JSON = json.dumps(
    {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "c"}}]}}
).encode()
TURTLE = b"<http://canary/s> <http://canary/p> <http://canary/o> .\n"


class Canary(ThreadingHTTPServer):
    """Records every connection and every request; answers each request with something a
    fetcher would take (SPARQL results, Turtle, a JSON-LD context, a DTD)."""

    daemon_threads = True

    def __init__(self) -> None:
        self.seen: list[str] = []
        super().__init__(("127.0.0.1", 0), _CanaryHandler)

    def verify_request(self, request: object, client_address: object) -> bool:
        self.seen.append(f"connection from {client_address}")
        return True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    @property
    def requests(self) -> list[str]:
        return [entry for entry in self.seen if not entry.startswith("connection")]


class _CanaryHandler(BaseHTTPRequestHandler):
    server: Canary

    def _answer(self) -> None:
        self.server.seen.append(f"{self.command} {self.path}")
        if "sparql" in self.path:
            body, media_type = SPARQL_JSON, "application/sparql-results+json"
        elif "context" in self.path:
            body, media_type = b'{"@context": {"p": "http://canary/p"}}', "application/ld+json"
        elif "dtd" in self.path or "entity" in self.path:
            body, media_type = b"canary", "application/xml-dtd"
        else:
            body, media_type = TURTLE, "text/turtle"
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _answer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass  # the test reads self.server.seen; nothing on stderr


@pytest.fixture
def tokens_path(tmp_path: Path) -> Path:
    return tmp_path / "secrets" / "tokens.json"


@pytest.fixture
def app(store_path: Path, tokens_path: Path) -> Iterator[Flask]:
    """The conftest app with write tokens on (live_server serves this one); nothing allow-listed."""
    app = create_app(
        {"TESTING": True, "STORE": str(store_path), "BASE_URI": BASE, "TOKENS": str(tokens_path)}
    )
    yield app
    app_store(app).close()


@pytest.fixture
def admin(tokens_path: Path) -> dict[str, str]:
    _, secret = tokens.create(tokens_path, tokens.ADMIN)
    return {"Authorization": f"Bearer {secret}"}


def send(url: str, *, data: bytes | None = None, method: str = "GET", **headers: str):  # type: ignore[no-untyped-def]
    """(status, JSON or text body) of a real HTTP request; errors are answers too."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def error_of(body: str) -> dict[str, object]:
    document = json.loads(body)
    assert set(document) == {"error"}
    error: dict[str, object] = document["error"]
    assert error["message"]
    return error


def queries(canary: str) -> dict[str, str]:
    return {
        "SERVICE": f"SELECT * WHERE {{ SERVICE <{canary}sparql> {{ ?s ?p ?o }} }}",
        "SERVICE SILENT by a prefixed name": (
            f"PREFIX c: <{canary}> SELECT * WHERE {{ SERVICE SILENT c:sparql {{ ?s ?p ?o }} }}"
        ),
        "SERVICE inside FILTER EXISTS": (
            f"ASK {{ FILTER EXISTS {{ SERVICE <{canary}sparql> {{ ?s ?p ?o }} }} }}"
        ),
    }


def dataset_queries(canary: str) -> dict[str, str]:
    return {
        "FROM": f"SELECT * FROM <{canary}data.ttl> WHERE {{ ?s ?p ?o }}",
        "FROM NAMED": f"SELECT * FROM NAMED <{canary}data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "CONSTRUCT FROM": f"CONSTRUCT {{ ?s ?p ?o }} FROM <{canary}data.ttl> WHERE {{ ?s ?p ?o }}",
    }


def updates(canary: str) -> dict[str, str]:
    return {
        "LOAD": f"LOAD <{canary}data.ttl>",
        "LOAD INTO GRAPH": f"LOAD SILENT <{canary}data.ttl> INTO GRAPH <{GRAPH}>",
        "SERVICE in an update's WHERE": (
            f"INSERT {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }} "
            f"WHERE {{ SERVICE <{canary}sparql> {{ ?s ?p ?o }} }}"
        ),
    }


def test_refused_queries_fetch_nothing(live_server: str, canary: Canary) -> None:
    for name, query in queries(canary.url).items():
        status, body = send(f"{live_server}sparql?query={quote(query)}")
        assert status == 400, name
        assert error_of(body)["code"] == "outbound-refused", name
        status, body = send(
            f"{live_server}sparql",
            data=query.encode(),
            method="POST",
            **{"Content-Type": "application/sparql-query"},
        )
        assert status == 400, name
    assert canary.seen == []


def test_from_and_from_named_on_other_hosts_are_refused_before_any_fetch(
    live_server: str, canary: Canary
) -> None:
    for name, query in dataset_queries(canary.url).items():
        status, body = send(f"{live_server}sparql?query={quote(query)}")
        assert status == 400, (name, body)
        assert error_of(body)["code"] == "outbound-refused", name
    graph = quote(f"{canary.url}data.ttl")
    for parameter in ("default-graph-uri", "named-graph-uri"):
        status, body = send(
            f"{live_server}sparql?query={quote('SELECT * WHERE { ?s ?p ?o }')}&{parameter}={graph}"
        )
        assert status == 400 and error_of(body)["code"] == "outbound-refused", parameter
    assert canary.seen == []


def test_from_may_name_graphs_of_the_store_and_of_this_server(live_server: str) -> None:
    own = f"{live_server}graph/4401/not-published-yet"
    for query in (
        f"SELECT * FROM <{own}> WHERE {{ ?s ?p ?o }}",
        "SELECT * FROM <urn:demoi:graph> WHERE { ?s ?p ?o }",  # a name nothing could fetch
        f"SELECT * FROM NAMED <{own}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ):
        status, body = send(f"{live_server}sparql?query={quote(query)}")
        assert status == 200, (query, body)
    local_file = "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"
    status, body = send(f"{live_server}sparql?query={quote(local_file)}")
    assert status == 400 and error_of(body)["code"] == "outbound-refused"


def test_refused_updates_fetch_nothing_even_with_the_admin_token(
    live_server: str, canary: Canary, admin: dict[str, str]
) -> None:
    for name, update in updates(canary.url).items():
        status, body = send(
            f"{live_server}sparql",
            data=update.encode(),
            method="POST",
            **{"Content-Type": "application/sparql-update"},
            **admin,
        )
        assert status == 400, (name, body)
        assert error_of(body)["code"] == "outbound-refused", name
    assert canary.seen == []


def rdf_xml_with(doctype: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">'
        '<rdf:Description rdf:about="http://e/a"><e:p>&ext;</e:p></rdf:Description></rdf:RDF>'
    ).encode()


def test_rdf_xml_with_an_outside_entity_or_dtd_is_refused(
    live_server: str, canary: Canary, admin: dict[str, str]
) -> None:
    documents = {
        "external entity": f'<!DOCTYPE rdf:RDF [ <!ENTITY ext SYSTEM "{canary.url}entity"> ]>',
        "public entity": (
            f'<!DOCTYPE rdf:RDF [ <!ENTITY ext PUBLIC "-//canary//x" "{canary.url}entity"> ]>'
        ),
        "parameter entity": (
            f'<!DOCTYPE rdf:RDF [ <!ENTITY % dtd SYSTEM "{canary.url}dtd"> %dtd; '
            '<!ENTITY ext "x"> ]>'
        ),
        "external DTD": f'<!DOCTYPE rdf:RDF SYSTEM "{canary.url}dtd" [ <!ENTITY ext "x"> ]>',
        "external DTD, lower case": (
            f'<!doctype rdf:RDF system "{canary.url}dtd" [ <!ENTITY ext "x"> ]>'
        ),
    }
    for name, doctype in documents.items():
        for method in ("PUT", "POST"):
            status, body = send(
                f"{live_server}graph-store?graph={quote(GRAPH)}",
                data=rdf_xml_with(doctype),
                method=method,
                **{"Content-Type": "application/rdf+xml"},
                **admin,
            )
            assert status == 400, (name, method, body)
            assert "outside the file" in str(error_of(body)["message"]), name
    assert canary.seen == []


def test_a_remote_json_ld_context_is_refused(
    live_server: str, canary: Canary, admin: dict[str, str]
) -> None:
    contexts: list[object] = [
        f"{canary.url}context",
        [f"{canary.url}context", {"e": "http://e/"}],
        {"@import": f"{canary.url}context"},
    ]
    for context in contexts:
        document = {"@context": context, "@id": "http://e/a", "p": "x"}
        status, body = send(
            f"{live_server}graph-store?graph={quote(GRAPH)}",
            data=json.dumps(document).encode(),
            method="PUT",
            **{"Content-Type": "application/ld+json"},
            **admin,
        )
        assert status == 400, (context, body)
        assert "context" in str(error_of(body)["message"])
    assert canary.seen == []


def test_owl_imports_is_stored_not_followed(
    live_server: str, canary: Canary, admin: dict[str, str]
) -> None:
    turtle = (
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        f"<http://e/ontology> a owl:Ontology ; owl:imports <{canary.url}ontology.ttl> .\n"
    )
    status, body = send(
        f"{live_server}graph-store?graph={quote(GRAPH)}",
        data=turtle.encode(),
        method="PUT",
        **{"Content-Type": "text/turtle"},
        **admin,
    )
    assert status in (201, 204), body
    status, body = send(f"{live_server}graph-store?graph={quote(GRAPH)}", Accept="text/turtle")
    assert status == 200 and f"{canary.url}ontology.ttl" in body
    assert "canary/" not in body  # the import's own triples were not fetched
    assert canary.seen == []


def test_the_canary_sees_a_direct_request(canary: Canary) -> None:
    status, body = send(f"{canary.url}data.ttl")
    assert status == 200 and body == TURTLE.decode()
    assert canary.requests == ["GET /data.ttl"]


def test_the_canary_sees_service_and_load_once_its_host_is_allow_listed(
    canary: Canary, make_app: Callable[..., Flask], tokens_path: Path, admin: dict[str, str]
) -> None:
    # The positive control: the same requests as above do reach the canary when the operator
    # allows its host, so its silence in the other tests means nothing was fetched.
    app = make_app(TESTING=True, BASE_URI=BASE, TOKENS=str(tokens_path), ALLOWED_HOSTS="127.0.0.1")
    client = app.test_client()
    answer = client.get("/sparql", query_string={"query": queries(canary.url)["SERVICE"]})
    assert answer.status_code == 200, answer.data
    assert canary.requests == ["POST /sparql"] or canary.requests == ["GET /sparql"]
    answer = client.post(
        "/sparql",
        data=f"LOAD <{canary.url}data.ttl> INTO GRAPH <{GRAPH}>".encode(),
        content_type="application/sparql-update",
        headers=admin,
    )
    assert answer.status_code == 200, answer.data
    assert canary.requests[-1] == "GET /data.ttl"
    assert {info.iri: info.triples for info in app_store(app).graphs()}[GRAPH] == 1

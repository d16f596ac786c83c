"""The Graph Store HTTP Protocol at /graph-store, reads and token writes, against a real store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from demoi import tokens
from demoi.iris import staging_graph
from demoi.server import app_store
from demoi.store import OxigraphStore

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
    # Scripts only from this server: never inline, never from another host.
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "Access-Control-Allow-Origin" not in page.headers
    assert "Content-Security-Policy" not in client.get("/graph-store?default").headers


# -- writes with a token ------------------------------------------------------------------

BASE = "http://demoi.test/"
HERAKLION = f"{BASE}graph/7101/budget/2024"
NEW = f"{BASE}graph/4401/parks"
NT = "application/n-triples"


@pytest.fixture
def tokens_path(tmp_path: Path) -> Path:
    return tmp_path / "secrets" / "tokens.json"


@pytest.fixture
def writable(make_app: Callable[..., Flask], tokens_path: Path) -> Flask:
    app = make_app(TESTING=True, BASE_URI=BASE, TOKENS=str(tokens_path), MAX_UPLOAD_SIZE=4096)
    store = app_store(app)
    store.replace_graph(GRAPH, TURTLE, ox.RdfFormat.TURTLE)
    store.replace_graph(HERAKLION, TURTLE, ox.RdfFormat.TURTLE)
    return app


@pytest.fixture
def kalamata(tokens_path: Path) -> str:
    return tokens.create(tokens_path, "4401")[1]


@pytest.fixture
def admin(tokens_path: Path) -> str:
    return tokens.create(tokens_path, tokens.ADMIN)[1]


def write(  # type: ignore[no-untyped-def]
    app: Flask,
    method: str,
    target: str,
    secret: str | None,
    body: bytes = b"<urn:s> <urn:p> <urn:o> .\n",
    content_type: str = NT,
):
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return app.test_client().open(
        target, method=method, data=body, content_type=content_type, headers=headers
    )


def triples_of(app: Flask, graph: str) -> set[ox.Triple]:
    return {quad.triple for quad in app_store(app).quads(graph)}


def audit(tokens_path: Path) -> list[dict[str, object]]:
    return list(tokens.read_audit(tokens_path))


S, P = ox.NamedNode("urn:s"), ox.NamedNode("urn:p")


def test_put_replaces_a_graph_and_is_204_then_201_for_a_new_one(
    writable: Flask, kalamata: str, tokens_path: Path
) -> None:
    response = write(writable, "PUT", url(GRAPH), kalamata)
    assert response.status_code == 204
    assert triples_of(writable, GRAPH) == {ox.Triple(S, P, ox.NamedNode("urn:o"))}
    assert write(writable, "PUT", url(NEW), kalamata).status_code == 201
    assert len(triples_of(writable, NEW)) == 1
    first, second = audit(tokens_path)
    assert first["operation"] == "graph-store PUT"
    assert first["scope"] == "4401"
    assert first["graphs"] == {GRAPH: {"added": 1, "removed": 3}}
    assert second["graphs"] == {NEW: {"added": 1, "removed": 0}}


def test_put_records_provenance(writable: Flask, kalamata: str) -> None:
    write(writable, "PUT", url(NEW), kalamata)
    generated = app_store(writable).query(
        f"ASK {{ GRAPH <{BASE}graph/provenance> {{ <{NEW}> "
        "<http://www.w3.org/ns/prov#wasGeneratedBy> ?activity } }"
    )
    assert generated.boolean is True


def test_post_merges_and_resolves_relative_iris_against_the_graph(
    writable: Flask, kalamata: str, tokens_path: Path
) -> None:
    response = write(
        writable, "POST", url(GRAPH), kalamata, b"<#x> <urn:p> 1 .", content_type="text/turtle"
    )
    assert response.status_code == 204
    merged = triples_of(writable, GRAPH)
    assert len(merged) == 4
    assert ox.Triple(ox.NamedNode(GRAPH + "#x"), P, ox.Literal(1)) in merged
    assert audit(tokens_path)[0]["graphs"] == {GRAPH: {"added": 1, "removed": 0}}


def test_post_to_a_new_graph_is_201_even_when_empty(writable: Flask, kalamata: str) -> None:
    assert write(writable, "POST", url(NEW), kalamata, b"").status_code == 201
    assert write(writable, "GET", url(NEW), None).status_code == 200


def test_put_of_an_empty_body_creates_an_empty_graph(writable: Flask, kalamata: str) -> None:
    """It answered 201 Created, and then 404 for the graph it said it had created."""
    assert write(writable, "PUT", url(NEW), kalamata, b"").status_code == 201
    answer = write(writable, "GET", url(NEW), None)
    assert answer.status_code == 200
    assert answer.data.strip() == b""


def test_delete_drops_and_a_missing_graph_is_404(
    writable: Flask, kalamata: str, tokens_path: Path
) -> None:
    assert write(writable, "DELETE", url(GRAPH), kalamata, b"").status_code == 204
    assert triples_of(writable, GRAPH) == set()
    assert write(writable, "GET", url(GRAPH), None).status_code == 404
    assert write(writable, "DELETE", url(GRAPH), kalamata, b"").status_code == 404
    assert len(audit(tokens_path)) == 1  # a write that fails is not logged
    invalidated = app_store(writable).query(
        f"ASK {{ GRAPH <{BASE}graph/provenance> {{ ?activity "
        f"<http://www.w3.org/ns/prov#invalidated> <{GRAPH}> }} }}"
    )
    assert invalidated.boolean is True
    assert audit(tokens_path)[0]["graphs"] == {GRAPH: {"added": 0, "removed": 3}}


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
@pytest.mark.parametrize(
    "target",
    [
        url(HERAKLION),  # another municipality's graph
        "/graph-store?default",
        url(f"{BASE}graph/4401/catalogue"),  # kept by demoi from the publications
        url(f"{BASE}graph/provenance"),
        url("http://elsewhere.example/graph/4401/budget"),
    ],
)
def test_a_municipality_token_outside_its_scope_is_403(
    writable: Flask, kalamata: str, tokens_path: Path, method: str, target: str
) -> None:
    before = {info.iri: info.triples for info in app_store(writable).graphs()}
    response = write(writable, method, target, kalamata)
    assert response.status_code == 403
    assert response.json is not None and response.json["error"]["code"] == "forbidden"
    assert {info.iri: info.triples for info in app_store(writable).graphs()} == before
    assert audit(tokens_path) == []


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_the_admin_token_writes_any_graph(
    writable: Flask, admin: str, tokens_path: Path, method: str
) -> None:
    response = write(writable, method, url(HERAKLION), admin)
    assert response.status_code == 204
    expected = {"PUT": 1, "POST": 4, "DELETE": 0}[method]
    assert len(triples_of(writable, HERAKLION)) == expected
    assert audit(tokens_path)[0]["scope"] == tokens.ADMIN


@pytest.mark.parametrize("kept", ["graph/provenance", "graph/conformance"])
@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_not_even_the_admin_token_writes_demois_own_graphs(
    writable: Flask, admin: str, kept: str, method: str
) -> None:
    """Regression: an admin token could overwrite the provenance and the conformance reports
    through the Graph Store, recording what never happened."""
    graph = f"{BASE}{kept}"
    response = write(writable, method, url(graph), admin)
    assert response.status_code == 403
    assert response.json is not None and "kept by demoi itself" in response.json["error"]["message"]
    assert triples_of(writable, graph) == set()


def test_the_admin_token_writes_the_default_graph(writable: Flask, admin: str) -> None:
    assert write(writable, "PUT", "/graph-store?default", admin).status_code == 204
    assert (
        write(writable, "POST", "/graph-store?default", admin, b'<urn:s> <urn:p> "2" .').status_code
        == 204
    )
    body = write(writable, "GET", "/graph-store?default", None, b"").data
    assert isomorphic_size(body, ox.RdfFormat.TURTLE) == 2
    assert write(writable, "DELETE", "/graph-store?default", admin, b"").status_code == 204
    body = write(writable, "GET", "/graph-store?default", None, b"").data
    assert isomorphic_size(body, ox.RdfFormat.TURTLE) == 0


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
@pytest.mark.parametrize("secret", [None, "not-a-token"])
def test_writes_without_a_valid_token_are_401(
    writable: Flask, tokens_path: Path, method: str, secret: str | None
) -> None:
    response = write(writable, method, url(GRAPH), secret)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert len(triples_of(writable, GRAPH)) == 3
    assert not tokens.audit_log_path(tokens_path).exists()


def test_a_revoked_token_is_401(writable: Flask, tokens_path: Path) -> None:
    token, secret = tokens.create(tokens_path, "4401")
    tokens.revoke(tokens_path, token.id)
    assert write(writable, "PUT", url(GRAPH), secret).status_code == 401


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_malformed_rdf_is_400_naming_the_line_and_nothing_changes(
    writable: Flask, kalamata: str, tokens_path: Path, method: str
) -> None:
    body = b"<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:p> .\n"
    response = write(writable, method, url(GRAPH), kalamata, body, content_type="text/turtle")
    assert response.status_code == 400
    assert response.json is not None
    assert "request body, line 2" in response.json["error"]["message"]
    assert len(triples_of(writable, GRAPH)) == 3


@pytest.mark.parametrize("method", ["PUT", "POST"])
@pytest.mark.parametrize("content_type", ["application/n-quads", "text/csv", ""])
def test_an_unsupported_content_type_is_415(
    writable: Flask, kalamata: str, method: str, content_type: str
) -> None:
    response = write(writable, method, url(GRAPH), kalamata, content_type=content_type)
    assert response.status_code == 415
    assert response.json is not None and "text/turtle" in response.json["error"]["message"]
    assert len(triples_of(writable, GRAPH)) == 3


def test_a_body_over_max_upload_size_is_413(writable: Flask, kalamata: str) -> None:
    body = b"".join(b"<urn:s> <urn:p> %d .\n" % n for n in range(500))
    response = write(writable, "PUT", url(GRAPH), kalamata, body)
    assert response.status_code == 413
    assert len(triples_of(writable, GRAPH)) == 3


def test_entity_expansion_in_rdf_xml_is_refused(writable: Flask, kalamata: str) -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "x"><!ENTITY b "&a;&a;">]>'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    )
    response = write(writable, "PUT", url(GRAPH), kalamata, body, "application/rdf+xml")
    assert response.status_code == 400
    assert len(triples_of(writable, GRAPH)) == 3


def test_rdf_xml_with_any_doctype_is_refused_over_http_naming_where(
    writable: Flask, kalamata: str, tmp_path: Path
) -> None:
    # The issue: RDF/XML with DOCTYPE or entities is refused. A plain entity is harmless to
    # pyoxigraph, but nothing sent over the network needs one; an operator's OWL file may.
    body = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY ex "http://example.org/">]>\n'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="&ex;a"><rdf:value>1</rdf:value></rdf:Description>'
        b"</rdf:RDF>"
    )
    response = write(writable, "PUT", url(GRAPH), kalamata, body, "application/rdf+xml")
    assert response.status_code == 400
    message = response.json["error"]["message"]  # type: ignore[index]
    assert "line 2, column 1" in message and "DOCTYPE" in message
    assert len(triples_of(writable, GRAPH)) == 3
    owl_file = tmp_path / "vocabulary.rdf"
    owl_file.write_bytes(body)
    store = OxigraphStore(tmp_path / "operator-store")
    try:
        assert store.replace_graph(GRAPH, owl_file, ox.RdfFormat.RDF_XML) == 1
    finally:
        store.close()


def test_a_remote_json_ld_context_is_never_fetched(writable: Flask, kalamata: str) -> None:
    body = b'{"@context": "http://127.0.0.1:1/context.jsonld", "@id": "urn:s", "p": 1}'
    response = write(writable, "POST", url(GRAPH), kalamata, body, "application/ld+json")
    assert response.status_code == 400
    assert response.json is not None and "remote @context" in response.json["error"]["message"]


def test_a_read_only_server_refuses_a_token_with_403(loaded: Flask) -> None:
    response = write(loaded, "PUT", url(GRAPH), "some-secret")
    assert response.status_code == 403
    assert len(list(app_store(loaded).quads(GRAPH))) == 3


def multipart(*parts: tuple[str, str, bytes], boundary: str = "demoi-part") -> bytes:
    """A multipart/form-data body of file parts (name, Content-Type, content), built by hand
    so each part carries exactly the Content-Type under test."""
    body = b""
    for name, content_type, content in parts:
        body += (
            (
                f"--{boundary}\r\nContent-Disposition: form-data; name={name!r}; "
                f"filename={name!r}\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .replace("'", '"')
            .encode()
            + content
            + b"\r\n"
        )
    return body + f"--{boundary}--\r\n".encode()


FORM = "multipart/form-data; boundary=demoi-part"


def test_a_multipart_post_merges_every_part_by_its_own_content_type(
    writable: Flask, kalamata: str, tokens_path: Path
) -> None:
    body = multipart(
        ("a.ttl", "text/turtle; charset=utf-8", b"<#x> <urn:p> 1 ."),
        ("b.nt", NT, b"<urn:s> <urn:p> <urn:o> .\n"),
        ("c.jsonld", "application/ld+json", b'{"@id": "urn:s", "urn:p": "json"}'),
    )
    response = write(writable, "POST", url(GRAPH), kalamata, body, FORM)
    assert response.status_code == 204
    merged = triples_of(writable, GRAPH)
    assert len(merged) == 6
    assert ox.Triple(ox.NamedNode(GRAPH + "#x"), P, ox.Literal(1)) in merged
    assert ox.Triple(S, P, ox.Literal("json")) in merged
    [entry] = audit(tokens_path)  # one write, one update
    assert entry["graphs"] == {GRAPH: {"added": 3, "removed": 0}}


def test_a_bad_multipart_part_is_400_naming_the_part_and_nothing_changes(
    writable: Flask, kalamata: str, tokens_path: Path
) -> None:
    body = multipart(
        ("good.nt", NT, b"<urn:s> <urn:p> <urn:o> .\n"),
        ("bad.ttl", "text/turtle", b"<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:p> .\n"),
    )
    response = write(writable, "POST", url(GRAPH), kalamata, body, FORM)
    assert response.status_code == 400
    assert response.json is not None
    assert "part 'bad.ttl', line 2" in response.json["error"]["message"]
    assert len(triples_of(writable, GRAPH)) == 3
    assert audit(tokens_path) == []


def test_a_multipart_part_in_an_unsupported_format_is_415(writable: Flask, kalamata: str) -> None:
    body = multipart(("a.nt", NT, b"<urn:s> <urn:p> <urn:o> .\n"), ("b.csv", "text/csv", b"a,b"))
    response = write(writable, "POST", url(GRAPH), kalamata, body, FORM)
    assert response.status_code == 415
    assert response.json is not None and "text/turtle" in response.json["error"]["message"]
    assert len(triples_of(writable, GRAPH)) == 3


def test_entity_expansion_in_a_multipart_part_is_refused(writable: Flask, kalamata: str) -> None:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "x"><!ENTITY b "&a;&a;">]>'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    )
    body = multipart(("a.rdf", "application/rdf+xml", xml))
    response = write(writable, "POST", url(GRAPH), kalamata, body, FORM)
    assert response.status_code == 400
    assert len(triples_of(writable, GRAPH)) == 3


def test_a_multipart_body_over_max_upload_size_is_413(writable: Flask, kalamata: str) -> None:
    triples = b"".join(b"<urn:s> <urn:p> %d .\n" % n for n in range(500))
    body = multipart(("big.nt", NT, triples))
    response = write(writable, "POST", url(GRAPH), kalamata, body, FORM)
    assert response.status_code == 413
    assert len(triples_of(writable, GRAPH)) == 3


@pytest.mark.parametrize(
    "body",
    [
        multipart(),
        b'--demoi-part\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--demoi-part--\r\n',
    ],
    ids=["no-parts", "a-field-not-a-file"],
)
def test_a_multipart_post_without_file_parts_is_400(
    writable: Flask, kalamata: str, body: bytes
) -> None:
    response = write(writable, "POST", url(GRAPH), kalamata, body, FORM)
    assert response.status_code == 400
    assert len(triples_of(writable, GRAPH)) == 3


def test_a_multipart_put_is_415(writable: Flask, kalamata: str) -> None:
    body = multipart(("a.nt", NT, b"<urn:s> <urn:p> <urn:o> .\n"))
    assert write(writable, "PUT", url(GRAPH), kalamata, body, FORM).status_code == 415
    assert len(triples_of(writable, GRAPH)) == 3


def test_a_post_without_a_graph_creates_one_under_the_tokens_municipality(
    writable: Flask, kalamata: str, tokens_path: Path
) -> None:
    response = write(writable, "POST", "/graph-store", kalamata, b"<#x> <urn:p> 1 .", "text/turtle")
    assert response.status_code == 201
    location = response.headers["Location"]
    assert location.startswith(f"{BASE}graph/4401/")
    assert triples_of(writable, location) == {
        ox.Triple(ox.NamedNode(location + "#x"), P, ox.Literal(1))
    }
    assert write(writable, "GET", url(location), None).status_code == 200
    [entry] = audit(tokens_path)
    assert entry["graphs"] == {location: {"added": 1, "removed": 0}}
    again = write(writable, "POST", "/graph-store", kalamata, b"", "text/turtle")
    assert again.status_code == 201
    assert again.headers["Location"] != location  # each POST creates its own graph


def test_a_post_without_a_graph_by_the_admin_token_creates_one_under_admin(
    writable: Flask, admin: str
) -> None:
    response = write(writable, "POST", "/graph-store", admin)
    assert response.status_code == 201
    assert response.headers["Location"].startswith(f"{BASE}graph/admin/")
    assert len(triples_of(writable, response.headers["Location"])) == 1


@pytest.mark.parametrize("secret", [None, "not-a-token"])
def test_a_post_without_a_graph_needs_a_valid_token(
    writable: Flask, tokens_path: Path, secret: str | None
) -> None:
    before = {info.iri for info in app_store(writable).graphs()}
    response = write(writable, "POST", "/graph-store", secret)
    assert response.status_code == 401
    assert "Location" not in response.headers
    assert {info.iri for info in app_store(writable).graphs()} == before


def test_a_post_without_a_graph_and_bad_rdf_creates_nothing(
    writable: Flask, kalamata: str, tokens_path: Path
) -> None:
    before = {info.iri for info in app_store(writable).graphs()}
    response = write(writable, "POST", "/graph-store", kalamata, b"<urn:s> .", "text/turtle")
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert {info.iri for info in app_store(writable).graphs()} == before
    assert audit(tokens_path) == []


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_only_post_may_leave_out_the_graph(writable: Flask, admin: str, method: str) -> None:
    assert write(writable, method, "/graph-store", admin).status_code == 400


def test_other_origins_can_read_the_truncation_cache_and_rate_limit_headers(
    client: FlaskClient,
) -> None:
    # Without Access-Control-Expose-Headers a script on another origin sees none of them, and
    # cannot tell a cut result or how long to wait after a 429.
    response = client.get("/sparql?query=ASK{}", headers={"Origin": "https://example.org"})
    exposed = {
        name.strip() for name in response.headers["Access-Control-Expose-Headers"].split(",")
    }
    assert {"X-Demoi-Truncated", "Retry-After", "X-RateLimit-Remaining"} <= exposed


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_a_deeply_nested_json_ld_body_is_400_not_a_crash(
    make_app: Callable[..., Flask], tokens_path: Path, kalamata: str, method: str
) -> None:
    # Found in review: the Graph Store parses a body in the server process, and 4,000 nested
    # JSON-LD objects crashed it (a segmentation fault in pyoxigraph's parser): one request
    # with a municipal token took the server down.
    app = make_app(TESTING=True, BASE_URI=BASE, TOKENS=str(tokens_path))
    depth = 10000
    body = ('{"@id": "urn:s", "urn:p": ' * depth + "1" + "}" * depth).encode()
    answer = write(app, method, url(GRAPH), kalamata, body, "application/ld+json")
    assert answer.status_code == 400, answer.data
    assert "nested" in answer.json["error"]["message"]  # type: ignore[index]
    assert triples_of(app, GRAPH) == set()

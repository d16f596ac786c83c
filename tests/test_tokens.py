"""Write tokens: the tokens file, `demoi token`, authenticated SPARQL updates and the audit log."""

from __future__ import annotations

import stat
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from demoi import tokens
from demoi.cli import cli
from demoi.errors import UsageError
from demoi.server import app_store

BASE = "http://demoi.test/"
KALAMATA = f"{BASE}graph/4401/budget/2024"
HERAKLION = f"{BASE}graph/7101/budget/2024"


def insert(graph: str, subject: str = "a") -> str:
    return f"INSERT DATA {{ GRAPH <{graph}> {{ <http://e/{subject}> <http://e/p> 1 }} }}"


@pytest.fixture
def tokens_path(tmp_path: Path) -> Path:
    return tmp_path / "secrets" / "tokens.json"


@pytest.fixture
def writable(make_app: Callable[..., Flask], tokens_path: Path) -> Iterator[Flask]:
    # 127.0.0.1 is allowed so that LOAD reaches the scope check (nothing listens on port 1).
    yield make_app(TESTING=True, BASE_URI=BASE, TOKENS=str(tokens_path), ALLOWED_HOSTS="127.0.0.1")


@pytest.fixture
def client(writable: Flask) -> FlaskClient:
    return writable.test_client()


def post_update(client: FlaskClient, update: str, secret: str | None, *, form: bool = False):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    if form:
        return client.post("/sparql", data={"update": update}, headers=headers)
    return client.post(
        "/sparql", data=update.encode(), content_type="application/sparql-update", headers=headers
    )


def graph_sizes(app: Flask) -> dict[str, int]:
    return {info.iri: info.triples for info in app_store(app).graphs()}


# -- the tokens file ----------------------------------------------------------------------


def test_create_list_revoke(tokens_path: Path) -> None:
    token, secret = tokens.create(tokens_path, "4401")
    admin, _ = tokens.create(tokens_path, tokens.ADMIN)
    assert [t.id for t in tokens.list_tokens(tokens_path)] == [token.id, admin.id]
    assert tokens.verify(tokens_path, secret) == token
    assert tokens.verify(tokens_path, secret + "x") is None
    tokens.revoke(tokens_path, token.id)
    assert tokens.verify(tokens_path, secret) is None
    listed = {t.id: t for t in tokens.list_tokens(tokens_path)}
    assert listed[token.id].revoked is not None and listed[admin.id].revoked is None


def test_the_secret_is_never_stored_in_clear_and_the_file_is_private(tokens_path: Path) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    text = tokens_path.read_text(encoding="utf-8")
    assert secret not in text
    assert stat.S_IMODE(tokens_path.stat().st_mode) == 0o600
    leftovers = [p.name for p in tokens_path.parent.iterdir() if p.name.startswith(".tokens.json.")]
    assert leftovers == [".tokens.json.lock"]  # no temporary file left behind


def test_tokens_created_at_once_are_all_kept(tokens_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        created = list(pool.map(lambda _: tokens.create(tokens_path, "4401")[0], range(16)))
    assert sorted(t.id for t in tokens.list_tokens(tokens_path)) == sorted(t.id for t in created)


def test_bad_scope_and_unknown_id_are_usage_errors(tokens_path: Path) -> None:
    with pytest.raises(UsageError, match="four-digit"):
        tokens.create(tokens_path, "Kalamata")
    with pytest.raises(UsageError, match="no token with id"):
        tokens.revoke(tokens_path, "t-nothere")


def test_a_corrupt_tokens_file_names_file_and_line(tokens_path: Path) -> None:
    tokens_path.parent.mkdir()
    tokens_path.write_text('{"tokens": [\n oops', encoding="utf-8")
    with pytest.raises(UsageError, match=r"tokens\.json, line 2"):
        tokens.list_tokens(tokens_path)


# -- the CLI --------------------------------------------------------------------------------


def test_cli_create_prints_the_secret_once_on_its_own_line(tokens_path: Path) -> None:
    runner = CliRunner()
    env = {"DEMOI_TOKENS": str(tokens_path)}
    created = runner.invoke(cli, ["token", "create", "--municipality", "4401"], env=env)
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip()
    assert created.stdout == secret + "\n" and "\n" not in secret
    token = tokens.verify(tokens_path, secret)
    assert token is not None and token.id in created.stderr and token.scope == "4401"
    listed = runner.invoke(cli, ["token", "list"], env=env)
    assert listed.exit_code == 0 and token.id in listed.stdout and secret not in listed.stdout
    revoked = runner.invoke(cli, ["token", "revoke", token.id], env=env)
    assert revoked.exit_code == 0 and tokens.verify(tokens_path, secret) is None


@pytest.mark.parametrize(
    ("args", "env_tokens"),
    [
        (["token", "create"], True),
        (["token", "create", "--admin", "--municipality", "4401"], True),
        (["token", "list"], False),
    ],
)
def test_cli_usage_errors(tokens_path: Path, args: list[str], env_tokens: bool) -> None:
    env = {"DEMOI_TOKENS": str(tokens_path)} if env_tokens else {}
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 2 and "error:" in result.stderr
    assert not tokens_path.exists()


# -- the server -----------------------------------------------------------------------------


@pytest.mark.parametrize("form", [False, True])
def test_update_without_a_token_is_401(client: FlaskClient, writable: Flask, form: bool) -> None:
    answer = post_update(client, insert(KALAMATA), None, form=form)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert answer.json["error"]["code"] == "unauthorized"  # type: ignore[index]
    assert graph_sizes(writable) == {}


def test_unknown_token_is_401(client: FlaskClient, tokens_path: Path) -> None:
    tokens.create(tokens_path, "4401")
    answer = post_update(client, insert(KALAMATA), "not-a-token")
    assert answer.status_code == 401


def test_revoked_token_is_refused(client: FlaskClient, writable: Flask, tokens_path: Path) -> None:
    token, secret = tokens.create(tokens_path, "4401")
    assert post_update(client, insert(KALAMATA), secret).status_code == 200
    tokens.revoke(tokens_path, token.id)
    answer = post_update(client, insert(KALAMATA, "b"), secret)
    assert answer.status_code == 401
    assert graph_sizes(writable) == {KALAMATA: 1}


@pytest.mark.parametrize("form", [False, True])
def test_municipality_token_writes_its_own_graph(
    client: FlaskClient, writable: Flask, tokens_path: Path, form: bool
) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    answer = post_update(client, insert(KALAMATA), secret, form=form)
    assert answer.status_code == 200, answer.json
    assert graph_sizes(writable) == {KALAMATA: 1}


@pytest.mark.parametrize(
    "update",
    [
        insert(HERAKLION),
        insert(f"{BASE}graph/provenance"),
        # its own catalogue graph is demoi's: the records follow the publications
        insert(f"{BASE}graph/4401/catalogue"),
        insert("http://elsewhere.example/graph/4401/budget"),
        "INSERT DATA { <http://e/a> <http://e/p> 1 }",
        "DROP ALL",
        "CLEAR NAMED",
        "CLEAR DEFAULT",
        "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
        f"WITH <{HERAKLION}> INSERT {{ ?s ?p 2 }} WHERE {{ ?s ?p 1 }}",
        f"INSERT {{ ?s ?p 2 }} USING <{KALAMATA}> WHERE {{ ?s ?p 1 }}",
        f"MOVE <{HERAKLION}> TO <{KALAMATA}>",
        f"COPY <{KALAMATA}> TO <{HERAKLION}>",
        f"LOAD <http://127.0.0.1:1/x.ttl> INTO GRAPH <{HERAKLION}>",
        # a prefixed name and a comment do not hide the graph from the parser
        f"PREFIX g: <{BASE}graph/7101/>\nINSERT DATA {{ GRAPH g:budget # <{KALAMATA}>\n"
        "{ <http://e/a> <http://e/p> 1 } }",
        insert(KALAMATA) + " ; " + insert(HERAKLION),
    ],
)
def test_municipality_token_is_403_outside_its_scope(
    client: FlaskClient, writable: Flask, tokens_path: Path, update: str
) -> None:
    app_store(writable).update(insert(HERAKLION, "kept"))
    before = graph_sizes(writable)
    _, secret = tokens.create(tokens_path, "4401")
    answer = post_update(client, update, secret)
    assert answer.status_code == 403, answer.json
    assert answer.json["error"]["code"] == "forbidden"  # type: ignore[index]
    assert graph_sizes(writable) == before
    assert list(tokens.read_audit(tokens_path)) == []


def test_municipality_token_may_copy_another_graph_into_its_own(
    client: FlaskClient, writable: Flask, tokens_path: Path
) -> None:
    app_store(writable).update(insert(HERAKLION))
    _, secret = tokens.create(tokens_path, "4401")
    answer = post_update(client, f"COPY <{HERAKLION}> TO <{KALAMATA}>", secret)
    assert answer.status_code == 200
    assert graph_sizes(writable) == {HERAKLION: 1, KALAMATA: 1}


def post_update_at(client: FlaskClient, update: str, secret: str):  # type: ignore[no-untyped-def]
    # Served at BASE, the endpoint's IRI is BASE + "sparql": the base of relative IRIs.
    return client.post(
        "/sparql",
        data=update.encode(),
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {secret}"},
        base_url=BASE,
    )


@pytest.mark.parametrize(
    "graph", ["graph/4401/budget/2024", "../graph/4401/budget/2024", "/graph/4401/budget/2024"]
)
def test_a_relative_graph_iri_is_written_where_the_scope_check_saw_it(
    client: FlaskClient, writable: Flask, tokens_path: Path, graph: str
) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    answer = post_update_at(client, insert(graph), secret)
    assert answer.status_code == 200, answer.json
    assert graph_sizes(writable) == {KALAMATA: 1}
    assert answer.json["graphs"] == {KALAMATA: {"added": 1, "removed": 0}}  # type: ignore[index]


@pytest.mark.parametrize(
    "update",
    [
        insert("graph/7101/budget/2024"),
        insert("graph/4401/../7101/budget/2024"),
        insert("./graph/4401/budget/../../7101/budget/2024"),
        "WITH <graph/7101/budget/2024> INSERT { ?s ?p 2 } WHERE { ?s ?p 1 }",
        "COPY <graph/4401/budget/2024> TO <graph/7101/budget/2024>",
        f"BASE <{BASE}graph/7101/> INSERT DATA {{ GRAPH <budget/2024> {{ <a> <p> 1 }} }}",
    ],
)
def test_a_relative_graph_iri_of_another_municipality_is_403(
    client: FlaskClient, writable: Flask, tokens_path: Path, update: str
) -> None:
    # Regression: the scope check and the store must resolve relative IRIs on the same base,
    # or <graph/7101/...> would pass as a relative IRI and land in Heraklion's graph.
    app_store(writable).update(insert(HERAKLION, "kept"))
    before = graph_sizes(writable)
    _, secret = tokens.create(tokens_path, "4401")
    answer = post_update_at(client, update, secret)
    assert answer.status_code == 403, answer.json
    assert f"<{HERAKLION}>" in answer.json["error"]["message"]  # type: ignore[index]
    assert graph_sizes(writable) == before


def test_admin_token_writes_any_graph(
    client: FlaskClient, writable: Flask, tokens_path: Path
) -> None:
    _, secret = tokens.create(tokens_path, tokens.ADMIN)
    assert post_update(client, insert(HERAKLION), secret).status_code == 200
    assert post_update(client, insert(KALAMATA), secret).status_code == 200
    assert graph_sizes(writable) == {HERAKLION: 1, KALAMATA: 1}
    assert post_update(client, "DROP ALL", secret).status_code == 200
    assert graph_sizes(writable) == {}
    last = list(tokens.read_audit(tokens_path))[-1]
    assert last["graphs"] == {
        HERAKLION: {"added": 0, "removed": 1},
        KALAMATA: {"added": 0, "removed": 1},
    }


@pytest.mark.parametrize("kept", ["graph/provenance", "graph/conformance"])
def test_not_even_the_admin_token_updates_demois_own_graphs(
    client: FlaskClient, writable: Flask, tokens_path: Path, kept: str
) -> None:
    """Regression (review): an admin token's SPARQL update could forge the conformance reports
    or the provenance, which the Graph Store already refused."""
    _, secret = tokens.create(tokens_path, tokens.ADMIN)
    before = graph_sizes(writable)
    answer = post_update(client, insert(f"{BASE}{kept}"), secret)
    assert answer.status_code == 403, answer.json
    assert "kept by demoi itself" in answer.json["error"]["message"]  # type: ignore[index]
    assert graph_sizes(writable) == before


def test_a_syntax_error_in_an_update_is_400(client: FlaskClient, tokens_path: Path) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    answer = post_update(client, "INSERT DATA { oops", secret)
    assert answer.status_code == 400
    assert answer.json["error"]["code"] == "query-syntax-error"  # type: ignore[index]


def test_every_write_is_audited(client: FlaskClient, writable: Flask, tokens_path: Path) -> None:
    token, secret = tokens.create(tokens_path, "4401")
    post_update(client, insert(KALAMATA, "a") + " ; " + insert(KALAMATA, "b"), secret)
    replace = (
        f"DELETE {{ GRAPH <{KALAMATA}> {{ <http://e/a> ?p ?o }} }} "
        f"INSERT {{ GRAPH <{KALAMATA}> {{ <http://e/c> ?p ?o }} }} "
        f"WHERE {{ GRAPH <{KALAMATA}> {{ <http://e/a> ?p ?o }} }}"
    )
    answer = post_update(client, replace, secret)
    assert answer.json == {"token": token.id, "graphs": {KALAMATA: {"added": 1, "removed": 1}}}
    lines = list(tokens.read_audit(tokens_path))
    assert [line["graphs"] for line in lines] == [
        {KALAMATA: {"added": 2, "removed": 0}},
        {KALAMATA: {"added": 1, "removed": 1}},
    ]
    assert {line["token"] for line in lines} == {token.id}
    assert all(line["time"].endswith("Z") for line in lines)
    assert secret not in tokens.audit_log_path(tokens_path).read_text(encoding="utf-8")
    assert stat.S_IMODE(tokens.audit_log_path(tokens_path).stat().st_mode) == 0o600


def test_updates_stay_403_when_no_tokens_file_is_set(make_app: Callable[..., Flask]) -> None:
    app = make_app(TESTING=True, BASE_URI=BASE)
    answer = app.test_client().post("/sparql", data={"update": insert(KALAMATA)})
    assert answer.status_code == 403 and graph_sizes(app) == {}


def test_a_deeply_nested_update_is_400_not_a_crash(client: FlaskClient, tokens_path: Path) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    nested = "(" * 5000 + "1" + ")" * 5000
    update = f"INSERT {{ GRAPH <{KALAMATA}> {{ ?s ?p ?o }} }} WHERE {{ BIND({nested} AS ?o) }}"
    answer = post_update(client, update, secret)
    assert answer.status_code == 400
    assert answer.json["error"]["code"] == "query-syntax-error"  # type: ignore[index]


def test_load_from_a_host_not_allowed_is_refused(client: FlaskClient, tokens_path: Path) -> None:
    _, secret = tokens.create(tokens_path, tokens.ADMIN)
    answer = post_update(client, f"LOAD <http://example.org/x.ttl> INTO GRAPH <{KALAMATA}>", secret)
    assert answer.status_code == 400
    assert answer.json["error"]["code"] == "outbound-refused"  # type: ignore[index]


@pytest.mark.parametrize(
    "graph",
    [
        "graph/7101//../4401/budget/2024",
        "graph/7101/x//../../4401/budget/2024",
        "graph/7101/budget/2024//../../../4401/budget/2024",
    ],
)
def test_an_empty_path_segment_does_not_move_a_write_into_another_municipality(
    client: FlaskClient, writable: Flask, tokens_path: Path, graph: str
) -> None:
    # Regression: rdflib resolves relative IRIs with urllib's urljoin, which drops empty path
    # segments; Oxigraph follows RFC 3986 and keeps them. <graph/7101//../4401/…> was checked
    # as graph/4401/… and written into graph/7101/4401/…, a graph of Heraklion.
    _, secret = tokens.create(tokens_path, "4401")
    answer = post_update_at(client, insert(graph), secret)
    assert answer.status_code == 400, answer.json
    assert graph in answer.json["error"]["message"]  # type: ignore[index]
    assert graph_sizes(writable) == {}
    assert list(tokens.read_audit(tokens_path)) == []


def test_a_base_with_an_empty_path_segment_is_refused_too(
    client: FlaskClient, writable: Flask, tokens_path: Path
) -> None:
    _, secret = tokens.create(tokens_path, "4401")
    update = f"BASE <{BASE}graph/7101//> INSERT DATA {{ GRAPH <../4401/budget> {{ <a> <p> 1 }} }}"
    answer = post_update_at(client, update, secret)
    assert answer.status_code in (400, 403), answer.json
    assert graph_sizes(writable) == {}


@pytest.mark.parametrize(
    "update",
    [
        f"INSERT {{ GRAPH <{KALAMATA}> {{ ?s ?p ?o }} }} WHERE " + "{" * 60 + "?s ?p ?o" + "}" * 60,
        f"INSERT DATA {{ GRAPH <{KALAMATA}> {{ <http://e/a> <http://e/p> "
        + "(" * 120
        + "1"
        + ")" * 120
        + " } }",
    ],
)
def test_an_update_nested_past_what_the_scope_check_parses_is_400_not_500(
    client: FlaskClient, writable: Flask, tokens_path: Path, update: str
) -> None:
    # Regression: below the guard's nesting limit (200), rdflib's recursive update parser
    # (which reads the graphs an update writes) raised RecursionError: a 500.
    _, secret = tokens.create(tokens_path, "4401")
    answer = post_update(client, update, secret)
    assert answer.status_code == 400, answer.data
    assert "nested" in answer.json["error"]["message"]  # type: ignore[index]
    assert graph_sizes(writable) == {}


def test_a_base_declared_by_an_earlier_operation_still_applies_to_the_next(
    client: FlaskClient, writable: Flask, tokens_path: Path
) -> None:
    # Regression: rdflib resets the base to the endpoint's at every operation, Oxigraph keeps
    # the BASE an earlier operation declared. <graph/4401/budget/2024> in the second operation
    # was checked as Kalamata's graph and written as graph/7101/graph/4401/budget/2024.
    _, secret = tokens.create(tokens_path, "4401")
    update = (
        f"BASE <{BASE}graph/7101/> {insert(KALAMATA)} ; "
        "INSERT DATA { GRAPH <graph/4401/budget/2024> { <http://e/b> <http://e/p> 1 } }"
    )
    answer = post_update_at(client, update, secret)
    assert answer.status_code == 403, answer.json
    assert f"{BASE}graph/7101/graph/4401/budget/2024" in answer.json["error"]["message"]  # type: ignore[index]
    assert graph_sizes(writable) == {}


def test_many_base_declarations_are_read_in_linear_time(
    client: FlaskClient, writable: Flask, tokens_path: Path
) -> None:
    # Found in review of the check above: each BASE doubled the bases it compared.
    _, secret = tokens.create(tokens_path, "4401")
    bases = " ".join(f"BASE <{BASE}graph/4401/{n}/>" for n in range(60))
    started = time.monotonic()
    answer = post_update_at(client, f"{bases} INSERT DATA {{ GRAPH <x> {{ <a> <p> 1 }} }}", secret)
    assert answer.status_code == 200, answer.json
    assert time.monotonic() - started < 10
    assert graph_sizes(writable) == {f"{BASE}graph/4401/59/x": 1}


def test_a_carriage_return_ends_a_comment_for_the_scope_check_as_for_the_store(
    client: FlaskClient, writable: Flask, tokens_path: Path
) -> None:
    # Regression: Oxigraph ends a comment at a lone carriage return, rdflib only at a line
    # feed; the second operation was a comment to the scope check and a write into
    # Heraklion's graph for the store.
    _, secret = tokens.create(tokens_path, "4401")
    update = f"{insert(KALAMATA)} ; # a comment\r{insert(HERAKLION)}"
    answer = post_update(client, update, secret)
    assert answer.status_code == 403, answer.json
    assert f"<{HERAKLION}>" in answer.json["error"]["message"]  # type: ignore[index]
    assert graph_sizes(writable) == {}


def test_an_admin_update_over_every_graph_cannot_touch_demois_own_graphs(
    client: FlaskClient, writable: Flask, tokens_path: Path
) -> None:
    """Found in review: GRAPH ?g bound to the provenance graph forged an override of the
    personal-data guard, and DROP ALL erased the records; such an update is undone whole."""
    _, secret = tokens.create(tokens_path, tokens.ADMIN)
    assert post_update(client, insert(HERAKLION), secret).status_code == 200
    provenance = ox.NamedNode(f"{BASE}graph/provenance")
    app_store(writable).update(
        f"INSERT DATA {{ GRAPH {provenance} {{ <urn:a> <urn:b> <urn:c> }} }}"
    )
    before = graph_sizes(writable)
    forged = (
        "INSERT { GRAPH ?g { <urn:f> a "
        "<https://w3id.org/demoi/def/privacy#PersonalDataOverride> } } "
        f"WHERE {{ BIND({provenance} AS ?g) }}"
    )
    for update in (forged, "DROP ALL", "CLEAR NAMED"):
        assert post_update(client, update, secret).status_code == 403, update
        assert graph_sizes(writable) == before

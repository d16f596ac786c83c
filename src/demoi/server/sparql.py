"""The SPARQL 1.1 Protocol endpoint at /sparql: queries for everyone; updates only with a write
token (demoi.server.auth), and only when the ``tokens`` setting names a tokens file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Flask, Response, current_app, jsonify, request
from flask.blueprints import BlueprintSetupState
from werkzeug.exceptions import RequestEntityTooLarge, RequestURITooLarge

from demoi.conneg import NotAcceptable, negotiate
from demoi.errors import DemoiError, UsageError
from demoi.formats import (
    FORMATS_BY_NAME,
    FORMATS_BY_NICKNAME,
    Format,
    formats_for,
)
from demoi.iris import iri_problem
from demoi.query_guard import check_update, tokens
from demoi.server import app_settings, app_store, auth
from demoi.server.errors import Forbidden, UnsupportedMediaType, error_response
from demoi.server.query_engine import QueryEngine, QueryRequest
from demoi.store import Dataset
from demoi.store.base import QueryKind

bp = Blueprint("sparql", __name__)

PROTOCOL_SPEC = "https://www.w3.org/TR/sparql11-protocol/#query-operation"
UPDATE_SPEC = auth.UPDATE_SPEC
UPDATE_DATASET_SPEC = "https://www.w3.org/TR/sparql11-protocol/#update-dataset"
SD = "http://www.w3.org/ns/sparql-service-description#"
#: Longest query string of a GET, percent-encoded. Far above any query a person writes (and
#: above the 30 KB of a 5000-deep nesting that must get its 400 from the query guard), far
#: below waitress's 256 KiB header limit; a longer query belongs in a POST body, which
#: max_upload_size bounds.
MAX_QUERY_STRING = 64 * 1024
#: The longest query text read from a POST. Uploads may be as large as max_upload_size, but a
#: query is text people write (or generate): 1 MiB is far beyond any real one, and the guard
#: and parser must not spend minutes of a core on a 50 MB "query" (found in review).
MAX_QUERY_TEXT = 1024 * 1024
TEXT_TYPES = ("text/", "application/n-triples", "application/n-quads", "application/trig")


def content_type_header(media_type: str) -> str:
    if media_type.startswith(TEXT_TYPES):
        return f"{media_type}; charset=utf-8"
    return media_type


def choose_format(
    offered: list[Format], requested: str | None, accept: str | None
) -> tuple[Format, str]:
    """The format to answer in and the media type to label it with.

    ``format=`` (a short name such as ``csv``, or a media type; for browsers) wins over the
    Accept header. The label is the media type that matched, so a client that excluded
    ``application/sparql-results+json`` but accepts ``*/*`` is not sent that label.
    """
    choices = [(media_type, (fmt, media_type)) for fmt in offered for media_type in fmt.media_types]
    if requested and "/" not in requested:
        by_name = FORMATS_BY_NICKNAME.get(requested.lower())
        if by_name is None:
            raise UsageError(
                f"unknown format {requested!r}; the formats are " + ", ".join(FORMATS_BY_NAME)
            )
        if by_name not in offered:
            raise NotAcceptable(
                [fmt.name for fmt in offered], f"format={requested} cannot carry this result"
            )
        return by_name, by_name.media_type
    return negotiate(requested or accept, choices)


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise UsageError(
            f"the request has {len(values)} '{name}' parameters; give one", spec=PROTOCOL_SPEC
        )
    return values[0] if values else None


def _query_from_request() -> tuple[str | None, str | None]:
    """The query text and the requested format, from any of the three protocol forms."""
    if request.method in ("GET", "HEAD"):
        if len(request.query_string) > MAX_QUERY_STRING:
            raise RequestURITooLarge(
                f"the request's URL carries {len(request.query_string)} bytes of parameters, "
                f"more than the {MAX_QUERY_STRING} this endpoint reads; send a long query by "
                "POST (application/sparql-query or a form)"
            )
        if "update" in request.args:
            raise UsageError("updates are sent by POST, never GET", spec=PROTOCOL_SPEC)
        return _single(request.args.getlist("query"), "query"), request.args.get("format")
    mimetype = request.mimetype
    if mimetype == "application/x-www-form-urlencoded":
        query = _single(request.form.getlist("query"), "query")
        return query, request.form.get("format") or request.args.get("format")
    if mimetype == "application/sparql-query":
        try:
            return request.get_data().decode("utf-8"), request.args.get("format")
        except UnicodeDecodeError:
            raise UsageError("the query is not UTF-8 text", spec=PROTOCOL_SPEC) from None
    raise UnsupportedMediaType(
        f"cannot read a request body of type {mimetype or '(none)'}; send "
        "application/x-www-form-urlencoded or application/sparql-query",
        spec=PROTOCOL_SPEC,
    )


def _graph_iris(name: str) -> tuple[str, ...]:
    """The ``default-graph-uri`` or ``named-graph-uri`` values, each checked to be an IRI."""
    values = request.args.getlist(name)
    if request.mimetype == "application/x-www-form-urlencoded":
        values += request.form.getlist(name)
    for value in values:
        problem = iri_problem(value)
        if problem:
            raise UsageError(f"{name} {value!r} is not an IRI: {problem}", spec=PROTOCOL_SPEC)
    return tuple(values)


def _update_from_request() -> str | None:
    """The update text of a POST, in either protocol form, or None when it is not an update."""
    if request.method != "POST":
        return None
    if request.mimetype == "application/x-www-form-urlencoded" and "update" in request.form:
        if "query" in request.form:
            raise UsageError(
                "the request has both 'query' and 'update'; give one", spec=UPDATE_SPEC
            )
        return _single(request.form.getlist("update"), "update")
    if request.mimetype == "application/sparql-update":
        try:
            return request.get_data().decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError("the update is not UTF-8 text", spec=UPDATE_SPEC) from None
    return None


def run_update(update: str) -> Response:
    """An update, with a token whose scope covers every graph it writes; logged for audit."""
    settings = app_settings(current_app)
    if not settings["tokens"]:
        raise Forbidden("this endpoint is read-only: updates need a write token")
    tokens_path = Path(settings["tokens"])
    token = auth.bearer_token(request, tokens_path)
    # Before rdflib reads it: its parser is recursive too, and deep nesting would crash it.
    check_update(update, settings["allowed_hosts"])
    # The service IRI is the base of relative IRIs (SPARQL 1.1 Protocol); the scope check
    # and the store must resolve them on the same one.
    base_iri = request.base_url
    update = with_protocol_dataset(
        update,
        _graph_iris("using-graph-uri"),
        _graph_iris("using-named-graph-uri"),
        base_iri,
    )
    graphs = auth.written_graphs(update, base_iri)
    auth.check_scope(token, graphs, settings.base_uri)
    changes = auth.run_update(
        app_store(current_app),
        update,
        token,
        graphs,
        tokens_path=tokens_path,
        allowed_hosts=settings["allowed_hosts"],
        base_iri=base_iri,
        base=settings.base_uri,
        language=settings["default_language"],
    )
    return jsonify({"token": token.id, "graphs": changes})


def with_protocol_dataset(
    update: str, using: tuple[str, ...], using_named: tuple[str, ...], base_iri: str
) -> str:
    """``update`` with the using-graph-uri / using-named-graph-uri parameters written in as
    USING / USING NAMED clauses of each DELETE/INSERT ... WHERE (SPARQL 1.1 Protocol 2.2.3).

    pyoxigraph's Store.update takes no dataset, so the clauses go into the text: before each
    top-level WHERE that is not DELETE WHERE, found with the guard's lexer (strings, IRIs and
    comments are single tokens), and the result is parsed again to prove that every operation
    got exactly these clauses and nothing else changed shape."""
    if not using and not using_named:
        return update
    operations = auth.parse_update(update, base_iri)
    for operation in operations:
        if operation.name == "Modify" and ("using" in operation or "withClause" in operation):
            raise UsageError(
                "the request gives using-graph-uri / using-named-graph-uri and the update has "
                "USING, USING NAMED or WITH as well; give the dataset one way",
                spec=UPDATE_DATASET_SPEC,
            )
        if operation.name == "DeleteWhere":
            raise UsageError(
                "using-graph-uri / using-named-graph-uri cannot apply to DELETE WHERE, which "
                "takes no USING; write it as DELETE { ... } WHERE { ... }",
                spec=UPDATE_DATASET_SPEC,
            )
    clauses = " ".join(
        [f"USING {ox.NamedNode(iri)}" for iri in using]
        + [f"USING NAMED {ox.NamedNode(iri)}" for iri in using_named]
    )
    rewritten = update
    for offset in reversed(_modify_where_offsets(update)):
        rewritten = f"{rewritten[:offset]}{clauses} {rewritten[offset:]}"
    expected = [
        [("default", iri) for iri in using] + [("named", iri) for iri in using_named]
        if operation.name == "Modify"
        else None
        for operation in operations
    ]
    if _using_clauses(auth.parse_update(rewritten, base_iri)) != expected:
        raise UsageError(
            "cannot apply using-graph-uri / using-named-graph-uri to this update; write the "
            "dataset as USING / USING NAMED clauses in it",
            spec=UPDATE_DATASET_SPEC,
        )
    return rewritten


def _modify_where_offsets(update: str) -> list[int]:
    """Where each DELETE/INSERT ... WHERE has its WHERE: outside any bracket, not DELETE WHERE."""
    offsets: list[int] = []
    depth = 0
    previous = ""
    for token in tokens(update):
        if token.kind == "open":
            depth += 1
        elif token.kind == "close":
            depth -= 1
        elif token.kind == "word" and depth == 0:
            word = token.text.upper()
            if word == "WHERE" and previous != "DELETE":
                offsets.append(token.start)
            previous = word
            continue
        previous = ""
    return offsets


def _using_clauses(operations: list[Any]) -> list[list[tuple[str, str]] | None]:
    result: list[list[tuple[str, str]] | None] = []
    for operation in operations:
        if operation.name != "Modify":
            result.append(None)
            continue
        using = operation["using"] if "using" in operation else []
        result.append([(key, str(iri)) for clause in using for key, iri in clause.items()])
    return result


@bp.errorhandler(auth.Unauthorized)
def unauthorized(error: auth.Unauthorized) -> Response:
    response = error_response(401, error.code, error.message, UPDATE_SPEC)
    response.headers["WWW-Authenticate"] = 'Bearer realm="demoi"'
    return response


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    update = _update_from_request()
    if update is not None:
        return run_update(update)
    query, requested = _query_from_request()
    if query is not None and len(query) > MAX_QUERY_TEXT:
        raise RequestEntityTooLarge(
            f"the query is {len(query)} characters long, more than the {MAX_QUERY_TEXT} this "
            "endpoint reads"
        )
    if query is None:
        if request.method == "POST":  # a GET or HEAD without a query asks what this is
            raise UsageError("the request has no 'query' parameter", spec=PROTOCOL_SPEC)
        return service_description()
    dataset = Dataset(_graph_iris("default-graph-uri"), _graph_iris("named-graph-uri"))
    # The kind of result is known only once the query runs (in a worker), so the format is
    # chosen for both kinds now; a refusal is raised only if the result is of its kind.
    choices = {name: _choice(kind, requested) for name, kind in RESULT_KINDS.items()}
    answer = query_engine(current_app).answer(
        QueryRequest(
            query,
            dataset,
            request.base_url,
            tuple(
                (kind, choice[0].name if isinstance(choice, tuple) else None)
                for kind, choice in choices.items()
            ),
        )
    )
    result = answer.result
    if result.error == "cannot-write":
        offered = formats_for(RESULT_KINDS[_worker_kind(result.kind)])
        raise NotAcceptable([f.name for f in offered], result.message)
    choice = choices[_worker_kind(result.kind)]
    if not isinstance(choice, tuple):
        raise choice
    response = Response(result.body, content_type=content_type_header(choice[1]))
    response.headers["Vary"] = "Accept"
    response.headers["X-Demoi-Cache"] = "hit" if answer.cached else "miss"
    response.headers["X-Demoi-Engine"] = result.engine
    if result.truncated:
        response.headers["X-Demoi-Truncated"] = str(app_settings(current_app)["max_result_rows"])
    return response


#: The kinds of result that share formats (booleans are written as solutions are), by the
#: name the query workers know them by.
RESULT_KINDS: dict[str, QueryKind] = {"table": "solutions", "graph": "graph"}


def _worker_kind(kind: str) -> str:
    return "graph" if kind == "graph" else "table"


def _choice(kind: QueryKind, requested: str | None) -> tuple[Format, str] | DemoiError:
    try:
        return choose_format(formats_for(kind), requested, request.headers.get("Accept"))
    except DemoiError as error:
        return error


ENGINE_EXTENSION = "demoi.query_engine"


@bp.record_once
def _start_engine(state: BlueprintSetupState) -> None:
    app = state.app
    assert isinstance(app, Flask)
    settings = app_settings(app)
    app.extensions[ENGINE_EXTENSION] = QueryEngine(
        app_store(app),
        cache_entries=settings["result_cache_entries"],
        timeout=settings["query_timeout"],
        max_rows=settings["max_result_rows"],
        union_default_graph=settings["union_default_graph"],
        allowed_hosts=settings["allowed_hosts"],
    )


def query_engine(app: Flask) -> QueryEngine:
    engine: QueryEngine = app.extensions[ENGINE_EXTENSION]
    return engine


def service_description() -> Response:
    """SPARQL 1.1 Service Description of this endpoint."""
    settings = app_settings(current_app)
    fmt, media_type = choose_format(
        formats_for("graph"), request.args.get("format"), request.headers.get("Accept")
    )
    service = ox.BlankNode()
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples = [
        ox.Triple(service, rdf_type, ox.NamedNode(SD + "Service")),
        ox.Triple(service, ox.NamedNode(SD + "endpoint"), ox.NamedNode(request.base_url)),
        ox.Triple(
            service, ox.NamedNode(SD + "supportedLanguage"), ox.NamedNode(SD + "SPARQL11Query")
        ),
    ]
    if settings["union_default_graph"]:
        triples.append(
            ox.Triple(service, ox.NamedNode(SD + "feature"), ox.NamedNode(SD + "UnionDefaultGraph"))
        )
    for result_format in ("json", "xml", "csv", "tsv", "ttl", "nt", "jsonld", "rdf"):
        iri = ox.NamedNode(FORMATS_BY_NAME[result_format].iri)
        triples.append(ox.Triple(service, ox.NamedNode(SD + "resultFormat"), iri))
    output = io.BytesIO()
    ox.serialize(triples, output, fmt.rdf_format)
    response = Response(output.getvalue(), content_type=content_type_header(media_type))
    response.headers["Vary"] = "Accept"
    return response

"""The SPARQL 1.1 Graph Store HTTP Protocol at /graph-store (docs/sparql.md).

GET and HEAD return one graph, ``?graph=<iri>`` or ``?default``, in a triple format chosen by
content negotiation. Writes need a write token (the same 401/403 rules as SPARQL updates): PUT
replaces a graph (the store's atomic replace, with provenance), POST merges into it (one INSERT
DATA update; a multipart/form-data body merges every file part in that one update), DELETE drops
it (with provenance); each is logged in the audit log. A POST that names no graph creates one,
``{base}graph/<token scope>/<uuid>``, and answers 201 with its IRI in Location.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import NotFound

from demoi import catalogue, provenance, tokens
from demoi.errors import UsageError
from demoi.formats import Format, formats_for
from demoi.input_guard import check_rdf_source
from demoi.iris import iri_problem, is_reserved, is_staging
from demoi.privacy import gate
from demoi.server import app_settings, app_store, auth
from demoi.server.errors import Forbidden, UnsupportedMediaType, error_response
from demoi.server.sparql import choose_format, content_type_header
from demoi.store import Store
from demoi.store.oxigraph import rdf_syntax_error
from demoi.store.sparql_text import Change, insert_data, join_operations

bp = Blueprint("graph_store", __name__)

GSP_SPEC = "https://www.w3.org/TR/sparql11-http-rdf-update/"
#: One graph has no graph names to carry, so the quad formats (TriG, N-Quads) are not offered.
TRIPLE_FORMATS = [fmt for fmt in formats_for("graph") if fmt.name not in ("nq", "trig")]
#: How errors name the request's body, in place of a file name.
BODY = "request body"


def _not_found(graph: ox.NamedNode) -> NotFound:
    return NotFound(f"there is no graph {graph.value}")


def _single(name: str) -> str | None:
    values = request.args.getlist(name)
    if len(values) > 1:
        raise UsageError(
            f"the request has {len(values)} '{name}' parameters; give one", spec=GSP_SPEC
        )
    return values[0] if values else None


def requested_graph() -> ox.NamedNode | None:
    """The graph the request addresses: a named graph, or None for the default graph."""
    graph = _single("graph")
    default = "default" in request.args
    if (graph is None) == (not default):
        raise UsageError(
            "give exactly one of 'graph=<IRI>' and 'default'",
            spec=GSP_SPEC + "#graph-identification",
        )
    if graph is None:
        return None
    problem = iri_problem(graph)
    if problem:
        raise UsageError(f"graph {graph!r} is not an IRI: {problem}", spec=GSP_SPEC)
    return ox.NamedNode(graph)


def _graph_triples(graph: ox.NamedNode | None) -> list[ox.Triple]:
    # Through Store.query rather than Store.quads: a public read then shares the query
    # timeout and the concurrency limit, and the default graph is reachable on every backend.
    settings = app_settings(current_app)
    store = app_store(current_app)
    pattern = "?s ?p ?o" if graph is None else f"GRAPH {graph} {{ ?s ?p ?o }}"
    result = store.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}",
        timeout=settings["query_timeout"],
        union_default_graph=False,  # ?default is the store's own default graph (see docs)
    )
    if result.triples or graph is None:
        return result.triples
    exists = store.query(f"ASK {{ GRAPH {graph} {{}} }}", timeout=settings["query_timeout"]).boolean
    if not exists:
        raise _not_found(graph)
    return []


def graph_response(triples: list[ox.Triple], fmt: Format, media_type: str) -> Response:
    output = io.BytesIO()
    ox.serialize(triples, output, fmt.rdf_format)
    response = Response(output.getvalue(), content_type=content_type_header(media_type))
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/graph-store", methods=["GET"])
def read_graph() -> Response:
    graph = requested_graph()
    if graph is not None and is_staging(graph.value):  # a load in progress is not yet a graph
        raise _not_found(graph)
    # Negotiated before the store is read, so a 406 costs no query.
    fmt, media_type = choose_format(
        TRIPLE_FORMATS, request.args.get("format"), request.headers.get("Accept")
    )
    return graph_response(_graph_triples(graph), fmt, media_type)


@bp.errorhandler(auth.Unauthorized)
def unauthorized(error: auth.Unauthorized) -> Response:
    response = error_response(401, error.code, error.message, GSP_SPEC)
    response.headers["WWW-Authenticate"] = 'Bearer realm="demoi"'
    return response


@bp.route("/graph-store", methods=["PUT", "POST", "DELETE"])
def write_graph() -> Response:
    """PUT replaces, POST merges, DELETE removes; each with a token whose scope covers the
    graph, in one transaction, logged for audit."""
    settings = app_settings(current_app)
    tokens_path = Path(settings["tokens"]) if settings["tokens"] else None
    minting = _creates_graph()
    if minting:
        # The graph's name comes from the token's scope, so the token is read first.
        token = _authorised_token(None, tokens_path, settings.base_uri, minting=True)
        graph: ox.NamedNode | None = _new_graph(settings.base_uri, token)
    else:
        graph = requested_graph()  # a malformed request is a 400 whoever sends it
        token = _authorised_token(graph, tokens_path, settings.base_uri)
    assert tokens_path is not None
    target = auth.DEFAULT if graph is None else graph.value
    write = _WRITES[request.method]
    created, _ = auth.audited_write(
        app_store(current_app),
        lambda: write(graph, token, settings.base_uri),
        token,
        {target},
        tokens_path=tokens_path,
        operation=f"graph-store {request.method}",
    )
    response = Response(status=201 if created else 204)
    if minting:
        assert graph is not None
        response.headers["Location"] = graph.value
    return response


def _creates_graph() -> bool:
    """A POST naming neither a graph nor the default graph asks the store to create one
    (SPARQL 1.1 Graph Store Protocol, section 5.5)."""
    return request.method == "POST" and not {"graph", "default"} & request.args.keys()


def _new_graph(base: str, token: tokens.Token) -> ox.NamedNode:
    # Under the token's own scope, so a municipal token may write what it creates; an admin
    # token (scope "admin") gets graph/admin/, which no municipality code can collide with.
    return ox.NamedNode(f"{base}graph/{token.scope}/{uuid.uuid4()}")


def _authorised_token(
    graph: ox.NamedNode | None, tokens_path: Path | None, base: str, *, minting: bool = False
) -> tokens.Token:
    """The request's token, if it may write ``graph`` (None: the default graph, or with
    ``minting`` a graph the store names under the token's scope)."""
    if tokens_path is None:
        if "Authorization" not in request.headers:
            raise auth.Unauthorized("writing a graph needs a write token")
        raise Forbidden("this Graph Store is read-only: writes need a write token")
    token = auth.bearer_token(request, tokens_path, "writing a graph")
    if minting:
        return token
    if graph is None:
        if not token.is_admin:
            raise Forbidden(
                f"token {token.id} writes only graphs of municipality {token.scope}, never the "
                "default graph; name a graph with ?graph=<IRI>"
            )
        return token
    if is_staging(graph.value):
        raise Forbidden(f"<{graph.value}> is a load in progress, kept by demoi")
    if is_reserved(graph.value):
        # The provenance and the conformance reports follow what demoi did; written by hand,
        # even by an admin, they would record what did not happen.
        raise Forbidden(f"<{graph.value}> is kept by demoi itself (provenance or conformance)")
    auth.check_scope(token, {graph.value}, base)
    return token


def _body_format(mimetype: str, what: str = "a body") -> ox.RdfFormat:
    for fmt in TRIPLE_FORMATS:
        if mimetype in fmt.media_types:
            assert fmt.rdf_format is not None
            return fmt.rdf_format
    offered = ", ".join(fmt.media_type for fmt in TRIPLE_FORMATS)
    if request.method == "POST":
        offered += ", multipart/form-data (one graph file per part)"
    raise UnsupportedMediaType(
        f"cannot read a graph in {mimetype or what + ' without Content-Type'}; "
        f"send one of: {offered}",
        spec=GSP_SPEC + "#http-put",
    )


def _body() -> tuple[bytes, ox.RdfFormat]:
    """The request's RDF, past the input guards (entity expansion, nesting); a body larger than
    max_upload_size is refused by Flask (MAX_CONTENT_LENGTH) with 413 before it is read."""
    rdf_format = _body_format(request.mimetype)
    data = request.get_data()
    check_rdf_source(data, rdf_format, BODY, allow_dtd=False)
    return data, rdf_format


def _form_parts() -> list[tuple[bytes, ox.RdfFormat, str]]:
    """Each file part of a multipart/form-data POST (section 5.5), read by its own
    Content-Type and past the input guards. Werkzeug parses the form: the whole request is
    still capped by max_upload_size (MAX_CONTENT_LENGTH, 413)."""
    if request.form:
        names = ", ".join(sorted(request.form))
        raise UsageError(
            f"form fields without a file ({names}): send each graph as a file part",
            spec=GSP_SPEC + "#http-post",
        )
    parts = []
    for name, upload in request.files.items(multi=True):
        where = f"{BODY}, part {upload.filename or name!r}"
        rdf_format = _body_format(upload.mimetype, f"part {name!r}")
        data = upload.read()
        check_rdf_source(data, rdf_format, where, allow_dtd=False)
        parts.append((data, rdf_format, where))
    if not parts:
        raise UsageError("the multipart/form-data body has no file parts", spec=GSP_SPEC)
    return parts


def _post_parts() -> list[tuple[bytes, ox.RdfFormat, str]]:
    if request.mimetype == "multipart/form-data":
        return _form_parts()
    data, rdf_format = _body()
    return [(data, rdf_format, BODY)]


def _parsed_triples(
    data: bytes, rdf_format: ox.RdfFormat, base: str | None, where: str = BODY
) -> list[ox.Triple]:
    try:
        return [quad.triple for quad in ox.parse(data, rdf_format, base_iri=base)]
    except (SyntaxError, ValueError) as error:
        # The store's own placing of parser errors (line, column, spec) for the same messages.
        raise rdf_syntax_error(error, where, rdf_format) from None


def _record(base: str, graph: ox.NamedNode, token: tokens.Token, data: bytes) -> Change:
    return provenance.publication(
        base,
        graph.value,
        label=f"graph-store {request.method} by token {token.id}",
        source=provenance.Source(BODY, hashlib.sha256(data).hexdigest()),
        started=datetime.now(UTC),
        # A write the personal-data guard let through on an operator's override names it.
        override=_override_iri(base, graph),
    )


def _override_iri(base: str, graph: ox.NamedNode) -> str | None:
    override = gate.override_for(app_store(current_app), base, graph.value)
    return override.iri if override is not None else None


def _exists(graph: ox.NamedNode) -> bool:
    return app_store(current_app).query(f"ASK {{ GRAPH {graph} {{}} }}").boolean is True


def _put(graph: ox.NamedNode | None, token: tokens.Token, base: str) -> bool:
    data, rdf_format = _body()
    store = app_store(current_app)
    if graph is None:
        triples = _parsed_triples(data, rdf_format, None)
        _guard(store, base, None, triples, merge=False)
        store.update(join_operations("CLEAR SILENT DEFAULT", insert_data(_in(None, triples))))
        return False
    triples = _parsed_triples(data, rdf_format, graph.value)
    _guard(store, base, graph, triples, merge=False)
    existed = _exists(graph)
    recorded = _record(base, graph, token, data)
    record: str | Change = recorded
    if not triples:
        # An empty PUT unpublishes the graph: its catalogue record goes, as with DELETE.
        removed = catalogue.record_removed(graph.value)
        record = join_operations(recorded.sparql(), removed)
    store.replace_graph(
        graph.value,
        data,
        rdf_format,
        base_iri=graph.value,
        provenance_update=record,
        source_name=BODY,
    )
    return not existed


def _post(graph: ox.NamedNode | None, token: tokens.Token, base: str) -> bool:
    parts = _post_parts()
    base_iri = None if graph is None else graph.value
    # Every part is parsed before anything is written, so a bad part changes nothing.
    triples = [
        triple
        for data, rdf_format, where in parts
        for triple in _parsed_triples(data, rdf_format, base_iri, where)
    ]
    data = b"".join(part[0] for part in parts)
    store = app_store(current_app)
    _guard(store, base, graph, triples, merge=True)
    if graph is None:
        store.update(insert_data(_in(None, triples)))
        return False
    existed = _exists(graph)
    store.update(
        join_operations(
            f"CREATE SILENT GRAPH {graph}",  # an empty POST still makes the graph (201)
            insert_data(_in(graph, triples)),
            _record(base, graph, token, data).sparql(),
        )
    )
    return not existed


def _delete(graph: ox.NamedNode | None, token: tokens.Token, base: str) -> bool:
    store = app_store(current_app)
    if graph is None:
        store.update("CLEAR SILENT DEFAULT")
        return False
    label = f"graph-store DELETE by token {token.id}"
    record = join_operations(
        provenance.invalidation(base, graph.value, label=label).sparql(),
        catalogue.record_removed(graph.value),
    )
    if not store.drop(graph.value, provenance_update=record):
        raise _not_found(graph)
    return False


def _guard(
    store: Store, base: str, graph: ox.NamedNode | None, triples: list[ox.Triple], *, merge: bool
) -> None:
    """The personal-data guard: a body with personal data is refused (422), nothing written."""
    language = app_settings(current_app)["default_language"]
    name = None if graph is None else graph.value
    gate.guard_graph_write(store, base, name, triples, merge=merge, language=language)


def _in(graph: ox.NamedNode | None, triples: list[ox.Triple]) -> list[ox.Quad]:
    name = ox.DefaultGraph() if graph is None else graph
    return [ox.Quad(t.subject, t.predicate, t.object, name) for t in triples]


_WRITES: dict[str, Callable[[ox.NamedNode | None, tokens.Token, str], bool]] = {
    "PUT": _put,
    "POST": _post,
    "DELETE": _delete,
}

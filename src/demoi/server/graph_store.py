"""Reads of the SPARQL 1.1 Graph Store HTTP Protocol at /graph-store (docs/sparql.md).

GET and HEAD return one graph, ``?graph=<iri>`` or ``?default``, in a triple format chosen by
content negotiation. Writes (PUT, POST, DELETE) need a write token; until tokens land every
write is answered 401 with ``WWW-Authenticate: Bearer``: the operation exists, the client is
not yet authorised (RFC 9110 §15.5.2), which is what a client must fix, not a missing method.
"""

from __future__ import annotations

import io

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import NotFound

from demoi.errors import UsageError
from demoi.formats import Format, formats_for
from demoi.iris import iri_problem, is_staging
from demoi.server import app_settings, app_store
from demoi.server.errors import error_response
from demoi.server.sparql import _content_type, choose_format

bp = Blueprint("graph_store", __name__)

GSP_SPEC = "https://www.w3.org/TR/sparql11-http-rdf-update/"
#: One graph has no graph names to carry, so the quad formats (TriG, N-Quads) are not offered.
TRIPLE_FORMATS = [fmt for fmt in formats_for("graph") if fmt.name not in ("nq", "trig")]


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
    response = Response(output.getvalue(), content_type=_content_type(media_type))
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


@bp.route("/graph-store", methods=["PUT", "POST", "DELETE"])
def write_graph() -> Response:
    requested_graph()  # a malformed request is a 400 whoever sends it
    response = error_response(
        401,
        "unauthorized",
        "writing a graph needs a write token",
        GSP_SPEC,
    )
    response.headers["WWW-Authenticate"] = 'Bearer realm="demoi"'
    return response

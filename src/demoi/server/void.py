"""VoID description of the data at /.well-known/void (RFC 8615; https://www.w3.org/TR/void/).

One void:Dataset for the whole endpoint with its statistics, and a void:subset per named graph
(the graph's own IRI) with its triple count and when it was last published. Three queries in
all, whatever the number of graphs (the national demo has thousands), and none again until
the next write.
"""

from __future__ import annotations

import io
from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from demoi.formats import formats_for
from demoi.server import app_settings, app_store
from demoi.server.sparql import choose_format, content_type_header

bp = Blueprint("void", __name__)

VOID = "http://rdfs.org/ns/void#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
MODIFIED = ox.NamedNode(DCTERMS + "modified")
PROVENANCE_TAIL = "graph/provenance"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

STATISTICS_QUERY = """
SELECT (COUNT(DISTINCT ?class) AS ?classes) (COUNT(DISTINCT ?p) AS ?properties)
       (COUNT(DISTINCT ?s) AS ?distinctSubjects) (COUNT(DISTINCT ?o) AS ?distinctObjects)
WHERE {
  ?s ?p ?o
  # ?nothing is never bound: IF then fails and leaves ?class unbound, which COUNT skips
  BIND(IF(?p = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>, ?o, ?nothing) AS ?class)
}
"""


def _void(name: str) -> ox.NamedNode:
    return ox.NamedNode(VOID + name)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def _statistics() -> dict[str, int]:
    settings = app_settings(current_app)
    result = app_store(current_app).query(
        STATISTICS_QUERY, timeout=settings["query_timeout"], union_default_graph=True
    )
    row = result.rows[0]
    return {
        name: int(value.value) if isinstance(value, ox.Literal) else 0
        for name, value in zip(result.variables, row, strict=True)
    }


def _modified() -> dict[str, ox.Literal]:
    """When each graph was last published, from the provenance graph.

    Any ``…/graph/provenance`` graph, not only this base's (as ``iris.is_reserved``): the
    server's base (``http://HOST:PORT/`` by default) need not be the one data was published
    under.
    """
    settings = app_settings(current_app)
    result = app_store(current_app).query(
        f"SELECT ?g ?modified WHERE {{ GRAPH ?provenance {{ ?g {MODIFIED} ?modified }} "
        f'FILTER(STRENDS(STR(?provenance), "/{PROVENANCE_TAIL}")) }}',
        timeout=settings["query_timeout"],
    )
    return {
        graph.value: modified
        for graph, modified in result.rows
        if isinstance(graph, ox.NamedNode) and isinstance(modified, ox.Literal)
    }


def void_triples(root: str) -> list[ox.Triple]:
    """The description, with the endpoint's IRIs under ``root`` (the server's URL)."""
    dataset = ox.NamedNode(root + ".well-known/void#dataset")
    endpoint = ox.NamedNode(root + "sparql")
    graphs = app_store(current_app).graphs()
    modified = _modified()
    triples = [
        ox.Triple(dataset, RDF_TYPE, _void("Dataset")),
        ox.Triple(dataset, _void("sparqlEndpoint"), endpoint),
        ox.Triple(dataset, _void("triples"), _integer(sum(info.triples for info in graphs))),
    ]
    for name, value in _statistics().items():
        triples.append(ox.Triple(dataset, _void(name), _integer(value)))
    for info in graphs:
        subset = ox.NamedNode(info.iri)
        dump = ox.NamedNode(root + "graph-store?graph=" + quote(info.iri, safe=""))
        triples += [
            ox.Triple(dataset, _void("subset"), subset),
            ox.Triple(subset, RDF_TYPE, _void("Dataset")),
            ox.Triple(subset, _void("triples"), _integer(info.triples)),
            ox.Triple(subset, _void("sparqlEndpoint"), endpoint),
            ox.Triple(subset, _void("dataDump"), dump),
        ]
        if info.iri in modified:
            triples.append(ox.Triple(subset, MODIFIED, modified[info.iri]))
    return triples


VOID_CACHE = "demoi.void"


def cached_void_triples(root: str) -> list[ox.Triple]:
    """void_triples, kept until the next write: its statistics scan every triple (seconds on
    the national demo), and the store's version changes with every write of the server, the
    only process that can open the store."""
    store = app_store(current_app)
    key = (id(store), getattr(store, "version", None), root)
    cached = current_app.extensions.get(VOID_CACHE)
    if key[1] is not None and cached is not None and cached[0] == key:
        triples: list[ox.Triple] = cached[1]
        return triples
    triples = void_triples(root)
    current_app.extensions[VOID_CACHE] = (key, triples)
    return triples


@bp.get("/.well-known/void")
def void() -> Response:
    fmt, media_type = choose_format(
        formats_for("graph"), request.args.get("format"), request.headers.get("Accept")
    )
    output = io.BytesIO()
    prefixes = {"void": VOID, "dcterms": DCTERMS}
    if fmt.rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        ox.serialize(
            cached_void_triples(request.url_root), output, fmt.rdf_format, prefixes=prefixes
        )
    else:
        ox.serialize(cached_void_triples(request.url_root), output, fmt.rdf_format)
    response = Response(output.getvalue(), content_type=content_type_header(media_type))
    response.headers["Vary"] = "Accept"
    return response

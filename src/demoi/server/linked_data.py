"""Linked data: every minted IRI and every vocabulary and code-list term dereferences.

``/id/…`` and ``/graph/…`` answer for the IRIs minted under the base IRI; ``/def/``, ``/code/``,
``/shapes/`` and ``/mapping/`` for the standards' IRIs under https://w3id.org/demoi/ (which
w3id.org redirects to a deployment); ``/resource?iri=`` for any other IRI the store or the
standards describe. Each answers with an HTML page or RDF, by Accept, by ``format=`` or by an
extension (``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``, ``.nq``, ``.trig``, ``.html``).
docs/linked-data.md is the guide.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request

from demoi.conneg import negotiate
from demoi.errors import UsageError
from demoi.iris import STANDARDS_BASE
from demoi.server import app_settings, app_store
from demoi.server import ld_describe as describe
from demoi.server import ld_page as page
from demoi.server.catalogue_page import dataset_quads
from demoi.server.errors import error_response
from demoi.server.i18n import page_context, page_language
from demoi.server.ld_standards import standards_for
from demoi.server.sparql import content_type_header
from demoi.server.standards_docs import docs_location

bp = Blueprint("linked_data", __name__)
#: The routes whose HTML is the documentation site's section rather than a resource page.
DOCUMENTED_ENDPOINTS = ("linked_data.vocabulary", "linked_data.code", "linked_data.shapes")

VOID_DATA_DUMP = ox.NamedNode("http://rdfs.org/ns/void#dataDump")


@dataclass(frozen=True)
class Representation:
    name: str
    media_types: tuple[str, ...]
    rdf_format: ox.RdfFormat | None = None

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    @property
    def carries_graphs(self) -> bool:
        """N-Quads and TriG say which graph each triple is in; the others give the triples
        alone (JSON-LD could name graphs, but readers of a description expect the resource
        at the top)."""
        return self.rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)


HTML = Representation("html", ("text/html", "application/xhtml+xml"))
#: The server's order of preference: a browser (or ``*/*``) gets the page.
REPRESENTATIONS = (
    HTML,
    Representation("ttl", ("text/turtle",), ox.RdfFormat.TURTLE),
    # application/json too: what a JSON client sends, and JSON-LD is JSON.
    Representation("jsonld", ("application/ld+json", "application/json"), ox.RdfFormat.JSON_LD),
    Representation("nt", ("application/n-triples",), ox.RdfFormat.N_TRIPLES),
    Representation("rdf", ("application/rdf+xml",), ox.RdfFormat.RDF_XML),
    Representation("nq", ("application/n-quads",), ox.RdfFormat.N_QUADS),
    Representation("trig", ("application/trig",), ox.RdfFormat.TRIG),
)
BY_NAME = {representation.name: representation for representation in REPRESENTATIONS}
OFFERED = [(media, rep) for rep in REPRESENTATIONS for media in rep.media_types]
TURTLE_PREFIXES = {
    name: page.PREFIXES[name]
    for name in ("rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "dcat", "prov", "qb", "void")
}

TEXT = {
    "el": {
        "types": "Τύποι",
        "property": "Ιδιότητα",
        "value": "Τιμή",
        "incoming": "Εισερχόμενοι σύνδεσμοι",
        "incoming_count": "{shown} από {total}",
        "no_incoming": "Κανένας πόρος δεν παραπέμπει εδώ.",
        "graphs": "Γράφοι",
        "formats": "Άλλες μορφές",
        "subject": "Πόρος",
        "graph": "Γράφος",
        "blank": "(ανώνυμος κόμβος)",
        "graph_about": "Ο γράφος",
        "triples": "Τριάδες",
        "dump": "Λήψη ολόκληρου του γράφου",
        "records": "Εγγραφή καταλόγου",
        "resources": "Πόροι του γράφου",
        "previous": "Προηγούμενα",
        "next": "Επόμενα",
        "page": "σελίδα {page}",
        "not_found_title": "Δεν βρέθηκε",
        "not_found": "Κανείς δεν περιγράφει το {iri} σε αυτόν τον διακομιστή.",
    },
    "en": {
        "types": "Types",
        "property": "Property",
        "value": "Value",
        "incoming": "Incoming links",
        "incoming_count": "{shown} of {total}",
        "no_incoming": "No resource links here.",
        "graphs": "Graphs",
        "formats": "Other formats",
        "subject": "Resource",
        "graph": "Graph",
        "blank": "(blank node)",
        "graph_about": "The graph",
        "triples": "Triples",
        "dump": "Download the whole graph",
        "records": "Catalogue record",
        "resources": "Resources in the graph",
        "previous": "Previous",
        "next": "Next",
        "page": "page {page}",
        "not_found_title": "Not found",
        "not_found": "Nobody describes {iri} on this server.",
    },
}
EXTENSIONS = tuple("." + rep.name for rep in REPRESENTATIONS)
DCTERMS_RELATION = ox.NamedNode(describe.DCTERMS + "relation")
DCTERMS_TITLE = ox.NamedNode(describe.DCTERMS + "title")


def _base() -> str:
    """The base of minted IRIs: the setting, or when it is empty ``http://HOST:PORT/``, the
    address the data was minted under (not the request's host: ``localhost`` would miss)."""
    return app_settings(current_app).base_uri


def _context() -> describe.Context:
    return describe.Context(
        store=app_store(current_app),
        standards=standards_for(_base()),
        timeout=float(app_settings(current_app)["query_timeout"]),
    )


def _iri_or_none(text: str) -> str | None:
    try:
        return ox.NamedNode(text).value
    except ValueError:
        return None


#: IRIs of the Catalogue of Indicators, which only its cubes ({base}graph/indicators/<id>)
#: describe: a token may write triples about any IRI into its own graphs, and a forged
#: description must not give a draft's IRI a page.
#: (Not id/indicator-value/…: the values a municipality keeps itself, lifted into its graphs.)
INDICATOR_IRIS = (
    "id/indicator/",
    "id/dataset/indicator/",
    "id/indicator-observation/",
    "id/indicator-gap/",
)


def _is_indicator_iri(iri: str) -> bool:
    path = iri.removeprefix(_base())
    return path != iri and (path == "id/indicator" or path.startswith(INDICATOR_IRIS))


def _from_indicator_cubes(iri: str, quads: list[ox.Quad]) -> list[ox.Quad]:
    if not _is_indicator_iri(iri):
        return quads
    cubes = f"{_base()}graph/indicators/"
    return [
        quad
        for quad in quads
        if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value.startswith(cubes)
    ]


def _exists(context: describe.Context, iri: str) -> bool:
    if _is_indicator_iri(iri):
        return bool(_from_indicator_cubes(iri, describe.description(context, iri)))
    if context.standards.describes(iri) or describe.graph_exists(context, iri):
        return True
    node = ox.NamedNode(iri)
    if context.store.query(f"ASK {{ {node} ?p ?o }}", timeout=context.timeout).boolean:
        return True
    return bool(dataset_quads(iri))


def _requested_representation() -> Representation:
    requested = request.args.get("format")
    if requested:
        if requested not in BY_NAME:
            raise UsageError(f"unknown format {requested!r}; the formats are " + ", ".join(BY_NAME))
        return BY_NAME[requested]
    return negotiate(request.headers.get("Accept"), OFFERED)


@bp.after_request
def allow_any_origin(response: Response) -> Response:
    """Descriptions are public and read-only, like /sparql: a page on any origin may read them
    (no credentials are involved, so ``*`` is safe)."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


# -- routes --------------------------------------------------------------------------------


@bp.get("/id/<path:path>")
def minted(path: str) -> Response:
    return _serve_path(_base(), "id/" + path)


@bp.get("/graph/<path:path>")
def graph(path: str) -> Response:
    return _serve_path(_base(), "graph/" + path)


@bp.get("/def/<path:path>")
def vocabulary(path: str) -> Response:
    return _serve_path(STANDARDS_BASE, "def/" + path)


@bp.get("/code/<path:path>")
def code(path: str) -> Response:
    return _serve_path(STANDARDS_BASE, "code/" + path)


@bp.get("/shapes/<path:path>")
def shapes(path: str) -> Response:
    return _serve_path(STANDARDS_BASE, "shapes/" + path)


@bp.get("/mapping/<path:path>")
def mapping(path: str) -> Response:
    return _serve_path(STANDARDS_BASE, "mapping/" + path)


@bp.get("/resource")
def resource() -> Response:
    if not request.args.get("iri"):
        raise UsageError("give the IRI to describe: /resource?iri=…")
    iri = _iri_or_none(request.args["iri"])

    def alternate(rep: Representation) -> str:
        return f"{request.script_root}/resource?iri={quote(str(iri), safe='')}&format={rep.name}"

    return _respond(iri, None, alternate)


def _serve_path(namespace: str, path: str) -> Response:
    """The resource ``namespace + path``; an extension chooses the format only when the IRI
    with it names nothing (minted IRIs have dots: ``…/6121.01``)."""
    context = _context()
    chosen: Representation | None = None
    local = request.script_root + "/" + path
    iri = _described(context, namespace, path)
    extension = next((ext for ext in EXTENSIONS if path.endswith(ext)), None)
    if extension and iri is None:
        chosen = BY_NAME[extension[1:]]
        path = path[: -len(extension)]
        iri = _described(context, namespace, path)
        local = local[: -len(extension)]
    if iri is None:
        iri = _iri_or_none(namespace + _iri_path(path))

    def alternate(rep: Representation) -> str:
        return f"{quote(local, safe=page.URI_SAFE)}.{rep.name}"

    return _respond(iri, chosen, alternate)


def _described(context: describe.Context, namespace: str, path: str) -> str | None:
    """The IRI the path names, if anyone describes it. The server receives the path decoded,
    and an IRI may hold a character as itself (``…/decision/4401/ΩΤ9Μ…``) or percent-encoded
    (``…/code/decision-type/%CE%91.2``): both are tried."""
    forms = [namespace + _iri_path(path)]
    if not path.isascii():
        forms.append(namespace + quote(path, safe=page.URI_SAFE))
    for form in forms:
        iri = _iri_or_none(form)
        if iri is not None and _exists(context, iri):
            return iri
    return None


def _iri_path(path: str) -> str:
    """The path as it appears in an IRI: the few characters an IRI cannot hold go back to
    their percent-encoded form."""
    return "".join(quote(char) if char in ' "<>\\^`{|}' else char for char in path)


def _respond(
    iri: str | None, chosen: Representation | None, alternate: Callable[[Representation], str]
) -> Response:
    representation = chosen or _requested_representation()
    docs = _docs_location(iri, representation)
    if docs is not None:
        redirect = Response(status=303, headers={"Location": docs})
        return _announced(redirect, representation, alternate)
    context = _context()
    quads = describe.description(context, iri) if iri else []
    if iri:
        quads = _from_indicator_cubes(iri, _with_catalogue(iri, quads))
    is_graph = bool(iri) and describe.graph_exists(context, str(iri))
    if iri is None or not (quads or is_graph):
        return _not_found(iri or request.args.get("iri", ""), representation)
    if representation is HTML:
        response = _html(context, iri, quads, is_graph, alternate)
    else:
        if is_graph:
            dump = request.url_root + "graph-store?graph=" + quote(iri, safe="")
            quads.append(ox.Quad(ox.NamedNode(iri), VOID_DATA_DUMP, ox.NamedNode(dump)))
        prefixes = _used(TURTLE_PREFIXES | context.standards.prefixes, quads)
        response = _rdf(quads, representation, prefixes)
    return _announced(response, representation, alternate)


def _docs_location(iri: str | None, representation: Representation) -> str | None:
    """A standards IRI's page is its section of the documentation site (/standards/…): a
    browser is sent there before anything is looked up in the store. Only the site's terms
    have one; any other IRI goes on to its resource page or its 404."""
    if iri is None or representation is not HTML or request.endpoint not in DOCUMENTED_ENDPOINTS:
        return None
    return docs_location(iri)


def _announced(
    response: Response, representation: Representation, alternate: Callable[[Representation], str]
) -> Response:
    response.headers["Vary"] = "Accept, Accept-Language"
    response.headers["Link"] = ", ".join(
        f'<{alternate(rep)}>; rel="alternate"; type="{rep.media_type}"'
        for rep in REPRESENTATIONS
        if rep is not representation
    )
    return response


def _with_catalogue(iri: str, quads: list[ox.Quad]) -> list[ox.Quad]:
    """A catalogue dataset is described by the catalogue generated from the store: what it
    states replaces what the publication record of the same IRI says (a dataset without
    periods has one), so that the description has one title per language, one period."""
    generated = dataset_quads(iri)
    if not generated:
        return quads
    subject = ox.NamedNode(iri)
    stated = {quad.predicate for quad in generated if quad.subject == subject}
    temporal = ox.NamedNode(f"{iri}#temporal")
    # Only the municipality's own graphs speak of its dataset here: any token may write
    # triples about any IRI into its own graphs (found in review: another municipality's
    # title and licence on the page).
    own = f"{_base()}graph/{iri.removeprefix(_base()).split('/')[2]}/"
    kept = [
        quad
        for quad in quads
        if isinstance(quad.graph_name, ox.NamedNode)
        and quad.graph_name.value.startswith(own)
        and not (quad.subject == subject and quad.predicate in stated)
        and quad.subject != temporal
        and quad.object != temporal
    ]
    known = set(kept)
    return kept + [quad for quad in generated if quad not in known]


def _used(prefixes: dict[str, str], quads: list[ox.Quad]) -> dict[str, str]:
    """The prefixes the quads need, so a short description does not start with twenty."""
    iris = {
        term.value
        for quad in quads
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name)
        if isinstance(term, ox.NamedNode)
    }
    iris.update(quad.object.datatype.value for quad in quads if isinstance(quad.object, ox.Literal))
    return {
        name: namespace
        for name, namespace in prefixes.items()
        if any(iri.startswith(namespace) for iri in iris)
    }


def _rdf(
    quads: list[ox.Quad], representation: Representation, prefixes: dict[str, str]
) -> Response:
    assert representation.rdf_format is not None
    output = io.BytesIO()
    if representation.carries_graphs:
        ox.serialize(quads, output, representation.rdf_format, prefixes=prefixes)
    else:
        triples = list(dict.fromkeys(quad.triple for quad in quads))
        if representation.rdf_format is ox.RdfFormat.TURTLE:
            ox.serialize(triples, output, representation.rdf_format, prefixes=prefixes)
        elif representation.rdf_format is ox.RdfFormat.JSON_LD:
            # Compacted with the all-areas context, inlined: docs/jsonld-contexts.md.
            from demoi.jsonld import jsonld_bytes
            from demoi.vocab.contexts import standard_context

            output.write(jsonld_bytes(triples, standard_context()))
        else:
            ox.serialize(triples, output, representation.rdf_format)
    return Response(output.getvalue(), content_type=content_type_header(representation.media_type))


def _not_found(iri: str, representation: Representation) -> Response:
    if representation is not HTML:
        return error_response(404, "not-found", f"nobody describes {iri} on this server")
    language = page_language()
    response = Response(
        render_template(
            "not_found.html", **page_context(language), text=TEXT[language], texts=TEXT, iri=iri
        ),
        status=404,
        content_type="text/html; charset=utf-8",
    )
    response.headers["Vary"] = "Accept, Accept-Language"
    return response


@dataclass(frozen=True)
class GraphView:
    content: describe.GraphContent
    number: int
    dump: str
    resources: list[page.Link]
    records: list[page.IncomingRow]

    def page_href(self, number: int, language: str) -> str:
        """The link to another page of the graph: the request's own parameters (``iri=`` on
        /resource) with ``page`` and ``lang`` set."""
        kept = [(k, v) for k, v in request.args.items(multi=True) if k not in ("page", "lang")]
        return "?" + urlencode([*kept, ("page", str(number)), ("lang", language)])


@dataclass(frozen=True)
class FormatLink:
    name: str
    media_type: str
    href: str


def _html(
    context: describe.Context,
    iri: str,
    quads: list[ox.Quad],
    is_graph: bool,
    alternate: Callable[[Representation], str],
) -> Response:
    language = page_language()
    incoming = describe.incoming(context, iri)
    content = describe.graph_content(context, iri, _page_number()) if is_graph else None
    wanted = page.iris_to_label(quads, incoming)
    if content is not None:
        wanted.update(resource.value for resource in content.resources)
    labels = describe.labels(context, wanted)
    # The catalogue's quads of a dataset are in its catalogue's graph (dataset_quads).
    titles = [
        quad.object
        for quad in quads
        if quad.subject == ox.NamedNode(iri)
        and quad.predicate == DCTERMS_TITLE
        and isinstance(quad.graph_name, ox.NamedNode)
        and quad.graph_name.value.startswith(f"{_base()}catalog/")
    ]
    if titles:  # a catalogue dataset is named by the catalogue, not by labels in any graph
        labels.by_iri[iri] = [t for t in titles if isinstance(t, ox.Literal)]
    linker = page.Linker(_base(), request.script_root + "/", labels, language)
    sections = page.SectionBuilder(quads, linker).sections(iri)
    title = sections[0].title if sections else linker.label(iri)
    incoming_rows = page.incoming_rows(incoming, linker)
    graph_view = None
    if content is not None:
        graph_view = GraphView(
            content=content,
            number=_page_number(),
            dump=request.script_root + "/graph-store?graph=" + quote(iri, safe=""),
            resources=[linker.link(resource.value) for resource in content.resources],
            records=[row for row in incoming_rows if row.property.iri == DCTERMS_RELATION.value],
        )
        # A graph has no label of its own; its catalogue record's title says what it holds.
        record = next((row.subject for row in graph_view.records if row.subject), None)
        if record is not None and record.text != record.iri:
            title = record.text
    html = render_template(
        "resource.html",
        **page_context(language),
        text=TEXT[language],
        iri=iri,
        title=title,
        sections=sections,
        incoming=incoming_rows,
        incoming_total=f"{incoming.total}" + ("" if incoming.complete else "+"),
        graphs=page.graphs_of(quads, iri, linker),
        graph=graph_view,
        formats=[
            FormatLink(rep.name, rep.media_type, alternate(rep))
            for rep in REPRESENTATIONS
            if rep is not HTML
        ],
    )
    return Response(html, content_type="text/html; charset=utf-8")


#: Far past any graph's last page, and small enough that its OFFSET stays a number Oxigraph
#: reads (it refuses one past 2**63).
MAX_PAGE = 10**9


def _page_number() -> int:
    try:
        number = max(1, int(request.args.get("page", "1")))
    except ValueError:
        return 1
    if number > MAX_PAGE:
        raise UsageError(f"page={number} is past the last page; pages go up to {MAX_PAGE}")
    return number

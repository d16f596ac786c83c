"""Linked data: every minted IRI, vocabulary, code list and known IRI dereferences, as HTML in
Greek and English and as RDF in every format, by Accept and by extension (docs/linked-data.md).

Most tests read the session's demo store of Kalamata; the IRIs of its data are found with
SPARQL rather than written here, so a change to a generator does not silently test nothing."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from werkzeug.test import TestResponse

from conftest import DEMO_BASE
from demoi.server import app_store

W3ID = "https://w3id.org/demoi/"
LABELS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
    "http://xmlns.com/foaf/0.1/name",
    "https://schema.org/name",
    "http://schema.org/name",
    "http://www.w3.org/ns/locn#geographicName",
)
RDF_FORMATS = {
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "rdf": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "nq": ("application/n-quads", ox.RdfFormat.N_QUADS),
    "trig": ("application/trig", ox.RdfFormat.TRIG),
}
PREFIXES = """
PREFIX fin: <https://w3id.org/demoi/def/finance#>
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
PREFIX env: <https://w3id.org/demoi/def/environment#>
PREFIX places: <https://w3id.org/demoi/def/places#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX cv: <http://data.europa.eu/m8g/>
PREFIX cpsv: <http://purl.org/vocab/cpsv#>
PREFIX gtfs: <http://vocab.gtfs.org/terms#>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@dataclass(frozen=True)
class Kind:
    """A kind of resource: how to find one in the demo store, or its fixed IRI and path."""

    name: str
    pattern: str = ""  # a SPARQL pattern binding ?s (and ?g) in the demo store
    iri: str = ""
    path: str = ""
    #: The IRI that must be a subject of the RDF (a term of a vocabulary document).
    subject: str = ""


KINDS = [
    Kind("budget line", "?s a fin:ExpenditureLine"),
    Kind("decision", "?s a dec:Decision"),
    Kind("organisation unit", "?s a org:OrganizationalUnit"),
    Kind("facility", "?s a places:MunicipalFacility"),
    Kind("observation", "?s a env:AirQualityObservation"),
    Kind("event", "?s a cv:PublicEvent"),
    Kind("service", "?s a cpsv:PublicService"),
    Kind("gtfs stop", "?s a gtfs:Stop"),
    Kind("dataset record", '?s a dcat:Dataset FILTER(STRENDS(STR(?g), "/catalogue"))'),
    Kind("publication activity", "?s a prov:Activity"),
    Kind("graph page", path="graph/4401/budget-expense/2024"),
    Kind("vocabulary document", iri=W3ID + "def/finance", path="def/finance"),
    Kind(
        "vocabulary term",
        iri=W3ID + "def/finance",
        path="def/finance",
        subject=W3ID + "def/finance#paid",
    ),
    Kind("code-list scheme", iri=W3ID + "code/kae", path="code/kae"),
    Kind("concept", iri=W3ID + "code/functional-area/finance", path="code/functional-area/finance"),
    Kind("municipality code", iri=W3ID + "code/municipality/4401", path="code/municipality/4401"),
    Kind("shapes", iri=W3ID + "shapes/finance", path="shapes/finance"),
    Kind("mapping", iri=W3ID + "mapping/budget-expense", path="mapping/budget-expense"),
    Kind(
        "EU data theme",
        iri="http://publications.europa.eu/resource/authority/data-theme/GOVE",
        path="resource?iri="
        + quote("http://publications.europa.eu/resource/authority/data-theme/GOVE", safe=""),
    ),
]


@dataclass(frozen=True)
class Target:
    iri: str
    url: str
    subject: str


def find(app: Flask, kind: Kind) -> Target:
    if kind.pattern:
        result = app_store(app).query(
            f"{PREFIXES} SELECT ?s WHERE {{ GRAPH ?g {{ {kind.pattern} }} "
            f'FILTER(STRSTARTS(STR(?s), "{DEMO_BASE}id/")) }} ORDER BY ?s LIMIT 1'
        )
        assert result.rows, f"the demo store has no {kind.name}"
        iri = str(result.rows[0][0].value)  # type: ignore[union-attr]
        return Target(iri, "/" + iri[len(DEMO_BASE) :], iri)
    iri = kind.iri or DEMO_BASE + kind.path
    return Target(iri, "/" + kind.path, kind.subject or iri)


@pytest.fixture(params=KINDS, ids=[kind.name for kind in KINDS])
def target(request: pytest.FixtureRequest, demo_app: Flask) -> Target:
    return find(demo_app, request.param)


#: The paths whose HTML is the documentation site (/standards/…) rather than a resource page.
DOCUMENTED = ("/def/", "/code/", "/shapes/")
#: Kalamata's resource page, which the documentation site leaves to /resource.
KALAMATA = "/resource?iri=" + quote(W3ID + "code/municipality/4401", safe="")


def with_format(url: str, name: str) -> str:
    return f"{url}&format={name}" if "?" in url else f"{url}.{name}"


def parse(response: TestResponse, rdf_format: ox.RdfFormat) -> list[ox.Quad]:
    return list(ox.parse(response.data, rdf_format))


def titles_expected(quads: list[ox.Quad], iri: str, language: str) -> set[str]:
    """The label the page must show: in ``language``, else any other, else the last segment."""
    labels = [
        quad.object
        for quad in quads
        if quad.subject == ox.NamedNode(iri)
        and quad.predicate.value in LABELS
        and isinstance(quad.object, ox.Literal)
    ]
    for accept in (
        lambda tag: tag == language,
        lambda tag: tag not in ("", language),
        lambda tag: True,
    ):
        chosen = {label.value for label in labels if accept(label.language or "")}
        if chosen:
            return chosen
    return {re.split(r"[/#]", iri.rstrip("/"))[-1]}


def h1(page: str) -> str:
    match = re.search(r"<h1>(.*?)</h1>", page, re.S)
    assert match, "the page has no <h1>"
    return html.unescape(match.group(1))


def local_links(page: str) -> list[str]:
    hrefs = (html.unescape(href) for href in re.findall(r'href="([^"]+)"', page))
    return list(dict.fromkeys(href.partition("#")[0] for href in hrefs if href.startswith("/")))


# -- every kind, every format -------------------------------------------------------------


@pytest.mark.parametrize("name", list(RDF_FORMATS))
def test_every_kind_of_resource_dereferences_as_rdf_that_parses(
    demo_client: FlaskClient, target: Target, name: str
) -> None:
    media_type, rdf_format = RDF_FORMATS[name]
    by_accept = demo_client.get(target.url, headers={"Accept": media_type})
    by_extension = demo_client.get(with_format(target.url, name))
    described = []
    for response in (by_accept, by_extension):
        assert response.status_code == 200, response.data[:300]
        assert response.mimetype == media_type
        assert "Accept" in response.headers["Vary"]
        quads = parse(response, rdf_format)
        assert ox.NamedNode(target.subject) in {quad.subject for quad in quads}
        described.append({quad for quad in quads if not _has_blank_node(quad)})
    assert described[0] == described[1]


def _has_blank_node(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


@pytest.mark.parametrize("language", ["el", "en"])
def test_every_kind_of_resource_has_a_page_in_greek_and_english(
    demo_client: FlaskClient, target: Target, language: str
) -> None:
    description = parse(demo_client.get(with_format(target.url, "nt")), ox.RdfFormat.N_TRIPLES)
    separator = "&" if "?" in target.url else "?"
    response = demo_client.get(f"{target.url}{separator}lang={language}")
    # A standards IRI's page is its section of the documentation site (test_vocab_docs.py).
    documented = target.url.startswith(DOCUMENTED)
    if documented:
        assert response.status_code == 303
        assert response.headers["Location"].startswith("/standards/")
        response = demo_client.get(response.headers["Location"])
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert f'<html lang="{language}">' in page
    if documented:
        titles = titles_expected(description, target.iri, language)
        assert any(str(escape(title)) in page for title in titles)
    elif not target.url.startswith("/graph/"):  # a graph's page is titled by its record
        assert h1(page) in titles_expected(description, target.iri, language)
    links = local_links(page)
    assert links, "the page links nowhere on this server"
    for link in links[:8]:
        followed = demo_client.get(link)
        followed.close()  # the stylesheet is streamed from a file
        assert followed.status_code == 200, link


def test_the_language_follows_accept_language_without_lang(demo_client: FlaskClient) -> None:
    greek = demo_client.get(KALAMATA, headers={"Accept-Language": "el"})
    english = demo_client.get(KALAMATA, headers={"Accept-Language": "en-GB"})
    assert h1(greek.get_data(as_text=True)) == "Δήμος Καλαμάτας"
    assert h1(english.get_data(as_text=True)) == "Municipality of Kalamata"


def test_a_vocabulary_document_has_an_anchor_per_term(demo_client: FlaskClient) -> None:
    page = demo_client.get("/def/finance?lang=en", follow_redirects=True).get_data(as_text=True)
    for term in ("paid", "ExpenditureLine", "BudgetLine"):
        assert f'id="{term}"' in page
    assert h1(page) == "demoi finance vocabulary"


def test_a_hash_iri_of_minted_data_is_a_section_of_its_document(
    demo_client: FlaskClient, demo_app: Flask
) -> None:
    result = app_store(demo_app).query(
        f"{PREFIXES} SELECT ?s ?r WHERE {{ ?s a env:AirQualityObservation ; "
        "<http://www.w3.org/ns/sosa/hasResult> ?r } ORDER BY ?s LIMIT 1"
    )
    observation, outcome = (str(term.value) for term in result.rows[0])  # type: ignore[union-attr]
    assert outcome == observation + "#result"
    page = demo_client.get("/" + observation[len(DEMO_BASE) :]).get_data(as_text=True)
    assert 'id="result"' in page
    turtle = demo_client.get("/" + observation[len(DEMO_BASE) :] + ".ttl")
    subjects = {quad.subject for quad in parse(turtle, ox.RdfFormat.TURTLE)}
    assert ox.NamedNode(outcome) in subjects


def test_a_code_whose_iri_is_percent_encoded_dereferences(demo_client: FlaskClient) -> None:
    """The decision types' IRIs hold their Greek notation percent-encoded (…/%CE%91.2); the
    server receives the path decoded, and their links led to a 404."""
    response = demo_client.get("/code/decision-type/%CE%91.2?lang=en")
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location == "/standards/code/decision-type?lang=en#%CE%91.2"
    docs = demo_client.get(location).get_data(as_text=True)
    assert 'id="Α.2"' in docs.partition('id="Α.2"')[1]
    assert "Regulatory act" in docs.partition('id="Α.2"')[2].partition("</tr>")[0]
    scheme = "/resource?iri=" + quote(W3ID + "code/decision-type", safe="")
    assert 'href="/code/decision-type/%CE%91.2"' in demo_client.get(scheme).get_data(as_text=True)


def test_an_iri_described_nowhere_is_not_linked(make_app: Callable[..., Flask]) -> None:
    app = make_app(BASE_URI="http://demoi.test/", RATE_LIMIT="")
    data = (
        "<http://demoi.test/id/a> <http://www.w3.org/2000/01/rdf-schema#seeAlso> "
        "<http://demoi.test/id/missing> , <https://example.org/elsewhere> ."
    )
    app_store(app).replace_graph("http://demoi.test/graph/x", data.encode(), ox.RdfFormat.TURTLE)
    page = app.test_client().get("/id/a").get_data(as_text=True)
    assert 'href="/id/missing"' not in page and ">missing<" in page
    assert 'href="https://example.org/elsewhere"' in page


def test_a_municipality_shows_its_incoming_links_bounded(demo_client: FlaskClient) -> None:
    page = demo_client.get(KALAMATA + "&lang=en").get_data(as_text=True)
    incoming = page.split('<section class="ld-incoming">')[1].split("</section>")[0]
    match = re.search(r"Incoming links \((\d+) of (\d+)\)", incoming)
    assert match, incoming[:300]
    shown, total = int(match.group(1)), int(match.group(2))
    assert shown == 50 < total
    assert incoming.count("<tr>") == shown + 1  # the header row


def test_the_count_of_incoming_links_stops_at_ten_thousand(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(BASE_URI="http://demoi.test/", RATE_LIMIT="")
    hub = '<http://demoi.test/id/hub> <http://www.w3.org/2000/01/rdf-schema#label> "hub"@en .\n'
    links = "".join(
        f"<http://demoi.test/id/n/{n}> <http://www.w3.org/2000/01/rdf-schema#seeAlso> "
        "<http://demoi.test/id/hub> .\n"
        for n in range(10_001)
    )
    app_store(app).replace_graph(
        "http://demoi.test/graph/x", (hub + links).encode(), ox.RdfFormat.N_TRIPLES
    )
    page = app.test_client().get("/id/hub?lang=en").get_data(as_text=True)
    assert "Incoming links (50 of 10000+)" in page


def test_a_graph_page_shows_its_record_size_dump_and_resources(demo_client: FlaskClient) -> None:
    page = demo_client.get("/graph/4401/budget-expense/2024?lang=en").get_data(as_text=True)
    graph = DEMO_BASE + "graph/4401/budget-expense/2024"
    assert h1(page) == "Budget execution: expenditure, 2024"  # the record's
    assert f"/graph-store?graph={quote(graph, safe='')}" in page
    assert 'href="/id/dataset/4401/budget-expense/2024"' in page  # the catalogue record
    count = re.search(r'<span class="ld-count">(\d+)</span>', page)
    assert count and int(count.group(1)) > 0
    assert 'href="/id/budget-expense/4401/2024/' in page
    dump = demo_client.get(
        f"/graph-store?graph={quote(graph, safe='')}", headers={"Accept": "application/n-triples"}
    )
    assert len(list(ox.parse(dump.data, ox.RdfFormat.N_TRIPLES))) == int(count.group(1))


def test_a_large_graph_is_paged(demo_client: FlaskClient) -> None:
    first = demo_client.get("/graph/standards/codelists/municipalities").get_data(as_text=True)
    assert 'rel="next" href="?page=2' in first
    second = demo_client.get("/graph/standards/codelists/municipalities?page=2")
    assert second.status_code == 200
    first_items = set(re.findall(r"<li><a href=\"([^\"]+)\"", first))
    second_items = set(re.findall(r"<li><a href=\"([^\"]+)\"", second.get_data(as_text=True)))
    assert second_items - first_items


# -- negotiation ----------------------------------------------------------------------------


def test_nquads_and_trig_carry_the_graph_and_json_ld_the_resource_alone(
    demo_client: FlaskClient, demo_app: Flask
) -> None:
    line = find(demo_app, KINDS[0])
    graph = ox.NamedNode(DEMO_BASE + "graph/4401/budget-expense/2024")
    for name in ("nq", "trig"):
        quads = parse(demo_client.get(f"{line.url}.{name}"), RDF_FORMATS[name][1])
        assert {quad.graph_name for quad in quads if quad.subject.value == line.iri} == {graph}
    quads = parse(demo_client.get(line.url + ".jsonld"), ox.RdfFormat.JSON_LD)
    assert line.iri in {quad.subject.value for quad in quads}
    assert {quad.graph_name for quad in quads} == {ox.DefaultGraph()}


def test_a_json_client_gets_json_ld(demo_client: FlaskClient) -> None:
    response = demo_client.get("/code/municipality/4401", headers={"Accept": "application/json"})
    assert response.mimetype == "application/ld+json"
    quads = parse(response, ox.RdfFormat.JSON_LD)
    assert W3ID + "code/municipality/4401" in {quad.subject.value for quad in quads}


def test_a_browser_gets_html_and_alternates_are_announced(demo_client: FlaskClient) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = demo_client.get("/code/municipality/4401", headers={"Accept": browser})
    assert response.mimetype == "text/html"
    link = response.headers["Link"]
    assert '</code/municipality/4401.ttl>; rel="alternate"; type="text/turtle"' in link
    assert 'type="application/ld+json"' in link
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_an_extension_is_stripped_only_from_a_dotted_minted_iri_that_needs_it(
    demo_client: FlaskClient, demo_app: Flask
) -> None:
    line = find(demo_app, KINDS[0])
    assert re.search(r"\.\d+$", line.iri), "budget lines end in a dotted KAE code"
    page = demo_client.get(line.url, headers={"Accept": "text/html"})
    turtle = demo_client.get(line.url + ".ttl")
    assert page.mimetype == "text/html" and turtle.mimetype == "text/turtle"
    assert ox.NamedNode(line.iri) in {q.subject for q in parse(turtle, ox.RdfFormat.TURTLE)}
    assert demo_client.get(line.url + ".html").mimetype == "text/html"


def test_an_iri_that_ends_in_an_extension_is_itself_served(make_app: Callable[..., Flask]) -> None:
    app = make_app(BASE_URI="http://demoi.test/", RATE_LIMIT="")
    named = "http://demoi.test/id/file/report.ttl"
    data = f'<{named}> <http://www.w3.org/2000/01/rdf-schema#label> "the report"@en .'
    app_store(app).replace_graph("http://demoi.test/graph/x", data.encode(), ox.RdfFormat.TURTLE)
    response = app.test_client().get("/id/file/report.ttl?lang=en")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert h1(response.get_data(as_text=True)) == "the report"


def test_an_iri_nobody_describes_is_404_as_a_page_or_as_json(demo_client: FlaskClient) -> None:
    page = demo_client.get("/id/nothing/here", headers={"Accept": "text/html"})
    assert page.status_code == 404
    text = page.get_data(as_text=True)
    assert "Δεν βρέθηκε" in text and "Nobody describes" in text
    rdf = demo_client.get("/id/nothing/here", headers={"Accept": "text/turtle"})
    assert rdf.status_code == 404
    assert json.loads(rdf.data)["error"]["code"] == "not-found"
    unknown = demo_client.get("/resource?iri=" + quote("http://example.org/unknown", safe=""))
    assert unknown.status_code == 404
    assert demo_client.get("/code/municipality/9999").status_code == 404


def test_an_unacceptable_type_is_406_listing_what_is_offered(demo_client: FlaskClient) -> None:
    response = demo_client.get("/code/municipality/4401", headers={"Accept": "image/png"})
    assert response.status_code == 406
    message = json.loads(response.data)["error"]["message"]
    for media_type in ("text/html", "text/turtle", "application/ld+json", "application/rdf+xml"):
        assert media_type in message


# -- a deployment of its own --------------------------------------------------------------


def test_standards_are_served_by_a_store_that_never_loaded_them(
    make_app: Callable[..., Flask],
) -> None:
    client = make_app(BASE_URI="http://demoi.test/", RATE_LIMIT="").test_client()
    assert h1(client.get(KALAMATA + "&lang=el").get_data(as_text=True)) == "Δήμος Καλαμάτας"
    turtle = client.get("/def/finance.ttl")
    subjects = {quad.subject for quad in parse(turtle, ox.RdfFormat.TURTLE)}
    assert ox.NamedNode(W3ID + "def/finance#paid") in subjects
    assert client.get("/graph/standards/finance").status_code == 200


def test_a_script_label_renders_as_text(make_app: Callable[..., Flask]) -> None:
    app = make_app(BASE_URI="http://demoi.test/", RATE_LIMIT="")
    evil = "<script>alert(1)</script>"
    data = (
        f'<http://demoi.test/id/evil/1> <http://www.w3.org/2000/01/rdf-schema#label> "{evil}"@en ;'
        f' <http://purl.org/dc/terms/description> "{evil} & \\"quoted\\"" ;'
        " <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(1)> ."
    )
    app_store(app).replace_graph("http://demoi.test/graph/x", data.encode(), ox.RdfFormat.TURTLE)
    page = app.test_client().get("/id/evil/1?lang=en").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert h1(page) == evil
    assert 'href="javascript:' not in page  # only http(s) IRIs become links


def test_the_next_page_of_a_graph_served_by_resource_iri_keeps_the_iri(
    make_app: Callable[..., Flask],
) -> None:
    # Regression: the paging links were "?page=2&lang=…" alone, which on /resource?iri=…
    # dropped the IRI and answered 400 "give the IRI to describe".
    app = make_app(BASE_URI="http://demoi.test/", RATE_LIMIT="")
    graph = "http://elsewhere.example/graph/big"
    data = "".join(f"<http://elsewhere.example/r/{n}> <http://e/p> {n} .\n" for n in range(150))
    app_store(app).replace_graph(graph, data.encode(), ox.RdfFormat.TURTLE)
    client = app.test_client()
    first = client.get(f"/resource?iri={quote(graph, safe='')}&lang=en").get_data(as_text=True)
    link = re.search(r'rel="next" href="([^"]+)"', first)
    assert link is not None
    second = client.get("/resource" + html.unescape(link.group(1)))
    assert second.status_code == 200
    assert "http://elsewhere.example/r/99" in second.get_data(as_text=True)
    back = re.search(r'rel="prev" href="([^"]+)"', second.get_data(as_text=True))
    assert back is not None
    assert client.get("/resource" + html.unescape(back.group(1))).status_code == 200


def test_a_page_number_too_large_for_an_offset_is_a_clear_400(demo_client: FlaskClient) -> None:
    # Regression: ?page=99999999999999999999999 made an OFFSET Oxigraph cannot read, and the
    # visitor got the server's own query's syntax error ("line 1, column 168: ...").
    answer = demo_client.get("/graph/standards/codelists/municipalities?page=" + "9" * 23)
    assert answer.status_code == 400
    message = answer.json["error"]["message"]  # type: ignore[index]
    assert "page" in message and "line 1" not in message
    assert demo_client.get("/graph/standards/codelists/municipalities?page=2").status_code == 200

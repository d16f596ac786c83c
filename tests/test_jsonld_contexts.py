"""JSON-LD contexts: built from the vocabularies by ``demoi vocab context``, served at
/context/<area>.jsonld, and used by the JSON-LD outputs (docs/jsonld-contexts.md)."""

from __future__ import annotations

import json
import shutil
import threading
import warnings
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from rdflib.compare import isomorphic

from conftest import DEMO_BASE, REPO
from demoi.cli import cli
from demoi.dcat.paging import serialise
from demoi.jsonld import compacted, compacted_bytes, jsonld_bytes
from demoi.server import app_store
from demoi.vocab.contexts import (
    ALL_AREAS,
    Context,
    build_context,
    build_contexts,
    read_standards,
)

STANDARDS = read_standards()
CONTEXTS = build_contexts(STANDARDS)
AREAS = STANDARDS.areas
#: Every context but the all-areas one: the areas', then privacy's (a vocabulary of no area).
NAMES = STANDARDS.names
CASES = sorted((REPO / "tests" / "cases" / "shapes").glob("*/*/data.ttl"))
XSD = "http://www.w3.org/2001/XMLSchema#"


def canonical(quads: list[ox.Quad]) -> set[ox.Quad]:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def triples_of(path: Path) -> list[ox.Triple]:
    return [quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]


def rdflib_read(output: bytes) -> rdflib.Graph:
    with warnings.catch_warnings():
        # rdflib 7.6's JSON-LD parser builds a ConjunctiveGraph, which rdflib itself deprecates.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return rdflib.Graph().parse(data=output, format="json-ld")


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), f"a name defined twice: {keys}"
    return dict(pairs)


def keys_and_types(document: dict[str, Any]) -> set[str]:
    """The property names and @type values of a compacted document's nodes."""
    found: set[str] = set()
    for node in document.get("@graph", [document]):
        found.update(key for key in node if not key.startswith("@"))
        types = node.get("@type", [])
        found.update([types] if isinstance(types, str) else types)
    return found


# -- the round trip of every fixture ------------------------------------------------------


def test_every_area_has_data_cases() -> None:
    assert len(AREAS) == 12
    assert {path.parent.parent.name for path in CASES} == set(AREAS)


@pytest.mark.parametrize("context_name", ["area", ALL_AREAS])
@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_a_fixture_round_trips_through_compacted_json_ld(case: Path, context_name: str) -> None:
    area = case.parent.parent.name
    context = CONTEXTS[area if context_name == "area" else ALL_AREAS]
    triples = triples_of(case)
    output = compacted_bytes(triples, context)

    # pyoxigraph (a JSON-LD 1.1 processor) and rdflib both read back the same triples.
    read = list(ox.parse(output, format=ox.RdfFormat.JSON_LD))
    assert canonical(read) == canonical([ox.Quad(*t) for t in triples])
    original = rdflib.Graph().parse(case, format="turtle")
    assert isomorphic(rdflib_read(output), original)

    # Compaction happened: the data's predicates and classes are written with the
    # context's short names, and no property key is a full IRI.
    document = json.loads(output)
    used = keys_and_types(document)
    short = {name for name in used if ":" not in name}
    assert short and short <= set(context.terms)
    assert not [name for name in used if "://" in name]


def test_compaction_writes_short_names_and_typed_values() -> None:
    case = REPO / "tests/cases/shapes/finance/valid-expense/data.ttl"
    document = compacted(triples_of(case), CONTEXTS["finance"])
    line = next(n for n in document["@graph"] if n["@type"] == "ExpenditureLine")
    assert line["budgeted"] == "120000.00"  # xsd:decimal from the context, lexical form kept
    assert line["fiscalYear"] == "2024"
    assert line["municipality"] == "https://w3id.org/demoi/code/municipality/4401"
    assert document["@context"]["budgeted"] == {"@id": "fin:budgeted", "@type": "xsd:decimal"}
    # Only what the data uses is inlined: no term of another area.
    assert "Monument" not in document["@context"]


def test_literals_keep_their_exact_lexical_form_through_compaction() -> None:
    """rdflib writes integers, doubles and booleans as JSON numbers when a context is active,
    which turned "007"^^xsd:integer into 7 (another RDF term)."""
    subject = ox.NamedNode("http://demoi.test/id/x")
    budgeted = ox.NamedNode("https://w3id.org/demoi/def/finance#budgeted")
    other = ox.NamedNode("http://example.org/value")
    values = [
        ox.Literal("007", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("42", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("1.0E0", datatype=ox.NamedNode(XSD + "double")),
        ox.Literal("1", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("abc", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("9007199254740993", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("Καλαμάτα", language="el"),
        ox.Literal("plain"),
        ox.BlankNode("b1"),
    ]
    triples = [ox.Triple(subject, other, value) for value in values]
    triples += [
        ox.Triple(subject, budgeted, ox.Literal("12", datatype=ox.NamedNode(XSD + "integer"))),
        ox.Triple(subject, budgeted, ox.Literal("1.50", datatype=ox.NamedNode(XSD + "decimal"))),
        ox.Triple(subject, budgeted, ox.Literal("no number")),
    ]
    output = compacted_bytes(triples, CONTEXTS[ALL_AREAS])
    read = list(ox.parse(output, format=ox.RdfFormat.JSON_LD))
    assert canonical(read) == canonical([ox.Quad(*t) for t in triples])
    nodes = json.loads(output)["@graph"]
    node = next(node for node in nodes if node["@id"] == subject.value)
    assert node["budgeted"] == "1.50"  # the value the context's type fits
    assert node["fin:budgeted"] == [12, "no number"]


def test_a_large_output_is_written_expanded_and_reads_the_same() -> None:
    case = REPO / "tests/cases/shapes/finance/valid-expense/data.ttl"
    triples = triples_of(case)
    expanded = jsonld_bytes(triples, CONTEXTS["finance"], limit=len(triples) - 1)
    assert b"@context" not in expanded
    assert b'"budgeted"' in jsonld_bytes(triples, CONTEXTS["finance"], limit=len(triples))
    read = list(ox.parse(expanded, format=ox.RdfFormat.JSON_LD))
    assert canonical(read) == canonical([ox.Quad(*t) for t in triples])


# -- the contexts themselves --------------------------------------------------------------


@pytest.mark.parametrize("name", [*NAMES, ALL_AREAS])
def test_every_name_of_a_context_means_one_iri(name: str) -> None:
    """Each term name and prefix is defined once, and a JSON-LD processor expands each term
    name to the IRI the context means by it."""
    context = CONTEXTS[name]
    body = json.loads(context.text(), object_pairs_hook=no_duplicate_keys)["@context"]
    assert not set(context.prefixes) & set(context.terms)
    names = sorted(context.terms)
    node: dict[str, object] = {"@id": "http://demoi.test/s"}
    for number, term_name in enumerate(names):
        term = context.terms[term_name]
        if term.language_map:
            node[term_name] = {"el": f"v{number}"}
        elif term.coercion == "@id":
            node[term_name] = f"http://demoi.test/o{number}"
        else:
            node[term_name] = f"v{number}"
    quads = ox.parse(json.dumps({"@context": body, **node}), format=ox.RdfFormat.JSON_LD)
    meant = {}
    for quad in quads:
        value = quad.object.value
        number = int(value.removeprefix("http://demoi.test/o").removeprefix("v"))
        meant[names[number]] = quad.predicate.value
    assert meant == {term_name: context.terms[term_name].iri for term_name in names}


def test_the_all_areas_context_qualifies_a_name_two_areas_define() -> None:
    everything = CONTEXTS[ALL_AREAS]
    finance, statistics = CONTEXTS["finance"], CONTEXTS["statistics"]
    # fin:municipality and demoi:municipality share a local name: no area gets it.
    assert "municipality" not in everything.terms
    assert (
        everything.terms["fin:municipality"].iri
        == "https://w3id.org/demoi/def/finance#municipality"
    )
    # In its own area's context, the area's term has the short name.
    assert finance.terms["municipality"].iri == "https://w3id.org/demoi/def/finance#municipality"
    assert finance.terms["demoi:municipality"].coercion == "@id"
    # Every area term is in the all-areas context, by its short name or a qualified one.
    iris = {term.iri for term in everything.terms.values()}
    for area in AREAS:
        namespace = STANDARDS.by_area(area).namespace
        assert namespace
        own = [t.iri for t in CONTEXTS[area].terms.values() if t.iri.startswith(namespace)]
        assert own
        missing = [iri for iri in own if iri not in iris and everything.compact_iri(iri) == iri]
        assert not missing
    assert statistics.terms  # (a non-empty context for every area)


def test_term_definitions_follow_the_ranges() -> None:
    finance = CONTEXTS["finance"]
    assert finance.terms["fiscalYear"].coercion == XSD + "gYear"
    assert finance.terms["serviceCode"].coercion is None  # xsd:string: a plain JSON string
    assert finance.terms["BudgetLine"].coercion is None
    language_maps = [
        name for context in CONTEXTS.values() for name, t in context.terms.items() if t.language_map
    ]
    assert language_maps


# -- the command --------------------------------------------------------------------------


def test_the_command_prints_one_context_and_writes_them_all(tmp_path: Path) -> None:
    runner = CliRunner()
    printed = runner.invoke(cli, ["vocab", "context", "--area", "finance"])
    assert printed.exit_code == 0, printed.output
    assert printed.stdout == CONTEXTS["finance"].text()
    everything = runner.invoke(cli, ["vocab", "context"])
    assert everything.stdout == CONTEXTS[ALL_AREAS].text()

    written = runner.invoke(cli, ["vocab", "context", "--out", str(tmp_path / "ctx")])
    assert written.exit_code == 0, written.output
    files = sorted(path.name for path in (tmp_path / "ctx").iterdir())
    assert files == sorted(f"{name}.jsonld" for name in [*NAMES, ALL_AREAS])
    for name, context in CONTEXTS.items():
        assert (tmp_path / "ctx" / f"{name}.jsonld").read_text(encoding="utf-8") == context.text()


def test_an_unknown_area_is_a_usage_error_listing_the_areas() -> None:
    result = CliRunner().invoke(cli, ["vocab", "context", "--area", "budget"])
    assert result.exit_code == 2
    assert "unknown area 'budget'" in result.stderr
    assert "finance" in result.stderr and "Traceback" not in result.output


def test_out_on_a_file_is_a_usage_error_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "file.jsonld"
    target.write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(cli, ["vocab", "context", "--out", str(target)])
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "keep"


def test_a_vocabulary_that_does_not_parse_is_named_with_its_line(tmp_path: Path) -> None:
    root = tmp_path / "standards"
    shutil.copytree(REPO / "ontologies", root / "ontologies")
    broken = root / "ontologies" / "finance.ttl"
    broken.write_text(broken.read_text(encoding="utf-8") + "\nfin:x fin:y .\n", encoding="utf-8")
    lines = broken.read_text(encoding="utf-8").count("\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["vocab", "context", "--standards", str(root), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert f"finance.ttl, line {lines}" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


# -- the server ---------------------------------------------------------------------------


def test_the_server_serves_what_the_command_writes(
    demo_client: FlaskClient, tmp_path: Path
) -> None:
    CliRunner().invoke(cli, ["vocab", "context", "--out", str(tmp_path)])
    for name in [*NAMES, ALL_AREAS]:
        response = demo_client.get(f"/context/{name}.jsonld")
        assert response.status_code == 200
        assert response.data == (tmp_path / f"{name}.jsonld").read_bytes()
        assert response.mimetype == "application/ld+json"
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "max-age" in response.headers["Cache-Control"]
    etag = demo_client.get("/context/finance.jsonld").headers["ETag"]
    again = demo_client.get("/context/finance.jsonld", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_an_unknown_context_is_not_found(demo_client: FlaskClient) -> None:
    response = demo_client.get("/context/budget.jsonld")
    assert response.status_code == 404
    assert "finance" in response.get_json()["error"]["message"]


# -- the JSON-LD outputs use it -----------------------------------------------------------

LINES = (
    "PREFIX fin: <https://w3id.org/demoi/def/finance#> "
    "CONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s WHERE { GRAPH ?g { ?s a fin:ExpenditureLine } } "
    "ORDER BY ?s LIMIT 3 } GRAPH ?g { ?s ?p ?o } }"
)


def inline_context(document: dict[str, Any]) -> dict[str, Any]:
    """The document's context, which must be inline: nothing to fetch."""
    context = document["@context"]
    assert isinstance(context, dict)
    assert all(not isinstance(v, str) or ":" in v for v in context.values())
    return context


def test_construct_results_are_compacted(demo_client: FlaskClient) -> None:
    answers = {
        name: demo_client.get("/sparql", query_string={"query": LINES, "format": name})
        for name in ("jsonld", "nt")
    }
    document = json.loads(answers["jsonld"].data)
    inline_context(document)
    assert "ExpenditureLine" in keys_and_types(document)
    assert "kaeCode" in keys_and_types(document)
    read = ox.parse(answers["jsonld"].data, format=ox.RdfFormat.JSON_LD)
    expected = ox.parse(answers["nt"].data, format=ox.RdfFormat.N_TRIPLES)
    assert canonical(list(read)) == canonical(list(expected))


def test_a_linked_data_description_is_compacted(demo_client: FlaskClient, demo_app: Flask) -> None:
    nt = demo_client.get("/sparql", query_string={"query": LINES, "format": "nt"}).data
    line = next(q.subject.value for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))
    path = "/" + line.removeprefix(DEMO_BASE)
    response = demo_client.get(path, headers={"Accept": "application/ld+json"})
    document = json.loads(response.data)
    inline_context(document)
    assert document["@type"] == "ExpenditureLine" and "fiscalYear" in document
    read = ox.parse(response.data, format=ox.RdfFormat.JSON_LD)
    turtle = demo_client.get(path, headers={"Accept": "application/n-triples"}).data
    expected = ox.parse(turtle, format=ox.RdfFormat.N_TRIPLES)
    assert canonical(list(read)) == canonical(list(expected))


def test_the_catalogue_is_compacted_with_the_catalogue_context(demo_client: FlaskClient) -> None:
    response = demo_client.get("/catalog/4401", headers={"Accept": "application/ld+json"})
    document = json.loads(response.data)
    context = inline_context(document)
    assert "Dataset" in keys_and_types(document)
    assert set(context) - set(CONTEXTS["catalogue"].body()) == set()
    nt = demo_client.get("/catalog/4401", headers={"Accept": "application/n-triples"}).data
    read = ox.parse(response.data, format=ox.RdfFormat.JSON_LD)
    assert canonical(list(read)) == canonical(list(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)))


def test_a_restricted_context_keeps_the_prefixes_its_terms_need() -> None:
    finance: Context = CONTEXTS["finance"]
    part = finance.restricted({"https://w3id.org/demoi/def/finance#fiscalYear"})
    assert set(part.terms) == {"fiscalYear"}
    assert set(part.prefixes) == {"fin", "xsd"}
    assert build_context(STANDARDS, "finance").text() == finance.text()


# -- regressions of review R3: outputs that lost or changed triples, contexts that fetched ------

FIN = "https://w3id.org/demoi/def/finance#"
SUBJECT = ox.NamedNode("http://demoi.test/id/s")
P = ox.NamedNode("http://example.org/p")
#: The reviewer's inputs: a blank node as the value of an "@type": "@id" term (fin:municipality)
#: with a description of its own, and blank nodes that point at each other (one pair named by
#: the subject, one pair named by nothing else).
BLANK_NODE_TURTLE = f"""
<{SUBJECT.value}> <{FIN}municipality> [ <{FIN}kaeCode> "b" ] ;
    <{P.value}> _:a .
_:a <{P.value}> _:c .
_:c <{P.value}> _:a .
_:d <{P.value}> _:e .
_:e <{P.value}> _:d .
"""
#: IRIs whose scheme is a prefix (fin, geo) or a term (BudgetLine) of the context, in every place.
SCHEME_TURTLE = f"""
<fin:subj> <{FIN}kaeCode> "6011" .
<{SUBJECT.value}> a <fin:NotAPrefixed>, <{FIN}BudgetLine>, <BudgetLine:x> ;
    <fin:pred> "v" ;
    <{FIN}kaeCode> "dt"^^<fin:dt> ;
    <{FIN}municipality> <fin:BudgetLine>, <qb:dataSet>, <BudgetLine:y> ;
    <http://www.w3.org/ns/locn#geometry> <geo:37.03,22.11> .
"""


def turtle_triples(text: str) -> list[ox.Triple]:
    return [quad.triple for quad in ox.parse(text, format=ox.RdfFormat.TURTLE)]


def reads_as(output: bytes, triples: list[ox.Triple]) -> None:
    """Both processors read exactly the triples: nothing lost, nothing changed."""
    read = [quad.triple for quad in ox.parse(output, format=ox.RdfFormat.JSON_LD)]
    assert canonical([ox.Quad(*t) for t in read]) == canonical([ox.Quad(*t) for t in triples])
    expected = rdflib.Graph().parse(
        data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt"
    )
    assert isomorphic(rdflib_read(output), expected)


@pytest.mark.parametrize("turtle", [BLANK_NODE_TURTLE, SCHEME_TURTLE], ids=["blank", "scheme"])
@pytest.mark.parametrize("name", ["finance", "catalogue", ALL_AREAS])
def test_compaction_never_loses_blank_nodes_or_changes_an_iri(turtle: str, name: str) -> None:
    triples = turtle_triples(turtle)
    reads_as(compacted_bytes(triples, CONTEXTS[name]), triples)
    reads_as(json.dumps(compacted(triples, CONTEXTS[name])).encode(), triples)


def test_a_blank_node_value_of_an_id_term_stays_compacted_with_its_description() -> None:
    triples = turtle_triples(f"<{SUBJECT.value}> <{FIN}municipality> [ <{FIN}kaeCode> 'b' ] .")
    document = json.loads(compacted_bytes(triples, CONTEXTS["finance"]))
    assert "@context" in document  # still compacted: only the coercion was given up
    assert any(node.get("kaeCode") == "b" for node in document["@graph"])
    reads_as(json.dumps(document).encode(), triples)


def test_an_iri_whose_scheme_is_a_prefix_is_not_written_through_that_prefix() -> None:
    triples = turtle_triples(SCHEME_TURTLE)
    document = json.loads(compacted_bytes(triples, CONTEXTS[ALL_AREAS]))
    assert not {"fin", "geo", "qb", "BudgetLine"} & set(document["@context"])
    assert "kaeCode" in keys_and_types(document)  # the rest is still compacted


@pytest.mark.parametrize("turtle", [BLANK_NODE_TURTLE, SCHEME_TURTLE], ids=["blank", "scheme"])
def test_construct_results_keep_blank_nodes_and_iris_that_look_prefixed(
    demo_client: FlaskClient, turtle: str
) -> None:
    triples = turtle_triples(turtle)
    template = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
    query = f"CONSTRUCT {{ {template} }} WHERE {{}}"
    jsonld = demo_client.get("/sparql", query_string={"query": query, "format": "jsonld"})
    nt = demo_client.get("/sparql", query_string={"query": query, "format": "nt"})
    assert jsonld.status_code == nt.status_code == 200
    reads_as(jsonld.data, turtle_triples(nt.data.decode()))


@pytest.mark.parametrize("turtle", [BLANK_NODE_TURTLE, SCHEME_TURTLE], ids=["blank", "scheme"])
def test_a_linked_data_description_keeps_blank_nodes_and_iris_that_look_prefixed(
    make_app: Callable[..., Flask], turtle: str
) -> None:
    app = make_app(BASE_URI=DEMO_BASE, RATE_LIMIT="")
    app_store(app).replace_graph(f"{DEMO_BASE}graph/x", turtle.encode(), ox.RdfFormat.TURTLE)
    client = app.test_client()
    jsonld = client.get("/id/s", headers={"Accept": "application/ld+json"})
    nt = client.get("/id/s", headers={"Accept": "application/n-triples"})
    assert jsonld.status_code == nt.status_code == 200
    described = turtle_triples(nt.data.decode())
    assert any(isinstance(t.object, ox.BlankNode) for t in described) or "fin:" in turtle
    reads_as(jsonld.data, described)


@pytest.mark.parametrize("turtle", [BLANK_NODE_TURTLE, SCHEME_TURTLE], ids=["blank", "scheme"])
def test_the_catalogue_writer_keeps_blank_nodes_and_iris_that_look_prefixed(turtle: str) -> None:
    triples = turtle_triples(turtle)
    reads_as(serialise(triples, "jsonld"), triples)


# -- names JSON-LD cannot take as terms ---------------------------------------------------

#: Reused terms whose local names are JSON-LD keywords or keyword-like, or IRI-like.
HOSTILE_NAMES = ["@context", "@import", "@id", "@type", "@vocab", "@version", "@x", "a/b", "c?d"]


class _Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.end_headers()
        self.wfile.write(b'{"@context": {}}')

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that records every request it gets."""
    requests: list[str] = []
    handler = type("Recorder", (_Recorder,), {"requests": requests})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/ctx", requests
    server.shutdown()
    server.server_close()
    thread.join()


def hostile_standards(tmp_path: Path, base: str) -> Path:
    root = tmp_path / "standards"
    shutil.copytree(REPO / "ontologies", root / "ontologies")
    finance = root / "ontologies" / "finance.ttl"
    lines = [
        f'<{base}#{name}> a owl:DatatypeProperty ; rdfs:label "r"@en, "r"@el .'
        for name in HOSTILE_NAMES
    ]
    finance.write_text(
        finance.read_text(encoding="utf-8") + "\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )
    return root


def test_keyword_like_local_names_never_become_terms_and_nothing_is_fetched(
    tmp_path: Path, loopback: tuple[str, list[str]]
) -> None:
    base, requests = loopback
    root = hostile_standards(tmp_path, base)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["vocab", "context", "--standards", str(root), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    standards = read_standards(root)
    for name in ["finance", ALL_AREAS]:
        text = (out / f"{name}.jsonld").read_text(encoding="utf-8")
        body = json.loads(text)["@context"]
        assert not [key for key in body if key.startswith("@") or "/" in key or "?" in key]
        assert base not in text  # no term could be named for them: they stay full IRIs
        # Both processors accept the context as it is served.
        ox.parse(json.dumps({"@context": body, "@id": "http://x.test/a"}), ox.RdfFormat.JSON_LD)
        context = build_context(standards, name)
        triples = [
            ox.Triple(SUBJECT, ox.NamedNode(f"{base}#{n}"), ox.Literal("v")) for n in HOSTILE_NAMES
        ]
        output = compacted_bytes(triples, context)
        reads_as(output, triples)
        rdflib_read(text.encode())
    assert requests == []


def test_a_folder_without_the_vocabularies_is_a_usage_error(tmp_path: Path) -> None:
    """It was an internal error (KeyError: 'common', exit 3)."""
    result = CliRunner().invoke(cli, ["vocab", "context", "--standards", str(tmp_path)])
    assert result.exit_code == 2
    assert "common.ttl" in result.stderr and "Traceback" not in result.output


def test_the_privacy_vocabulary_has_a_context_and_is_in_the_all_areas_one(
    demo_client: FlaskClient,
) -> None:
    assert NAMES == [*AREAS, "privacy"]
    override = "https://w3id.org/demoi/def/privacy#PersonalDataOverride"
    for name in ["privacy", ALL_AREAS]:
        assert any(term.iri == override for term in CONTEXTS[name].terms.values())
    response = demo_client.get("/context/privacy.jsonld")
    assert response.status_code == 200
    assert response.data.decode() == CONTEXTS["privacy"].text()

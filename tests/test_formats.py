"""demoi writes SELECT/ASK results itself (so they can be cut to the row limit); every writer is
checked here against pyoxigraph's parser and its own serializer."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest

from demoi.formats import FORMATS_BY_NAME, formats_for, result_bytes
from demoi.store.base import QueryResult

DATA = """
@prefix ex: <http://example.org/> .
ex:a ex:p "plain", "με τόνους & <σύμβολα>"@el, 12.50, "tab\\there", "quote \\" , comma" .
ex:a ex:q _:b .
_:b ex:r ex:c .
"""
QUERY = "SELECT ?s ?p ?o ?missing WHERE { ?s ?p ?o OPTIONAL { ?s <http://nothing> ?missing } }"


@pytest.fixture(scope="module")
def oxstore() -> ox.Store:
    store = ox.Store()
    store.load(DATA.encode(), ox.RdfFormat.TURTLE)
    return store


def ours(store: ox.Store, query: str) -> QueryResult:
    answer = store.query(query)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("boolean", boolean=bool(answer))
    variables = [v.value for v in answer.variables]
    rows = [tuple(solution[name] for name in variables) for solution in answer]
    return QueryResult("solutions", variables=variables, rows=rows)


def parsed(data: bytes, fmt: ox.QueryResultsFormat) -> object:
    answer = ox.parse_query_results(data, fmt)
    if isinstance(answer, ox.QueryBoolean):
        return bool(answer)
    variables = [v.value for v in answer.variables]
    return variables, sorted(
        tuple(str(solution[name]) if solution[name] is not None else "" for name in variables)
        for solution in answer
    )


@pytest.mark.parametrize("name", ["json", "xml", "tsv"])
@pytest.mark.parametrize("query", [QUERY, "ASK { ?s ?p 12.50 }", "ASK { ?s ?p 13 }"])
def test_writer_matches_pyoxigraph(oxstore: ox.Store, name: str, query: str) -> None:
    fmt = ox.QueryResultsFormat.from_extension(name)
    assert fmt is not None
    expected = oxstore.query(query).serialize(format=fmt)
    assert parsed(result_bytes(ours(oxstore, query), FORMATS_BY_NAME[name]), fmt) == parsed(
        expected, fmt
    )


def test_csv_writer_matches_pyoxigraph_text(oxstore: ox.Store) -> None:
    # CSV loses term kinds, so compare the text: same header and the same rows.
    expected = oxstore.query(QUERY).serialize(format=ox.QueryResultsFormat.CSV).decode()
    written = result_bytes(ours(oxstore, QUERY), FORMATS_BY_NAME["csv"]).decode()

    def rows(text: str) -> list[str]:
        return sorted(text.splitlines()[1:])

    assert written.splitlines()[0] == expected.splitlines()[0]
    assert [r for r in rows(written) if "_:" not in r] == [
        r for r in rows(expected) if "_:" not in r
    ]


def test_json_literal_encoding(oxstore: ox.Store) -> None:
    document = json.loads(result_bytes(ours(oxstore, QUERY), FORMATS_BY_NAME["json"]))
    objects = [binding["o"] for binding in document["results"]["bindings"]]
    assert {"type": "literal", "value": "με τόνους & <σύμβολα>", "xml:lang": "el"} in objects
    assert {"type": "literal", "value": "plain"} in objects
    assert {
        "type": "literal",
        "value": "12.5",
        "datatype": "http://www.w3.org/2001/XMLSchema#decimal",
    } in objects
    assert all("missing" not in binding for binding in document["results"]["bindings"])


def test_graph_results_use_pyoxigraph_serializers() -> None:
    triple = ox.Triple(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal("ο"))
    result = QueryResult("graph", triples=[triple])
    for fmt in formats_for("graph"):
        assert fmt.rdf_format is not None
        again = list(ox.parse(io.BytesIO(result_bytes(result, fmt)), fmt.rdf_format))
        assert [ox.Triple(q.subject, q.predicate, q.object) for q in again] == [triple]


def test_a_result_kind_is_written_only_in_its_formats() -> None:
    with pytest.raises(ValueError):
        result_bytes(QueryResult("boolean", boolean=True), FORMATS_BY_NAME["ttl"])

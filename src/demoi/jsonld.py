"""JSON-LD compacted with a standards context (demoi.vocab.contexts), for the outputs people
read: linked-data descriptions, catalogue pages, CONSTRUCT results.

pyoxigraph 0.5 writes JSON-LD expanded only (it ignores ``prefixes``), so the compaction is
rdflib's (``from_rdf`` with a context), which needs the graph in memory: fine for a description
or a page, too slow for a whole dataset's dump, which stays expanded (docs/jsonld-contexts.md).
The context is inlined, restricted to the terms and prefixes the data uses, so a reader never
fetches anything to read the output.

rdflib's compaction loses triples in some shapes of data: a blank node that is the value of an
``"@type": "@id"`` term is written as ``"_:b1"`` without its description, and blank nodes that
only point at each other are dropped. So every compacted document is read back with pyoxigraph
and compared with the triples; when they differ the document is compacted again without the
``@id`` coercion of the terms whose values are blank nodes, and failing that it is written
expanded. An output never loses or changes a triple.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyoxigraph as ox
import rdflib
from rdflib.plugins.serializers.jsonld import Converter
from rdflib.plugins.shared.jsonld.context import Context as RdflibContext

from demoi.vocab.contexts import Context, iris_in

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_INTEGER = rdflib.XSD.integer
XSD_BOOLEAN = rdflib.XSD.boolean
#: rdflib's from_rdf writes xsd:integer, xsd:boolean, xsd:double and xsd:string as JSON values
#: whenever a context is active (its use_native_types option is always on), which turns
#: "007"^^xsd:integer into 7 and "1.0E0"^^xsd:double into 1.0: another RDF term. Only the
#: literals whose JSON form reads back as the same term are written natively.


class _ExactConverter(Converter):
    def to_raw_value(self, graph: rdflib.Graph, s: Any, o: Any, nodemap: dict[str, Any]) -> Any:
        if isinstance(o, rdflib.Literal) and o.datatype is not None and not _native(o):
            return {
                self.context.type_key: self.context.to_symbol(o.datatype),
                self.context.value_key: str(o),
            }
        return super().to_raw_value(graph, s, o, nodemap)


def _native(literal: rdflib.Literal) -> bool:
    text = str(literal)
    if literal.datatype == XSD_INTEGER:
        value = _integer(text)
        # Past 2**53 a JavaScript reader would round a JSON number.
        return value is not None and abs(value) < 2**53 and text == str(value)
    if literal.datatype == XSD_BOOLEAN:
        return text in ("true", "false")
    return False


def _integer(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Identifier:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return rdflib.Literal(term.value)
    # normalize=False: rdflib would otherwise rewrite "007"^^xsd:integer as "7".
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value), normalize=False)


def rdflib_graph(triples: Iterable[ox.Triple]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for triple in triples:
        subject, predicate, value = triple.subject, triple.predicate, triple.object
        if isinstance(subject, ox.Triple) or isinstance(value, ox.Triple):
            raise ValueError("JSON-LD cannot hold a triple term")
        graph.add((_rdflib_term(subject), _rdflib_term(predicate), _rdflib_term(value)))
    return graph


def compacted(triples: Iterable[ox.Triple], context: Context) -> dict[str, Any]:
    """The triples as a compacted JSON-LD document with the part of ``context`` they use
    inlined; nodes sorted by ``@id``, so the same triples give the same document. Where no
    compaction reads back as the same triples, the expanded form (``{"@graph": [...]}``)."""
    document: dict[str, Any] = json.loads(compacted_bytes(triples, context))
    if isinstance(document, list):
        return {"@graph": document}
    return document


def compacted_bytes(triples: Iterable[ox.Triple], context: Context) -> bytes:
    triples = list(triples)
    used = context.restricted(
        iris_in(term for t in triples for term in (t.subject, t.predicate, t.object))
    )
    output = _dumps(_document(triples, used)).encode("utf-8")
    if _reads_as(output, triples):
        return output
    linking = {t.predicate.value for t in triples if isinstance(t.object, ox.BlankNode)}
    output = _dumps(_document(triples, used.without_coercion(linking))).encode("utf-8")
    if _reads_as(output, triples):
        return output
    # Blank nodes in a cycle, or an IRI no context writes faithfully: only expanded is exact.
    expanded = ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
    assert expanded is not None  # without an output, pyoxigraph returns the bytes
    return expanded


def _reads_as(output: bytes, triples: list[ox.Triple]) -> bool:
    """Whether a JSON-LD processor reads ``output`` as exactly ``triples`` (pyoxigraph
    loads no remote context, so nothing is fetched to check)."""
    try:
        read = [quad.triple for quad in ox.parse(output, format=ox.RdfFormat.JSON_LD)]
    except (SyntaxError, ValueError):
        return False
    if not any(_has_blank(t) for t in (*read, *triples)):
        return set(read) == set(triples)
    return _canonical(read) == _canonical(triples)


def _has_blank(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def _canonical(triples: list[ox.Triple]) -> set[ox.Quad]:
    dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def _document(triples: list[ox.Triple], used: Context) -> dict[str, Any]:
    # rdflib's terms (str subclasses) are left in: json writes them as strings.
    body = used.body()
    converter = _ExactConverter(RdflibContext(body), False, False)
    result = converter.convert(rdflib_graph(triples))
    if isinstance(result, list):  # no triples at all
        result = {"@graph": result}
    nodes = result.pop("@graph", None)
    if nodes is None:
        nodes = [result] if result else []
    nodes = sorted(nodes, key=lambda node: str(node.get("@id", "")))
    document: dict[str, Any] = {"@context": body}
    if len(nodes) == 1:
        document.update(nodes[0])
    else:
        document["@graph"] = nodes
    return document


def _dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)


#: Past this many triples an output is written expanded by pyoxigraph instead: rdflib compacts
#: about 18,000 triples a second (measured: 10,000 in 0.56 s, 100,000 in 5.5 s, against 0.08 s
#: for pyoxigraph's expanded JSON-LD), and a reader must not wait for a shorter form.
COMPACT_LIMIT = 20_000


def jsonld_bytes(
    triples: Sequence[ox.Triple], context: Context, *, limit: int = COMPACT_LIMIT
) -> bytes:
    """Compacted JSON-LD up to ``limit`` triples, expanded past it; both read as the same
    triples by any JSON-LD processor, and neither needs anything fetched."""
    if len(triples) <= limit:
        return compacted_bytes(triples, context)
    output = io.BytesIO()
    ox.serialize(triples, output, ox.RdfFormat.JSON_LD)
    return output.getvalue()

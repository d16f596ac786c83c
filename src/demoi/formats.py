"""Output formats of query results, registered by short name and media type, and their writers.

Graph results (CONSTRUCT, DESCRIBE) are written by pyoxigraph's serializers, JSON-LD compacted
with the standards' context (demoi.jsonld). Solutions and
booleans are written here, because a result cut to ``DEMOI_MAX_RESULT_ROWS`` is a list of rows
that pyoxigraph cannot serialize (it only serializes a live ``QuerySolutions`` iterator, whole).
tests/test_formats.py checks every writer against pyoxigraph's parser.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from demoi.errors import UsageError
from demoi.store.base import QueryKind, QueryResult

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    kinds: frozenset[QueryKind]
    #: Other media types a client may ask for this format by.
    aliases: tuple[str, ...] = ()
    rdf_format: ox.RdfFormat | None = None
    #: Other short names clients send in ``format=`` (SPARQLWrapper sends ``turtle``).
    nicknames: tuple[str, ...] = ()

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)

    @property
    def iri(self) -> str:
        """The format's IRI under http://www.w3.org/ns/formats/, as pyoxigraph knows it."""
        if self.rdf_format is not None:
            return self.rdf_format.iri
        results_format = ox.QueryResultsFormat.from_media_type(self.media_type)
        assert results_format is not None
        return results_format.iri


_TABLE: frozenset[QueryKind] = frozenset({"solutions", "boolean"})
_GRAPH: frozenset[QueryKind] = frozenset({"graph"})

FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", _TABLE, ("application/json",)),
    Format("xml", "application/sparql-results+xml", _TABLE, ("application/xml", "text/xml")),
    Format("csv", "text/csv", _TABLE),
    Format("tsv", "text/tab-separated-values", _TABLE),
    Format("ttl", "text/turtle", _GRAPH, (), ox.RdfFormat.TURTLE, ("turtle",)),
    Format(
        "nt",
        "application/n-triples",
        _GRAPH,
        ("text/plain",),
        ox.RdfFormat.N_TRIPLES,
        ("ntriples", "n-triples"),
    ),
    Format("nq", "application/n-quads", _GRAPH, (), ox.RdfFormat.N_QUADS, ("nquads", "n-quads")),
    Format("trig", "application/trig", _GRAPH, (), ox.RdfFormat.TRIG),
    Format("jsonld", "application/ld+json", _GRAPH, (), ox.RdfFormat.JSON_LD, ("json-ld",)),
    Format(
        "rdf",
        "application/rdf+xml",
        _GRAPH,
        (),
        ox.RdfFormat.RDF_XML,
        ("rdfxml", "rdf+xml"),
    ),
)
FORMATS_BY_NAME = {fmt.name: fmt for fmt in FORMATS}
#: Every name a format goes by in ``format=``; ``xml`` and ``json`` name the SPARQL result
#: formats, which is what SPARQLWrapper means by them for SELECT and ASK.
FORMATS_BY_NICKNAME = {name: fmt for fmt in FORMATS for name in (fmt.name, *fmt.nicknames)}


def formats_for(kind: QueryKind) -> list[Format]:
    """The formats that can carry a result of ``kind``, the default first."""
    return [fmt for fmt in FORMATS if kind in fmt.kinds]


class CannotWrite(ValueError):
    """The result holds something the format cannot express (a triple term in JSON-LD, a
    control character in XML)."""


def write_result(result: QueryResult, fmt: Format, output: BinaryIO) -> None:
    if result.kind not in fmt.kinds:
        raise ValueError(f"a {result.kind} result cannot be written as {fmt.name}")
    if result.kind == "graph":
        assert fmt.rdf_format is not None
        try:
            if fmt.rdf_format is ox.RdfFormat.JSON_LD:
                _write_json_ld(result.triples, output)
                return
            ox.serialize(result.triples, output, fmt.rdf_format)
        except (OSError, ValueError) as error:
            raise CannotWrite(f"the result cannot be written as {fmt.name}: {error}") from None
        return
    writer = {"json": _write_json, "xml": _write_xml, "csv": _write_csv, "tsv": _write_tsv}
    writer[fmt.name](result, output)


def _write_json_ld(triples: list[ox.Triple], output: BinaryIO) -> None:
    # Compacted with the all-areas context, inlined: docs/jsonld-contexts.md.
    from demoi.jsonld import jsonld_bytes
    from demoi.vocab.contexts import standard_context

    output.write(jsonld_bytes(triples, standard_context()))


def result_bytes(result: QueryResult, fmt: Format) -> bytes:
    buffer = io.BytesIO()
    write_result(result, fmt, buffer)
    return buffer.getvalue()


# -- SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/) ---------


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    encoded: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        encoded["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        encoded["datatype"] = term.datatype.value
    return encoded


def _write_json(result: QueryResult, output: BinaryIO) -> None:
    document: dict[str, object]
    if result.kind == "boolean":
        document = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [
            {
                name: _json_term(term)
                for name, term in zip(result.variables, row, strict=True)
                if term is not None
            }
            for row in result.rows
        ]
        document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    output.write(json.dumps(document, ensure_ascii=False).encode())


# -- SPARQL Query Results XML (https://www.w3.org/TR/rdf-sparql-XMLres/) -----------------


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject>"
            f"<predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>"
        )
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _write_xml(result: QueryResult, output: BinaryIO) -> None:
    parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "boolean":
        parts.append(f"<head/><boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        parts.append("<head>")
        parts.extend(f"<variable name={quoteattr(name)}/>" for name in result.variables)
        parts.append("</head><results>")
        for row in result.rows:
            parts.append("<result>")
            parts.extend(
                f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                for name, term in zip(result.variables, row, strict=True)
                if term is not None
            )
            parts.append("</result>")
        parts.append("</results>")
    parts.append("</sparql>\n")
    document = "".join(parts)
    if _NOT_XML.search(document):
        raise CannotWrite("the result holds a control character that XML cannot carry; use json")
    output.write(document.encode())


# -- SPARQL 1.1 Query Results CSV and TSV (https://www.w3.org/TR/sparql11-results-csv-tsv/)


def csv_term(term: Term | None) -> str:
    """A term as SPARQL 1.1 CSV writes it: the lexical form, no datatype or tag."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _write_csv(result: QueryResult, output: BinaryIO) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    if result.kind == "boolean":  # CSV and TSV define no boolean form; as pyoxigraph does
        text.write("true" if result.boolean else "false")
    else:
        writer.writerow(result.variables)
        writer.writerows([csv_term(term) for term in row] for row in result.rows)
    output.write(text.getvalue().encode())


def _tsv_row(cells: Sequence[str]) -> str:
    return "\t".join(cells) + "\n"


def _write_tsv(result: QueryResult, output: BinaryIO) -> None:
    if result.kind == "boolean":
        lines = ["true" if result.boolean else "false"]
    else:
        lines = [_tsv_row([f"?{name}" for name in result.variables])]
        # str() of a pyoxigraph term is its N-Triples form, which is what TSV cells hold.
        lines.extend(
            _tsv_row(["" if term is None else str(term) for term in row]) for row in result.rows
        )
    output.write("".join(lines).encode())


# Only extensions that say which syntax a file is in (pyoxigraph also reads .txt as N-Triples).
RDF_EXTENSIONS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML,
}


def rdf_format_for(file: str, name: str | None) -> ox.RdfFormat:
    """The syntax ``name`` (an extension) says, or else the file's extension says."""
    extension = file.rpartition(".")[2] if "." in file.rpartition("/")[2] else ""
    found = RDF_EXTENSIONS.get((name or extension).lower())
    if found is None:
        raise UsageError(
            f"cannot tell the RDF syntax of {file}; give --format ({', '.join(RDF_EXTENSIONS)})"
        )
    return found

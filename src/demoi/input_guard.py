"""Checks RDF input passes before pyoxigraph parses it, for inputs that would crash or swamp
the process rather than fail with a syntax error:

* RDF/XML whose DTD defines entities in terms of other entities: expansion grows without
  bound ("billion laughs": a 1 KB file became a 100-million-character literal). Plain entities
  (``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``, common in OWL files) stay accepted.
* RDF/XML that names anything outside itself in its DTD: an external entity
  (``<!ENTITY x SYSTEM "http://…">``) or an external DTD (``<!DOCTYPE r SYSTEM "…">``). pyoxigraph
  fetches neither, but a parser that did would make the server reach wherever the file says
  (tests/test_canary.py), so they are refused by name rather than left to a parser's choices.
* Turtle, TriG, N-Triples and N-Quads with triple terms (``<< … >>``) nested deeper than
  MAX_NESTING: pyoxigraph's parser recurses on them and crashes the process.
* JSON-LD with objects or arrays nested deeper than MAX_NESTING: pyoxigraph's JSON-LD parser
  recurses on nested objects and crashed the process at about 4,000 (found in review).
* RDF/XML with elements nested deeper than MAX_XML_DEPTH: pyoxigraph's RDF/XML parser takes
  time quadratic in the depth (found in review: 40,000 levels in 2 MB took 8 s, so one 50 MB
  upload would hold a core for hours).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from demoi.errors import Location, RdfSyntaxError
from demoi.query_guard import MAX_NESTING, tokens

XML_SPEC = "https://www.w3.org/TR/xml/#sec-entity-decl"
_ENTITY = re.compile(rb"""<!ENTITY\s+(%\s+)?\S+\s+(?:"([^"]*)"|'([^']*)')""")
_EXTERNAL = re.compile(rb"<!(ENTITY\s+(?:%\s+)?|DOCTYPE\s+)\S+\s+(?:SYSTEM|PUBLIC)\b", re.I)
#: Where JSON's depth may change: a bracket, or a string (which may hold brackets).
_JSON_TOKEN = re.compile(rb'[\[{\]}"]')
#: The rest of a string after its opening quote (possessive: an unclosed one fails at once).
_JSON_STRING_REST = re.compile(rb'(?:[^"\\]|\\.)*+"', re.S)
#: Far deeper than RDF/XML written by people or tools (striped syntax nests two levels a
#: triple), and parsed in milliseconds.
MAX_XML_DEPTH = 1000
#: What does not nest in XML and may hold brackets (comments, CDATA, processing
#: instructions), by its opening and its end.
_XML_SKIPPED = {b"<!--": b"-->", b"<![CDATA[": b"]]>", b"<?": b"?>"}
#: The opening of something skipped, or a tag (end tag, declaration or start tag, with quoted
#: attribute values, which may hold ">"). A tag never crosses a "<", so a search reads each
#: byte about once, in the regex engine, even of a file of nothing but "<".
_XML_TOKEN = re.compile(rb"""<!--|<!\[CDATA\[|<\?|<[^>"'<]*(?:(?:"[^"<]*"|'[^'<]*')[^>"'<]*)*>""")
_TRIPLE_TERM_SYNTAXES = {
    ox.RdfFormat.TURTLE,
    ox.RdfFormat.TRIG,
    ox.RdfFormat.N_TRIPLES,
    ox.RdfFormat.N_QUADS,
}


def _contains(source: Path | bytes, needle: bytes, *, ignore_case: bool = False) -> bool:
    fold = bytes.lower if ignore_case else bytes
    needle = fold(needle)
    if isinstance(source, bytes):
        return needle in fold(source)
    with source.open("rb") as data:
        tail = b""
        for block in iter(lambda: fold(data.read(1 << 20)), b""):
            if needle in tail + block:
                return True
            tail = block[-len(needle) :]
    return False


def _has_dtd(source: Path | bytes) -> bool:
    # pyoxigraph's XML reader takes <!doctype in any case (found writing tests/test_canary.py).
    return _contains(source, b"<!ENTITY") or _contains(source, b"<!DOCTYPE", ignore_case=True)


_DTD_START = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def check_rdf_source(
    source: Path | bytes, rdf_format: ox.RdfFormat, file: str | None, *, allow_dtd: bool = True
) -> None:
    """Refuse what would crash or swamp the parser (module docstring). Without ``allow_dtd``,
    RDF/XML with any DOCTYPE or entity is refused: what the server accepts from the network,
    where nobody needs entities and every DTD feature is attack surface. Files loaded by an
    operator (OWL written by Protégé declares plain entities) keep them."""
    if rdf_format == ox.RdfFormat.RDF_XML and _has_dtd(source):
        # The whole file is read: a DTD can come after any amount of comment (found in review:
        # a check of the first 256 KB was passed by padding).
        data = source if isinstance(source, bytes) else source.read_bytes()
        external = _EXTERNAL.search(data)
        if external:
            kind = "an entity" if external.group(1).upper().startswith(b"ENTITY") else "the DTD"
            raise RdfSyntaxError(
                f"the DTD takes {kind} from outside the file (SYSTEM or PUBLIC), which demoi "
                "never fetches; inline it or remove the DOCTYPE",
                location=Location(file),
                spec=XML_SPEC,
            )
        if not allow_dtd:
            _refuse_dtd(data, file)
        for match in _ENTITY.finditer(data):
            value = match.group(2) or match.group(3) or b""
            if match.group(1) or b"&" in value or b"%" in value:
                raise RdfSyntaxError(
                    "the DTD defines an entity in terms of other entities, which can expand "
                    "without bound; demoi accepts only plain entities",
                    location=Location(file),
                    spec=XML_SPEC,
                )
    if rdf_format == ox.RdfFormat.RDF_XML:
        _check_xml_depth(source if isinstance(source, bytes) else source.read_bytes(), file)
    elif rdf_format == ox.RdfFormat.JSON_LD:
        _check_json_nesting(source if isinstance(source, bytes) else source.read_bytes(), file)
    elif rdf_format in _TRIPLE_TERM_SYNTAXES and _contains(source, b"<<"):
        data = source if isinstance(source, bytes) else source.read_bytes()
        depth = 0
        for token in tokens(data.decode("utf-8", errors="replace")):
            if token.text.startswith("<<"):
                depth += 1
                if depth > MAX_NESTING:
                    raise RdfSyntaxError(
                        f"triple terms are nested more than {MAX_NESTING} deep",
                        location=Location(file),
                    )
            elif token.text.endswith(">>"):
                depth = max(depth - 1, 0)


def _refuse_dtd(data: bytes, file: str | None) -> None:
    found = _DTD_START.search(data)
    if found is None:
        return
    raise RdfSyntaxError(
        "RDF/XML with a DOCTYPE or entity declarations is not accepted over HTTP; expand the "
        "entities (any RDF tool re-serialising the file does) and send it again",
        location=_location(file, data, found.start()),
        spec=XML_SPEC,
    )


def _location(file: str | None, data: bytes, offset: int) -> Location:
    """Line and column (1-based, in bytes) of ``offset`` in ``data``."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return Location(file, data.count(b"\n", 0, offset) + 1, offset - line_start + 1)


def _check_json_nesting(data: bytes, file: str | None) -> None:
    depth = position = 0
    while (token := _JSON_TOKEN.search(data, position)) is not None:
        bracket = token.group()
        position = token.end()
        if bracket == b'"':
            rest = _JSON_STRING_REST.match(data, position)
            if rest is None:
                return  # never closed: not JSON, and pyoxigraph says so
            position = rest.end()
        elif bracket in (b"{", b"["):
            depth += 1
            if depth > MAX_NESTING:
                raise RdfSyntaxError(
                    f"JSON-LD objects and arrays are nested more than {MAX_NESTING} deep",
                    location=_location(file, data, token.start()),
                )
        else:
            depth = max(depth - 1, 0)


def _check_xml_depth(data: bytes, file: str | None) -> None:
    """Hand-written rather than an XML parser's job: a parser would expand the DTD's entities
    and report its own errors first, while this only counts, in one pass, and leaves a
    malformed document to pyoxigraph's parser to report."""
    depth = position = 0
    while (token := _XML_TOKEN.search(data, position)) is not None:
        text = token.group()
        if text in _XML_SKIPPED:
            end = data.find(_XML_SKIPPED[text], token.end())
            if end == -1:
                return  # never closed: not XML, and pyoxigraph says so
            position = end + len(_XML_SKIPPED[text])
            continue
        position = token.end()
        if text.startswith(b"</"):
            depth = max(depth - 1, 0)
        elif not (text.startswith(b"<!") or text.endswith(b"/>")):
            depth += 1
            if depth > MAX_XML_DEPTH:
                raise RdfSyntaxError(
                    f"the XML elements are nested more than {MAX_XML_DEPTH} deep",
                    location=_location(file, data, token.start()),
                )

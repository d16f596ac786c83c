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


def check_rdf_source(source: Path | bytes, rdf_format: ox.RdfFormat, file: str | None) -> None:
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
        for match in _ENTITY.finditer(data):
            value = match.group(2) or match.group(3) or b""
            if match.group(1) or b"&" in value or b"%" in value:
                raise RdfSyntaxError(
                    "the DTD defines an entity in terms of other entities, which can expand "
                    "without bound; demoi accepts only plain entities",
                    location=Location(file),
                    spec=XML_SPEC,
                )
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
